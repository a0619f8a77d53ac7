"""The comments panel: review comments on the elements of the shown map."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import plain_text
from journeydesk.document import verbs
from journeydesk.document.document import Change, Document
from journeydesk.model import Comment, JourneyMap, Project, Reply
from journeydesk.model.checks import iter_elements

if TYPE_CHECKING:
    from .context import EditingContext

COMMENT_FIELDS = frozenset({"comments", "replies", "resolved", "text", "title", "name", "label"})
"""Fields whose change changes what the list says (besides structural changes)."""
NAME_FIELDS = frozenset({"title", "name", "label"})
"""Of those, the ones that matter only on an element a comment is about."""

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
COMMENT_ROLE = Qt.ItemDataRole.UserRole + 2


def author_name() -> str:
    """Who writes the comment: the user's login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def element_name(project: Project, element_id: str, index: dict[str, object] | None = None) -> str:
    """A short human name for the element a comment hangs on."""
    if element_id == project.id:
        return project.title
    if index is None:
        index = {e.id: e for _p, e in iter_elements(project)}
    element = index.get(element_id)
    if element is None:
        return element_id
    for attr in ("title", "name", "label"):
        value = getattr(element, attr, "")
        if value:
            return str(value)
    return type(element).__name__


def _names_a_target(project: Project | None, ids: tuple[str, ...]) -> bool:
    """Whether one of ``ids`` is a comment or what a comment is about."""
    if project is None:
        return False
    about = {c.target for c in project.comments} | {c.id for c in project.comments}
    return any(i in about for i in ids)


def _top_elements(jmap: JourneyMap) -> dict[str, object]:
    """The elements held directly in the map's lists, by id (no nested walk)."""
    found: dict[str, object] = {}
    for name in type(jmap).model_fields:
        value = getattr(jmap, name)
        if isinstance(value, list):
            for item in value:
                item_id = getattr(item, "id", None)
                if isinstance(item_id, str):
                    found[item_id] = item
    return found


