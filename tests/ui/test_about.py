"""Help > About JourneyDesk: version from pyproject, licence, third-party notices."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction

from journeydesk.ui.about import AboutDialog
from journeydesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def help_action(window: MainWindow, text: str) -> QAction:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    help_menu = menus["Help"]
    assert help_menu is not None
    for action in help_menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no {text!r} in the Help menu")


def test_help_about_shows_version_and_licence(qtbot: Any) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    help_action(window, "About JourneyDesk").trigger()
    dialogs = window.findChildren(AboutDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    assert pyproject_version() in dialog.title.text()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.title)))
    assert "GPL-3.0-or-later" in texts
    assert dialog.tabs.currentIndex() == AboutDialog.ABOUT_TAB
    assert dialog.licences.toPlainText() == ""  # generated only when looked at


def test_third_party_licences_lists_the_parts(qtbot: Any) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    help_action(window, "Third-party Licences").trigger()
    dialog = window.findChildren(AboutDialog)[0]
    qtbot.addWidget(dialog)
    assert dialog.tabs.currentIndex() == AboutDialog.LICENCES_TAB
    text = dialog.licences.toPlainText()
    for name in ("PySide6", "Qt", "FFmpeg", "reportlab", "Atkinson Hyperlegible", "pydantic"):
        assert name in text, name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "SIL OPEN FONT LICENSE" in text.upper()
