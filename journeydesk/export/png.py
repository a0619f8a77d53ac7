"""PNG export: the map drawn by the QPainter backend at a chosen DPI.

QtGui only (no widgets): it runs headless. With no display (no DISPLAY or
WAYLAND_DISPLAY) and no platform chosen, Qt is switched to ``offscreen``
before the QGuiApplication is created.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication

from journeydesk.export.notes import failed_images_warnings, overflow_warning
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.primitives import MapLayout
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model.project import JourneyMap, Project

DEFAULT_DPI = 150
MIN_DPI = 10
MAX_DPI = 1200
MAX_PIXELS = 200_000_000
"""Largest image written (200 megapixels, 800 MB while drawn)."""


class PngTooLargeError(ValueError):
    """The map at this DPI would be an unreasonably large image."""


@dataclass
class PngReport:
    path: str
    width: int
    height: int
    dpi: float
    warnings: list[str] = field(default_factory=list)


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen when headless)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["journeydesk"])


def image_size(layout: MapLayout, dpi: float) -> tuple[int, int]:
    scale = dpi / 72.0
    return max(1, round(layout.width * scale)), max(1, round(layout.height * scale))


def largest_dpi(layout: MapLayout) -> int:
    """The largest whole DPI whose image stays within MAX_PIXELS."""
    area = max(1.0, layout.width * layout.height) / (72.0 * 72.0)
    return max(1, int((MAX_PIXELS / area) ** 0.5))


def export_png(
    project: Project,
    jmap: JourneyMap,
    path: str | Path,
    dpi: float = DEFAULT_DPI,
    layout_options: LayoutOptions | None = None,
    theme: Theme = DEFAULT_THEME,
) -> PngReport:
    """Draw ``jmap`` at ``dpi`` and write it to ``path`` atomically (PNG, with
    its DPI recorded). Raises ``ValueError`` for a bad DPI or an image too
    large, ``OSError`` when the file cannot be written."""
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise ValueError(f"DPI must be between {MIN_DPI} and {MAX_DPI}")
    layout = MapLayouter(theme).layout(project, jmap, layout_options or LayoutOptions())
    w, h = image_size(layout, dpi)
    if w * h > MAX_PIXELS:
        raise PngTooLargeError(
            f"at {dpi:g} DPI the map is {w}×{h} pixels, more than "
            f"{MAX_PIXELS // 1_000_000} megapixels; use --dpi {largest_dpi(layout)} or less"
        )
    ensure_gui_app()
    from journeydesk.render.qpainter import ImageCache, render_layout

    images = ImageCache(project.assets)
    image = render_layout(layout, dpi, images)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; str works
        raise OSError("the image could not be encoded as PNG")
    buffer.close()
    atomic_write_bytes(path, bytes(data.data()))
    warnings: list[str] = []
    if layout.overflows:
        warnings.append(overflow_warning(len(layout.overflows)))
    warnings += failed_images_warnings(images.failed)
    return PngReport(str(path), image.width(), image.height(), dpi, warnings)
