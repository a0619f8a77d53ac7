"""The router keeps a route while no obstacle changed in the region it was
searched in, and keeps its columns up to date by the columns a changed
obstacle left or joined (layout/routing.py ``Router``; issue #14: a card moved
on a 20,000-card map routed every connection again). Here a kept router, fed
one change after another, must give exactly the routes a new router gives for
the same obstacles and ends; the layout-level check (connections and their
labels drawn after random moves, titles, undo and redo on every shape) is in
tests/layout/test_incremental.py."""

from __future__ import annotations

import random

import pytest

from journeydesk.layout import routing
from journeydesk.layout.primitives import Rect

COLUMN = 160.0
GAP, PAD = 20.0, 16.0


def _box(rng: random.Random, cols: int) -> Rect:
    col = rng.randrange(cols)
    span = rng.choice([1, 1, 1, 2])
    return Rect(col * COLUMN + 10, rng.uniform(0, 4000), span * COLUMN - 20, rng.uniform(30, 90))


def _obstacles(rng: random.Random, n: int, cols: int) -> dict[object, Rect]:
    return {f"c{k}": _box(rng, cols) for k in range(n)}


def _pairs(rng: random.Random, obstacles: dict[object, Rect], n: int) -> list[tuple[Rect, Rect]]:
    """Ends among the obstacles (their very objects): most near each other (a
    search or a clear plain route), some anywhere (past the limits)."""
    boxes = list(obstacles.values())
    out = []
    for k in range(n):
        a = rng.choice(boxes)
        if k % 4:
            near = [r for r in boxes if abs(r.x - a.x) < 2.5 * COLUMN and abs(r.y - a.y) < 400]
            b = rng.choice(near)
        else:
            b = rng.choice(boxes)
        out.append((a, b))
    return out


def _change(rng: random.Random, obstacles: dict[object, Rect], cols: int) -> dict[object, Rect]:
    """A new mapping: a few boxes moved or resized, some the same box as a new
    object, some added or gone, now and then most of them shifted down (a lane
    above grew) or one object under two keys."""
    now = dict(obstacles)
    keys = list(now)
    what = rng.random()
    if what < 0.1:  # a lane above grew: everything below moves
        cut = rng.uniform(0, 4000)
        for k in keys:
            r = now[k]
            if r.y > cut:
                now[k] = Rect(r.x, r.y + 25, r.w, r.h)
        return now
    if what < 0.15:
        return now  # nothing
    for _ in range(rng.randint(1, 8)):
        k = rng.choice(keys)
        r = now[k]
        how = rng.randrange(6)
        if how == 0:
            now[k] = Rect(r.x, r.y, r.w, r.h)  # the same box, a new object
        elif how == 1:
            now[k] = Rect(r.x, r.y + rng.uniform(-60, 60), r.w, r.h)
        elif how == 2:
            now[k] = _box(rng, cols)
        elif how == 3 and len(now) > 10:
            del now[k]
            keys.remove(k)
        elif how == 4:
            new_key = f"n{rng.random()}"
            now[new_key] = _box(rng, cols)
            keys.append(new_key)
        else:
            now[k] = Rect(r.x, r.y, r.w, r.h + rng.uniform(-20, 20))
    if rng.random() < 0.05:  # one box object under two keys
        a, b = rng.sample(keys, 2)
        now[b] = now[a]
    return now


