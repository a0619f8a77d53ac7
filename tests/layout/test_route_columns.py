"""The router's columns made again from the last ones' order (issue #14,
layout/route_columns.py ``ColumnMemo``) must be exactly what ``_columns``
makes of the same list: the same keys in the same order, the very same box
objects in each bucket in the same order, equal tops and tallest heights.
Here: random lists of boxes and random edits (boxes moved up or down, ties
made, sideways moves, widths, boxes added, removed and swapped, one object
twice, a NaN, another column width) against ``_columns``; the memo spied on
in the layouts of random edits on the three bench shapes and the sample; and
the memo broken on purpose (no check of x and w, no tie check, no re-sort)
caught by the same comparison; the buckets made only when read.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from modules import load

from journeydesk.layout import route_columns
from journeydesk.layout.primitives import Rect
from journeydesk.layout.route_columns import ColumnMemo, _columns

_HERE = Path(__file__).parent
SHIFT = load(_HERE / "test_lane_shift.py", "lane_shift_for_columns")

COLUMN = 150.0


def _same_floats(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(
        x == y or (math.isnan(x) and math.isnan(y)) for x, y in zip(a, b, strict=True)
    )


def same_columns(a: route_columns._Columns, b: route_columns._Columns) -> bool:
    """The very same columns: keys in the same order, the same objects in the
    same order in each bucket, equal tops and tallest (NaN equal to NaN)."""
    if list(a[0]) != list(b[0]) or list(a[1]) != list(b[1]) or list(a[2]) != list(b[2]):
        return False
    for c, rs in a[0].items():
        other = b[0][c]
        if len(rs) != len(other) or any(r is not o for r, o in zip(rs, other, strict=True)):
            return False
        if not _same_floats(a[1][c], b[1][c]):
            return False
        if not _same_floats([a[2][c]], [b[2][c]]):
            return False
    return True


def _box(rng: random.Random) -> Rect:
    x = rng.choice([rng.randrange(0, 12) * COLUMN + 5, rng.uniform(0, 12 * COLUMN)])
    w = rng.choice([COLUMN - 10, 2 * COLUMN - 10, rng.uniform(1, 2.5 * COLUMN)])
    y = rng.choice([rng.randrange(0, 40) * 25.0, rng.uniform(0, 1000)])
    return Rect(x, y, w, rng.choice([20.0, 40.0, rng.uniform(5, 120)]))


def _edit(rng: random.Random, boxes: list[Rect]) -> tuple[list[Rect], str]:
    """A new list from ``boxes`` (new objects where a box changed)."""
    out = list(boxes)
    what = rng.choice(
        ["down", "down", "down", "tie", "tie", "swap", "same", "side", "width", "add", "drop"] * 2
        + ["twice", "nan", "height"]
    )
    if what == "down":  # a "lane" (a run of positions) moved by one dy, the rest new objects too
        start = rng.randrange(len(out))
        dy = rng.choice([25.0, -25.0, 13.5, rng.uniform(-300, 300)])
        for i in range(len(out)):
            r = out[i]
            out[i] = Rect(r.x, r.y + (dy if i >= start else 0.0), r.w, r.h)
    elif what == "tie":  # some boxes put at another's top
        top = rng.choice(out).y
        for i in rng.sample(range(len(out)), min(len(out), 6)):
            r = out[i]
            out[i] = Rect(r.x, top, r.w, r.h)
    elif what == "swap":  # two places swapped (the same x and w when alike)
        i, j = rng.randrange(len(out)), rng.randrange(len(out))
        out[i], out[j] = out[j], out[i]
    elif what == "same":
        out = [Rect(r.x, r.y, r.w, r.h) for r in out]
    elif what == "side":
        i = rng.randrange(len(out))
        r = out[i]
        out[i] = Rect(r.x + rng.choice([COLUMN, 1.0, -40.0]), r.y, r.w, r.h)
    elif what == "width":
        i = rng.randrange(len(out))
        r = out[i]
        out[i] = Rect(r.x, r.y, r.w + rng.choice([COLUMN, 60.0, -r.w / 2]), r.h)
    elif what == "height":
        i = rng.randrange(len(out))
        r = out[i]
        out[i] = Rect(r.x, r.y, r.w, r.h * 3)
    elif what == "add":
        out.insert(rng.randrange(len(out) + 1), _box(rng))
    elif what == "drop" and len(out) > 5:
        del out[rng.randrange(len(out))]
    elif what == "twice":  # one box object at two places
        out[rng.randrange(len(out))] = rng.choice(out)
    elif what == "nan" and rng.random() < 0.5:
        i = rng.randrange(len(out))
        r = out[i]
        out[i] = Rect(r.x, math.nan, r.w, r.h)
    return out, what


def _run(seed: int, memo: ColumnMemo, edits: int = 60) -> list[str]:
    """Random edits of a random list fed to ``memo``; the edits after which it
    differed from ``_columns`` (the test asserts there are none)."""
    rng = random.Random(seed)
    boxes = [_box(rng) for _ in range(rng.randrange(20, 90))]
    wrong = []
    column = COLUMN
    for n in range(edits):
        boxes, what = _edit(rng, boxes)
        if rng.random() < 0.03:
            column = rng.choice([COLUMN, 100.0])
        if rng.random() < 0.05:  # now and then a "repair": no NaN left
            boxes = [Rect(r.x, 0.0, r.w, r.h) if math.isnan(r.y) else r for r in boxes]
        made = memo.columns(list(boxes), column)
        if not same_columns(made, _columns(list(boxes), column)):
            wrong.append(f"{n}: {what}")
    return wrong


@pytest.mark.parametrize("seed", range(6))
def test_the_memo_makes_what_columns_makes(seed: int) -> None:
    memo = ColumnMemo()
    assert _run(seed, memo) == []
    assert memo.kept > 10 and memo.made > 5, (memo.kept, memo.made)


def test_the_memo_keeps_the_order_of_boxes_that_only_moved() -> None:
    """Lanes of stacked boxes moved down by one dy, as after an edit adding a
    line: every call after the first takes the last order, none re-sorted."""
    rng = random.Random(3)
    stacked: list[tuple[int, Rect]] = []
    for lane in range(6):
        for col in range(12):
            y = lane * 1000.0 + 9
            for _ in range(rng.randrange(1, 6)):
                h = rng.randrange(2, 8) * 16.0
                span = 2 if rng.random() < 0.1 else 1
                stacked.append((lane, Rect(col * COLUMN + 5, y, span * COLUMN - 10, h)))
                y += h + 8
    memo = ColumnMemo()
    sorted_again: list[int] = []
    real = route_columns._Order.__init__

    def counted(self: Any, keys: list[int], starts: list[int], places: list[int]) -> None:
        sorted_again.append(1)
        real(self, keys, starts, places)

    for n in range(8):
        dy = 16.0 if n % 2 else 0.0  # (the lanes from the third down moved, or back)
        boxes = [Rect(r.x, r.y + (dy if lane >= 2 else 0.0), r.w, r.h) for lane, r in stacked]
        if n == 2:  # (the order by place: worked out once, on the first call kept)
            route_columns._Order.__init__ = counted  # type: ignore[method-assign]
        try:
            assert same_columns(memo.columns(list(boxes), COLUMN), _columns(list(boxes), COLUMN))
        finally:
            route_columns._Order.__init__ = real  # type: ignore[method-assign]
    assert (memo.made, memo.kept) == (1, 7)
    assert sorted_again == []


def _broken_orders(how: str) -> Callable[[Any, list[int]], list[Rect]]:
    def broken(cards: Any, places: list[int]) -> list[Rect]:
        boxes = list(map(cards.__getitem__, places))
        if how == "no tie check":  # by top, ties left in the last order
            boxes.sort(key=lambda r: r.y)
        return boxes  # (else no bucket sorted again)

    return broken


@pytest.mark.parametrize("how", ["no check of x and w", "no tie check", "no re-sort"])
def test_a_broken_memo_is_caught(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """The comparison above fails when the memo is broken on purpose."""
    if how == "no check of x and w":

        def trusting(self: ColumnMemo, cards: list[Rect], start: int) -> Any:
            old = self._cards
            order = self._order
            if order is None:
                order = self._order = route_columns._Order.of(old, self._made)
            return order

        monkeypatch.setattr(ColumnMemo, "_same_places", trusting)
    else:
        monkeypatch.setattr(route_columns, "_in_order", _broken_orders(how))
    wrong = [w for seed in range(6) for w in _run(seed, ColumnMemo())]
    assert wrong, how


def _spied(monkeypatch: pytest.MonkeyPatch, wrong: list[int] | None = None) -> list[int]:
    """Every call of ``ColumnMemo.columns`` checked against ``_columns`` of
    the same list (asserted; or, given ``wrong``, the calls that differ listed
    there); returns [calls kept, calls in all]."""
    counts = [0, 0]
    real = ColumnMemo.columns

    def spy(
        self: ColumnMemo, cards: list[Rect], column: float, *plans: Any
    ) -> route_columns._Columns:
        kept = self.kept
        out = real(self, cards, column, *plans)
        same = same_columns(out, _columns(list(cards), column))
        if wrong is None:
            assert same
        elif not same:
            wrong.append(counts[1])
        counts[0] += self.kept - kept
        counts[1] += 1
        return out

    monkeypatch.setattr(ColumnMemo, "columns", spy)
    return counts


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_the_columns_of_random_edits_equal_columns_made_anew(
    monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    """Random line edits, card moves, spans, cards added and deleted, lanes
    reordered, undo and redo (``test_lane_shift.run_line_edits``, every layout
    also equal to a fresh one) on the three shapes: every column the router
    made is ``_columns``' own, and many were made from the last order."""
    counts = _spied(monkeypatch)
    doc, jmap = SHIFT.shape_project(shape, 160 if shape != "wide" else 120)
    SHIFT.run_line_edits(doc, jmap, 5, 12)
    print(shape, counts)
    assert counts[0] >= 2, counts


