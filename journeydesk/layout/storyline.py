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

from journeydesk.model.project import Card, EmotionCurve, JourneyMap, Project, Scene, Stage

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
    "current": ("Today", "Oggi"),
    "future": ("Future", "Futuro"),
    "ideal": ("Ideal", "Ideale"),
    "new": ("New", "Nuovo"),
    "changed": ("Changed", "Modificato"),
    "removed": ("Removed", "Rimosso"),
    "no_stage": ("No matching stage", "Nessuna fase corrispondente"),
    "no_cards": ("No cards", "Nessuna carta"),
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
    """Title, one scene per stage, closing: the storyline a map tells when it
    has none of its own, in the form a storyline stores it (what the Storyline
    panel writes on the first edit). Stable ids; titles and narration empty, so
    the map's and the stages' own are shown and spoken, and follow their edits;
    durations automatic (``duration`` holds the reading time of today's text,
    for an older JourneyDesk that knows no ``auto_duration``)."""
    scenes = [
        Scene(
            id=_scene_id(jmap, "title"),
            kind="title",
            duration=reading_time(jmap.objective),
            auto_duration=True,
        )
    ]
    for stage in jmap.stages:
        scenes.append(
            Scene(
                id=_scene_id(jmap, stage.id),
                kind="stage",
                stage=stage.id,
                duration=reading_time(stage.narration),
                auto_duration=True,
            )
        )
    scenes.append(
        Scene(
            id=_scene_id(jmap, "closing"),
            kind="closing",
            duration=DEFAULT_DURATION,
            auto_duration=True,
        )
    )
    return scenes


def stored_scenes(project: Project, jmap: JourneyMap) -> list[Scene]:
    """Every scene of the map's storyline, hidden ones included, as stored; the
    default storyline when the map has none of its own."""
    return list(jmap.storyline.scenes) or default_scenes(project, jmap)


def missing_stages(jmap: JourneyMap) -> list[Stage]:
    """Stages a written storyline has no scene for (stages added since)."""
    own = jmap.storyline.scenes
    if not own:
        return []
    have = {s.stage for s in own if s.kind in ("stage", "comparison")}
    return [st for st in jmap.stages if st.id not in have]


def with_missing_stages(project: Project, jmap: JourneyMap) -> list[Scene]:
    """The map's written scenes with a default scene for each stage that has
    none, each after the scene of the nearest earlier stage (else before the
    first stage or closing scene)."""
    scenes = list(jmap.storyline.scenes)
    defaults = {s.stage: s for s in default_scenes(project, jmap) if s.kind == "stage"}
    missing = {st.id for st in missing_stages(jmap)}
    for k, stage in enumerate(jmap.stages):
        if stage.id not in missing:
            continue
        at = None
        for earlier in reversed(jmap.stages[:k]):
            found = [i for i, s in enumerate(scenes) if s.stage == earlier.id]
            if found:
                at = found[-1] + 1
                break
        if at is None:
            at = next(
                (i for i, s in enumerate(scenes) if s.kind in ("stage", "comparison", "closing")),
                len(scenes),
            )
        scenes.insert(at, defaults[stage.id])
    return scenes


def scene_narration(jmap: JourneyMap, scene: Scene) -> str:
    """What a scene speaks: its own narration, else (stage and comparison
    scenes) its stage's, else (the title scene) the map's objective."""
    if scene.narration.strip():
        return scene.narration
    if scene.kind in ("stage", "comparison"):
        stage = next((s for s in jmap.stages if s.id == scene.stage), None)
        return stage.narration if stage is not None else ""
    if scene.kind == "title":
        return jmap.objective
    return ""


def scene_duration(jmap: JourneyMap, scene: Scene) -> float:
    """Seconds on screen: the reading time of its narration when automatic."""
    if scene.auto_duration:
        return reading_time(scene_narration(jmap, scene))
    return scene.duration


def compares(project: Project, jmap: JourneyMap, compare: bool | None = None) -> bool:
    """Whether the map's stage scenes are drawn as comparisons: ``compare`` when
    given, else the storyline's mode; never when the map has no counterpart."""
    wanted = jmap.storyline.mode == "compare" if compare is None else compare
    return wanted and comparison_pair(project, jmap) is not None


