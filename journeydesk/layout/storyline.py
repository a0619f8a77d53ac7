"""The storyline of a map and the drawing of its slides, as plain data (no Qt).

``scenes_for`` gives the scenes a map tells its story with: the map's own
storyline when it has one (hidden scenes left out), else the default one — a
title scene, a scene per stage, a closing scene. ``slide_layout`` lays one
scene out on a slide of ``width_px`` × ``height_px`` with the same primitives
as the map (one unit is one pixel, i.e. a point at 72 dpi, so the QPainter
backend draws it 1:1). Sizes are designed for 1080 pixels of height and scale
with the slide: panel and caption text is never below 28 px at 1080p.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from typing import Literal, cast

from journeydesk.model.project import Card, JourneyMap, Project, Scene, Stage

from . import shapes
from .engine import LayoutOptions, MapLayouter
from .fonts import Face, metrics
from .labels import label
from .primitives import (
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
from .text import wrap
from .theme import DEFAULT_THEME, Theme

DEFAULT_DURATION = 6.0
ACCENT = "#E67E22"
"""The highlight of the current stage in the context strip."""
DIM = "#B8FFFFFF"
"""Translucent white (``#aarrggbb``, QPainter backend only) over the other stages."""
CAPTION_FILL = "#2E3A59"
MIN_TEXT = 28.0
"""Smallest panel and caption text, in pixels at 1080p."""

KIND_COLOURS = {
    "touchpoint": ("#2471A3", "#EAF2FB"),
    "pain_point": ("#C0392B", "#FDEDEC"),
    "moment_of_truth": ("#B9770E", "#FEF5E7"),
}
PANEL_KINDS = ("touchpoint", "pain_point", "moment_of_truth")

WORDS: dict[str, tuple[str, str]] = {
    "objective": ("Objective", "Obiettivo"),
    "scenario": ("Scenario", "Scenario"),
    "stage_of": ("Stage {n} of {total}", "Fase {n} di {total}"),
    "touchpoint": ("Touchpoints", "Punti di contatto"),
    "pain_point": ("Pain points", "Punti critici"),
    "moment_of_truth": ("Moments of truth", "Momenti della verità"),
    "closing": ("In summary", "In sintesi"),
    "top_pains": ("Top pain points", "Principali punti critici"),
    "ranked": ("Opportunities by impact and effort", "Opportunità per impatto e sforzo"),
    "more": ("+ {n} more", "+ altri {n}"),
    "none": ("None recorded", "Nessuno registrato"),
    "emotion_curve": ("Emotion curve", "Curva emotiva"),
}


def word(key: str, language: str, **fields: object) -> str:
    if key not in WORDS:
        return label(key, language)
    en, it = WORDS[key]
    text = it if language.split("-", 1)[0].lower() == "it" else en
    return text.format(**fields) if fields else text


# --- the scenes -------------------------------------------------------------


def _scene_id(jmap: JourneyMap, what: str) -> str:
    """Stable ids for the default scenes, so two exports write the same manifest."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"journeydesk:storyline:{jmap.id}:{what}"))


READING_CHARS_PER_SECOND = 14.0
"""A comfortable pace for subtitles read aloud or on screen."""


def reading_time(narration: str) -> float:
    """How long a default scene stays up: long enough to read its narration
    (at least DEFAULT_DURATION, at most two minutes), in whole seconds."""
    needed = len(narration.strip()) / READING_CHARS_PER_SECOND + 1.5
    return float(min(120, max(DEFAULT_DURATION, round(needed))))


def default_scenes(project: Project, jmap: JourneyMap) -> list[Scene]:
    """Title, one scene per stage (its narration), closing."""
    scenes = [
        Scene(
            id=_scene_id(jmap, "title"),
            kind="title",
            title=jmap.name,
            narration=jmap.objective,
            duration=reading_time(jmap.objective),
        )
    ]
    for stage in jmap.stages:
        scenes.append(
            Scene(
                id=_scene_id(jmap, stage.id),
                kind="stage",
                stage=stage.id,
                title=stage.name,
                narration=stage.narration,
                duration=reading_time(stage.narration),
            )
        )
    scenes.append(
        Scene(
            id=_scene_id(jmap, "closing"),
            kind="closing",
            title=word("closing", project.language),
            duration=DEFAULT_DURATION,
        )
    )
    return scenes


def scenes_for(project: Project, jmap: JourneyMap) -> list[Scene]:
    """The visible scenes of the map's storyline, or the default storyline.

    A stage scene without narration of its own speaks its stage's narration.
    """
    own = jmap.storyline.scenes
    if not own:
        return default_scenes(project, jmap)
    stages = {s.id: s for s in jmap.stages}
    out = []
    for scene in own:
        if scene.hidden:
            continue
        stage = stages.get(scene.stage or "")
        if scene.kind == "stage" and stage is not None and not scene.narration.strip():
            scene = scene.model_copy(update={"narration": stage.narration})
        out.append(scene)
    return out


def scene_title(project: Project, jmap: JourneyMap, scene: Scene, language: str) -> str:
    if scene.title:
        return scene.title
    if scene.kind == "title":
        return jmap.name
    if scene.kind == "closing":
        return word("closing", language)
    stage = next((s for s in jmap.stages if s.id == scene.stage), None)
    return stage.name if stage else ""


# --- rankings -----------------------------------------------------------------


def _step_scores(jmap: JourneyMap) -> dict[str, float]:
    """The mean emotion score at each step (over every curve's points there)."""
    found: dict[str, list[float]] = {}
    for curve in jmap.curves:
        span = curve.scale.max - curve.scale.min
        for p in curve.points:
            rel = (p.score - curve.scale.min) / span if span else 0.5
            found.setdefault(p.step, []).append(rel)
    return {k: sum(v) / len(v) for k, v in found.items()}


def top_pain_points(jmap: JourneyMap, n: int = 5) -> list[Card]:
    """Pain points where customers feel worst, then the best evidenced, then
    those most opportunities answer; ties keep the map's order."""
    order = {s.id: i for i, s in enumerate(jmap.steps())}
    scores = _step_scores(jmap)
    answered: dict[str, int] = {}
    for card in jmap.cards:
        for ref in card.relates_to:
            answered[ref] = answered.get(ref, 0) + 1
    pains = [c for c in jmap.cards if c.kind == "pain_point" and c.step in order]
    pains.sort(
        key=lambda c: (
            scores.get(c.step, 0.5),
            -len(c.evidence),
            -answered.get(c.id, 0),
            order[c.step],
            c.order,
        )
    )
    return pains[:n]


def ranked_opportunities(jmap: JourneyMap, n: int = 5) -> list[Card]:
    """Opportunities by impact (highest first), then effort (lowest first);
    unscored ones last, in the map's order."""
    order = {s.id: i for i, s in enumerate(jmap.steps())}
    opps = [c for c in jmap.cards if c.kind == "opportunity" and c.step in order]
    inf = float("inf")
    opps.sort(
        key=lambda c: (
            -c.scores.get("impact", -inf),
            c.scores.get("effort", inf),
            order[c.step],
            c.order,
        )
    )
    return opps[:n]


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


class _Slide:
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
                [Box(Rect(0, 0, width, height), fill="#FFFFFF")],
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
        steps = jmap.steps()
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
        small = jmap.model_copy(
            update={
                "stages": [s.model_copy(update={"kpis": []}) for s in jmap.stages],
                "curves": curves,
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
                    over.append(Box(r, fill=DIM))
            self.add("context_dim", None, over, z=6)
            if here is not None:
                pad = 4 * self.u
                frame = Box(
                    here.adjusted(-pad, -pad, pad, pad),
                    stroke=ACCENT,
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
            self.mx, 0, inner, narration, size, self.theme.face, "#FFFFFF", 4, leading=1.28
        )
        pad = 26 * u
        top = self.h - t.height - 2 * pad
        t = replace(t, y=top + pad)
        self.add(
            "caption",
            None,
            [Box(Rect(0, top, self.w, self.h - top), fill=CAPTION_FILL), t],
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
                ACCENT,
                align="right",
            )
            self.add("title", None, [title_t, e], z=10)
            return y + title_t.height
        if eyebrow:
            e = self.text(self.mx, y, w, eyebrow, 28, t.bold, ACCENT)
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


# --- the scenes' slides --------------------------------------------------------


def slide_layout(
    project: Project,
    jmap: JourneyMap,
    scene: Scene,
    width_px: float,
    height_px: float,
    theme: Theme = DEFAULT_THEME,
    language: str | None = None,
) -> MapLayout:
    """One scene on a slide, in pixels; ``language`` of the slide's own words
    (default: the project's)."""
    lang = language or project.language
    slide = _Slide(project, jmap, width_px, height_px, theme, lang)
    stage = next((s for s in jmap.stages if s.id == scene.stage), None)
    if scene.kind == "title":
        _title_slide(slide, scene)
    elif scene.kind == "closing":
        _closing_slide(slide, scene)
    elif scene.kind in ("stage", "comparison") and stage is not None:
        _stage_slide(slide, scene, stage)
    else:
        _custom_slide(slide, scene)
    return slide.layout()


def _title_slide(sl: _Slide, scene: Scene) -> None:
    u, t, p, m = sl.u, sl.theme, sl.project, sl.jmap
    x = sl.mx
    w = sl.w - 2 * sl.mx
    y = 150 * u
    prims: list[Primitive] = []
    eyebrow = f"{label(m.type, sl.lang)} · {label(m.state, sl.lang)}"
    e = sl.text(x, y, w, eyebrow, 30, t.bold, ACCENT)
    prims.append(e)
    y += e.height + 10 * u
    name = sl.text(x, y, w, scene.title or m.name, 72, t.bold, t.ink, 2, leading=1.1)
    prims.append(name)
    y += name.height + 12 * u
    if p.title:
        sub = sl.text(x, y, w, p.title, 36, t.face, t.muted, 1)
        prims.append(sub)
        y += sub.height
    y += 22 * u
    prims.append(Box(Rect(x, y, 140 * u, 7 * u), fill=ACCENT))
    y += 60 * u
    sl.add("title", None, prims)

    gap = 80 * u
    left_w = w * 0.55
    right_x = x + left_w + gap
    right_w = w - left_w - gap
    bottom = sl.h - 150 * u
    footer = [*p.authors]
    if p.modified is not None:
        footer.append(p.modified.date().isoformat())
    if footer:
        sl.add(
            "footer",
            None,
            [
                Line(((x, sl.h - 110 * u), (x + w, sl.h - 110 * u)), t.grid, 2 * u),
                sl.text(x, sl.h - 92 * u, w, " · ".join(footer), 28, t.face, t.muted),
            ],
        )
    col: list[Primitive] = []
    ly = y
    blocks = [(word("objective", sl.lang), m.objective), (word("scenario", sl.lang), m.scenario)]
    blocks = [(h, s) for h, s in blocks if s.strip()]
    for n, (head, body) in enumerate(blocks):
        hd = sl.text(x, ly, left_w, head.upper(), 28, t.bold, t.muted)
        col.append(hd)
        ly += hd.height + 6 * u
        share = (bottom - y) / len(blocks) - hd.height - 36 * u
        room = bottom - ly if n == len(blocks) - 1 else share
        lines = max(1, int(room // (32 * u * 1.3)))
        bd = sl.text(x, ly, left_w, body, 32, t.face, t.ink, lines, leading=1.3)
        col.append(bd)
        ly += bd.height + 36 * u
    sl.add("objective", None, col)

    personas = {x_.id: x_ for x_ in p.personas}
    chosen = [personas[i] for i in m.personas if i in personas][:3]
    if not chosen:
        return
    if not blocks:  # no objective or scenario: the personas take the left
        right_x, right_w = x, left_w
    colours = {c.persona: c.colour for c in m.curves if c.persona}
    pr: list[Primitive] = []
    hd = sl.text(right_x, y, right_w, label("personas", sl.lang).upper(), 28, t.bold, t.muted)
    pr.append(hd)
    py = y + hd.height + 6 * u
    each = (bottom - py) / len(chosen)
    for k, persona in enumerate(chosen):
        colour = (
            persona.colour or colours.get(persona.id) or t.curve_colours[k % len(t.curve_colours)]
        )
        top = py
        tx = right_x + 24 * u
        tw = right_w - 24 * u
        nm = sl.text(tx, py, tw, persona.name, 36, t.bold, t.ink)
        pr.append(nm)
        py += nm.height
        if persona.segment:
            sg = sl.text(tx, py, tw, persona.segment, 28, t.face, t.muted, 2)
            pr.append(sg)
            py += sg.height
        if persona.quote:
            py += 8 * u
            room = top + each - 30 * u - py
            lines = max(1, int(room // (28 * u * 1.25)))
            q = sl.text(
                tx,
                py,
                tw,
                "“" + persona.quote.strip('“”"') + "”",
                28,
                t.italic,
                t.ink,
                min(lines, 4),
                leading=1.25,
            )
            pr.append(q)
            py += q.height
        pr.append(Box(Rect(right_x, top + 4 * u, 8 * u, py - top - 4 * u), fill=colour))
        py = max(py + 30 * u, top + 30 * u)
    sl.add("personas", None, pr)


def _stage_slide(sl: _Slide, scene: Scene, stage: Stage) -> None:
    u, m = sl.u, sl.jmap
    strip_bottom = sl.context_strip(36 * u, 160 * u, stage, 96.0)
    n = next(i for i, s in enumerate(m.stages) if s.id == stage.id) + 1
    eyebrow = word("stage_of", sl.lang, n=n, total=len(m.stages))
    y = sl.heading(strip_bottom + 28 * u, eyebrow, scene.title or stage.name, inline=True)
    cap_top = sl.caption(scene.narration)
    panel = Rect(sl.mx, y + 22 * u, sl.w - 2 * sl.mx, cap_top - 30 * u - (y + 22 * u))
    kpi_w = 420 * u if stage.kpis else 0.0
    if kpi_w:
        _kpis(sl, stage, Rect(panel.right - kpi_w, panel.y, kpi_w, panel.h))
        panel = Rect(panel.x, panel.y, panel.w - kpi_w - 40 * u, panel.h)
    _stage_panel(sl, stage, panel)


def _stage_panel(sl: _Slide, stage: Stage, panel: Rect) -> None:
    u, t, m = sl.u, sl.theme, sl.jmap
    step_ids = [s.id for s in stage.steps]
    lane_order = {lane.id: i for i, lane in enumerate(m.lanes)}
    cards = [c for c in m.cards if c.step in step_ids]
    kinds = [k for k in PANEL_KINDS if any(c.kind == k for c in cards)]
    if not kinds:
        counts: dict[str, int] = {}
        for c in cards:
            counts[c.kind] = counts.get(c.kind, 0) + 1
        kinds = sorted(counts, key=lambda k: -counts[k])[:2]
    if not kinds:  # nothing on the map yet: the stage's description, if any
        if stage.description.strip():
            lines = max(1, int(panel.h // (32 * u * 1.3)))
            body = sl.text(
                panel.x,
                panel.y,
                panel.w * 0.8,
                stage.description,
                32,
                t.face,
                t.ink,
                lines,
                leading=1.3,
            )
            sl.add("panel", stage.id, [body], z=10)
        return
    label_w = 230 * u
    gap = 16 * u
    col_w = (panel.w - label_w) / max(1, len(stage.steps))
    prims: list[Primitive] = []
    # step names
    heads = [
        sl.text(
            panel.x + label_w + i * col_w + gap / 2,
            panel.y,
            col_w - gap,
            s.name,
            28,
            t.bold,
            t.ink,
            2,
        )
        for i, s in enumerate(stage.steps)
    ]
    head_h = max((h.height for h in heads), default=0.0)
    prims += heads
    y0 = panel.y + head_h + 10 * u
    prims.append(Line(((panel.x, y0), (panel.right, y0)), t.grid, 2 * u))
    y0 += 14 * u
    size = MIN_TEXT
    lh = size * u * 1.2
    pad = 11 * u
    card_gap = 10 * u
    row_gap = 16 * u
    cells: dict[tuple[str, str], list[Card]] = {}
    for c in sorted(cards, key=lambda c: (lane_order.get(c.lane, 0), c.order)):
        if c.kind in kinds:
            cells.setdefault((c.kind, c.step), []).append(c)
    avail = panel.bottom - y0

    def card_lines(c: Card, lines: int) -> int:
        return len(
            wrap(c.title or c.body, t.bold, size * u, col_w - gap - 2 * pad - 8 * u, lines).lines
        )

    def card_cut(c: Card) -> bool:
        inner = col_w - gap - 2 * pad - 8 * u
        return wrap(c.title or c.body, t.bold, size * u, inner, 2).truncated

    def row_need(kind: str, lines: int) -> float:
        need = 0.0
        for sid in step_ids:
            cs = cells.get((kind, sid), [])
            h = sum(card_lines(c, lines) * lh + 2 * pad for c in cs)
            h += card_gap * max(0, len(cs) - 1)
            need = max(need, h)
        return max(need, 2 * lh)

    # Larger card text where the stage has room; then two lines a card where
    # there is room, the tallest rows going to one line first.
    for size in (34.0, 31.0, MIN_TEXT):
        lh = size * u * 1.2
        heights = [row_need(k, 2) for k in kinds]
        if sum(heights) + row_gap * (len(kinds) - 1) <= avail and not any(
            card_cut(c) for cs in cells.values() for c in cs
        ):
            break
    row_lines = [2] * len(kinds)
    while sum(heights) + row_gap * (len(kinds) - 1) > avail and 2 in row_lines:
        j = max((i for i, n in enumerate(row_lines) if n == 2), key=lambda i: heights[i])
        row_lines[j] = 1
        heights[j] = row_need(kinds[j], 1)
    total = sum(heights) + row_gap * (len(kinds) - 1)
    if total > avail:  # share what there is; cells cut their lists
        share = (avail - row_gap * (len(kinds) - 1)) / len(kinds)
        heights = [min(h, share) for h in heights]
        spare = avail - row_gap * (len(kinds) - 1) - sum(heights)
        heights = [h + spare * (h / sum(heights)) for h in heights]
    y = y0
    for kind, row_h, lines in zip(kinds, heights, row_lines, strict=True):
        stroke, fill = KIND_COLOURS.get(kind, (t.muted, "#F3F4F6"))
        name = word(kind, sl.lang) if kind in WORDS else _plural_kind(sl, kind)
        prims.append(Box(Rect(panel.x, y, 6 * u, row_h), fill=stroke))
        prims.append(
            sl.text(panel.x + 18 * u, y + pad, label_w - 30 * u, name, 28, t.bold, stroke, 3)
        )
        for i, sid in enumerate(step_ids):
            cx = panel.x + label_w + i * col_w + gap / 2
            cw = col_w - gap
            cy = y
            cs = cells.get((kind, sid), [])
            for k, c in enumerate(cs):
                n = card_lines(c, lines)
                ch = n * lh + 2 * pad
                rest = len(cs) - k
                more_h = lh + card_gap
                if cy + ch > y + row_h + 0.5 or (rest > 1 and cy + ch + more_h > y + row_h + 0.5):
                    prims.append(
                        sl.text(
                            cx + pad,
                            cy,
                            cw - 2 * pad,
                            word("more", sl.lang, n=rest),
                            28,
                            t.face,
                            t.muted,
                        )
                    )
                    break
                prims.append(Box(Rect(cx, cy, cw, ch), fill=fill, radius=8 * u))
                prims.append(Box(Rect(cx, cy, 8 * u, ch), fill=stroke, radius=0))
                prims.append(
                    sl.text(
                        cx + 8 * u + pad,
                        cy + pad,
                        cw - 8 * u - 2 * pad,
                        c.title or c.body,
                        size,
                        t.bold,
                        t.ink,
                        lines,
                        leading=1.2,
                    )
                )
                cy += ch + card_gap
        y += row_h + row_gap
    sl.add("panel", stage.id, prims, z=10)


def _plural_kind(sl: _Slide, kind: str) -> str:
    from .vocabulary import Vocabulary

    return Vocabulary(sl.project, sl.lang).label("card_kinds", kind)


def _kpis(sl: _Slide, stage: Stage, rect: Rect) -> None:
    u, t = sl.u, sl.theme
    defs = {mt.id: mt for mt in sl.project.metrics}
    prims: list[Primitive] = []
    x = rect.x + 26 * u
    w = rect.w - 52 * u
    y = rect.y + 22 * u
    hd = sl.text(x, y, w, label("kpis", sl.lang), 28, t.bold, t.muted)
    prims.append(hd)
    y += hd.height + 10 * u
    kpis = [k for k in stage.kpis if k.metric in defs]
    for n, kpi in enumerate(kpis):
        mt = defs[kpi.metric]
        need = (28 * 1.2 + 44 * 1.1 + 14) * u
        if y + need > rect.bottom - 16 * u:
            left = len(kpis) - n
            prims.append(sl.text(x, y, w, word("more", sl.lang, n=left), 28, t.face, t.muted))
            break
        unit = mt.unit
        sep = "" if unit in ("", "%") else " "
        value = "—" if kpi.value is None else f"{kpi.value:g}{sep}{unit}"
        target = kpi.target if kpi.target is not None else mt.target
        good: bool | None = None
        if kpi.value is not None and target is not None:
            if mt.direction == "higher_is_better":
                good = kpi.value >= target
            elif mt.direction == "lower_is_better":
                good = kpi.value <= target
            else:
                good = abs(kpi.value - target) <= abs(target) * 0.05
        colour = (
            t.muted
            if good is None
            else (t.sentiment_colours["positive"] if good else t.sentiment_colours["problematic"])
        )
        prims.append(sl.text(x, y, w, mt.name, 28, t.face, t.muted))
        y += 28 * 1.2 * u
        v = sl.text(x, y, w * 0.6, value, 44, t.bold, colour, leading=1.1)
        prims.append(v)
        if target is not None:
            tgt = f"{label('target', sl.lang)} {target:g}{'%' if unit == '%' else ''}"
            vw = metrics(t.bold).width(v.lines[0], v.size) if v.lines else 0.0
            prims.append(
                sl.text(
                    x + vw + 16 * u,
                    y + 12 * u,
                    w - vw - 16 * u,
                    tgt,
                    28,
                    t.face,
                    t.muted,
                    align="right",
                )
            )
        y += v.height + 14 * u
    box = Rect(rect.x, rect.y, rect.w, min(rect.h, y + 12 * u - rect.y))
    sl.add("kpis", stage.id, [Box(box, fill="#F4F6FA", radius=10 * u), *prims], z=10)


def _closing_slide(sl: _Slide, scene: Scene) -> None:
    u, t, m = sl.u, sl.theme, sl.jmap
    y = sl.heading(56 * u, m.name, scene.title or word("closing", sl.lang))
    cap_top = sl.caption(scene.narration)
    strip_h = 300 * u if cap_top >= sl.h else 220 * u
    y = sl.context_strip(y + 30 * u, strip_h, None, 190.0) + 40 * u
    bottom = cap_top - 40 * u
    gap = 80 * u
    col_w = (sl.w - 2 * sl.mx - gap) / 2
    stages = {s.id: st.name for st in m.stages for s in st.steps}
    steps = {s.id: s.name for s in m.steps()}

    def column(x: float, head: str, cards: list[Card], ranked: bool) -> list[Primitive]:
        prims: list[Primitive] = []
        hd = sl.text(x, y, col_w, head.upper(), 28, t.bold, t.muted)
        prims.append(hd)
        yy = y + hd.height + 16 * u
        if not cards:
            prims.append(sl.text(x, yy, col_w, word("none", sl.lang), 28, t.italic, t.muted))
            return prims
        item_h = (28 * 1.2 * 2) * u + 22 * u
        mark = 40 * u
        for k, c in enumerate(cards):
            if yy + item_h - 22 * u > bottom:
                break
            cy = yy + 28 * 1.2 * u / 2
            if ranked:
                prims.append(Path(shapes.circle_ops(x + mark / 2, cy, 21 * u), fill=ACCENT))
                prims.append(
                    sl.text(
                        x,
                        cy - 28 * u * 0.6,
                        mark,
                        str(k + 1),
                        28,
                        t.bold,
                        "#FFFFFF",
                        align="center",
                    )
                )
                parts = []
                for key in ("impact", "effort"):
                    if key in c.scores:
                        d = sl.project.scores().get(key)
                        name = (d.label.get(sl.lang) if d else None) or label(key, sl.lang)
                        parts.append(f"{name} {c.scores[key]:g}")
                meta = " · ".join([*parts, stages.get(c.step, "")])
            else:
                prims += shapes.sentiment_mark(
                    "problematic",
                    x + mark / 2 - 2 * u,
                    cy + 2 * u,
                    16 * u,
                    KIND_COLOURS["pain_point"][0],
                )
                meta = f"{stages.get(c.step, '')} · {steps.get(c.step, '')}"
            prims.append(
                sl.text(
                    x + mark + 14 * u,
                    yy,
                    col_w - mark - 14 * u,
                    c.title or c.body,
                    30,
                    t.bold,
                    t.ink,
                    leading=1.15,
                )
            )
            prims.append(
                sl.text(
                    x + mark + 14 * u,
                    yy + 30 * 1.15 * u + 2 * u,
                    col_w - mark - 14 * u,
                    meta,
                    28,
                    t.face,
                    t.muted,
                )
            )
            yy += item_h
        return prims

    pains = column(sl.mx, word("top_pains", sl.lang), top_pain_points(m), False)
    opps = column(sl.mx + col_w + gap, word("ranked", sl.lang), ranked_opportunities(m), True)
    sl.add("pain_points", None, pains)
    sl.add("opportunities", None, opps)


def _custom_slide(sl: _Slide, scene: Scene) -> None:
    u, t, p, m = sl.u, sl.theme, sl.project, sl.jmap
    y = sl.heading(90 * u, m.name, scene.title, 64)
    cap_top = sl.caption(scene.narration)
    y += 40 * u
    w = sl.w - 2 * sl.mx
    asset = next((a for a in p.assets if a.id == scene.image), None) if scene.image else None
    text_w = w * 0.5 if asset else w * 0.8
    room = cap_top - 50 * u - y
    if scene.text.strip():
        lines = max(1, int(room // (36 * u * 1.3)))
        sl.add(
            "text",
            None,
            [sl.text(sl.mx, y, text_w, scene.text, 36, t.face, t.ink, lines, leading=1.3)],
        )
    if asset is not None:
        ix = sl.mx + (text_w + 60 * u if scene.text.strip() else 0)
        sl.add("image", asset.id, [Image(asset.id, Rect(ix, y, sl.mx + w - ix, room))])


__all__ = [
    "DEFAULT_DURATION",
    "default_scenes",
    "ranked_opportunities",
    "scene_title",
    "scenes_for",
    "slide_layout",
    "top_pain_points",
    "transform",
]
