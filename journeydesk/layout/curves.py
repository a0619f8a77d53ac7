"""Emotion curves in their lane: the line, each point's marker and words, and
the key of which colour is whose curve (split from ``engine``; no Qt)."""

from __future__ import annotations

from journeydesk.model.project import EmotionCurve

from . import shapes
from .context import LayoutContext
from .fonts import metrics
from .primitives import (
    Item,
    Line,
    Overflow,
    Path,
    Primitive,
    Rect,
    Text,
)
from .text import one_line
from .theme import (
    Z_CURVE,
    Z_CURVE_POINT,
    Z_HEADER,
    Theme,
)


def curve(
    theme: Theme,
    ctx: LayoutContext,
    curve: EmotionCurve,
    k: int,
    lane: Rect,
    step_index: dict[str, int],
    x0: float,
    taken: list[Rect],
) -> None:
    t = theme
    colour = curve.colour or t.curve_colours[k % len(t.curve_colours)]
    lo, hi = curve.scale.min, curve.scale.max
    top = lane.y + 14
    h = lane.h - 28

    def to_y(score: float) -> float:
        return top + (hi - score) / (hi - lo) * h

    pts = sorted(
        (
            (x0 + (step_index[p.step] + p.offset) * t.column_width, to_y(p.score), p)
            for p in curve.points
            if p.step in step_index
        ),
        key=lambda v: v[0],
    )
    prims: list[Primitive] = []
    if k == 0:
        zero = to_y(min(max(0.0, lo), hi))
        prims.append(Line(((x0, zero), (lane.right, zero)), t.grid, 0.75, (3, 3)))
    if len(pts) >= 2:
        prims.append(
            Path(shapes.monotone_curve([(x, y) for x, y, _ in pts]), stroke=colour, width=2.0)
        )
    bounds = Rect(x0, lane.y, lane.right - x0, lane.h)
    ctx.items.append(Item("curve", curve.id, bounds, Z_CURVE, prims))
    for x, y, p in pts:
        r = t.point_radius
        marks = shapes.score_mark(p.score, lo, hi, x, y, r, shapes.score_colour(p.score, lo, hi))
        words = p.emotion or p.label
        # Alternate sides between curves so two personas' words do not collide;
        # keep the label inside the lane.
        above = k % 2 == 0
        if above and y - top < t.curve_label_size * t.leading + r:
            above = False
        elif not above and top + h - y < t.curve_label_size * t.leading + r:
            above = True
        if words:
            txt, cut = one_line(words, t.face, t.curve_label_size, t.column_width - 8)
            if cut:
                ctx.overflows.append(Overflow(p.id, "emotion", words))
            lh = t.curve_label_size * t.leading
            tw = metrics(t.italic).width(txt, t.curve_label_size)
            sides = (above, not above)
            rects = {
                side: Rect(x - tw / 2, y - r - 2 - lh if side else y + r + 2, tw, lh)
                for side in sides
            }
            inside = {
                side: rects[side].y >= lane.y and rects[side].bottom <= lane.bottom
                for side in sides
            }
            above = next(
                (
                    side
                    for side in sides
                    if inside[side] and not any(rects[side].intersects(o) for o in taken)
                ),
                above,
            )
            taken.append(rects[above])
            ty = rects[above].y
            marks.append(
                Text(
                    x - t.column_width / 2 + 4,
                    ty,
                    t.column_width - 8,
                    (txt,),
                    t.italic,
                    t.curve_label_size,
                    _darker(colour),
                    t.curve_label_size * t.leading,
                    "center",
                )
            )
        ctx.items.append(
            Item("curve_point", p.id, Rect(x - r, y - r, 2 * r, 2 * r), Z_CURVE_POINT, marks)
        )


def curve_markers(
    theme: Theme, curves: list[EmotionCurve], lane: Rect, step_index: dict[str, int], x0: float
) -> list[Rect]:
    t = theme
    r = t.point_radius + 1
    out = []
    top, h = lane.y + 14, lane.h - 28
    for curve in curves:
        lo, hi = curve.scale.min, curve.scale.max
        for p in curve.points:
            if p.step in step_index:
                x = x0 + (step_index[p.step] + p.offset) * t.column_width
                y = top + (hi - p.score) / (hi - lo) * h
                out.append(Rect(x - r, y - r, 2 * r, 2 * r))
    return out


def curve_key(theme: Theme, ctx: LayoutContext, curves: list[EmotionCurve], lane: Rect) -> None:
    """Which colour is whose curve, under the lane's name."""
    t = theme
    if not curves:
        return
    personas = {p.id: p.name for p in ctx.project.personas}
    size = t.badge_size * 1.15
    lh = size * t.leading
    x = lane.x + 6
    w = t.lane_header_width - 12
    y = lane.bottom - 6 - lh * len(curves)
    prims: list[Primitive] = []
    for k, curve in enumerate(curves):
        colour = curve.colour or t.curve_colours[k % len(t.curve_colours)]
        name = curve.label or personas.get(curve.persona or "", "") or f"#{k + 1}"
        txt, _ = one_line(name, t.face, size, w - 16)
        yy = y + k * lh
        prims.append(Line(((x, yy + lh / 2), (x + 12, yy + lh / 2)), colour, 2.0))
        prims.append(Text(x + 16, yy, w - 16, (txt,), t.face, size, t.ink, lh))
    ctx.items.append(Item("curve_key", None, Rect(x, y, w, lh * len(curves)), Z_HEADER, prims))


# --- connections and separators ------------------------------------


def _darker(colour: str, f: float = 0.75) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * f):02X}{int(g * f):02X}{int(b * f):02X}"
