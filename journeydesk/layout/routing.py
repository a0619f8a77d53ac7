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
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from .primitives import Item, Point, Rect

BEND_COST = 40.0


def _segment_hits(p: Point, q: Point, rect: Rect) -> bool:
    x1, x2 = (p[0], q[0]) if p[0] <= q[0] else (q[0], p[0])
    y1, y2 = (p[1], q[1]) if p[1] <= q[1] else (q[1], p[1])
    return not (
        x2 <= rect.x + 0.5
        or x1 >= rect.x + rect.w - 0.5
        or y2 <= rect.y + 0.5
        or y1 >= rect.y + rect.h - 0.5
    )


def route_clear(route: Sequence[Point], obstacles: Sequence[Rect]) -> bool:
    return not any(_segment_hits(p, q, r) for p, q in itertools.pairwise(route) for r in obstacles)


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


class Router:
    """Routes connections among a map's cards; remembers routes whose
    surroundings did not change (the editor lays out after every edit)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[object, ...], list[Point]] = {}
        self._columns: tuple[list[Rect], float, _Columns] | None = None
        """The cards of the last call, bucketed: an edit that moved no card (a
        title typed, a connection added) buckets 20,000 cards again for nothing.
        The list compares fast: an unmoved card's box is the same object."""
        self.same_cards = False
        """Whether the last call's cards were those of the call before."""
        self.drawn: dict[str, tuple[list[Point], str, str, object]] = {}
        """Each connection's route, kind and label, and what was drawn from them
        (``connections.connections`` keeps its Items here)."""
        self._last: tuple[tuple[float, float], list[tuple[Rect, Rect]], list[list[Point]]] | None
        self._last = None  # the last call's gap and pad, ends and routes
        self.marks: tuple[list[Item], list[Rect]] | None = None
        """The curve points' Items and their marks (``connections._kept_marks``)."""

    def route_all(
        self,
        pairs: Sequence[tuple[Rect, Rect]],
        cards: Sequence[Rect],
        gap: float,
        pad: float,
        column: float,
    ) -> list[list[Point]]:
        cards = list(cards)
        self.same_cards = (
            self._columns is not None and self._columns[1] == column and self._columns[0] == cards
        )
        if self._columns is not None and self.same_cards:
            buckets, tops, tallest, signature = self._columns[2]
        else:
            kept = None
            if self._columns is not None and self._columns[1] == column:
                kept = _moved_columns(self._columns[0], self._columns[2], cards, column)
            buckets, tops, tallest, signature = kept or _columns(cards, column)
            self._columns = (cards, column, (buckets, tops, tallest, signature))
        last = self._last
        if self.same_cards and last is not None and last[0] == (gap, pad) and last[1] == pairs:
            # The same cards and ends as the last call: its routes (each would
            # be found in the cache under the same key; a wide map's 800 keys
            # of column signatures cost more than the rest of an edit's routing).
            return list(last[2])
        out = []
        used: dict[tuple[object, ...], list[Point]] = {}
        for a, b in pairs:
            region = a.united(b).adjusted(-column, -column, column, column)
            cols = range(int(region.x // column), int(region.right // column) + 1)
            # (a long connection spans hundreds of columns on a wide map)
            key = (a, b, gap, pad, tuple(map(signature.get, cols, itertools.repeat(0))))
            found = self._cache.get(key)
            if found is None and len(cols) > MAX_COLUMNS:
                # A connection across much of the map: no search (it would cost
                # more than it helps); the plain route along the gutters.
                found = plain_route(a, b, gap, pad)
            if found is None:
                simple = plain_route(a, b, gap, pad)
                near = _near(buckets, tops, tallest, cols, region, a, b)
                found = (
                    simple
                    if near is None or route_clear(simple, near)
                    else (_search(a, b, near, gap, pad) or simple)
                )
            used[key] = found
            out.append(found)
        self._cache = used
        self._last = ((gap, pad), list(pairs), out)
        return list(out)


_Columns = tuple[dict[int, list[Rect]], dict[int, list[float]], dict[int, float], dict[int, int]]


def _columns(cards: list[Rect], column: float) -> _Columns:
    """Cards sit in columns: bucket them by the columns they touch, each
    bucket sorted by top, so the cards near a connection are found by
    bisection rather than by a walk down every column it spans. Also each
    column's signature: it changes when any card in it moves or resizes, so a
    route is reused while the columns it may pass through are unchanged."""
    buckets: dict[int, list[Rect]] = {}
    for r in cards:
        first, last = int(r.x // column), int((r.x + r.w) // column)  # r.right
        if first == last:
            bucket = buckets.get(first)
            if bucket is None:
                buckets[first] = [r]
            else:
                bucket.append(r)
            continue
        for c in range(first, last + 1):
            buckets.setdefault(c, []).append(r)
    tops: dict[int, list[float]] = {}
    tallest: dict[int, float] = {}
    by_top, height = operator.attrgetter("y"), operator.attrgetter("h")
    for c, rs in buckets.items():
        rs.sort(key=by_top)
        tops[c] = list(map(by_top, rs))
        tallest[c] = max(map(height, rs))
    signature = {c: hash(tuple(rs)) for c, rs in buckets.items()}
    return buckets, tops, tallest, signature


def _moved_columns(
    before: list[Rect], columns: _Columns, cards: list[Rect], column: float
) -> _Columns | None:
    """The columns of ``cards`` made from those of ``before`` (the same number
    of cards, in the same order, a few of them moved or resized): only the
    columns a changed card left or joined are sorted again. None when that is
    no cheaper than making them all (or the cards are not comparable so)."""
    if len(before) != len(cards):
        return None
    changed = [
        i
        for i in itertools.compress(range(len(cards)), map(operator.is_not, before, cards))
        if before[i] != cards[i]
    ]
    if len(changed) > len(cards) // 8:
        return None
    buckets, tops, tallest, signature = (
        dict(columns[0]),
        dict(columns[1]),
        dict(columns[2]),
        dict(columns[3]),
    )
    touched: set[int] = set()
    for i in changed:
        old, new = before[i], cards[i]
        for c in range(int(old.x // column), int(old.right // column) + 1):
            # by value: an unchanged card's box may be an equal, newer object
            rs = buckets[c]
            at = next(k for k, r in enumerate(rs) if r is old or r == old)
            buckets[c] = rs[:at] + rs[at + 1 :]
            touched.add(c)
        for c in range(int(new.x // column), int(new.right // column) + 1):
            buckets[c] = [*buckets.get(c, ()), new]
            touched.add(c)
    for c in touched:
        rs = buckets[c]
        if not rs:
            del buckets[c]
            tops.pop(c, None)
            tallest.pop(c, None)
            signature.pop(c, None)
            continue
        rs.sort(key=lambda r: r.y)
        tops[c] = [r.y for r in rs]
        tallest[c] = max(r.h for r in rs)
        signature[c] = hash(tuple(rs))
    return buckets, tops, tallest, signature


def _near(
    buckets: dict[int, list[Rect]],
    tops: dict[int, list[float]],
    tallest: dict[int, float],
    cols: range,
    region: Rect,
    a: Rect,
    b: Rect,
) -> list[Rect] | None:
    """The cards in ``region`` but the two ends; None past MAX_OBSTACLES (then
    the search is skipped and the plain route drawn, so they need not be listed:
    the cost of a connection stays bounded however big the map)."""
    found: dict[int, Rect] = {}
    # ``r.intersects(region)`` written out (the same comparisons of the same sums):
    # dense maps test ~150 cards for each connection.
    rx, ry, rr, rb = region.x, region.y, region.right, region.bottom
    for c in cols:
        rs = buckets.get(c)
        if not rs:
            continue
        ys = tops[c]
        lo = bisect_left(ys, ry - tallest[c])
        hi = bisect_left(ys, rb)
        for r in rs[lo:hi]:
            if (
                r is not a
                and r is not b
                and not (rx >= r.x + r.w or rr <= r.x or ry >= r.y + r.h or rb <= r.y)
            ):
                found[id(r)] = r
                if len(found) > MAX_OBSTACLES:
                    return None
    return list(found.values())


def route(
    a: Rect, b: Rect, cards: Sequence[Rect], gap: float, pad: float, column: float
) -> list[Point]:
    """A route from card ``a`` to card ``b`` avoiding ``cards`` (which may include both)."""
    return Router().route_all([(a, b)], cards, gap, pad, column)[0]


MAX_OBSTACLES = 150
MAX_COLUMNS = 10
"""Connections whose ends are further apart than this many columns take the plain route."""
"""Past this many cards between the two ends the search is skipped (the plain
route is drawn): connections in real maps join nearby cards."""


def _search(a: Rect, b: Rect, obstacles: list[Rect], gap: float, pad: float) -> list[Point] | None:
    if len(obstacles) > MAX_OBSTACLES:
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
    return _astar(xs_s, ys_s, hblock, vblock, start_of, goal)


def _astar(
    xs: list[float],
    ys: list[float],
    hblock: list[bytearray],
    vblock: list[bytearray],
    start_of: dict[tuple[int, int], Point],
    goal: dict[tuple[int, int], Point],
) -> list[Point] | None:
    """A* over the grid's nodes, each reached moving across (0) or along (1).

    A state is the int ``(j * nx + i) * 2 + direction`` and the costs, the
    estimates and the order of the heap (cost plus estimate, then the order
    pushed) are those of a search over ``(i, j, direction)`` tuples, the same
    floats in the same sums, so the route found is the same one
    (tests/layout/test_routing_search.py holds it to that search)."""
    nx, ny = len(xs), len(ys)
    # The straight distance to the nearest goal never overestimates what is
    # left (bends only add), so the first goal reached is still the best.
    goal_points = [(xs[gi], ys[gj]) for gi, gj in goal]
    goal_nodes = {gj * nx + gi for gi, gj in goal}
    estimates: dict[int, float] = {}
    (g0x, g0y), (g1x, g1y) = goal_points[0], goal_points[-1]

    def estimate(node: int, x: float, y: float) -> float:
        found = estimates.get(node)
        if found is None:
            # the smaller distance to the (one or two) goals
            found = abs(x - g0x) + abs(y - g0y)
            other = abs(x - g1x) + abs(y - g1y)
            if other < found:
                found = other
            estimates[node] = found
        return found

    inf = float("inf")
    best = [inf] * (nx * ny * 2)
    came = [-1] * (nx * ny * 2)
    heap: list[tuple[float, int, float, int]] = []
    push, pop = heapq.heappush, heapq.heappop
    counter = 0
    for i, j in start_of:
        node = j * nx + i
        state = node * 2  # direction 0: across (we leave a side that way)
        best[state] = 0.0
        push(heap, (estimate(node, xs[i], ys[j]), counter, 0.0, state))
        counter += 1
    while heap:
        _f, _, cost, state = pop(heap)
        if cost > best[state]:
            continue
        node, direction = state >> 1, state & 1
        j, i = divmod(node, nx)
        if node in goal_nodes:
            nodes: list[tuple[int, int]] = []
            cur = state
            while cur != -1:
                n_j, n_i = divmod(cur >> 1, nx)
                nodes.append((n_i, n_j))
                cur = came[cur]
            nodes.reverse()
            pts = [(xs[a_], ys[b_]) for a_, b_ in nodes]
            return _simplify([start_of[nodes[0]], *pts, goal[(i, j)]])
        x, y = xs[i], ys[j]
        across = 0.0 if direction == 0 else BEND_COST
        along = 0.0 if direction == 1 else BEND_COST
        # the neighbours in the order right, left, up, down
        line = hblock[j]
        if i + 1 < nx and not line[i]:
            nx_ = xs[i + 1]
            step = abs(nx_ - x) + across
            nstate = (node + 1) * 2
            reached = cost + step
            if reached < best[nstate]:
                best[nstate] = reached
                came[nstate] = state
                push(heap, (reached + estimate(node + 1, nx_, y), counter, reached, nstate))
                counter += 1
        if i > 0 and not line[i - 1]:
            nx_ = xs[i - 1]
            step = abs(nx_ - x) + across
            nstate = (node - 1) * 2
            reached = cost + step
            if reached < best[nstate]:
                best[nstate] = reached
                came[nstate] = state
                push(heap, (reached + estimate(node - 1, nx_, y), counter, reached, nstate))
                counter += 1
        col = vblock[i]
        if j + 1 < ny and not col[j]:
            ny_ = ys[j + 1]
            step = abs(ny_ - y) + along
            nstate = (node + nx) * 2 + 1
            reached = cost + step
            if reached < best[nstate]:
                best[nstate] = reached
                came[nstate] = state
                push(heap, (reached + estimate(node + nx, x, ny_), counter, reached, nstate))
                counter += 1
        if j > 0 and not col[j - 1]:
            ny_ = ys[j - 1]
            step = abs(ny_ - y) + along
            nstate = (node - nx) * 2 + 1
            reached = cost + step
            if reached < best[nstate]:
                best[nstate] = reached
                came[nstate] = state
                push(heap, (reached + estimate(node - nx, x, ny_), counter, reached, nstate))
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
