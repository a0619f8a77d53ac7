"""Files, autosave and recovery: what the File menu does to a window's document.

One project per window. Each window owns a :class:`FileController` that
opens, saves, reverts and closes its document, writes its recovery snapshots
while it has unsaved changes, and asks before anything is lost. It works
through the window's public face (``windows.ProjectWindow``) and its editing
context (``context.py``): it puts a document in the context, and the window
and its panels follow. The list of windows is ``windows.py``'s; the template
chooser and the recovery dialog are modules of their own.

The user's own file is written only when they save (atomically, so a failed
save leaves the previous file as it was); autosave writes recovery snapshots
elsewhere (``journeydesk.io.recovery``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
)

from journeydesk import templates
from journeydesk.canvas.plain import plain_text, title_text
from journeydesk.document.document import Document
from journeydesk.io import FILE_SUFFIX, ProjectFileError, read_project, write_project
from journeydesk.io.project_file import dump_bytes
from journeydesk.io.recovery import Snapshot, load_snapshot
from journeydesk.model import Project
from journeydesk.settings import Settings, load_settings, save_settings

from .autosave_writer import AutosavePacer, SnapshotWriter
from .file_guard import FileGuard, OpenedFile
from .recovery import RecoveryDialog, orphan_snapshots, pid_running
from .template_chooser import (
    TemplateChoice,
    TemplateChooser,
    project_from_choice,
    template_choices,
    user_templates,
    user_templates_dir,
)
from .windows import ProjectWindow, forget, new_window, register, windows

if TYPE_CHECKING:
    from .context import EditingContext


def safe_file_stem(title: str, fallback: str = "Untitled") -> str:
    """A file name (without suffix) made from a project's title, valid on every system."""
    from journeydesk.io.filenames import safe_file_stem as stem_of

    return stem_of(title, fallback)


def documents_folder() -> Path:
    """The user's documents folder (XDG's, Windows' or macOS's), else home."""
    from PySide6.QtCore import QStandardPaths

    name = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if name and Path(name).is_dir():
        return Path(name)
    return Path.home()


def save_as_start(path: Path | None, title: str, untitled: str) -> Path:
    """Where Save As starts and the name it offers: the file itself when it
    has one; else the title as a file name, in the folder of the last Save As
    (when it still exists), else in the documents folder."""
    if path is not None:
        return path
    stem = safe_file_stem(title, untitled)
    remembered = load_settings().save_folder
    folder = Path(remembered) if remembered and Path(remembered).is_dir() else documents_folder()
    return folder / (stem + FILE_SUFFIX)


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a file is read and laid out (a big map takes a
    second or two)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def ui_language() -> str:
    """The language of the UI and of new projects: the preference, else the system's."""
    from .app_language import ui_language as system_ui_language

    language = load_settings().language
    return language if language in templates.LANGUAGES else system_ui_language()


def _update_settings(change: object) -> None:
    """Load the settings, apply ``change(settings)``, save; a write error is not fatal."""
    settings = load_settings()
    change(settings)  # type: ignore[operator]
    with contextlib.suppress(OSError):
        save_settings(settings)


def add_recent(path: Path) -> None:
    _update_settings(lambda s: s.add_recent(str(path)))


def remove_recent(path: str) -> None:
    def change(settings: Settings) -> None:
        settings.recent_files = [p for p in settings.recent_files if p != path]

    _update_settings(change)


def _same_file(a: Path | None, b: Path) -> bool:
    if a is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


