"""Which language the interface is shown in, for the labels the app itself
draws from the built-in vocabularies (card kinds, statuses, scores...).

Two languages meet on screen: the interface's (menus, the inspector, the
palette; the installed translation decides) and the project's content
language (the map drawing, exports; ``Project.language`` decides). A label
of a built-in value shown in the interface follows the interface, so an
English project in an Italian interface reads "Punto critico" in the
inspector and "Pain point" on the map.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SHOWN_LANGUAGES = ("en", "it")


def shown_language() -> str:
    """The interface's language now: the one whose translation is installed
    (English, the source language, when none is)."""
    # Translators: the code of this translation's language ("it" in the Italian file).
    code = QCoreApplication.translate("Language", "en")
    return code if code in SHOWN_LANGUAGES else "en"
