"""An item of many primitives paints only those near the exposed part
(canvas/items.py ``CULL_OVER``): the picture must be the same as painting all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from journeydesk.canvas import items as items_mod
from journeydesk.canvas.items import ElementItem
from journeydesk.layout.fonts import Face
from journeydesk.layout.primitives import Box, Item, Line, Path, Rect, Text
from journeydesk.render.qpainter import ImageCache


def _grid_item() -> Item:
    prims: list = []  # type: ignore[type-arg]
    for i in range(300):
        x = 20.0 + i * 9.5
        prims.append(Line(((x, 10.0), (x, 400.0)), "#B8BFCC", 1.0 if i % 4 else 2.0, (2, 2)))
        if i % 10 == 0:
            prims.append(Box(Rect(x - 3, 30.0 + i % 70, 12, 8), fill="#FFE0A0", stroke="#333333"))
            prims.append(Text(x, 200.0, 40.0, (f"step {i}",), Face.REGULAR, 7.0, "#222222", 9.0))
            prims.append(Path((("M", x, 300.0), ("L", x + 20, 330.0), ("Z",)), fill="#A0C0FF"))
    return Item("grid", None, Rect(0, 0, 3000, 420), 1.0, prims)


def _picture(view: QGraphicsView) -> QImage:
    return view.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize(
    ("zoom", "centre"), [(1.0, (700, 200)), (3.0, (1502, 120)), (0.4, (1200, 200))]
)
def test_culled_painting_equals_painting_everything(qapp, monkeypatch, zoom, centre) -> None:  # type: ignore[no-untyped-def]
    item = _grid_item()
    assert len(item.primitives) > items_mod.CULL_OVER
    pictures = []
    for cull_over in (items_mod.CULL_OVER, 10**9):
        monkeypatch.setattr(items_mod, "CULL_OVER", cull_over)
        scene = QGraphicsScene()
        scene.setSceneRect(QRectF(0, 0, 3000, 420))
        scene.addItem(ElementItem(item, ImageCache([])))
        view = QGraphicsView(scene)
        view.resize(400, 300)
        view.scale(zoom, zoom)
        view.centerOn(QPointF(*centre))
        view.show()
        qapp.processEvents()
        pictures.append(_picture(view))
        # a repaint of a small part only (as a drag does), then the whole again
        view.viewport().update(50, 40, 30, 30)
        qapp.processEvents()
        pictures.append(_picture(view))
        view.close()
    assert pictures[0] == pictures[2]
    assert pictures[1] == pictures[3]
    assert not pictures[0].isNull()
