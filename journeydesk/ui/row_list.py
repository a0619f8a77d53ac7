"""A list widget of one-line rows that an edit changes a few at a time.

A ``QListWidget`` lays its rows out by measuring each row's text; after any
change of a row (its text set, a row inserted or taken out) it measures every
row again: 90 ms after one title typed, for the ~4,000 rows of a 20,000-card
map's check list. ``RowList`` lays its rows out as rows of one size
(``uniformItemSizes``), as tall as one line and as wide as its widest row,
which it knows by measuring only the rows that change; so the list scrolls as
far as Qt's own layout would let it (tests/ui/test_decide_panel.py). A row
whose text breaks a line (a title may hold one) has a height of its own: while
one is shown the list is laid out as Qt lays it out, every row measured.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from journeydesk.model.decide_lists import Splice

T = TypeVar("T")
Words = Callable[[T], tuple[str, str, str]]
"""A row's text, map id and element id."""
MAP_ROLE = Qt.ItemDataRole.UserRole + 1
ELEMENT_ROLE = Qt.ItemDataRole.UserRole + 2
_BREAKS = ("\n", "\r", "\u2028", "\u2029")


def _advance(metrics: QFontMetricsF, text: str) -> int:
    """A line's width in whole pixels, rounded up as the item views round it."""
    return math.ceil(metrics.horizontalAdvance(text))


class _AsWideAsTheWidest(QStyledItemDelegate):
    """Every row's size hint as wide as the widest row's (the list asks one row)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widest = 0
        """The widest row's text, in pixels of the list's font."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        margins = size.width() - _advance(QFontMetricsF(option.font), str(text))
        return QSize(max(size.width(), self.widest + margins), size.height())


class RowList(QListWidget):
    """Rows of text with a map id and an element id, changed by ``splice``."""

    def __init__(self) -> None:
        super().__init__()
        self._widths: list[int] = []
        self._broken: list[bool] = []
        self._delegate = _AsWideAsTheWidest(self)
        self.setItemDelegate(self._delegate)
        self.setUniformItemSizes(True)

    def clear(self) -> None:
        super().clear()
        self._widths = []
        self._broken = []
        self._delegate.widest = 0
        self.setUniformItemSizes(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # every row measured again
            metrics = QFontMetricsF(self.font())
            self._widths = [_advance(metrics, self.item(n).text()) for n in range(self.count())]
            self._delegate.widest = max(self._widths, default=0)
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    def splice(self, splices: list[Splice[T]], words: Words[T]) -> None:
        """Apply ``splices`` to the rows: a row in place has its words and roles
        set, the rest are inserted or taken out."""
        if not splices:
            return
        metrics = QFontMetricsF(self.font())
        for splice in splices:
            common = min(splice.removed, len(splice.added))
            texts: list[str] = []
            for n in range(common):
                item = self.item(splice.start + n)
                text, map_id, element_id = words(splice.added[n])
                texts.append(text)
                if item.text() != text:
                    item.setText(text)
                item.setData(MAP_ROLE, map_id)
                item.setData(ELEMENT_ROLE, element_id)
            for _ in range(splice.removed - common):
                self.takeItem(splice.start + common)
            for n in range(common, len(splice.added)):
                item = QListWidgetItem()
                text, map_id, element_id = words(splice.added[n])
                texts.append(text)
                item.setText(text)
                item.setData(MAP_ROLE, map_id)
                item.setData(ELEMENT_ROLE, element_id)
                self.insertItem(splice.start + n, item)
            end = splice.start + splice.removed
            self._widths[splice.start : end] = [_advance(metrics, t) for t in texts]
            self._broken[splice.start : end] = [any(b in t for b in _BREAKS) for t in texts]
        widest = max(self._widths, default=0)
        uniform = not any(self._broken)
        if widest != self._delegate.widest or uniform != self.uniformItemSizes():
            self._delegate.widest = widest
            self.setUniformItemSizes(uniform)
            self.scheduleDelayedItemsLayout()  # the size of one row is asked again