def resolve_scene(jmap: JourneyMap, scene: Scene, comparing: bool = False) -> Scene:
    """The scene ready to draw: narration and duration resolved
    (``scene_narration``, ``scene_duration``); with ``comparing``, a stage
    scene becomes a comparison scene."""
    update: dict[str, object] = {}
    narration = scene_narration(jmap, scene)
    if narration != scene.narration:
        update["narration"] = narration
    duration = scene_duration(jmap, scene)
    if duration != scene.duration:
        update["duration"] = duration
    if comparing and scene.kind == "stage":
        update["kind"] = "comparison"
    return scene.model_copy(update=update) if update else scene


def scenes_for(project: Project, jmap: JourneyMap, compare: bool | None = None) -> list[Scene]:
    """The visible scenes of the map's storyline, or the default storyline,
    resolved (``resolve_scene``); in a comparison storyline (``compares``)
    stage scenes become comparison scenes."""
    comparing = compares(project, jmap, compare)
    return [
        resolve_scene(jmap, scene, comparing)
        for scene in stored_scenes(project, jmap)
        if not scene.hidden
    ]


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


# --- comparison: a map and the map derived from it ------------------------------


def comparison_pair(project: Project, jmap: JourneyMap) -> tuple[JourneyMap, JourneyMap] | None:
    """``(before, after)``: the map this one is based on and this one, or (for a
    map others derive from) this one and the first map based on it; None when
    the map has no counterpart."""
    if jmap.based_on:
        base = project.map_by_id(jmap.based_on)
        if base is not None and base is not jmap:
            return base, jmap
    derived = next((m for m in project.maps if m.based_on == jmap.id and m is not jmap), None)
    return (jmap, derived) if derived is not None else None


def match_stages(before: JourneyMap, after: JourneyMap) -> dict[str, str]:
    """Which stage of ``before`` each stage of ``after`` continues, one to one:
    ``{after_stage_id: before_stage_id}``.

    Stages carry no reference to the stage they come from; cards do
    (``derived_from``). So: 1. the pairs of stages most derived cards join
    (a future card in stage A derived from a current card in stage B votes for
    A–B; strongest pairs first); 2. stages left over with the same name
    (ignoring case); 3. if as many stages are left on both sides, they pair up
    in order. A stage left without a partner is new (or gone)."""
    stage_of_before = {st.id: s.id for s in before.stages for st in s.steps}
    stage_of_after = {st.id: s.id for s in after.stages for st in s.steps}
    card_stage = {c.id: stage_of_before.get(c.step) for c in before.cards}
    votes: dict[tuple[str, str], int] = {}
    for c in after.cards:
        a = stage_of_after.get(c.step)
        b = card_stage.get(c.derived_from or "")
        if a and b:
            votes[(a, b)] = votes.get((a, b), 0) + 1
    a_index = {s.id: i for i, s in enumerate(after.stages)}
    b_index = {s.id: i for i, s in enumerate(before.stages)}
    matched: dict[str, str] = {}
    for (a, b), _n in sorted(
        votes.items(), key=lambda kv: (-kv[1], a_index[kv[0][0]], b_index[kv[0][1]])
    ):
        if a not in matched and b not in matched.values():
            matched[a] = b
    free_b = [s for s in before.stages if s.id not in matched.values()]
    for s in after.stages:
        if s.id in matched:
            continue
        same = next(
            (b for b in free_b if b.name.strip().casefold() == s.name.strip().casefold()), None
        )
        if same is not None:
            matched[s.id] = same.id
            free_b.remove(same)
    free_a = [s for s in after.stages if s.id not in matched]
    if len(free_a) == len(free_b):
        matched.update({a.id: b.id for a, b in zip(free_a, free_b, strict=True)})
    return matched


CHANGE_FIELDS = ("title", "body", "kind", "channel", "sentiment")
"""A derived card differing from its source in one of these is "changed"."""


