"""Orthogonal routes for connections that never cross another card.

The plain route (out of the source's side, along the gutter between columns,
along the padding above the target, into the target) is tried first; when a
card stands in its way (cards that span steps fill gutters), a shortest path
with few bends is searched on the grid of free channels around the cards in
the region between the two ends.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence

from .primitives import Point, Rect

BEND_COST = 40.0


def _segment_hits(p: Point, q: Point, rect: Rect) -> bool:
    x1, x2 = sorted((p[0], q[0]))
    y1, y2 = sorted((p[1], q[1]))
    inner = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    return not (x2 <= inner.x or x1 >= inner.right or y2 <= inner.y or y1 >= inner.bottom)


def route_clear(route: Sequence[Point], obstacles: Sequence[Rect]) -> bool:
    return not any(
        _segment_hits(p, q, r) for p, q in itertools.pairwise(route) for r in obstacles
    )


def plain_route(a: Rect, b: Rect, gap: float, pad: float) -> list[Point]:
    ay = a.y + a.h / 2
    by = b.y + b.h / 2
    if b.x >= a.right:  # target to the right: leave right, enter left
        gx1 = a.right + gap / 2
        gx2 = b.x - gap / 2
        if abs(ay - by) < 0.5:
            return [(a.right, ay), (b.x, by)]
        if abs(gx1 - gx2) < 0.5:
            return [(a.right, ay), (gx1, ay), (gx1, by), (b.x, by)]
        lane_y = b.y - pad / 2
        return [(a.right, ay), (gx1, ay), (gx1, lane_y), (gx2, lane_y), (gx2, by), (b.x, by)]
    if b.right <= a.x:  # target to the left (a loop back): leave left, enter right
        gx1 = a.x - gap / 2
        gx2 = b.right + gap / 2
        lane_y = min(a.y, b.y) - pad / 2
        return [(a.x, ay), (gx1, ay), (gx1, lane_y), (gx2, lane_y), (gx2, by), (b.right, by)]
    ax = max(a.x, b.x) + (min(a.right, b.right) - max(a.x, b.x)) / 2
    if b.y >= a.bottom:
        return [(ax, a.bottom), (ax, b.y)]
    return [(ax, a.y), (ax, b.bottom)]


def route(
    a: Rect, b: Rect, cards: Sequence[Rect], gap: float, pad: float, column: float
) -> list[Point]:
    """A route from card ``a`` to card ``b`` avoiding ``cards`` (which may include both)."""
    others = [r for r in cards if r != a and r != b]
    simple = plain_route(a, b, gap, pad)
    region = a.united(b).adjusted(-column, -column, column, column)
    near = [r for r in others if r.intersects(region)]
    if route_clear(simple, near):
        return simple
    found = _search(a, b, near, gap, pad)
    return found if found is not None else simple


def _search(a: Rect, b: Rect, obstacles: list[Rect], gap: float, pad: float) -> list[Point] | None:
    ay, by = a.y + a.h / 2, b.y + b.h / 2
    starts = [((a.right, ay), (a.right + gap / 2, ay)), ((a.x, ay), (a.x - gap / 2, ay))]
    ends = [((b.x, by), (b.x - gap / 2, by)), ((b.right, by), (b.right + gap / 2, by))]
    xs = {p[1][0] for p in starts} | {p[1][0] for p in ends}
    ys = {ay, by}
    for r in [*obstacles, a, b]:
        xs.update((r.x - gap / 2, r.right + gap / 2))
        ys.update((r.y - min(pad, gap) / 2, r.bottom + min(pad, gap) / 2))
    xs_s, ys_s = sorted(xs), sorted(ys)
    xi = {x: i for i, x in enumerate(xs_s)}
    yi = {y: i for i, y in enumerate(ys_s)}
    blocked = [*obstacles, a, b]

    def free(p: Point, q: Point) -> bool:
        return not any(_segment_hits(p, q, r) for r in blocked)

    goal = {(xi[g[0]], yi[g[1]]): (edge, g) for edge, g in ((e[0], e[1]) for e in ends)}
    heap: list[tuple[float, int, tuple[int, int], int]] = []
    came: dict[tuple[tuple[int, int], int], tuple[tuple[int, int], int] | None] = {}
    best: dict[tuple[tuple[int, int], int], float] = {}
    counter = 0
    for _edge, s in starts:
        node = (xi[s[0]], yi[s[1]])
        state = (node, 0)  # direction 0: horizontal (we leave a side horizontally)
        best[state] = 0.0
        came[state] = None
        heapq.heappush(heap, (0.0, counter, node, 0))
        counter += 1
    start_of = {(xi[s[0]], yi[s[1]]): edge for edge, s in starts}
    while heap:
        cost, _, node, direction = heapq.heappop(heap)
        state = (node, direction)
        if cost > best.get(state, float("inf")):
            continue
        if node in goal:
            path_nodes = []
            cur: tuple[tuple[int, int], int] | None = state
            while cur is not None:
                path_nodes.append(cur[0])
                cur = came[cur]
            path_nodes.reverse()
            pts = [(xs_s[i], ys_s[j]) for i, j in path_nodes]
            first = start_of.get(path_nodes[0])
            out = [first, *pts] if first else pts
            out.append(goal[node][0])
            return _simplify(out)
        i, j = node
        for di, dj, d in ((1, 0, 0), (-1, 0, 0), (0, 1, 1), (0, -1, 1)):
            ni, nj = i + di, j + dj
            if not (0 <= ni < len(xs_s) and 0 <= nj < len(ys_s)):
                continue
            p, q = (xs_s[i], ys_s[j]), (xs_s[ni], ys_s[nj])
            if not free(p, q):
                continue
            step = abs(q[0] - p[0]) + abs(q[1] - p[1]) + (BEND_COST if d != direction else 0)
            nstate = ((ni, nj), d)
            if cost + step < best.get(nstate, float("inf")):
                best[nstate] = cost + step
                came[nstate] = state
                heapq.heappush(heap, (cost + step, counter, (ni, nj), d))
                counter += 1
    return None


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points in the middle of a straight run."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 1e-6 and abs(out[-1][1] - p[1]) < 1e-6:
            continue
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            if (abs(x0 - x1) < 1e-6 and abs(x1 - p[0]) < 1e-6) or (
                abs(y0 - y1) < 1e-6 and abs(y1 - p[1]) < 1e-6
            ):
                out[-1] = p
                continue
        out.append(p)
    return out
