"""Routes moved by what the layout says moved (issue #14, ``zones.Zone``).

An edit that adds a line to a card moves every lane below it by one exact dy;
the layout tells the router so (the zone: every card box at or below B is its
last box + dy, but for the exceptions, the cards spanning lanes) and the router
takes the last routes of the cards there + dy without looking at their region's
boxes (``routing.Router._zoned``). Here: a kept router fed random "lanes" and
edits of one lane with an honest zone against a fresh router; the same with a
zone that lies (an exception left out, a wrong top) caught by that comparison;
and the layouter's zone after random line edits on the three shapes, every
layout equal to a fresh one, the zone's path taken.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest
from modules import load
from near_connections import add_near_connections

from journeydesk.layout import routing
from journeydesk.layout.primitives import Rect
from journeydesk.layout.zones import Zone

_HERE = Path(__file__).parent
SHIFT = load(_HERE / "test_lane_shift.py", "lane_shift_for_zones")

GAP, PAD, COLUMN = 10.0, 9.0, 150.0
COLS = 13


def _grid(rng: random.Random, lo: float, hi: float) -> float:
    return rng.randrange(int(lo * 64), int(hi * 64) + 1) / 64


class _Map:
    """Lanes of cards stacked in columns (a lane's cards inside it), a few
    cards spanning into the lanes below (stretched), and marks (``more``)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.heights = [_grid(rng, 150, 500) for _ in range(5)]
        self.cards: dict[str, Rect] = {}
        self.lane_of: dict[str, int] = {}
        self.spanning: set[str] = set()
        self.more: list[Rect] = [
            Rect(_grid(rng, 0, COLS * COLUMN), _grid(rng, 0, 1500), 8.0, 8.0) for _ in range(6)
        ]
        self.n = 0
        for lane in range(5):
            self.fill(lane)

    def top(self, lane: int) -> float:
        return sum(self.heights[:lane])

    def fill(self, lane: int) -> None:
        """New cards in ``lane`` (its old ones gone), inside its height."""
        for key in [k for k, n in self.lane_of.items() if n == lane]:
            del self.cards[key], self.lane_of[key]
            self.spanning.discard(key)
        top, h = self.top(lane), self.heights[lane]
        for col in range(COLS):
            y = top + 9
            while True:
                ch = _grid(self.rng, 30, 70)
                if y + ch > top + h - 9:
                    break
                key = f"c{self.n}"
                self.n += 1
                span = 2 if self.rng.random() < 0.1 and col < COLS - 1 else 1
                x = col * COLUMN + 5
                # (a card spanning two steps overlaps its neighbour: fine for a router)
                self.cards[key], self.lane_of[key] = Rect(x, y, span * COLUMN - 10, ch), lane
                y += ch + _grid(self.rng, 6, 40)
        # a card or two spanning lanes: its box stretched into the lanes below
        for key in self.rng.sample([k for k, n in self.lane_of.items() if n == lane], 2):
            self.spanning.add(key)

    def stretched(self) -> dict[str, Rect]:
        out = dict(self.cards)
        for key in sorted(self.spanning):
            r = out[key]
            lane = self.lane_of[key]
            if lane + 1 < 5:
                bottom = self.top(lane + 2) - 9 if self.rng.random() < 0.5 else r.bottom
                out[key] = Rect(r.x, r.y, r.w, max(r.h, bottom - r.y))
        return out

    def edit(self) -> tuple[float, float]:
        """One lane's height and cards changed; the lanes below moved by its
        change (new box objects); returns (B, dy)."""
        lane = self.rng.randrange(4)
        old_height = self.heights[lane]
        self.heights[lane] = _grid(self.rng, 150, 500)
        dy = self.heights[lane] - old_height
        top_below = self.top(lane + 1) - dy  # (B: the old top of the lane below)
        self.fill(lane)
        for key, r in list(self.cards.items()):
            if self.lane_of[key] > lane:
                self.cards[key] = Rect(r.x, r.y + dy, r.w, r.h)
        # the marks: some kept, some moved off the grid, some by dy
        self.more = [
            m
            if self.rng.random() < 0.5
            else Rect(m.x, m.y + (dy if self.rng.random() < 0.5 else dy + 1 / 3), m.w, m.h)
            for m in self.more
        ]
        return top_below, dy

    def pairs(self, n: int) -> list[tuple[str, str]]:
        keys = sorted(self.cards)
        ends = []
        for _ in range(n):
            a = self.rng.choice(keys)
            ra = self.cards[a]
            near = [
                k
                for k in keys
                if k != a
                and abs(self.cards[k].x - ra.x) < 320
                and abs(self.cards[k].y - ra.y) < 600
            ]
            ends.append((a, self.rng.choice(near or keys)))
        # and some far apart (no region: the plain route)
        return ends + [(self.rng.choice(keys), self.rng.choice(keys)) for _ in range(n // 4)]


def _run(seed: int, lie: str = "") -> tuple[int, int]:
    """Six edits of a random map routed by a kept router told the zone (or a
    lie) against a fresh router; returns (zoned, calls that differed)."""
    rng = random.Random(seed)
    world = _Map(rng)
    router = routing.Router()
    differed = 0
    zone = Zone(0, 1)
    ends = world.pairs(40)
    for k in range(7):
        boxes = world.stretched()
        # (the same connections while their cards are there, and new ones)
        ends = [(a, b) for a, b in ends if a in boxes and b in boxes]
        ends += world.pairs(40 - len(ends))
        pairs = [(boxes[a], boxes[b]) for a, b in ends]
        more = list(world.more)
        got = router.route_all(pairs, boxes, GAP, PAD, COLUMN, more, ends, zone)
        want = routing.Router().route_all(pairs, boxes, GAP, PAD, COLUMN, more)
        differed += got != want
        spanning = set(world.spanning)  # (the cards spanning lanes, before and after)
        top, dy = world.edit()
        exceptions = frozenset(spanning | world.spanning)
        if lie == "exception":
            exceptions = frozenset()
        elif lie == "unmoved":  # (a card of the zone left where it was: not its box + dy)
            below = sorted(k for k, r in world.cards.items() if r.y >= top + dy)
            if below:
                key = rng.choice(below)
                r = world.cards[key]
                world.cards[key] = Rect(r.x, r.y - dy, r.w, r.h)
        elif lie == "dy":
            dy += 1 / 64
        zone = Zone(k + 1, k + 2, top, dy, exceptions)
    return router.zoned, differed


def test_routes_moved_by_an_honest_zone_equal_a_fresh_routers() -> None:
    zoned = 0
    for seed in range(20):
        n, differed = _run(seed)
        assert not differed, seed
        zoned += n
    assert zoned > 300


@pytest.mark.parametrize("lie", ["exception", "unmoved"])
def test_a_zone_that_lies_gives_other_routes(lie: str) -> None:
    """The comparison above can fail: told an exception is not one (cards
    spanning lanes stretched), or told every card at or below B moved by dy
    when one did not, the router takes routes a fresh one does not find."""
    assert sum(_run(seed, lie)[1] for seed in range(20)) > 0


def test_a_zone_with_a_wrong_dy_moves_no_route() -> None:
    """The ends of every route are compared with the last call's + dy: with
    dy wrong by 1/64 pt no route is taken from the zone (and none differs)."""
    for seed in range(6):
        assert _run(seed, "dy") == (0, 0)


def test_a_zone_not_from_the_last_call_is_not_used() -> None:
    """A zone whose ``since`` is not the pass of the router's last call (a pass
    without connections came between) is not used."""
    rng = random.Random(5)
    world = _Map(rng)
    router = routing.Router()
    boxes = world.stretched()
    ends = [(a, b) for a, b in world.pairs(30) if a in boxes and b in boxes]
    router.route_all(
        [(boxes[a], boxes[b]) for a, b in ends], boxes, GAP, PAD, COLUMN, (), ends, Zone(0, 1)
    )
    top, dy = world.edit()
    boxes = world.stretched()
    ends = [(a, b) for a, b in ends if a in boxes and b in boxes]
    pairs = [(boxes[a], boxes[b]) for a, b in ends]
    router.route_all(pairs, boxes, GAP, PAD, COLUMN, (), ends, Zone(2, 3, top, dy))
    assert router.zoned == 0


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_routes_moved_by_the_layouts_zone_equal_a_fresh_layout(shape: str) -> None:
    """Random line edits at several depths (the lowest card of an upper lane,
    or any card), undo and redo, on maps with cards spanning lanes and many
    short connections between neighbouring lanes: every hinted layout equals a
    fresh one item for item (``run_line_edits``), and the zone's path was
    taken."""
    doc, jmap = SHIFT.shape_project(shape, 160 if shape != "wide" else 120)
    add_near_connections(jmap, random.Random(f"zone-{shape}"), 70)
    layouter = SHIFT.run_line_edits(doc, jmap, 11, 12 if shape != "wide" else 6)
    assert layouter._router.zoned > (20 if shape != "wide" else 5), layouter._router.zoned


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_the_layouts_zone_says_what_moved(monkeypatch: pytest.MonkeyPatch, shape: str) -> None:
    """What ``zones.zone`` tells the router, checked against the card boxes of
    the pass before and of this one after random line edits: every card box
    at or below B then is that box + dy now but for the exceptions, every
    other one ended at or above B then and ends at or above B + dy now (its
    key new or gone alike), and B, dy and the boxes there are on the grid."""
    from journeydesk.layout import connections, zones
    from journeydesk.layout.stack import GRID

    seen: list[tuple[Zone | None, dict[str, Rect]]] = []
    real = connections.connections

    def spy(*args: Any, **kwargs: Any) -> None:
        layouter = args[-1]  # (its lanes: what ``zones.zone`` is told from)
        seen.append((None if layouter is None else zones.zone(args[0], layouter), dict(args[3])))
        real(*args, **kwargs)

    monkeypatch.setattr(connections, "connections", spy)
    doc, jmap = SHIFT.shape_project(shape, 160 if shape != "wide" else 120)
    add_near_connections(jmap, random.Random(f"told-{shape}"), 40)
    SHIFT.run_line_edits(doc, jmap, 5, 14)
    told = 0
    # (run_line_edits lays out a fresh map after each hinted one: the hinted
    # passes are every other one, each after the hinted pass before)
    hinted = seen[0::2]
    for (_, before), (zone, now) in itertools.pairwise(hinted):
        assert zone is not None
        if zone.top is None:
            continue
        told += 1
        top, dy, exceptions = zone.top, zone.dy, zone.exceptions
        assert (top * GRID).is_integer() and (dy * GRID).is_integer()
        for key in before.keys() | now.keys():
            if key in exceptions:
                continue
            old, new = before.get(key), now.get(key)
            if old is not None and old.y >= top:
                assert new == Rect(old.x, old.y + dy, old.w, old.h), (key, old, new, zone)
                assert new.y - dy == old.y and (new.y * GRID).is_integer()
            else:
                assert old is None or old.bottom <= top, (key, old, zone)
                assert new is None or new.bottom <= top + dy, (key, new, zone)
    assert told >= 3, told


@pytest.mark.parametrize("what", ["card above", "mark"])
def test_a_route_near_what_did_not_move_is_found_again(what: str) -> None:
    """Two cards of the zone on one row with a wall between them, and near
    them what did not move by dy: a card of the lane above (its bottom at B)
    over the wall, which starts at B (the route goes over both), or a mark
    (a curve point, moved off the grid) between the two ends. The old route
    + dy is not the route found now, and the router does not take it: the
    region reaches above B (``region.y >= top``), or a mark meets it."""
    top, dy = 400.0, 20.0
    if what == "card above":
        a, b = Rect(5.0, 450.0, 140.0, 40.0), Rect(305.0, 450.0, 140.0, 40.0)
        boxes = {"a": a, "b": b, "wall": Rect(150.0, 400.0, 150.0, 300.0)}
        boxes["lid"] = Rect(150.0, 330.0, 150.0, 68.0)
        marks: list[Rect] = []
        moved_marks: list[Rect] = []
    else:
        a, b = Rect(5.0, 560.0, 140.0, 40.0), Rect(305.0, 560.0, 140.0, 40.0)
        boxes = {"a": a, "b": b}
        marks = [Rect(200.0, 570.0, 20.0, 20.0)]
        moved_marks = [Rect(200.0, 570.0 + dy + 1 / 3, 20.0, 20.0)]
    ends = [("a", "b")]
    router = routing.Router()
    first = router.route_all([(a, b)], boxes, GAP, PAD, COLUMN, marks, ends, Zone(0, 1))
    now = {k: (Rect(r.x, r.y + dy, r.w, r.h) if r.y >= top else r) for k, r in boxes.items()}
    pairs = [(now["a"], now["b"])]
    got = router.route_all(pairs, now, GAP, PAD, COLUMN, moved_marks, ends, Zone(1, 2, top, dy))
    fresh = routing.Router().route_all(pairs, now, GAP, PAD, COLUMN, moved_marks)
    assert fresh[0] != [(x, y + dy) for x, y in first[0]]  # (it matters)
    assert got == fresh and router.zoned == 0


def test_a_zone_of_few_cards_is_not_used() -> None:
    """An edit of the lane above the last moves a fifth of the cards: the
    router lists the boxes that changed and keeps the routes where none did
    (``_update``) rather than making everything anew for the zone, and equals
    a fresh one."""
    rng = random.Random(8)
    world = _Map(rng)
    router = routing.Router()
    boxes = world.stretched()
    ends = world.pairs(40)
    pairs = [(boxes[a], boxes[b]) for a, b in ends]
    router.route_all(pairs, boxes, GAP, PAD, COLUMN, (), ends, Zone(0, 1))
    world.spanning.clear()  # (no box stretched: only the last lane moves)
    lane = 3
    world.heights[lane] += 64.0
    for key, r in list(world.cards.items()):
        if world.lane_of[key] > lane:
            world.cards[key] = Rect(r.x, r.y + 64.0, r.w, r.h)
    moved = sum(1 for n in world.lane_of.values() if n > lane)
    assert 0 < moved <= len(world.cards) // 4
    boxes = dict(world.cards)
    pairs = [(boxes[a], boxes[b]) for a, b in ends]
    zone = Zone(1, 2, world.top(lane + 1) - 64.0, 64.0, frozenset(), moved)
    got = router.route_all(pairs, boxes, GAP, PAD, COLUMN, (), ends, zone)
    assert got == routing.Router().route_all(pairs, boxes, GAP, PAD, COLUMN)
    assert router.zoned == 0
    assert router._changed is not None  # (the changed boxes listed: ``_update``)
