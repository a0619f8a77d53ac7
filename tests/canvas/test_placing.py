"""The palette from the keyboard: Enter on an entry puts it where the cell
cursor is; emotion points are then nudged with the arrows. A facilitator
builds a map without the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from journeydesk.model.checks import check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.open_sample("en")
    w.show()
    return w


def _activate(window, text: str) -> None:
    palette = window.palette_list
    item = next(
        palette.item(i) for i in range(palette.count()) if palette.item(i).text() == text
    )
    palette.setCurrentItem(item)
    palette.setFocus()
    QTest.keyClick(palette, Qt.Key.Key_Return)


def test_enter_on_a_card_entry_adds_it_at_the_cell_cursor_and_opens_its_title(window):
    view = window.view
    jmap = window.current_map()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Down)
    cell = view.keys.cell
    before = len(jmap.cards)
    _activate(window, "Pain point")
    assert len(jmap.cards) == before + 1
    card = next(c for c in jmap.cards if c.kind == "pain_point" and not c.title)
    assert (card.step, card.lane) == (cell.step, cell.lane)
    assert view.keys.editor is not None  # typing goes straight into the title
    QTest.keyClicks(view.keys.editor, "Queue too long")
    QTest.keyClick(view.keys.editor, Qt.Key.Key_Return)
    assert card.title == "Queue too long"
    assert check_project(window.project) == []


def test_stage_step_and_lane_go_after_the_cursor(window):
    view = window.view
    jmap = window.current_map()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)  # the first cell
    stage0 = jmap.stages[0]
    n_stages, n_steps, n_lanes = len(jmap.stages), len(stage0.steps), len(jmap.lanes)
    cursor_lane = view.keys.cell.lane
    cursor_step = view.keys.cell.step
    _activate(window, "Stage")
    assert len(jmap.stages) == n_stages + 1 and jmap.stages[1].name == "New stage"
    assert view.hasFocus()
    view.keys.cell = type(view.keys.cell)(cursor_step, cursor_lane)
    _activate(window, "Step")
    assert len(stage0.steps) == n_steps + 1
    index = [s.id for s in stage0.steps].index(cursor_step)
    assert stage0.steps[index + 1].name == "New step"
    view.keys.cell = type(view.keys.cell)(cursor_step, cursor_lane)
    lane_entry = next(
        window.palette_list.item(i).text()
        for i in range(window.palette_list.count())
        if window.palette_list.item(i).text().startswith("Lane:")
    )
    _activate(window, lane_entry)
    assert len(jmap.lanes) == n_lanes + 1
    lane_index = [ln.id for ln in jmap.lanes].index(cursor_lane)
    assert jmap.lanes[lane_index + 1].name == ""
    assert check_project(window.project) == []
    for _ in range(3):
        window.document.undo_stack.undo()
    assert (len(jmap.stages), len(stage0.steps), len(jmap.lanes)) == (
        n_stages,
        n_steps,
        n_lanes,
    )


def test_emotion_point_from_the_keyboard_then_nudged(window):
    view = window.view
    jmap = window.current_map()
    curve = jmap.curves[1]
    from journeydesk.document.commands import Remove

    # A step where the second persona's curve has no point: a new point goes there.
    free = curve.points[2].step
    window.document.push(Remove(window.document, curve.points[2].id))
    lane = next(ln.id for ln in jmap.lanes if ln.display == "cards")
    window.scene.clearSelection()
    for item in window.scene.element_items(curve.points[0].id):
        item.setSelected(True)  # the second persona's curve: the new point goes on it
    view.setFocus()
    from journeydesk.canvas.keyboard import Cell

    view.keys.cell = Cell(free, lane)
    before = len(curve.points)
    _activate(window, "Emotion point")
    assert len(curve.points) == before + 1
    point = next(p for p in curve.points if p.step == free)
    assert point.score == 0 and not point.emotion
    selected = [i.element_id for i in window.scene.selectedItems()]
    assert selected == [point.id]
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Up)
    QTest.keyClick(view, Qt.Key.Key_Up)  # clamped at the top of the scale
    assert point.score == curve.scale.max
    doc = window.document
    doc.undo_stack.undo()  # the score presses, merged into one step
    assert point.score == 0
    assert check_project(window.project) == []


def test_a_second_point_in_a_step_moves_the_existing_one(window):
    """One point per curve and step: placing where the curve has one moves it
    (a status message says so) instead of drawing a vertical spike; a nudge
    into a step that has one is refused."""
    view = window.view
    jmap = window.current_map()
    curve = jmap.curves[1]
    messages: list[str] = []
    view.message.connect(messages.append)
    existing = curve.points[0]
    lane = next(ln.id for ln in jmap.lanes if ln.display == "cards")
    window.scene.clearSelection()
    for item in window.scene.element_items(existing.id):
        item.setSelected(True)
    view.setFocus()
    from journeydesk.canvas.keyboard import Cell

    view.keys.cell = Cell(existing.step, lane)
    before = len(curve.points)
    old_score = existing.score
    assert old_score != 0
    _activate(window, "Emotion point")
    assert len(curve.points) == before
    assert existing.score == 0
    assert [i.element_id for i in window.scene.selectedItems()] == [existing.id]
    assert messages and "already has a point" in messages[-1]
    # Right: the next step has a point of this curve too, so the point stays.
    steps = [s.id for s in jmap.steps()]
    following = steps[steps.index(existing.step) + 1]
    assert any(p.step == following for p in curve.points)
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert existing.step != following
    assert "already has a point" in messages[-1]
    window.document.undo_stack.undo()
    assert existing.score == old_score and len(curve.points) == before
    assert check_project(window.project) == []


def test_a_card_refused_where_it_cannot_go_says_why(window):
    view = window.view
    jmap = window.current_map()
    messages = []
    view.message.connect(messages.append)
    curve_lane = next(ln for ln in jmap.lanes if ln.display == "curve")
    from journeydesk.canvas.keyboard import Cell

    view.keys.cell = Cell(jmap.steps()[0].id, curve_lane.id)
    before = len(jmap.cards)
    _activate(window, "Touchpoint")
    assert len(jmap.cards) == before
    assert messages and "lane of cards" in messages[-1]
    assert "lane of cards" in window.statusBar().currentMessage()
