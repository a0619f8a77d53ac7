"""The search for a route around the cards between a connection's ends: a
shortest path with few bends on the grid of free channels around them (split
from routing.py, which tries the plain route first and keeps routes between
calls)."""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left, bisect_right

from .primitives import Point, Rect

BEND_COST = 40.0

MAX_OBSTACLES = 150
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

    The estimate of a state is the straight (Manhattan) distance to the
    nearer goal plus one bend where one is certain: moving across on another
    row than the goal's, or along on another column. It never overestimates
    what is left and never drops by more than a step costs (a bend is paid
    on the step that turns), so the first goal taken from the heap is still
    the cheapest; among states of equal cost plus estimate the one further
    along (the larger cost) comes first. A bend-blind estimate with ties taken
    in the order pushed searched most of the grid between the two ends: 8 to
    31 ms for one route among ~120 cards, now 1-3.

    A state is the int ``(j * nx + i) * 2 + direction`` and the costs, the
    estimates and the order of the heap are those of a search over
    ``(i, j, direction)`` tuples, the same floats in the same sums, so the
    route found is the same one (tests/layout/test_routing_search.py holds it
    to that search, and its cost to a bend-blind one's)."""
    nx, ny = len(xs), len(ys)
    goal_nodes = {gj * nx + gi for gi, gj in goal}
    goals = list(goal)
    (g0i, g0j), (g1i, g1j) = goals[0], goals[-1]
    g0x, g0y, g1x, g1y = xs[g0i], ys[g0j], xs[g1i], ys[g1j]
    # A state's estimate to a goal is an x part plus a y part, each made once
    # per column or row here for either direction (the same floats), and a
    # step's length once per pair of neighbours (``abs(b - a)`` is
    # ``abs(a - b)``, bit for bit).
    bend = BEND_COST
    ex0 = [abs(x - g0x) for x in xs]
    ex1 = [abs(x - g1x) for x in xs]
    ey0 = [abs(y - g0y) for y in ys]
    ey1 = [abs(y - g1y) for y in ys]
    # across (0): a bend is certain off the goal's row; along (1): off its column
    ay0 = [e + bend if j != g0j else e for j, e in enumerate(ey0)]
    ay1 = [e + bend if j != g1j else e for j, e in enumerate(ey1)]
    lx0 = [e + bend if i != g0i else e for i, e in enumerate(ex0)]
    lx1 = [e + bend if i != g1i else e for i, e in enumerate(ex1)]
    gx = [abs(b - a) for a, b in itertools.pairwise(xs)]
    gy = [abs(b - a) for a, b in itertools.pairwise(ys)]

    inf = float("inf")
    best = [inf] * (nx * ny * 2)
    came = [-1] * (nx * ny * 2)
    heap: list[tuple[float, float, int, int]] = []
    push, pop = heapq.heappush, heapq.heappop
    counter = 0
    for i, j in start_of:
        node = j * nx + i
        state = node * 2  # direction 0: across (we leave a side that way)
        best[state] = 0.0
        e, o = ex0[i] + ay0[j], ex1[i] + ay1[j]
        push(heap, (o if o < e else e, -0.0, counter, state))
        counter += 1
    while heap:
        _f, cost, _, state = pop(heap)
        cost = -cost
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
        across = 0.0 if direction == 0 else BEND_COST
        along = 0.0 if direction == 1 else BEND_COST
        # the neighbours in the order right, left, up, down
        line = hblock[j]
        if i + 1 < nx and not line[i]:
            nstate = (node + 1) * 2
            reached = cost + (gx[i] + across)
            if reached < best[nstate]:
                best[nstate] = reached
                came[nstate] = state
                e, o = ex0[i + 1] + ay0[j], ex1[i + 1] + ay1[j]
                push(heap, (reached + (o if o < e else e), -reached, counter, nstate))
                counter += 1
        if i > 0 and not line[i - 1]:
            nstate = (node - 1) * 2
            reached = cost + (gx[i - 1] + across)
            if reached < best[nstate]:
                best[nstate] = reached
                came[nstate] = state
                e, o = ex0[i - 1] + ay0[j], ex1[i - 1] + ay1[j]
                push(heap, (reached + (o if o < e else e), -reached, counter, nstate))
                counter += 1
        col = vblock[i]
        if j + 1 < ny and not col[j]:
            nstate = (node + nx) * 2 + 1
            reached = cost + (gy[j] + along)
            if reached < best[nstate]:
                best[nstate] = reached
                came[nstate] = state
                e, o = lx0[i] + ey0[j + 1], lx1[i] + ey1[j + 1]
                push(heap, (reached + (o if o < e else e), -reached, counter, nstate))
                counter += 1
        if j > 0 and not col[j - 1]:
            nstate = (node - nx) * 2 + 1
            reached = cost + (gy[j - 1] + along)
            if reached < best[nstate]:
                best[nstate] = reached
                came[nstate] = state
                e, o = lx0[i] + ey0[j - 1], lx1[i] + ey1[j - 1]
                push(heap, (reached + (o if o < e else e), -reached, counter, nstate))
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
