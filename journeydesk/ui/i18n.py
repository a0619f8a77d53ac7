"""Translations of the user interface (Qt Linguist files).

Sources: ``resources/translations/journeydesk_it.ts`` (English is the
source language and needs no file). The compiled ``.qm`` is committed beside
it; ``tests/ui/test_translations.py`` fails when it is stale or when a string
in the code is missing from the ``.ts``.

    python -m journeydesk.ui.i18n update   # collect strings from the code into the .ts
    python -m journeydesk.ui.i18n build    # compile the .ts into the .qm
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("en", "it")
"""Languages the UI ships in; English is the source."""

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "translations"


def system_language() -> str:
    return "it" if QLocale.system().language() == QLocale.Language.Italian else "en"


def resolve_language(setting: str | None) -> str:
    """The UI language for a preference of ``system``, ``en`` or ``it``."""
    if setting in LANGUAGES:
        return setting
    return system_language()


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's own strings and ours for ``language``; returns the translators
    (keep them alive as long as the app)."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    ours = QTranslator(app)
    entry = resources.files("journeydesk.resources").joinpath(
        "translations", f"journeydesk_{language}.qm"
    )
    with resources.as_file(entry) as path:
        if path.is_file() and ours.load(str(path)):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def sources() -> list[str]:
    """Every module of the package (lupdate finds the tr() calls)."""
    return sorted(str(p) for p in (REPO / "journeydesk").rglob("*.py"))


def update(ts: Path | None = None) -> None:
    target = ts or TS_DIR / "journeydesk_it.ts"
    import subprocess  # only the maintainer's commands need it, not the app's start

    subprocess.run(
        [
            _tool("lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "it_IT",
            "-ts",
            str(target),
        ],
        check=True,
        timeout=300,
    )


def build(ts: Path | None = None, qm: Path | None = None) -> None:
    source = ts or TS_DIR / "journeydesk_it.ts"
    target = qm or source.with_suffix(".qm")
    import subprocess

    subprocess.run(
        [_tool("lrelease"), "-silent", str(source), "-qm", str(target)], check=True, timeout=300
    )


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
    elif argv == ["build"]:
        build()
    else:
        print("usage: python -m journeydesk.ui.i18n update|build", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
