"""Recovery snapshots written off the UI thread.

Autosave held the UI thread for the whole snapshot of a 20,000-card map: the
project turned into bytes, then 23 MB written and flushed to the disk (fsync:
fast on this machine, seconds on a slow or network disk). The bytes must be
made on the UI thread — the pydantic model is mutable and shared with every
view, and a command could change it under a background reader — but once
made they are immutable, and writing them touches no model. So the writing
goes to one worker thread, one snapshot at a time in order; the UI thread
only learns (by polling, from a timer owned by the window's file side, so
nothing reaches a window that is gone) whether it worked.

Removing a snapshot waits for the write under way first, so a snapshot is
never written again after its removal (a save or a clean close removes it).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from journeydesk import paths
from journeydesk.io.recovery import discard_snapshot, write_snapshot_bytes

AUTOSAVE_PAUSE_SECONDS = 0.6
"""Autosave waits for a pause this long in the user's edits (``AutosavePacer``)."""

_EXECUTOR: ThreadPoolExecutor | None = None
"""One writer for the whole process: snapshots are written one at a time."""


def _executor() -> ThreadPoolExecutor:
    global _EXECUTOR
    if _EXECUTOR is None:
        _EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journeydesk-autosave")
    return _EXECUTOR


class SnapshotWriter(QObject):
    """Writes one window's snapshots on the worker thread; says when one failed."""

    failed = Signal(str)
    """A snapshot could not be written: the reason (on the UI thread)."""
    written = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: Future[object] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check)

    def write(self, data: bytes, key: str, title: str, original: str | None) -> None:
        """Write ``data`` as the snapshot ``key`` (after any write under way)."""
        folder = paths.recovery_dir()  # now: where the settings say at the edit
        self._pending = _executor().submit(write_snapshot_bytes, data, key, title, original, folder)
        self._poll.start()

    def pending(self) -> bool:
        return self._pending is not None and not self._pending.done()

    def wait(self) -> None:
        """Block until the write under way (if any) is done, and report it."""
        if self._pending is not None:
            with contextlib.suppress(Exception):
                self._pending.result()
        self._check()

    def discard(self, key: str) -> None:
        """Remove the snapshot ``key``, once the write under way is done."""
        self.wait()
        with contextlib.suppress(OSError, ValueError):
            discard_snapshot(key, Path(paths.recovery_dir()))

    def _check(self) -> None:
        future = self._pending
        if future is None or not future.done():
            return
        self._pending = None
        self._poll.stop()
        error = future.exception()
        if error is None:
            self.written.emit()
        else:
            self.failed.emit(str(error))


class AutosavePacer(QObject):
    """The autosave timer's go-between: a snapshot when the timer comes, unless
    the user is in the middle of editing (an edit less than ``pause_seconds``
    ago, or a mouse button held: a drag); then at their next pause, and at
    the latest one timer interval later. Making a 20,000-card map's snapshot
    holds the UI for 0.2-0.3 s: better while the user is not typing or dragging."""

    def __init__(self, timer: QTimer, autosave: Callable[[], object]) -> None:
        super().__init__(timer)
        self.pause_seconds = AUTOSAVE_PAUSE_SECONDS
        self._timer = timer
        self._autosave = autosave
        self._last_edit = 0.0
        self._deferred_since: float | None = None
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.timeout.connect(self.due)
        timer.timeout.connect(self.due)

    def edited(self) -> None:
        self._last_edit = time.monotonic()

    def stop(self) -> None:
        self._pause.stop()

    def due(self) -> None:
        now = time.monotonic()
        busy = (
            now - self._last_edit < self.pause_seconds
            or QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
        )
        if busy:
            if self._deferred_since is None:
                self._deferred_since = now
            if now - self._deferred_since < self._timer.interval() / 1000:
                self._pause.start(int(self.pause_seconds * 1000))
                return
        self._deferred_since = None
        self._pause.stop()
        self._autosave()
