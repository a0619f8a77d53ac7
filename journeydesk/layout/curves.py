"""Emotion curves in their lane: the line, each point's marker and words, and
the key of which colour is whose curve (split from ``engine``; no Qt)."""

from __future__ import annotations

import functools

from journeydesk.model.project import CurvePoint, EmotionCurve

from . import shapes
from .context import LayoutContext
from .fonts import metrics
from .placement import FreeSpace, path_polyline
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

CurvePlan = tuple[str, int, str, float, float, list[tuple[float, float, str]]]
"""What a curve's Items are drawn from, wherever its lane's top is: its id,
its place ``k`` in the lane, its colour, its scale's ends, and its drawn points
left to right as (x, score, point id) (``curve_plan``). A copy: a command
changes the model in place, and a lane that only moved draws its Items from it
when they are first read (layout/curvelane.py)."""


def curve_plan(
    theme: Theme, curve: EmotionCurve, k: int, step_index: dict[str, int], x0: float
) -> CurvePlan:
    """``curve``'s plan (``CurvePlan``) as the ``k``-th curve of its lane."""
    t = theme
    colour = curve.colour or t.curve_colours[k % len(t.curve_colours)]
    pts = sorted(
        (
            (x0 + (step_index[p.step] + p.offset) * t.column_width, p.score, p.id)
            for p in curve.points
            if p.step in step_index
        ),
        key=lambda v: v[0],
    )
    return (curve.id, k, colour, curve.scale.min, curve.scale.max, pts)


def curve_items(
    theme: Theme,
    plan: CurvePlan,
    lane: Rect,
    x0: float,
    words: dict[str, tuple[str, Rect]],
    lazy: bool = False,
) -> list[Item]:
    """The curve's line and each point's marker and word (placed by
    ``emotion_words`` in the lane as if its top were at 0: ``words`` are moved
    to the lane's top here, so a lane that only moved keeps its words' places,
    layout/curvelane.py). With ``lazy`` their drawings are made on first use,
    like the cards' (primitives.Item ``make``): a wide map's curve lane is off
    screen when it opens. What a drawing reads is copied first (a command
    changes the model in place), and a point's ``drawn_from`` holds it all, so
    ``connections.emotion_marks`` finds its word's box without drawing it."""
    out = [line_item(theme, plan, lane, x0, lazy)]
    for x, score, pid in plan[5]:
        out.append(point_item(theme, plan, x, score, pid, lane, words, lazy))
    return out


def to_y(score: float, lo: float, hi: float, lane: Rect) -> float:
    """A score's y in the lane: from the lane's top, then moved there (what
    ``emotion_words`` placed in the lane at 0 is where it is in the lane
    wherever that is)."""
    return (14 + (hi - score) / (hi - lo) * (lane.h - 28)) + lane.y


def line_item(theme: Theme, plan: CurvePlan, lane: Rect, x0: float, lazy: bool) -> Item:
    """The curve's line (and the lane's zero line, for its first curve)."""
    t = theme
    _cid, k, colour, lo, hi, pts = plan
    zero = to_y(min(max(0.0, lo), hi), lo, hi, lane) if k == 0 else None
    xys = [(x, to_y(score, lo, hi, lane)) for x, score, _pid in pts]
    bounds = Rect(x0, lane.y, lane.right - x0, lane.h)
    if lazy:
        line = functools.partial(_line, t, zero, x0, lane.right, xys, colour)
        return Item("curve", plan[0], bounds, Z_CURVE, make=line)
    return Item("curve", plan[0], bounds, Z_CURVE, _line(t, zero, x0, lane.right, xys, colour))


def point_item(
    theme: Theme,
    plan: CurvePlan,
    x: float,
    score: float,
    pid: str,
    lane: Rect,
    words: dict[str, tuple[str, Rect]],
    lazy: bool,
) -> Item:
    """One point's marker and word."""
    t = theme
    lo, hi = plan[3], plan[4]
    y = to_y(score, lo, hi, lane)
    r = t.point_radius
    word = words.get(pid)
    if word is not None:
        spot = word[1]
        word = (word[0], Rect(spot.x, spot.y + lane.y, spot.w, spot.h))
    point = (t, x, y, score, lo, hi, plan[2], word)
    marks_at = Rect(x - r, y - r, 2 * r, 2 * r)
    if lazy:
        return Item(
            "curve_point",
            pid,
            marks_at,
            Z_CURVE_POINT,
            make=functools.partial(point_primitives, *point),
            drawn_from=point,
        )
    return Item("curve_point", pid, marks_at, Z_CURVE_POINT, point_primitives(*point))


def _line(
    t: Theme,
    zero: float | None,
    x0: float,
    right: float,
    xys: list[tuple[float, float]],
    colour: str,
) -> list[Primitive]:
    """A curve's line (and, for the lane's first curve, the dotted zero line)."""
    prims: list[Primitive] = []
    if zero is not None:
        prims.append(Line(((x0, zero), (right, zero)), t.grid, 0.75, (3, 3)))
    if len(xys) >= 2:
        prims.append(Path(shapes.monotone_curve(xys), stroke=colour, width=2.0))
    return prims


def point_primitives(
    t: Theme,
    x: float,
    y: float,
    score: float,
    lo: float,
    hi: float,
    colour: str,
    word: tuple[str, Rect] | None,
) -> list[Primitive]:
    """A point's marker and its word (if ``emotion_words`` found it a place)."""
    r = t.point_radius
    marks = shapes.score_mark(score, lo, hi, x, y, r, shapes.score_colour(score, lo, hi))
    text = word_text(t, colour, word)
    if text is not None:
        marks.append(text)
    return marks


