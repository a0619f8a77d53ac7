"""The palette: card kinds, emotion points, stages, steps and lanes to drag
onto the map. Each entry has an accessible name; Enter on an entry is the
keyboard route (the Editor's keyboard slice adds it at the selected cell)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QBrush, QColor, QDrag, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from journeydesk.canvas.palette import MIME, Payload
from journeydesk.model.vocab import CARD_KINDS, LANE_KINDS

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 2


class Palette(QListWidget):
    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Palette"))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._add_heading(self.tr("Cards"))
        for term in CARD_KINDS:
            self._add(term.label(language), Payload("card", term.key), term.colour)
        self._add_heading(self.tr("Emotion"))
        self._add(self.tr("Emotion point"), Payload("emotion_point"), "#F2D7D5")
        self._add_heading(self.tr("Structure"))
        self._add(self.tr("Stage"), Payload("stage"), "#2E3A59")
        self._add(self.tr("Step"), Payload("step"), "#E9ECF2")
        for term in LANE_KINDS:
            self._add(
                self.tr("Lane: %1").replace("%1", term.label(language)),
                Payload("lane", term.key),
                "#E9ECF2",
            )

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        # Enabled (drawn in the text colour, not greyed out) but not selectable.
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.addItem(item)

    def _add(self, text: str, payload: Payload, colour: str | None) -> None:
        item = QListWidgetItem(text)
        item.setData(PAYLOAD_ROLE, payload.encode())
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if colour:
            swatch = QPixmap(12, 12)
            swatch.fill(QColor(colour))
            item.setIcon(swatch)
            item.setBackground(QBrush(Qt.BrushStyle.NoBrush))
        self.addItem(item)

    def payload_of(self, item: QListWidgetItem) -> Payload | None:
        data = item.data(PAYLOAD_ROLE)
        return Payload.decode(bytes(data)) if data else None

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        if items and items[0].data(PAYLOAD_ROLE):
            mime.setData(MIME, bytes(items[0].data(PAYLOAD_ROLE)))
        return mime

    def startDrag(self, supported: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None or not item.data(PAYLOAD_ROLE):
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.exec(Qt.DropAction.CopyAction)
