"""The navigator: personas and maps, each action one undo step that keeps the
project valid; copies get fresh ids; derived maps point at their source;
maps come in from other project files with what they refer to."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from journeydesk import templates
from journeydesk.io import write_project
from journeydesk.model import Project, check_project
from journeydesk.model.checks import iter_elements
from journeydesk.ui.main_window import MainWindow
from journeydesk.ui.navigator import ID_ROLE, KIND_ROLE, Navigator


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()  # closed here, not by qtbot: the unsaved changes go first
    w.open_sample("en")
    yield w
    if w.document is not None:
        w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def project_of(window: MainWindow) -> Project:
    assert window.project is not None
    return window.project


def pick(nav: Navigator, element_id: str) -> None:
    item = nav._find_item(element_id)
    assert item is not None, element_id
    nav.tree.setCurrentItem(item)


def names(window: MainWindow) -> list[str]:
    """The maps' names as the navigator's tree shows them, in project order."""
    tree = window.navigator.tree
    shown: dict[str, str] = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for item in [top, *(top.child(j) for j in range(top.childCount()))]:
            if item.data(0, KIND_ROLE) == "map":
                shown[str(item.data(0, ID_ROLE))] = item.text(0)
    return [shown.get(m.id, "?") for m in project_of(window).maps]


def one_step(window: MainWindow, before: int) -> None:
    assert window.document is not None
    assert window.document.undo_stack.count() == before + 1
    assert check_project(project_of(window)) == []


def test_tree_groups_maps_by_persona_and_selecting_shows_the_map(window: MainWindow) -> None:
    project = project_of(window)
    nav = window.navigator
    top = [nav.tree.topLevelItem(i) for i in range(nav.tree.topLevelItemCount())]
    assert [t.text(0) for t in top] == [p.name for p in project.personas]
    assert top[0].childCount() == len(project.maps)
    shown: list[str] = []
    nav.mapActivated.connect(shown.append)
    second = project.maps[1]
    pick(nav, second.id)
    assert shown == [second.id]
    assert window.current_map() is second
    assert window.scene.layout is not None and window.scene.layout.map_id == second.id
    # and the other way: the editing context's map moves the tree
    window.context.set_map(project.maps[0].id)
    current = nav.tree.currentItem()
    assert current is not None and current.data(0, ID_ROLE) == project.maps[0].id


def test_add_rename_delete_persona(window: MainWindow, yes: list[str], qtbot) -> None:  # type: ignore[no-untyped-def]
    project, nav, doc = project_of(window), window.navigator, window.document
    assert doc is not None
    nav.add_persona()
    one_step(window, 0)
    persona = project.personas[-1]
    item = nav._find_item(persona.id)
    assert item is not None
    item.setText(0, "Marta")  # what an edit in place does
    assert persona.name == "Marta"
    one_step(window, 1)
    assert doc.undo_stack.undoText() == "Rename persona 'Marta'"
    qtbot.wait(10)  # the tree is refilled once the edit is over
    item = nav._find_item(persona.id)
    assert item is not None and item.text(0) == "Marta"
    # deleting a persona a map uses clears the references
    used = project.personas[0]
    pick(nav, used.id)
    nav.delete_current()
    one_step(window, 2)
    assert used not in project.personas
    assert all(used.id not in m.personas for m in project.maps)
    doc.undo_stack.undo()
    assert project.personas[0] is used
    assert used.id in project.maps[0].personas
    assert check_project(project) == []


def test_add_map_is_a_blank_structure(window: MainWindow) -> None:
    project, nav = project_of(window), window.navigator
    persona = project.personas[1]
    pick(nav, persona.id)
    nav.add_map()
    one_step(window, 0)
    jmap = project.maps[-1]
    assert len(jmap.stages) == 3 and all(len(s.steps) == 1 for s in jmap.stages)
    assert jmap.lanes and any(lane.display == "curve" for lane in jmap.lanes)
    assert jmap.personas == [persona.id]
    assert window.current_map() is jmap
    assert names(window)[-1] == jmap.name
    assert window.scene.element_items(jmap.stages[0].id)
    window.undo_action.trigger()
    assert jmap not in project.maps
    assert nav._find_item(jmap.id) is None and "?" not in names(window)
    assert window.current_map() in project.maps


def test_rename_map(window: MainWindow) -> None:
    project, nav = project_of(window), window.navigator
    jmap = project.maps[1]
    nav.rename(jmap.id, "Another journey")
    one_step(window, 0)
    assert jmap.name == "Another journey"
    assert names(window)[1] == "Another journey"
    item = nav._find_item(jmap.id)
    assert item is not None and item.text(0) == "Another journey"


def test_duplicate_map_gets_fresh_ids(window: MainWindow) -> None:
    project, nav = project_of(window), window.navigator
    source = project.maps[0]
    pick(nav, source.id)
    nav.duplicate_map()
    one_step(window, 0)
    copy = project.maps[1]
    assert copy.name.startswith(source.name) and copy is not source
    old = {e.id for _p, e in iter_elements(source)}
    new = {e.id for _p, e in iter_elements(copy)}
    assert not old & new
    assert len(copy.cards) == len(source.cards)
    # references inside the copy point inside the copy
    steps = {s.id for s in copy.steps()}
    assert all(c.step in steps for c in copy.cards)
    assert window.current_map() is copy
    window.undo_action.trigger()
    assert copy not in project.maps and len(project.maps) == 2


def test_delete_map_asks_and_is_one_step(window: MainWindow, yes: list[str]) -> None:
    project, nav = project_of(window), window.navigator
    current = project.maps[0]
    future = project.maps[1]
    assert future.based_on == current.id
    pick(nav, current.id)
    nav.delete_current()
    assert len(yes) == 1 and current.name in yes[0]
    one_step(window, 0)
    assert project.maps == [future] and future.based_on is None
    assert all(c.derived_from is None for c in future.cards)
    assert window.current_map() is future
    assert names(window) == [future.name]
    window.undo_action.trigger()
    assert project.maps == [current, future] and future.based_on == current.id
    assert check_project(project) == []


def test_delete_map_cancelled(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    project = project_of(window)
    pick(window.navigator, project.maps[0].id)
    window.navigator.delete_current()
    assert len(project.maps) == 2
    assert window.document is not None and window.document.undo_stack.count() == 0


def test_reorder_maps(window: MainWindow) -> None:
    project, nav = project_of(window), window.navigator
    first, second = project.maps
    pick(nav, second.id)
    nav.move_map(-1)
    one_step(window, 0)
    assert project.maps == [second, first]
    assert names(window) == [second.name, first.name]
    assert window.current_map() is second
    nav.move_map(-1)  # already first: nothing
    one_step(window, 0)
    nav.move_map(1)
    one_step(window, 1)
    assert project.maps == [first, second]
    window.undo_action.trigger()
    assert project.maps == [second, first]


def test_derive_future_state(window: MainWindow) -> None:
    project, nav = project_of(window), window.navigator
    source = project.maps[0]
    pick(nav, source.id)
    nav.derive_future_state()
    one_step(window, 0)
    future = project.maps[1]
    assert future.based_on == source.id and future.state == "future"
    assert [c.derived_from for c in future.cards] == [c.id for c in source.cards]
    assert not {c.id for c in future.cards} & {c.id for c in source.cards}
    window.undo_action.trigger()
    assert future not in project.maps


def test_import_map_from_another_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = templates.new_project("sample", "it")
    path = tmp_path / "altro.journey"
    write_project(other, path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][1], True))
    project = project_of(window)
    personas_before = len(project.personas)
    window.navigator.import_map()
    one_step(window, 0)
    imported = project.maps[-1]
    assert imported.name == other.maps[1].name
    assert len(imported.cards) == len(other.maps[1].cards)
    # its own ids are fresh; the personas it refers to came along
    assert imported.id != other.maps[1].id
    assert len(project.personas) == personas_before + len(other.maps[1].personas)
    # the map it was based on did not come: the link is dropped
    assert imported.based_on is None
    assert all(c.derived_from is None for c in imported.cards)
    assert window.current_map() is imported
    window.undo_action.trigger()
    assert len(project.maps) == 2 and len(project.personas) == personas_before
    assert check_project(project) == []


def test_import_a_bad_file_says_so(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expect_modal
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.journey"
    bad.write_text("{", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    expect_modal(QMessageBox, title="Cannot import")
    window.navigator.import_map()
    assert len(project_of(window).maps) == 2


def test_picking_a_persona_shows_it_in_the_inspector(window: MainWindow) -> None:
    project = project_of(window)
    persona = project.personas[1]
    pick(window.navigator, persona.id)
    assert window.inspector.target == persona.id
    pick(window.navigator, project.maps[0].id)
    assert window.inspector.target == project.maps[0].id
