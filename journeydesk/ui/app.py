"""Starting the GUI: the QApplication, its translations and the first window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from journeydesk import __version__


def run_app(path: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("JourneyDesk")
    app.setOrganizationName("JourneyDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("journeydesk")
    if app.platformName() == "offscreen":
        # PySide6 crashes at exit on the offscreen platform while the
        # clipboard holds data; a headless run has nobody to paste it anyway.
        app.aboutToQuit.connect(lambda: QApplication.clipboard().clear())
    from .files import ui_language as preferred_language

    language = preferred_language()  # the Preferences' choice, else the system's
    from .i18n import install_translators

    app.setProperty("journeydesk_translators", len(install_translators(app, language)))

    from PySide6.QtCore import QTimer

    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    if path is None:
        window.open_sample(language)
    else:
        window.open_path(path)
    # Work left by a JourneyDesk that crashed or was killed: offer it back once
    # the window is up.
    QTimer.singleShot(0, window.files.offer_recovery)
    return app.exec()
