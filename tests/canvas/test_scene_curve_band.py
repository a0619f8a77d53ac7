"""The canvas's curve lanes in bands (canvas/scene.py, layout/curvelane.py): a
curve lane that only moved moves its two bands (its lines', its points'), its
items keep their Items until painted or asked for, and the scene's update
passes over them. After random edits that move the lane, change its curves,
or undo, with nothing reading the layout's items (as in the app), the scene
must show the pixels of a fresh scene (the whole map, and the curve lane at
full size), each item must answer the fresh layout's Item, be where a fresh
scene has it and be found there by a hit test; a dragged point still sets
its score.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from journeydesk.canvas import items
from journeydesk.canvas.items import Band, ElementItem
from journeydesk.canvas.scene import MapScene
from journeydesk.document import verbs_structure
from journeydesk.document.document import Document
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.theme import Z_CURVE, Z_CURVE_POINT
from journeydesk.model.project import JourneyMap

_HERE = Path(__file__).parent
LANE_SHIFT = load(_HERE / "test_scene_lane_shift.py", "scene_lane_shift_for_curve_band")
MOVED = load(_HERE.parent / "layout" / "test_curve_lane_moved.py", "curve_lane_moved_for_band")
UNSETTLED = load(_HERE / "test_scene_unsettled.py", "scene_unsettled_for_curve_band")
SHIFT = LANE_SHIFT.SHIFT_TESTS
CURVE_KINDS = ("curve", "curve_point")


def _lane_picture(scene: MapScene, lane: QRectF) -> QImage:
    """The curve lane's left part (2,000 pt at most) at full size."""
    w = min(lane.width(), 2000.0)
    image = QImage(int(w), int(lane.height()) + 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    area = QRectF(lane.x(), lane.y(), w, lane.height())
    scene.render(painter, QRectF(0, 0, w, lane.height()), area)
    painter.end()
    return image


def _compare(scene: MapScene, doc: Document, jmap: JourneyMap, history: list[str]) -> None:
    fresh = MapScene()
    fresh.show_map(doc.project, jmap)
    assert fresh.layout is not None
    assert LANE_SHIFT._picture(scene) == LANE_SHIFT._picture(fresh), history
    for item in fresh.layout.items:
        if item.kind == "lane" and any(c.lane == item.element for c in jmap.curves):
            b = item.bounds
            lane = QRectF(b.x, b.y, b.w, b.h)
            assert _lane_picture(scene, lane) == _lane_picture(fresh, lane), history
    shown = {g.key: g for g in scene.items() if isinstance(g, ElementItem)}
    points = 0
    for graphic in fresh.items():
        if not isinstance(graphic, ElementItem) or graphic.kind not in CURVE_KINDS:
            continue
        mine = shown[graphic.key]
        assert mine.layout_item == graphic.layout_item, history
        assert mine.sceneBoundingRect() == graphic.sceneBoundingRect(), history
        assert isinstance(mine.parentItem(), Band), history
        assert mine.parentItem().zValue() == graphic.zValue(), history  # type: ignore[union-attr]
        if graphic.kind == "curve_point" and points < 40:
            points += 1
            b = graphic.layout_item.bounds
            assert mine in scene.items(QPointF(b.x + b.w / 2, b.y + b.h / 2)), history


def _edit(doc: Document, jmap: JourneyMap, rng: random.Random) -> str:
    """A title or body adding or removing lines above the curve lane, an undo
    or redo (test_scene_unsettled.py ``_line_edit``), or a point given another
    score (the lane drawn anew). No edit that changes the order of the map's
    items of equal z (a point moved to another step, a card to another lane):
    the scene keeps its items' order where a fresh one follows the layout's, and
    main's scene shows such an edit a few pixels apart from a fresh one too."""
    points = [p for c in jmap.curves for p in c.points]
    if points and rng.random() < 0.25:
        point = rng.choice(points)
        score = rng.choice([s for s in (-2, -1, 0, 1, 2) if s != point.score])
        verbs_structure.move_point(doc, point.id, point.step, point.offset, score)
        return f"point {point.id} {score}"
    if rng.random() < 0.25:
        return str(UNSETTLED._line_edit(doc, jmap, rng))
    # the lowest card of a lane above the curve lane: its title a line more or less
    boxes = {i.element: i.bounds for i in MapLayouter().layout(doc.project, jmap).items}
    order = [lane.id for lane in jmap.lanes]
    curve_at = min(order.index(c.lane or "") for c in jmap.curves if c.lane in order)
    lane = rng.choice([lane.id for lane in jmap.lanes[:curve_at] if lane.display == "cards"])
    placed = [c for c in jmap.cards if c.lane == lane and c.id in boxes and c.span_lanes == 1]
    card = max(placed, key=lambda c: boxes[c.id].bottom)
    title = SHIFT.LONG * 3 if len(card.title) < len(SHIFT.LONG * 2) else "Short"
    SHIFT.verbs.edit_card_title(doc, card, title)
    return f"title {card.id} {len(title)}"


def _edits(doc: Document, jmap: JourneyMap, seed: str, edits: int) -> int:
    """Random edits (``_edit``) redrawn with the window's hint, the scene
    compared with a fresh one every few; returns how many redraws passed over
    a moved curve lane."""
    rng = random.Random(seed)
    scene = MapScene()
    hints = Hints(doc, jmap)
    history: list[str] = []
    passed = [0]

    def redraw(change: object) -> None:
        bands = {k: b.top for k, b in scene._bands.items() if k[1] == -1}
        scene.show_map(doc.project, jmap, hint=hints.after(change))
        moved = [k for k, b in scene._bands.items() if k[1] == -1 and bands.get(k, b.top) != b.top]
        passed[0] += bool(moved and scene.layouter.kept_curves)

    redraw(None)
    doc.changed.connect(redraw)
    try:
        for n in range(edits):
            history.append(_edit(doc, jmap, rng))
            if n % 4 == 3:
                _compare(scene, doc, jmap, history)
    finally:
        doc.changed.disconnect(redraw)
    _compare(scene, doc, jmap, history)
    LANE_SHIFT._check(scene, doc, jmap, history)
    doc.undo_stack.clear()
    return passed[0]


@pytest.fixture(autouse=True)
def _no_card_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # (a card painted, then moved by a fraction of a pixel with its lane, is
    # blitted from its cached pixmap: test_scene_unsettled.py)
    monkeypatch.setattr(items, "_DEVICE_CACHE", QGraphicsItem.CacheMode.NoCache)


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_a_moved_curve_lane_shows_what_a_fresh_scene_shows(qapp: object, shape: str) -> None:
    doc, jmap = SHIFT.shape_project(shape, 120)
    assert _edits(doc, jmap, f"{shape}-curve-band", 12 if shape == "wide" else 16) >= 4


def test_the_samples_moved_curve_lanes_show_what_a_fresh_scene_shows(qapp: object) -> None:
    passed = 0
    for seed in range(2):
        doc, jmap = MOVED.INC.make_project(seed)
        passed += _edits(doc, jmap, f"sample-{seed}", 12)
    assert passed >= 3


def test_a_curve_lanes_bands_hold_its_lines_and_points(qapp: object) -> None:
    doc, jmap = SHIFT.shape_project("current", 80)
    scene = MapScene()
    scene.show_map(doc.project, jmap)
    lane = next(lane.id for lane in jmap.lanes if lane.display == "curve")
    lines = scene._bands[(lane, -1, int(Z_CURVE))]
    points = scene._bands[(lane, -1, int(Z_CURVE_POINT))]
    kinds = [{getattr(c, "kind", None) for c in band.childItems()} for band in (lines, points)]
    assert kinds == [{"curve"}, {"curve_point"}]
    assert lines.count == len(jmap.curves)
    assert points.count == sum(len(c.points) for c in jmap.curves)
    doc.undo_stack.clear()


GESTURES = load(_HERE / "test_gestures.py", "gestures_for_curve_band")
window = GESTURES.window


def test_a_point_of_a_moved_curve_lane_is_dragged_to_its_score(window: object) -> None:
    """A title adding lines above the curve lane moves it (its bands); its
    point is then dragged to the top of the lane: the highest score."""
    project = window.project  # type: ignore[attr-defined]
    jmap = project.maps[0]
    scene = window.scene  # type: ignore[attr-defined]
    curve = next(c for c in jmap.curves if c.points)
    point = curve.points[0]
    graphic = next(i for i in scene.element_items(point.id) if i.kind == "curve_point")
    band = graphic.parentItem()
    assert isinstance(band, Band)
    top = band.top
    lanes = [lane.id for lane in jmap.lanes]
    lane_id = curve.lane or next(lane.id for lane in jmap.lanes if lane.display == "curve")
    above = [c for c in jmap.cards if lanes.index(c.lane) < lanes.index(lane_id)]
    SHIFT.verbs.edit_card_title(window.document, above[0], SHIFT.LONG * 4)  # type: ignore[attr-defined]
    assert band.top > top and scene.layouter.kept_curves  # (moved, passed over)
    b = graphic.layout_item.bounds
    start = QPointF(b.x + b.w / 2, b.y + b.h / 2)
    assert graphic in scene.items(start)
    lane = next(i for i in scene.element_items(lane_id) if i.kind == "lane").layout_item.bounds
    GESTURES._drag(window, start, QPointF(start.x(), lane.y + 15))
    assert point.score == curve.scale.max
