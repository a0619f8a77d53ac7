"""Printing a map with the QPainter backend: fitted to the printer's page."""

from __future__ import annotations

from PySide6.QtGui import QPagedPaintDevice, QPainter

from journeydesk.export.raster.painter import ImageCache, draw
from journeydesk.layout.primitives import MapLayout
from journeydesk.model import Project


def print_layout(device: QPagedPaintDevice, layout: MapLayout, project: Project) -> float:
    """Draw ``layout`` scaled to fit the device's printable page, centred.

    Returns the scale (layout points → device points) so callers can warn
    when text prints too small. Works on a QPrinter or a QPdfWriter.
    """
    painter = QPainter(device)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        dpi = device.logicalDpiX()
        page = device.pageLayout().paintRectPixels(dpi)
        # Device pixels per layout point.
        px_per_pt = dpi / 72.0
        fit = min(page.width() / layout.width, page.height() / layout.height)
        painter.translate(
            (page.width() - layout.width * fit) / 2, (page.height() - layout.height * fit) / 2
        )
        painter.scale(fit, fit)
        images = ImageCache(project.assets)
        for item in layout.sorted_items():
            draw(painter, item.primitives, images)
    finally:
        painter.end()
    return float(fit / px_per_pt)