def _routes_found_anew(
    pairs: list[tuple[Rect, Rect]], obstacles: dict[object, Rect]
) -> list[list[routing.Point]]:
    """Each route as the router finds one without anything kept or counted
    ahead: every obstacle in its region listed (``_near``), then the plain
    route or the search."""
    buckets, tops, tallest = routing._columns(list(obstacles.values()), COLUMN)
    out = []
    for a, b in pairs:
        simple = routing.plain_route(a, b, GAP, PAD)
        region = a.united(b).adjusted(-COLUMN, -COLUMN, COLUMN, COLUMN)
        cols = range(int(region.x // COLUMN), int(region.right // COLUMN) + 1)
        if len(cols) > routing.MAX_COLUMNS:
            out.append(simple)
            continue
        near = routing._near(buckets, tops, tallest, cols, region, a, b)
        if near is None or routing.route_clear(simple, near):
            out.append(simple)
        else:
            out.append(routing._search(a, b, near, GAP, PAD) or simple)
    return out


@pytest.mark.parametrize("seed", range(8))
def test_kept_routes_equal_routes_found_anew(seed: int) -> None:
    rng = random.Random(seed)
    cols = rng.choice([4, 12, 40])
    # (2,000 boxes in 3 columns: many regions hold more than the search takes)
    n, cols = (2000, 3) if seed % 4 == 3 else (rng.choice([200, 500]), cols)
    obstacles = _obstacles(rng, n, cols)
    # the others, by place (the curves' marks): kept, some changed, more or fewer
    more = [_box(rng, cols) for _ in range(rng.choice([0, 40]))]
    router = routing.Router()
    pairs = _pairs(rng, obstacles, 30)
    router.route_all(pairs, obstacles, GAP, PAD, COLUMN, more)
    kept_some = searched_some = 0
    for step in range(20):
        obstacles = _change(rng, obstacles, cols)
        if more and rng.random() < 0.3:
            more = list(more)
            for _ in range(rng.randint(1, 3)):
                k = rng.randrange(len(more))
                r = more[k]
                more[k] = rng.choice([Rect(r.x, r.y, r.w, r.h), _box(rng, cols)])
            if rng.random() < 0.3:
                more = [*more[: rng.randrange(len(more) + 1)], _box(rng, cols)]
        if rng.random() < 0.3 or step % 10 == 0:
            pairs = _pairs(rng, obstacles, 30)
        else:  # the same connections where both ends are still obstacles, a few new
            boxes = list(obstacles.values())
            alive = set(map(id, boxes))
            pairs = [(a, b) for a, b in pairs if id(a) in alive and id(b) in alive]
            pairs += _pairs(rng, obstacles, 30 - len(pairs))
        before = router.searched
        got = router.route_all(pairs, obstacles, GAP, PAD, COLUMN, more)
        fresh = routing.Router().route_all(pairs, dict(obstacles), GAP, PAD, COLUMN, list(more))
        everything = {**obstacles, **{("more", k): r for k, r in enumerate(more)}}
        assert got == fresh == _routes_found_anew(pairs, everything), (seed, step)
        found = router.searched - before
        kept_some += found < len(pairs)
        searched_some += found > 0
        # the columns kept up to date hold what columns made anew hold
        assert router._columns is not None
        made = routing._columns(list(everything.values()), COLUMN)
        assert router._columns[0].keys() == made[0].keys()
        for c, rs in made[0].items():
            assert sorted(map(id, router._columns[0][c])) == sorted(map(id, rs))
            assert router._columns[1][c] == made[1][c] and router._columns[2][c] == made[2][c]
    assert kept_some > 8 and searched_some > 8  # both paths taken


def test_a_route_is_kept_as_the_same_object_until_its_region_changes() -> None:
    rng = random.Random(3)
    obstacles = _obstacles(rng, 400, 12)
    pairs = _pairs(rng, obstacles, 40)
    router = routing.Router()
    first = router.route_all(pairs, obstacles, GAP, PAD, COLUMN)
    # one box far below every connection's region moves: every route is kept
    far = Rect(5 * COLUMN + 10, 90_000, COLUMN - 20, 40)
    obstacles = {**obstacles, "far": far}
    again = router.route_all(pairs, obstacles, GAP, PAD, COLUMN)
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert not router.changed_in(Rect(0, 0, 12 * COLUMN, 4100))
    assert router.changed_in(far)
    # a box moved into the first route's region: that one is found again
    a, b = pairs[0]
    region = a.united(b)
    key = next(k for k, r in obstacles.items() if r is not a and r is not b)
    obstacles = {**obstacles, key: Rect(region.x, region.y, 10, 10)}
    searched = router.searched
    third = router.route_all(pairs, obstacles, GAP, PAD, COLUMN)
    assert router.searched > searched  # looked for again
    assert third == routing.Router().route_all(pairs, obstacles, GAP, PAD, COLUMN)
    # (found the same, it is the same object: its connection's drawing is kept)
    assert (third[0] is first[0]) == (third[0] == first[0])


@pytest.mark.parametrize("seed", range(4))
def test_blocked_is_a_walk_of_every_obstacle(seed: int) -> None:
    """``Router.blocked`` (where a connection's label may go) answers as
    ``rect.intersects`` against every obstacle does, edges touching included."""
    rng = random.Random(seed)
    obstacles = _obstacles(rng, 500, 10)
    router = routing.Router()
    router.route_all([], obstacles, GAP, PAD, COLUMN)
    boxes = list(obstacles.values())
    for _ in range(400):
        if rng.random() < 0.3:  # a rect touching an obstacle's edge
            r = rng.choice(boxes)
            rect = Rect(r.right, r.y + rng.uniform(-20, 20), rng.uniform(1, 60), 12)
        else:
            rect = Rect(
                rng.uniform(-50, 10 * COLUMN), rng.uniform(-50, 4100), rng.uniform(1, 400), 12
            )
        assert router.blocked(rect) == any(rect.intersects(c) for c in boxes)


@pytest.mark.parametrize("seed", range(3))
def test_a_label_says_everywhere_it_looked(seed: int) -> None:
    """``connections._label`` returns a box around every place it tried (a
    kept label is redrawn when an obstacle there changes): each rect it asked
    about lies inside it, and the label equals ``connection_label``'s."""
    from journeydesk.layout import connections
    from journeydesk.layout.theme import DEFAULT_THEME

    rng = random.Random(seed)
    obstacles = list(_obstacles(rng, 300, 12).values())
    tried_somewhere_else = 0
    for _ in range(60):
        a, b = rng.sample(obstacles, 2)
        route = routing.plain_route(a, b, GAP, PAD)
        asked: list[Rect] = []

        def blocked(rect: Rect, asked: list[Rect] = asked) -> bool:
            asked.append(rect)
            return any(rect.intersects(c) for c in obstacles)

        text = rng.choice(["go", "a label", "a much longer label on this connection"])
        label, area = connections._label(DEFAULT_THEME, text, route, blocked)
        assert label == connections.connection_label(DEFAULT_THEME, text, route, obstacles)
        assert (area is None) == (not asked)
        for rect in asked:
            assert area is not None
            assert area.x < rect.x and area.y < rect.y
            assert area.right > rect.right and area.bottom > rect.bottom
        tried_somewhere_else += len(asked) > 1
    assert tried_somewhere_else > 3


@pytest.mark.parametrize("seed", range(6))
def test_a_crowded_region_is_one_near_lists_none_for(seed: int) -> None:
    """``Router._crowded`` (a column alone holds more obstacles in the region
    than the search takes, counted by bisection) is True only where ``_near``
    finds too many to list: at the limit exactly, with both ends among them,
    with boxes in the column outside the region's width, with regions whose
    edges meet boxes' tops, and with box objects under two keys."""
    rng = random.Random(seed)
    limit = routing.MAX_OBSTACLES
    obstacles: dict[object, Rect] = {}
    for c in range(4):
        n = limit + rng.randint(-2, 4)
        for k in range(n):
            if c == 2 and k % 5 == 0:  # narrow boxes at the column's left edge
                x, w = c * COLUMN + 5, 30.0
            else:
                x, w = c * COLUMN + 10, COLUMN - 20
            obstacles[f"{c}-{k}"] = Rect(x, k * 12.0, w, 10.0)
    if seed % 2:  # objects under two keys: counted once in their column, as ``_near`` counts
        for k in range(3):
            obstacles[f"twice-{k}"] = obstacles[f"1-{7 + k}"]
    router = routing.Router()
    router.route_all([], obstacles, GAP, PAD, COLUMN)
    boxes = list(obstacles.values())
    crowded = 0
    for _ in range(300):
        a, b = rng.sample(boxes, 2)
        # (edges on boxes' tops too; the columns' stacks hold 148-154 boxes)
        top = rng.randrange(4) * 12.0 - rng.choice([0.0, 0.5, 12.0])
        bottom = (limit + rng.randint(-3, 4)) * 12.0 + rng.choice([0.0, 0.5, 10.0])
        left = rng.choice([0.0, COLUMN * 2 + 20, COLUMN * 2 + 40, COLUMN + 5])
        right = left + rng.choice([COLUMN, 2 * COLUMN, 3.5 * COLUMN])
        if bottom <= top:
            continue
        region = Rect(left, top, right - left, bottom - top)
        cols = range(int(region.x // COLUMN), int(region.right // COLUMN) + 1)
        buckets, tops, tallest = router._columns  # type: ignore[misc]
        if router._crowded(cols, region):
            crowded += 1
            assert routing._near(buckets, tops, tallest, cols, region, a, b) is None
    # (seeds 1 and 5, objects twice, find 27 and 11 crowded; seed 3 none)
    assert crowded > 5 or seed == 3, crowded
