"""New project: the templates the user may start from, and the chooser.

The shipped templates (``journeydesk.templates``) and the user's own, saved
with File > Save as Template in the config folder; the chooser shows each with
a small preview drawn by the export's QPainter backend. Split from
``files.py``: choosing a template is not the file side's business, only what
the File menu's New opens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeydesk import paths, templates
from journeydesk.canvas.plain import plain_text
from journeydesk.io import FILE_SUFFIX, ProjectFileError, read_project
from journeydesk.model import Project

PREVIEW_WIDTH = 520
"""Pixels across of a template's preview in the chooser."""


def user_templates_dir() -> Path:
    """Where "Save as Template" puts the user's own templates."""
    return paths.config_dir() / "templates"



@dataclass(frozen=True)
class TemplateChoice:
    """A template the chooser offers: shipped (``path`` None) or the user's own."""

    key: str
    title: str
    description: str
    path: Path | None = None


def user_templates() -> list[TemplateChoice]:
    """The user's templates, by name; unreadable files are left out."""
    folder = user_templates_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob(f"*{FILE_SUFFIX}"), key=lambda p: p.name.lower()):
        try:
            project = read_project(path)
        except ProjectFileError:
            continue
        found.append(
            TemplateChoice(
                f"user:{path.stem}", project.title or path.stem, project.description, path
            )
        )
    return found


def template_choices(language: str) -> list[TemplateChoice]:
    shipped = [
        TemplateChoice(info.key, info.title, info.description)
        for info in templates.list_templates(language)
    ]
    return shipped + user_templates()


def project_from_choice(choice: TemplateChoice, language: str) -> Project:
    """A new project from a template: fresh ids, created and modified now."""
    if choice.path is None:
        return templates.new_project(choice.key, language)
    project = templates.with_fresh_ids(read_project(choice.path))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    project.created = now
    project.modified = now
    return project


def render_preview(project: Project, width: int = PREVIEW_WIDTH) -> QPixmap:
    """The project's first map drawn small, by the export's QPainter backend."""
    if not project.maps:
        return QPixmap()
    from journeydesk.layout.engine import layout_map
    from journeydesk.render.qpainter import render_layout

    layout = layout_map(project, project.maps[0])
    dpi = max(4.0, min(72.0, 72.0 * width / max(1.0, layout.width)))
    return QPixmap.fromImage(render_layout(layout, dpi=dpi))


class TemplateChooser(QDialog):
    """New project: the templates (shipped and the user's own) with a preview."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language if language in templates.LANGUAGES else "en"
        self.setWindowTitle(self.tr("New Project"))
        self.choices = template_choices(self.language)
        self.chosen: TemplateChoice | None = None
        self._previews: dict[str, QPixmap] = {}

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Templates"))
        for choice in self.choices:
            text = choice.title or choice.key
            if choice.path is not None:
                text = self.tr("%1 (my template)").replace("%1", text)
            item = QListWidgetItem(text)
            item.setToolTip(plain_text(choice.description))
            self.list.addItem(item)
        self.list.setMinimumWidth(220)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.description = QLabel()
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setMinimumSize(PREVIEW_WIDTH, 300)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.description)
        right.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        if self.choices:
            self.list.setCurrentRow(0)
        ok.setEnabled(bool(self.choices))

    def select(self, key: str) -> None:
        for row, choice in enumerate(self.choices):
            if choice.key == key:
                self.list.setCurrentRow(row)
                return
        raise KeyError(key)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.choices):
            self.chosen = None
            return
        choice = self.choices[row]
        self.chosen = choice
        self.title.setText(choice.title)
        self.description.setText(choice.description)
        pixmap = self._previews.get(choice.key)
        if pixmap is None:
            try:
                pixmap = render_preview(project_from_choice(choice, self.language))
            except (ProjectFileError, ValueError):
                pixmap = QPixmap()
            self._previews[choice.key] = pixmap
        self.preview.setPixmap(pixmap)
        if pixmap.isNull():
            self.preview.setText(self.tr("No preview"))



__all__ = [
    "PREVIEW_WIDTH",
    "TemplateChoice",
    "TemplateChooser",
    "project_from_choice",
    "render_preview",
    "template_choices",
    "user_templates",
    "user_templates_dir",
]