class CommentsPanel(QWidget):
    targetActivated = Signal(str)

    def __init__(self, context: EditingContext | None = None) -> None:
        super().__init__()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Comment"), self.tr("Author"), self.tr("Date")])
        self.tree.setAccessibleName(self.tr("Comments"))
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 220)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Write a comment or a reply…"))
        self.text.setAccessibleName(self.tr("Comment text"))
        self.text.setMaximumHeight(80)
        self.add_button = QPushButton(self.tr("Comment on Selection"))
        self.reply_button = QPushButton(self.tr("Reply"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.add_button.clicked.connect(self.add_comment)
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        # Two rows, so the panel fits a narrow dock beside the map.
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0, 1, 2)
        buttons.addWidget(self.reply_button, 1, 0)
        buttons.addWidget(self.resolve_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.document: Document | None = None
        self.target: Callable[[], str | None] = lambda: None
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        if context is not None:
            self._follow(context)

    def _follow(self, context: EditingContext) -> None:
        """Wiring: the window's document and shown map, and the document's
        edits that change what the list says (comments, names, structure).
        A new comment is about the selection, else the map shown."""

        def target() -> str | None:
            return next(iter(context.selection), context.map_id)

        def shown(_map_id: object = None) -> None:
            self.show_comments(context.project, context.current_map())

        def edited(change: Change) -> None:
            fields = set(change.fields)
            if change.structural or fields & (COMMENT_FIELDS - NAME_FIELDS):
                shown()
            elif fields & NAME_FIELDS and _names_a_target(context.project, change.ids):
                shown()  # (a card typed on that no comment is about: the list says the same)

        def replaced(document: Document | None) -> None:
            if self.document is not None:
                with contextlib.suppress(RuntimeError, TypeError):
                    self.document.changed.disconnect(edited)
            if document is not None:
                document.changed.connect(edited)
            self.set_document(document, target)

        context.documentReplaced.connect(replaced)
        context.mapChanged.connect(shown)

    def set_document(self, document: Document | None, target: Callable[[], str | None]) -> None:
        """Edits go through ``document``; ``target`` gives the id a new comment hangs on."""
        self.document = document
        self.target = target
        self._update_buttons()

    def _selected_comment(self) -> Comment | None:
        item = self.tree.currentItem()
        if item is None or self.document is None:
            return None
        comment_id = item.data(0, COMMENT_ROLE)
        return next((c for c in self.document.project.comments if c.id == comment_id), None)

    def _update_buttons(self) -> None:
        comment = self._selected_comment()
        self.add_button.setEnabled(self.document is not None)
        self.reply_button.setEnabled(comment is not None)
        self.resolve_button.setEnabled(comment is not None)
        self.resolve_button.setText(
            self.tr("Reopen") if comment is not None and comment.resolved else self.tr("Resolve")
        )

    def _body(self) -> str:
        return self.text.toPlainText().strip()

    def add_comment(self) -> None:
        doc, target = self.document, self.target()
        if doc is None or target is None or not self._body():
            return
        comment = Comment(target=target, author=author_name(), created=_now(), text=self._body())
        verbs.add_comment(doc, comment)
        self.text.clear()

    def reply(self) -> None:
        doc, comment = self.document, self._selected_comment()
        if doc is None or comment is None or not self._body():
            return
        reply = Reply(author=author_name(), created=_now(), text=self._body())
        verbs.reply_to_comment(doc, comment, reply)
        self.text.clear()

    def toggle_resolved(self) -> None:
        doc, comment = self.document, self._selected_comment()
        if doc is None or comment is None:
            return
        verbs.resolve_comment(doc, comment, not comment.resolved)

    def show_comments(self, project: Project | None, jmap: JourneyMap | None) -> None:
        self.tree.clear()
        if project is None or jmap is None:
            return
        if not project.comments:
            self._update_buttons()
            return
        grey = QBrush(QColor("#7A808A"))
        # Walking a big map costs; only what the comments point at is looked up.
        index: dict[str, object] = {}
        if self.document is not None and self.document.project is project:
            doc = self.document
            # Comments mostly hang on a map's direct elements (cards, steps, lanes...):
            # those are found in the maps' own lists, without the document building
            # its index of every nested element (a third of a second at 5,000 cards).
            here = _top_elements(jmap)
            elsewhere: set[str] = set()
            for other in project.maps:
                if other is not jmap:
                    elsewhere.update(_top_elements(other))

            def about_this_map(target: str) -> bool:
                if target in (jmap.id, project.id):
                    return True
                if target in here:
                    index[target] = here[target]
                    return True
                if target in elsewhere:
                    return False
                try:
                    index[target] = doc.element(target)
                    return doc.map_of(target) is jmap
                except KeyError:
                    return False
        else:
            index = {e.id: e for _p, e in iter_elements(jmap)}
            ids = set(index) | {jmap.id, project.id}

            def about_this_map(target: str) -> bool:
                return target in ids

        for comment in sorted(project.comments, key=lambda c: c.created):
            if not about_this_map(comment.target):
                continue
            about = element_name(project, comment.target, index)
            text = f"{about}: {comment.text}"
            if comment.resolved:
                text = self.tr("(resolved) %1").replace("%1", text)
            item = QTreeWidgetItem(
                [text, comment.author, comment.created.strftime("%Y-%m-%d %H:%M")]
            )
            item.setToolTip(0, plain_text(comment.text))
            item.setData(0, TARGET_ROLE, comment.target)
            item.setData(0, COMMENT_ROLE, comment.id)
            if comment.resolved:
                for col in range(3):
                    item.setForeground(col, grey)
            for reply in comment.replies:
                child = QTreeWidgetItem(
                    [reply.text, reply.author, reply.created.strftime("%Y-%m-%d %H:%M")]
                )
                child.setToolTip(0, plain_text(reply.text))
                child.setData(0, TARGET_ROLE, comment.target)
                child.setData(0, COMMENT_ROLE, comment.id)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        self._update_buttons()

    def count(self) -> int:
        return self.tree.topLevelItemCount()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET_ROLE)
        if isinstance(target, str):
            self.targetActivated.emit(target)
