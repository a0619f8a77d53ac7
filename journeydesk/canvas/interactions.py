"""Mouse gestures on the map, each a small class with press/move/release
(STYLE.md: the view routes events to the current interaction; a new gesture
is a new class). A drag shows live feedback and pushes one command on release.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene

from journeydesk.document import verbs, verbs_structure
from journeydesk.document.document import Document
from journeydesk.layout.hit import CellHit, cell_at
from journeydesk.layout.primitives import MapLayout
from journeydesk.layout.theme import Z_CARD
from journeydesk.model import JourneyMap

from .items import ElementItem, loosen

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
        self._cells: dict[tuple[str, str], list[str]] | None = None
        """The other cards of each cell: the map holds still during a drag, so
        this is worked out once, not on every mouse move."""

    def move(self, pos: QPointF) -> None:
        delta = pos - self.start
        if not self.moved and abs(delta.x()) + abs(delta.y()) < 4:
            return
        if not self.moved:
            # Over the cards of other lanes' bands too (items.Band): the
            # dragged cards' bands go above the others while they move.
            for band in {item.parentItem() for item in self.items} - {None}:
                band.setZValue(Z_CARD + 1)
            loosen(self.items)  # (shown and hit out of their bands' rectangles)
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
        if self._cells is None:
            self._cells = cards_by_cell(jmap, self.ids)
        return cell_at(layout, pos.x(), pos.y(), self._cells)

    def _put_back(self) -> None:
        self.feedback.remove()
        for item in self.items:
            item.setPos(0, 0)
            item.setOpacity(1.0)
            band = item.parentItem()
            if band is not None:
                band.setZValue(Z_CARD)
        loosen(self.items, free=False)

    def release(self, pos: QPointF) -> bool:
        """Push the move; returns False (and puts the cards back) when refused."""
        self._put_back()
        if not self.moved:
            return False
        hit = self._hit(pos)
        jmap = self.ctx.current_map()
        if hit is None or jmap is None or not lane_takes_cards(jmap, hit.lane):
            return False
        doc = self.ctx.document
        verbs.move_cards(doc, jmap, sorted(self.ids), hit.step, hit.lane, hit.index)
        return True

    def cancel(self) -> None:
        self._put_back()


MOUSE_LEFT = Qt.MouseButton.LeftButton


HANDLE = 7.0
"""Half size, in scene points, of the connect and resize handles of a selected card."""


def handle_at(item: ElementItem, pos: QPointF) -> str | None:
    """``connect`` over the right-middle handle of a card, ``resize`` over its
    bottom-right corner, else None."""
    b = item.layout_item.bounds
    if abs(pos.x() - b.right) <= HANDLE and abs(pos.y() - b.bottom) <= HANDLE:
        return "resize"
    if abs(pos.x() - b.right) <= HANDLE and abs(pos.y() - (b.y + b.h / 2)) <= HANDLE * 1.5:
        return "connect"
    return None


class ConnectCards:
    """Drag from a card's handle to another card: one connection."""

    def __init__(
        self, ctx: EditorContext, scene: QGraphicsScene, source: ElementItem, start: QPointF
    ) -> None:
        self.ctx = ctx
        self.scene = scene
        self.source = source
        self.line = QGraphicsLineItem(start.x(), start.y(), start.x(), start.y())
        pen = QPen(QColor(OK_COLOUR))
        pen.setWidthF(2.0)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(Z_FEEDBACK)
        scene.addItem(self.line)
        self.start = start

    def _target(self, pos: QPointF) -> ElementItem | None:
        for item in self.scene.items(pos):
            if isinstance(item, ElementItem) and item.kind == "card" and item is not self.source:
                return item
        return None

    def move(self, pos: QPointF) -> None:
        self.line.setLine(self.start.x(), self.start.y(), pos.x(), pos.y())
        pen = self.line.pen()
        pen.setColor(QColor(OK_COLOUR if self._target(pos) else REFUSED_COLOUR))
        self.line.setPen(pen)

    def release(self, pos: QPointF) -> bool:
        target = self._target(pos)
        self.cancel()
        jmap = self.ctx.current_map()
        if target is None or jmap is None or not target.element_id or not self.source.element_id:
            return False
        doc = self.ctx.document
        verbs.add_connection(doc, jmap, self.source.element_id, target.element_id)
        return True

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class ResizeSpan:
    """Drag a card's bottom-right corner across columns to change how many
    steps it spans."""

    def __init__(self, ctx: EditorContext, scene: QGraphicsScene, item: ElementItem) -> None:
        self.ctx = ctx
        self.item = item
        self.outline = QGraphicsRectItem(QRectF(*_xywh(item)))
        pen = QPen(QColor(OK_COLOUR))
        pen.setWidthF(2.0)
        pen.setCosmetic(True)
        self.outline.setPen(pen)
        self.outline.setZValue(Z_FEEDBACK)
        scene.addItem(self.outline)
        self.span = 0

    def _span_at(self, pos: QPointF) -> int:
        layout, jmap = self.ctx.layout(), self.ctx.current_map()
        card_id = self.item.element_id
        if layout is None or jmap is None or card_id is None:
            return 0
        card = next((c for c in jmap.cards if c.id == card_id), None)
        if card is None:
            return 0
        from journeydesk.layout.hit import grid_of

        steps = grid_of(layout).steps
        ids = [sid for sid, _r in steps]
        if card.step not in ids:
            return 0
        first = ids.index(card.step)
        last = first
        for n, (_sid, rect) in enumerate(steps):
            if rect.x <= pos.x():
                last = n
        return max(1, last - first + 1)

    def move(self, pos: QPointF) -> None:
        self.span = self._span_at(pos)
        x, y, _w, h = _xywh(self.item)
        self.outline.setRect(QRectF(x, y, max(20.0, pos.x() - x), h))

    def release(self, pos: QPointF) -> bool:
        scene = self.outline.scene()
        if scene is not None:
            scene.removeItem(self.outline)
        span = self._span_at(pos)
        card_id = self.item.element_id
        doc = self.ctx.document
        if not span or card_id is None:
            return False
        card = doc.element(card_id)
        if getattr(card, "span_steps", span) == span:
            return False
        verbs.resize_card(doc, card_id, span)
        return True

    def cancel(self) -> None:
        scene = self.outline.scene()
        if scene is not None:
            scene.removeItem(self.outline)