class FileController(QObject):
    """The file side of one window: its document on disk, autosave and closing."""

    def __init__(self, window: ProjectWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context: EditingContext = window.context
        """What the window edits: the file side replaces its document."""
        self.key = uuid.uuid4().hex
        """This window's recovery snapshot."""
        self.is_closed = False
        self._doc: Document | None = None
        self._revision = 0
        self._snapshot_revision: int | None = None
        self._snapshot_written = False
        self.writer = SnapshotWriter(self)
        """Writes the snapshots off the UI thread (autosave_writer.py)."""
        self.writer.failed.connect(self._autosave_failed)
        self.autosave_timer = QTimer(self)
        self.pacer = AutosavePacer(self.autosave_timer, self.autosave)
        """Lets the timer's autosave wait for a pause in the edits."""
        self.set_autosave_seconds(load_settings().autosave_seconds)
        self.autosave_timer.start()
        self.guard = FileGuard(self)
        """The file's identity, lock and watcher (others may change it)."""
        window.setAcceptDrops(True)
        from .file_drop import ProjectDrops

        self.project_drops = ProjectDrops(window, self.open_files)
        """A project file dropped anywhere on the window opens (the map included)."""
        register(window)

    # --- actions and menus --------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None, slot: object
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def add_file_actions(self, menu: QMenu) -> None:
        """New, Open, Open Recent, Save, Save As, Save as Template, Revert."""
        self.new_action = self._action(self.tr("&New…"), QKeySequence.StandardKey.New, self.new)
        self.open_action = self._action(
            self.tr("&Open…"), QKeySequence.StandardKey.Open, self.choose_and_open
        )
        self.recent_menu = QMenu(self.tr("Open &Recent"), self.window)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.save_action = self._action(self.tr("&Save"), QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = self._action(
            self.tr("Save &As…"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_S),
            self.save_as,
        )
        self.save_template_action = self._action(
            self.tr("Save as &Template…"), None, self.save_as_template
        )
        self.revert_action = self._action(self.tr("Re&vert"), None, self.revert)
        for action in (self.new_action, self.open_action):
            menu.addAction(action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        for action in (
            self.save_action,
            self.save_as_action,
            self.save_template_action,
            self.revert_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.aboutToShow.connect(self._update_actions)
        self.fill_recent_menu()

    def _update_actions(self) -> None:
        doc = self.document
        self.save_template_action.setEnabled(doc is not None)
        self.revert_action.setEnabled(doc is not None and doc.path is not None)

    def add_preferences_action(self, menu: QMenu) -> QAction:
        action = self._action(
            self.tr("Pre&ferences…"),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma),
            self.preferences,
        )
        action.setMenuRole(QAction.MenuRole.PreferencesRole)
        menu.addAction(action)
        return action

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = load_settings().recent_files
        for number, name in enumerate(recent, start=1):
            path = Path(name)
            exists = path.is_file()
            shown = path.name.replace("&", "&&")
            text = f"&{number % 10} {shown}" if number <= 10 else shown
            if not exists:
                text = self.tr("%1 (missing)").replace("%1", text)
            action = menu.addAction(text)
            action.setToolTip(plain_text(name))
            action.setStatusTip(name)
            action.setEnabled(exists)
            action.triggered.connect(partial(self.open_recent, name))
        if recent:
            menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear Recent Files"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.clear_recent)

    def open_recent(self, name: str) -> None:
        if not Path(name).is_file():
            remove_recent(name)
            QMessageBox.warning(
                self.window,
                self.tr("Open Recent"),
                plain_text(
                    self.tr("“%1” no longer exists; it was removed from the recent files.").replace(
                        "%1", name
                    )
                ),
            )
            return
        self.open_file(name)

    def clear_recent(self) -> None:
        _update_settings(lambda s: setattr(s, "recent_files", []))

    # --- the document -------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self.context.document

    def is_untouched(self) -> bool:
        """Nothing to lose here: no project, or an untitled one never edited."""
        doc = self.document
        return doc is None or (doc.path is None and not doc.dirty and doc.undo_stack.count() == 0)

    def _watch(self) -> None:
        """Follow the window's current document (autosave needs its edits)."""
        doc = self.document
        if doc is self._doc:
            return
        if self._doc is not None and shiboken6.isValid(self._doc):
            with contextlib.suppress(RuntimeError, TypeError):
                self._doc.changed.disconnect(self._bump)
            with contextlib.suppress(RuntimeError, TypeError):
                self._doc.dirtyChanged.disconnect(self._dirty_changed)
        self._doc = doc
        self._revision += 1
        self._snapshot_revision = None
        if doc is not None:
            doc.changed.connect(self._bump)
            doc.dirtyChanged.connect(self._dirty_changed)

    def _bump(self, _change: object = None) -> None:
        self._revision += 1
        self.pacer.edited()

    def _dirty_changed(self, dirty: bool) -> None:
        if not dirty:
            # Saved, or undone back to what is on disk: nothing to recover.
            self.discard_snapshot()

    def show_project(
        self,
        project: Project,
        path: Path | None,
        *,
        dirty: bool = False,
        opened: OpenedFile | None = None,
    ) -> None:
        """Put ``project`` in this window (replacing what is there); ``opened``
        is what ``guard.prepare_open`` read, with the file's identity and lock."""
        self.discard_snapshot()
        self.guard.replace(path, opened)
        self.context.set_document(Document(project, path))
        self._watch()
        doc = self.document
        if dirty and doc is not None:
            # A restored snapshot: unsaved until the user saves it somewhere.
            doc.undo_stack.resetClean()
            self.window.setWindowModified(True)

    def open_here(self, name: str | os.PathLike[str]) -> bool:
        """Open a file in this window; on failure say what is wrong and keep what is open."""
        path = Path(name)
        try:
            with busy():
                opened = self.guard.prepare_open(path)
                if opened is None:
                    return False
                self.show_project(opened.project, path, opened=opened)
        except ProjectFileError as exc:
            self.window.show_load_error(os.fspath(name), exc)
            return False
        add_recent(path.absolute())
        return True

    def open_template_here(self, key: str, language: str) -> None:
        self.show_project(templates.new_project(key, language), None)

    def target_window(self) -> ProjectWindow:
        """This window when it holds nothing to lose, else a new one."""
        if self.is_untouched():
            return self.window
        return new_window(self.window)

    def window_showing(self, path: Path) -> ProjectWindow | None:
        for window in windows():
            if window.context.path is not None and _same_file(window.context.path, path):
                return window
        return None

    def open_file(self, name: str | os.PathLike[str]) -> ProjectWindow | None:
        """Open a file: in this window when it is untouched, else in a new one.
        A file already open in a window brings that window forward."""
        path = Path(name)
        shown = self.window_showing(path)
        if shown is not None:
            shown.show()
            shown.raise_()
            shown.activateWindow()
            add_recent(path.absolute())
            return shown
        try:
            with busy():
                opened = self.guard.prepare_open(path)
                if opened is None:
                    return None
                target = self.target_window()
                target.files.show_project(opened.project, path, opened=opened)
        except ProjectFileError as exc:
            self.window.show_load_error(os.fspath(path), exc)
            return None
        add_recent(path.absolute())
        return target

    def choose_and_open(self) -> None:
        start = ""
        if self.document is not None and self.document.path is not None:
            start = str(self.document.path.parent)
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open project"),
            start,
            self.tr("JourneyDesk projects (*.journey);;All files (*)"),
        )
        if name:
            self.open_file(name)

    def new(self) -> ProjectWindow | None:
        """Choose a template; the new project opens untitled."""
        dialog = TemplateChooser(ui_language(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        return self.new_from(dialog.chosen, dialog.language)

    def new_from(self, choice: TemplateChoice, language: str) -> ProjectWindow | None:
        try:
            project = project_from_choice(choice, language)
        except ProjectFileError as exc:
            self.window.show_load_error(choice.title, exc)
            return None
        target = self.target_window()
        target.files.show_project(project, None)
        return target

    # --- saving -------------------------------------------------------------

    def save(self) -> bool:
        """Save to the document's file; an untitled document asks for a name."""
        doc = self.document
        if doc is None:
            return False
        if doc.path is None or self.guard.read_only:
            return self.save_as()  # a read-only copy is saved under another name
        return self.write_to(doc.path)

    def _default_save_name(self) -> str:
        doc = self.document
        assert doc is not None
        return str(save_as_start(doc.path, doc.project.title, self.tr("Untitled")))

    def save_as(self) -> bool:
        if self.document is None:
            return False
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save project as"),
            self._default_save_name(),
            self.tr("JourneyDesk projects (*.journey)"),
        )
        if not name:
            return False
        if not name.lower().endswith(FILE_SUFFIX):
            name += FILE_SUFFIX
        if not self.write_to(Path(name)):
            return False
        folder = str(Path(name).absolute().parent)
        _update_settings(lambda s: setattr(s, "save_folder", folder))
        return True

    def write_to(self, path: Path) -> bool:
        """Write the project to ``path`` (atomically) and make it the document's file."""
        doc = self.document
        if doc is None:
            return False
        decision = self.guard.before_save(path)
        if decision == "save_as":
            return self.save_as()
        if decision != "save":
            return False
        previous = doc.project.modified
        doc.project.modified = dt.datetime.now(dt.UTC).replace(microsecond=0)
        try:
            identity = write_project(doc.project, path)
        except OSError as exc:
            doc.project.modified = previous
            self._save_failed(path, exc)
            return False
        self.guard.saved(path, identity)
        self.context.saved_as(path)  # the title follows
        self.window.setWindowModified(False)
        self.discard_snapshot()
        add_recent(path.absolute())
        self.window.statusBar().showMessage(self.tr("Saved “%1”").replace("%1", path.name), 4000)
        return True

    def _save_failed(self, path: Path, exc: OSError) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Cannot save"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("“%1” could not be saved.").replace("%1", path.name))
        box.setInformativeText(
            self.tr("%1\n\nThe file on disk, if there was one, is unchanged.").replace(
                "%1", exc.strerror or str(exc)
            )
        )
        box.exec()

    def save_as_template(self) -> bool:
        """Save a copy of the project among the user's templates (the document
        stays as it is)."""
        doc = self.document
        if doc is None:
            return False
        name, ok = QInputDialog.getText(
            self.window,
            self.tr("Save as Template"),
            self.tr("Template name:"),
            text=safe_file_stem(doc.project.title, self.tr("My template")),
        )
        stem = safe_file_stem(name, "") if ok else ""
        if not stem:
            return False
        path = user_templates_dir() / (stem + FILE_SUFFIX)
        if path.exists():
            answer = QMessageBox.question(
                self.window,
                self.tr("Save as Template"),
                self.tr("A template named “%1” exists. Replace it?").replace("%1", stem),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_project(doc.project, path)
        except OSError as exc:
            self._save_failed(path, exc)
            return False
        self.window.statusBar().showMessage(
            self.tr("Template “%1” saved").replace("%1", stem), 4000
        )
        return True

    def revert(self) -> bool:
        """Reload the file from disk, dropping the unsaved changes (after asking)."""
        doc = self.document
        if doc is None or doc.path is None:
            return False
        if doc.dirty:
            answer = QMessageBox.question(
                self.window,
                self.tr("Revert"),
                plain_text(
                    self.tr("Discard your unsaved changes and reload “%1” from disk?").replace(
                        "%1", doc.path.name
                    )
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        path = doc.path
        if not _same_file(self.guard.path, path):
            self.guard.replace(path, None)
        try:
            opened = self.guard.reread()
        except ProjectFileError as exc:
            self.window.show_load_error(os.fspath(path), exc)
            return False
        self.show_project(opened.project, path, opened=opened)
        return True

    # --- closing ------------------------------------------------------------

    def maybe_close(self) -> bool:
        """Whether the window may close: unsaved changes are saved or discarded
        as the user says. On yes, the window's autosave ends."""
        doc = self.document
        if doc is not None and doc.dirty:
            name = doc.path.name if doc.path is not None else self.tr("Untitled")
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Unsaved changes"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(self.tr("Save the changes to “%1” before closing?").replace("%1", name))
            box.setInformativeText(self.tr("If you don’t save, your changes will be lost."))
            box.setStandardButtons(
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel
            )
            box.setDefaultButton(QMessageBox.StandardButton.Save)
            box.setEscapeButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            answer = box.standardButton(box.clickedButton())
            if answer == QMessageBox.StandardButton.Save:
                if not self.save():
                    return False
            elif answer != QMessageBox.StandardButton.Discard:
                return False
        self.closed()
        return True

    def closed(self) -> None:
        """The window closed: no more autosave, no snapshot left; the window
        list lets it go once the close event is over."""
        self.is_closed = True
        self.autosave_timer.stop()
        self.pacer.stop()
        self.discard_snapshot()
        self.guard.release()
        QTimer.singleShot(0, partial(forget, self.window))

    def quit_all(self) -> bool:
        """Close every window, each asking about its unsaved changes; stop at a Cancel."""
        order = [self.window] + [w for w in windows() if w is not self.window]
        for window in order:
            if shiboken6.isValid(window) and window.isVisible() and not window.close():
                return False
        return True

    # --- dropping files -----------------------------------------------------

    @staticmethod
    def dropped_projects(event: QDragEnterEvent | QDropEvent) -> list[str]:
        from .file_drop import project_files

        return project_files(event.mimeData())

    def open_files(self, names: list[str]) -> None:
        """Open dropped project files, each as :meth:`open_file` does."""
        for name in names:
            self.open_file(name)

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if self.dropped_projects(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        names = self.dropped_projects(event)
        if not names:
            event.ignore()
            return
        event.acceptProposedAction()
        for name in names:
            self.open_file(name)

    # --- autosave -----------------------------------------------------------

    def set_autosave_seconds(self, seconds: int) -> None:
        self.autosave_timer.setInterval(max(1, int(seconds)) * 1000)

    def autosave(self) -> bool:
        """Write a recovery snapshot when there are edits since the last one.
        Never touches the user's file.

        The project becomes bytes here, on the UI thread (the model is shared
        and mutable); the writing and flushing to disk go to a worker thread
        (``wait_for_autosave`` waits for it). True when a snapshot was made."""
        self._watch()
        doc = self.document
        if doc is None or not doc.dirty or self._snapshot_revision == self._revision:
            return False
        try:
            data = dump_bytes(doc.project)
        except ValueError as exc:
            self._autosave_failed(str(exc))
            return False
        original = os.fspath(doc.path) if doc.path is not None else None
        self.writer.write(data, self.key, doc.project.title, original)
        self._snapshot_revision = self._revision
        self._snapshot_written = True
        return True

    def wait_for_autosave(self) -> None:
        """Until the snapshot being written is on disk (or has failed)."""
        self.writer.wait()

    def _autosave_failed(self, reason: str) -> None:
        self._snapshot_revision = None  # the next autosave tries again
        self.window.statusBar().showMessage(
            self.tr("Autosave failed: %1").replace("%1", reason), 8000
        )

    def discard_snapshot(self) -> None:
        self._snapshot_revision = None
        if self._snapshot_written:
            self.writer.discard(self.key)
            self._snapshot_written = False

    # --- recovery -----------------------------------------------------------

    def restore(self, snapshot: Snapshot) -> ProjectWindow | None:
        """Open a snapshot as an unsaved document (its original file, if it had
        one, is written only when the user saves). A window already showing
        that file (with nothing unsaved) takes it, so no two windows hold the
        same file; else this window when untouched, else a new one. The window
        takes the snapshot over: it is rewritten by autosave and removed on save."""
        try:
            project = load_snapshot(snapshot)
        except ProjectFileError as exc:
            self.window.show_load_error(snapshot.path.name, exc)
            return None
        path = Path(snapshot.original) if snapshot.original else None
        target = self.window_showing(path) if path is not None else None
        held = target.context.document if target is not None else None
        if target is None or (held is not None and held.dirty):
            target = self.target_window()
        target.files.show_project(project, path, dirty=True)
        target.files.adopt_snapshot(snapshot.key)
        return target

    def adopt_snapshot(self, key: str) -> None:
        """Take over the recovery snapshot ``key``: autosave rewrites it now (so
        it is this process's at once) and a save removes it."""
        self.key = key
        self._snapshot_written = True
        self._snapshot_revision = None
        self.autosave()
        self.wait_for_autosave()  # another start must not offer it meanwhile

    def compare(self, snapshot: Snapshot) -> tuple[ProjectWindow | None, ProjectWindow | None]:
        """Restore the snapshot (in the window of its file, as Restore does) and
        show the file as it is on disk beside it, in a read-only window that is
        not bound to the file: one window saves the file, the other is to look at.
        Returns (the on-disk view or None, the restored window or None)."""
        restored = self.restore(snapshot)
        if restored is None or not snapshot.original:
            return None, restored
        path = Path(snapshot.original)
        try:
            on_disk = read_project(path)
        except ProjectFileError:
            return None, restored  # nothing readable to compare with
        viewer = new_window(restored)
        viewer.files.show_project(on_disk, None)
        viewer.files.guard.set_read_only(True)
        viewer.setWindowTitle(
            self.tr("%1 (on disk, read-only)").replace("%1", title_text(path.name))
            + "[*] — JourneyDesk"
        )
        screen = restored.screen().availableGeometry()
        half = screen.width() // 2
        viewer.setGeometry(screen.x(), screen.y(), half, screen.height())
        restored.setGeometry(screen.x() + half, screen.y(), half, screen.height())
        return viewer, restored

    def offer_recovery(self) -> RecoveryDialog | None:
        """After a crash: list the snapshots nobody is running, and let the user
        restore, compare or discard each."""
        snapshots = orphan_snapshots()
        if not snapshots:
            return None
        dialog = RecoveryDialog(snapshots, self, self.window)
        dialog.exec()
        return dialog

    # --- preferences --------------------------------------------------------

    def preferences(self) -> None:
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            seconds = load_settings().autosave_seconds
            for window in windows():
                window.files.set_autosave_seconds(seconds)



__all__ = [
    "FileController",
    "RecoveryDialog",
    "TemplateChoice",
    "TemplateChooser",
    "new_window",
    "orphan_snapshots",
    "pid_running",
    "project_from_choice",
    "template_choices",
    "user_templates",
    "user_templates_dir",
    "windows",
]
