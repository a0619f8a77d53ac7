"""Connections between cards: routed around the cards and the emotion
curves' points and words, with their labels clear of all of them (split from
``engine``; no Qt)."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

from journeydesk.model.project import Lane

from . import routing, shapes, zones
from .context import LayoutContext
from .fonts import metrics
from .primitives import (
    Box,
    Item,
    Line,
    Path,
    Point,
    Primitive,
    Rect,
    Text,
)
from .stack import FAR, GRID
from .text import one_line
from .theme import (
    Z_CONNECTION,
    Theme,
)


def connections(
    theme: Theme,
    router: routing.Router,
    ctx: LayoutContext,
    boxes: dict[str, Rect],
    lane_rects: dict[str, Rect],
    lanes: list[Lane],
    x0: float,
    layouter: zones.Lanes | None = None,
    marks: list[Rect] | None = None,
) -> None:
    """``layouter``: the one laying the map out, whose lanes tell the router
    what moved since its last call (``zones.zone``). ``marks``: the curve
    points' ``emotion_marks`` (the same list while they are the same: the router
    keeps what it made of it; None: made here from the items)."""
    t = theme
    zone = None if layouter is None else zones.zone(theme, layouter)
    shown = [c for c in ctx.jmap.connections if c.source in boxes and c.target in boxes]
    if not shown:
        return
    # an arrow or its label drawn over a point or its word hides the emotion
    # (the cards keyed by id, so the router sees which changed since the last layout)
    routes = router.route_all(
        [(boxes[c.source], boxes[c.target]) for c in shown],
        boxes,
        t.column_gap,
        t.lane_padding,
        t.column_width,
        _kept_marks(router, ctx.items) if marks is None else marks,
        [(c.source, c.target) for c in shown],
        zone,
    )
    # A route the router kept is the same list object: a connection with the
    # same route, kind and label keeps its Item, so the canvas passes over it
    # after an edit. Where a label goes depends on the obstacles where it was
    # looked for: a labelled one is kept only when none changed there since
    # the layout it was drawn in (the router's last call but one).
    drawn, now = router.drawn, {}
    labels_known = router.drawn_at == router.calls - 1
    moved, steps = router.moved, 2 * GRID
    for conn, route in zip(shown, routes, strict=True):
        kept = drawn.get(conn.id)
        if (
            kept is not None
            and kept[1] == conn.kind
            and kept[2] == conn.label
            and isinstance(kept[3], Item)
        ):
            if kept[0] is route and (
                kept[4] is None or (labels_known and not router.changed_in(kept[4]))
            ):
                now[conn.id] = kept
                ctx.items.append(kept[3])
                continue
            # A route the router moved by the zone's dy (``Router._zoned``:
            # every y of it the last one's + dy, exact on the grid) and no
            # label: its Item is the last one's, bounds + dy (the min and max
            # of ys each moved by dy, exactly), drawn from the route when first
            # read (an edit that adds a line moved ~600 of 800 routes).
            shift = moved.get(id(route))
            if shift is not None and shift[0] is route and shift[1] is kept[0] and not conn.label:
                b, dy = kept[3].bounds, shift[2]
                if (
                    (b.y * steps).is_integer()
                    and (b.h * steps).is_integer()
                    and (dy * steps).is_integer()
                    and -FAR < b.y < FAR
                    and -FAR < b.h < FAR
                    and -FAR < dy < FAR
                ):
                    item = Item(
                        "connection",
                        conn.id,
                        Rect(b.x, b.y + dy, b.w, b.h),
                        Z_CONNECTION,
                        make=functools.partial(_drawing, t, route, conn.kind),
                    )
                    now[conn.id] = (route, conn.kind, conn.label, item, None)
                    ctx.items.append(item)
                    continue
        prims = _drawing(t, route, conn.kind)
        area = None
        if conn.label:
            label, area = _label(theme, conn.label, route, router.blocked)
            prims += label
        xs = [p[0] for p in route]
        ys = [p[1] for p in route]
        bounds = Rect(min(xs) - 6, min(ys) - 6, max(xs) - min(xs) + 12, max(ys) - min(ys) + 12)
        item = Item("connection", conn.id, bounds, Z_CONNECTION, prims)
        now[conn.id] = (route, conn.kind, conn.label, item, area)
        ctx.items.append(item)
    router.drawn, router.drawn_at = now, router.calls


def _drawing(theme: Theme, route: list[Point], kind: str) -> list[Primitive]:
    """A connection's line and arrow head, without its label."""
    dash: tuple[float, ...] = (4, 3) if kind in ("handoff", "loop") else ()
    prims: list[Primitive] = [Line(tuple(route), theme.connection, 1.1, dash, arrow=True)]
    head = shapes.arrow_head(route[-1], route[-2], 6)
    prims.append(Path(shapes.polygon_ops(list(head)), fill=theme.connection))
    return prims