def card_changes(before: JourneyMap, after: JourneyMap) -> dict[str, str]:
    """``{card id: "new" | "changed" | "removed"}``: cards of ``after`` with no
    source (new) or differing from it (changed), cards of ``before`` no card of
    ``after`` derives from (removed). Unchanged cards are not listed."""
    sources = {c.id: c for c in before.cards}
    kept: set[str] = set()
    marks: dict[str, str] = {}
    for c in after.cards:
        src = sources.get(c.derived_from or "")
        if src is None:
            marks[c.id] = "new"
            continue
        kept.add(src.id)
        if any(getattr(c, f) != getattr(src, f) for f in CHANGE_FIELDS):
            marks[c.id] = "changed"
    for c in before.cards:
        if c.id not in kept:
            marks[c.id] = "removed"
    return marks


def stage_scores(jmap: JourneyMap, stage: Stage) -> list[tuple[int, float | None]]:
    """Each curve's mean score over the stage's steps (None: no point there),
    as ``(curve index, score)`` on the curve's own scale."""
    steps = {s.id for s in stage.steps}
    out: list[tuple[int, float | None]] = []
    for k, curve in enumerate(jmap.curves):
        pts = [p.score for p in curve.points if p.step in steps]
        out.append((k, sum(pts) / len(pts) if pts else None))
    return out


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
    elif scene.kind == "comparison" and stage is not None and comparison_pair(project, jmap):
        _comparison_slide(slide, scene, stage)
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


TODAY_FILL = "#6C7686"
"""The header of the side showing the map as it is (the future side: the stage fill)."""


