"""A connection paints only the part of its line near the exposed rectangle, and
nothing that cannot reach it (canvas/long_lines.py, ``ElementItem._paint_connection``).
The pixels must be the very same as ``render.qpainter.draw`` painting its whole
(widened) primitives, as the canvas did before: every connection of the three
bench shapes, at low and high zooms, at its corners, along its segments and at
random spots, each in a small clip of a larger device as a drag's repaint has it.
"""

from __future__ import annotations

import itertools
import random

import pytest
from bench_shapes import make_shape
from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QStyleOptionGraphicsItem

from journeydesk.canvas import items as items_mod
from journeydesk.canvas.items import ElementItem
from journeydesk.canvas.long_lines import cut_polyline
from journeydesk.layout.engine import layout_map
from journeydesk.layout.primitives import Item, Line
from journeydesk.render.qpainter import PAINT_HINTS, ImageCache, draw

DEVICE = QRect(0, 0, 240, 180)
"""The painted device (a viewport); each spot is a small clip inside it."""


def _connections(shape: str, cards: int) -> list[Item]:
    project = make_shape(shape, cards)
    layout = layout_map(project, project.maps[0])
    found = [i for i in layout.items if i.kind == "connection"]
    assert found
    return found


def _paint(
    item: ElementItem, zoom: float, spot: QPointF, frac: float, clip: QRect, old: bool
) -> QImage:
    """The connection painted as the view would at ``zoom`` with ``spot`` (scene)
    at the device's centre, clipped to ``clip`` (device): by the old whole
    drawing (``old``) or by the item's paint with the clip as its exposed rect."""
    image = QImage(DEVICE.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHints(PAINT_HINTS)
    painter.setClipRect(clip)
    dx = DEVICE.width() / 2 - zoom * spot.x() + frac
    dy = DEVICE.height() / 2 - zoom * spot.y() - frac / 2
    world = QTransform(zoom, 0, 0, zoom, round(dx) + frac, round(dy) - frac / 2)
    painter.setWorldTransform(world)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = world.inverted()[0].mapRect(QRectF(clip)) & item.boundingRect()
    if old:
        draw(painter, item._thick_enough(option.levelOfDetailFromTransform(world)), None)
    else:
        item.paint(painter, option, None)
    painter.end()
    return image


def _spots(item: Item, rng: random.Random) -> list[QPointF]:
    line = next(p for p in item.primitives if isinstance(p, Line))
    pts = line.points
    spots = [QPointF(*p) for p in pts]  # the corners (joins) and ends
    spots += [QPointF((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in itertools.pairwise(pts)]
    b = item.bounds
    spots += [QPointF(b.x + rng.random() * b.w, b.y + rng.random() * b.h) for _ in range(2)]
    return spots


@pytest.mark.parametrize(("shape", "cards"), [("dense", 3000), ("current", 1500), ("wide", 600)])
def test_a_connection_painted_near_the_exposed_part_has_the_same_pixels(
    qapp: object, shape: str, cards: int
) -> None:
    rng = random.Random(f"long-lines-{shape}")
    conns = _connections(shape, cards)
    images = ImageCache([])
    compared = cut = 0
    for conn in conns:
        graphic = ElementItem(conn, images)
        for zoom in (0.3, 1.0, 1.23, 2.5):
            for spot in _spots(conn, rng):
                w, h = rng.choice(((40, 30), (120, 70), (8, 8)))
                clip = QRect(rng.randrange(0, DEVICE.width() - w), rng.randrange(0, 40), w, h)
                frac = rng.choice((0.0, 0.25, 0.5))
                old = _paint(graphic, zoom, spot, frac, clip, old=True)
                new = _paint(graphic, zoom, spot, frac, clip, old=False)
                assert new == old, (shape, conn.element, zoom, spot, clip, frac)
                compared += 1
        line = conn.primitives[0]
        assert isinstance(line, Line)
        b = conn.bounds
        if cut_polyline(line.points, b.x, b.y + b.h / 3, b.right, b.y + b.h / 2) is not line.points:
            cut += 1
    assert compared > 100 and cut > len(conns) // 4  # (the cut was exercised)


def test_a_connection_whose_item_changes_paints_its_new_route(qapp: object) -> None:
    conns = _connections("dense", 600)
    first, second = conns[0], conns[1]
    graphic = ElementItem(first, ImageCache([]))
    spot = QPointF(*next(p for p in second.primitives if isinstance(p, Line)).points[1])
    clip = QRect(60, 40, 120, 100)
    before = _paint(graphic, 1.0, spot, 0.0, clip, old=False)
    graphic.set_layout_item(second)
    after = _paint(graphic, 1.0, spot, 0.0, clip, old=False)
    fresh = _paint(ElementItem(second, ImageCache([])), 1.0, spot, 0.0, clip, old=True)
    assert after == fresh
    assert after != before


def test_a_zoom_change_paints_the_widths_of_the_new_zoom(qapp: object) -> None:
    conn = _connections("dense", 600)[0]
    graphic = ElementItem(conn, ImageCache([]))
    spot = QPointF(*next(p for p in conn.primitives if isinstance(p, Line)).points[2])
    clip = QRect(0, 0, DEVICE.width(), DEVICE.height())
    for zoom in (1.0, 0.2, 1.0, 0.05):
        new = _paint(graphic, zoom, spot, 0.0, clip, old=False)
        assert new == _paint(ElementItem(conn, ImageCache([])), zoom, spot, 0.0, clip, old=True)


@pytest.mark.parametrize("zoom", [1.0, 0.4, 2.0])
def test_the_view_paints_a_long_connection_the_same(qapp, monkeypatch, zoom) -> None:  # type: ignore[no-untyped-def]
    """Through a real view: the whole viewport and a small repaint (as a drag
    makes), with and without the cut."""
    conns = _connections("dense", 3000)
    longest = max(conns, key=lambda c: c.bounds.h)
    pictures = []
    for cutting in (True, False):
        if not cutting:
            monkeypatch.setattr(items_mod, "cut_polyline", lambda points, *_rect: points)
        scene = QGraphicsScene()
        b = longest.bounds
        scene.setSceneRect(QRectF(b.x - 50, b.y - 50, b.w + 100, b.h + 100))
        scene.addItem(ElementItem(longest, ImageCache([])))
        view = QGraphicsView(scene)
        view.setRenderHints(PAINT_HINTS)
        view.resize(400, 300)
        view.scale(zoom, zoom)
        line = next(p for p in longest.primitives if isinstance(p, Line))
        (ax, ay), (_bx, by) = max(
            itertools.pairwise(line.points), key=lambda s: abs(s[0][1] - s[1][1])
        )
        view.centerOn(QPointF(ax, (ay + by) / 2))
        view.show()
        qapp.processEvents()
        pictures.append(view.grab().toImage())
        view.viewport().update(150, 100, 60, 40)
        qapp.processEvents()
        pictures.append(view.grab().toImage())
        view.close()
    assert pictures[0] == pictures[2]
    assert pictures[1] == pictures[3]


def test_cut_polyline_keeps_the_route_near_the_rectangle() -> None:
    route = ((0.0, 0.0), (0.0, 1000.0), (50.0, 1000.0), (50.0, 2000.0))
    # wholly inside: the route itself
    assert cut_polyline(route, -10, -10, 60, 2010) is route
    # nothing near
    assert cut_polyline(route, 100, 0, 200, 50) is None
    # the middle of the first segment: one segment, kept a polyline by a point on it
    assert cut_polyline(route, -5, 400, 5, 500) == [(0.0, 400.0), (0.0, 450.0), (0.0, 500.0)]
    # across the corner: the corners kept, the ends shortened along their axes
    assert cut_polyline(route, -5, 990, 60, 1010) == [
        (0.0, 990.0),
        (0.0, 1000.0),
        (50.0, 1000.0),
        (50.0, 1010.0),
    ]
    # a route of one segment stays one segment
    assert cut_polyline(((0.0, 0.0), (0.0, 100.0)), -5, 40, 5, 50) == [(0.0, 40.0), (0.0, 50.0)]
    # a slanted end is kept whole
    slanted = ((0.0, 0.0), (100.0, 100.0), (100.0, 300.0))
    assert cut_polyline(slanted, 40, 40, 60, 60) == [(0.0, 0.0), (100.0, 100.0), (100.0, 300.0)]
    assert cut_polyline(slanted, 90, 90, 110, 120) == [(0.0, 0.0), (100.0, 100.0), (100.0, 120.0)]
