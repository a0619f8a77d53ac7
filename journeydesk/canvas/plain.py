"""Text from a project file, shown by Qt as the characters it holds.

Qt shows a tooltip, a What's This text, a message box or input dialog text and
a QLabel left in ``AutoText`` (the default) as rich text whenever
``Qt.mightBeRichText`` says the text looks like HTML. A file is untrusted
(DESIGN.md): a card titled ``<img src="/some/local/file.png">`` would show that
local file in the card's tooltip, ``<img src="/dev/zero">`` would make the app
run out of memory on hover and one naming a FIFO would hang it. So every text
that may hold a file's words (names, titles, notes, paths, error messages that
quote values) reaches Qt through here:

- ``plain_text`` for the places that have no text-format switch (tooltips,
  What's This, QMessageBox/QInputDialog static functions, a QProgressDialog's
  label);
- ``plain_label`` for labels (``Qt.PlainText``; a message box built by hand
  takes ``setTextFormat(Qt.PlainText)``, which covers its informative text);
- ``action_text`` for a QAction's or a button's text, where ``&`` marks a
  shortcut key; ``set_action_text`` for an action's text and tooltip (Qt
  makes the tooltip from the text); ``follow_undo_text`` for the Undo and
  Redo actions, whose text names what a command changed;
- ``title_text`` for a window title, where ``[*]`` marks the unsaved mark.

It lives in ``canvas``, the lowest layer that shows widgets, so the canvas
(card tooltips) and the panels in ``ui`` share one helper.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtWidgets import QLabel, QWidget

_WRAP_START = "<p style='white-space:pre-wrap'>"
_WRAP_END = "</p>"


def plain_text(text: str) -> str:
    """``text`` in a form every Qt ``AutoText`` place shows literally.

    Text Qt would take as plain is returned unchanged (the common case, so
    tooltips and messages compare as written); text Qt would take as rich is
    escaped and wrapped in a paragraph that keeps spaces and line breaks, so
    the rich text shows exactly the characters of ``text`` and loads nothing."""
    if not text or not QtGuiQt.mightBeRichText(text):
        return text
    return _WRAP_START + html.escape(text, quote=False) + _WRAP_END


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as plain text, whatever it looks like."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def action_text(text: str) -> str:
    """``text`` for a QAction or button, with each ``&`` shown rather than
    taken as the mark of a shortcut key."""
    return text.replace("&", "&&")


def title_text(text: str) -> str:
    """``text`` for a window title that holds Qt's ``[*]`` (where the unsaved
    mark goes): a ``[*]`` of its own is shown, not taken for that place."""
    return text.replace("[*]", "[*][*]")


def set_action_text(action: QAction, text: str) -> None:
    """Show ``text`` as an action's text and tooltip, as written."""
    action.setText(action_text(text))
    action.setToolTip(plain_text(text))


def follow_undo_text(action: QAction, text_changed: SignalInstance, prefix: str) -> None:
    """Keep an undo or redo action's text "PREFIX command text" with the ``&``
    of a name in the command text (a card called "Tom & Jerry") shown as
    written. Connect after ``QUndoGroup.createUndoAction``/``createRedoAction``:
    Qt's own connection sets the text first and this one sets it again."""

    def show(text: str) -> None:
        action.setText(f"{prefix} {action_text(text)}" if text else prefix)
        # Qt's tooltip would be the text without its & marks: "Undo <name>".
        shown = prefix.replace("&&", "\0").replace("&", "").replace("\0", "&")
        action.setToolTip(plain_text(f"{shown} {text}" if text else shown))

    text_changed.connect(show)
