"""Files from anyone: a save over a file someone else changed asks first, changes
on disk are noticed and offered for reload, a file open in another JourneyDesk
opens as a read-only copy, and the recovery dialog keeps one window per file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from journeydesk import templates
from journeydesk.document.commands import SetField
from journeydesk.io import read_project, write_project
from journeydesk.io.atomic import temp_name
from journeydesk.io.lock import lock_path
from journeydesk.io.process import host_name
from journeydesk.io.project_file import dump_bytes
from journeydesk.io.recovery import write_snapshot
from journeydesk.ui import files
from journeydesk.ui.main_window import MainWindow

DEAD_PID = 999_999_999


@pytest.fixture(autouse=True)
def _close_windows(qapp: Any) -> Iterator[None]:
    yield
    for window in files.windows():
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()
    QApplication.processEvents()


@pytest.fixture
def window(qtbot: Any) -> MainWindow:
    w = MainWindow()
    w.files.autosave_timer.stop()
    qtbot.addWidget(
        w, before_close_func=lambda w: w.document and w.document.undo_stack.setClean()
    )
    return w


def saved_file(tmp_path: Path, title: str = "Mine") -> Path:
    path = tmp_path / "p.journey"
    project = templates.new_project("sample", "en")
    project.title = title
    write_project(project, path)
    return path


def edit_title(window: MainWindow, title: str) -> None:
    doc = window.document
    assert doc is not None
    doc.push(SetField(doc, doc.project.id, "title", title, "Rename", merge=False))


def someone_else_saves(path: Path, title: str) -> None:
    """Another program saves the file the way editors do: a new file renamed over it."""
    project = read_project(path)
    project.title = title
    tmp = path.with_name("their-editor.tmp")
    tmp.write_bytes(dump_bytes(project))
    os.replace(tmp, path)


def choose(name: str):  # type: ignore[no-untyped-def]
    def answer(box: QMessageBox) -> None:
        (button,) = [b for b in box.buttons() if b.objectName() == name]
        button.click()

    return answer


# --- item 5: someone else changed the file ------------------------------------


@pytest.mark.parametrize("answer", ["cancel", "save", "reloaded", "save_as"])
def test_save_over_a_file_someone_changed_asks(
    window: MainWindow, tmp_path: Path, expect_modal: Any, monkeypatch: Any, answer: str
) -> None:
    path = saved_file(tmp_path)
    assert window.files.open_here(path)
    edit_title(window, "Mine, edited")
    someone_else_saves(path, "Theirs")
    other = tmp_path / "copy.journey"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    shown: list[str] = []

    def look_and_answer(box: QMessageBox) -> None:
        shown.append(box.text())
        choose(answer)(box)

    expect_modal(QMessageBox, look_and_answer, title="File changed on disk")
    saved = window.files.save()
    assert shown and "p.journey" in shown[0] and "someone else" in shown[0]
    assert window.document is not None and window.project is not None
    if answer == "cancel":
        assert not saved and read_project(path).title == "Theirs"
        assert window.document.dirty and window.project.title == "Mine, edited"
    elif answer == "save":
        assert saved and read_project(path).title == "Mine, edited"
        assert not window.document.dirty
    elif answer == "reloaded":
        assert window.project.title == "Theirs" and not window.document.dirty
        assert read_project(path).title == "Theirs"
    else:
        assert saved and read_project(path).title == "Theirs"
        assert read_project(other).title == "Mine, edited"
        assert window.document.path == other


def test_no_question_when_only_we_wrote_or_it_was_touched(
    window: MainWindow, tmp_path: Path
) -> None:
    path = saved_file(tmp_path)
    assert window.files.open_here(path)
    edit_title(window, "One")
    assert window.files.save()  # our own identity is updated after each save
    edit_title(window, "Two")
    os.utime(path, ns=(1, 1_000_000_000))  # touched: same bytes
    assert window.files.save()
    assert read_project(path).title == "Two"


def test_a_change_on_disk_is_noticed_and_offered_for_reload(
    window: MainWindow, tmp_path: Path, qtbot: Any
) -> None:
    path = saved_file(tmp_path)
    assert window.files.open_here(path)
    guard = window.files.guard
    assert os.fspath(path) in guard.watcher.files()
    someone_else_saves(path, "Theirs")
    qtbot.waitUntil(lambda: not guard.bar.isHidden(), timeout=5000)
    assert "changed by another program" in guard.bar.label.text()
    guard.bar.reload_button.click()
    assert window.project is not None and window.project.title == "Theirs"
    assert guard.bar.isHidden()
    # the replaced file is watched again: a second change is noticed too
    qtbot.waitUntil(lambda: os.fspath(path) in guard.watcher.files(), timeout=5000)
    someone_else_saves(path, "Theirs again")
    qtbot.waitUntil(lambda: not guard.bar.isHidden(), timeout=5000)
    guard.bar.ignore_button.click()
    assert guard.bar.isHidden() and window.project.title == "Theirs"


def test_our_own_save_is_not_a_change_on_disk(
    window: MainWindow, tmp_path: Path, qtbot: Any
) -> None:
    path = saved_file(tmp_path)
    assert window.files.open_here(path)
    guard = window.files.guard
    edit_title(window, "Ours")
    assert window.files.save()
    fired: list[bool] = []
    guard.check_timer.timeout.connect(lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)  # the watcher did report it
    assert not guard.check_disk()
    assert guard.bar.isHidden()


# --- item 5: a second instance ------------------------------------------------


def _holder(path: Path) -> subprocess.Popen[str]:
    code = textwrap.dedent(
        f"""
        import time
        from journeydesk.io.lock import acquire
        lock = acquire({str(path)!r})
        print(type(lock).__name__, flush=True)
        time.sleep(120)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "FileLock"
    return proc


