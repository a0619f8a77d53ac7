"""The editing context: one per window, the only record of what it edits.

It holds the document, the shown map, the settled selection and the path;
the window reads through it and the panels follow its signals."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QListWidget

from journeydesk import templates
from journeydesk.document.commands import remove_elements
from journeydesk.document.document import Document
from journeydesk.ui.context import EditingContext
from journeydesk.ui.main_window import MainWindow


def record(context: EditingContext) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    context.documentReplaced.connect(lambda d: seen.append(("document", d)))
    context.pathChanged.connect(lambda p: seen.append(("path", p)))
    context.mapChanged.connect(lambda m: seen.append(("map", m)))
    return seen


def test_a_new_document_shows_its_first_map(qtbot) -> None:  # type: ignore[no-untyped-def]
    context = EditingContext()
    seen = record(context)
    project = templates.new_project("sample", "en")
    doc = Document(project, Path("/nowhere/a.journey"))
    context.set_document(doc)
    assert seen == [
        ("document", doc),
        ("path", Path("/nowhere/a.journey")),
        ("map", project.maps[0].id),
    ]
    assert context.project is project and context.current_map() is project.maps[0]
    seen.clear()
    context.set_map("no such map")
    context.set_map(project.maps[0].id)  # already shown: nothing to say
    assert seen == []
    context.set_map(project.maps[1].id)
    assert seen == [("map", project.maps[1].id)]
    assert context.current_map() is project.maps[1]


def test_a_deleted_map_gives_way_to_its_neighbour_and_comes_back_on_undo(qtbot) -> None:  # type: ignore[no-untyped-def]
    context = EditingContext()
    project = templates.new_project("sample", "en")
    doc = Document(project)
    context.set_document(doc)
    first, second = project.maps[0], project.maps[1]
    context.set_map(second.id)
    seen = record(context)
    doc.push(remove_elements(doc, [second.id]))
    assert seen == [("map", first.id)]  # the neighbour (the last map went)
    doc.undo_stack.undo()
    assert seen == [("map", first.id), ("map", second.id)]  # the user's choice again
    assert context.current_map() is project.maps[1]
    # An edit that leaves the maps alone says nothing.
    seen.clear()
    doc.push(remove_elements(doc, [first.cards[0].id]))
    assert seen == []


def test_saving_under_a_name_moves_the_path(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = EditingContext()
    doc = Document(templates.new_project("blank", "en"))
    context.set_document(doc)
    seen = record(context)
    target = tmp_path / "x.journey"
    context.saved_as(target)
    assert seen == [("path", target)] and context.path == target and doc.path == target


def test_the_selection_is_read_when_asked_and_signalled_once_settled(qtbot) -> None:  # type: ignore[no-untyped-def]
    context = EditingContext()
    selected: list[str] = []
    context.follow_selection(lambda: list(selected))
    signalled: list[list[str]] = []
    context.selectionChanged.connect(signalled.append)
    for element_id in ("a", "b", "a"):
        selected.append(element_id)
        context.selection_touched()
        assert context.selection == list(dict.fromkeys(selected))  # read at once
    assert signalled == []
    with qtbot.waitSignal(context.selectionChanged, timeout=2000):
        pass
    assert signalled == [["a", "b"]]  # one signal for the three touches


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.open_sample("en")
    return w


def test_the_window_keeps_no_copy_of_its_own(window: MainWindow) -> None:
    context = window.context
    assert window.document is context.document and window.project is context.project
    assert window.path is context.path is None
    assert not hasattr(window, "maps")  # no hidden list as the shown map
    assert not window.maps_dock.findChildren(QListWidget)
    # Read-through: there is nothing to assign.
    with pytest.raises(AttributeError):
        window.path = Path("x.journey")  # type: ignore[misc]


def test_the_panels_follow_the_context(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.project
    assert project is not None
    second = project.maps[1]
    window.context.set_map(second.id)
    assert window.scene.layout is not None and window.scene.layout.map_id == second.id
    assert window.storyline.map_id == second.id
    current = window.navigator.tree.currentItem()
    assert current is not None and current.text(0) == second.name
    assert window.inspector.target == second.id
    # The selection on the canvas reaches the inspector through the context.
    card = second.cards[0]
    with qtbot.waitSignal(window.context.selectionChanged, timeout=2000):
        for item in window.scene.element_items(card.id):
            item.setSelected(True)
    assert window.context.selection == [card.id]
    qtbot.waitUntil(lambda: window.inspector.target == card.id, timeout=2000)
