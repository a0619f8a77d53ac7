"""Help > About JourneyDesk: the version, the licence, and the third-party notices.

The notices are the file shipped in the desktop bundle when running from it;
elsewhere they are generated from the installed packages, the first time the
tab is shown (it runs ffmpeg for its version and licence statement).
"""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journeydesk import __version__

from .app_icon import icon_pixmap

LICENCE = "GPL-3.0-or-later"


def notices_text() -> str:
    from journeydesk.notices import bundled_notices
    from journeydesk.notices import notices_text as generate

    shipped = bundled_notices()
    return shipped if shipped is not None else generate()


class AboutDialog(QDialog):
    ABOUT_TAB = 0
    LICENCES_TAB = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About JourneyDesk"))
        self.setObjectName("about")
        self.resize(720, 560)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_page(), self.tr("About"))
        self.licences = QPlainTextEdit()
        self.licences.setReadOnly(True)
        self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.licences.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licences.setAccessibleName(self.tr("Third-party licences"))
        self.tabs.addTab(self.licences, self.tr("Third-party licences"))
        self.tabs.currentChanged.connect(self._tab_changed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _about_page(self) -> QWidget:
        page = QWidget()
        icon = QLabel()
        icon.setPixmap(icon_pixmap(96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(f"<h2>JourneyDesk {__version__}</h2>")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        text = QLabel(
            "<p>"
            + self.tr("An offline desktop editor for customer journey maps.")
            + "</p><p>"
            + self.tr(
                "JourneyDesk is free software: you can redistribute it and/or modify it "
                "under the terms of the GNU General Public License as published by the Free "
                "Software Foundation, either version 3 of the License, or (at your option) "
                "any later version (%1). It comes with no warranty."
            ).replace("%1", LICENCE)
            + "</p><p>"
            + self.tr(
                "It is built on Qt, PySide6, ffmpeg and other free software; their "
                "licences are in the Third-party licences tab."
            )
            + "</p>"
        )
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.versions = QLabel(
            self.tr("Qt %1 · PySide6 %2 · Python %3 · %4")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
            .replace("%3", platform.python_version())
            .replace("%4", QGuiApplication.platformName())
        )
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(text)
        column.addStretch(1)
        column.addWidget(self.versions)
        row = QHBoxLayout(page)
        row.addWidget(icon)
        row.addLayout(column, 1)
        return page

    def _tab_changed(self, index: int) -> None:
        if index == self.LICENCES_TAB and not self.licences.toPlainText():
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.licences.setPlainText(notices_text())
            finally:
                QGuiApplication.restoreOverrideCursor()

    def show_licences(self) -> None:
        self.tabs.setCurrentIndex(self.LICENCES_TAB)


def show_about(parent: QWidget | None = None, *, licences: bool = False) -> AboutDialog:
    """Open the About dialog (not modal; it closes itself away)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if licences:
        dialog.show_licences()
    dialog.show()
    dialog.raise_()
    return dialog
