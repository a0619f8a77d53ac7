"""Invariants that pydantic's per-field validation cannot see.

``check_project`` returns every problem it finds, each with the JSON path of
the offending value, so ``journeydesk validate`` can report them all at once:
ids unique across the project; every reference resolves, in the right place
(a card's step and lane in its own map; cross-map only for a map's
``based_on``, a card's ``derived_from`` and links to maps); spans, scores and
offsets in range; images consistent with what their asset declares.
"""

from __future__ import annotations

import typing
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .base import Element
from .images import ImageError, checked_image_bytes
from .project import JourneyMap, Project


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a project, at a JSON path such as ``$.maps[0].name``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def json_path(loc: tuple[int | str, ...] | list[int | str]) -> str:
    """Turn a location tuple into a JSON path: ``("maps", 0, "name")`` → ``$.maps[0].name``."""
    out = "$"
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += "[" + _quote(part) + "]"
    return out


def _quote(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def iter_elements(obj: BaseModel, path: str = "$") -> Iterator[tuple[str, Element]]:
    """Yield every element (object with an id) under ``obj``, with its path, in file order."""
    found: list[tuple[str, Element]] = []
    _collect_elements(obj, path, found)
    return iter(found)


def _collect_elements(obj: BaseModel, path: str, found: list[tuple[str, Element]]) -> None:
    # A plain recursive walk over the fields that can hold models: a chain of
    # generators (one per level) costs several times more on a big project.
    if isinstance(obj, Element):
        found.append((path, obj))
    for name in _model_fields_of(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            _collect_elements(value, f"{path}.{name}", found)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _collect_elements(item, f"{path}.{name}[{i}]", found)


_FIELDS_WITH_MODELS: dict[type[BaseModel], tuple[str, ...]] = {}


def _model_fields_of(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` whose type mentions a model (``Scale``, ``list[Card]``...)."""
    names = _FIELDS_WITH_MODELS.get(cls)
    if names is None:
        names = tuple(
            name for name, info in cls.model_fields.items() if _mentions_model(info.annotation)
        )
        _FIELDS_WITH_MODELS[cls] = names
    return names


def _mentions_model(annotation: object) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    if origin is typing.Annotated:
        return _mentions_model(typing.get_args(annotation)[0])
    args = typing.get_args(annotation)
    if not args:
        return True  # not understood (Any, a forward reference...): walk it to be safe
    return any(_mentions_model(arg) for arg in args)


MAX_PROBLEMS = 1000
"""Stop collecting after this many: a hostile file must not flood the report."""


class _Report:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(path, message))


def check_project(project: Project) -> list[Problem]:
    """Return every cross-reference and range problem of a validated project."""
    report = _Report()
    where: dict[str, str] = {project.id: "$"}
    for path, element in iter_elements(project):
        first = where.setdefault(element.id, path)
        if first != path:
            report.add(f"{path}.id", f"id {element.id} is already used at {first}")

    personas = {p.id for p in project.personas}
    teams = {t.id for t in project.teams}
    sources = {s.id for s in project.sources}
    metrics = {m.id for m in project.metrics}
    assets = {a.id for a in project.assets}
    maps = {m.id: m for m in project.maps}
    score_defs = project.scores()

    def ref(path: str, value: str | None, known: Collection[str], what: str) -> None:
        if value is not None and value not in known:
            report.add(path, f"{what} {value} does not exist")

    for i, d in enumerate(project.score_definitions):
        if sum(1 for e in project.score_definitions if e.key == d.key) > 1:
            report.add(f"$.score_definitions[{i}].key", f"score key {d.key!r} is defined twice")
    for i, persona in enumerate(project.personas):
        ref(f"$.personas[{i}].photo", persona.photo, assets, "asset")
    for i, asset in enumerate(project.assets):
        try:
            checked_image_bytes(asset.data, asset.type, asset.width, asset.height)
        except ImageError as exc:
            report.add(f"$.assets[{i}].data", str(exc))
    for i, profile in enumerate(project.export_profiles):
        ref(f"$.export_profiles[{i}].logo", profile.logo, assets, "asset")
    for i, comment in enumerate(project.comments):
        if comment.target not in where:
            report.add(f"$.comments[{i}].target", f"element {comment.target} does not exist")

    for mi, jmap in enumerate(project.maps):
        mp = f"$.maps[{mi}]"
        for pi, persona_id in enumerate(jmap.personas):
            ref(f"{mp}.personas[{pi}]", persona_id, personas, "persona")
        if jmap.based_on is not None:
            if jmap.based_on == jmap.id:
                report.add(f"{mp}.based_on", "a map cannot be based on itself")
            else:
                ref(f"{mp}.based_on", jmap.based_on, maps, "map")
        base = maps.get(jmap.based_on) if jmap.based_on else None
        _check_map(report, project, jmap, mp, base, personas, teams, sources, metrics, assets)
        step_index = {s.id: n for n, s in enumerate(jmap.steps())}
        lane_index = {lane.id: n for n, lane in enumerate(jmap.lanes)}
        for ci, card in enumerate(jmap.cards):
            cp = f"{mp}.cards[{ci}]"
            for key, value in card.scores.items():
                definition = score_defs.get(key)
                kp = cp + json_path(("scores", key))[1:]  # scores.reach, scores["wow factor"]
                if definition is None:
                    report.add(kp, f"score {key!r} is not defined")
                elif not definition.min <= value <= definition.max:
                    report.add(
                        kp,
                        f"{value:g} is outside the range {definition.min:g}..{definition.max:g}",
                    )
            for li, link in enumerate(card.links):
                ref(f"{cp}.links[{li}].map", link.map, maps, "map")
            if card.step in step_index:
                remaining = len(step_index) - step_index[card.step]
                if card.span_steps > remaining:
                    report.add(
                        f"{cp}.span_steps",
                        f"spans {card.span_steps} steps but only {remaining} follow from its step",
                    )
            if card.lane in lane_index:
                remaining = len(lane_index) - lane_index[card.lane]
                if card.span_lanes > remaining:
                    report.add(
                        f"{cp}.span_lanes",
                        f"spans {card.span_lanes} lanes but only {remaining} follow from its lane",
                    )
    return sorted(report.problems, key=_path_order)


def _path_order(problem: Problem) -> tuple[list[tuple[int, int | str]], str]:
    import re

    parts: list[tuple[int, int | str]] = []
    for m in re.finditer(r"\[(\d+)\]|\.([^.\[]+)|\[(\"[^\"]*\")\]", problem.path):
        if m.group(1) is not None:
            parts.append((0, int(m.group(1))))
        else:
            parts.append((1, m.group(2) or m.group(3) or ""))
    return parts, problem.message


def _check_map(
    report: _Report,
    project: Project,
    jmap: JourneyMap,
    mp: str,
    base: JourneyMap | None,
    personas: set[str],
    teams: set[str],
    sources: set[str],
    metrics: set[str],
    assets: set[str],
) -> None:
    steps = {s.id for s in jmap.steps()}
    lanes = {lane.id for lane in jmap.lanes}
    cards = {c.id for c in jmap.cards}
    stages = {s.id for s in jmap.stages}
    base_cards = {c.id for c in base.cards} if base is not None else set()

    def ref(path: str, value: str | None, known: set[str], what: str) -> None:
        if value is not None and value not in known:
            report.add(path, f"{what} {value} does not exist in this map")

    def project_ref(path: str, value: str | None, known: set[str], what: str) -> None:
        if value is not None and value not in known:
            report.add(path, f"{what} {value} does not exist")

    for si, stage in enumerate(jmap.stages):
        for ki, kpi in enumerate(stage.kpis):
            project_ref(f"{mp}.stages[{si}].kpis[{ki}].metric", kpi.metric, metrics, "metric")
    for li, lane in enumerate(jmap.lanes):
        project_ref(f"{mp}.lanes[{li}].persona", lane.persona, personas, "persona")

    for ci, card in enumerate(jmap.cards):
        cp = f"{mp}.cards[{ci}]"
        ref(f"{cp}.step", card.step, steps, "step")
        ref(f"{cp}.lane", card.lane, lanes, "lane")
        project_ref(f"{cp}.image", card.image, assets, "asset")
        for oi, owner in enumerate(card.owners):
            project_ref(f"{cp}.owners[{oi}].team", owner.team, teams, "team")
        for ei, evidence in enumerate(card.evidence):
            project_ref(f"{cp}.evidence[{ei}].source", evidence.source, sources, "source")
        for ri, related in enumerate(card.relates_to):
            if related == card.id:
                report.add(f"{cp}.relates_to[{ri}]", "a card cannot relate to itself")
            else:
                ref(f"{cp}.relates_to[{ri}]", related, cards, "card")
        if card.derived_from is not None:
            if base is None:
                report.add(
                    f"{cp}.derived_from",
                    "the card is derived from another map's card but its map has no based_on",
                )
            elif card.derived_from not in base_cards:
                report.add(
                    f"{cp}.derived_from",
                    f"card {card.derived_from} does not exist in the map this one is based on",
                )

    for ki, curve in enumerate(jmap.curves):
        kp = f"{mp}.curves[{ki}]"
        project_ref(f"{kp}.persona", curve.persona, personas, "persona")
        ref(f"{kp}.lane", curve.lane, lanes, "lane")
        for pi, point in enumerate(curve.points):
            ref(f"{kp}.points[{pi}].step", point.step, steps, "step")
            if not curve.scale.min <= point.score <= curve.scale.max:
                report.add(
                    f"{kp}.points[{pi}].score",
                    f"{point.score:g} is outside the curve's scale "
                    f"{curve.scale.min:g}..{curve.scale.max:g}",
                )

    for xi, connection in enumerate(jmap.connections):
        xp = f"{mp}.connections[{xi}]"
        ref(f"{xp}.source", connection.source, cards, "card")
        ref(f"{xp}.target", connection.target, cards, "card")
        if connection.source == connection.target:
            report.add(f"{xp}.target", "a connection cannot join a card to itself")

    for si, separator in enumerate(jmap.separators):
        ref(f"{mp}.separators[{si}].after_lane", separator.after_lane, lanes, "lane")

    for si, scene in enumerate(jmap.storyline.scenes):
        sp = f"{mp}.storyline.scenes[{si}]"
        ref(f"{sp}.stage", scene.stage, stages, "stage")
        project_ref(f"{sp}.image", scene.image, assets, "asset")
