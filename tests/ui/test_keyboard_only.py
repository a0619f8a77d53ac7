"""A map built with the keyboard alone: F6 between the map and the palette,
Enter on palette entries, arrows and typing on the map, Ctrl+L to connect,
arrows on an emotion point, Ctrl+S; the file read back has it all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journeydesk import templates
from journeydesk.io import read_project, write_project
from journeydesk.model.checks import check_project
from journeydesk.ui.main_window import MainWindow


def _keys(*keys, text: str = "") -> None:
    """Real key events to whatever has the keyboard focus."""
    for key in keys:
        modifiers = Qt.KeyboardModifier.NoModifier
        if isinstance(key, tuple):
            key, modifiers = key
        QTest.keyClick(QApplication.focusWidget(), key, modifiers)
    for char in text:  # each to whatever has the focus now, as typing does
        QTest.keyClicks(QApplication.focusWidget(), char)


def _palette(window: MainWindow, label: str) -> None:
    """F6 to the palette, type-ahead to the entry, Enter."""
    _keys(Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.palette_list
    QTest.qWait(QApplication.keyboardInputInterval() + 50)  # a new type-ahead search
    QTest.keyClicks(window.palette_list, label)
    assert window.palette_list.currentItem().text() == label
    _keys(Qt.Key.Key_Return)


def test_a_map_built_from_the_keyboard_alone(qtbot, tmp_path):
    path = tmp_path / "workshop.journey"
    write_project(templates.new_project("blank", "en"), path)
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.show()
    w.activateWindow()
    assert w.open_path(str(path))
    jmap = w.current_map()
    w.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.view)

    # A fourth stage, after the first (the cell cursor is in stage 1).
    _keys(Qt.Key.Key_Right)
    _palette(w, "Stage")
    assert len(jmap.stages) == 4 and jmap.stages[1].name == "New stage"
    assert QApplication.focusWidget() is w.view  # back on the map

    # A lane for moments of truth, under the cursor's lane.
    _palette(w, "Lane: Moments of truth")
    assert any(lane.kind == "moments_of_truth" for lane in jmap.lanes)

    # Cards typed into cells: arrows move the cursor, typing starts a card.
    def lane_row(kind: str) -> int:
        """Down presses from the first lane of cards (the cursor walks every open lane)."""
        lanes = [ln for ln in jmap.lanes if not ln.collapsed]
        first = next(n for n, ln in enumerate(lanes) if ln.display == "cards")
        return [ln.kind for ln in lanes].index(kind) - first

    def go_to(kind: str, column: int) -> None:
        w.view.keys.cell = None
        w.scene.clearSelection()
        _keys(Qt.Key.Key_Right)  # the first cell
        for _ in range(lane_row(kind)):
            _keys(Qt.Key.Key_Down)
        for _ in range(column):
            _keys(Qt.Key.Key_Right)

    for kind, column, title in (
        ("touchpoints", 0, "Website search"),
        ("touchpoints", 2, "Call centre"),
        ("pain_points", 2, "Long wait on the phone"),
        ("moments_of_truth", 3, "First delivery"),
    ):
        go_to(kind, column)
        _keys(text=title)
        _keys(Qt.Key.Key_Return)
    titles = {c.title: c for c in jmap.cards}
    assert {"Website search", "Call centre", "Long wait on the phone", "First delivery"} <= set(
        titles
    )
    assert titles["Long wait on the phone"].kind == "pain_point"
    assert titles["First delivery"].kind == "moment_of_truth"

    # A connection: Ctrl+L on the call centre card, Ctrl+L on the pain point.
    w.view.keys.select_card(titles["Call centre"])
    _keys((Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier))
    w.view.keys.select_card(titles["Long wait on the phone"])
    _keys((Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier))
    assert any(
        (c.source, c.target) == (titles["Call centre"].id, titles["Long wait on the phone"].id)
        for c in jmap.connections
    )

    # An emotion point on the persona's curve, lowered twice with the arrows.
    curve = jmap.curves[0]
    before = {p.id for p in curve.points}
    w.scene.clearSelection()
    go_to("touchpoints", 2)
    _palette(w, "Emotion point")
    (point,) = [p for p in curve.points if p.id not in before]
    assert point.step == jmap.steps()[2].id and point.score == 0
    _keys(Qt.Key.Key_Down, Qt.Key.Key_Down)
    assert point.score == -2

    assert check_project(w.project) == []
    _keys((Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier))
    assert not w.document.dirty
    saved = read_project(path)
    assert saved.model_dump(mode="json") == w.project.model_dump(mode="json")
    assert len(saved.maps[0].stages) == 4


def test_f6_walks_the_panes_and_escape_leaves_the_palette(qtbot):
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.show()
    w.activateWindow()
    w.open_sample("en")
    w.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.view)
    seen = []
    for _ in range(6):
        _keys(Qt.Key.Key_F6)
        focus = QApplication.focusWidget()
        pane = next(
            (n for n, (widget, _d) in enumerate(w.panes()) if focus is widget
             or widget.isAncestorOf(focus)),
            None,
        )
        seen.append(pane)
    assert seen == [1, 2, 3, 4, 5, 0]  # palette, maps, inspector, storyline, comments, map
    _keys((Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier))
    assert w.comments.isAncestorOf(QApplication.focusWidget())
    w.comments_dock.toggleViewAction().trigger()  # hidden: skipped
    w.view.setFocus()
    for _ in range(5):
        _keys(Qt.Key.Key_F6)
    assert QApplication.focusWidget() is w.view
    _keys(Qt.Key.Key_F6)
    assert QApplication.focusWidget() is w.palette_list
    _keys(Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is w.view
