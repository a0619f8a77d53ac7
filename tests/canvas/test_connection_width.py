"""Connections stay visible from the back of a room: at a low zoom the
canvas draws their lines at least MIN_CONNECTION_PX device pixels wide."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from journeydesk import templates
from journeydesk.canvas.items import MIN_CONNECTION_PX, ElementItem
from journeydesk.layout.engine import layout_map
from journeydesk.layout.primitives import Line
from journeydesk.render.qpainter import ImageCache


def _dark_rows(zoom: float) -> int:
    """How many pixels across a horizontal stretch of a connection are inked."""
    project = templates.new_project("sample", "en")
    layout = layout_map(project, project.maps[0])
    conn = next(i for i in layout.items if i.kind == "connection")
    # The longest horizontal segment of its route.
    segments = [
        (a, b)
        for p in conn.primitives
        if isinstance(p, Line)
        for a, b in zip(p.points, p.points[1:], strict=False)
        if abs(a[1] - b[1]) < 0.01 and abs(a[0] - b[0]) > 10
    ]
    (x1, y), (x2, _) = max(segments, key=lambda s: abs(s[0][0] - s[1][0]))
    item = ElementItem(conn, ImageCache())
    size = 200
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size / 2, size / 2)
    painter.scale(zoom, zoom)
    painter.translate(-(x1 + x2) / 2, -y)  # the middle of the segment at the centre
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    column = [QColor(image.pixel(size // 2, row)).lightnessF() for row in range(size)]
    return sum(1 for light in column if light < 0.75)


def test_connections_are_at_least_two_pixels_wide_at_a_low_zoom() -> None:
    assert MIN_CONNECTION_PX >= 2
    assert _dark_rows(0.25) >= 2
    assert _dark_rows(0.1) >= 2


def test_at_a_high_zoom_connections_keep_their_drawn_width() -> None:
    # 1 pt wide lines at zoom 4 are 4 px: not widened, not thinned.
    assert 3 <= _dark_rows(4.0) <= 6
