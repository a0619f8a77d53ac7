"""Printing a map with the QPainter backend: fitted to the printer's page, or
as a poster tiled onto the printer's sheets: the same page plan
(``layout.page``) and the same sheet chrome (``layout.sheet``: marks and
labels) as the tiled PDF, drawn by the QPainter backend."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter

from journeydesk.layout.page import PosterOptions, plan_map
from journeydesk.layout.primitives import MapLayout
from journeydesk.layout.sheet import sheet_chrome
from journeydesk.model import Project
from journeydesk.render.qpainter import ImageCache, draw


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


def tile_name_for(device: QPagedPaintDevice) -> str:
    """The tiling sheet (A4, A3 or letter) that matches the printer's paper."""
    size_id = device.pageLayout().pageSize().id()
    return {
        QPageSize.PageSizeId.A3: "A3",
        QPageSize.PageSizeId.Letter: "letter",
    }.get(size_id, "A4")


def print_tiled(
    device: QPagedPaintDevice,
    layout: MapLayout,
    project: Project,
    poster_paper: str,
    overlap_mm: float = 10.0,
) -> int:
    """Print ``layout`` as a poster of ``poster_paper`` cut onto the printer's
    sheets, with the same grid, overlap, marks and labels as the tiled PDF's
    sheets (numbered from page 1 here). Returns the number of sheets."""
    tile = tile_name_for(device)
    plan = plan_map(
        layout.width,
        layout.height,
        PosterOptions(paper=poster_paper, tile=tile, overlap_mm=overlap_mm),
    )
    grid = plan.grid
    assert grid is not None
    device.setPageOrientation(
        QPageLayout.Orientation.Landscape
        if grid.paper.width > grid.paper.height
        else QPageLayout.Orientation.Portrait
    )
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    dev = device.logicalDpiX() / 72.0
    images = ImageCache(project.assets)
    jmap = project.map_by_id(layout.map_id)
    name = jmap.name if jmap is not None else ""
    painter = QPainter(device)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        for n, t in enumerate(grid.tiles):
            if n:
                device.newPage()
            w, h = grid.window_size
            painter.save()
            painter.scale(dev, dev)  # poster points from here on
            painter.translate(grid.margin, grid.margin)
            painter.setClipRect(QRectF(0, 0, w, h))
            painter.translate(-t.window.x + plan.map_rect.x, -t.window.y + plan.map_rect.y)
            painter.scale(plan.scale, plan.scale)
            for item in layout.sorted_items():
                draw(painter, item.primitives, images)
            painter.restore()
            painter.save()
            painter.scale(dev, dev)  # sheet points
            draw(painter, sheet_chrome(plan, t, name, n + 1, project.language))
            painter.restore()
    finally:
        painter.end()
    return grid.count
