"""Mouse gestures on the map, each a small class with press/move/release
(STYLE.md: the view routes events to the current interaction; a new gesture
is a new class). A drag shows live feedback and pushes one command on release.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene

from journeydesk.document.commands import move_cards
from journeydesk.document.document import Document
from journeydesk.layout.hit import CellHit, cell_at
from journeydesk.layout.primitives import MapLayout
from journeydesk.model import JourneyMap

from .items import ElementItem

Z_FEEDBACK = 200.0
OK_COLOUR = "#1A73E8"
REFUSED_COLOUR = "#C0392B"


@dataclass
class EditorContext:
    """What the canvas needs to edit: the document and the map on screen."""

    document: Document
    current_map: Callable[[], JourneyMap | None]
    layout: Callable[[], MapLayout | None]


def cards_by_cell(jmap: JourneyMap, exclude: set[str]) -> dict[tuple[str, str], list[str]]:
    cells: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for card in jmap.cards:
        if card.id not in exclude:
            cells.setdefault((card.step, card.lane), []).append((card.order, card.id))
    return {k: [i for _o, i in sorted(v)] for k, v in cells.items()}


class DropFeedback:
    """The highlighted target cell and insertion line while dragging."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.cell = QGraphicsRectItem()
        self.cell.setZValue(Z_FEEDBACK)
        self.line = QGraphicsLineItem()
        self.line.setZValue(Z_FEEDBACK + 1)
        scene.addItem(self.cell)
        scene.addItem(self.line)
        self.hide()

    def show(self, hit: CellHit | None, allowed: bool) -> None:
        if hit is None:
            self.hide()
            return
        colour = QColor(OK_COLOUR if allowed else REFUSED_COLOUR)
        fill = QColor(colour)
        fill.setAlpha(40)
        pen = QPen(colour)
        pen.setWidthF(2.0)
        pen.setCosmetic(True)
        self.cell.setRect(QRectF(hit.rect.x, hit.rect.y, hit.rect.w, hit.rect.h))
        self.cell.setPen(pen)
        self.cell.setBrush(QBrush(fill))
        self.cell.setVisible(True)
        line_pen = QPen(colour)
        line_pen.setWidthF(3.0)
        line_pen.setCosmetic(True)
        self.line.setPen(line_pen)
        self.line.setLine(hit.rect.x + 6, hit.insert_y, hit.rect.right - 6, hit.insert_y)
        self.line.setVisible(allowed)

    def hide(self) -> None:
        self.cell.setVisible(False)
        self.line.setVisible(False)

    def remove(self) -> None:
        scene = self.cell.scene()
        if scene is not None:
            scene.removeItem(self.cell)
            scene.removeItem(self.line)


def lane_takes_cards(jmap: JourneyMap, lane_id: str) -> bool:
    lane = next((lane for lane in jmap.lanes if lane.id == lane_id), None)
    return lane is not None and lane.display in ("cards", "images", "channel_grid")


class MoveCards:
    """Drag selected cards to another cell or place in a cell; one undo step."""

    def __init__(
        self, ctx: EditorContext, scene: QGraphicsScene, items: list[ElementItem], start: QPointF
    ) -> None:
        self.ctx = ctx
        self.items = items
        self.start = start
        self.ids = {i.element_id for i in items if i.element_id}
        self.feedback = DropFeedback(scene)
        self.hit: CellHit | None = None
        self.moved = False

    def move(self, pos: QPointF) -> None:
        delta = pos - self.start
        if not self.moved and abs(delta.x()) + abs(delta.y()) < 4:
            return
        self.moved = True
        for item in self.items:
            item.setPos(delta)  # live feedback only; the model moves on release
            item.setOpacity(0.75)
        self.hit = self._hit(pos)
        jmap = self.ctx.current_map()
        allowed = bool(self.hit and jmap and lane_takes_cards(jmap, self.hit.lane))
        self.feedback.show(self.hit, allowed)

    def _hit(self, pos: QPointF) -> CellHit | None:
        layout, jmap = self.ctx.layout(), self.ctx.current_map()
        if layout is None or jmap is None:
            return None
        return cell_at(layout, pos.x(), pos.y(), cards_by_cell(jmap, self.ids))

    def release(self, pos: QPointF) -> bool:
        """Push the move; returns False (and puts the cards back) when refused."""
        self.feedback.remove()
        for item in self.items:
            item.setPos(0, 0)
            item.setOpacity(1.0)
        if not self.moved:
            return False
        hit = self._hit(pos)
        jmap = self.ctx.current_map()
        if hit is None or jmap is None or not lane_takes_cards(jmap, hit.lane):
            return False
        doc = self.ctx.document
        doc.push(move_cards(doc, jmap, sorted(self.ids), hit.step, hit.lane, hit.index))
        return True

    def cancel(self) -> None:
        self.feedback.remove()
        for item in self.items:
            item.setPos(0, 0)
            item.setOpacity(1.0)


MOUSE_LEFT = Qt.MouseButton.LeftButton
