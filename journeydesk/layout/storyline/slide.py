"""A slide being laid out, and the pieces every kind of slide shares: the
context strip, the caption band, the heading; primitives moved and scaled."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Literal, cast

from journeydesk.model.project import JourneyMap, Project, Stage

from ..engine import LayoutOptions, MapLayouter
from ..fonts import Face, metrics
from ..primitives import (
    Box,
    Image,
    Item,
    Line,
    MapLayout,
    Overflow,
    Path,
    PathOp,
    Primitive,
    Rect,
    Text,
)
from ..text import wrap
from ..theme import Theme

MIN_TEXT = 28.0
"""Smallest panel and caption text, in pixels at 1080p."""

PANEL_KINDS = ("touchpoint", "pain_point", "moment_of_truth")


STRIP_STEPS = 16
"""Most steps a stage slide's context strip shows. A longer map's strip is the
stage and its neighbours up to this many steps: drawn whole, a 900-step map's
strip was a hairline across the slide (scaled to its width), and laying it
out again for each of its 258 stage slides made a storyline's time grow with
the square of the map's width."""


def strip_stages(stages: list[Stage], stage: Stage | None) -> list[Stage]:
    """The stages a context strip shows: all of them when they have no more than
    ``STRIP_STEPS`` steps or no stage is current (the closing slide); else
    ``stage`` and the stages around it, one at a time on either side (before it
    first) while the steps stay within ``STRIP_STEPS``."""
    total = sum(len(s.steps) for s in stages)
    if stage is None or total <= STRIP_STEPS:
        return stages
    at = next((i for i, s in enumerate(stages) if s.id == stage.id), None)
    if at is None:
        return stages
    lo, hi = at, at + 1
    count = len(stages[at].steps)
    grew = True
    while grew:
        grew = False
        if lo > 0 and count + len(stages[lo - 1].steps) <= STRIP_STEPS:
            lo -= 1
            count += len(stages[lo].steps)
            grew = True
        if hi < len(stages) and count + len(stages[hi].steps) <= STRIP_STEPS:
            count += len(stages[hi].steps)
            hi += 1
            grew = True
    return stages[lo:hi]


# --- primitives helpers -------------------------------------------------------


