"""Routes moved with their lanes, exactly (issue #14: an edit that adds a line
to a card moves every lane below it, and their connections were routed again).

The heights that sum into lanes' tops and cards' boxes are on a 1/64 pt grid
(``stack.up``), so after such an edit every lane below moves by one exact dy
and every box there is exactly its old one + dy; the router then takes a
searched route whose region moved by that dy, obstacles and all, as its old
route + dy (``routing.Router._shifts``) instead of searching again. Here: the
one dy after random line edits on the three shapes, the shifted routes against
a fresh router's (layout level and router level), and a shift refused where one
obstacle in the region did not move.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load
from near_connections import add_near_connections

from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.layout import routing
from journeydesk.layout.engine import MapLayouter, layout_map
from journeydesk.layout.primitives import MapLayout, Rect
from journeydesk.layout.stack import GRID, up

_HERE = Path(__file__).parent


SHIFT = load(_HERE / "test_lane_shift.py", "lane_shift_for_routes")


def _on_grid(value: float) -> bool:
    return (value * GRID).is_integer()


def test_up_is_exact_and_keeps_values_on_the_grid() -> None:
    for value in (0.0, 1.0, 30.0, 10.98, 5 + 3 * 9 * 1.22, 1e6 + 1 / 3, 2.0**-7):
        q = up(value)
        assert q >= value and q - value < 1 / GRID and _on_grid(q)
        assert up(q) == q
    assert up(float("inf")) == float("inf") and math.isnan(up(float("nan")))


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_the_lanes_below_an_edit_move_by_one_exact_dy(shape: str) -> None:
    """After each random title or body edit (and undo, redo) every card of
    another lane that moved without changing size moved by the same dy, each
    box exactly its old one + dy, and every lane and card box is on the grid
    (the heights and tops: ``stack.up``)."""
    doc, jmap = SHIFT.shape_project(shape, 200)
    rng = random.Random(f"dy-{shape}")
    before = layout_map(doc.project, jmap)
    moved_lanes = 0
    for _ in range(14):
        what = SHIFT.line_edit(doc, jmap, rng, before)
        after = layout_map(doc.project, jmap)
        old = {(i.kind, i.element): i.bounds for i in before.items}
        edited = what.split()[1] if what.split()[0] in ("title", "body") else None
        lane_of = {c.id: c.lane for c in jmap.cards}
        for item in after.items:
            if item.kind in ("card", "lane"):
                assert _on_grid(item.bounds.y) and _on_grid(item.bounds.h), (what, item)
        if edited is None:  # (moves, spans, structural edits: not one lane grown)
            before = after
            continue
        dys = set()
        for item in after.items:
            b = item.bounds
            a = old.get((item.kind, item.element))
            if a is None or a.y == b.y or item.kind not in ("card", "lane"):
                continue
            if item.kind == "lane" or (
                lane_of[item.element] != lane_of[edited] and (a.x, a.w, a.h) == (b.x, b.w, b.h)
            ):
                dys.add(b.y - a.y)
                assert a.y + (b.y - a.y) == b.y and b.y - (b.y - a.y) == a.y
        assert len(dys) <= 1, (what, sorted(dys))
        moved_lanes += bool(dys)
        before = after
    doc.undo_stack.clear()
    assert moved_lanes >= 3


@pytest.mark.parametrize("shape", ["current", "dense"])
def test_routes_shifted_with_their_lanes_equal_a_fresh_layout(shape: str) -> None:
    """Random line edits (most on the lowest card of an upper lane), undo and
    redo, on maps with many short connections: every hinted layout equals a
    fresh one item for item (``run_line_edits``), and routes were shifted."""
    doc, jmap = SHIFT.shape_project(shape, 160)
    add_near_connections(jmap, random.Random(shape), 70)
    layouter = SHIFT.run_line_edits(doc, jmap, 7, 12)
    router = layouter._router
    assert router.shifted + router.zoned > 5, (router.shifted, router.zoned)
    assert router.zoned > 20, router.zoned  # (the layout's zone: routing.Router._zoned)


def _grid_box(rng: random.Random, cols: int) -> Rect:
    col = rng.randrange(cols)
    span = rng.choice([1, 1, 1, 2])
    y, h = rng.randrange(0, 3000 * 64) / 64, rng.randrange(30 * 64, 90 * 64) / 64
    return Rect(col * 150.0 + 5, y, span * 150.0 - 10, h)


def test_a_router_shifts_routes_only_where_their_region_moved_by_one_dy() -> None:
    """A kept router fed obstacles of which those below a cut moved by one dy
    (on the grid), now and then one of them moved otherwise, resized, or left
    where it was, or keys gone and new: each call's routes equal a fresh
    router's, and routes were shifted."""
    gap, pad, column = 10.0, 9.0, 150.0
    shifted = 0
    for seed in range(12):
        rng = random.Random(seed)
        obstacles: dict[object, Rect] = {f"c{k}": _grid_box(rng, 6) for k in range(120)}
        keys = list(obstacles)
        ends = []
        for _ in range(60):
            a = rng.choice(keys)
            ra = obstacles[a]
            near = [k for k in keys if k != a and abs(obstacles[k].x - ra.x) < 320]
            near = [k for k in near if abs(obstacles[k].y - ra.y) < 500] or keys
            ends.append((a, rng.choice(near)))
        router = routing.Router()
        for _ in range(6):
            pairs = [(obstacles[a], obstacles[b]) for a, b in ends]
            got = router.route_all(pairs, obstacles, gap, pad, column, (), ends)
            assert got == routing.Router().route_all(pairs, obstacles, gap, pad, column)
            cut = rng.uniform(0, 1500)
            dy = rng.choice([1, -1]) * rng.randrange(1, 60 * 64) / 64
            now = {
                k: (Rect(r.x, r.y + dy, r.w, r.h) if r.y > cut else r) for k, r in obstacles.items()
            }
            odd = rng.choice(keys)
            what = rng.randrange(5)
            if what == 0:
                now[odd] = obstacles[odd]  # (not moved)
            elif what == 1:
                r = now[odd]
                now[odd] = Rect(r.x, r.y + 1 / 64, r.w, r.h)
            elif what == 2:
                r = now[odd]
                now[odd] = Rect(r.x, r.y, r.w, r.h + 7)
            elif what == 3:
                gone = now.pop(odd)
                now["new"] = gone
                ends = [(a if a != odd else "new", b if b != odd else "new") for a, b in ends]
            obstacles = now
        pairs = [(obstacles[a], obstacles[b]) for a, b in ends]
        got = router.route_all(pairs, obstacles, gap, pad, column, (), ends)
        assert got == routing.Router().route_all(pairs, obstacles, gap, pad, column)
        shifted += router.shifted
    assert shifted > 20


