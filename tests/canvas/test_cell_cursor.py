"""The cell cursor: a click on an empty place of a cell puts it there, and
Up/Down walk every open lane, the curve and channel lanes included; typing
starts a card only where cards go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journeydesk.canvas.keyboard import Cell
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    w.view.reset_zoom()
    w.view.setFocus()
    return w


def _click(window: MainWindow, scene_point: QPointF) -> None:
    window.view.centerOn(scene_point)
    pos = QPointF(window.view.mapFromScene(scene_point))
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind,
            pos,
            window.view.viewport().mapToGlobal(pos),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window.view.viewport(), event)


def test_a_click_on_an_empty_cell_moves_the_cell_cursor_there(window: MainWindow) -> None:
    jmap = window.current_map()
    assert jmap is not None and window.view.keys is not None
    # An empty cell: a step and a lane of cards with no card in that cell.
    taken = {(c.step, c.lane) for c in jmap.cards}
    lanes = [ln for ln in jmap.lanes if ln.display == "cards"]
    step, lane = next(
        (s, ln) for s in jmap.steps()[3:] for ln in lanes if (s.id, ln.id) not in taken
    )
    step_box = next(i for i in window.scene.element_items(step.id) if i.kind == "step")
    lane_box = next(i for i in window.scene.element_items(lane.id) if i.kind == "lane")
    sb, lb = step_box.layout_item.bounds, lane_box.layout_item.bounds
    _click(window, QPointF(sb.x + sb.w / 2, lb.y + lb.h / 2))
    keys = window.view.keys
    assert keys.cell == Cell(step.id, lane.id)
    assert keys.cursor_shown and keys.cursor.isVisible()
    # Typing now captures a card in that cell.
    before = len(jmap.cards)
    QTest.keyClicks(window.view, "Q")  # starts a card; the rest goes to its editor
    assert keys.editor is not None
    QTest.keyClicks(keys.editor, "ueue")
    QTest.keyClick(keys.editor, Qt.Key.Key_Return)
    new = [c for c in jmap.cards if c.title == "Queue"]
    assert len(jmap.cards) == before + 1 and (new[0].step, new[0].lane) == (step.id, lane.id)


def test_up_and_down_reach_the_curve_and_channel_lanes(window: MainWindow) -> None:
    jmap = window.current_map()
    assert jmap is not None and window.view.keys is not None
    keys = window.view.keys
    first = jmap.steps()[0].id
    keys.cell = Cell(first, jmap.lanes[0].id)
    visited = [keys.cell.lane]
    for _ in range(len(jmap.lanes)):
        QTest.keyClick(window.view, Qt.Key.Key_Down)
        visited.append(keys.cell.lane)
    displays = {ln.id: ln.display for ln in jmap.lanes}
    seen = {displays[v] for v in visited}
    assert {"curve", "channel_grid", "cards"} <= seen
    assert visited[-1] == jmap.lanes[-1].id
    # On the curve lane typing makes no card; it says where cards go.
    curve_lane = next(ln.id for ln in jmap.lanes if ln.display == "curve")
    keys.cell = Cell(first, curve_lane)
    keys.show_cell()
    messages: list[str] = []
    window.view.message.connect(messages.append)
    before = len(jmap.cards)
    QTest.keyClicks(window.view, "x")
    assert keys.editor is None and len(jmap.cards) == before
    assert messages
