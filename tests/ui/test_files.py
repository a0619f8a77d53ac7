"""Files, windows, autosave and recovery: New, Open, Save, Save As, Revert,
recent files, drop to open, close and quit asking, snapshots and restore."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from journeydesk import paths, templates
from journeydesk.document.commands import SetField
from journeydesk.io import dump_bytes, read_project, write_project
from journeydesk.io.recovery import list_snapshots, write_snapshot
from journeydesk.settings import MAX_RECENT, load_settings, save_settings
from journeydesk.ui import files
from journeydesk.ui.main_window import MainWindow
from journeydesk.ui.preferences import PreferencesDialog

DEAD_PID = 999_999_999  # above Linux's pid_max: never a running process


@pytest.fixture(autouse=True)
def _close_windows(qapp: Any) -> Iterator[None]:
    """Windows a test opened through the controller are closed (unsaved work
    dropped, so no question is asked) when it ends."""
    yield
    for window in files.windows():
        _drop_changes(window)
        window.close()
    QApplication.processEvents()


def _drop_changes(window: MainWindow) -> None:
    if window.document is not None:
        window.document.undo_stack.setClean()


@pytest.fixture
def window(qtbot: Any) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=_drop_changes)
    return w


def edit_title(window: MainWindow, title: str = "Edited") -> None:
    doc = window.document
    assert doc is not None
    doc.push(SetField(doc, doc.project.id, "title", title, "Rename", merge=False))


def saved_file(tmp_path: Path, name: str = "p.journey", key: str = "sample") -> Path:
    path = tmp_path / name
    write_project(templates.new_project(key, "en"), path)
    return path


def patch_save_name(monkeypatch: pytest.MonkeyPatch, name: str | None) -> list[str]:
    asked: list[str] = []

    def fake(parent: Any, caption: str, directory: str, filt: str, *a: Any) -> tuple[str, str]:
        asked.append(directory)
        return (name or "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def click(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
    return lambda box: box.button(button).click()


# --- saving ----------------------------------------------------------------


def test_save_as_round_trip_and_clean_marker(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample("en")
    edit_title(window, "Città futura")
    assert window.isWindowModified()
    asked = patch_save_name(monkeypatch, str(tmp_path / "mine"))
    assert window.files.save()  # untitled: Save asks for a name
    assert asked and asked[0].endswith("Città futura.journey")  # from the title
    path = tmp_path / "mine.journey"  # the suffix is added
    assert window.document is not None and window.document.path == path
    assert not window.isWindowModified() and not window.document.dirty
    assert window.windowTitle() == "mine.journey[*] — JourneyDesk"
    data = path.read_bytes()
    loaded = read_project(path)
    assert loaded == window.project
    assert dump_bytes(loaded) == data  # deterministic bytes
    assert loaded.modified is not None
    # a second save writes the same model again; the name is not asked again
    edit_title(window, "Again")
    assert window.files.save()
    assert len(asked) == 1
    assert read_project(path).title == "Again"
    assert load_settings().recent_files[0] == str(path)


def test_save_as_cancelled_keeps_the_document_dirty(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample("en")
    edit_title(window)
    patch_save_name(monkeypatch, None)
    assert not window.files.save()
    assert window.isWindowModified() and window.document is not None
    assert window.document.path is None


def test_save_error_is_shown_and_the_old_file_stays(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expect_modal: Any
) -> None:
    path = saved_file(tmp_path)
    before = path.read_bytes()
    assert window.open_path(str(path))
    edit_title(window)

    def failing(project: Any, target: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "write_project", failing)
    shown: list[str] = []
    expect_modal(QMessageBox, lambda box: shown.append(box.text()), title="Cannot save")
    assert not window.files.save()
    assert shown and "p.journey" in shown[0]
    assert path.read_bytes() == before
    assert window.isWindowModified()


def test_save_as_template_is_offered_by_new(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample("en")
    edit_title(window, "Workshop kit")
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: ("Workshop kit", True))
    )
    assert window.files.save_as_template()
    path = paths.config_dir() / "templates" / "Workshop kit.journey"
    assert read_project(path).title == "Workshop kit"
    assert window.isWindowModified()  # a copy: the document is still unsaved
    mine = [c for c in files.template_choices("en") if c.path is not None]
    assert [c.title for c in mine] == ["Workshop kit"]
    new = window.files.new_from(mine[0], "en")
    assert new is not None and new is not window
    assert new.project is not None and new.project.title == "Workshop kit"
    assert new.project.id != window.project.id  # type: ignore[union-attr]
    assert new.document is not None and new.document.path is None


# --- reverting, closing, quitting ------------------------------------------


def test_revert_reloads_from_disk(window: MainWindow, tmp_path: Path, expect_modal: Any) -> None:
    path = saved_file(tmp_path)
    assert window.open_path(str(path))
    original = window.project
    assert original is not None
    title = original.title
    edit_title(window)
    expect_modal(QMessageBox, click(QMessageBox.StandardButton.Yes), title="Revert")
    assert window.files.revert()
    assert window.project is not original
    assert window.project is not None and window.project.title == title
    assert not window.isWindowModified()


def test_close_asks_cancel_keeps_window(window: MainWindow, expect_modal: Any) -> None:
    window.open_sample("en")
    window.show()
    edit_title(window)
    expect_modal(QMessageBox, click(QMessageBox.StandardButton.Cancel), title="Unsaved")
    assert not window.close()
    assert window.isVisible() and window.isWindowModified()
    assert window in files.windows()


def test_close_asks_discard_closes(window: MainWindow, expect_modal: Any) -> None:
    window.open_sample("en")
    window.show()
    edit_title(window)
    expect_modal(QMessageBox, click(QMessageBox.StandardButton.Discard), title="Unsaved")
    assert window.close()
    assert not window.isVisible()
    QApplication.processEvents()
    assert window not in files.windows()


def test_close_asks_save_writes(
    window: MainWindow, tmp_path: Path, expect_modal: Any
) -> None:
    path = saved_file(tmp_path)
    assert window.open_path(str(path))
    window.show()
    edit_title(window, "Saved on close")
    expect_modal(QMessageBox, click(QMessageBox.StandardButton.Save), title="Unsaved")
    assert window.close()
    assert read_project(path).title == "Saved on close"


def test_quit_closes_every_window_and_stops_at_cancel(
    window: MainWindow, tmp_path: Path, expect_modal: Any
) -> None:
    window.open_sample("en")
    window.show()
    other = window.files.open_file(saved_file(tmp_path))
    assert other is window  # the untouched sample is replaced
    edit_title(window)
    third = window.files.open_file(saved_file(tmp_path, "q.journey"))
    assert third is not None and third is not window
    edit_title(third)
    expect_modal(QMessageBox, click(QMessageBox.StandardButton.Discard), title="Unsaved")
    expect_modal(QMessageBox, click(QMessageBox.StandardButton.Cancel), title="Unsaved")
    assert not window.files.quit_all()
    assert not window.isVisible()  # discarded and closed
    assert third.isVisible()  # cancelled: quitting stops


# --- opening ----------------------------------------------------------------


def test_file_menu_shortcuts_and_open_dialog(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shortcuts = {
        s.toString(): a.text().replace("&", "")
        for a in window.actions()
        for s in a.shortcuts()
    }
    for key, text in [("Ctrl+N", "New…"), ("Ctrl+O", "Open…"), ("Ctrl+S", "Save"),
                      ("Ctrl+Shift+S", "Save As…"), ("Ctrl+,", "Preferences…"),
                      ("Ctrl+Q", "Quit"), ("Ctrl+E", "Export…")]:
        assert shortcuts.get(key) == text, key
    path = saved_file(tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    window.files.open_action.trigger()
    assert window.document is not None and window.document.path == path
    window.files._update_actions()
    assert window.files.revert_action.isEnabled()


def test_open_goes_to_a_new_window_unless_untouched(
    window: MainWindow, tmp_path: Path
) -> None:
    window.open_sample("en")
    first = saved_file(tmp_path, "a.journey")
    assert window.files.open_file(first) is window
    second = window.files.open_file(saved_file(tmp_path, "b.journey", "blank"))
    assert second is not None and second is not window
    assert window.document is not None and window.document.path == first
    assert len(files.windows()) == 2
    # a file already open brings its window forward
    assert second.files.open_file(first) is window


def test_recent_files_are_updated_capped_and_missing_ones_disabled(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, expect_modal: Any
) -> None:
    made = [saved_file(tmp_path, f"f{i}.journey") for i in range(MAX_RECENT + 2)]
    for path in made:
        assert window.open_path(str(path))
    recent = load_settings().recent_files
    assert recent == [str(p) for p in reversed(made)][:MAX_RECENT]
    made[-1].unlink()
    window.files.fill_recent_menu()
    actions = [a for a in window.files.recent_menu.actions() if not a.isSeparator()]
    assert len(actions) == MAX_RECENT + 1  # and "Clear"
    assert not actions[0].isEnabled() and "missing" in actions[0].text()
    assert all(a.isEnabled() for a in actions[1:])
    # a file gone since the menu was filled is removed with a message
    expect_modal(QMessageBox, title="Open Recent")
    window.files.open_recent(str(made[-1]))
    assert str(made[-1]) not in load_settings().recent_files
    window.files.clear_recent()
    assert load_settings().recent_files == []


_MIME: list[QMimeData] = []  # an event does not own its data: keep it alive


def _drop_event(cls: type, names: list[str]) -> Any:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(n) for n in names])
    _MIME.append(mime)
    if cls is QDropEvent:
        return QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    return QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def test_dropping_a_journey_file_opens_it(window: MainWindow, tmp_path: Path) -> None:
    window.open_sample("en")
    path = saved_file(tmp_path, "dropped.journey", "service-blueprint")
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    refused = _drop_event(QDragEnterEvent, [str(other)])
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()
    enter = _drop_event(QDragEnterEvent, [str(path)])
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = _drop_event(QDropEvent, [str(path)])
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert window.document is not None and window.document.path == path
    assert window.windowTitle() == "dropped.journey[*] — JourneyDesk"


@pytest.mark.parametrize("lang", ["en", "it"])
def test_new_from_template_opens_a_new_window(
    window: MainWindow, tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch,
    expect_modal: Any
) -> None:
    assert window.open_path(str(saved_file(tmp_path)))  # a file: not replaced
    monkeypatch.setattr(files, "ui_language", lambda: lang)
    expected = templates.template_info("service-blueprint", lang)
    seen: dict[str, Any] = {}

    def choose(dialog: files.TemplateChooser) -> None:
        seen["titles"] = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        dialog.select("service-blueprint")
        seen["title"] = dialog.title.text()
        seen["preview"] = dialog.preview.pixmap()
        dialog.accept()

    expect_modal(files.TemplateChooser, choose)
    new = window.files.new()
    assert new is not None and new is not window
    assert seen["titles"] == [t.title for t in templates.list_templates(lang)]
    assert seen["title"] == expected.title
    assert not seen["preview"].isNull() and seen["preview"].width() > 100
    assert new.project is not None and new.project.title == expected.title
    assert new.project.language == lang
    assert new.document is not None and new.document.path is None
    assert not new.isWindowModified()
    assert window.document is not None and window.document.path is not None


def test_new_cancelled_opens_nothing(window: MainWindow, expect_modal: Any) -> None:
    window.open_sample("en")
    expect_modal(files.TemplateChooser)
    assert window.files.new() is None
    assert files.windows() == [window]


# --- autosave and recovery ----------------------------------------------------


def test_autosave_writes_a_snapshot_and_never_the_users_file(
    window: MainWindow, tmp_path: Path, qtbot: Any
) -> None:
    settings = load_settings()
    settings.autosave_seconds = 7
    save_settings(settings)
    path = saved_file(tmp_path)
    before = path.read_bytes()
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=_drop_changes)
    assert w.files.autosave_timer.interval() == 7000  # from the settings
    assert w.open_path(str(path))
    recovery = paths.recovery_dir()
    w.files.autosave_timer.setInterval(20)
    with qtbot.waitSignal(w.files.autosave_timer.timeout, timeout=2000):
        pass  # an autosave ran (the slot is connected before this wait's)
    assert not list_snapshots()  # clean: nothing to recover
    edit_title(w, "Unsaved idea")
    qtbot.waitUntil(lambda: bool(list_snapshots()), timeout=2000)
    (snap,) = list_snapshots()
    assert snap.path.parent == recovery
    assert snap.original == str(path) and snap.pid == os.getpid()
    assert read_project(snap.path).title == "Unsaved idea"
    assert path.read_bytes() == before  # the user's file is untouched
    # saving removes the snapshot
    assert w.files.save()
    assert not list_snapshots()
    # and so does a clean close after more edits
    edit_title(w, "More")
    qtbot.waitUntil(lambda: bool(list_snapshots()), timeout=2000)
    w.files.save()
    w.close()
    assert not list(recovery.glob("*.journey"))


def test_discarded_close_removes_the_snapshot(
    window: MainWindow, expect_modal: Any
) -> None:
    window.open_sample("en")
    edit_title(window)
    assert window.files.autosave()
    window.files.wait_for_autosave()  # written on the autosave thread
    assert list_snapshots()
    expect_modal(QMessageBox, click(QMessageBox.StandardButton.Discard), title="Unsaved")
    assert window.close()
    assert not list_snapshots()


def _orphan(tmp_path: Path, title: str, original: Path | None) -> str:
    project = templates.new_project("sample", "en")
    project.title = title
    snap = write_snapshot(project, "deadbeef" + title.lower(), original)
    meta_path = snap.path.with_name(f"{snap.key}.meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["pid"] = DEAD_PID
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return snap.key


def test_recovery_lists_dead_snapshots_and_restore_opens_dirty(
    window: MainWindow, tmp_path: Path, expect_modal: Any
) -> None:
    path = saved_file(tmp_path)
    before = path.read_bytes()
    key = _orphan(tmp_path, "Crashed", path)
    window.files.autosave_timer.stop()
    live = templates.new_project("blank", "en")
    write_snapshot(live, "ours")  # this process's: not offered
    assert [s.key for s in files.orphan_snapshots()] == [key]
    window.open_sample("en")
    seen: dict[str, Any] = {}

    def restore(dialog: files.RecoveryDialog) -> None:
        item = dialog.tree.topLevelItem(0)
        seen["row"] = [item.text(i) for i in range(3)]
        seen["rows"] = dialog.tree.topLevelItemCount()
        dialog.restore_button.click()

    expect_modal(files.RecoveryDialog, restore)
    dialog = window.files.offer_recovery()
    assert dialog is not None
    assert seen["rows"] == 1 and seen["row"][:2] == ["Crashed", str(path)]
    assert window.project is not None and window.project.title == "Crashed"
    assert window.isWindowModified() and window.document is not None
    assert window.document.dirty and window.document.path == path
    assert path.read_bytes() == before  # not written until the user saves
    # the snapshot is now this process's, and goes when the user saves
    assert not files.orphan_snapshots()
    assert window.files.save()
    assert read_project(path).title == "Crashed"
    assert [s.key for s in list_snapshots()] == ["ours"]


def test_recovery_discard_and_compare(
    window: MainWindow, tmp_path: Path, expect_modal: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = saved_file(tmp_path)
    gone = _orphan(tmp_path, "Gone", None)
    kept = _orphan(tmp_path, "Kept", path)
    window.open_sample("en")
    window.show()
    snaps = {s.key: s for s in files.orphan_snapshots()}
    assert set(snaps) == {gone, kept}

    def answer(dialog: files.RecoveryDialog) -> None:
        for row in range(dialog.tree.topLevelItemCount()):
            if dialog.snapshots[row].key == gone:
                dialog.tree.setCurrentItem(dialog.tree.topLevelItem(row))
        assert not dialog.compare_button.isEnabled()  # no original to compare with
        # "delete for good?" (a box inside a box: answered by a patch)
        asked: list[str] = []

        def yes(*args: Any) -> QMessageBox.StandardButton:
            asked.append(args[1])
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
        dialog.discard_button.click()
        assert asked == ["Discard"]
        assert dialog.compare_button.isEnabled()
        dialog.compare_button.click()

    expect_modal(files.RecoveryDialog, answer)
    window.files.offer_recovery()
    assert gone not in {s.key for s in list_snapshots()}
    # the recovered work in this (untouched) window, bound to the file as Restore
    # does; the file as it is on disk beside it, read-only and bound to no file
    assert window.document is not None and window.document.path == path
    assert window.project is not None and window.project.title == "Kept"
    assert window.isWindowModified()
    others = [w for w in files.windows() if w is not window]
    assert len(others) == 1
    on_disk = others[0]
    assert on_disk.project is not None and on_disk.project.title == read_project(path).title
    assert on_disk.document is not None and on_disk.document.path is None
    assert on_disk.files.guard.read_only and "read-only" in on_disk.windowTitle()
    assert [w for w in files.windows() if w.document and w.document.path == path] == [window]


def test_recovery_without_orphans_shows_nothing(window: MainWindow) -> None:
    assert window.files.offer_recovery() is None


# --- preferences ------------------------------------------------------------


def test_preferences_save_language_and_autosave(window: MainWindow, qtbot: Any) -> None:
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "system"
    assert not dialog.restart_note.isVisibleTo(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("it"))
    assert dialog.restart_note.isVisibleTo(dialog)
    dialog.autosave.setValue(45)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    settings = load_settings()
    assert settings.language == "it" and settings.autosave_seconds == 45
    assert files.ui_language() == "it"


def test_preferences_action_applies_the_interval(
    window: MainWindow, expect_modal: Any
) -> None:
    def answer(dialog: PreferencesDialog) -> None:
        dialog.autosave.setValue(12)
        dialog.accept()

    expect_modal(PreferencesDialog, answer)
    window.files.preferences()
    assert window.files.autosave_timer.interval() == 12000


def test_opening_shows_the_wait_cursor_and_restores_it(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from journeydesk import templates
    from journeydesk.io import write_project
    from journeydesk.ui.main_window import MainWindow

    path = tmp_path / "a.journey"
    write_project(templates.new_project("blank", "en"), path)
    bad = tmp_path / "bad.journey"
    bad.write_text("{", encoding="utf-8")
    seen = []
    from journeydesk.ui import file_guard

    real = file_guard.read_project_with_identity

    def spy(name):
        cursor = QGuiApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        return real(name)

    monkeypatch.setattr(file_guard, "read_project_with_identity", spy)
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    assert w.files.open_here(path)
    assert seen == [Qt.CursorShape.WaitCursor]
    assert QGuiApplication.overrideCursor() is None
    monkeypatch.setattr(w, "show_load_error", lambda *a: seen.append("error"))
    assert not w.files.open_here(bad)
    assert seen[-1] == "error" and QGuiApplication.overrideCursor() is None