def _comparison_slide(sl: _Slide, scene: Scene, stage: Stage) -> None:
    """A stage as it is (left) and as it will be (right): each side's stage
    name, each persona's mean emotion score there, and its cards, those added,
    changed or dropped tagged."""
    pair = comparison_pair(sl.project, sl.jmap)
    assert pair is not None
    before, after = pair
    u, t, m = sl.u, sl.theme, sl.jmap
    matches = match_stages(before, after)
    if m is after:
        right: Stage | None = stage
        left = next((s for s in before.stages if s.id == matches.get(stage.id)), None)
    else:
        left = stage
        back = {b: a for a, b in matches.items()}
        right = next((s for s in after.stages if s.id == back.get(stage.id)), None)
    n = next(i for i, s in enumerate(m.stages) if s.id == stage.id) + 1
    eyebrow = word("stage_of", sl.lang, n=n, total=len(m.stages))
    y = sl.heading(48 * u, eyebrow, scene.title or stage.name, inline=True)
    cap_top = sl.caption(scene.narration)
    label_w = 230 * u
    gap = 40 * u
    side_w = (sl.w - 2 * sl.mx - label_w - gap) / 2
    cols = [(sl.mx + label_w, side_w), (sl.mx + label_w + side_w + gap, side_w)]
    sides = ((before, left, TODAY_FILL), (after, right, t.stage_fill))

    # the sides' headers: "TODAY  Comparison" | "FUTURE  Comparison"
    y += 26 * u
    head_h = MIN_TEXT * u * 1.22 + 24 * u
    for (jm, st, fill), (x, w) in zip(sides, cols, strict=True):
        prims: list[Primitive] = [Box(Rect(x, y, w, head_h), fill=fill, radius=8 * u)]
        state = word(jm.state, sl.lang).upper()
        sw = metrics(t.bold).width(state, MIN_TEXT * u) + 2 * u
        prims.append(sl.text(x + 20 * u, y + 12 * u, sw, state, MIN_TEXT, t.bold, "#FFFFFF"))
        name = st.name if st is not None else word("no_stage", sl.lang)
        face = t.face if st is not None else t.italic
        rest = w - 40 * u - sw - 18 * u
        prims.append(
            sl.text(x + 20 * u + sw + 18 * u, y + 12 * u, rest, name, MIN_TEXT, face, "#FFFFFF")
        )
        sl.add("compare_before" if jm is before else "compare_after", st.id if st else None, prims)
    y += head_h + 18 * u

    # each persona's mean emotion score in the stage, on a small gauge
    rows = _curve_rows(sl, before, after)
    if rows:
        prims = []
        row_h = MIN_TEXT * u * 1.22 + 14 * u
        for label_text, colour, curves in rows[:3]:
            prims.append(
                sl.text(sl.mx, y + 7 * u, label_w - 20 * u, label_text, 28, t.bold, colour)
            )
            scores: list[float | None] = []
            for (jm, st, _fill), (x, w), k in zip(sides, cols, curves, strict=True):
                score = None
                if st is not None and k is not None:
                    score = dict(stage_scores(jm, st)).get(k)
                scores.append(score)
                scale = jm.curves[k].scale if k is not None else None
                prims += _gauge(
                    sl,
                    x,
                    y,
                    w,
                    row_h,
                    score,
                    scale.min if scale else -2,
                    scale.max if scale else 2,
                    colour,
                )
            before_score, after_score = scores
            if before_score is not None and after_score is not None:
                delta = after_score - before_score
                if abs(delta) >= 0.05:
                    x, w = cols[1]
                    good = delta > 0
                    colour_d = t.sentiment_colours["positive" if good else "problematic"]
                    txt = _signed(delta)
                    tw = metrics(t.bold).width(txt, MIN_TEXT * u) + 2 * u
                    tx = x + w - tw
                    cy = y + row_h / 2
                    r = 9 * u
                    ax = tx - 14 * u - r
                    tip = cy - r if good else cy + r
                    base = cy + r * 0.7 if good else cy - r * 0.7
                    prims.append(
                        Path(
                            shapes.polygon_ops([(ax, tip), (ax + r, base), (ax - r, base)]),
                            fill=colour_d,
                        )
                    )
                    prims.append(sl.text(tx, y + 7 * u, tw, txt, MIN_TEXT, t.bold, colour_d))
            y += row_h
        sl.add("compare_scores", None, prims, z=10)
        y += 6 * u
    line = Line(((sl.mx, y), (sl.w - sl.mx, y)), t.grid, 2 * u)
    sl.add("compare_rule", None, [line], z=9)
    y += 16 * u

    # the cards of each side
    lane_order = {lane.id: i for i, lane in enumerate(after.lanes)}
    lane_order.update({lane.id: i for i, lane in enumerate(before.lanes)})
    side_cards: list[list[Card]] = []
    for jm, st, _fill in sides:
        if st is None:
            side_cards.append([])
            continue
        step_index = {s.id: i for i, s in enumerate(st.steps)}
        side_cards.append(
            sorted(
                (c for c in jm.cards if c.step in step_index),
                key=lambda c: (step_index[c.step], lane_order.get(c.lane, 0), c.order),
            )
        )
    kinds = _panel_kinds([*side_cards[0], *side_cards[1]])
    bottom = cap_top - 30 * u
    if not kinds:
        sl.add(
            "panel",
            stage.id,
            [sl.text(cols[0][0], y, side_w, word("no_cards", sl.lang), 28, t.italic, t.muted)],
        )
        return
    marks = card_changes(before, after)
    cells: dict[tuple[str, int], list[Card]] = {}
    for i, cards in enumerate(side_cards):
        # what changed first: a long list is cut at the end
        for c in sorted(cards, key=lambda c: c.id not in marks):
            if c.kind in kinds:
                cells.setdefault((c.kind, i), []).append(c)
    prims = _card_rows(sl, kinds, cells, cols, sl.mx, label_w, y, bottom, marks)
    sl.add("panel", stage.id, prims, z=10)


def _signed(value: float) -> str:
    """``+1.5``, ``−0.5`` (a true minus sign), ``0``."""
    text = f"{abs(value):.1f}".rstrip("0").rstrip(".")
    if text == "0":
        return "0"
    return ("+" if value > 0 else "−") + text


def _curve_rows(
    sl: _Slide, before: JourneyMap, after: JourneyMap
) -> list[tuple[str, str, tuple[int | None, int | None]]]:
    """Curves of the two maps paired up (same persona, else same label, else
    the same position when neither has a persona): ``(row label, colour,
    (before index, after index))``; the after map's curves first."""
    t = sl.theme
    personas = {p.id: p for p in sl.project.personas}

    def key(curve: EmotionCurve) -> tuple[str, str]:
        if curve.persona:
            return ("persona", curve.persona)
        return ("label", curve.label.strip().casefold())

    def row(curve: EmotionCurve, n: int) -> tuple[str, str]:
        persona = personas.get(curve.persona or "")
        name = (persona.name if persona else "") or curve.label or word("emotion_curve", sl.lang)
        colour = (
            (persona.colour if persona else None)
            or curve.colour
            or t.curve_colours[n % len(t.curve_colours)]
        )
        return name, colour

    free = list(range(len(before.curves)))
    out: list[tuple[str, str, tuple[int | None, int | None]]] = []
    for k, curve in enumerate(after.curves):
        found = next((i for i in free if key(before.curves[i]) == key(curve)), None)
        if found is None and k in free and not before.curves[k].persona and not curve.persona:
            found = k
        if found is not None:
            free.remove(found)
        out.append((*row(curve, k), (found, k)))
    for i in free:
        out.append((*row(before.curves[i], i), (i, None)))
    return out