def word_text(t: Theme, colour: str, word: tuple[str, Rect] | None) -> Text | None:
    """A point's word as drawn in its place."""
    if word is None:
        return None
    txt, spot = word
    cx = spot.x + spot.w / 2
    return Text(
        cx - t.column_width / 2 + 4,
        spot.y,
        t.column_width - 8,
        (txt,),
        t.italic,
        t.curve_label_size,
        _darker(colour),
        t.curve_label_size * t.leading,
        "center",
    )


def _curve_points(
    theme: Theme, curve: EmotionCurve, lane: Rect, step_index: dict[str, int], x0: float
) -> list[tuple[float, float, CurvePoint]]:
    """The curve's drawn points, left to right (the same as ``curve`` draws)."""
    t = theme
    lo, hi = curve.scale.min, curve.scale.max
    h = lane.h - 28
    return sorted(
        (
            (
                x0 + (step_index[p.step] + p.offset) * t.column_width,
                (14 + (hi - p.score) / (hi - lo) * h) + lane.y,
                p,
            )
            for p in curve.points
            if p.step in step_index
        ),
        key=lambda v: v[0],
    )


def emotion_words(
    theme: Theme,
    ctx: LayoutContext,
    curves: list[EmotionCurve],
    lane: Rect,
    step_index: dict[str, int],
    x0: float,
) -> dict[str, tuple[str, Rect]]:
    """Where each point's word goes: its line and the box it takes.

    Every point's marker and every curve's line in the lane go into a spatial
    index first; then the words are placed, those with the fewest free spots
    first, each at its first spot still free (so the cost grows with the number
    of points, not its square). A word with no free spot is left out of the
    drawing and reported as an overflow rather than printed over another word,
    a point or a line (the inspector still shows it).
    """
    t = theme
    r = t.point_radius
    italic = metrics(t.italic)
    # the glyphs' box: ascender to descender, or the line's leading if taller
    lh = t.curve_label_size * max(t.leading, italic.ascent + italic.descent)
    # a curve is drawn 2 pt wide: a word keeps 1.5 pt from its centre line
    space = FreeSpace(cell=max(t.column_width / 2, 16.0), line_pad=1.5)
    drawn = [_curve_points(t, c, lane, step_index, x0) for c in curves]
    for pts in drawn:
        for x, y, _ in pts:
            space.add_rect(Rect(x - r - 1, y - r - 1, 2 * r + 2, 2 * r + 2))
        if len(pts) >= 2:
            space.add_polyline(path_polyline(shapes.monotone_curve([(x, y) for x, y, _ in pts])))
    is_free = space.is_free_box
    wanted: list[tuple[int, int, str, str, list[Box]]] = []
    for k, pts in enumerate(drawn):
        for x, y, p in pts:
            words = p.emotion or p.label
            if not words:
                continue
            txt, cut = one_line(words, t.face, t.curve_label_size, t.column_width - 8)
            if cut:
                ctx.overflows.append(Overflow(p.id, "emotion", words))
            tw = italic.width(txt, t.curve_label_size)
            # Alternate sides between curves so two personas' words do not meet.
            spots = _spots(x, y, r, tw, lh, k % 2 == 0, lane)
            # how constrained it is: no, one, or more free spots (counting stops at 2)
            free = 0
            for candidate in spots:
                if is_free(*candidate):
                    free += 1
                    if free == 2:
                        break
            wanted.append((free, len(wanted), p.id, txt, spots))
    placed: dict[str, tuple[str, Rect]] = {}
    words_of = {p.id: p.emotion or p.label for c in curves for p in c.points}
    for free, _, pid, txt, spots in sorted(wanted):
        box = next((b for b in spots if is_free(*b)), None) if free else None
        if box is None:
            ctx.overflows.append(Overflow(pid, "emotion", words_of[pid]))
            continue
        spot = Rect(*box)
        space.add_rect(spot)
        placed[pid] = (txt, spot)
    return placed


Box = tuple[float, float, float, float]
"""A place as (x, y, w, h): the ``Rect`` it becomes when a word is put there."""


def _spots(
    x: float, y: float, r: float, tw: float, lh: float, above: bool, lane: Rect
) -> list[Box]:
    """Places for a word of ``tw`` × ``lh`` next to the point at (x, y) inside
    ``lane``, best first: centred on its preferred side, then the other, one line
    further out on each, then beside the point on the right and on the left."""
    w = tw + 2  # a point of air either side: italic glyphs overhang their advance
    up = (y - r - 2 - lh, y - r - 2 - 2 * lh)
    down = (y + r + 2, y + r + 2 + lh)
    first, second = (up, down) if above else (down, up)
    out = [(x - w / 2, top, w, lh) for pair in zip(first, second, strict=True) for top in pair]
    out += [(x + r + 3, y - lh / 2, w, lh), (x - r - 3 - w, y - lh / 2, w, lh)]
    # inside the lane (the comparisons ``Rect``'s edges would make)
    ly, lx = lane.y, lane.x
    lb, lr = lane.y + lane.h, lane.x + lane.w
    return [b for b in out if b[1] >= ly and b[1] + b[3] <= lb and b[0] >= lx and b[0] + b[2] <= lr]


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


@functools.lru_cache(maxsize=256)  # a curve's one colour, asked for each of its words
def _darker(colour: str, f: float = 0.75) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * f):02X}{int(g * f):02X}{int(b * f):02X}"
