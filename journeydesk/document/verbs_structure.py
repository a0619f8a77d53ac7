"""Verbs for a map's structure: stages, steps, lanes, emotion curves and their
points. The palette's drop and the keyboard's placing both end here, so
"add a stage" is written once (see ``verbs`` for the rules every verb keeps).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeydesk.model import EmotionCurve, JourneyMap, Lane, Stage, Step

from . import curve_points
from .commands import Insert, Macro, Remove, Reorder, SetField, SetFields
from .document import Document
from .verbs import named, push


def add_stage(
    doc: Document, jmap: JourneyMap, index: int | None = None, stage: Stage | None = None
) -> QUndoCommand:
    """A stage (by default "New stage" with one "New step") at ``index``."""
    if stage is None:
        stage = Stage(name="New stage", steps=[Step(name="New step")])
    text = QCoreApplication.translate("Verbs", "Add stage")
    return push(doc, Insert(doc, jmap, "stages", stage, index, text))


def add_step(
    doc: Document, stage: Stage, index: int | None = None, step: Step | None = None
) -> QUndoCommand:
    """A step (by default "New step") in ``stage`` at ``index``."""
    step = step or Step(name="New step")
    text = QCoreApplication.translate("Verbs", "Add step")
    return push(doc, Insert(doc, stage, "steps", step, index, text))


def add_lane(
    doc: Document, jmap: JourneyMap, kind: str = "notes", index: int | None = None
) -> QUndoCommand:
    """A lane of ``kind`` (an emotion lane draws a curve, the others cards)."""
    lane = Lane(name="", kind=kind, display="curve" if kind == "emotion" else "cards")
    macro = Macro(QCoreApplication.translate("Verbs", "Add lane"))
    macro.add(Insert(doc, jmap, "lanes", lane, index, ""))
    return push(doc, macro)


def move_step(
    doc: Document, jmap: JourneyMap, step_id: str, stage_id: str, index: int
) -> QUndoCommand | None:
    """Move a step to ``index`` of a stage (its own or another; a stage keeps
    at least one step)."""
    source = next(s for s in jmap.stages if any(st.id == step_id for st in s.steps))
    dest = next(s for s in jmap.stages if s.id == stage_id)
    step = next(st for st in source.steps if st.id == step_id)
    text = named(QCoreApplication.translate("Verbs", "Move step %1"), step)
    if source is dest:
        old = [st.id for st in source.steps].index(step_id)
        if index == old:
            return None
        return push(doc, Reorder(doc, step_id, index, text))
    if len(source.steps) == 1:
        return None
    macro = Macro(text)
    macro.add(Remove(doc, step_id))
    macro.add(Insert(doc, dest, "steps", step, index))
    return push(doc, macro)


def place_point(
    doc: Document,
    jmap: JourneyMap,
    curve: EmotionCurve | None,
    lane_id: str,
    step_id: str,
    offset: float,
    score: float,
) -> tuple[QUndoCommand, str]:
    """A point on ``curve`` in ``step_id`` (a new curve in ``lane_id`` when
    there is none; the curve's point in that step moves when it has one).
    Returns the pushed command and a message for the status bar."""
    command, message = curve_points.place_point(doc, jmap, curve, lane_id, step_id, offset, score)
    if curve is None:
        command.setText(QCoreApplication.translate("Verbs", "Add emotion curve"))
    elif getattr(command, "point_id", None):
        command.setText(QCoreApplication.translate("Verbs", "Move emotion point"))
    else:
        command.setText(QCoreApplication.translate("Verbs", "Add emotion point"))
    command.status = message  # type: ignore[attr-defined]
    return push(doc, command), message


def move_point(
    doc: Document, point_id: str, step: str, offset: float, score: float
) -> QUndoCommand | None:
    """Move an emotion point to a step, an offset in it and a score: one step."""
    changes = [(point_id, "step", step), (point_id, "offset", offset), (point_id, "score", score)]
    command = SetFields(doc, changes, QCoreApplication.translate("Verbs", "Move emotion point"))
    return push(doc, command) if command.new else None


def set_point_score(doc: Document, point_id: str, score: float) -> QUndoCommand | None:
    """The score of an emotion point (the keyboard's Up and Down merge)."""
    if doc.element(point_id).score == score:  # type: ignore[attr-defined]
        return None
    text = QCoreApplication.translate("Verbs", "Change emotion score")
    return push(doc, SetField(doc, point_id, "score", score, text))


def set_point_step(doc: Document, point_id: str, step: str) -> QUndoCommand | None:
    if doc.element(point_id).step == step:  # type: ignore[attr-defined]
        return None
    text = QCoreApplication.translate("Verbs", "Move emotion point")
    return push(doc, SetField(doc, point_id, "step", step, text))


def move_point_to_curve(
    doc: Document, jmap: JourneyMap, point_id: str, curve_id: str
) -> tuple[QUndoCommand | None, str]:
    """Move a point to another curve (None and why not when it cannot)."""
    command, why = curve_points.move_point_to_curve(doc, jmap, point_id, curve_id)
    if command is None:
        return None, why
    point = doc.element(point_id)
    command.setText(named(QCoreApplication.translate("Verbs", "Move emotion point %1"), point))
    return push(doc, command), ""


def add_curve(
    doc: Document,
    jmap: JourneyMap,
    curve: EmotionCurve,
    new_lane: Lane | None = None,
    lane_index: int | None = None,
    text: str | None = None,
) -> QUndoCommand:
    """An emotion curve (in ``new_lane``, added at ``lane_index``, when given);
    its persona joins the map's personas. One step."""
    macro = Macro(text or QCoreApplication.translate("Verbs", "Add emotion curve"))
    if new_lane is not None:
        macro.add(Insert(doc, jmap, "lanes", new_lane, lane_index))
    macro.add(Insert(doc, jmap, "curves", curve))
    if curve.persona and curve.persona not in jmap.personas:
        personas = [*jmap.personas, curve.persona]
        macro.add(SetField(doc, jmap.id, "personas", personas, "", False))
    return push(doc, macro)
