"""The open project windows, and what the file side may ask of one.

One project per window. Windows live in a module-level list so that a window
the user opened is not garbage-collected; a window leaves the list when it
closes. The file side (``files.py``, ``recovery.py``) opens projects in
windows and moves between them, but never imports the main window: it knows
a window by :class:`ProjectWindow` (its public face) and makes new ones with
the factory each main window registers. So ``files.py`` and
``main_window.py`` do not import each other in a circle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from journeydesk.io import ProjectFileError

    from .context import EditingContext
    from .files import FileController


class ProjectWindow(QMainWindow):
    """The public face of a project window, for the file side: a main window
    with an editing context, a file controller and a way to say a file cannot
    be opened. (A class to name the type; the main window is one.)"""

    context: EditingContext
    files: FileController

    def show_load_error(self, name: str, exc: ProjectFileError) -> None:
        raise NotImplementedError


_WINDOWS: list[ProjectWindow] = []
"""Every open window; the list keeps them alive (one project per window)."""

_factory: list[Callable[[], ProjectWindow]] = []


def set_window_factory(factory: Callable[[], ProjectWindow]) -> None:
    """How :func:`new_window` makes a window (every main window sets it)."""
    _factory[:] = [factory]


def windows() -> list[ProjectWindow]:
    """The open windows, oldest first (a window that closed is not one)."""
    _WINDOWS[:] = [w for w in _WINDOWS if shiboken6.isValid(w)]
    return [w for w in _WINDOWS if getattr(w, "files", None) is not None and not w.files.is_closed]


def register(window: ProjectWindow) -> None:
    if window not in _WINDOWS:
        _WINDOWS.append(window)


def forget(window: ProjectWindow) -> None:
    _WINDOWS[:] = [w for w in _WINDOWS if w is not window and shiboken6.isValid(w)]


def new_window(near: QWidget | None = None) -> ProjectWindow:
    """A new, empty, shown window (cascaded from ``near``)."""
    if not _factory:
        raise RuntimeError("no window factory: a MainWindow sets it when it is made")
    window = _factory[0]()
    if near is not None and shiboken6.isValid(near):
        window.resize(near.size())
        window.move(near.pos().x() + 30, near.pos().y() + 30)
    window.show()
    return window


__all__ = [
    "ProjectWindow",
    "forget",
    "new_window",
    "register",
    "set_window_factory",
    "windows",
]
