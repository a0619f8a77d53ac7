"""Starting the GUI: the QApplication, its translations and the first window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from journeydesk import __version__


def ui_language() -> str:
    """``it`` when the system language is Italian, else ``en``."""
    return "it" if QLocale.system().language() == QLocale.Language.Italian else "en"


def _install_qt_translations(app: QApplication, language: str) -> None:
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)


def run_app(path: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("JourneyDesk")
    app.setOrganizationName("JourneyDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("journeydesk")
    language = ui_language()
    _install_qt_translations(app, language)

    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    if path is None:
        window.open_sample(language)
    else:
        window.open_path(path)
    return app.exec()
