"""The main window: the map view with the project's maps and its comments.

Read-only until the editor lands: open a project, switch between its maps,
zoom and pan, read the review comments. A colleague who receives a file can
open it and look at it.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import follow_undo_text, title_text

from . import window_print
from .context import EditingContext
from .idle_work import warm_after_open
from .pane_frame import PaneFrame
from .window_layout import (
    apply_default_layout,
    load_layout,
    opening_zoom,
    restore_state,
    save_layout,
)
from .windows import ProjectWindow, set_window_factory

if TYPE_CHECKING:  # bound at run time by _load_heavy()
    from journeydesk import templates
    from journeydesk.canvas.interactions import EditorContext
    from journeydesk.canvas.items import ElementItem
    from journeydesk.canvas.scene import MapScene
    from journeydesk.canvas.view import MapView
    from journeydesk.document import verbs
    from journeydesk.document.document import Change, Document
    from journeydesk.io import ProjectFileError
    from journeydesk.model import JourneyMap, Project

    from .comments import CommentsPanel
    from .decide_panel import DecidePanel, stale_badges_action
    from .files import FileController
    from .files import ui_language as preferred_ui_language
    from .findbar import FindBar
    from .inspector import Inspector
    from .navigator import Navigator
    from .palette import Palette
    from .storyline_panel import StorylinePanel, storyline_only


def _load_heavy() -> None:
    """Import what the window's panels are made of: the model (pydantic), the
    layout (reportlab's font metrics), the canvas and the panels.

    A window is first built as a frame (menus, docks, status bar) from Qt
    alone and painted; these imports come after, in ``MainWindow.build``, so
    the window shows at once (bench/bench_startup.py). Bound as module
    globals, for the methods that use them."""
    global templates, EditorContext, ElementItem, MapScene, MapView, verbs
    global Document, CommentsPanel, FileController, preferred_ui_language
    global FindBar, Inspector, Navigator, Palette, StorylinePanel, storyline_only, DecidePanel
    global stale_badges_action
    from journeydesk import templates
    from journeydesk.canvas.interactions import EditorContext
    from journeydesk.canvas.items import ElementItem
    from journeydesk.canvas.scene import MapScene
    from journeydesk.canvas.view import MapView
    from journeydesk.document import verbs
    from journeydesk.document.document import Document

    from .comments import CommentsPanel
    from .decide_panel import DecidePanel, stale_badges_action
    from .files import FileController
    from .files import ui_language as preferred_ui_language
    from .findbar import FindBar
    from .inspector import Inspector
    from .navigator import Navigator
    from .palette import Palette
    from .storyline_panel import StorylinePanel, storyline_only


FULL_WIDTH_BELOW = 1600
"""On screens narrower than this the window starts maximised."""


def settle_heap(owner: QObject | None = None) -> None:
    """Leave what is alive now out of later garbage collections.

    A large project is hundreds of thousands of Python objects; without this
    the garbage collector walks all of them again and again while the user
    edits, and a card moved on a 5,000-card map took up to twice as long.
    Objects freed later by reference counting are freed as usual. The full
    collection that finds cycles left by an earlier project (100 ms on a big
    map) waits until the app is idle, not the opening. It is bound to
    ``owner`` (the window): a window closed and deleted before then takes the
    timer with it, so no collection runs later in a stranger's moment (a test
    that came after, crashing in the middle of its own teardown)."""
    from journeydesk.io import heap

    heap.freeze()
    if owner is None:  # (names looked up when the timer fires: tests replace them)
        QTimer.singleShot(3000, lambda: _collect_and_freeze())
    else:
        held = weakref.ref(owner)  # (the timer must not keep a closed window alive)
        QTimer.singleShot(3000, owner, lambda: _idle_after_open(held()))


def _idle_after_open(owner: QObject | None) -> None:
    """``idle_work.warm_after_open`` (before the heap is frozen again, so what
    it makes is frozen with it); then the full collection (looked up now:
    the test suite replaces it)."""
    warm_after_open(owner)
    _collect_and_freeze()


def _collect_and_freeze() -> None:
    import gc

    from journeydesk.io import heap
    from journeydesk.model.base import complete_model_classes

    complete_model_classes()  # (idle now; no worker builds one later: see there)
    heap.thaw()
    gc.collect()
    heap.freeze()


class MainWindow(ProjectWindow):
    def __init__(self, build: bool = True) -> None:
        """The window's frame: title, menus, docks and status bar, from Qt
        alone. With ``build`` (the default) the panels are made at once;
        ``run_app`` paints the frame first and calls ``build`` after."""
        super().__init__()
        set_window_factory(MainWindow)  # the file side makes its new windows so
        self.context = EditingContext(self)
        """The document, the shown map, the selection and the path: the panels follow it."""
        self.built = False
        self._settle_heap_after_show = False
        self._drawn_at: int | None = None
        """The document's generation at the last redraw (``layout_hint``)."""
        self._shown_document: Document | None = None
        self.undo_group = QUndoGroup(self)
        self.resize(1400, 900)
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            if area.width() < FULL_WIDTH_BELOW:
                # A laptop: the map needs every pixel, as a maximised window has.
                self.setGeometry(area)
                self.setWindowState(Qt.WindowState.WindowMaximized)
            else:
                self.resize(int(area.width() * 0.92), int(area.height() * 0.9))
        self.setWindowTitle("JourneyDesk")
        self.file_menu: QMenu = self.menuBar().addMenu(self.tr("&File"))
        self.edit_menu: QMenu = self.menuBar().addMenu(self.tr("&Edit"))
        self.view_menu: QMenu = self.menuBar().addMenu(self.tr("&View"))
        self.help_menu: QMenu = self.menuBar().addMenu(self.tr("&Help"))

        def dock(title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
            widget = QDockWidget(title, self)
            widget.setObjectName(name)
            widget.setWidget(QWidget())
            self.addDockWidget(area, widget)
            return widget

        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.maps_dock = dock(self.tr("Maps"), "maps", left)
        self.palette_dock = dock(self.tr("Palette"), "palette", left)
        self.comments_dock = dock(self.tr("Comments"), "comments", right)
        self.inspector_dock = dock(self.tr("Inspector"), "inspector", right)
        self.storyline_dock = dock(self.tr("Storyline"), "storyline", right)
        # Backlog, matrix, owners: wide tables, so under the map, and shown
        # from View > Decide (a fifth tab on the right cut every tab's name).
        self.decide_dock = dock(self.tr("Decide"), "decide", Qt.DockWidgetArea.BottomDockWidgetArea)
        self.decide_dock.hide()
        self.tabifyDockWidget(self.comments_dock, self.inspector_dock)
        self.tabifyDockWidget(self.inspector_dock, self.storyline_dock)
        self.inspector_dock.raise_()
        # The user's last arrangement: the size now, the docks once they are filled.
        saved = load_layout()
        self._saved_state = saved[1] if saved is not None else None
        if saved is not None and self.restoreGeometry(saved[0]):
            screen = self.screen()
            if self.isMaximized() and screen is not None:
                # As on a fresh start: maximised even with no window manager.
                self.setGeometry(screen.availableGeometry())
                self.setWindowState(Qt.WindowState.WindowMaximized)
        # Until the map view is made: the desk it will stand on, and a word.
        waiting = QLabel(self.tr("Opening…"))
        waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        waiting.setAutoFillBackground(True)
        desk = waiting.palette()
        dark = desk.color(QPalette.ColorRole.Window).lightnessF() < 0.5
        desk.setColor(QPalette.ColorRole.Window, QColor("#2A2E35" if dark else "#E4E7EC"))
        waiting.setPalette(desk)
        self.setCentralWidget(waiting)
        self.zoom_label = QLabel()
        self.statusBar().addPermanentWidget(self.zoom_label)
        if build:
            self.build()

    def build(self) -> None:
        """Make the panels, the canvas and the menus' actions (once)."""
        if self.built:
            return
        self.built = True
        _load_heavy()
        self.scene = MapScene(self)
        self.view = MapView(self.scene)
        # The scene follows the context first: the panels after it see it drawn.
        self.context.documentReplaced.connect(self._document_replaced)
        self.context.mapChanged.connect(self._show_map)
        self.find_bar = FindBar(self.context)
        self.find_bar.setVisible(False)
        self.find_bar.filterChanged.connect(self.scene.set_emphasis)
        self.find_bar.goTo.connect(self.reveal_element)
        self.find_bar.closed.connect(self.view.setFocus)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(self.find_bar)
        centre_layout.addWidget(self.view, 1)
        self.setCentralWidget(centre)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        # The navigator shows personas and maps; the context holds the shown map.
        self.navigator = Navigator(self.context)
        left_layout.addWidget(self.navigator, 1)
        left_layout.addWidget(self.summary)
        self.maps_dock.setWidget(left)

        self.palette_list = Palette(preferred_ui_language())
        self.palette_list.itemActivated.connect(self._place_from_palette)
        self.palette_dock.setWidget(self.palette_list)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.palette_list)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(lambda: self.view.setFocus(Qt.FocusReason.ShortcutFocusReason))

        self.comments = CommentsPanel(self.context)
        self.comments.targetActivated.connect(self.reveal_element)
        self.comments_dock.setWidget(self.comments)
        self._make_inspector()
        self.storyline = StorylinePanel(wait_hidden=True)
        self.storyline_dock.setWidget(self.storyline)
        self.decide = DecidePanel(self.context, wait_hidden=True)
        self.decide.elementActivated.connect(self.reveal_on_map)
        self.decide_dock.setWidget(self.decide)
        self._follow_context()

        self.view.zoomChanged.connect(self._show_zoom)
        # Refused drops, keyboard connections, palette placing: said in the status bar.
        self.view.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.files = FileController(self)
        self._make_menus()
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.links.back_action)
        self.pane_frame = PaneFrame(self)
        self._arrange_docks()
        self._update_title()
        self._show_zoom(self.view.zoom)
        # Keyboard first: arrows and typing go to the map from the start.
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _follow_context(self) -> None:
        """Wire the scene and the panels to the editing context (once)."""
        context = self.context
        context.follow_selection(self._scene_selection)
        self.scene.selectionChanged.connect(context.selection_touched)
        context.pathChanged.connect(lambda _path: self._update_title())
        context.mapChanged.connect(self.storyline.set_map)
        context.mapChanged.connect(lambda _id: self.update_inspector())
        context.selectionChanged.connect(lambda _ids: self.update_inspector())
        # (the navigator follows the context itself)
        context.documentReplaced.connect(self.inspector.set_document)
        context.documentReplaced.connect(self.storyline.set_document)

    # --- what the window edits: read through the context -----------------------

    @property
    def document(self) -> Document | None:
        return self.context.document

    @property
    def project(self) -> Project | None:
        return self.context.project

    @property
    def path(self) -> Path | None:
        return self.context.path

    # --- menus ------------------------------------------------------------

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None, slot: object
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_menus(self) -> None:
        file_menu = self.file_menu
        self.files.add_file_actions(file_menu)
        from .compare import CompareController

        self.compare = CompareController(self)
        self.compare.add_actions(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(
                self.tr("&Export…"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E), self.export
            )
        )
        file_menu.addAction(
            self._action(self.tr("Export &Storyline…"), None, self.export_storyline)
        )
        from .data_io import DataExchange

        self.data_io = DataExchange(self)
        self.data_io.add_to_file_menu(file_menu)
        file_menu.addAction(
            self._action(self.tr("&Print…"), QKeySequence.StandardKey.Print, self.print_map)
        )
        file_menu.addAction(
            self._action(self.tr("Print as &Tiled Poster…"), None, self.print_poster)
        )
        file_menu.addSeparator()
        self.files.add_preferences_action(file_menu)
        quit_action = self._action(
            self.tr("&Quit"), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q), self.files.quit_all
        )
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(quit_action)

        edit_menu = self.edit_menu
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        follow_undo_text(undo, self.undo_group.undoTextChanged, self.tr("&Undo"))
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        follow_undo_text(redo, self.undo_group.redoTextChanged, self.tr("&Redo"))
        self.undo_action, self.redo_action = undo, redo
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.addAction(undo)
        self.addAction(redo)
        edit_menu.addSeparator()
        from .edit_menu import EditMenu

        self.edit_verbs = EditMenu(self)
        self.edit_verbs.add_to(edit_menu)
        self.view.shared_edit_actions = {
            verb: self.edit_verbs.actions[verb] for verb in ("copy", "cut", "paste", "duplicate")
        }
        if self.view.editor is not None:
            self.view.set_editor(self.view.editor)  # its context menu takes the shared actions

        self.data_io.add_to_edit_menu(edit_menu)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action(
                self.tr("&Find and Filter…"), QKeySequence.StandardKey.Find, self.find_bar.open_bar
            )
        )
        edit_menu.addAction(
            self._action(
                self.tr("Find &Next"), QKeySequence.StandardKey.FindNext, self.find_bar.next_match
            )
        )

        view_menu = self.view_menu
        zoom_in = self._action(
            self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn, self.view.zoom_in
        )
        zoom_in.setShortcuts(
            [
                QKeySequence(QKeySequence.StandardKey.ZoomIn),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Equal),
            ]
        )
        view_menu.addAction(zoom_in)
        view_menu.addAction(
            self._action(self.tr("Zoom &Out"), QKeySequence.StandardKey.ZoomOut, self.view.zoom_out)
        )
        view_menu.addAction(
            self._action(
                self.tr("&Fit Map"),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_0),
                self.view.zoom_to_fit,
            )
        )
        view_menu.addAction(
            self._action(
                self.tr("&Actual Size"),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_1),
                self.view.reset_zoom,
            )
        )
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(self.tr("&Present Storyline"), QKeySequence(Qt.Key.Key_F5), self.present)
        )
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(self.tr("Next &Pane"), QKeySequence(Qt.Key.Key_F6), self.next_pane)
        )
        view_menu.addAction(
            self._action(
                self.tr("Pre&vious Pane"),
                QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F6),
                lambda: self.next_pane(backwards=True),
            )
        )
        view_menu.addSeparator()
        view_menu.addAction(self.maps_dock.toggleViewAction())
        view_menu.addAction(self.comments_dock.toggleViewAction())
        view_menu.addAction(self.inspector_dock.toggleViewAction())
        view_menu.addAction(self.storyline_dock.toggleViewAction())
        view_menu.addAction(self.decide_dock.toggleViewAction())
        self.stale_action = stale_badges_action(self)
        view_menu.addAction(self.stale_action)
        view_menu.addAction(self._action(self.tr("Reset &Layout"), None, self.reset_layout))

        help_menu = self.help_menu
        about = self._action(self.tr("&About JourneyDesk"), None, self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(about)
        help_menu.addAction(
            self._action(self.tr("Third-party &Licences"), None, self.show_licences)
        )

    def _arrange_docks(self) -> None:
        """The docks as the user left them, else the default arrangement; then
        the window lays itself out, so the map view has its size at once."""
        state, self._saved_state = self._saved_state, None
        # The filled docks polished and measured first, or resizeDocks works on
        # stale sizes and the docks' size hints take the window.
        QCoreApplication.sendPostedEvents()
        if state is None or not restore_state(self, state):
            self.reset_layout()
        QCoreApplication.sendPostedEvents()

    def reset_layout(self) -> None:
        """View > Reset Layout: every dock back in its place at its default width."""
        apply_default_layout(
            self,
            [self.maps_dock, self.palette_dock],
            [self.comments_dock, self.inspector_dock, self.storyline_dock],
            self.inspector_dock,
        )
        self.decide_dock.setFloating(False)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.decide_dock)
        self.decide_dock.hide()

    def panes(self) -> list[tuple[QWidget, QDockWidget | None]]:
        """What F6 walks, in order: the map, the palette, the personas and
        maps, the inspector, the storyline, the comments (hidden docks skipped)."""
        return [
            (self.view, None),
            (self.palette_list, self.palette_dock),
            (self.navigator.tree, self.maps_dock),
            (self.inspector, self.inspector_dock),
            (self.storyline, self.storyline_dock),
            (self.comments, self.comments_dock),
        ]

    def next_pane(self, backwards: bool = False) -> None:
        """F6 / Shift+F6: the keyboard's way between the map and the panels."""
        panes = [(w, d) for w, d in self.panes() if d is None or d.toggleViewAction().isChecked()]
        focus = self.focusWidget()
        current = next(
            (n for n, (w, _d) in enumerate(panes) if focus is w or w.isAncestorOf(focus)), -1
        )
        widget, dock = panes[(current + (-1 if backwards else 1)) % len(panes)]
        if dock is not None:
            dock.raise_()  # a tabbed dock comes to the front
        target = widget.focusProxy() or widget
        if target.focusPolicy() == Qt.FocusPolicy.NoFocus:
            # A panel (inspector, storyline, comments): its first field.
            target.setFocus(Qt.FocusReason.TabFocusReason)
            target.focusNextChild()
        else:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.pane_frame.frame(dock.widget() if dock is not None else widget)

    def show_about(self, *, licences: bool = False) -> QWidget:
        """The About dialog: version, licence and third-party notices."""
        from .about import show_about

        return show_about(self, licences=licences)

    def show_licences(self) -> QWidget:
        return self.show_about(licences=True)

    # --- output -----------------------------------------------------------

    def present(self) -> None:
        """The shown map's storyline full screen (with a presenter view on a
        second screen)."""
        jmap = self.current_map()
        if self.project is None or jmap is None:
            return
        from .presentation import start_presentation

        self._presentation = start_presentation(self.project, jmap, origin=self.screen())

    def export(self) -> None:
        if self.project is None:
            return
        from .export_dialog import ExportDialog

        dialog = ExportDialog(self.project, self.current_map(), self, self.path, self.document)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            self.report_export(dialog.last_report)

    def report_export(self, report: object) -> QMessageBox | None:
        """Say where the export went; its warnings (small text, cut texts,
        characters the font lacks) in a window that does not block."""
        path = getattr(report, "path", None)
        if path:
            self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", str(path)), 10000)
        from .export_warnings import say

        warnings = [say(w) for w in getattr(report, "warnings", []) or []]
        if not warnings:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Exported, with warnings"),
            "\n\n".join(warnings),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # warnings name maps: the file's text
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self._export_warnings = box
        return box

    def export_storyline(self) -> None:
        """The shown map's storyline as slides, a video or a deck."""
        if self.project is None:
            return
        from .storyline_export_dialog import StorylineExportDialog

        StorylineExportDialog(self.project, self.current_map(), self, self.path).exec()

    def print_map(self) -> None:
        window_print.print_map(self)

    def print_poster(self) -> None:
        sheets = window_print.print_poster(self)
        if sheets is not None:
            self.statusBar().showMessage(
                self.tr("%n sheet(s) sent to the printer", "", sheets), 5000
            )

    # --- documents --------------------------------------------------------

    def open_sample(self, language: str) -> None:
        self.files.open_template_here(templates.DEFAULT_TEMPLATE, language)

    def open_path(self, name: str) -> bool:
        """Open a project file in this window; on failure say what is wrong and
        keep what is open."""
        return self.files.open_here(name)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_close():
            save_layout(self)
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.files.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.drop(event)

    def show_load_error(self, name: str, exc: ProjectFileError) -> None:
        """Say why ``name`` cannot be opened (a modal message box)."""
        from .load_error import show_load_error

        show_load_error(self, name, exc)

    def _document_replaced(self, document: Document | None) -> None:
        """Another document in the window: the canvas edits it, the undo
        actions follow its stack. The context shows its first map next."""
        if self._shown_document is not None:
            self._shown_document.changed.disconnect(self._model_changed)
            self._shown_document.dirtyChanged.disconnect(self._dirty_changed)
            self.undo_group.removeStack(self._shown_document.undo_stack)
        self._shown_document = document
        self.setWindowModified(False)
        if document is None:
            return
        document.changed.connect(self._model_changed)
        context = self.context
        self.view.set_editor(
            EditorContext(document, context.current_map, lambda: self.scene.layout)
        )
        document.dirtyChanged.connect(self._dirty_changed)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self._update_summary()
        self._settle_heap_after_show = True

    def _update_summary(self) -> None:
        """The project's title, personas and number of maps above the maps list."""
        project = self.project
        if project is None:
            return
        personas = ", ".join(p.name for p in project.personas) or "—"
        self.summary.setText(
            "\n".join(
                [
                    project.title or self.tr("(untitled project)"),
                    self.tr("Personas: %1").replace("%1", personas),
                    self.tr("%n map(s)", "", len(project.maps)),
                ]
            )
        )

    def _model_changed(self, change: Change) -> None:
        """The model changed through a command: redraw the shown map from it."""
        self._update_summary()  # a persona added, renamed or removed shows at once
        if self.project is None or (
            self.document is not None and storyline_only(self.document, change)
        ):
            return  # the Storyline panel follows its own changes; the map looks the same
        jmap = self.current_map()
        selected = set(self.selected_ids())
        from .layout_hint import layout_hint  # (not at start: it needs the model)

        hint = layout_hint(self.document, jmap, change, self._drawn_at)
        self._drawn_at = hint.now if hint is not None else None
        self.scene.show_map(self.project, jmap, hint=hint)
        for element_id in selected:
            for item in self.scene.element_items(element_id):
                if item.flags() & item.GraphicsItemFlag.ItemIsSelectable:
                    item.setSelected(True)

    def _dirty_changed(self, dirty: bool) -> None:
        self.setWindowModified(dirty)

    def _update_title(self) -> None:
        if self.project is None:
            name = self.tr("No project")
        elif self.path is None:
            name = self.tr("Untitled")
        else:
            name = title_text(self.path.name)
        # [*] is where Qt shows the unsaved-changes marker.
        self.setWindowTitle(f"{self._marked_read_only(name)}[*] — JourneyDesk")

    def _marked_read_only(self, name: str) -> str:
        """A file open read-only (another JourneyDesk has it) says so in the title."""
        files = getattr(self, "files", None)
        if self.path is None or files is None or not files.guard.read_only:
            return name
        return self.tr("%1 (read-only)").replace("%1", name)

    def current_map(self) -> JourneyMap | None:
        return self.context.current_map()

    # --- the shown map ----------------------------------------------------

    def _show_map(self, _map_id: str | None = None) -> None:
        """The context shows another map: draw it, from its opening view (the
        panels follow the context themselves)."""
        jmap = self.current_map()
        if self.project is None:
            return
        from journeydesk.io.heap import gc_paused

        from .layout_hint import layout_hint

        # The heap is frozen (settle_heap) before the collector runs again: the
        # objects the layout made are not walked at all on opening (#14).
        with gc_paused():
            hint = layout_hint(self.document, jmap, None, None)
            self._drawn_at = hint.now if hint is not None else None
            self.scene.show_map(self.project, jmap, hint=hint)
            if jmap is not None:
                self.show_opening_view()
            if self._settle_heap_after_show:
                self._settle_heap_after_show = False
                settle_heap(self)

    def show_opening_view(self) -> None:
        """The whole map when it is readable so, else from its top left (the
        first stage) with card titles readable; View > Fit Map shows it all."""
        title_size = self.scene.layouter.theme.card_title_size
        self.view.set_zoom(opening_zoom(self.view, title_size))
        for bar in (self.view.horizontalScrollBar(), self.view.verticalScrollBar()):
            bar.setValue(bar.minimum())

    def _place_from_palette(self, item: QListWidgetItem) -> None:
        """Enter (or a double-click) on a palette entry: it goes where the
        keyboard is on the map, and the map takes the focus."""
        payload = self.palette_list.payload_of(item)
        if payload is not None:
            self.view.place(payload)

    def selected_ids(self) -> list[str]:
        return self.context.selection

    def _scene_selection(self) -> list[str]:
        return [
            i.element_id
            for i in self.scene.selectedItems()
            if isinstance(i, ElementItem) and i.element_id is not None
        ]

    def delete_selection(self) -> None:
        """Delete what is selected on the canvas: one undo step, dependants included."""
        ids = self.selected_ids()
        if self.document is None or not ids:
            return
        verbs.remove(self.document, ids)

    def reveal_on_map(self, map_id: str, element_id: str) -> None:
        """Show ``map_id`` (when another is shown) and its element selected."""
        if map_id and map_id != self.context.map_id:
            self.context.set_map(map_id)
        self.reveal_element(element_id)

    def reveal_element(self, element_id: str) -> None:
        items = self.scene.element_items(element_id)
        if not items:
            return
        self.scene.clearSelection()
        for item in items:
            if item.flags() & item.GraphicsItemFlag.ItemIsSelectable:
                item.setSelected(True)
        self.view.centerOn(items[0])

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(self.tr("Zoom %1%").replace("%1", str(round(zoom * 100))))

    # --- inspector and navigator -------------------------------------------

    def _make_inspector(self) -> None:
        """The inspector, in a right dock tabbed with the comments. It follows
        the context's selection, which is signalled once the scene settles (a
        redraw clears and restores the selection, which must not rebuild the
        inspector's form)."""
        self.inspector = Inspector()
        self.inspector_dock.setWidget(self.inspector)
        self.navigator.mapActivated.connect(lambda _id: self.update_inspector())
        self.navigator.personaActivated.connect(self._inspect_persona)
        from .map_links import LinkHistory

        self.links = LinkHistory(self)
        self.view.linkFollowed.connect(self.links.follow)
        self.inspector.linkFollowed.connect(self.links.follow)

    def _inspect_persona(self, persona_id: str) -> None:
        jmap = self.current_map()
        self.inspector.show_selection([persona_id], jmap.id if jmap is not None else None)

    def update_inspector(self) -> None:
        """Show the canvas selection (or the shown map) in the inspector."""
        jmap = self.current_map()
        self.inspector.show_selection(self.selected_ids(), jmap.id if jmap is not None else None)
