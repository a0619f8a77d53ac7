"""Free space for small labels: a uniform-grid spatial index of rectangles and
line segments, so placing a word costs a look at its neighbours rather than at
every word and point already placed (issue #14: the emotion words of a
1,800-point curve took 5 million rectangle tests).

Used by the emotion curves (``curves``): every point's marker and every
curve's line go in first, then each word takes the first free spot among its
candidates. Pure geometry, no Qt.
"""

from __future__ import annotations

import functools
import itertools
import operator
from bisect import bisect_left, bisect_right

from .primitives import PathOp, Point, Rect

#: Sub-segments per cubic Bézier when a curve is turned into a polyline; the
#: gap between a monotone segment and its 8-piece polyline is well under a point.
BEZIER_STEPS = 8


class FreeSpace:
    """Rectangles and segments already on the page, bucketed in square cells.

    Kept as plain tuples (left, top, right, bottom[, the segment's ends]) so a
    query is a few comparisons per neighbour."""

    def __init__(self, cell: float = 64.0, line_pad: float = 0.0) -> None:
        """``line_pad``: how far from a segment a rectangle must stay (half the
        drawn line's width, plus the polyline's gap to the true curve)."""
        self._cell = cell
        self._pad = line_pad
        self._rects: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
        self._segments: dict[tuple[int, int], list[tuple[float, ...]]] = {}
        self._runs: list[tuple[list[float], list[tuple[float, ...]], float]] = []
        """Each polyline's pieces no wider than a cell, sorted by their left edge
        (their left edges; the pieces; how far left of a box a piece may start and
        still reach it). A query bisects them instead of visiting cells: a curve of
        1,800 points is 14,400 pieces, nearly all this short, and putting each in
        its cell took more than the words' whole placement after (issue #14)."""

    def add_rect(self, rect: Rect) -> None:
        box = (rect.x, rect.y, rect.x + rect.w, rect.y + rect.h)
        c = self._cell
        index = self._rects
        rows = range(int(box[1] // c), int(box[3] // c) + 1)
        for i in range(int(box[0] // c), int(box[2] // c) + 1):  # every cell it touches
            for j in rows:
                cell = index.get((i, j))
                if cell is None:
                    index[(i, j)] = [box]
                else:
                    cell.append(box)

    def add_segment(self, a: Point, b: Point) -> None:
        self.add_polyline([a, b])

    def add_polyline(self, points: list[Point]) -> None:
        c = self._cell
        index = self._segments
        short: list[tuple[float, ...]] = []
        reach = 0.0
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            x1, x2 = (ax, bx) if ax <= bx else (bx, ax)
            y1, y2 = (ay, by) if ay <= by else (by, ay)
            entry = (x1, y1, x2, y2, ax, ay, bx, by)
            if x2 - x1 <= c:  # nearly every piece: into the run
                short.append(entry)
                if x2 - x1 > reach:
                    reach = x2 - x1
                continue
            # a long piece: in every cell it touches (the cells' loop written out)
            for i in range(int(x1 // c), int(x2 // c) + 1):
                for j in range(int(y1 // c), int(y2 // c) + 1):
                    cell = index.get((i, j))
                    if cell is None:
                        index[(i, j)] = [entry]
                    else:
                        cell.append(entry)
        if short:
            lefts = [e[0] for e in short]
            if any(map(operator.gt, lefts, lefts[1:])):  # (a curve's come sorted)
                short.sort(key=operator.itemgetter(0))
                lefts = [e[0] for e in short]
            # a point more than the widest piece: a piece reaching a box's left
            # edge starts past ``left - reach`` whatever the subtraction rounds
            self._runs.append((lefts, short, reach + 1.0))

    def pieces(self) -> list[tuple[float, ...]]:
        """Every segment in the index, once: (x1, y1, x2, y2, ax, ay, bx, by)
        with (x1, y1)-(x2, y2) its bounding box (for tests)."""
        seen: dict[int, tuple[float, ...]] = {}
        for cell in self._segments.values():
            for entry in cell:
                seen[id(entry)] = entry
        return [*seen.values(), *(e for _, run, _ in self._runs for e in run)]

    def is_free(self, rect: Rect) -> bool:
        """No rectangle or segment in the index touches ``rect``'s inside."""
        return self.is_free_box(rect.x, rect.y, rect.w, rect.h)

    def is_free_box(self, left: float, top: float, w: float, h: float) -> bool:
        """``is_free`` of the rectangle at (left, top), ``w`` × ``h``: the emotion
        words test ~7,000 candidate places on a wide map, most never kept, so they
        are not made ``Rect``s first (the cells' loop written out likewise)."""
        right, bottom = left + w, top + h
        pad = self._pad
        wl, wt, wr, wb = left - pad, top - pad, right + pad, bottom + pad
        wide: Rect | None = None
        c = self._cell
        rects, segments = self._rects, self._segments
        # A rectangle overlapping the box is in a cell the box touches (the
        # padding is for segments only).
        rows = range(int(top // c), int(bottom // c) + 1)
        for i in range(int(left // c), int(right // c) + 1):
            for j in rows:
                boxes = rects.get((i, j))
                if boxes:
                    for x1, y1, x2, y2 in boxes:
                        if x1 < right and x2 > left and y1 < bottom and y2 > top:
                            return False
        if segments:  # pieces longer than a cell
            rows = range(int(wt // c), int(wb // c) + 1)
            for i in range(int(wl // c), int(wr // c) + 1):
                for j in rows:
                    pieces = segments.get((i, j))
                    if pieces:
                        for seg in pieces:
                            if seg[0] > wr or seg[2] < wl or seg[1] > wb or seg[3] < wt:
                                continue
                            if wide is None:
                                wide = Rect(wl, wt, wr - wl, wb - wt)
                            if segment_hits_rect((seg[4], seg[5]), (seg[6], seg[7]), wide):
                                return False
        for lefts, run, reach in self._runs:
            # the pieces starting left of the box's right edge and late enough to reach it
            for k in range(bisect_left(lefts, wl - reach), bisect_right(lefts, wr)):
                seg = run[k]
                if seg[2] < wl or seg[1] > wb or seg[3] < wt:
                    continue
                if wide is None:
                    wide = Rect(wl, wt, wr - wl, wb - wt)
                if segment_hits_rect((seg[4], seg[5]), (seg[6], seg[7]), wide):
                    return False
        return True


def segment_hits_rect(a: Point, b: Point, rect: Rect) -> bool:
    """Whether the segment ``a``–``b`` enters ``rect`` (Liang–Barsky clipping)."""
    x0, y0 = a
    dx, dy = b[0] - x0, b[1] - y0
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, x0 - rect.x),
        (dx, rect.right - x0),
        (-dy, y0 - rect.y),
        (dy, rect.bottom - y0),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def path_polyline(ops: tuple[PathOp, ...] | list[PathOp], steps: int = BEZIER_STEPS) -> list[Point]:
    """The points of a path of M/L/C operations, each cubic cut in ``steps``."""
    out: list[Point] = []
    weights = _bezier_weights(steps)
    for op in ops:
        if op[0] == "M" or op[0] == "L":
            out.append((float(op[1]), float(op[2])))
        elif op[0] == "C" and out:
            x0, y0 = out[-1]
            x1, y1, x2, y2, x3, y3 = op[1:]
            out.extend(
                (w0 * x0 + w1 * x1 + w2 * x2 + w3 * x3, w0 * y0 + w1 * y1 + w2 * y2 + w3 * y3)
                for w0, w1, w2, w3 in weights
            )
    return out


@functools.cache
def _bezier_weights(steps: int) -> tuple[tuple[float, float, float, float], ...]:
    """For t = i / steps (i = 1..steps), the weights of a cubic's four points,
    each the product ``u * u * u``, ``3 * u * u * t``, ``3 * u * t * t``,
    ``t * t * t`` (u = 1 - t) as the formula multiplies it, so every point is the
    same float as the formula's (a wide map cuts 1,800 cubics)."""
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t))
    return tuple(out)
