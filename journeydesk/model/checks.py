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

from .images import ImageError, checked_image_bytes
from .project import Project
from .refs import Targets, iter_elements, iter_refs, problem

__all__ = ["MAX_PROBLEMS", "Problem", "check_project", "iter_elements", "json_path"]


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
