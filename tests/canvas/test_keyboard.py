"""Keyboard-first capture on the map, driven offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from journeydesk.canvas.keyboard import card_lanes, reading_order
from journeydesk.model import check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=_drop_changes)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("it")
    w.view.setFocus()
    return w


def _drop_changes(window: MainWindow) -> None:
    """pytest-qt closes the window after the test: closing asks about unsaved
    changes, which these tests leave on purpose."""
    if window.document is not None:
        window.document.undo_stack.setClean()


def test_arrows_move_the_cell_cursor_and_typing_captures_a_card(window: MainWindow) -> None:
    project = window.project
    assert project is not None and window.document is not None and window.view.keys
    jmap = project.maps[0]
    view = window.view
    QTest.keyClick(view, Qt.Key.Key_Right)  # first press shows the cursor on the first cell
    QTest.keyClick(view, Qt.Key.Key_Right)
    QTest.keyClick(view, Qt.Key.Key_Down)
    keys = view.keys
    assert keys.cell is not None and keys.cursor_shown
    assert keys.cell.step == jmap.steps()[1].id
    assert keys.cell.lane == card_lanes(jmap)[1]
    before = len(jmap.cards)
    QTest.keyClicks(view, "P")
    assert keys.editor is not None
    QTest.keyClicks(keys.editor, "erch")  # QTest types ASCII only
    keys.editor.insert("é costa così tanto?")
    QTest.keyClick(keys.editor, Qt.Key.Key_Return)
    assert len(jmap.cards) == before + 1
    card = next(c for c in jmap.cards if c.title == "Perché costa così tanto?")
    assert (card.step, card.lane) == (keys.cell.step, keys.cell.lane)
    lane = next(lane for lane in jmap.lanes if lane.id == card.lane)
    assert card.kind == (lane.default_card_kind or "thought")
    assert window.document.undo_stack.count() == 1
    assert check_project(project) == []
    # the cursor is still there after the scene was rebuilt: capture goes on
    assert keys.cursor_shown
    QTest.keyClicks(view, "X")
    assert keys.editor is not None
    QTest.keyClick(keys.editor, Qt.Key.Key_Escape)
    assert keys.editor is None
    assert len(jmap.cards) == before + 1


def test_f2_edits_a_title_in_place_and_escape_cancels(window: MainWindow) -> None:
    project = window.project
    assert project is not None and window.document is not None and window.view.keys
    jmap = project.maps[0]
    keys = window.view.keys
    first = reading_order(jmap)[0]
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.selected_ids() == [first.id]
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    assert keys.editor is not None and keys.editor.text() == first.title
    QTest.keyClick(keys.editor, Qt.Key.Key_Escape)
    assert first.title != "" and window.document.undo_stack.count() == 0
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    assert keys.editor is not None
    keys.editor.setText("Lavatrice in blocco")
    QTest.keyClick(keys.editor, Qt.Key.Key_Return)
    assert first.title == "Lavatrice in blocco"
    assert window.document.undo_stack.undoText().startswith("Edit title of card")


def test_tab_walks_cards_in_reading_order(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    order = reading_order(project.maps[0])
    for expected in order[:4]:
        QTest.keyClick(window.view, Qt.Key.Key_Tab)
        assert window.selected_ids() == [expected.id]
    QTest.keyClick(window.view, Qt.Key.Key_Backtab)
    assert window.selected_ids() == [order[2].id]


def test_double_click_edits_the_title(window: MainWindow) -> None:
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    project = window.project
    assert project is not None and window.view.keys is not None
    card = project.maps[0].cards[0]
    b = next(i for i in window.scene.element_items(card.id) if i.kind == "card").layout_item.bounds
    centre = QPointF(b.x + b.w / 2, b.y + b.h / 2)
    window.view.centerOn(centre)
    pos = QPointF(window.view.mapFromScene(centre))
    event = QMouseEvent(
        QEvent.Type.MouseButtonDblClick,
        pos,
        window.view.viewport().mapToGlobal(pos),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.view.viewport(), event)
    editor = window.view.keys.editor
    assert editor is not None and editor.text() == card.title
    editor.setText("Nuovo titolo")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert card.title == "Nuovo titolo"
