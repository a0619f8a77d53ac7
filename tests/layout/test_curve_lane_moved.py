"""A curve lane that only moved makes its Items when they are first read
(layout/curvelane.py): the layout's slots hold the last Items until then, a
curve or point asked for alone (the canvas paints a few) is the one the whole
list gets, and the router's marks are made from the plans without an Item.
Every layout must equal a fresh one whenever it is read, the marks must be
the fresh Items' ``emotion_marks``, value for value and in order, after random
edits that move the lane (lines added above it), change its curves, or undo.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load

from journeydesk.document import verbs_structure
from journeydesk.document.document import Document
from journeydesk.layout.connections import emotion_marks
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import Item, MapLayout
from journeydesk.model.project import JourneyMap

_HERE = Path(__file__).parent
SHIFT = load(_HERE / "test_lane_shift.py", "lane_shift_for_curve_lanes")
INC = SHIFT.incremental_module()


def curve_edit(doc: Document, jmap: JourneyMap, rng: random.Random) -> str:
    """A line edit above the curve lane (test_lane_shift.py ``line_edit``), or
    now and then a point moved to another score or step (the lane drawn anew)."""
    points = [p for c in jmap.curves for p in c.points]
    if points and rng.random() < 0.15:
        point = rng.choice(points)
        step = point.step if rng.random() < 0.5 else rng.choice(jmap.steps()).id
        score = rng.choice([-2, -1, 0, 1, 2])
        verbs_structure.move_point(doc, point.id, step, rng.random(), score)
        return f"point {point.id} {score}"
    return str(SHIFT.line_edit(doc, jmap, rng))


def _curve_items(layout: MapLayout) -> dict[str | None, Item]:
    return {i.element: i for i in layout.items if i.kind in ("curve", "curve_point")}


def _only_moved(before: list[Item], now: list[Item], history: list[str]) -> None:
    """``now`` are ``before`` moved by one dy (the same drawings, moved)."""
    assert [(i.kind, i.element) for i in before] == [(i.kind, i.element) for i in now], history
    dy = {round(b.bounds.y - a.bounds.y, 6) for a, b in zip(before, now, strict=True)}
    assert len(dy) == 1, history
    for a, b in zip(before, now, strict=True):
        assert (a.bounds.x, a.bounds.w, a.bounds.h) == (b.bounds.x, b.bounds.w, b.bounds.h), history


def _edits(doc: Document, jmap: JourneyMap, seed: int, edits: int) -> tuple[int, int]:
    """``edits`` random edits (``curve_edit``) redrawn with the window's hint;
    after each, now and then, a few curves and points asked for alone, the
    marks, and the layout compared with a fresh one; older layouts kept unread
    and compared later. Returns how many layouts left the curve lane's Items
    unmade, and how many of those were read while a newer one existed."""
    rng = random.Random(seed)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    history: list[str] = []
    held: list[tuple[MapLayout, MapLayout, list[str]]] = []
    pending = [0, 0]
    unmade: set[int] = set()  # (layouts whose curve lanes' Items were not made)
    last: list[MapLayout] = []

    def redraw(change: object) -> None:
        layout = layouter.layout(doc.project, jmap, INC.OPTIONS[0], hints.after(change))
        lanes = layouter._curve_lanes._last.values()
        if any(drawn.stale is not None for _placed, _plans, drawn in lanes):
            pending[0] += 1
            unmade.add(id(layout))
        fresh = MapLayouter(layouter.theme).layout(doc.project, jmap, INC.OPTIONS[0])
        if last:  # the lanes said kept (the canvas passes over them) only moved
            for start, end, _lane in layouter.kept_curves:
                _only_moved(last[0].items[start:end], fresh.items[start:end], history)
        last[:] = [fresh]
        # the marks, made from the plans (no Item read), as the fresh Items give them
        marks = layouter._curve_lanes.marks(last=True)
        assert marks == emotion_marks(fresh.items), history
        if rng.random() < 0.5:
            by_id = _curve_items(fresh)
            for element in rng.sample(sorted(by_id, key=str), min(6, len(by_id))):
                item = layouter.curve_item(element or "")
                assert item == by_id[element] and item.primitives == by_id[element].primitives
                assert item is layouter.curve_item(element or ""), history  # (made once)
        if rng.random() < 0.4:
            INC.assert_same(layout, fresh, [*history, "read now"])
        else:
            held.append((layout, fresh, list(history)))

    redraw(None)
    doc.changed.connect(redraw)
    try:
        for _ in range(edits):
            history.append(curve_edit(doc, jmap, rng))
            if held and rng.random() < 0.3:  # an older layout read after newer ones
                layout, fresh, then = held.pop(0)
                pending[1] += id(layout) in unmade and layout.unsettled is not None
                INC.assert_same(layout, fresh, [*then, "read later", *history])
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
    for layout, fresh, then in held:
        pending[1] += id(layout) in unmade and layout.unsettled is not None
        INC.assert_same(layout, fresh, [*then, "read at the end"])
    return pending[0], pending[1]


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_curve_lanes_read_now_and_then_equal_fresh_ones(shape: str) -> None:
    doc, jmap = SHIFT.shape_project(shape, 150)
    pending, read_late = _edits(doc, jmap, len(shape), 20)
    assert pending >= 5 and read_late >= 2, (pending, read_late)


def test_the_samples_curve_lanes_read_now_and_then_equal_fresh_ones() -> None:
    pending = 0
    for seed in range(3):
        doc, jmap = INC.make_project(seed)
        pending += _edits(doc, jmap, seed, 12)[0]
    assert pending >= 3


def test_a_moved_curve_lane_makes_no_item_until_read() -> None:
    """A title adding lines above the curve lane of ``wide``: the lane's slots
    hold the last layout's Items (no Item made for its 1,800 points), the
    router had its marks without them, and the first read makes each once."""
    doc, jmap = SHIFT.shape_project("wide", 150)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    first = layouter.layout(doc.project, jmap, None, hints.after(None))
    before = {id(i) for i in first.items if i.kind in ("curve", "curve_point")}
    assert len(before) > 1800
    card = SHIFT.lowest_of_first_lane(jmap, {i.element: i.bounds for i in first.items})
    after = layouter.layout(doc.project, jmap, None, hints.after(SHIFT.retitle(doc, card)))
    kept = layouter.kept_curves
    assert len(kept) == 1 and kept[0][1] - kept[0][0] == len(before)
    slots = after.peek_items()[kept[0][0] : kept[0][1]]
    assert {id(i) for i in slots} == before  # (the last Items, not read)
    drawn = next(iter(layouter._curve_lanes._last.values()))[2]
    assert drawn.stale is not None and drawn._items == [None] * len(before)
    fresh = MapLayouter().layout(doc.project, jmap)
    assert layouter._curve_lanes.marks(last=True) == emotion_marks(fresh.items)
    assert drawn._items == [None] * len(before)  # (the marks made none)
    items = after.items  # (read: made)
    assert after.unsettled is None and drawn.stale is None
    made = items[kept[0][0] : kept[0][1]]
    assert not {id(i) for i in made} & before
    assert made == [i for i in fresh.items if i.kind in ("curve", "curve_point")]
    INC.assert_same(after, fresh, ["grown"])
    doc.undo_stack.clear()
