"""Small vector marks shared by the map and its legend: sentiment, evidence
confidence, emotion scores, arrow heads. Each is readable in greyscale (shape
carries the meaning, colour only helps)."""

from __future__ import annotations

import functools
import math

from .primitives import Box, Line, Path, PathOp, Point, Primitive, Rect


def circle_ops(cx: float, cy: float, r: float) -> tuple[PathOp, ...]:
    k = 0.5522847498 * r
    return (
        ("M", cx + r, cy),
        ("C", cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        ("C", cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        ("C", cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        ("C", cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        ("Z",),
    )


def half_circle_ops(cx: float, cy: float, r: float) -> tuple[PathOp, ...]:
    """The left half of a circle, closed (for "assumed" evidence)."""
    k = 0.5522847498 * r
    return (
        ("M", cx, cy - r),
        ("C", cx - k, cy - r, cx - r, cy - k, cx - r, cy),
        ("C", cx - r, cy + k, cx - k, cy + r, cx, cy + r),
        ("Z",),
    )


def polygon_ops(points: list[Point]) -> tuple[PathOp, ...]:
    ops: list[PathOp] = [("M", *points[0])]
    ops += [("L", *p) for p in points[1:]]
    ops.append(("Z",))
    return tuple(ops)


def sentiment_mark(kind: str, cx: float, cy: float, r: float, colour: str) -> list[Primitive]:
    """positive: disc with a plus; neutral: ring with a bar; problematic: triangle with a bang."""
    if kind == "positive":
        return [
            Path(circle_ops(cx, cy, r), fill=colour),
            Line(((cx - r * 0.55, cy), (cx + r * 0.55, cy)), "#FFFFFF", r * 0.3),
            Line(((cx, cy - r * 0.55), (cx, cy + r * 0.55)), "#FFFFFF", r * 0.3),
        ]
    if kind == "problematic":
        h = r * 1.1
        tri = [(cx, cy - h), (cx + h * 1.05, cy + h * 0.8), (cx - h * 1.05, cy + h * 0.8)]
        return [
            Path(polygon_ops(tri), fill=colour),
            Line(((cx, cy - h * 0.45), (cx, cy + h * 0.2)), "#FFFFFF", r * 0.28),
            Box(Rect(cx - r * 0.14, cy + h * 0.36, r * 0.28, r * 0.28), fill="#FFFFFF"),
        ]
    return [
        Path(circle_ops(cx, cy, r * 0.85), fill="#FFFFFF", stroke=colour, width=r * 0.3),
        Line(((cx - r * 0.45, cy), (cx + r * 0.45, cy)), colour, r * 0.3),
    ]


def confidence_mark(kind: str, cx: float, cy: float, r: float, colour: str) -> list[Primitive]:
    """observed: full disc; assumed: half disc; proposed: empty ring."""
    ring = Path(circle_ops(cx, cy, r), fill=None, stroke=colour, width=max(0.5, r * 0.25))
    if kind == "observed":
        return [Path(circle_ops(cx, cy, r), fill=colour, stroke=colour, width=max(0.5, r * 0.25))]
    if kind == "assumed":
        return [Path(half_circle_ops(cx, cy, r), fill=colour), ring]
    return [ring]


def score_mark(
    score: float, lo: float, hi: float, cx: float, cy: float, r: float, colour: str
) -> list[Primitive]:
    """An emotion point: up-triangle for the top of the scale, down-triangle for
    the bottom, a diamond around the middle, always outlined in dark ink."""
    span = hi - lo
    rel = (score - lo) / span if span else 0.5
    if rel >= 0.625:
        pts = [(cx, cy - r * 1.15), (cx + r * 1.1, cy + r * 0.75), (cx - r * 1.1, cy + r * 0.75)]
    elif rel <= 0.375:
        pts = [(cx, cy + r * 1.15), (cx + r * 1.1, cy - r * 0.75), (cx - r * 1.1, cy - r * 0.75)]
    else:
        pts = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    return [Path(polygon_ops(pts), fill=colour, stroke="#1F2430", width=0.8)]


@functools.lru_cache(maxsize=4096)  # a curve's scores repeat (1,800 points on a wide map)
def score_colour(score: float, lo: float, hi: float) -> str:
    """Red at the bottom of the scale through grey to green at the top."""
    span = hi - lo
    t = (score - lo) / span if span else 0.5
    t = min(1.0, max(0.0, t))
    low, mid, high = (0xC0, 0x39, 0x2B), (0x95, 0x9C, 0xA6), (0x1E, 0x84, 0x49)
    a, b, u = (low, mid, t * 2) if t < 0.5 else (mid, high, (t - 0.5) * 2)
    rgb = tuple(round(a[i] + (b[i] - a[i]) * u) for i in range(3))
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def arrow_head(tip: Point, previous: Point, size: float) -> tuple[Point, Point, Point]:
    """The three corners of an arrow head at ``tip`` pointing away from ``previous``."""
    angle = math.atan2(tip[1] - previous[1], tip[0] - previous[0])
    left = (tip[0] - size * math.cos(angle - 0.45), tip[1] - size * math.sin(angle - 0.45))
    right = (tip[0] - size * math.cos(angle + 0.45), tip[1] - size * math.sin(angle + 0.45))
    return tip, left, right


def monotone_curve(points: list[Point]) -> tuple[PathOp, ...]:
    """A smooth path through ``points`` (sorted by x) that never overshoots
    between two points (Fritsch–Carlson monotone cubic interpolation), so an
    emotion curve never shows a score nobody gave."""
    n = len(points)
    if n == 0:
        return ()
    if n == 1:
        return (("M", *points[0]),)
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    d = []
    for i in range(n - 1):
        dx = xs[i + 1] - xs[i]
        d.append((ys[i + 1] - ys[i]) / dx if dx else 0.0)
    m = [d[0]] + [0.0] * (n - 2) + [d[-1]]
    for i in range(1, n - 1):
        if d[i - 1] * d[i] <= 0:
            m[i] = 0.0
        else:
            m[i] = (d[i - 1] + d[i]) / 2
    for i in range(n - 1):
        if d[i] == 0:
            m[i] = m[i + 1] = 0.0
            continue
        a, b = m[i] / d[i], m[i + 1] / d[i]
        s = a * a + b * b
        if s > 9:
            t = 3 / math.sqrt(s)
            m[i], m[i + 1] = t * a * d[i], t * b * d[i]
    ops: list[PathOp] = [("M", xs[0], ys[0])]
    for i in range(n - 1):
        h = (xs[i + 1] - xs[i]) / 3
        ops.append(
            (
                "C",
                xs[i] + h,
                ys[i] + m[i] * h,
                xs[i + 1] - h,
                ys[i + 1] - m[i + 1] * h,
                xs[i + 1],
                ys[i + 1],
            )
        )
    return tuple(ops)
