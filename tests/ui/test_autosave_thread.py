"""Autosave writes its snapshot off the UI thread (#14: a 20,000-card
snapshot held the UI for the whole write): the bytes are made at once on the
UI thread, from the model as it is then; edits go on while the worker writes;
the snapshot on disk is complete and loads; removing it waits for the write."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from journeydesk.document.commands import SetField
from journeydesk.io import read_project
from journeydesk.io.recovery import list_snapshots
from journeydesk.ui import autosave_writer
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.files.autosave_timer.stop()
    w.open_sample("en")
    return w


def rename(window: MainWindow, title: str) -> None:
    doc = window.document
    assert doc is not None
    doc.push(SetField(doc, doc.project.id, "title", title, "Rename", merge=False))


def test_the_snapshot_is_written_on_another_thread_while_edits_continue(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []
    real = autosave_writer.write_snapshot_bytes

    def slow_write(*args: Any) -> Any:
        threads.append(threading.current_thread())
        started.set()
        assert release.wait(10)  # the disk is slow: the UI must not wait for it
        return real(*args)

    monkeypatch.setattr(autosave_writer, "write_snapshot_bytes", slow_write)
    rename(window, "As autosaved")
    doc = window.document
    assert doc is not None
    cards_then = len(doc.project.maps[0].cards)
    assert window.files.autosave()  # returns while the write waits
    assert started.wait(10)
    assert window.files.writer.pending()
    # edits go on meanwhile, through the window, map redrawn
    rename(window, "Edited after the autosave")
    card = doc.project.maps[0].cards[0]
    doc.push(SetField(doc, card.id, "title", "Typed while writing", "t", merge=False))
    assert not list_snapshots()  # nothing on disk yet
    release.set()
    window.files.wait_for_autosave()
    assert threads and threads[0] is not threading.main_thread()
    (snap,) = list_snapshots()
    saved = read_project(snap.path)  # complete and loadable
    assert saved.title == "As autosaved" == snap.title
    assert len(saved.maps[0].cards) == cards_then
    assert saved.maps[0].cards[0].title != "Typed while writing"
    # the next autosave writes the later edits
    assert window.files.autosave()
    window.files.wait_for_autosave()
    (snap,) = list_snapshots()
    assert read_project(snap.path).title == "Edited after the autosave"
    doc.undo_stack.setClean()
    assert not list_snapshots()  # undone to what is on disk: nothing to recover


def test_removing_the_snapshot_waits_for_the_write_under_way(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()
    real = autosave_writer.write_snapshot_bytes

    def slow_write(*args: Any) -> Any:
        started.set()
        threading.Event().wait(0.3)
        return real(*args)

    monkeypatch.setattr(autosave_writer, "write_snapshot_bytes", slow_write)
    rename(window, "Soon saved")
    assert window.files.autosave()
    assert started.wait(10)
    window.files.discard_snapshot()  # a save or a clean close does this
    window.files.wait_for_autosave()
    assert not list_snapshots()  # not written back after its removal
    doc = window.document
    assert doc is not None
    doc.undo_stack.setClean()


def test_a_failed_write_is_said_and_tried_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    def failing(*_args: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr(autosave_writer, "write_snapshot_bytes", failing)
    rename(window, "Unlucky")
    assert window.files.autosave()
    qtbot.waitUntil(lambda: "disk full" in window.statusBar().currentMessage(), timeout=5000)
    monkeypatch.undo()
    assert window.files.autosave()  # the same edits again: the last write failed
    window.files.wait_for_autosave()
    (snap,) = list_snapshots()
    assert read_project(snap.path).title == "Unlucky"
    doc = window.document
    assert doc is not None
    doc.undo_stack.setClean()


def test_autosave_waits_for_a_pause_in_the_edits(window: MainWindow, qtbot: Any) -> None:
    """The timer comes while the user is typing: the snapshot (which holds
    the UI while the project becomes bytes) waits for a pause in the edits."""
    files = window.files
    files.pacer.pause_seconds = 0.4
    rename(window, "Typing")
    typed = time.monotonic()
    files.pacer.due()  # the timer, just after an edit
    assert not files.writer.pending() and not list_snapshots()
    qtbot.waitUntil(lambda: bool(list_snapshots()), timeout=5000)
    assert time.monotonic() - typed >= 0.4
    files.wait_for_autosave()
    (snap,) = list_snapshots()
    assert read_project(snap.path).title == "Typing"
    doc = window.document
    assert doc is not None
    doc.undo_stack.setClean()


def test_autosave_waits_at_most_one_more_interval(window: MainWindow, qtbot: Any) -> None:
    """Edits that never pause still get a snapshot, one interval late at most."""
    files = window.files
    files.pacer.pause_seconds = 0.5
    files.set_autosave_seconds(1)
    rename(window, "Typing 0")
    start = time.monotonic()
    n = 0
    files.pacer.due()  # the timer, while the user types
    while not list_snapshots() and time.monotonic() - start < 4:
        n += 1
        rename(window, f"Typing {n}")
        qtbot.wait(100)  # faster than the pause: the user never stops
    assert list_snapshots(), "no snapshot while the edits went on"
    assert time.monotonic() - start < 2.5
    files.wait_for_autosave()
    doc = window.document
    assert doc is not None
    doc.undo_stack.setClean()