@pytest.mark.timeout(60)
def test_a_file_open_in_another_instance_opens_read_only(
    window: MainWindow, tmp_path: Path, expect_modal: Any, monkeypatch: Any
) -> None:
    path = saved_file(tmp_path)
    before = path.read_bytes()
    proc = _holder(path)
    try:
        told: list[str] = []

        def read_only(box: QMessageBox) -> None:
            told.append(box.text())
            choose("read_only")(box)

        expect_modal(QMessageBox, read_only, title="File in use")
        assert window.files.open_here(path)
        assert "open in another JourneyDesk" in told[0] and "p.journey" in told[0]
        assert window.files.guard.read_only and window.files.guard.lock is None
        assert "p.journey (read-only)" in window.windowTitle()
        # Save refuses to write the file: it asks for another name
        edit_title(window, "Edited copy")
        asked: list[str] = []
        copy = tmp_path / "copy.journey"

        def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
            asked.append(args[1])
            return (str(copy), "")

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
        assert window.files.save()
        assert asked == ["Save project as"]
        assert path.read_bytes() == before and read_project(copy).title == "Edited copy"
        assert not window.files.guard.read_only and "read-only" not in window.windowTitle()
        # Save As onto the locked file is refused too
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
        )
        expect_modal(QMessageBox, title="File in use")
        assert not window.files.save_as()
        assert path.read_bytes() == before
        # Cancel opens nothing
        other = MainWindow()
        expect_modal(QMessageBox, choose("cancel"), title="File in use")
        assert not other.files.open_here(path)
        assert other.document is None
        other.close()
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_a_crash_left_lock_is_taken_over_and_closing_removes_ours(
    window: MainWindow, tmp_path: Path
) -> None:
    path = saved_file(tmp_path)
    lock_path(path).write_text(json.dumps({"pid": DEAD_PID, "host": host_name()}))
    assert window.files.open_here(path)  # no question asked
    assert window.files.guard.lock is not None and not window.files.guard.read_only
    assert json.loads(lock_path(path).read_text())["pid"] == os.getpid()
    window.close()
    assert not lock_path(path).exists()


def test_opening_removes_litter_of_killed_saves(window: MainWindow, tmp_path: Path) -> None:
    path = saved_file(tmp_path)
    left = tmp_path / temp_name("p.journey").replace(f"-{os.getpid()}-", f"-{DEAD_PID}-")
    left.write_bytes(b"half a save")
    assert window.files.open_here(path)
    assert not left.exists()


# --- item 7: recovery keeps one window per file -------------------------------


def _orphan(project_title: str, original: Path | None, key: str) -> str:
    project = templates.new_project("blank", "en")
    project.title = project_title
    snap = write_snapshot(project, key, original)
    meta_path = snap.path.with_name(f"{key}.meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["pid"] = DEAD_PID
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return key


def test_restore_uses_the_window_that_shows_the_file(
    window: MainWindow, tmp_path: Path, expect_modal: Any
) -> None:
    path = saved_file(tmp_path)
    assert window.files.open_here(path)  # as `journeydesk p.journey` after a crash
    _orphan("Recovered", path, "deadbeef1")
    expect_modal(files.RecoveryDialog, lambda d: d.restore_button.click())
    window.files.offer_recovery()
    on_file = [w for w in files.windows() if w.document and w.document.path == path]
    assert on_file == [window]
    assert len(files.windows()) == 1
    assert window.project is not None and window.project.title == "Recovered"
    assert window.document is not None and window.document.dirty
    assert window.files.guard.lock is not None  # still this window's file


def test_compare_restores_in_the_files_window_and_shows_the_disk_read_only(
    window: MainWindow, tmp_path: Path, expect_modal: Any
) -> None:
    path = saved_file(tmp_path, title="On disk")
    assert window.files.open_here(path)
    _orphan("Recovered", path, "deadbeef2")
    expect_modal(files.RecoveryDialog, lambda d: d.compare_button.click())
    window.files.offer_recovery()
    on_file = [w for w in files.windows() if w.document and w.document.path == path]
    assert on_file == [window]
    assert window.project is not None and window.project.title == "Recovered"
    (viewer,) = [w for w in files.windows() if w is not window]
    assert viewer.project is not None and viewer.project.title == "On disk"
    assert viewer.files.guard.read_only and "on disk, read-only" in viewer.windowTitle()
    assert window.files.save() and read_project(path).title == "Recovered"


def test_a_change_is_noticed_on_activation_without_notifications(
    window: MainWindow, tmp_path: Path, qtbot: Any
) -> None:
    from PySide6.QtCore import QEvent

    path = saved_file(tmp_path)
    assert window.files.open_here(path)
    guard = window.files.guard
    guard._unwatch()  # as on a network share: no notifications at all
    someone_else_saves(path, "Theirs")
    QApplication.processEvents()
    assert guard.bar.isHidden()
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: not guard.bar.isHidden(), timeout=5000)


def test_opening_the_shown_file_again_keeps_its_lock(window: MainWindow, tmp_path: Path) -> None:
    path = saved_file(tmp_path)
    assert window.files.open_here(path)
    lock = window.files.guard.lock
    assert lock is not None
    someone_else_saves(path, "Theirs")
    assert window.files.open_here(path)  # no "open elsewhere" question: it is ours
    assert window.files.guard.lock is lock and lock.still_ours()
    assert window.project is not None and window.project.title == "Theirs"
    assert not window.files.guard.read_only
