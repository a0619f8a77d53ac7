"""The Edit menu: Cut, Copy, Paste, Duplicate, Delete and Select All act on the
map, with the standard shortcuts, and leave a text field's keys alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journeydesk.document.clipboard import MIME
from journeydesk.model import check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    w.open_sample("en")
    w.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.view)
    return w


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    for action in window.edit_menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no {text!r} in the Edit menu")


def _select(window: MainWindow, *ids: str) -> None:
    window.scene.clearSelection()
    for element_id in ids:
        for item in window.scene.element_items(element_id):
            if item.kind == "card":
                item.setSelected(True)


def test_the_edit_menu_has_the_verbs_with_standard_shortcuts(window: MainWindow) -> None:
    expected = {
        "Cut": QKeySequence(QKeySequence.StandardKey.Cut),
        "Copy": QKeySequence(QKeySequence.StandardKey.Copy),
        "Paste": QKeySequence(QKeySequence.StandardKey.Paste),
        "Duplicate": QKeySequence("Ctrl+D"),
        "Delete": QKeySequence(QKeySequence.StandardKey.Delete),
        "Select All": QKeySequence(QKeySequence.StandardKey.SelectAll),
    }
    for text, keys in expected.items():
        assert _menu_action(window, text).shortcut() == keys, text


def test_no_shortcut_is_claimed_twice(window: MainWindow) -> None:
    """Two actions with one shortcut, both active, make Qt do neither."""
    seen: dict[str, str] = {}
    for widget in [window, window.view]:
        for action in widget.actions():
            for keys in action.shortcuts():
                name = keys.toString()
                assert name not in seen, f"{name}: {seen[name]} and {action.text()}"
                seen[name] = action.text()


def test_menu_actions_change_the_model(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    count = len(jmap.cards)
    card, other = jmap.cards[1], jmap.cards[0]

    _select(window, card.id)
    _menu_action(window, "Duplicate").trigger()
    assert len(jmap.cards) == count + 1
    assert sum(1 for c in jmap.cards if c.title == card.title) == 2

    _select(window, card.id)
    _menu_action(window, "Copy").trigger()
    assert QGuiApplication.clipboard().mimeData().hasFormat(MIME)
    _select(window, other.id)
    _menu_action(window, "Paste").trigger()
    assert len(jmap.cards) == count + 2
    assert sum(1 for c in jmap.cards if c.title == card.title) == 3

    _select(window, card.id)
    _menu_action(window, "Cut").trigger()
    assert card not in jmap.cards and len(jmap.cards) == count + 1

    _select(window, other.id)
    _menu_action(window, "Delete").trigger()
    assert other not in jmap.cards and len(jmap.cards) == count

    window.scene.clearSelection()
    _menu_action(window, "Select All").trigger()
    assert set(window.selected_ids()) == {c.id for c in jmap.cards}
    assert check_project(project) == []


def test_shortcuts_on_the_map(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    count = len(jmap.cards)
    _select(window, jmap.cards[2].id)
    QTest.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(jmap.cards) == count + 1
    QTest.keyClick(window.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_ids()) == count + 1


def test_a_text_field_keeps_its_clipboard_keys(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    count = len(jmap.cards)
    _select(window, jmap.cards[0].id)
    window.find_bar.open_bar()
    field = window.find_bar.text
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    QTest.keyClicks(field, "washing")
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "washing"
    assert not QGuiApplication.clipboard().mimeData().hasFormat(MIME)
    # The menu's verbs act on the text too, and Duplicate does nothing there.
    field.setText("dryer")
    field.selectAll()
    _menu_action(window, "Copy").trigger()
    assert QGuiApplication.clipboard().text() == "dryer"
    _menu_action(window, "Duplicate").trigger()
    QTest.keyClick(field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    _menu_action(window, "Delete").trigger()
    assert field.text() == ""
    assert len(jmap.cards) == count


def test_the_open_menu_greys_out_what_would_do_nothing(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    menu = window.edit_menu
    window.scene.clearSelection()
    QGuiApplication.clipboard().clear()
    menu.aboutToShow.emit()
    enabled = {v: a.isEnabled() for v, a in window.edit_verbs.actions.items()}
    assert enabled == {
        "cut": False,
        "copy": False,
        "paste": False,
        "duplicate": False,
        "delete": False,
        "select_all": True,
    }
    menu.aboutToHide.emit()
    assert all(a.isEnabled() for a in window.edit_verbs.actions.values())  # keys work
    _select(window, project.maps[0].cards[0].id)
    _menu_action(window, "Copy").trigger()
    menu.aboutToShow.emit()
    assert all(a.isEnabled() for a in window.edit_verbs.actions.values())
    menu.aboutToHide.emit()


def test_deleting_hundreds_of_selected_cards_redraws_once(window: MainWindow) -> None:
    """Select All and Delete on a big map: one layout, one selection signal (each
    removed card laid the map out again and each removed selected item listed
    the selection: 5,000 cards took more than ten minutes); undo brings all back."""
    from bench_shapes import make_shape

    from journeydesk.document.document import Document

    project = make_shape("current", 600)
    window.context.set_document(Document(project, None))
    window.view.setFocus()
    layouts: list[int] = []
    selections: list[int] = []
    real_show = window.scene.show_map
    window.scene.show_map = lambda *a, **k: layouts.append(1) or real_show(*a, **k)  # type: ignore[method-assign]
    window.edit_verbs.on_map("select_all")
    assert len(window.selected_ids()) == 600
    window.scene.selectionChanged.connect(lambda: selections.append(1))
    window.edit_verbs.on_map("delete")
    assert project.maps[0].cards == [] and project.maps[0].connections == []
    assert len(layouts) == 1 and len(selections) == 1
    assert window.selected_ids() == []
    assert not [i for i in window.scene.items() if getattr(i, "kind", None) == "card"]
    window.document.undo_stack.undo()
    assert len(project.maps[0].cards) == 600 and len(layouts) == 2
    shown = [i for i in window.scene.items() if getattr(i, "kind", None) == "card"]
    assert len(shown) == 600
    assert check_project(project) == []
