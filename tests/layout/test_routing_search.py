"""The connection search (layout/routing.py ``_search``) on flat int states finds
the very route a search over ``(i, j, direction)`` tuples finds (kept below as
the reference): same costs, same estimates, same order of the heap. Checked on
random cards around two ends and on every search that laying out generated maps
of the three shapes makes. Its estimate counts a bend where one is certain and
its ties go to the state further along (round 10: 3-10x fewer states taken);
the routes it finds cost what the bend-blind search's found (the reference
with ``bend_aware=False``), so none is worse."""

from __future__ import annotations

import heapq
import random
from bisect import bisect_left, bisect_right
from typing import Any

import pytest

from journeydesk.layout import routing
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import Point, Rect


def reference_search(
    a: Rect,
    b: Rect,
    obstacles: list[Rect],
    gap: float,
    pad: float,
    bend_aware: bool = True,
    costs: list[float] | None = None,
    check: bool = False,
) -> list[Point] | None:
    """``costs``: the found route's cost is appended to it. ``check``: first
    assert that the estimate is consistent (no step lowers it by more than the
    step costs; 0 at a goal), so the first goal taken is the cheapest."""
    if len(obstacles) > routing.MAX_OBSTACLES:
        return None
    ay, by = a.y + a.h / 2, b.y + b.h / 2
    starts = [((a.right, ay), (a.right + gap / 2, ay)), ((a.x, ay), (a.x - gap / 2, ay))]
    ends = [((b.x, by), (b.x - gap / 2, by)), ((b.right, by), (b.right + gap / 2, by))]
    xs = {p[1][0] for p in starts} | {p[1][0] for p in ends}
    ys = {ay, by}
    blocked = [*obstacles, a, b]
    for r in blocked:
        xs.update((r.x - gap / 2, r.right + gap / 2))
        ys.update((r.y - min(pad, gap) / 2, r.bottom + min(pad, gap) / 2))
    xs_s, ys_s = sorted(xs), sorted(ys)
    nx, ny = len(xs_s), len(ys_s)
    xi = {x: i for i, x in enumerate(xs_s)}
    yi = {y: i for i, y in enumerate(ys_s)}
    # hblock[j][i]: the edge (i, j)-(i+1, j) crosses a card; vblock[i][j] likewise upwards.
    hblock = [bytearray(max(0, nx - 1)) for _ in range(ny)]
    vblock = [bytearray(max(0, ny - 1)) for _ in range(nx)]
    for r in blocked:
        x0, x1, y0, y1 = r.x + 0.5, r.right - 0.5, r.y + 0.5, r.bottom - 0.5
        rows = range(bisect_right(ys_s, y0), bisect_left(ys_s, y1))
        cols = range(max(0, bisect_right(xs_s, x0) - 1), min(nx - 1, bisect_left(xs_s, x1)))
        for j in rows:
            line = hblock[j]
            for i in cols:
                line[i] = 1
        vrows = range(max(0, bisect_right(ys_s, y0) - 1), min(ny - 1, bisect_left(ys_s, y1)))
        for i in range(bisect_right(xs_s, x0), bisect_left(xs_s, x1)):
            col = vblock[i]
            for j in vrows:
                col[j] = 1

    goal = {(xi[g[0]], yi[g[1]]): edge for edge, g in ends}
    start_of = {(xi[s[0]], yi[s[1]]): edge for edge, s in starts}
    # A*: the straight distance to the nearest goal never overestimates what
    # is left; nor does a bend where one is certain (moving across off the
    # goal's row, or along off its column).
    bend = routing.BEND_COST if bend_aware else 0.0

    def estimate(i: int, j: int, d: int) -> float:
        x, y = xs_s[i], ys_s[j]
        return min(
            (abs(x - xs_s[gi]) + (bend if d == 1 and i != gi else 0.0))
            + (abs(y - ys_s[gj]) + (bend if d == 0 and j != gj else 0.0))
            for gi, gj in goal
        )

    def order(f: float, cost: float, counter: int) -> tuple[float, float, int]:
        # (ties to the state further along; the bend-blind search: in the order pushed)
        return (f, -cost, counter) if bend_aware else (f, 0.0, counter)

    def steps(i: int, j: int, direction: int) -> list[tuple[int, int, int, float]]:
        out = []
        for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            ni, nj = i + di, j + dj
            if not (0 <= ni < nx and 0 <= nj < ny):
                continue
            if dj == 0 and hblock[j][min(i, ni)]:
                continue
            if di == 0 and vblock[i][min(j, nj)]:
                continue
            d = 0 if dj == 0 else 1
            length = abs(xs_s[ni] - xs_s[i]) + abs(ys_s[nj] - ys_s[j])
            out.append((ni, nj, d, length + (routing.BEND_COST if d != direction else 0.0)))
        return out

    if check:
        for i in range(nx):
            for j in range(ny):
                for direction in (0, 1):
                    here = estimate(i, j, direction)
                    if (i, j) in goal:
                        assert here == 0.0
                    for ni, nj, d, step in steps(i, j, direction):
                        assert here <= step + estimate(ni, nj, d) + 1e-9, (i, j, direction)

    heap: list[tuple[tuple[float, float, int], float, int, int, int]] = []
    came: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}
    best: dict[tuple[int, int, int], float] = {}
    counter = 0
    for node in start_of:
        state = (node[0], node[1], 0)  # direction 0: horizontal (we leave a side that way)
        best[state] = 0.0
        came[state] = None
        heapq.heappush(heap, (order(estimate(*node, 0), 0.0, counter), 0.0, node[0], node[1], 0))
        counter += 1
    while heap:
        _, cost, i, j, direction = heapq.heappop(heap)
        state = (i, j, direction)
        if cost > best.get(state, float("inf")):
            continue
        if (i, j) in goal:
            if costs is not None:
                costs.append(cost)
            nodes: list[tuple[int, int]] = []
            cur: tuple[int, int, int] | None = state
            while cur is not None:
                nodes.append((cur[0], cur[1]))
                cur = came[cur]
            nodes.reverse()
            pts = [(xs_s[a_], ys_s[b_]) for a_, b_ in nodes]
            return routing._simplify([start_of[nodes[0]], *pts, goal[(i, j)]])
        for ni, nj, d, step in steps(i, j, direction):
            nstate = (ni, nj, d)
            if cost + step < best.get(nstate, float("inf")):
                best[nstate] = cost + step
                came[nstate] = state
                reached = cost + step
                f = reached + estimate(ni, nj, d)
                heapq.heappush(heap, (order(f, reached, counter), reached, ni, nj, d))
                counter += 1
    return None


