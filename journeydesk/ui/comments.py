"""The comments panel: review comments on the elements of the shown map."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from journeydesk.model import JourneyMap, Project
from journeydesk.model.checks import iter_elements

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


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


class CommentsPanel(QWidget):
    targetActivated = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Comment"), self.tr("Author"), self.tr("Date")])
        self.tree.setAccessibleName(self.tr("Comments"))
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 220)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)

    def show_comments(self, project: Project | None, jmap: JourneyMap | None) -> None:
        self.tree.clear()
        if project is None or jmap is None:
            return
        ids = {jmap.id, project.id}
        for _path, element in iter_elements(jmap):
            ids.add(element.id)
        grey = QBrush(QColor("#7A808A"))
        index: dict[str, object] = {e.id: e for _p, e in iter_elements(jmap)}
        for comment in sorted(project.comments, key=lambda c: c.created):
            if comment.target not in ids:
                continue
            about = element_name(project, comment.target, index)
            text = f"{about}: {comment.text}"
            if comment.resolved:
                text = self.tr("(resolved) %1").replace("%1", text)
            item = QTreeWidgetItem(
                [text, comment.author, comment.created.strftime("%Y-%m-%d %H:%M")]
            )
            item.setToolTip(0, comment.text)
            item.setData(0, TARGET_ROLE, comment.target)
            if comment.resolved:
                for col in range(3):
                    item.setForeground(col, grey)
            for reply in comment.replies:
                child = QTreeWidgetItem(
                    [reply.text, reply.author, reply.created.strftime("%Y-%m-%d %H:%M")]
                )
                child.setToolTip(0, reply.text)
                child.setData(0, TARGET_ROLE, comment.target)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()

    def count(self) -> int:
        return self.tree.topLevelItemCount()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET_ROLE)
        if isinstance(target, str):
            self.targetActivated.emit(target)
