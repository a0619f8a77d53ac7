"""The application icon, drawn from the one SVG in ``journeydesk.resources.icons``.

Rendered with QtSvg into pixmaps of the usual sizes (no dependency on Qt's
SVG icon-engine plugin, so the frozen bundle needs nothing more).
"""

from __future__ import annotations

import functools
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_svg() -> bytes:
    data: bytes = (
        resources.files("journeydesk.resources").joinpath("icons", "journeydesk.svg").read_bytes()
    )
    return data


def icon_pixmap(size: int, renderer: QSvgRenderer | None = None) -> QPixmap:
    renderer = renderer or QSvgRenderer(QByteArray(icon_svg()))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return pixmap


@functools.cache
def app_icon() -> QIcon:
    icon = QIcon()
    renderer = QSvgRenderer(QByteArray(icon_svg()))
    for size in ICON_SIZES:
        icon.addPixmap(icon_pixmap(size, renderer))
    return icon