def _scatter(rng: random.Random, n: int) -> tuple[Rect, Rect, list[Rect]]:
    """Cards on a loose grid of columns (some spanning two), two of them the ends."""
    cards = []
    for _ in range(n):
        col = rng.randrange(6)
        span = 2 if rng.random() < 0.15 else 1
        cards.append(
            Rect(col * 150 + 10, rng.uniform(0, 1_500), span * 150 - 20, rng.uniform(20, 160))
        )
    a, b = cards[0], cards[1]
    return a, b, cards[2:]


@pytest.mark.parametrize("seed", range(150))
def test_search_finds_the_reference_route_among_random_cards(seed: int) -> None:
    rng = random.Random(seed)
    a, b, others = _scatter(rng, rng.randrange(3, 150))
    gap, pad = rng.choice([(20.0, 16.0), (24.0, 30.0), (12.0, 8.0)])
    expected = reference_search(a, b, others, gap, pad)
    assert routing._search(a, b, others, gap, pad) == expected


@pytest.mark.parametrize("seed", range(150))
def test_the_bend_aware_search_finds_routes_as_cheap_as_the_bend_blind_one(seed: int) -> None:
    """The estimate that counts a certain bend is admissible and consistent: the
    first goal taken costs what a bend-blind A* (the search before round 10)
    finds, often by another route of the same cost."""
    rng = random.Random(1000 + seed)
    a, b, others = _scatter(rng, rng.randrange(3, 150))
    gap, pad = rng.choice([(20.0, 16.0), (24.0, 30.0), (12.0, 8.0)])
    aware: list[float] = []
    blind: list[float] = []
    found = reference_search(a, b, others, gap, pad, True, aware, check=len(others) < 40)
    before = reference_search(a, b, others, gap, pad, False, blind)
    assert (found is None) == (before is None)
    assert aware == pytest.approx(blind, rel=1e-12, abs=1e-9)


def test_search_finds_the_reference_route_walled_in() -> None:
    """No way through: both say so."""
    a, b = Rect(0, 0, 100, 50), Rect(400, 0, 100, 50)
    wall = [
        Rect(-300, -300, 1200, 100),
        Rect(-300, 250, 1200, 100),
        Rect(-300, -300, 100, 650),
        Rect(800, -300, 100, 650),
        Rect(200, -300, 50, 650),
    ]
    assert reference_search(a, b, wall, 20.0, 16.0) is None
    assert routing._search(a, b, wall, 20.0, 16.0) is None


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_search_finds_the_reference_route_on_generated_maps(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench_shapes import make_shape

    project = make_shape(shape, 5000 if shape == "wide" else 1500)
    calls: list[tuple[Any, ...]] = []
    inner = routing._search

    def spy(*args: Any) -> list[Point] | None:
        found = inner(*args)
        calls.append((args, found))
        return found

    monkeypatch.setattr(routing, "_search", spy)
    MapLayouter().layout(project, project.maps[0])
    assert calls, "the layout searched no route"
    for args, found in calls:
        assert found == reference_search(*args)