def test_the_columns_of_the_sample_equal_columns_made_anew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counts = _spied(monkeypatch)
    for seed in range(2):
        doc, jmap = SHIFT.incremental_module().make_project(seed)
        SHIFT.run_line_edits(doc, jmap, seed, 12)
    assert counts[1] > 10, counts


def test_boxes_placed_by_the_same_plans_are_not_compared() -> None:
    """Given plan objects placing boxes where the same objects placed them in
    the last call, the memo takes those boxes' x and w for the last ones (the
    others compared): honest, it makes what ``_columns`` makes; lied to (a box
    of a kept plan moved sideways), it does not, which the comparison
    catches; with plans that place another number of boxes, none kept."""
    rng = random.Random(11)
    boxes = [_box(rng) for _ in range(60)]
    first, second = [None] * 30, [None] * 20
    for lie in (False, True):
        memo = ColumnMemo()
        memo.columns(list(boxes), COLUMN, ([first, second], 50))
        now = [Rect(r.x, r.y + 25.0, r.w, r.h) for r in boxes]
        made = memo.columns(list(now), COLUMN, ((first, second), 50))
        assert memo.kept == 1 and same_columns(made, _columns(list(now), COLUMN))
        # (a box after the plans' moved sideways: compared)
        now = [Rect(r.x, r.y - 25.0, r.w, r.h) for r in now]
        now[55] = Rect(now[55].x + COLUMN, now[55].y, now[55].w, now[55].h)
        made = memo.columns(list(now), COLUMN, ([first, second], 50))
        assert memo.kept == 1 and same_columns(made, _columns(list(now), COLUMN))
        # (a box after the plans' made wider: compared)
        now = [Rect(r.x, r.y + 25.0, r.w, r.h) for r in now]
        now[56] = Rect(now[56].x, now[56].y, now[56].w + COLUMN, now[56].h)
        made = memo.columns(list(now), COLUMN, ([first, second], 50))
        assert memo.kept == 1 and same_columns(made, _columns(list(now), COLUMN))
        # (a box of a new plan moved sideways, as an edited lane's may: compared)
        first = [None] * 30
        now[7] = Rect(now[7].x + COLUMN, now[7].y, now[7].w, now[7].h)
        made = memo.columns(list(now), COLUMN, ([first, second], 50))
        assert memo.kept == 1 and same_columns(made, _columns(list(now), COLUMN))
        now = [Rect(r.x, r.y + 5.0, r.w, r.h) for r in now]
        if lie:  # a box of the kept second plan moved: not compared
            now[35] = Rect(now[35].x + COLUMN, now[35].y, now[35].w, now[35].h)
        made = memo.columns(list(now), COLUMN, ([first, second], 50))
        assert memo.kept == 2
        assert same_columns(made, _columns(list(now), COLUMN)) is not lie
        # plans placing another number of boxes, or others, or none: all compared
        for told in (([first], 50), ([first, second], 49), ([[None] * 30, second[:]], 50)):
            now[35] = Rect(now[35].x + COLUMN, now[35].y, now[35].w, now[35].h)
            memo.columns(list(now), COLUMN, ([first, second], 50))
            now[35] = Rect(now[35].x - COLUMN, now[35].y, now[35].w, now[35].h)
            made = memo.columns(list(now), COLUMN, told)
            assert same_columns(made, _columns(list(now), COLUMN)), told


