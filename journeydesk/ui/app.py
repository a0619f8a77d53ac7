"""Starting the GUI: the QApplication, its translations and the first window."""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

import journeydesk

if TYPE_CHECKING:
    from .main_window import MainWindow


class FileOpenHandler(QObject):
    """Opens the files the system hands over as ``QFileOpenEvent``.

    macOS does not put a double-clicked document in argv: it starts the app
    (or finds it running) and sends it a file-open event. The file opens like
    File > Open: in the active window when that holds nothing to lose (the
    untitled sample a start shows), else in a new window. Events that arrive
    before the first window exists wait for it.

    The app's own ``JourneyDeskApplication`` hands it those events from its
    ``event()``; on any other QApplication (tests) it is an event filter. A
    filter on the application sees every event of every object: calling
    Python for each cost 40 ms of the first paint (bench/bench_startup.py).
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._pending: list[str] = []
        self._ready = False
        self.opened: list[str] = []
        if isinstance(app, JourneyDeskApplication):
            app.file_open_handler = self
        else:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            return self.take(event)
        return super().eventFilter(watched, event)

    def take(self, event: QEvent) -> bool:
        """Note the file of a file-open event (opened now, or once ready)."""
        assert isinstance(event, QFileOpenEvent)
        name = event.file() or event.url().toLocalFile()
        if name:
            self._pending.append(name)
            if self._ready:
                # Out of the event delivery: opening may show a message box.
                QTimer.singleShot(0, self._open_pending)
        return True

    def set_ready(self) -> None:
        """The first window is up: open what waited, and from now on at once."""
        self._ready = True
        if self._pending:
            QTimer.singleShot(0, self._open_pending)

    def _open_pending(self) -> None:
        from .files import new_window, windows

        while self._pending:
            name = self._pending.pop(0)
            active = QApplication.activeWindow()
            shown = windows()
            window = active if active in shown else (shown[-1] if shown else new_window())
            window.files.open_file(name)
            self.opened.append(name)


class JourneyDeskApplication(QApplication):
    """The application: hands file-open events (macOS) to its FileOpenHandler.
    Overriding ``event`` sees only the events sent to the application itself."""

    file_open_handler: FileOpenHandler | None = None

    def event(self, event: QEvent) -> bool:
        handler = self.file_open_handler
        if handler is not None and event.type() == QEvent.Type.FileOpen:
            return handler.take(event)
        return super().event(event)


_opener: FileOpenHandler | None = None
"""The running app's handler (kept referenced, so its Python side lives on)."""


def _probe(moment: str) -> bool:
    """For bench/bench_startup.py: with ``JOURNEYDESK_STARTUP_PROBE`` set to a
    file, append when each start moment was reached (``time.time()``), and the
    process's CPU time then (``MOMENT_cpu``: on a loaded machine the wall time
    says little)."""
    target = os.environ.get("JOURNEYDESK_STARTUP_PROBE")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as out:
        out.write(f"{moment} {time.time()!r}\n{moment}_cpu {time.process_time()!r}\n")
    return True


def _after_the_map() -> None:
    """What the first map need not wait for: the icon (QtSvg, seven sizes drawn
    from the SVG) and the version (pyproject.toml parsed, or in an installed
    copy ``importlib.metadata`` imported): ~10 ms, more installed."""
    from .app_icon import app_icon

    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setWindowIcon(app_icon())
        app.setApplicationVersion(journeydesk.__version__)


def _first_window(app: QApplication, path: str | None, language: str) -> MainWindow:
    from .main_window import MainWindow

    # The window's frame paints first; the model, the layout and the panels
    # load after, so the window is on screen at once (bench/bench_startup.py).
    window = MainWindow(build=False)
    window.show()
    app.processEvents()
    _probe("frame")
    window.build()
    if path is None:
        window.open_sample(language)
    else:
        window.open_path(path)
    return window


def run_app(path: str | None) -> int:
    from .pyside_scan import cheapen

    cheapen()  # before the app's ~300 modules are imported (see pyside_scan)
    app = QApplication.instance() or JourneyDeskApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("JourneyDesk")
    app.setOrganizationName("JourneyDesk")
    app.setDesktopFileName("journeydesk")
    global _opener
    opener = _opener = FileOpenHandler(app)
    if app.platformName() == "offscreen":
        # PySide6 crashes at exit on the offscreen platform while the
        # clipboard holds data; a headless run has nobody to paste it anyway.
        app.aboutToQuit.connect(lambda: QApplication.clipboard().clear())
    from .app_language import chosen_language

    language = chosen_language()  # the Preferences' choice, else the system's
    from .i18n import install_translators

    app.setProperty("journeydesk_translators", len(install_translators(app, language)))

    # No cyclic garbage collection until the first map is drawn: what the start
    # makes (modules, classes, the window, the project, its layout) lives on, and
    # the young collections walked it again and again (~30-40 ms of CPU opening a
    # 5,000-card map, a third of it the whole project walked after it was read).
    # Drawing the map freezes the heap (main_window.settle_heap) before the
    # collector comes back; the cycles left meanwhile are collected when the app
    # is idle (main_window._collect_and_freeze). A file that cannot be opened
    # leaves it all young: the next collection walks it once, as before (the
    # message saying why, or the question about a locked file, is shown with
    # the collector still paused; reference counting frees as usual). The command
    # line turns it off before importing this module and Qt (journeydesk.cli).
    gc.disable()
    try:
        window = _first_window(app, path, language)
    finally:
        gc.enable()
    if os.environ.get("JOURNEYDESK_STARTUP_PROBE"):
        app.processEvents()  # the map painted, for the benchmark
    # Posted after the map's repaint, so the map comes first.
    QTimer.singleShot(0, _after_the_map)
    if _probe("map"):
        QTimer.singleShot(0, window.files.quit_all)  # a benchmark's run ends here
        return app.exec()
    opener.set_ready()
    if os.environ.get("JOURNEYDESK_WINDOW_REPORT"):
        from .window_report import write_report  # the end-to-end test that looks

        QTimer.singleShot(500, lambda: write_report(window))
    # Work left by a JourneyDesk that crashed or was killed: offer it back once
    # the window is up.
    QTimer.singleShot(0, window.files.offer_recovery)
    return app.exec()