def transform(prims: Iterable[Primitive], s: float, dx: float, dy: float) -> list[Primitive]:
    """Primitives scaled by ``s`` about the origin, then moved by ``(dx, dy)``."""

    def pt(x: float, y: float) -> tuple[float, float]:
        return x * s + dx, y * s + dy

    def rect(r: Rect) -> Rect:
        return Rect(r.x * s + dx, r.y * s + dy, r.w * s, r.h * s)

    def dash(d: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(v * s for v in d)

    out: list[Primitive] = []
    for p in prims:
        if isinstance(p, Box):
            out.append(
                replace(
                    p,
                    rect=rect(p.rect),
                    stroke_width=p.stroke_width * s,
                    radius=p.radius * s,
                    dash=dash(p.dash),
                )
            )
        elif isinstance(p, Line):
            out.append(
                replace(
                    p,
                    points=tuple(pt(*q) for q in p.points),
                    width=p.width * s,
                    dash=dash(p.dash),
                )
            )
        elif isinstance(p, Path):
            ops: list[PathOp] = []
            for op in p.ops:
                if op[0] == "Z":
                    ops.append(op)
                else:
                    vals = op[1:]
                    moved = [v * s + (dx if k % 2 == 0 else dy) for k, v in enumerate(vals)]
                    ops.append(cast(PathOp, (op[0], *moved)))
            out.append(replace(p, ops=tuple(ops), width=p.width * s, dash=dash(p.dash)))
        elif isinstance(p, Text):
            x, y = pt(p.x, p.y)
            out.append(
                replace(p, x=x, y=y, width=p.width * s, size=p.size * s, leading=p.leading * s)
            )
        elif isinstance(p, Image):
            out.append(replace(p, rect=rect(p.rect)))
    return out


class Slide:
    """A slide being laid out: unit ``u`` is one pixel at 1080p."""

    def __init__(
        self,
        project: Project,
        jmap: JourneyMap,
        width: float,
        height: float,
        theme: Theme,
        language: str,
    ) -> None:
        self.project = project
        self.jmap = jmap
        self.w = width
        self.h = height
        self.u = height / 1080.0
        self.theme = theme
        self.lang = language
        self.mx = 84 * self.u
        self.items: list[Item] = [
            Item(
                "background",
                None,
                Rect(0, 0, width, height),
                0,
                [Box(Rect(0, 0, width, height), fill=theme.background)],
            )
        ]
        self.overflows: list[Overflow] = []

    def add(self, kind: str, element: str | None, prims: list[Primitive], z: float = 10) -> None:
        if not prims:
            return
        bounds = _bounds(prims)
        self.items.append(Item(kind, element, bounds, z, prims))

    def text(
        self,
        x: float,
        y: float,
        w: float,
        s: str,
        size: float,
        face: Face | None = None,
        colour: str | None = None,
        max_lines: int = 1,
        align: Literal["left", "center", "right"] = "left",
        leading: float = 1.22,
    ) -> Text:
        """Wrapped text at ``size`` units of 1080p; cut with an ellipsis past ``max_lines``."""
        px = size * self.u
        f = face or self.theme.face
        wrapped = wrap(s, f, px, w, max_lines)
        if wrapped.truncated:
            self.overflows.append(Overflow(None, "slide", s))
        return Text(x, y, w, wrapped.lines, f, px, colour or self.theme.ink, px * leading, align)

    def layout(self) -> MapLayout:
        return MapLayout(
            self.jmap.id, self.w, self.h, self.items, self.overflows, MIN_TEXT * self.u
        )

    # --- pieces shared by the scenes -------------------------------------

    def context_strip(
        self, top: float, max_h: float, stage: Stage | None, curve_h: float = 110.0
    ) -> float:
        """The map's stage and step headers and its curve lanes, drawn small
        across the slide; ``stage`` highlighted, the others dimmed, the curves
        drawn up to it. Returns the strip's bottom."""
        jmap = self.jmap
        stages = strip_stages(jmap.stages, stage)
        steps = [s for st in stages for s in st.steps]
        index = {s.id: i for i, s in enumerate(steps)}
        last = len(steps) - 1
        if stage is not None and stage.steps:
            last = index[stage.steps[-1].id]
        curves = [
            c.model_copy(
                update={"points": [p for p in c.points if index.get(p.step, last + 1) <= last]}
            )
            for c in jmap.curves
        ]
        # Only the curve lanes are shown: the cards and connections would be walked
        # by the layout for nothing (once per slide, over the whole map).
        small = jmap.model_copy(
            update={
                "stages": [s.model_copy(update={"kpis": []}) for s in stages],
                "curves": curves,
                "cards": [],
                "connections": [],
            }
        )
        curve_lanes = frozenset(
            lane.id for lane in jmap.lanes if lane.display == "curve" and not lane.collapsed
        )
        theme = replace(self.theme, margin=0.0, curve_lane_height=curve_h)
        strip = MapLayouter(theme).layout(
            self.project,
            small,
            LayoutOptions(
                language=self.lang,
                lanes=curve_lanes,
                title_block=False,
                legend=False,
                comments=False,
            ),
        )
        avail_w = self.w - 2 * self.mx
        s = min(avail_w / max(1.0, strip.width), max_h / max(1.0, strip.height))
        dx = self.mx + (avail_w - strip.width * s) / 2
        dy = top
        prims: list[Primitive] = []
        for item in strip.sorted_items():
            if item.kind == "background":
                continue
            prims += transform(item.primitives, s, dx, dy)
        bottom = top + strip.height * s
        self.add("context", None, prims, z=5)
        if stage is not None:
            over: list[Primitive] = []
            here: Rect | None = None
            for item in strip.items:
                if item.kind != "stage":
                    continue
                r = Rect(item.bounds.x * s + dx, top, item.bounds.w * s, bottom - top)
                if item.element == stage.id:
                    here = r
                else:
                    over.append(Box(r, fill=self.theme.slide_dim))
            self.add("context_dim", None, over, z=6)
            if here is not None:
                pad = 4 * self.u
                frame = Box(
                    here.adjusted(-pad, -pad, pad, pad),
                    stroke=self.theme.slide_accent,
                    stroke_width=5 * self.u,
                    radius=6 * self.u,
                )
                self.items.append(Item("context_stage", stage.id, frame.rect, 7, [frame]))
        return bottom

    def caption(self, narration: str) -> float:
        """The narration in a band at the bottom; returns the band's top (or the
        slide's bottom when there is no narration)."""
        if not narration.strip():
            return self.h
        u = self.u
        size = 31.0
        inner = self.w - 2 * self.mx
        t = self.text(
            self.mx,
            0,
            inner,
            narration,
            size,
            self.theme.face,
            self.theme.slide_inverse_ink,
            4,
            leading=1.28,
        )
        pad = 26 * u
        top = self.h - t.height - 2 * pad
        t = replace(t, y=top + pad)
        self.add(
            "caption",
            None,
            [Box(Rect(0, top, self.w, self.h - top), fill=self.theme.slide_caption_fill), t],
            z=20,
        )
        return top

    def heading(
        self, y: float, eyebrow: str, title: str, size: float = 60.0, inline: bool = False
    ) -> float:
        """A title with a small accent line above it, or (``inline``) at its right
        on the same baseline; returns the bottom."""
        u = self.u
        w = self.w - 2 * self.mx
        t = self.theme
        prims: list[Primitive] = []
        if eyebrow and inline:
            ew = min(w * 0.4, metrics(t.bold).width(eyebrow, 28 * u) + 2 * u)
            title_t = self.text(
                self.mx, y, w - ew - 40 * u, title, size, t.bold, t.ink, 1, leading=1.15
            )
            base = y + metrics(t.bold).ascent * size * u
            e = self.text(
                self.mx + w - ew,
                base - metrics(t.bold).ascent * 28 * u,
                ew,
                eyebrow,
                28,
                t.bold,
                t.slide_accent,
                align="right",
            )
            self.add("title", None, [title_t, e], z=10)
            return y + title_t.height
        if eyebrow:
            e = self.text(self.mx, y, w, eyebrow, 28, t.bold, t.slide_accent)
            prims.append(e)
            y += e.height + 4 * u
        title_t = self.text(self.mx, y, w, title, size, t.bold, t.ink, 1, leading=1.15)
        prims.append(title_t)
        self.add("title", None, prims, z=10)
        return y + title_t.height


def _bounds(prims: list[Primitive]) -> Rect:
    rects: list[Rect] = []
    for p in prims:
        if isinstance(p, (Box, Image)):
            rects.append(p.rect)
        elif isinstance(p, Text):
            rects.append(Rect(p.x, p.y, p.width, p.height))
        elif isinstance(p, Line):
            xs = [q[0] for q in p.points]
            ys = [q[1] for q in p.points]
            rects.append(Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    if not rects:
        return Rect(0, 0, 0, 0)
    out = rects[0]
    for r in rects[1:]:
        out = out.united(r)
    return out