def _blocked_pair() -> tuple[dict[object, Rect], list[tuple[object, object]]]:
    """Two cards two columns apart on one row with a card between them (the
    route is searched around it), and cards below."""
    obstacles: dict[object, Rect] = {
        "a": Rect(5.0, 400.0, 140.0, 40.0),
        "b": Rect(305.0, 400.0, 140.0, 40.0),
        "wall": Rect(145.0, 380.0, 160.0, 80.0),
    }
    for k in range(12):
        obstacles[f"below{k}"] = Rect(5.0 + 150 * (k % 4), 700.0 + 60 * k, 140.0, 40.0)
    return obstacles, [("a", "b")]


@pytest.mark.parametrize("left", ["wall", "below0"])
def test_no_shift_where_one_obstacle_in_the_region_did_not_move(left: str) -> None:
    """Everything moved down by 250 pt but one card: the wall between the two
    ends (then the straight route is clear), or a card below that the moved
    region now reaches (then the old route would cross it). The route is
    found again, not shifted, and equals a fresh router's; with every card
    moved it is shifted."""
    gap, pad, column = 10.0, 9.0, 150.0
    for everything in (False, True):
        obstacles, ends = _blocked_pair()
        if left == "below0":
            obstacles["below0"] = Rect(150.0, 650.0, 160.0, 80.0)
        router = routing.Router()
        pairs = [(obstacles[a], obstacles[b]) for a, b in ends]
        first = router.route_all(pairs, obstacles, gap, pad, column, (), ends)
        assert first[0] != routing.plain_route(*pairs[0], gap, pad)  # (searched)
        dy = 250.0
        now = {k: Rect(r.x, r.y + dy, r.w, r.h) for k, r in obstacles.items()}
        if not everything:
            now[left] = obstacles[left]
        pairs = [(now[a], now[b]) for a, b in ends]
        got = router.route_all(pairs, now, gap, pad, column, (), ends)
        assert got == routing.Router().route_all(pairs, now, gap, pad, column)
        assert router.shifted == everything
        if everything:
            assert got[0] == [(x, y + dy) for x, y in first[0]]
        else:
            assert got[0] != [(x, y + dy) for x, y in first[0]]


def test_the_bench_edit_shifts_routes_at_scale() -> None:
    """A 3,000-card ``current`` map, the lowest card of the first lane given a
    line more through the window's hint: the routes equal a fresh layout's,
    and the searched ones among the moved cards were shifted."""
    from bench_shapes import make_shape

    project = make_shape("current", 3000)
    jmap = project.maps[0]
    add_near_connections(jmap, random.Random(3), 120)
    doc = Document(project, None)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    shown: list[MapLayout] = [layouter.layout(project, jmap, None, hints.after(None))]
    doc.changed.connect(
        lambda change: shown.append(layouter.layout(project, jmap, None, hints.after(change)))
    )
    boxes = {i.element: i.bounds for i in shown[0].items if i.kind == "card"}
    first = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    lowest = max(
        (c for c in jmap.cards if c.lane == first and c.span_lanes == 1),
        key=lambda c: boxes[c.id].bottom,
    )
    for title in (SHIFT.LONG * 3, "Short", SHIFT.LONG * 2):
        verbs.edit_card_title(doc, lowest, title)
        fresh = MapLayouter().layout(project, jmap)
        got = [i for i in shown[-1].items if i.kind == "connection"]
        want = [i for i in fresh.items if i.kind == "connection"]
        assert got == want
        assert [i.primitives for i in got] == [i.primitives for i in want]
    router = layouter._router
    assert router.shifted + router.zoned > 10 and router.zoned > 100, (router.shifted, router.zoned)
    doc.undo_stack.clear()
