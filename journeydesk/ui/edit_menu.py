"""The Edit menu's clipboard verbs: Cut, Copy, Paste, Duplicate, Delete, Select All.

One action per verb, owned by the window, with the platform's standard
shortcut (Duplicate: Ctrl+D), so the verbs can be found in the menu. The map
view's context menu shows the same actions (``MapView.shared_edit_actions``)
instead of keeping shortcuts of its own: two actions with the same shortcut
would make Qt call the key ambiguous and do nothing.

Where the keyboard focus is decides what a verb acts on: in a text field the
text (Edit → Copy copies the selected text; a text field takes Ctrl+C itself
before any window shortcut, see ``QLineEdit``'s shortcut override), anywhere
else the map's selection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from journeydesk.document.clipboard import MIME as CARDS_MIME

if TYPE_CHECKING:
    from .main_window import MainWindow

VERBS = ("cut", "copy", "paste", "duplicate", "delete", "select_all")
"""The verbs, in menu order."""


def text_field(widget: QWidget | None) -> QLineEdit | QTextEdit | QPlainTextEdit | None:
    """The editable text the keyboard is in, if any (a spin box's or an
    editable combo box's line edit included)."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


def _text_verb(field: QLineEdit | QTextEdit | QPlainTextEdit, verb: str) -> None:
    if verb == "duplicate":
        return  # nothing to duplicate in a text field
    if verb == "delete":
        if isinstance(field, QLineEdit):
            if field.hasSelectedText():
                field.del_()
        else:
            field.textCursor().removeSelectedText()
        return
    name = "selectAll" if verb == "select_all" else verb
    getattr(field, name)()


class EditMenu:
    """The clipboard verbs of one window, in its Edit menu."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        specs: tuple[tuple[str, str, QKeySequence | QKeySequence.StandardKey], ...] = (
            ("cut", QCoreApplication.translate("MainWindow", "Cu&t"), QKeySequence.StandardKey.Cut),
            (
                "copy",
                QCoreApplication.translate("MainWindow", "&Copy"),
                QKeySequence.StandardKey.Copy,
            ),
            (
                "paste",
                QCoreApplication.translate("MainWindow", "&Paste"),
                QKeySequence.StandardKey.Paste,
            ),
            (
                "duplicate",
                QCoreApplication.translate("MainWindow", "D&uplicate"),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D),
            ),
            (
                "delete",
                QCoreApplication.translate("MainWindow", "&Delete"),
                QKeySequence.StandardKey.Delete,
            ),
            (
                "select_all",
                QCoreApplication.translate("MainWindow", "Select &All"),
                QKeySequence.StandardKey.SelectAll,
            ),
        )
        self.actions: dict[str, QAction] = {}
        for verb, text, keys in specs:
            action = QAction(text, window)
            if isinstance(keys, QKeySequence.StandardKey):
                action.setShortcuts(keys)
            else:
                action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(self._slot(verb))
            window.addAction(action)
            self.actions[verb] = action

    def _slot(self, verb: str) -> Callable[[], None]:
        return lambda: self.run(verb)

    def add_to(self, menu: QMenu) -> None:
        for verb in VERBS:
            menu.addAction(self.actions[verb])
        # Greyed out in the open menu when they would do nothing; the keys
        # always work (enabled again when the menu closes).
        menu.aboutToShow.connect(self.update_enabled)
        menu.aboutToHide.connect(self.enable_all)

    def enable_all(self) -> None:
        for action in self.actions.values():
            action.setEnabled(True)

    def update_enabled(self) -> None:
        """Which verbs can act now, on the focused text or on the map's selection."""
        if text_field(QApplication.focusWidget()) is not None:
            self.enable_all()
            self.actions["duplicate"].setEnabled(False)
            return
        window = self.window
        selected = window.selected_ids() if window.document is not None else []
        actions = window.view.edit_actions
        cards = bool(actions is not None and actions.selected_cards())
        mime = QGuiApplication.clipboard().mimeData()
        can_paste = mime is not None and mime.hasFormat(CARDS_MIME)
        enabled = {
            "cut": cards,
            "copy": cards,
            "paste": actions is not None and can_paste,
            "duplicate": cards,
            "delete": bool(selected),
            "select_all": window.current_map() is not None,
        }
        for verb, on in enabled.items():
            self.actions[verb].setEnabled(on)

    def run(self, verb: str) -> None:
        """Do ``verb`` on the focused text field, else on the map."""
        field = text_field(QApplication.focusWidget())
        if field is not None and self.window.isAncestorOf(field):
            _text_verb(field, verb)
            return
        self.on_map(verb)

    def on_map(self, verb: str) -> None:
        """Do ``verb`` on the map's selection."""
        window = self.window
        if verb == "delete":
            window.delete_selection()
            return
        if verb == "select_all":
            self.select_all_cards()
            return
        actions = window.view.edit_actions
        if actions is None:
            return
        getattr(actions, verb)()

    def select_all_cards(self) -> None:
        """Every card of the shown map selected (the things the clipboard verbs act on)."""
        scene = self.window.scene
        scene.blockSignals(True)
        try:
            scene.clearSelection()
            for item in scene.items():
                if (
                    getattr(item, "kind", None) == "card"
                    and item.flags() & item.GraphicsItemFlag.ItemIsSelectable
                ):
                    item.setSelected(True)
        finally:
            scene.blockSignals(False)
        scene.selectionChanged.emit()
