"""Invariants that pydantic's per-field validation cannot see.

``check_project`` returns every problem it finds, each with the JSON path of
the offending value, so ``journeydesk validate`` can report them all at once:
ids unique across the project; every reference resolves, in the right place
(a card's step and lane in its own map; cross-map only for a map's
``based_on``, a card's ``derived_from`` and links to maps) — which fields are
references, and where they may point, comes from their declaration on the
model (``Ref``, read by refs.py); spans, scores and offsets in range; images
consistent with what their asset declares.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .base import Element
from .images import ImageError, checked_image_bytes
from .project import JourneyMap, Project
from .ref import Ref
from .refs import (
    PROJECT_KINDS,
    Targets,
    iter_elements,
    iter_refs,
    model_classes,
    model_fields_of,
    problem,
)
from .refs import ref_fields as _ref_fields

__all__ = [
    "MAX_PROBLEMS",
    "Problem",
    "check_project",
    "iter_elements",
    "json_path",
    "surely_clean",
]


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
    if surely_clean(project):
        return []
    return full_check(project)


def full_check(project: Project) -> list[Problem]:
    """``check_project`` without the quick pass: every problem, with its path."""
    report = _Report()
    where: dict[str, str] = {project.id: "$"}
    for path, element in iter_elements(project):
        first = where.setdefault(element.id, path)
        if first != path:
            report.add(f"{path}.id", f"id {element.id} is already used at {first}")
    targets = Targets(project, set(where))

    for site in iter_refs(project):
        if site.ref.checked:
            message = problem(site, targets)
            if message is not None:
                report.add(site.json_path, message)

    score_defs = project.scores()
    for i, d in enumerate(project.score_definitions):
        if sum(1 for e in project.score_definitions if e.key == d.key) > 1:
            report.add(f"$.score_definitions[{i}].key", f"score key {d.key!r} is defined twice")
    for i, asset in enumerate(project.assets):
        try:
            checked_image_bytes(asset.data, asset.type, asset.width, asset.height)
        except ImageError as exc:
            report.add(f"$.assets[{i}].data", str(exc))

    for mi, jmap in enumerate(project.maps):
        mp = f"$.maps[{mi}]"
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
        for ki, curve in enumerate(jmap.curves):
            for pi, point in enumerate(curve.points):
                if not curve.scale.min <= point.score <= curve.scale.max:
                    report.add(
                        f"{mp}.curves[{ki}].points[{pi}].score",
                        f"{point.score:g} is outside the curve's scale "
                        f"{curve.scale.min:g}..{curve.scale.max:g}",
                    )
        for xi, connection in enumerate(jmap.connections):
            if connection.source == connection.target:
                report.add(
                    f"{mp}.connections[{xi}].target", "a connection cannot join a card to itself"
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


# --- the quick pass -----------------------------------------------------------
#
# Every load and every save checks the whole project (issue #14: 55-85 ms at 5,000
# cards, most of it making a JSON path string for each of ~20,000 references and
# ~10,000 elements that are nearly always fine). ``surely_clean`` asks the same
# questions without paths, stopping at the first doubt; ``check_project`` runs the
# full check, paths and all, only when it finds one. So what a user is told is
# always what the full check says (tests/model/test_check_quick.py pins that the
# two agree on generated and broken projects).

_Plan = tuple[bool, bool, tuple[tuple[str, int, bool, bool], ...], tuple[str, ...]]
_Plans = tuple[dict[type[BaseModel], _Plan], tuple[Ref, ...]]
_PLANS: list[_Plans] = []
"""For every model class reachable from ``Project``: (is an element, is a map, its
reference fields as (name, slot, many, no_self), its fields that hold models), and
the ``Ref`` of each slot. Class facts, not data: made once, on first use."""


def _plans() -> _Plans:
    if not _PLANS:
        plans: dict[type[BaseModel], _Plan] = {}
        slots: list[Ref] = []
        for cls in model_classes(Project):
            refs = []
            for rf in _ref_fields(cls):
                if rf.ref not in slots:
                    slots.append(rf.ref)
                refs.append((rf.name, slots.index(rf.ref), rf.many, bool(rf.ref.no_self)))
            element = issubclass(cls, Element)
            plans[cls] = (element, cls is JourneyMap, tuple(refs), model_fields_of(cls))
        _PLANS.append((plans, tuple(slots)))  # whole, at once: another thread may look
    return _PLANS[0]


def surely_clean(project: Project, extras_ok: bool = True) -> bool:
    """True only if ``full_check(project)`` finds nothing (and, unless
    ``extras_ok``, no model of the project keeps keys its type does not declare).

    False means "look closer", not "broken": the caller runs the full check.
    """
    plans, slot_refs = _plans()
    ids: list[str] = [project.id]
    outside: list[list[str]] = [[] for _ in slot_refs]
    groups: list[tuple[JourneyMap | None, list[list[str]]]] = [(None, outside)]

    def clean(obj: BaseModel, holder: str, slots: list[list[str]]) -> bool:
        # Recursive (the model nests about ten deep): cheaper than a stack of frames.
        if not extras_ok and obj.__pydantic_extra__:
            return False
        plan = plans.get(type(obj))
        if plan is None:  # a model class not declared under Project: the full check
            return False
        element, is_map, refs, models = plan
        fields = obj.__dict__
        if element:
            holder = fields["id"]
            ids.append(holder)
        if is_map:
            slots = [[] for _ in slot_refs]
            groups.append((obj, slots))  # type: ignore[arg-type]
        for name, slot, many, no_self in refs:
            value = fields[name]
            if value is None:
                continue
            if many:
                if value:
                    if no_self and holder in value:
                        return False
                    slots[slot].extend(value)
            else:
                if no_self and value == holder:
                    return False
                slots[slot].append(value)
        for name in models:
            value = fields[name]
            if type(value) is list:
                for item in value:
                    if not clean(item, holder, slots):
                        return False
            elif isinstance(value, BaseModel):
                if not clean(value, holder, slots):
                    return False
            elif value is not None:
                return False  # not a model nor a list of them: the full check decides
        return True

    if not clean(project, project.id, outside):
        return False
    known = set(ids)
    if len(known) != len(ids):
        return False
    targets = Targets(project, known)
    for jmap, slots in groups:
        for slot, group in enumerate(slots):
            ref = slot_refs[slot]
            if group and ref.checked and not _resolve(ref, jmap, targets).issuperset(group):
                return False
    return _ranges_clean(project)


_NOTHING: frozenset[str] = frozenset()


def _resolve(ref: Ref, jmap: JourneyMap | None, targets: Targets) -> set[str] | frozenset[str]:
    """The ids ``ref`` may name from ``jmap``, as ``refs.problem`` decides them."""
    if ref.kind == "elements":
        return targets.elements()
    if ref.kind in PROJECT_KINDS:
        return targets.project_kinds[ref.kind]
    if ref.scope == "any_map":
        return targets.any_map(ref.kind)
    if ref.scope == "base":
        base = targets.base_of(jmap)
        return _NOTHING if base is None else targets.in_map(base, ref.kind)
    return _NOTHING if jmap is None else targets.in_map(jmap, ref.kind)


def _ranges_clean(project: Project) -> bool:
    """The rest of ``full_check``: score keys, images, spans, curve points, connections."""
    keys = [d.key for d in project.score_definitions]
    if len(set(keys)) != len(keys):
        return False
    for asset in project.assets:
        try:
            checked_image_bytes(asset.data, asset.type, asset.width, asset.height)
        except ImageError:
            return False
    score_defs = project.scores()
    bounds = {key: (d.min, d.max) for key, d in score_defs.items()}
    for jmap in project.maps:
        steps = {s.id: n for n, s in enumerate(jmap.steps())}
        lanes = {lane.id: n for n, lane in enumerate(jmap.lanes)}
        n_steps, n_lanes = len(steps), len(lanes)
        for card in jmap.cards:
            if card.scores:
                for key, value in card.scores.items():
                    bound = bounds.get(key)
                    if bound is None or not bound[0] <= value <= bound[1]:
                        return False
            at = steps.get(card.step)
            if at is not None and card.span_steps > n_steps - at:
                return False
            at = lanes.get(card.lane)
            if at is not None and card.span_lanes > n_lanes - at:
                return False
        for curve in jmap.curves:
            low, high = curve.scale.min, curve.scale.max
            for point in curve.points:
                if not low <= point.score <= high:
                    return False
        for connection in jmap.connections:
            if connection.source == connection.target:
                return False
    return True
