"""The UI language: Italian when the system's is Italian, English otherwise."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def ui_language() -> str:
    return "it" if QLocale.system().language() == QLocale.Language.Italian else "en"
