"""Project files dropped anywhere on a window open, whatever is under the pointer.

Qt gives a drag to the deepest widget under the pointer that accepts drops:
the map view (whose scene takes any drag), a text field of the inspector
(which would paste the file's path as text), a panel. A ``.journey`` file
meant "open this" wherever it lands, so the window's native window
(``QWidget.windowHandle()``, which receives the platform's drag events before
any widget does) is watched: a drag that carries project files is taken
there, and the drop opens them. Any other drag (an image onto a card, a
palette entry, text) goes on to the widgets as before.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QWindow
from PySide6.QtWidgets import QWidget

from journeydesk.io import FILE_SUFFIX


def project_files(mime: QMimeData | None) -> list[str]:
    """The local ``.journey`` files a drag carries."""
    if mime is None or not mime.hasUrls():
        return []
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(FILE_SUFFIX)
    ]


class ProjectDrops(QObject):
    """Takes drags of project files on ``window`` and hands the dropped files
    to ``open_files`` (after the drop is over, so a message about a bad file
    does not hold the file manager's drag)."""

    def __init__(self, window: QWidget, open_files: Callable[[list[str]], object]) -> None:
        super().__init__(window)
        self.window = window
        self.open_files = open_files
        self._handle: QWindow | None = None
        window.installEventFilter(self)  # to learn when its native window exists
        self._hook()

    def _hook(self) -> None:
        handle = self.window.windowHandle()
        if handle is not None and handle is not self._handle:
            if self._handle is not None:
                self._handle.removeEventFilter(self)
            handle.installEventFilter(self)
            self._handle = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind in (QEvent.Type.Show, QEvent.Type.WinIdChange):
                self._hook()
            return False
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragMoveEvent
        ):
            if project_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            names = project_files(event.mimeData())
            if names:
                event.acceptProposedAction()
                QTimer.singleShot(0, self, partial(self.open_files, names))
                return True
        return False
