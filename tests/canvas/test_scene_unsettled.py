"""The canvas after edits that add lines, its layout's moved cards left
unsettled (layout/unsettled.py): nothing reads the layout's ``items`` between
the edits, as in the app, where only the cards painted ask for their Items.
The pixels must be those of a fresh scene after every few edits, the items
those of a fresh layout at the end, and the scene settles its layout by itself
once the edits stop (``MapScene._settle``).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load
from PySide6.QtWidgets import QGraphicsItem

from journeydesk.canvas import items
from journeydesk.canvas import scene as scene_module
from journeydesk.canvas.scene import MapScene
from journeydesk.document.document import Document
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import Rect
from journeydesk.model.project import JourneyMap

_HERE = Path(__file__).parent
LANE_SHIFT = load(_HERE / "test_scene_lane_shift.py", "scene_lane_shift_for_unsettled")
SHIFT = LANE_SHIFT.SHIFT_TESTS


def _line_edit(doc: Document, jmap: JourneyMap, rng: random.Random) -> str:
    """A title or body adding or removing lines on the lowest card of an upper
    lane, or an undo or redo (no edit of the lanes themselves: a lane moved to
    another place is drawn a pixel apart where two lanes meet, an old
    difference of the order Qt paints lanes of equal z in). The card is picked
    from a layout of its own: the scene's is not read."""
    if rng.random() < 0.2 and doc.undo_stack.canUndo():
        doc.undo_stack.undo()
        return "undo"
    if rng.random() < 0.1 and doc.undo_stack.canRedo():
        doc.undo_stack.redo()
        return "redo"
    boxes = {i.element: i.bounds for i in MapLayouter().layout(doc.project, jmap).items}
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    lane = rng.choice(lanes[: max(1, len(lanes) // 2)])
    placed = [c for c in jmap.cards if c.lane == lane and c.id in boxes and c.span_lanes == 1]
    card = max(placed, key=lambda c: boxes[c.id].bottom)
    if rng.random() < 0.7:
        SHIFT.verbs.edit_card_title(doc, card, rng.choice([SHIFT.LONG * 3, "Short", SHIFT.LONG]))
        return f"title {card.id}"
    SHIFT.verbs.set_field(doc, card.id, "body", rng.choice(["", SHIFT.LONG * 3]))
    return f"body {card.id}"


def _grow_first_lane(
    scene: MapScene, doc: Document, jmap: JourneyMap, hints: Hints
) -> dict[str | None, Rect]:
    """A title adding lines to the lowest card of the first lane, redrawn
    with the window's hint; the boxes of a fresh layout before it."""
    changes: list[object] = []
    doc.changed.connect(changes.append)
    fresh = MapLayouter().layout(doc.project, jmap)
    first = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    boxes = {i.element: i.bounds for i in fresh.items}
    lowest = max(
        (c for c in jmap.cards if c.lane == first and c.span_lanes == 1),
        key=lambda c: boxes[c.id].bottom,
    )
    SHIFT.verbs.edit_card_title(doc, lowest, SHIFT.LONG * 3)
    doc.changed.disconnect(changes.append)
    scene.show_map(doc.project, jmap, hint=hints.after(changes[-1]))
    return boxes


@pytest.mark.parametrize("shape", ["current", "dense", "wide"])
def test_a_scene_left_unsettled_between_edits_shows_a_fresh_one(
    qapp: object, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    # (no pixmap cache of the cards: a card painted, then moved by a fraction
    # of a pixel with its lane, is blitted from its cached pixmap, its text a
    # shade apart from a fresh drawing's)
    monkeypatch.setattr(items, "_DEVICE_CACHE", QGraphicsItem.CacheMode.NoCache)
    doc, jmap = SHIFT.shape_project(shape, 160)
    rng = random.Random(f"{shape}-unsettled")
    scene = MapScene()
    hints = Hints(doc, jmap)
    history: list[str] = []
    unsettled = [0]

    def redraw(change: object) -> None:
        scene.show_map(doc.project, jmap, hint=hints.after(change))
        assert scene.layout is not None
        unsettled[0] += scene.layout.unsettled is not None

    redraw(None)
    doc.changed.connect(redraw)
    compared = 0
    try:
        for n in range(12):
            history.append(_line_edit(doc, jmap, rng))
            if n % 4 == 3:
                fresh = MapScene()
                fresh.show_map(doc.project, jmap)
                assert scene.layout is not None
                was = scene.layout.unsettled
                assert LANE_SHIFT._picture(scene) == LANE_SHIFT._picture(fresh), history
                compared += was is not None and scene.layout.unsettled is not None
    finally:
        doc.changed.disconnect(redraw)
    assert unsettled[0] >= 5 and compared >= 1, (unsettled, compared)
    LANE_SHIFT._check(scene, doc, jmap, history)
    assert scene.layout is not None
    fresh_layout = MapLayouter().layout(doc.project, jmap)
    SHIFT.incremental_module().assert_same(scene.layout, fresh_layout, history)  # (read: settled)
    assert scene.layout.unsettled is None
    doc.undo_stack.clear()


def test_the_scene_settles_its_layout_when_edits_stop(
    qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scene_module, "SETTLE_AFTER_MS", 50)
    doc, jmap = SHIFT.shape_project("current", 200)
    scene = MapScene()
    hints = Hints(doc, jmap)
    scene.show_map(doc.project, jmap, hint=hints.after(None))
    _grow_first_lane(scene, doc, jmap, hints)
    layout = scene.layout
    assert layout is not None and layout.unsettled is not None
    qtbot.waitUntil(lambda: layout.unsettled is None, timeout=5000)  # type: ignore[attr-defined]
    SHIFT.incremental_module().assert_same(
        layout, MapLayouter().layout(doc.project, jmap), ["settled when idle"]
    )
    doc.undo_stack.clear()


def test_stale_badges_after_an_edit_adding_a_line_leave_the_layout_unsettled(
    qapp: object,
) -> None:
    """The stale badges (the Decide dock's overlay, redrawn after every edit)
    sit on the fresh layout's boxes of their cards below the edit, and only
    those cards are put in place (canvas/overlays.py ``_badges``)."""
    import datetime as dt

    from journeydesk.model.decide import stale_items
    from journeydesk.model.project import Evidence, Source

    doc, jmap = SHIFT.shape_project("current", 200)
    old = Source(title="Old study", date=dt.date(2020, 1, 1))
    doc.project.sources.append(old)
    first = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    stale = [c for c in jmap.cards if c.lane != first][::9]
    for card in stale:
        card.evidence.append(Evidence(source=old.id))
    scene = MapScene()
    scene.overlays.stale_badges = True
    scene.overlays.today = lambda: dt.date(2027, 1, 1)
    hints = Hints(doc, jmap)
    scene.show_map(doc.project, jmap, hint=hints.after(None))
    boxes = _grow_first_lane(scene, doc, jmap, hints)
    assert scene.layout is not None and scene.layout.unsettled is not None  # (not read whole)
    now = {i.element: i.bounds for i in MapLayouter().layout(doc.project, jmap).items}
    cards = {c.id for c in jmap.cards}
    badges = {b.data(1): b.rect() for b in scene.overlays.of_kind("stale") if b.data(1) in cards}
    found = stale_items(doc.project, scene.overlays.stale_after_days, dt.date(2027, 1, 1))
    assert set(badges) == {s.target_id for s in found if s.target_id in cards} >= {
        c.id for c in stale
    }
    moved = 0
    for card_id, rect in badges.items():
        b = now[card_id]
        assert (rect.x(), rect.y()) == (b.right - 7, b.y - 5)
        moved += b.y != boxes[card_id].y
    assert moved > 5
    doc.undo_stack.clear()