def _kept_marks(router: routing.Router, items: list[Item]) -> list[Rect]:
    """``emotion_marks``, kept while the curve points are the very same Items
    (the curve lanes keep theirs: a wide map's 1,800 words were measured again
    on every edit)."""
    points = [item for item in items if item.kind == "curve_point"]
    found = router.marks
    if (
        found is None
        or len(found[0]) != len(points)
        or any(a is not b for a, b in zip(found[0], points, strict=True))
    ):
        found = router.marks = (points, emotion_marks(points))
    return found[1]


def emotion_marks(items: list[Item], pad: float = 2.0) -> list[Rect]:
    """The boxes of the emotion curves' points and of their words (the ink of
    each word's line, not the column-wide box it is centred in)."""
    out: list[Rect] = []
    for item in items:
        if item.kind != "curve_point":
            continue
        out.append(item.bounds.adjusted(-pad, -pad, pad, pad))
        point = item.drawn_from
        if not item.made and isinstance(point, tuple):
            # drawn on first use (curves.curve): its word's ink as it will be
            # drawn (``curves.word_text``, measured below), the point not drawn
            if point[7] is not None:
                t, (txt, spot) = point[0], point[7]
                size = t.curve_label_size
                w = metrics(t.italic).width(txt, size)
                x = spot.x + spot.w / 2 - t.column_width / 2 + 4  # the Text's x
                x += (t.column_width - 8 - w) / 2  # centred in its width
                h = size * t.leading  # its one line's height
                out.append(Rect(x - pad, spot.y - pad, w + 2 * pad, h + 2 * pad))
            continue
        for prim in item.primitives:
            if isinstance(prim, Text) and prim.lines:
                w = max(metrics(prim.face).width(line, prim.size) for line in prim.lines)
                x = {"center": prim.x + (prim.width - w) / 2, "right": prim.x + prim.width - w}.get(
                    prim.align, prim.x
                )
                out.append(Rect(x - pad, prim.y - pad, w + 2 * pad, prim.height + 2 * pad))
    return out


def connection_label(
    theme: Theme, text: str, route: list[Point], cards: list[Rect]
) -> list[Primitive]:
    """The label sits just above the route's longest horizontal run, clear of
    the cards; when no run has room it is left out of the drawing."""
    return _label(theme, text, route, lambda rect: any(rect.intersects(c) for c in cards))[0]


def _label(
    theme: Theme, text: str, route: list[Point], blocked: Callable[[Rect], bool]
) -> tuple[list[Primitive], Rect | None]:
    """``connection_label``, with whether a place is taken asked of
    ``blocked``; also where it looked (a box around every place it tried,
    None: none), so a kept label is known to be still right while nothing
    there changes."""
    t = theme
    size = t.badge_size
    h = size * t.leading
    runs = sorted(
        ((abs(q[0] - p[0]), p, q) for p, q in itertools.pairwise(route) if abs(q[1] - p[1]) < 0.01),
        reverse=True,
    )
    area: Rect | None = None
    for length, p, q in runs:
        if length < 30:
            break
        txt, _ = one_line(text, t.italic, size, length - 8)
        w = metrics(t.italic).width(txt, size) + 4
        cx = (p[0] + q[0]) / 2
        for y in (p[1] - h - 1, p[1] + 1):
            rect = Rect(cx - w / 2, y, w, h)
            # (1 pt wider all round: the union's sums may round inwards)
            tried = rect.adjusted(-1, -1, 1, 1)
            area = tried if area is None else area.united(tried)
            if not blocked(rect):
                return [
                    Box(rect, fill="#FFFFFF"),
                    Text(rect.x, rect.y, w, (txt,), t.italic, size, t.connection, h, "center"),
                ], area
    return [], area