def _gauge(
    sl: _Slide,
    x: float,
    y: float,
    w: float,
    h: float,
    score: float | None,
    lo: float,
    hi: float,
    colour: str,
) -> list[Primitive]:
    """A score on its scale: a track with a tick at each whole value, the
    score's mark on it and the score written after it."""
    u, t = sl.u, sl.theme
    value_w = 200 * u
    gx, gw = x + 14 * u, w - value_w - 40 * u
    cy = y + h / 2
    prims: list[Primitive] = [Line(((gx, cy), (gx + gw, cy)), t.grid, 4 * u)]
    span = hi - lo
    if 0 < span <= 20:
        v = float(int(lo)) if lo == int(lo) else float(int(lo) + 1)
        while v <= hi:
            tx = gx + gw * (v - lo) / span
            tick = 10 * u if v != 0 else 16 * u
            prims.append(Line(((tx, cy - tick / 2), (tx, cy + tick / 2)), "#AEB4BE", 2 * u))
            v += 1
    if score is None:
        prims.append(sl.text(gx + gw + 24 * u, y + 7 * u, 80 * u, "—", 28, t.bold, t.muted))
        return prims
    rel = (score - lo) / span if span else 0.5
    px = gx + gw * min(1.0, max(0.0, rel))
    prims += shapes.score_mark(score, lo, hi, px, cy, 13 * u, colour)
    prims.append(
        sl.text(
            gx + gw + 24 * u,
            y + 7 * u,
            110 * u,
            _signed(score),
            28,
            t.bold,
            shapes.score_colour(score, lo, hi),
        )
    )
    return prims


def _panel_kinds(cards: list[Card]) -> list[str]:
    """The card kinds a stage panel shows: touchpoints, pain points and moments
    of truth that are there, else the two commonest kinds."""
    kinds = [k for k in PANEL_KINDS if any(c.kind == k for c in cards)]
    if not kinds:
        counts: dict[str, int] = {}
        for c in cards:
            counts[c.kind] = counts.get(c.kind, 0) + 1
        kinds = sorted(counts, key=lambda k: -counts[k])[:2]
    return kinds


def _stage_panel(sl: _Slide, stage: Stage, panel: Rect) -> None:
    u, t, m = sl.u, sl.theme, sl.jmap
    step_ids = [s.id for s in stage.steps]
    lane_order = {lane.id: i for i, lane in enumerate(m.lanes)}
    cards = [c for c in m.cards if c.step in step_ids]
    kinds = _panel_kinds(cards)
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
    cols = [(panel.x + label_w + i * col_w + gap / 2, col_w - gap) for i in range(len(step_ids))]
    column = {sid: i for i, sid in enumerate(step_ids)}
    cells: dict[tuple[str, int], list[Card]] = {}
    for c in sorted(cards, key=lambda c: (lane_order.get(c.lane, 0), c.order)):
        if c.kind in kinds:
            cells.setdefault((c.kind, column[c.step]), []).append(c)
    prims += _card_rows(sl, kinds, cells, cols, panel.x, label_w, y0, panel.bottom)
    sl.add("panel", stage.id, prims, z=10)


MARK_COLOURS = {"new": "#1E8449", "changed": "#7D3C98", "removed": "#717D7E"}
"""The tags of cards in a comparison slide."""
REMOVED_COLOURS = ("#AAB7B8", "#F2F3F4")


