"""The main window's arrangement: the default dock widths, the saved layout
and the opening zoom.

A fresh start must leave the map most of the window (the docks' own size
hints would take it all), a user's arrangement comes back at the next start,
and a map opens readable rather than fitted whole at a few pixels a letter.

The saved layout is Qt's ``saveGeometry``/``saveState`` bytes in
``window.json`` in the state folder, with a version: read before the window
first paints (plain JSON, so no pydantic on the way), written when a window
closes. A file that is missing, damaged, of another version or refused by Qt
gives the default layout; it is never an error.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt

from journeydesk import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QGraphicsView, QMainWindow

LAYOUT_VERSION = 2
"""Bump when the docks change so that an old arrangement no longer fits."""
MAX_LAYOUT_BYTES = 64 * 1024
LEFT_SHARE, LEFT_RANGE = 0.15, (180, 300)
RIGHT_SHARE, RIGHT_RANGE = 0.22, (300, 420)
READABLE_TITLE_PX = 11.0
"""Card titles at least this tall on screen (font pixel size) when a map opens."""
MAX_OPENING_ZOOM = 1.5
"""A small map fitted whole is not blown up beyond this."""


def layout_file() -> Path:
    return paths.state_dir() / "window.json"


def load_layout() -> tuple[QByteArray, QByteArray] | None:
    """The saved geometry and dock state, or None when there is none usable."""
    try:
        target = layout_file()
        if target.stat().st_size > MAX_LAYOUT_BYTES:
            return None
        data = json.loads(target.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("version") != LAYOUT_VERSION:
            return None
        geometry, state = data.get("geometry"), data.get("state")
        if not isinstance(geometry, str) or not isinstance(state, str):
            return None
        return (
            QByteArray(base64.b64decode(geometry, validate=True)),
            QByteArray(base64.b64decode(state, validate=True)),
        )
    except (OSError, ValueError, binascii.Error):
        return None


def save_layout(window: QMainWindow) -> None:
    """Keep the window's geometry and dock arrangement for the next start.
    A failure to write costs only the arrangement: it is not reported."""
    from journeydesk.io.atomic import atomic_write_bytes

    data = {
        "version": LAYOUT_VERSION,
        "geometry": base64.b64encode(window.saveGeometry().data()).decode("ascii"),
        "state": base64.b64encode(window.saveState(LAYOUT_VERSION).data()).decode("ascii"),
    }
    try:
        layout_file().parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(layout_file(), json.dumps(data, indent=2).encode("utf-8"))
    except OSError:
        pass


def restore_state(window: QMainWindow, state: QByteArray) -> bool:
    """Put the docks back as saved; False (nothing changed) when Qt refuses the bytes."""
    return bool(window.restoreState(state, LAYOUT_VERSION))


def dock_widths(window_width: int) -> tuple[int, int]:
    """The default widths of the left and right dock columns for a window this wide."""

    def share(fraction: float, bounds: tuple[int, int]) -> int:
        return max(bounds[0], min(bounds[1], round(window_width * fraction)))

    return share(LEFT_SHARE, LEFT_RANGE), share(RIGHT_SHARE, RIGHT_RANGE)


def apply_default_layout(
    window: QMainWindow,
    left: list[QDockWidget],
    right: list[QDockWidget],
    front: QDockWidget,
) -> None:
    """Docks back in place: ``left`` stacked in the left column, ``right``
    tabbed in the right column with ``front`` shown, all visible, at the
    default widths; the map takes the rest."""
    for area, docks in (
        (Qt.DockWidgetArea.LeftDockWidgetArea, left),
        (Qt.DockWidgetArea.RightDockWidgetArea, right),
    ):
        for dock in docks:
            dock.setFloating(False)
            window.addDockWidget(area, dock, Qt.Orientation.Vertical)
            dock.show()
    for before, after in itertools.pairwise(right):
        window.tabifyDockWidget(before, after)
    front.raise_()
    left_width, right_width = dock_widths(window.width())
    window.resizeDocks(
        [left[0], right[0]], [left_width, right_width], Qt.Orientation.Horizontal
    )
    if len(left) > 1:
        window.resizeDocks(left, [3, 2], Qt.Orientation.Vertical)


def opening_zoom(view: QGraphicsView, title_size: float) -> float:
    """The zoom a map opens at: the whole map when its card titles are then
    readable, else the smallest zoom (in whole percent) at which card titles
    are ``READABLE_TITLE_PX`` tall on screen: as much of the map as can be
    read, starting from its first stage."""
    scene_rect = view.sceneRect()
    port = view.viewport().size()
    readable = math.ceil(100 * READABLE_TITLE_PX / title_size) / 100
    if scene_rect.isEmpty() or port.isEmpty():
        return readable
    whole = min(port.width() / scene_rect.width(), port.height() / scene_rect.height())
    return min(whole, MAX_OPENING_ZOOM) if whole >= readable else readable
