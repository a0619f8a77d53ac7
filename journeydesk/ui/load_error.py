"""The message that a project file cannot be opened, and why.

Shown by a window for a file it was asked to open (File > Open, a drop, a
recent file, a reload, a recovery snapshot). The problems come from the
file: plain text, at most a dozen of them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from journeydesk.io import ProjectFileError

MAX_SHOWN_PROBLEMS = 12


class LoadErrorBox(QMessageBox):
    """“This file cannot be opened”, with the file's problems."""

    def __init__(self, parent: QWidget | None, name: str, exc: ProjectFileError) -> None:
        super().__init__(parent)
        lines = [f"{p.path}: {p.message}" for p in exc.problems[:MAX_SHOWN_PROBLEMS]]
        if len(exc.problems) > MAX_SHOWN_PROBLEMS:
            lines.append(
                self.tr("… and %n more problem(s)", "", len(exc.problems) - MAX_SHOWN_PROBLEMS)
            )
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Cannot open project"))
        if exc.verdict == "not_a_project":
            text = self.tr("“%1” is not a JourneyDesk project.")
        elif exc.verdict == "damaged":
            text = self.tr("“%1” is a damaged JourneyDesk project and cannot be opened.")
        else:
            text = self.tr("“%1” cannot be opened.")
        self.setText(text.replace("%1", Path(name).name))
        self.setInformativeText("\n".join(lines))
        self.setTextFormat(Qt.TextFormat.PlainText)


def show_load_error(parent: QWidget | None, name: str, exc: ProjectFileError) -> None:
    """Say why ``name`` cannot be opened (a modal message box over ``parent``)."""
    LoadErrorBox(parent, name, exc).exec()
