"""After an edit that changed many items, the scene drops its BSP index and makes
a new one (canvas/scene.py ``_change``, ``_remove``). Qt's new index knew no
scene rect until the scene's size next changed: when an edit left the map's
size as it was, every item was filed in one leaf and each lookup (a repaint, a
hit test: several per mouse move of a drag) tested all of them, 3 ms at 20,000
cards. ``MapScene._index_anew`` tells the new index the rect.

Whether the index files items by place shows in which items a lookup asks for
their bounding rect: a probe item at the far end of the map counts the asks.
"""

from __future__ import annotations

import pytest
from bench_shapes import make_shape
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsRectItem

from journeydesk.canvas import scene as scene_module
from journeydesk.canvas.items import ElementItem
from journeydesk.canvas.scene import MapScene
from journeydesk.document.commands import SetField
from journeydesk.document.document import Document
from journeydesk.render.qpainter import ImageCache


class _Probe(QGraphicsRectItem):
    """A rectangle that counts how often Qt asks for its bounding rect."""

    def __init__(self, rect: QRectF) -> None:
        super().__init__(rect)
        self.asked = 0

    def boundingRect(self) -> QRectF:
        self.asked += 1
        return super().boundingRect()


def _probe_asked(scene: MapScene) -> int:
    """How often a lookup of a small rect near the top of the map asks a probe
    at its bottom for its bounding rect (0: the index filed them apart)."""
    r = scene.sceneRect()
    probe = _Probe(QRectF(r.center().x(), r.bottom() - 60, 10, 10))
    scene.addItem(probe)
    near_top = QRectF(r.center().x(), 30, 4, 4)
    scene.items(near_top)  # (files the probe, which asks it)
    probe.asked = 0
    scene.items(near_top)
    scene.items(QPointF(r.center().x(), 40))
    asked = probe.asked
    scene.removeItem(probe)
    return asked


def _scene(shape: str) -> tuple[MapScene, Document]:
    project = make_shape(shape, 300)
    doc = Document(project, None)
    scene = MapScene()
    scene.show_map(doc.project, doc.project.maps[0])
    return scene, doc


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_an_edit_that_keeps_the_map_size_keeps_the_index_by_place(
    qapp: object, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    scene, doc = _scene(shape)
    assert _probe_asked(scene) == 0  # (opened: the index knows the rect)
    monkeypatch.setattr(scene_module, "REINDEX_OVER", 0)  # any change makes a new index
    jmap = doc.project.maps[0]
    card = jmap.cards[len(jmap.cards) // 2]
    rect = scene.sceneRect()
    doc.push(SetField(doc, card.id, "title", card.title[:-1] + "#", "Edit title", merge=False))
    scene.show_map(doc.project, jmap)
    assert scene.sceneRect() == rect  # (same size: no sceneRectChanged from setSceneRect)
    assert _probe_asked(scene) == 0


def test_removing_many_items_keeps_the_index_by_place(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene, _doc = _scene("dense")
    assert scene.layout is not None
    monkeypatch.setattr(scene_module, "REINDEX_OVER", 0)
    extra = ElementItem(scene.layout.items[0], ImageCache([]))
    scene.addItem(extra)
    scene.items(QRectF(0, 0, 1, 1))
    scene._remove([extra])
    assert _probe_asked(scene) == 0