def test_a_plan_placing_its_boxes_elsewhere_is_compared() -> None:
    """A lane above gains a card, one below loses one (as many boxes in all):
    the lane between keeps its plan object, but its boxes sit one place
    further, so they are compared like any other."""
    rng = random.Random(12)
    above, between, below = [None] * 30, [None] * 20, [None] * 10

    def alike() -> Rect:  # (the lanes above and below: boxes of one x and w)
        return Rect(5.0, rng.uniform(0, 1000), COLUMN - 10, 30.0)

    # (the lane between's first box alike too: every place compared matches then)
    boxes = [*(alike() for _ in range(31)), *(_box(rng) for _ in range(19))]
    boxes += [*(alike() for _ in range(10)), *(_box(rng) for _ in range(5))]
    memo = ColumnMemo()
    memo.columns(list(boxes), COLUMN, ([above, between, below], 60))
    now = [*boxes[:30], alike(), *boxes[30:59], *boxes[60:]]
    made = memo.columns(list(now), COLUMN, ([[None] * 31, between, [None] * 9], 60))
    assert same_columns(made, _columns(list(now), COLUMN))


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_the_same_plans_place_the_same_keys_x_and_w(
    monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    """What ``zones.Zone.plans`` promises, checked on the layouts of random
    edits: when a pass's plans place as many boxes as there are, each plan
    object that placed boxes at the same places in the pass before placed
    the same keys with the same x and w there."""
    from journeydesk.layout import connections, zones

    seen: dict[int, tuple[dict[int, tuple[object, int]], list[tuple[str, float, float]]]] = {}
    kept = [0]
    real = connections.connections

    def spy(*args: Any, **kwargs: Any) -> None:
        layouter = args[7] if len(args) > 7 else kwargs.get("layouter")
        if layouter is not None:
            plans = zones.zone(args[0], layouter).plans
            assert plans is not None
            boxes = [(key, r.x, r.w) for key, r in args[3].items()]
            starts = [0, *itertools.accumulate(map(len, plans))]
            last = seen.get(id(layouter))
            if last is not None and starts[-1] == len(boxes) == len(last[1]):
                for plan, start, stop in zip(plans, starts, starts[1:], strict=False):
                    found = last[0].get(id(plan))
                    if found is not None and found[0] is plan and found[1] == start:
                        assert boxes[start:stop] == last[1][start:stop]
                        kept[0] += stop - start
            at = {id(plan): (plan, start) for plan, start in zip(plans, starts, strict=False)}
            seen[id(layouter)] = (at, boxes)
        real(*args, **kwargs)

    monkeypatch.setattr(connections, "connections", spy)
    doc, jmap = SHIFT.shape_project(shape, 160 if shape != "wide" else 120)
    SHIFT.run_line_edits(doc, jmap, 9, 12)
    assert kept[0] >= 200, kept


def _moves_in_lane(monkeypatch: pytest.MonkeyPatch, wrong: list[int]) -> list[int]:
    """Cards of the first lane moved to another step of it, each with a line
    added to or taken from another card of the lane (the lanes below move:
    the columns are made anew), laid out by a kept layouter, every column
    compared with ``_columns``."""
    from journeydesk.document import verbs
    from journeydesk.layout.engine import MapLayouter

    counts = _spied(monkeypatch, wrong)
    doc, jmap = SHIFT.shape_project("current", 300)
    options = SHIFT.incremental_module().OPTIONS[0]
    layouter = MapLayouter()
    layouter.layout(doc.project, jmap, options)
    lane = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    steps = jmap.steps()
    rng = random.Random(4)
    cards = [c for c in jmap.cards if c.lane == lane]
    for n, card in enumerate(cards[:8]):
        step = rng.choice([s for s in steps if s.id != card.step])
        verbs.move_cards(doc, jmap, [card.id], step.id, lane, 0)
        # (and a line added to or taken from another card of the lane: the lanes below move)
        verbs.edit_card_title(doc, cards[-1], SHIFT.LONG * (1 + n % 2))
        layouter.layout(doc.project, jmap, options)
    return counts


def test_cards_moved_in_their_lane_give_the_columns_made_anew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """(Honest: the moved card's x differs at its place, the columns are made
    by ``_columns``.)"""
    counts = _moves_in_lane(monkeypatch, [])
    assert counts[1] >= 3, counts


def test_plans_that_lie_are_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same moves with the zone made to lie (each lane's plan of the pass
    before told again when the new one places as many cards): the card moved
    to another step is not compared, and the columns differ from
    ``_columns``'."""
    from journeydesk.layout import zones

    real = zones.zone
    told: dict[int, tuple[list[Any], ...]] = {}  # (by layouter)

    def lying(theme: Any, layouter: Any) -> zones.Zone:
        zone = real(theme, layouter)
        assert zone.plans is not None
        plans = list(zone.plans)
        last = told.get(id(layouter))
        if last is not None and len(last) == len(plans):
            plans = [a if len(a) == len(b) else b for a, b in zip(last, plans, strict=True)]
        told[id(layouter)] = tuple(plans)
        return zones.Zone(
            zone.since, zone.now, zone.top, zone.dy, zone.exceptions, zone.cards, tuple(plans)
        )

    monkeypatch.setattr(zones, "zone", lying)
    wrong: list[int] = []
    _moves_in_lane(monkeypatch, wrong)
    assert wrong


def test_the_memo_holds_no_box_but_the_last_lists() -> None:
    """After a call taken from the last order, the boxes of the lists before
    go by reference counting (the memo keeps positions, not boxes)."""
    import weakref

    rng = random.Random(5)
    first = [_box(rng) for _ in range(40)]
    gone = [weakref.ref(r) for r in first]
    memo = ColumnMemo()
    memo.columns(first, COLUMN)
    second = [Rect(r.x, r.y + 8.0, r.w, r.h) for r in first]
    memo.columns(second, COLUMN)
    assert memo.kept == 1
    del first
    assert all(ref() is None for ref in gone)


def test_buckets_are_made_when_read_and_before_they_are_replaced() -> None:
    """Columns taken from the last order make no bucket until one is read; a
    bucket read, or replaced in place (as ``routing._update_columns`` does),
    leaves the others unmade, its tops and tallest height made with it; and
    all of them read equal ``_columns``' own."""
    rng = random.Random(5)
    boxes = [_box(rng) for _ in range(300)]
    memo = ColumnMemo()
    memo.columns(list(boxes), COLUMN)
    moved = [Rect(r.x, r.y + 25.0, r.w, r.h) for r in boxes]
    buckets, tops, tallest = memo.columns(list(moved), COLUMN)
    assert memo.kept == 1 and isinstance(buckets, route_columns._Lazy)
    pending = buckets._pending
    n = len(pending.at)
    assert n == len(buckets) > 5
    fresh = _columns(list(moved), COLUMN)
    key, other = list(fresh[0])[:2]
    assert tops.get(key) == fresh[1][key] and len(pending.at) == n - 1
    assert buckets[key] == fresh[0][key] and tallest[key] == fresh[2][key]
    assert all(a is b for a, b in zip(buckets[key], fresh[0][key], strict=True))
    buckets[other] = []
    assert len(pending.at) == n - 2
    assert tops[other] == fresh[1][other] and tallest[other] == fresh[2][other]
    buckets[other] = fresh[0][other]
    assert len(pending.at) == n - 2
    assert same_columns((buckets, tops, tallest), fresh) and not pending.at


def _fresh_extents(columns: route_columns._Columns, c: int) -> tuple[float, float, bool]:
    rs = columns[0][c]
    return (
        max(r.x for r in rs),
        min(r.x + r.w for r in rs),
        len({id(r) for r in rs}) != len(rs),
    )


@pytest.mark.parametrize("seed", range(4))
def test_the_routers_column_edges_are_those_of_its_columns_now(seed: int) -> None:
    """The router keeps each column's edges (``Router._extents``, read by
    ``_crowded`` where a column holds over 150 cards in a route's region)
    while its columns are taken from the last order, and drops them when the
    columns were made anew or patched in place since (a box moved sideways
    and back, then every box moved down). After each call, every edge kept
    is the edge of the column as it is now; and the routes are a fresh
    router's."""
    from journeydesk.layout.routing import Router

    rng = random.Random(seed)
    base = [
        Rect(col * COLUMN + 5, i * 30.0, COLUMN - 10, 20.0) for col in range(4) for i in range(200)
    ]
    pairs_at = [(rng.randrange(200), 600 + rng.randrange(200)) for _ in range(12)]
    router, boxes = Router(), list(base)
    checked = 0
    for step in range(30):
        if step % 3 == 1:  # one box sideways (patched in place), or moved back
            i = rng.randrange(len(boxes))
            r = boxes[i]
            boxes[i] = Rect(base[i].x + (40.0 if r.x == base[i].x else 0.0), r.y, r.w, r.h)
        else:  # every box down or up by one dy, those sideways put back: new objects
            dy = rng.choice([16.0, -16.0, 32.0])
            boxes = [Rect(b.x, r.y + dy, b.w, r.h) for b, r in zip(base, boxes, strict=True)]
        obstacles = {n: r for n, r in enumerate(boxes)}
        pairs = [(boxes[a], boxes[b]) for a, b in pairs_at]
        routes = router.route_all(pairs, obstacles, 10.0, 12.0, COLUMN)
        assert router._columns is not None
        for c, extent in router._extents.items():
            assert extent == _fresh_extents(router._columns, c), (step, c)
            checked += 1
        assert routes == Router().route_all(pairs, dict(obstacles), 10.0, 12.0, COLUMN)
    assert checked > 20 and router._memo.kept > 5
