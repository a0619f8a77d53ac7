"""Guarding a window's file against everyone else who may touch it.

Project files live on shared drives, in synced folders and in git, so other
programs and other JourneyDesks change them. Per window, :class:`FileGuard`

- records the file's identity (size, mtime, SHA-256) at open and after each
  save, and before saving over the file checks it is still that file; if not,
  a dialog offers Overwrite, Save As, Reload or Cancel;
- watches the file (QFileSystemWatcher) and, when another program changes it,
  shows a bar in the status bar offering to reload. Editors that save
  atomically replace the file, which drops it from the watcher, so the file is
  added again after each change and its folder is watched too; our own saves
  match the recorded identity and are ignored. Network shares may send no
  notifications, so the file is also looked at when the window is activated;
- holds a lock file beside the project (``journeydesk.io.lock``); a second
  JourneyDesk opening it is told who has it open and may open a read-only copy
  (titled so; Save then asks for a new name).

The questions are asked through :meth:`ask_conflict` and :meth:`ask_locked`,
plain modal message boxes that tests answer with the ``expect_modal`` fixture.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from journeydesk.io.atomic import remove_stale_temps
from journeydesk.io.identity import FileIdentity, changed_on_disk
from journeydesk.io.lock import FileLock, LockOwner, acquire, owner_of
from journeydesk.io.project_file import read_project_with_identity
from journeydesk.model import Project

if TYPE_CHECKING:
    from .files import FileController

SaveDecision = Literal["save", "save_as", "reloaded", "cancel"]
CHECK_DELAY_MS = 250
"""Wait this long after a change is reported: an editor's save is several events."""


@dataclass
class OpenedFile:
    """A project read from disk, with what a window needs to guard it."""

    project: Project
    identity: FileIdentity | None
    lock: FileLock | None
    read_only: bool = False


