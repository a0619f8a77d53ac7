"""Keyboard-first capture: a cell cursor moved with the arrows, typing on a
cell starts a new card of the lane's default kind, F2 or Enter edits the
selected card's title in place (Enter commits, Esc cancels), Tab and
Shift+Tab walk the cards in reading order.

A facilitator at a projector captures a whole stage without the mouse.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsView, QLineEdit

from journeydesk.document import verbs, verbs_structure
from journeydesk.document.curve_points import point_in_step
from journeydesk.layout.hit import grid_of
from journeydesk.model import Card, CurvePoint, EmotionCurve, JourneyMap

from .interactions import EditorContext
from .items import ElementItem

Z_CURSOR = 150.0


@dataclass(frozen=True)
class Cell:
    step: str
    lane: str


def card_lanes(jmap: JourneyMap) -> list[str]:
    return [lane.id for lane in jmap.lanes if lane.display == "cards" and not lane.collapsed]


def cursor_lanes(jmap: JourneyMap) -> list[str]:
    """The lanes the cell cursor walks with Up and Down: every open lane, the
    curve and channel lanes included (typing starts a card only where cards go)."""
    return [lane.id for lane in jmap.lanes if not lane.collapsed]


def reading_order(jmap: JourneyMap) -> list[Card]:
    steps = {s.id: n for n, s in enumerate(jmap.steps())}
    lanes = {lane.id: n for n, lane in enumerate(jmap.lanes)}
    return sorted(
        (c for c in jmap.cards if c.step in steps and c.lane in lanes),
        key=lambda c: (steps[c.step], lanes[c.lane], c.order),
    )


class KeyboardCapture:
    """Keyboard handling of the editable map view."""

    def __init__(self, view: QGraphicsView, ctx: EditorContext) -> None:
        self.view = view
        self.ctx = ctx
        self.cell: Cell | None = None
        self.cursor = self._new_cursor()
        self.cursor_shown = False
        self.editor: QLineEdit | None = None
        self._editing: tuple[str, str | None] | None = None  # (cell or card marker, card id)

    # --- the cell cursor --------------------------------------------------

    @staticmethod
    def _new_cursor() -> QGraphicsRectItem:
        cursor = QGraphicsRectItem()
        cursor.setZValue(Z_CURSOR)
        pen = QPen(QColor("#1A73E8"))
        pen.setWidthF(2.0)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        cursor.setPen(pen)
        fill = QColor("#1A73E8")
        fill.setAlpha(18)
        cursor.setBrush(QBrush(fill))
        return cursor

    def _ensure_cursor(self) -> None:
        # The scene is rebuilt from the model after every change, which
        # deletes every item in it: make the cursor again when that happened.
        if not shiboken6.isValid(self.cursor):
            self.cursor = self._new_cursor()
        scene = self.view.scene()
        if self.cursor.scene() is not scene:
            scene.addItem(self.cursor)

    def scene_rebuilt(self) -> None:
        if self.cursor_shown:
            self.show_cell()

    def show_cell(self, scroll: bool = True) -> None:
        layout = self.ctx.layout()
        self._ensure_cursor()
        if self.cell is None or layout is None:
            self.cursor.setVisible(False)
            self.cursor_shown = False
            return
        grid = grid_of(layout)
        step = next((r for sid, r in grid.steps if sid == self.cell.step), None)
        lane = next((r for lid, r, _k in grid.lanes if lid == self.cell.lane), None)
        if step is None or lane is None:
            self.cursor.setVisible(False)
            self.cursor_shown = False
            return
        rect = QRectF(step.x + 1, lane.y + 1, step.w - 2, lane.h - 2)
        self.cursor.setRect(rect)
        self.cursor.setVisible(True)
        self.cursor_shown = True
        if scroll:
            self.view.ensureVisible(rect, 20, 20)
        describe_cell = getattr(self.view, "describe_cell", None)
        if describe_cell is not None:
            describe_cell(self.cell.step, self.cell.lane)

    def start_cell(self, jmap: JourneyMap) -> Cell | None:
        """Where the cell cursor starts: the selected card's cell, else the first."""
        selected = self._selected_card(jmap)
        if selected is not None:
            return Cell(selected.step, selected.lane)
        steps, lanes = jmap.steps(), card_lanes(jmap)
        if not steps or not lanes:
            return None
        return Cell(steps[0].id, lanes[0])

    def _selected_card(self, jmap: JourneyMap) -> Card | None:
        ids = [
            i.element_id
            for i in self.view.scene().selectedItems()
            if isinstance(i, ElementItem) and i.kind == "card"
        ]
        return next((c for c in jmap.cards if ids and c.id == ids[0]), None)

    def move(self, dx: int, dy: int) -> None:
        jmap = self.ctx.current_map()
        if jmap is None:
            return
        if self.cell is None:
            self.cell = self.start_cell(jmap)
        else:
            steps = [s.id for s in jmap.steps()]
            lanes = cursor_lanes(jmap)
            if self.cell.step not in steps or self.cell.lane not in lanes:
                self.cell = self.start_cell(jmap)
            else:
                si = max(0, min(len(steps) - 1, steps.index(self.cell.step) + dx))
                li = max(0, min(len(lanes) - 1, lanes.index(self.cell.lane) + dy))
                self.cell = Cell(steps[si], lanes[li])
        self.view.scene().clearSelection()
        self.show_cell()

    # --- emotion points -------------------------------------------------

    def _selected_point(self, jmap: JourneyMap) -> tuple[EmotionCurve, CurvePoint] | None:
        ids = {
            i.element_id
            for i in self.view.scene().selectedItems()
            if isinstance(i, ElementItem) and i.kind == "curve_point"
        }
        if len(ids) != 1:
            return None
        for curve in jmap.curves:
            for point in curve.points:
                if point.id in ids:
                    return curve, point
        return None

    def nudge_point(self, dx: int, dy: int) -> bool:
        """A selected emotion point: Up/Down change its score by one (within
        the curve's scale), Left/Right move it to the next step. Presses in a
        row merge into one undo step."""
        jmap = self.ctx.current_map()
        found = self._selected_point(jmap) if jmap is not None else None
        if jmap is None or found is None:
            return False
        curve, point = found
        doc = self.ctx.document
        if dy:
            score = max(curve.scale.min, min(curve.scale.max, round(point.score) - dy))
            verbs_structure.set_point_score(doc, point.id, score)
            return True
        steps = [s.id for s in jmap.steps()]
        if point.step in steps:
            n = max(0, min(len(steps) - 1, steps.index(point.step) + dx))
            if steps[n] != point.step and point_in_step(curve, steps[n]) is not None:
                self._say(
                    QCoreApplication.translate(
                        "Curves", "That curve already has a point in this step"
                    )
                )
            elif steps[n] != point.step:
                verbs_structure.set_point_step(doc, point.id, steps[n])
        return True

    def _say(self, text: str) -> None:
        message = getattr(self.view, "message", None)
        if message is not None:
            message.emit(text)

    # --- cards ------------------------------------------------------------

    def select_card(self, card: Card) -> None:
        scene = self.view.scene()
        scene.clearSelection()
        for item in scene.items():
            if isinstance(item, ElementItem) and item.element_id == card.id and item.kind == "card":
                item.setSelected(True)
                self.view.ensureVisible(item, 30, 30)
        self.cell = Cell(card.step, card.lane)
        self._ensure_cursor()
        self.cursor.setVisible(False)
        self.cursor_shown = False

    def tab(self, backwards: bool) -> None:
        jmap = self.ctx.current_map()
        if jmap is None:
            return
        cards = reading_order(jmap)
        if not cards:
            return
        current = self._selected_card(jmap)
        if current is None:
            self.select_card(cards[-1] if backwards else cards[0])
            return
        n = cards.index(current)
        self.select_card(cards[(n - 1 if backwards else n + 1) % len(cards)])

    # --- in-place editing -------------------------------------------------

    def _open_editor(self, rect: QRectF, text: str, select_all: bool) -> QLineEdit:
        self.close_editor()
        editor = QLineEdit(self.view.viewport())
        editor.setAccessibleName(QCoreApplication.translate("MapView", "Card title"))
        font = QFont(editor.font())
        font.setPointSizeF(max(9.0, 9.0 * self.view.transform().m11() * 1.3))
        editor.setFont(font)
        top_left = self.view.mapFromScene(rect.topLeft())
        width = max(160, round(rect.width() * self.view.transform().m11()))
        editor.setGeometry(top_left.x(), top_left.y(), width, editor.sizeHint().height())
        editor.setText(text)
        if select_all:
            editor.selectAll()
        else:
            editor.setCursorPosition(len(text))
        editor.returnPressed.connect(self.commit)
        editor.installEventFilter(self.view)
        editor.show()
        editor.setFocus()
        self.editor = editor
        return editor

    def edit_selected(self) -> bool:
        jmap = self.ctx.current_map()
        card = self._selected_card(jmap) if jmap else None
        if card is None:
            return False
        item = next(i for i in self.view.scene().selectedItems() if isinstance(i, ElementItem))
        b = item.layout_item.bounds
        self._open_editor(QRectF(b.x, b.y, b.w, b.h), card.title, True)
        self._editing = ("card", card.id)
        return True

    def click_cell(self, step_id: str, lane_id: str) -> None:
        """A click on an empty place of a cell: the cell cursor goes there."""
        self.close_editor()
        self.cell = Cell(step_id, lane_id)
        self.show_cell(scroll=False)

    def start_new_card(self, first: str) -> bool:
        jmap = self.ctx.current_map()
        if jmap is None or self.cell is None or not self.cursor_shown:
            return False
        lane = next((ln for ln in jmap.lanes if ln.id == self.cell.lane), None)
        if lane is None or lane.display not in ("cards", "images", "channel_grid"):
            self._say(
                QCoreApplication.translate(
                    "MapView", "Cards go in lanes of cards: move the cell cursor up or down"
                )
            )
            return True
        r = self.cursor.rect()
        self._open_editor(QRectF(r.x() + 4, r.y() + 4, r.width() - 8, 20), first, False)
        self._editing = ("new", None)
        return True

    def commit(self) -> None:
        if self.editor is None or self._editing is None:
            return
        text = self.editor.text().strip()
        mode, card_id = self._editing
        jmap = self.ctx.current_map()
        doc = self.ctx.document
        self.close_editor()
        if jmap is None:
            return
        if mode == "card" and card_id is not None:
            card = doc.element(card_id)
            if isinstance(card, Card) and text != card.title:
                verbs.edit_card_title(doc, card, text)
        elif mode == "new" and text and self.cell is not None:
            lane = next(lane for lane in jmap.lanes if lane.id == self.cell.lane)
            card = Card(
                step=self.cell.step,
                lane=self.cell.lane,
                kind=lane.default_card_kind or _kind_for_lane(lane.kind),
                title=text,
            )
            verbs.add_card(doc, jmap, card)
            self.show_cell()
        self.view.setFocus()

    def close_editor(self) -> None:
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.removeEventFilter(self.view)
            editor.hide()
            editor.deleteLater()
        self._editing = None

    def cancel(self) -> None:
        self.close_editor()
        self.view.setFocus()

    # --- dispatch ---------------------------------------------------------

    def key(self, event: QKeyEvent) -> bool:
        """Handle a key pressed on the view; True when it was ours."""
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and mods == Qt.KeyboardModifier.NoModifier:
            if self.nudge_point(*arrows[key]):
                return True
            self.move(*arrows[key])
            return True
        if key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
            self.tab(False)
            return True
        if key == Qt.Key.Key_Backtab:
            self.tab(True)
            return True
        if key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.edit_selected()
        text = event.text()
        if (
            text
            and text.isprintable()
            and not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        ):
            return self.start_new_card(text)
        return False


_LANE_TO_CARD = {
    "actions": "action",
    "thoughts": "thought",
    "feelings": "feeling",
    "touchpoints": "touchpoint",
    "channels": "touchpoint",
    "pain_points": "pain_point",
    "opportunities": "opportunity",
    "moments_of_truth": "moment_of_truth",
    "frontstage": "action",
    "backstage": "process",
    "support": "process",
    "physical_evidence": "evidence",
    "metrics": "metric",
    "notes": "note",
}


def _kind_for_lane(lane_kind: str) -> str:
    return _LANE_TO_CARD.get(lane_kind, "note")
