"""The Storyline panel edits the map's storyline through commands: the first
edit writes the default scenes together with the edit (one step), every edit
is one named undo step, undo restores the project exactly, and thumbnails are
drawn lazily, never for every scene inside a change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPixmap

from journeydesk.layout.storyline import default_scenes, scenes_for
from journeydesk.model import check_project
from journeydesk.ui.main_window import MainWindow
from journeydesk.ui.storyline_panel import StorylinePanel


def forget_changes(w: MainWindow) -> None:
    if w.document is not None:
        w.document.undo_stack.setClean()


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    w.open_sample("en")
    w.context.set_map(w.project.maps[1].id)  # the future-state map, derived from the current one
    w.show()
    w.storyline_dock.raise_()
    qtbot.waitExposed(w)
    yield w
    forget_changes(w)
    w.close()
    w.deleteLater()


def dump(w: MainWindow) -> dict[str, Any]:
    assert w.project is not None
    return w.project.model_dump()


def stack(w: MainWindow) -> Any:
    assert w.document is not None
    return w.document.undo_stack


def panel_of(w: MainWindow) -> StorylinePanel:
    return w.storyline


def row_of(panel: StorylinePanel, scene_id: str) -> int:
    return next(
        r
        for r in range(panel.list.count())
        if panel.list.item(r).data(Qt.ItemDataRole.UserRole) == scene_id
    )


def test_lists_the_default_storyline_without_writing_it(window: MainWindow) -> None:
    panel = panel_of(window)
    jmap = window.project.maps[1]  # type: ignore[union-attr]
    assert jmap.storyline.scenes == []
    ids = [s.id for s in default_scenes(window.project, jmap)]  # type: ignore[arg-type]
    assert [
        panel.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(panel.list.count())
    ] == ids
    assert "Research" in panel.list.item(1).text()
    assert stack(window).count() == 0


def test_hiding_a_scene_writes_the_defaults_in_the_same_step(window: MainWindow) -> None:
    panel = panel_of(window)
    project = window.project
    assert project is not None
    jmap = project.maps[1]
    before = dump(window)
    research = jmap.stages[0]
    item = panel.list.item(1)
    item.setCheckState(Qt.CheckState.Unchecked)
    panel.flush()
    assert stack(window).count() == 1
    assert stack(window).undoText() == "Hide scene 'Research'"
    scenes = jmap.storyline.scenes
    assert [s.kind for s in scenes] == ["title", "stage", "stage", "stage", "stage", "closing"]
    assert [s.stage for s in scenes[1:-1]] == [st.id for st in jmap.stages]  # linked by id
    assert scenes[1].hidden and not any(s.hidden for s in scenes[2:])
    assert all(s.title == "" and s.narration == "" and s.auto_duration for s in scenes)
    assert research.id not in [s.stage for s in scenes_for(project, jmap)]
    assert check_project(project) == []
    assert panel.list.item(1).checkState() == Qt.CheckState.Unchecked
    assert panel.list.item(1).text().startswith("–.")
    stack(window).undo()
    assert dump(window) == before and jmap.storyline.scenes == []
    stack(window).redo()
    assert scenes_for(project, jmap)[1].stage == jmap.stages[1].id
    # a second hide is a plain field edit
    panel.list.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert stack(window).count() == 2 and jmap.storyline.scenes[2].hidden


def test_typing_narration_is_one_step_even_the_first_time(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    jmap = window.project.maps[1]  # type: ignore[union-attr]
    before = dump(window)
    panel.list.setCurrentRow(2)
    panel.narration.setFocus()
    qtbot.keyClicks(panel.narration, "Prices match")
    panel.narration.insertPlainText(" ovunque è così")  # accents are inserted, not typed
    assert stack(window).count() == 1
    assert stack(window).undoText() == "Edit narration of scene 'Comparison'"
    scene = jmap.storyline.scenes[2]
    assert scene.narration == "Prices match ovunque è così"
    assert scenes_for(window.project, jmap)[2].narration == scene.narration  # type: ignore[arg-type]
    assert panel.narration.toPlainText() == scene.narration  # the field kept its text
    stack(window).undo()
    panel.flush()  # the panel shows a command's outcome once it is done
    assert dump(window) == before
    assert panel.narration.toPlainText() == ""
    assert jmap.stages[1].narration in panel.narration.placeholderText()


def test_move_up_down_and_drag(window: MainWindow) -> None:
    panel = panel_of(window)
    jmap = window.project.maps[1]  # type: ignore[union-attr]
    before = dump(window)
    ids = [s.id for s in panel.scenes()]
    panel.list.setCurrentRow(1)
    panel.down.click()
    assert [s.id for s in jmap.storyline.scenes] == [ids[0], ids[2], ids[1], *ids[3:]]
    assert stack(window).undoText() == "Move scene 'Research' down"
    assert panel.current_id() == ids[1]
    panel.up.click()
    assert [s.id for s in jmap.storyline.scenes] == ids
    # a drag in the list: the list's model moves the row, the panel makes it a command
    panel.list.model().moveRow(QModelIndex(), 4, QModelIndex(), 1)
    panel_qt_settle()
    assert [s.id for s in jmap.storyline.scenes] == [ids[0], ids[4], *ids[1:4], ids[5]]
    assert stack(window).count() == 3
    listed = [panel.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(panel.list.count())]
    assert listed == [s.id for s in jmap.storyline.scenes]
    while stack(window).canUndo():
        stack(window).undo()
    assert dump(window) == before


def panel_qt_settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def test_custom_scene_with_text_image_duration(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    project = window.project
    assert project is not None
    jmap = project.maps[1]
    before = dump(window)
    panel.list.setCurrentRow(4)
    scene_id = panel.add_scene()
    assert scene_id is not None
    assert [s.id for s in jmap.storyline.scenes].index(scene_id) == 5
    assert stack(window).count() == 1 and stack(window).undoText() == "Add scene 'New scene'"
    assert panel.current_id() == scene_id and panel.delete.isEnabled()
    panel.title.selectAll()
    qtbot.keyClicks(panel.title, "Next steps")
    panel.text.setFocus()
    qtbot.keyClicks(panel.text, "Pilot in two cities")
    picture = tmp_path / "photo.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    assert image.save(str(picture))
    assert panel.set_image(scene_id, picture)
    panel.auto.setChecked(False)
    panel.duration.setValue(9.5)
    panel.duration.setValue(10)
    scene = next(s for s in jmap.storyline.scenes if s.id == scene_id)
    asset = next(a for a in project.assets if a.id == scene.image)
    assert (scene.title, scene.text, scene.duration, scene.auto_duration) == (
        "Next steps",
        "Pilot in two cities",
        10.0,
        False,
    )
    assert (asset.width, asset.height, asset.name) == (40, 30, "photo.png")
    texts = [stack(window).text(i) for i in range(stack(window).count())]
    assert texts == [
        "Add scene 'New scene'",
        "Edit title of scene 'New scene'",
        "Edit text of scene 'Next steps'",
        "Set image of scene 'Next steps'",
        "Set duration of scene 'Next steps'",
        "Edit duration of scene 'Next steps'",
    ]
    assert check_project(project) == []
    # its slide shows the text and the image
    shown = next(s for s in scenes_for(project, jmap) if s.id == scene_id)
    assert shown.duration == 10.0
    # a file that is not an image is refused in the panel, with no step
    bad = tmp_path / "notes.png"
    bad.write_text("not a picture")
    assert not panel.set_image(scene_id, bad)
    assert panel.message.isVisible() and "not a PNG or JPEG" in panel.message.text()
    assert stack(window).count() == 6
    panel.delete.click()
    assert scene_id not in [s.id for s in jmap.storyline.scenes]
    assert stack(window).undoText() == "Delete scene 'Next steps'"
    stack(window).undo()
    assert [s.id for s in jmap.storyline.scenes].index(scene_id) == 5
    while stack(window).canUndo():
        stack(window).undo()
    assert dump(window) == before


def test_stage_scenes_cannot_be_deleted_only_hidden(window: MainWindow) -> None:
    panel = panel_of(window)
    panel.list.setCurrentRow(1)
    assert not panel.delete.isEnabled()
    panel.delete_scene(panel.current_id() or "")
    assert stack(window).count() == 0
    assert not panel.form.isRowVisible(panel.text)


def test_reset_to_defaults_and_undo(window: MainWindow) -> None:
    panel = panel_of(window)
    jmap = window.project.maps[1]  # type: ignore[union-attr]
    panel.list.item(3).setCheckState(Qt.CheckState.Unchecked)
    panel.list.setCurrentRow(0)
    panel.add_scene()
    edited = dump(window)
    assert panel.reset.isEnabled()
    panel.reset.click()
    assert jmap.storyline.scenes == [] and stack(window).undoText() == "Reset storyline"
    assert panel.list.count() == 6 and not panel.reset.isEnabled()
    stack(window).undo()
    assert dump(window) == edited


def test_compare_mode(window: MainWindow) -> None:
    panel = panel_of(window)
    jmap = window.project.maps[1]  # type: ignore[union-attr]
    before = dump(window)
    assert panel.mode.isEnabled() and "current state" in panel.mode.itemText(1)
    panel.mode.setCurrentIndex(1)
    assert jmap.storyline.mode == "compare"
    assert stack(window).undoText() == "Compare stages in the storyline"
    assert "Comparison" in panel.list.item(1).text()
    assert [s.kind for s in scenes_for(window.project, jmap)][1] == "comparison"  # type: ignore[arg-type]
    # the scenes edited after the switch land in the storyline the map holds
    panel.list.item(2).setCheckState(Qt.CheckState.Unchecked)
    assert jmap.storyline.scenes[2].hidden and jmap.storyline.mode == "compare"
    stack(window).undo()
    stack(window).undo()
    panel.flush()
    assert dump(window) == before and panel.mode.currentIndex() == 0


def test_blank_map_cannot_compare(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=forget_changes)
    w.files.open_template_here("blank", "en")
    assert not w.storyline.mode.isEnabled()


def test_storyline_edits_do_not_redraw_the_map(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    original = window.scene.show_map
    monkeypatch.setattr(
        window.scene, "show_map", lambda *a, **k: (calls.append(1), original(*a, **k))
    )
    panel = panel_of(window)
    panel.list.item(1).setCheckState(Qt.CheckState.Unchecked)  # 6 inserts
    panel.list.setCurrentRow(2)
    panel.narration.insertPlainText("x")
    panel.mode.setCurrentIndex(1)
    assert calls == []


def test_thumbnails_are_drawn_lazily_and_invalidated(
    window: MainWindow, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    qtbot.waitUntil(lambda: not panel.pictures_pending(), timeout=20_000)
    assert len(panel._thumbs) == panel.list.count()
    assert not panel.list.item(0).icon().isNull()
    drawn: list[str] = []
    original = panel._render
    monkeypatch.setattr(panel, "_render", lambda s, w: (drawn.append(s.id), original(s, w))[1])
    # a scene's own narration: only its picture (and the preview) again, later
    panel.list.item(1).setCheckState(Qt.CheckState.Unchecked)  # the storyline is written
    panel.list.setCurrentRow(3)
    qtbot.waitUntil(lambda: not panel.pictures_pending(), timeout=20_000)
    drawn.clear()
    panel.narration.insertPlainText("y")
    assert drawn == []  # nothing drawn inside the change
    qtbot.waitUntil(lambda: not panel.pictures_pending(), timeout=20_000)
    scene_id = panel.current_id()
    assert sorted(drawn) == [scene_id, scene_id]  # the thumbnail and the preview
    # hiding changes no picture: once the panel has shown the change, nothing
    # is left to draw, and drawing what is left (the timer's work) draws nothing
    drawn.clear()
    with qtbot.waitSignal(panel._refresh_timer.timeout, timeout=2000):
        panel.list.item(4).setCheckState(Qt.CheckState.Unchecked)
    assert panel.list.item(4).checkState() == Qt.CheckState.Unchecked  # the change is shown
    assert_nothing_left_to_draw(panel, drawn)
    # a card of the map: every picture again, one at a time
    card = window.project.maps[1].cards[0]  # type: ignore[union-attr]
    from journeydesk.document.commands import SetField

    window.document.push(SetField(window.document, card.id, "title", "Changed", "Edit"))  # type: ignore[union-attr, arg-type]
    assert drawn == []
    qtbot.waitUntil(lambda: not panel.pictures_pending(), timeout=20_000)
    assert len(drawn) == panel.list.count() + 1
    # a change to another map, neither this one nor its counterpart: nothing
    from journeydesk.document.commands import Insert
    from journeydesk.ui.navigator import blank_map

    doc = window.document
    assert doc is not None
    other = blank_map(doc.project)
    doc.push(Insert(doc, doc.project, "maps", other, text="Add map"))
    qtbot.waitUntil(lambda: not panel.pictures_pending(), timeout=20_000)
    drawn.clear()
    with qtbot.waitSignal(panel._refresh_timer.timeout, timeout=2000):
        doc.push(SetField(doc, other.stages[0].id, "name", "Elsewhere", "Edit"))
    assert doc.project.map_by_id(other.id).stages[0].name == "Elsewhere"  # type: ignore[union-attr]
    assert_nothing_left_to_draw(panel, drawn)
    # and the same change to this map's stage draws again: the check above can fail
    stage = window.project.maps[1].stages[0]  # type: ignore[union-attr]
    with qtbot.waitSignal(panel._refresh_timer.timeout, timeout=2000):
        doc.push(SetField(doc, stage.id, "name", "Here", "Edit"))
    assert panel.pictures_pending()


def assert_nothing_left_to_draw(panel: StorylinePanel, drawn: list[str]) -> None:
    """Nothing was drawn and nothing is waiting to be: a turn of the drawing
    timer (run here, not waited for) draws nothing."""
    assert drawn == []
    assert not panel.pictures_pending()
    panel._render_next()
    assert drawn == [] and not panel._render_timer.isActive()


def test_nothing_is_drawn_while_the_panel_is_hidden(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    window.inspector_dock.raise_()  # the panel's tab goes behind: Qt moves it out of sight
    qtbot.waitUntil(lambda: not panel.shown(), timeout=2000)
    drawn: list[str] = []
    monkeypatch.setattr(panel, "_render", lambda s, w: (drawn.append(s.id), QPixmap(8, 8))[1])
    # the drawing timer fires (the panel asks for pictures) but draws nothing
    with qtbot.waitSignal(panel._render_timer.timeout, timeout=2000):
        panel.set_map(window.project.maps[0].id)  # type: ignore[union-attr]
    assert drawn == [] and panel.pictures_pending()
    assert not panel._render_timer.isActive()  # and does not keep trying while hidden
    window.storyline_dock.raise_()
    qtbot.waitUntil(lambda: not panel.pictures_pending(), timeout=20_000)
    assert len(drawn) == panel.list.count() + 1


def test_present_from_here(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    panel.list.item(2).setCheckState(Qt.CheckState.Unchecked)
    panel.list.setCurrentRow(2)  # hidden: the show starts at the next shown scene
    show = panel.present_from_here()
    try:
        assert show.index == 2
        assert show.deck.scenes[show.index].id == window.project.maps[1].storyline.scenes[3].id  # type: ignore[union-attr]
    finally:
        show.close()


def test_a_stage_added_later_gets_its_scene_on_request(window: MainWindow) -> None:
    from journeydesk.document.commands import Insert
    from journeydesk.model import Stage, Step

    panel = panel_of(window)
    doc = window.document
    assert doc is not None
    jmap = doc.project.maps[1]
    panel.list.item(2).setCheckState(Qt.CheckState.Unchecked)  # the storyline is written
    panel.flush()
    assert panel.add_missing.isHidden()
    stage = Stage(name="Loyalty", steps=[Step(name="Comes back")])
    doc.push(Insert(doc, jmap, "stages", stage, 2, "Add stage"))
    panel.flush()
    assert not panel.add_missing.isHidden() and "Loyalty" in panel.add_missing.text()
    assert stage.id not in [s.stage for s in scenes_for(doc.project, jmap)]
    before = dump(window)
    panel.add_missing.click()
    assert [s.stage for s in jmap.storyline.scenes][1:-1] == [st.id for st in jmap.stages]
    assert panel.add_missing.isHidden()
    assert stack(window).undoText() == "Add scenes for new stages"
    stack(window).undo()
    assert dump(window) == before