def _same(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def disk_identity(path: Path) -> FileIdentity | None:
    """The identity of the file as it is now (None when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
            return FileIdentity.of_bytes(data, os.fstat(handle.fileno()))
    except OSError:
        return None


def _local_time(iso: str) -> str:
    """A lock's start time in local time, or as written when it is not a time."""
    try:
        when = dt.datetime.fromisoformat(iso)
        return when.astimezone().strftime("%Y-%m-%d %H:%M")
    except (ValueError, OverflowError, OSError):
        return iso or "?"


class ChangedBar(QWidget):
    """"The file changed on disk": a quiet bar in the status bar, not a modal box."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("file_changed_bar")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.reload_button = QPushButton(self.tr("&Reload"))
        self.ignore_button = QPushButton(self.tr("&Ignore"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.ignore_button)
        self.hide()


class FileGuard(QObject):
    """Identity, lock and watcher of one window's file (see the module's docstring)."""

    def __init__(self, files: FileController) -> None:
        super().__init__(files)
        self.files = files
        self.window = files.window
        self.path: Path | None = None
        self.identity: FileIdentity | None = None
        self.lock: FileLock | None = None
        self.read_only = False
        self._ignored: tuple[int, int] | None = None
        self._checked: tuple[int, int, bool] | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._changed)
        self.watcher.directoryChanged.connect(self._changed)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check_disk)
        self.bar = ChangedBar(self.window)
        self.bar.reload_button.clicked.connect(self.reload)
        self.bar.ignore_button.clicked.connect(self.ignore_change)
        self.window.statusBar().addPermanentWidget(self.bar)
        self.window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Network shares often send no change notifications: look again
        # whenever the user comes back to the window.
        if watched is self.window and event.type() == QEvent.Type.WindowActivate:
            self._changed()
        return False

    # --- opening ----------------------------------------------------------------

    def ask_locked(self, path: Path, owner: LockOwner) -> bool:
        """The file is open in another JourneyDesk: open a read-only copy?"""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("File in use"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("“%1” is open in another JourneyDesk (%2, since %3).")
            .replace("%1", path.name)
            .replace("%2", owner.describe())
            .replace("%3", _local_time(owner.started))
        )
        box.setInformativeText(
            self.tr(
                "You can open a read-only copy: you can look at it and save it "
                "under another name."
            )
        )
        read_only = box.addButton(self.tr("Open &Read-Only"), QMessageBox.ButtonRole.AcceptRole)
        read_only.setObjectName("read_only")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        box.setDefaultButton(read_only)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is read_only

    def prepare_open(self, path: Path) -> OpenedFile | None:
        """Lock and read ``path`` (raising ProjectFileError when it cannot be read).

        Temporary files left beside it by killed saves are removed first. When
        another JourneyDesk has the file open, ask; None when the user cancels.
        The file this window already shows is read again under its own lock."""
        remove_stale_temps(path)
        if _same(path, self.path) and (self.lock is not None or self.read_only):
            return self.reread()
        result = acquire(path)
        lock = result if isinstance(result, FileLock) else None
        read_only = False
        if isinstance(result, LockOwner):
            if not self.ask_locked(path, result):
                return None
            read_only = True
        try:
            project, identity = read_project_with_identity(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return OpenedFile(project, identity, lock, read_only)

    # --- following the window's file ------------------------------------------

    def replace(self, path: Path | None, opened: OpenedFile | None) -> None:
        """The window now shows ``path`` (read as ``opened``, if it was just read)."""
        old_lock = self.lock
        if opened is not None:
            self.identity, self.lock = opened.identity, opened.lock
            self.read_only = opened.read_only
        elif path is None:
            self.identity, self.lock, self.read_only = None, None, False
        elif not _same(path, self.path):
            result = acquire(path)
            self.lock = result if isinstance(result, FileLock) else None
            self.read_only = isinstance(result, LockOwner)
            self.identity = disk_identity(path)
        # else: the same file again (a restored snapshot of it): keep lock and identity
        if old_lock is not None and old_lock is not self.lock:
            old_lock.release()
        self.path = path
        self._ignored = None
        self._checked = None
        self.bar.hide()
        self._rewatch()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only

    def release(self) -> None:
        """The window closes: let the file go."""
        if self.lock is not None:
            self.lock.release()
        self.lock = None
        self.path = None
        self.check_timer.stop()
        self._unwatch()

    def _unwatch(self) -> None:
        for name in self.watcher.files() + self.watcher.directories():
            self.watcher.removePath(name)

    def _rewatch(self) -> None:
        self._unwatch()
        if self.path is None:
            return
        if self.path.exists():
            self.watcher.addPath(os.fspath(self.path))
        folder = self.path.parent
        if folder.is_dir():
            self.watcher.addPath(os.fspath(folder))

    # --- changes on disk --------------------------------------------------------

    def _changed(self, _name: str = "") -> None:
        self.check_timer.start()

    def _stat_key(self) -> tuple[int, int] | None:
        if self.path is None:
            return None
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns)

    def changed(self, *, fresh: bool = False) -> bool:
        """Whether the file on disk is no longer the one we read or wrote. The
        watcher's checks skip the hash while size and time stay as last checked;
        ``fresh`` (before a save) always compares the bytes."""
        if self.path is None:
            return False
        key = self._stat_key()
        if (
            not fresh
            and key is not None
            and self._checked is not None
            and self._checked[:2] == key
        ):
            return self._checked[2]
        result = changed_on_disk(self.path, self.identity)
        if key is not None:
            self._checked = (*key, result)
        return result

    def check_disk(self) -> bool:
        """Look at the file; when someone else changed it, show the bar. Returns
        whether it changed."""
        if self.path is None:
            return False
        if os.fspath(self.path) not in self.watcher.files() and self.path.exists():
            self.watcher.addPath(os.fspath(self.path))  # replaced atomically: watch it again
        if not self.changed():
            self.bar.hide()
            return False
        key = self._stat_key()
        if key is not None and key == self._ignored:
            return True
        doc = self.files.document
        name = self.path.name
        if key is None:
            text = self.tr("“%1” was deleted or moved by another program.").replace("%1", name)
            self.bar.reload_button.hide()
        elif doc is not None and doc.dirty:
            text = self.tr(
                "“%1” was changed by another program. Reload it (losing your changes)?"
            ).replace("%1", name)
            self.bar.reload_button.show()
        else:
            text = self.tr("“%1” was changed by another program. Reload it?").replace("%1", name)
            self.bar.reload_button.show()
        self.bar.label.setText(text)
        self.bar.show()
        return True

    def ignore_change(self) -> None:
        """Keep what is in the window; a later save still asks before overwriting."""
        self._ignored = self._stat_key()
        self.bar.hide()

    def reread(self) -> OpenedFile:
        """The file as it is on disk now, keeping this window's lock (raises
        ProjectFileError)."""
        assert self.path is not None
        project, identity = read_project_with_identity(self.path)
        return OpenedFile(project, identity, self.lock, self.read_only)

    def reload(self) -> bool:
        """Show the file as it is on disk now (unsaved changes are dropped)."""
        from journeydesk.io import ProjectFileError

        if self.path is None:
            return False
        path = self.path
        try:
            opened = self.reread()
        except ProjectFileError as exc:
            self.window.show_load_error(os.fspath(path), exc)
            return False
        self.files.show_project(opened.project, path, opened=opened)
        self.window.statusBar().showMessage(
            self.tr("Reloaded “%1” from disk").replace("%1", path.name), 4000
        )
        return True

    # --- saving -----------------------------------------------------------------

    def before_save(self, path: Path) -> SaveDecision:
        """May we write ``path`` now? Asks when someone else changed it or has it open."""
        ours = _same(path, self.path)
        if not (ours and self.lock is not None):
            owner = owner_of(path)
            if owner is not None:
                self._tell_locked(path, owner)
                return "cancel"
        if ours and self.changed(fresh=True):
            return self.ask_conflict(path)
        return "save"

    def saved(self, path: Path, identity: FileIdentity | None) -> None:
        """We wrote ``path``: it is the window's file now, as we wrote it."""
        if not _same(path, self.path):
            old = self.lock
            result = acquire(path)
            self.lock = result if isinstance(result, FileLock) else None
            if old is not None and old is not self.lock:
                old.release()
            self.path = path
            self._rewatch()
        elif os.fspath(path) not in self.watcher.files():
            self.watcher.addPath(os.fspath(path))
        self.identity = identity
        self.read_only = False
        self._checked = None
        self._ignored = None
        self.bar.hide()

    def _tell_locked(self, path: Path, owner: LockOwner) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("File in use"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("“%1” is open in another JourneyDesk window or program (%2).")
            .replace("%1", path.name)
            .replace("%2", owner.describe())
        )
        box.setInformativeText(self.tr("Save under another name, or close it there first."))
        box.exec()

    def ask_conflict(self, path: Path) -> SaveDecision:
        """Someone else changed the file since we read it: what now?"""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("File changed on disk"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("“%1” was changed by someone else since you opened or saved it.").replace(
                "%1", path.name
            )
        )
        box.setInformativeText(
            self.tr(
                "Overwrite replaces their version with yours. Save As keeps both. "
                "Reload shows their version and drops your changes."
            )
        )
        choices: dict[object, SaveDecision] = {}
        for name, text, role in (
            ("save", self.tr("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole),
            ("save_as", self.tr("Save &As…"), QMessageBox.ButtonRole.AcceptRole),
            ("reloaded", self.tr("&Reload"), QMessageBox.ButtonRole.ResetRole),
        ):
            button = box.addButton(text, role)
            button.setObjectName(name)
            choices[button] = name  # type: ignore[assignment]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        answer = choices.get(box.clickedButton(), "cancel")
        if answer == "reloaded" and not self.reload():
            return "cancel"
        return answer


__all__ = ["ChangedBar", "FileGuard", "OpenedFile", "disk_identity"]
