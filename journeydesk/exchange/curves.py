"""The XLSX ``Curve`` sheet: one row per point of each emotion curve of a map, and back.

A row with a known point ``id`` updates that point (step, offset, score, emotion,
label, note); a row without one adds a point to the curve its ``curve`` label and
``persona`` name pick, creating that curve (with the persona and a curve lane)
when the map has none. A curve's scale is the row's ``scale_min``/``scale_max``,
widened to hold its scores. Problems are reported per row, as for the cards.
"""

from __future__ import annotations

from journeydesk.model.base import MAX_ITEMS, MAX_SMALL_LIST
from journeydesk.model.checks import iter_elements
from journeydesk.model.project import (
    CurvePoint,
    EmotionCurve,
    JourneyMap,
    Lane,
    Persona,
    Project,
    Scale,
    Step,
)

from .inventory import UUID_RE
from .report import ImportReport
from .table import Table, fold_header, parse_number

CURVE_COLUMNS = (
    "id", "curve", "persona", "stage", "step", "offset", "score", "emotion", "label", "note",
    "scale_min", "scale_max",
)  # fmt: skip


def curve_point_rows(project: Project, jmap: JourneyMap) -> tuple[list[str], list[list[object]]]:
    """The ``Curve`` sheet of ``jmap``."""
    place = {s.id: (stage.name, s.name) for stage in jmap.stages for s in stage.steps}
    personas = {p.id: p.name for p in project.personas}
    rows: list[list[object]] = []
    for curve in jmap.curves:
        who = personas.get(curve.persona or "", "")
        for point in curve.points:
            stage, step = place.get(point.step, ("", ""))
            rows.append([
                point.id, curve.label, who, stage, step, point.offset, point.score,
                point.emotion, point.label, point.note, curve.scale.min, curve.scale.max,
            ])  # fmt: skip
    return list(CURVE_COLUMNS), rows


def apply_curve_points(project: Project, jmap: JourneyMap, table: Table) -> ImportReport:
    """Update and add points of ``jmap``'s curves (changed in place) from a Curve sheet."""
    report = ImportReport()
    cols = {
        fold_header(h): i for i, h in enumerate(table.header) if fold_header(h) in CURVE_COLUMNS
    }
    if "score" not in cols or "step" not in cols:
        report.refuse("row 1", "the Curve sheet has no step or score column")
        return report
    points = {p.id: (c, p) for c in jmap.curves for p in c.points}
    taken = {el.id for _, el in iter_elements(project)}
    for cells, line in zip(table.rows, table.lines, strict=True):

        def cell(col: str, cells: list[str] = cells) -> str:
            i = cols.get(col)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        where = f"row {line}"
        step = _step(jmap, cell("stage"), cell("step"))
        score = parse_number(cell("score"))
        if step is None:
            report.refuse(f"{where}, column step", f"no step {cell('step')!r} in the map", line)
            continue
        if score is None or abs(score) > 1e9:
            report.refuse(f"{where}, column score", f"{cell('score')!r} is not a number", line)
            continue
        offset = parse_number(cell("offset")) if cell("offset") else 0.5
        if offset is None or not 0 <= offset <= 1:
            report.warn(
                f"{where}, column offset", f"{cell('offset')!r} is not from 0 to 1; 0.5 kept"
            )
            offset = 0.5
        found = points.get(cell("id").lower())
        before: tuple[object, ...] = ()
        if found is not None:
            curve, point = found
            before = _state(curve, point)
        else:
            target = _curve(project, jmap, cell("curve"), cell("persona"), report)
            if target is None or len(target.points) >= MAX_ITEMS:
                report.refuse(where, "no room for another curve or point", line)
                continue
            curve = target
            point = CurvePoint(step=step.id, score=score)
            wanted = cell("id").lower()
            if UUID_RE.match(wanted) and wanted not in taken:
                point.id = wanted  # a point exported from another project keeps its id
            taken.add(point.id)
            curve.points.append(point)
            report.added.append(point.id)
        low = parse_number(cell("scale_min")) if cell("scale_min") else None
        high = parse_number(cell("scale_max")) if cell("scale_max") else None
        if found is None and low is not None and high is not None and low < high:
            curve.scale = Scale(min=low, max=high, labels=curve.scale.labels)
        if not curve.scale.min <= score <= curve.scale.max:
            curve.scale = Scale(
                min=min(curve.scale.min, score), max=max(curve.scale.max, score),
                labels=curve.scale.labels,
            )  # fmt: skip
            report.warn(f"{where}, column score", f"{score:g} widens the curve's scale")
        point.step, point.offset, point.score = step.id, offset, score
        for col in ("emotion", "label", "note"):
            if col in cols:
                setattr(point, col, cell(col))
        if found is not None:
            same = _state(curve, point) == before
            (report.unchanged if same else report.updated).append(point.id)
    return report


def _state(curve: EmotionCurve, point: CurvePoint) -> tuple[object, ...]:
    """What a row can change of an existing point (and of its curve's scale)."""
    return (
        point.step, point.offset, point.score, point.emotion, point.label, point.note,
        curve.scale.min, curve.scale.max,
    )  # fmt: skip


def _step(jmap: JourneyMap, stage_name: str, step_name: str) -> Step | None:
    for stage in jmap.stages:
        if stage_name and stage.name.strip().casefold() != stage_name.casefold():
            continue
        for step in stage.steps:
            if step.name.strip().casefold() == step_name.casefold():
                return step
    return None


def _curve(
    project: Project, jmap: JourneyMap, label: str, persona_name: str, report: ImportReport
) -> EmotionCurve | None:
    personas = {p.id: p for p in project.personas}
    for curve in jmap.curves:
        who = personas[curve.persona].name if curve.persona in personas else ""
        if curve.label == label and who.casefold() == persona_name.casefold():
            return curve
    if len(jmap.curves) >= MAX_SMALL_LIST:
        return None
    persona_id = None
    if persona_name:
        persona = next((p for p in project.personas if p.name == persona_name), None)
        if persona is None:
            persona = Persona(name=persona_name)
            project.personas.append(persona)
            report.created.append(f'persona "{persona_name}"')
        persona_id = persona.id
        if persona_id not in jmap.personas:
            jmap.personas.append(persona_id)
    lane = next((la for la in jmap.lanes if la.display == "curve"), None)
    if lane is None:
        lane = Lane(name="Emotion", kind="emotion", display="curve")
        jmap.lanes.append(lane)
        report.created.append('lane "Emotion"')
    curve = EmotionCurve(persona=persona_id, lane=lane.id, label=label)
    jmap.curves.append(curve)
    report.created.append(f'curve "{label or persona_name}"')
    return curve
