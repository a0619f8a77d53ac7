"""A connection's line painted only near the part of the canvas being repainted.

On a dense map a connection's route runs up to 1.5 million points down the map,
and a drag repaints the ~120 connections that cross the card's small region on
every mouse move. Qt's rasterizer walks a stroke's whole outline, row by row of
device pixels, however small the part it may paint: a long line cost its length
(~35 µs each at 20,000 cards, 4 ms a move), a short one almost nothing.

``cut_polyline`` keeps the part of an orthogonal route that can reach a
rectangle (the exposed part, padded by more than a stroke's half width, its
miter and antialiasing), so the stroke is the same where it is seen:

- only axis-aligned end segments are shortened (along their own axis, so the
  outline's edges stay at the same coordinates); a slanted one is kept whole;
- the vertices kept are the route's own, so every join seen is the same;
- Qt fills a stroke of one segment (a path of two points) as a convex shape,
  with another rasterizer than a polyline's: a cut of a longer route that
  leaves one segment gets a point in its middle, on the line, so it stays a
  polyline (a join of two collinear segments adds nothing);
- dashed lines are not cut: Qt's dasher draws a segment of more than 10,000
  dash repetitions solid, and restarts the pattern after a segment out of the
  device, so the dashes' phase where they are seen depends on the whole route
  (a dashed line none of whose segments comes near is skipped, as is an arrow
  head far off: neither can paint there).

``tests/canvas/test_long_lines.py`` paints every connection of the three bench
shapes both ways at several zooms and spots and compares the pixels.
"""

from __future__ import annotations

from journeydesk.layout.primitives import Point


def cut_polyline(
    points: tuple[Point, ...], x1: float, y1: float, x2: float, y2: float
) -> tuple[Point, ...] | list[Point] | None:
    """The part of the polyline ``points`` from its first segment that meets the
    rectangle ``x1, y1, x2, y2`` to its last one, the first and last shortened
    to the rectangle when they are axis-aligned; ``points`` itself when nothing
    is to be cut, None when no segment meets it. The rectangle must reach
    farther than anything a stroke of the line may paint in the part wanted."""
    last = len(points) - 2
    first = -1
    end = -1
    for k in range(last + 1):
        ax, ay = points[k]
        bx, by = points[k + 1]
        if (
            (ax if ax > bx else bx) >= x1
            and (ax if ax < bx else bx) <= x2
            and (ay if ay > by else by) >= y1
            and (ay if ay < by else by) <= y2
        ):
            if first < 0:
                first = k
            end = k
    if first < 0:
        return None
    start = _clamp(points[first], points[first + 1], x1, y1, x2, y2)
    stop = _clamp(points[end + 1], points[end], x1, y1, x2, y2)
    if first == 0 and end == last and start == points[0] and stop == points[-1]:
        return points
    out = [start, *points[first + 1 : end + 1], stop]
    if len(out) == 2 and len(points) > 2:
        # One segment would be filled as a convex shape (see the docstring): a
        # point in the middle of a straight one, else the route's next point.
        (ax, ay), (bx, by) = out
        if ax == bx:
            out.insert(1, (ax, (ay + by) / 2))
        elif ay == by:
            out.insert(1, ((ax + bx) / 2, ay))
        elif end + 2 < len(points):
            out.append(points[end + 2])
        else:
            out.insert(0, points[first - 1])
    return out


def _clamp(p: Point, q: Point, x1: float, y1: float, x2: float, y2: float) -> Point:
    """``p``, the far end of the segment ``p``-``q`` that meets the rectangle,
    moved along the segment onto the rectangle when the segment is vertical or
    horizontal and ``p`` lies outside; else ``p``."""
    px, py = p
    if px == q[0]:  # vertical (x stays exactly the same)
        if py < y1:
            return (px, y1)
        if py > y2:
            return (px, y2)
    elif py == q[1]:  # horizontal
        if px < x1:
            return (x1, py)
        if px > x2:
            return (x2, py)
    return p
