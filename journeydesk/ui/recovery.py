"""Work recovered after a crash: which snapshots are orphans, and the dialog.

Autosave writes recovery snapshots (``journeydesk.io.recovery``) while a
window has unsaved changes. At start, the snapshots of a JourneyDesk that is
no longer running are offered here: restore, compare with the file on disk,
or discard. What restoring and comparing do to windows is the file side's
(:class:`~journeydesk.ui.files.FileController`); this module only asks.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import plain_text
from journeydesk.io.process import from_this_boot, process_alive, valid_pid
from journeydesk.io.recovery import Snapshot, discard_snapshot, list_snapshots


class Recoverer(Protocol):
    """What the dialog's Restore and Compare buttons call (a file controller)."""

    def restore(self, snapshot: Snapshot) -> Any: ...

    def compare(self, snapshot: Snapshot) -> tuple[Any, Any]: ...


def pid_running(pid: int) -> bool:
    """Whether a process of this user with that id runs (so its snapshots are not orphans)."""
    if valid_pid(pid) is None:
        return False  # metadata may hold any number (2**70, -1): no such process
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # another user's process: not one of our JourneyDesks
    except (OverflowError, ValueError):
        return False
    except OSError:
        return True
    return True


def orphan_snapshots() -> list[Snapshot]:
    """Snapshots left by a JourneyDesk that is no longer running (crashed or
    killed, or running before the machine restarted: its pid may be another's now)."""
    return [
        s
        for s in list_snapshots()
        if s.pid is None or not from_this_boot(s.boot) or not pid_running(s.pid)
    ]


class RecoveryDialog(QDialog):
    """Work recovered after a crash: restore, compare with the file, or discard."""

    def __init__(
        self, snapshots: list[Snapshot], files: Recoverer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.files = files
        self.snapshots = list(snapshots)
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        intro = QLabel(
            self.tr(
                "JourneyDesk did not close properly. Unsaved work was kept for these "
                "projects. Your own files have not been changed."
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Project"), self.tr("Original file"), self.tr("Saved at")]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for snapshot in self.snapshots:
            when = snapshot.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            item = QTreeWidgetItem(
                [
                    snapshot.title or self.tr("(untitled project)"),
                    snapshot.original or self.tr("(never saved)"),
                    when,
                ]
            )
            self.tree.addTopLevelItem(item)
        self.restore_button = QPushButton(self.tr("&Restore"))
        self.compare_button = QPushButton(self.tr("&Compare"))
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.later_button = QPushButton(self.tr("&Later"))
        self.restore_button.clicked.connect(self.restore)
        self.compare_button.clicked.connect(self.compare)
        self.discard_button.clicked.connect(self.discard)
        self.later_button.clicked.connect(self.reject)
        self.restore_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.compare_button, self.discard_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self.resize(720, 320)
        self._update_buttons()

    def _row(self) -> int:
        item = self.tree.currentItem()
        return -1 if item is None else self.tree.indexOfTopLevelItem(item)

    def current(self) -> Snapshot | None:
        row = self._row()
        return self.snapshots[row] if 0 <= row < len(self.snapshots) else None

    def _update_buttons(self) -> None:
        snapshot = self.current()
        self.restore_button.setEnabled(snapshot is not None)
        self.discard_button.setEnabled(snapshot is not None)
        self.compare_button.setEnabled(
            snapshot is not None
            and snapshot.original is not None
            and Path(snapshot.original).is_file()
        )

    def _done_with_current(self) -> None:
        row = self._row()
        if row < 0:
            return
        self.tree.takeTopLevelItem(row)
        del self.snapshots[row]
        if not self.snapshots:
            self.accept()
        else:
            self._update_buttons()

    def restore(self) -> None:
        snapshot = self.current()
        if snapshot is not None and self.files.restore(snapshot) is not None:
            self._done_with_current()

    def compare(self) -> None:
        snapshot = self.current()
        if snapshot is None:
            return
        _on_disk, restored = self.files.compare(snapshot)
        if restored is not None:
            self._done_with_current()

    def discard(self) -> None:
        snapshot = self.current()
        if snapshot is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Discard"),
            plain_text(
                self.tr("Delete the recovered work of “%1” for good?").replace(
                    "%1", snapshot.title or self.tr("(untitled project)")
                )
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with contextlib.suppress(OSError):
            discard_snapshot(snapshot.key)
        self._done_with_current()


__all__ = ["Recoverer", "RecoveryDialog", "orphan_snapshots", "pid_running"]
