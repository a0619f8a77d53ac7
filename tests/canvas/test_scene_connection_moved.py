"""The canvas after edits that add lines, where the layout moved most
connections' Items with their lanes (``connections.connections``: the last
Item's bounds + dy, drawn from the route when first read). The scene's
connection items must be those of a fresh scene (the Item, scene rectangle,
z, hit test at a route's ends) and its pixels a fresh scene's, every few edits,
on the three bench shapes (with short connections, a third labelled) and on the
sample maps."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load
from near_connections import add_near_connections
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem

from journeydesk.canvas import items
from journeydesk.canvas.scene import MapScene
from journeydesk.document.document import Document
from journeydesk.layout.primitives import Line
from journeydesk.model.project import JourneyMap

_HERE = Path(__file__).parent
UNSETTLED = load(_HERE / "test_scene_unsettled.py", "scene_unsettled_for_connections")
LANE_SHIFT = UNSETTLED.LANE_SHIFT
SHIFT = UNSETTLED.SHIFT


def _same_connections(scene: MapScene, fresh: MapScene, history: list[str]) -> None:
    ours = {g.key: g for g in scene._graphics.values() if g.kind == "connection"}
    theirs = {g.key: g for g in fresh._graphics.values() if g.kind == "connection"}
    assert ours.keys() == theirs.keys(), history
    for key, graphic in ours.items():
        other = theirs[key]
        assert graphic.layout_item == other.layout_item, (history, key)
        assert graphic.layout_item.primitives == other.layout_item.primitives, (history, key)
        assert graphic.sceneBoundingRect() == other.sceneBoundingRect(), (history, key)
        assert graphic.zValue() == other.zValue(), (history, key)
        line = graphic.layout_item.primitives[0]
        assert isinstance(line, Line)
        for x, y in (line.points[0], line.points[-1]):
            assert graphic in scene.items(QPointF(x, y)), (history, key)


def _edits(doc: Document, jmap: JourneyMap, seed: object, edits: int) -> tuple[int, int]:
    """``edits`` line edits redrawn with the window's hint, the layout never
    read; every third one compared with a fresh scene. Returns how many
    connection items held an Item not yet drawn after a redraw, and how many
    comparisons were made."""
    rng = random.Random(seed)
    scene = MapScene()
    hints = Hints(doc, jmap)
    history: list[str] = []
    lazy = [0]

    def redraw(change: object) -> None:
        scene.show_map(doc.project, jmap, hint=hints.after(change))
        lazy[0] += sum(
            1 for g in scene._graphics.values() if g.kind == "connection" and not g._item.made
        )

    redraw(None)
    doc.changed.connect(redraw)
    compared = 0
    try:
        for n in range(edits):
            history.append(UNSETTLED._line_edit(doc, jmap, rng))
            if n % 3 == 2 or n == edits - 1:
                fresh = MapScene()
                fresh.show_map(doc.project, jmap)
                assert LANE_SHIFT._picture(scene) == LANE_SHIFT._picture(fresh), history
                _same_connections(scene, fresh, history)
                compared += 1
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
    return lazy[0], compared


@pytest.mark.parametrize("shape", ["current", "dense", "wide"])
def test_a_scene_with_connections_moved_shows_a_fresh_one(
    qapp: object, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    # (no pixmap cache of the cards: test_scene_unsettled.py says why)
    monkeypatch.setattr(items, "_DEVICE_CACHE", QGraphicsItem.CacheMode.NoCache)
    doc, jmap = SHIFT.shape_project(shape, 160 if shape != "wide" else 120)
    add_near_connections(jmap, random.Random(f"scene-{shape}"), 50)
    lazy, compared = _edits(doc, jmap, f"{shape}-conn", 9)
    assert lazy > 10 and compared >= 3, (lazy, compared)


def test_the_samples_scene_with_connections_moved_shows_a_fresh_one(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(items, "_DEVICE_CACHE", QGraphicsItem.CacheMode.NoCache)
    lazy = 0
    for seed in range(2):
        doc, jmap = SHIFT.incremental_module().make_project(seed)
        add_near_connections(jmap, random.Random(seed), 16)
        lazy += _edits(doc, jmap, seed, 6)[0]
    assert lazy > 0, lazy
