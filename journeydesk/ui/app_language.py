"""The UI language: Italian when the system's is Italian, English otherwise,
unless the Preferences chose one."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from journeydesk import paths
from journeydesk.io.statefile import read_json

LANGUAGES = ("en", "it")


def ui_language() -> str:
    return "it" if QLocale.system().language() == QLocale.Language.Italian else "en"


def chosen_language() -> str:
    """The Preferences' language, else the system's.

    Read straight from ``settings.json`` at start, before the window paints:
    loading the typed settings (pydantic) would hold the first paint up. The
    same rule as ``journeydesk.ui.files.ui_language``, which tests check."""
    data = read_json(paths.config_dir() / "settings.json")
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) and language in LANGUAGES else ui_language()
