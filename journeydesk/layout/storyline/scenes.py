"""The storyline of a map: its scenes (stored or default), what each scene
says and how long it stays, and the rankings the closing scene shows."""

from __future__ import annotations

import uuid

from journeydesk.model.project import Card, JourneyMap, Project, Scene, Stage

from .compare import comparison_pair
from .words import word

DEFAULT_DURATION = 6.0


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