def _xywh(item: ElementItem) -> tuple[float, float, float, float]:
    b = item.layout_item.bounds
    return b.x, b.y, b.w, b.h


class MoveCurvePoint:
    """Drag an emotion point: up and down changes its score (whole scores,
    Alt for any value), sideways its step and place in the step."""

    def __init__(self, ctx: EditorContext, item: ElementItem, start: QPointF) -> None:
        self.ctx = ctx
        self.item = item
        self.start = start
        self.free = False
        self.why = ""
        """Why the drop was refused, for the status bar."""

    def _target(self, pos: QPointF) -> tuple[str, float, float] | None:
        from journeydesk.layout.hit import grid_of
        from journeydesk.model import EmotionCurve

        layout, jmap = self.ctx.layout(), self.ctx.current_map()
        point_id = self.item.element_id
        if layout is None or jmap is None or point_id is None:
            return None
        curve = self.ctx.document.location(point_id).owner
        if not isinstance(curve, EmotionCurve):
            return None
        lane_id = curve.lane or next((ln.id for ln in jmap.lanes if ln.display == "curve"), None)
        grid = grid_of(layout)
        lane = next((r for lid, r, _k in grid.lanes if lid == lane_id), None)
        step = next(((sid, r) for sid, r in grid.steps if r.x <= pos.x() < r.right), None)
        if lane is None or step is None:
            return None
        lo, hi = curve.scale.min, curve.scale.max
        top, h = lane.y + 14, lane.h - 28
        rel = min(1.0, max(0.0, (pos.y() - top) / h)) if h > 0 else 0.5
        score = hi - rel * (hi - lo)
        score = round(score, 2) if self.free else float(round(score))
        offset = round(min(1.0, max(0.0, (pos.x() - step[1].x) / step[1].w)), 3)
        return step[0], offset, min(hi, max(lo, score))

    def move(self, pos: QPointF, free: bool = False) -> None:
        self.free = free
        loosen([self.item])  # (shown and hit out of its band's rectangle)
        self.item.setPos(pos - self.start)

    def release(self, pos: QPointF, free: bool = False) -> bool:
        self.free = free
        self.item.setPos(0, 0)
        loosen([self.item], free=False)
        if (pos - self.start).manhattanLength() < 3:
            return False
        target = self._target(pos)
        point_id = self.item.element_id
        if target is None or point_id is None:
            return False
        from journeydesk.document.curve_points import point_in_step
        from journeydesk.model import EmotionCurve

        step, offset, score = target
        doc = self.ctx.document
        curve = doc.location(point_id).owner
        if isinstance(curve, EmotionCurve) and point_in_step(curve, step, point_id) is not None:
            # One point per curve and step: no vertical spike.
            self.why = QCoreApplication.translate(
                "Curves", "That curve already has a point in this step"
            )
            return False
        verbs_structure.move_point(doc, point_id, step, offset, score)
        return True

    def cancel(self) -> None:
        self.item.setPos(0, 0)
        loosen([self.item], free=False)


