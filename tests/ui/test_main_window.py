"""The first window: shows the sample's maps; a bad file is refused with a message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from journeydesk import templates
from journeydesk.io import write_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.mark.parametrize("lang", ["en", "it"])
def test_sample_opens_as_untitled_copy(window: MainWindow, lang: str) -> None:
    window.open_sample(lang)
    sample = templates.new_project("sample", lang)
    assert window.windowTitle() == "Untitled[*] — JourneyDesk"
    assert not window.isWindowModified()
    assert window.path is None
    nav = window.navigator.tree
    names = [nav.topLevelItem(0).child(i).text(0) for i in range(len(sample.maps))]
    assert names == [m.name for m in sample.maps]
    # the first map is on the canvas: one item per card, stage, step and lane
    project = window.project
    assert project is not None
    shown = project.maps[0]
    for element in [*shown.cards, *shown.stages, *shown.lanes, *shown.steps()]:
        assert window.scene.element_items(element.id), element


def test_selecting_a_map_shows_it(window: MainWindow) -> None:
    window.open_sample("en")
    project = window.project
    assert project is not None
    first, second = project.maps[0], project.maps[1]
    window.context.set_map(second.id)
    assert window.scene.layout is not None and window.scene.layout.map_id == second.id
    assert window.scene.element_items(second.cards[0].id)
    assert not window.scene.element_items(first.cards[0].id)


def test_comments_panel_lists_the_maps_comments(window: MainWindow) -> None:
    window.open_sample("en")
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    ids = {c.id for c in jmap.cards} | {jmap.id}
    expected = [c for c in project.comments if c.target in ids]
    assert expected, "the sample should carry review comments"
    assert window.comments.count() == len(expected)
    item = window.comments.tree.topLevelItem(0)
    window.comments._activated(item)
    target = item.data(0, Qt.ItemDataRole.UserRole + 1)
    assert any(i.isSelected() for i in window.scene.element_items(target))


def _action(window: MainWindow, shortcut: str):  # type: ignore[no-untyped-def]
    for action in window.actions():
        if shortcut in [s.toString() for s in action.shortcuts()]:
            return action
    raise AssertionError(f"no action has the shortcut {shortcut}")


def test_zoom_shortcuts_wheel_and_fit(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_sample("en")
    window.show()
    qtbot.waitExposed(window)
    window.view.reset_zoom()
    assert window.view.zoom == pytest.approx(1.0)
    _action(window, "Ctrl++").trigger()
    assert window.view.zoom == pytest.approx(1.25)
    _action(window, "Ctrl+-").trigger()
    _action(window, "Ctrl+-").trigger()
    assert window.view.zoom == pytest.approx(0.8)
    assert "80%" in window.zoom_label.text()
    # Ctrl+wheel zooms, a plain wheel scrolls
    center = QPointF(window.view.viewport().rect().center())
    wheel = QWheelEvent(
        center,
        window.view.mapToGlobal(center),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(window.view.viewport(), wheel)
    assert window.view.zoom == pytest.approx(1.0)
    _action(window, "Ctrl+0").trigger()
    qtbot.wait(20)  # let the scroll bars settle
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.sceneRect().adjusted(1, 1, -1, -1))


def test_bad_file_is_refused_and_work_stays(
    window: MainWindow, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:
    window.open_sample("en")
    before = window.project
    bad = tmp_path / "broken.journey"
    bad.write_text('{"format": "journeydesk", "format_version": 99}', encoding="utf-8")
    assert window.open_path(str(bad)) is False
    assert window.project is before
    assert len(dialogs) == 1
    text, info = dialogs[0]
    assert "broken.journey" in text
    assert "format version 99" in info and "$.format_version" in info


def test_many_problems_are_listed_with_a_count(
    window: MainWindow, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:
    project = templates.new_project("sample", "en")
    path = tmp_path / "p.journey"
    write_project(project, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    for card in doc["maps"][0]["cards"]:
        card["span_steps"] = 0
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert window.open_path(str(path)) is False
    info = dialogs[0][1]
    assert info.count("\n") == 12  # 12 problems and the "more" line
    assert "more" in info.splitlines()[-1]


def test_good_file_opens_with_its_name_in_the_title(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "Città futura.journey"
    write_project(templates.new_project("service-blueprint", "it"), path)
    assert window.open_path(str(path))
    assert window.windowTitle() == "Città futura.journey[*] — JourneyDesk"


def test_delete_and_undo_through_the_menu(window: MainWindow) -> None:
    window.open_sample("en")
    project = window.project
    assert project is not None and window.document is not None
    card = project.maps[0].cards[0]
    for item in window.scene.element_items(card.id):
        item.setSelected(True)
    window.delete_selection()
    assert card not in project.maps[0].cards
    assert not window.scene.element_items(card.id)
    assert window.isWindowModified()
    assert window.undo_action.text() == f"&Undo Delete card '{card.title}'"
    window.undo_action.trigger()
    assert card in project.maps[0].cards
    assert window.scene.element_items(card.id)
    assert not window.isWindowModified()


def test_comment_reply_and_resolve_are_undoable(window: MainWindow) -> None:
    window.open_sample("it")
    project = window.project
    assert project is not None and window.document is not None
    card = project.maps[0].cards[4]
    for item in window.scene.element_items(card.id):
        item.setSelected(True)
    panel = window.comments
    count = len(project.comments)
    panel.text.setPlainText("Serve un’evidenza più solida")
    panel.add_comment()
    assert len(project.comments) == count + 1
    comment = project.comments[-1]
    assert (comment.target, comment.text) == (card.id, "Serve un’evidenza più solida")
    row = next(
        i
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 2) == comment.id
    )
    panel.tree.setCurrentItem(panel.tree.topLevelItem(row))
    panel.text.setPlainText("D’accordo, aggiungo il sondaggio")
    panel.reply()
    assert [r.text for r in comment.replies] == ["D’accordo, aggiungo il sondaggio"]
    row = next(
        i
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 2) == comment.id
    )
    panel.tree.setCurrentItem(panel.tree.topLevelItem(row))
    panel.toggle_resolved()
    assert comment.resolved
    from journeydesk.model import check_project

    assert check_project(project) == []
    for _ in range(3):
        window.undo_action.trigger()
    assert len(project.comments) == count
    assert not window.isWindowModified()


def test_comments_panel_finds_card_targets_without_indexing_the_project(
    window: MainWindow,
) -> None:
    """Listing comments on a map's cards walks no nested elements (#14: a third of
    a second at 5,000 cards); comments on other maps stay out, nested targets still
    show with their names."""
    import datetime as dt

    from journeydesk.model import Comment
    from journeydesk.model.base import new_id
    from journeydesk.model.checks import iter_elements

    window.open_sample("en")
    project, doc = window.project, window.document
    assert project is not None and doc is not None
    here, there = project.maps[0], project.maps[1]
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

    def comment(target: str, text: str) -> Comment:
        return Comment(id=new_id(), target=target, created=when, text=text)

    project.comments = [
        comment(here.cards[0].id, "on a card here"),
        comment(there.cards[0].id, "on a card there"),
    ]
    doc._index = None
    window.comments.show_comments(project, here)
    texts = [window.comments.tree.topLevelItem(i).text(0) for i in range(window.comments.count())]
    assert texts == [f"{here.cards[0].title}: on a card here"]
    assert doc._index is None, "the whole element index was built for card comments"

    direct = {
        getattr(x, "id", None) for v in here.__dict__.values() if isinstance(v, list) for x in v
    }
    nested = next(e for _p, e in iter_elements(here) if e.id not in direct and e is not here)
    project.comments.append(comment(nested.id, "on a nested element"))
    window.comments.show_comments(project, here)
    assert window.comments.count() == 2
    assert window.comments.tree.topLevelItem(1).text(0).endswith(": on a nested element")


def test_opening_a_big_map_builds_no_element_index(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a 2,000-card map walks no element index (#14: the inspector's
    look-up of the shown map walked 120,000 values on every open of 5,000 cards)
    and runs no garbage collection while the map is laid out and drawn."""

    from bench_shapes import make_shape

    from journeydesk.document.document import Document
    walks: list[int] = []
    real = Document._build_index
    monkeypatch.setattr(Document, "_build_index", lambda self: walks.append(1) or real(self))
    project = make_shape("current", 2000)
    window.show()
    import gc

    from journeydesk.canvas.scene import MapScene

    collections: list[int] = []
    inside: list[bool] = []
    show = MapScene.show_map

    def watched(*args: object, **kwargs: object) -> None:
        inside.append(True)
        try:
            show(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            inside.pop()

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and inside:
            collections.append(info["generation"])

    monkeypatch.setattr(MapScene, "show_map", watched)
    gc.callbacks.append(seen)
    try:
        window.context.set_document(Document(project, None))
    finally:
        gc.callbacks.remove(seen)
    assert collections == [], "the collector ran while the map was laid out and drawn"
    assert gc.isenabled()
    QApplication.processEvents()
    window.grab()
    assert window.inspector.target == project.maps[0].id
    assert window.inspector.heading.text()
    assert walks == [], "opening the map walked the whole project for its element index"


def test_storyline_behind_its_tab_fills_when_raised(window: MainWindow) -> None:
    """The storyline dock sits behind the inspector's tab: opening a project
    leaves its list for later (#14) and raising the tab fills it."""
    window.show()
    QApplication.processEvents()
    window.inspector_dock.raise_()
    QApplication.processEvents()
    panel = window.storyline
    assert not panel.shown()
    window.open_sample("en")
    QApplication.processEvents()
    assert panel.list.count() == 0, "the hidden storyline was filled on opening"
    window.storyline_dock.raise_()
    for _ in range(5):
        QApplication.processEvents()
    assert panel.shown()
    scenes = panel.scenes()
    assert scenes and panel.list.count() == len(scenes)