def _card_rows(
    sl: _Slide,
    kinds: list[str],
    cells: dict[tuple[str, int], list[Card]],
    cols: list[tuple[float, float]],
    label_x: float,
    label_w: float,
    y0: float,
    bottom: float,
    marks: dict[str, str] | None = None,
) -> list[Primitive]:
    """Rows of cards, one per kind (its name at ``label_x``), in columns
    ``cols`` (x, width) from ``y0`` down to ``bottom``. Card text is as large as
    the room allows (34, 31 or 28 px at 1080p) and each card takes two lines
    where it needs them; when the rows do not fit, cards go to one line one at
    a time, from the cells that make the tallest row tall, then cells cut their
    lists with "+ n more". ``marks`` tag cards as new, changed or removed."""
    u, t = sl.u, sl.theme
    marks = marks or {}
    pad = 11 * u
    card_gap = 10 * u
    row_gap = 16 * u
    stripe = 8 * u
    tag_pad = 10 * u
    tag_w = {
        k: metrics(t.bold).width(word(k, sl.lang), MIN_TEXT * u) + 2 * tag_pad + 2 * u
        for k in set(marks.values())
    }
    avail = bottom - y0
    caps: dict[str, int] = {}
    """Cards held to one line."""
    cache: dict[tuple[str, int, float], tuple[int, bool]] = {}

    def inner(c: Card, i: int) -> float:
        mark = marks.get(c.id)
        return cols[i][1] - stripe - 2 * pad - (tag_w[mark] + 16 * u if mark else 0.0)

    def two(c: Card, i: int, size: float) -> tuple[int, bool]:
        """Lines the card takes at two lines at most, and whether that cuts it."""
        key = (c.id, i, size)
        if key not in cache:
            w = wrap(c.title or c.body, t.bold, size * u, inner(c, i), 2)
            cache[key] = (len(w.lines), w.truncated)
        return cache[key]

    def lines_of(c: Card, i: int, size: float) -> int:
        return min(two(c, i, size)[0], caps.get(c.id, 2))

    heights_of: dict[tuple[str, int, float], float] = {}
    """Cell heights, forgotten when a card of the cell changes its lines."""

    def cell_h(kind: str, i: int, size: float) -> float:
        key = (kind, i, size)
        if key not in heights_of:
            cs = cells.get(key[:2], [])
            lh = size * u * 1.2
            heights_of[key] = sum(lines_of(c, i, size) * lh + 2 * pad for c in cs) + card_gap * max(
                0, len(cs) - 1
            )
        return heights_of[key]

    names = {
        k: sl.text(
            label_x + 18 * u,
            0,
            label_w - 30 * u,
            word(k, sl.lang) if k in WORDS else _plural_kind(sl, k),
            28,
            t.bold,
            KIND_COLOURS.get(k, (t.muted, ""))[0],
            3,
        )
        for k in kinds
    }

    def row_h(kind: str, size: float) -> float:
        cells_h = max((cell_h(kind, i, size) for i in range(len(cols))), default=0.0)
        return max(cells_h, names[kind].height + pad, 2 * size * u)

    room = avail - row_gap * (len(kinds) - 1)
    size = MIN_TEXT
    for size in (34.0, 31.0, MIN_TEXT):
        if sum(row_h(k, size) for k in kinds) <= room and not any(
            two(c, i, size)[1] for (_k, i), cs in cells.items() for c in cs
        ):
            break

    def shrink(kind: str) -> bool:
        """One more card at one line in the cells that make the row tall (all
        of them must be able to give a line, or the row would not shrink)."""
        height = row_h(kind, size)
        tall = [i for i in range(len(cols)) if cell_h(kind, i, size) >= height - 0.5]
        two_line = [
            [c for c in cells.get((kind, i), []) if lines_of(c, i, size) == 2] for i in tall
        ]
        if not tall or not all(two_line):
            return False
        caps[two_line[0][-1].id] = 1
        heights_of.pop((kind, tall[0], size), None)
        return True

    def one_line_total() -> float:
        lh = size * u * 1.2
        return sum(
            max(
                max(
                    (
                        len(cells.get((k, i), [])) * (lh + 2 * pad + card_gap) - card_gap
                        for i in range(len(cols))
                    ),
                    default=0.0,
                ),
                names[k].height + pad,
                2 * size * u,
            )
            for k in kinds
        )

    # Too tall: cards go to one line one at a time, tallest row first (unless
    # even one line a card cannot fit: then the lists are cut below).
    if one_line_total() <= room:
        while sum(row_h(k, size) for k in kinds) > room:
            if not any(shrink(k) for k in sorted(kinds, key=lambda k: -row_h(k, size))):
                break
    allot = [row_h(k, size) for k in kinds]
    if sum(allot) > room:
        # Still too tall: some rows will cut their lists. Each row gets what it
        # needs at two lines a card when that is no more than an even share of
        # what is left, else an even share, and goes to one line a card only as
        # far as its share asks.
        caps.clear()
        heights_of.clear()
        need = [row_h(k, size) for k in kinds]
        allot = list(need)
        left, open_rows = room, list(range(len(kinds)))
        while open_rows:
            share = left / len(open_rows)
            fits = [j for j in open_rows if need[j] <= share]
            if not fits:
                break
            left -= sum(need[j] for j in fits)
            open_rows = [j for j in open_rows if j not in fits]
        for j in open_rows:
            allot[j] = left / len(open_rows)
        for j, kind in enumerate(kinds):
            while row_h(kind, size) > allot[j] + 0.5 and shrink(kind):
                pass
    heights = [row_h(k, size) for k in kinds]
    over = [j for j in range(len(kinds)) if heights[j] > allot[j] + 0.5]
    if over:  # these cut their lists ("+ n more"); they share what the others leave
        spare = room - sum(h for j, h in enumerate(heights) if j not in over)
        for j in over:
            heights[j] = spare / len(over)
    lh = size * u * 1.2
    prims: list[Primitive] = []
    y = y0
    for kind, height in zip(kinds, heights, strict=True):
        stroke, fill = KIND_COLOURS.get(kind, (t.muted, "#F3F4F6"))
        prims.append(Box(Rect(label_x, y, 6 * u, height), fill=stroke))
        prims.append(replace(names[kind], y=y + pad))
        for i, (cx, cw) in enumerate(cols):
            cy = y
            cs = cells.get((kind, i), [])
            for k, c in enumerate(cs):
                n = lines_of(c, i, size)
                ch = n * lh + 2 * pad
                rest = len(cs) - k
                more_h = lh + card_gap
                if cy + ch > y + height + 0.5 or (rest > 1 and cy + ch + more_h > y + height + 0.5):
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
                mark = marks.get(c.id)
                c_stroke, c_fill, ink = stroke, fill, t.ink
                if mark == "removed":
                    c_stroke, c_fill = REMOVED_COLOURS
                    ink = t.muted
                prims.append(Box(Rect(cx, cy, cw, ch), fill=c_fill, radius=8 * u))
                prims.append(Box(Rect(cx, cy, stripe, ch), fill=c_stroke, radius=0))
                prims.append(
                    sl.text(
                        cx + stripe + pad,
                        cy + pad,
                        inner(c, i),
                        c.title or c.body,
                        size,
                        t.bold,
                        ink,
                        n,
                        leading=1.2,
                    )
                )
                if mark:
                    tw = tag_w[mark]
                    tx = cx + cw - pad - tw
                    th = MIN_TEXT * u * 1.2 + 6 * u
                    ty = cy + pad + (lh - th) / 2
                    prims.append(Box(Rect(tx, ty, tw, th), fill=MARK_COLOURS[mark], radius=6 * u))
                    prims.append(
                        sl.text(
                            tx,
                            ty + 3 * u,
                            tw,
                            word(mark, sl.lang),
                            MIN_TEXT,
                            t.bold,
                            "#FFFFFF",
                            align="center",
                            leading=1.2,
                        )
                    )
                cy += ch + card_gap
        y += height + row_gap
    return prims


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
    "card_changes",
    "compares",
    "comparison_pair",
    "default_scenes",
    "match_stages",
    "missing_stages",
    "ranked_opportunities",
    "reading_time",
    "resolve_scene",
    "scene_duration",
    "scene_narration",
    "scene_title",
    "scenes_for",
    "slide_layout",
    "stored_scenes",
    "top_pain_points",
    "transform",
    "with_missing_stages",
]