class ReorderHeader:
    """Drag a stage, step or lane header to a new place (a step may move into
    another stage)."""

    def __init__(
        self, ctx: EditorContext, scene: QGraphicsScene, item: ElementItem, start: QPointF
    ) -> None:
        self.ctx = ctx
        self.item = item
        self.kind = item.kind
        self.start = start
        self.line = QGraphicsLineItem()
        pen = QPen(QColor(OK_COLOUR))
        pen.setWidthF(3.0)
        pen.setCosmetic(True)
        self.line.setPen(pen)
        self.line.setZValue(Z_FEEDBACK)
        self.line.setVisible(False)
        scene.addItem(self.line)
        self.moved = False

    def _target(self, pos: QPointF) -> tuple[str, int] | None:
        from journeydesk.layout.hit import header_index_at

        layout = self.ctx.layout()
        if layout is None:
            return None
        return header_index_at(
            layout,
            self.kind,
            pos.x(),
            pos.y() if self.kind == "lane" else self.item.layout_item.bounds.y + 2,
        )

    def move(self, pos: QPointF) -> None:
        if (pos - self.start).manhattanLength() < 4:
            return
        self.moved = True
        target = self._target(pos)
        layout = self.ctx.layout()
        if target is None or layout is None:
            self.line.setVisible(False)
            return
        element, after = target
        box = next(
            (i.bounds for i in layout.items if i.element == element and i.kind == self.kind), None
        )
        if box is None:
            return
        if self.kind == "lane":
            y = box.bottom if after else box.y
            self.line.setLine(box.x, y, box.right, y)
        else:
            x = box.right if after else box.x
            self.line.setLine(x, box.y, x, box.bottom + 40)
        self.line.setVisible(True)

    def release(self, pos: QPointF) -> bool:
        self.cancel()
        target = self._target(pos)
        jmap = self.ctx.current_map()
        moving = self.item.element_id
        if not self.moved or target is None or jmap is None or moving is None:
            return False
        element, after = target
        if element == moving:
            return False
        doc = self.ctx.document
        if self.kind in ("stage", "lane"):
            items = jmap.stages if self.kind == "stage" else jmap.lanes
            ids = [x.id for x in items]
            old, new = ids.index(moving), ids.index(element) + after
            if new > old:
                new -= 1
            if new == old:
                return False
            verbs.move_in_list(doc, moving, new)
            return True
        # a step: within its stage, or into another one
        source = next(s for s in jmap.stages if any(st.id == moving for st in s.steps))
        dest = next(s for s in jmap.stages if any(st.id == element for st in s.steps))
        new = [st.id for st in dest.steps].index(element) + after
        if source is dest:
            old = [st.id for st in source.steps].index(moving)
            if new > old:
                new -= 1
        # a stage keeps at least one step: None, nothing done
        return verbs_structure.move_step(doc, jmap, moving, dest.id, new) is not None

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.line.scene().removeItem(self.line)
