"""Emotion points go on the curve the user means, one point per curve and step.

A curve lane often holds one curve per persona. A point dropped in it goes on
the curve drawn nearest the drop (the vertical distance between the drop and
each curve where it crosses that place of the step), not on the lane's first
curve. A curve has at most one point in a step through the app: a second one
would draw a vertical spike, so placing a point where its curve already has
one moves that point instead (the caller says so in the status bar). A point
can move to another curve of the map: one undo step.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeydesk.model import CurvePoint, EmotionCurve, JourneyMap

from .commands import Insert, Macro, Remove, SetFields, describe
from .document import Document


def curve_lane_of(jmap: JourneyMap, curve: EmotionCurve) -> str | None:
    """The lane a curve is drawn in (None: the map's first curve lane)."""
    if curve.lane is not None:
        return curve.lane
    return next((ln.id for ln in jmap.lanes if ln.display == "curve"), None)


def curves_in_lane(jmap: JourneyMap, lane_id: str) -> list[EmotionCurve]:
    return [c for c in jmap.curves if curve_lane_of(jmap, c) == lane_id]


def curve_of_point(jmap: JourneyMap, point_id: str) -> EmotionCurve | None:
    return next((c for c in jmap.curves if any(p.id == point_id for p in c.points)), None)


def point_in_step(
    curve: EmotionCurve, step_id: str, exclude: str | None = None
) -> CurvePoint | None:
    """The curve's point in ``step_id`` (other than ``exclude``), if it has one."""
    return next((p for p in curve.points if p.step == step_id and p.id != exclude), None)


def score_at(curve: EmotionCurve, steps: list[str], position: float) -> float | None:
    """The curve's score where it crosses ``position`` (step index + offset in
    the step), straight between its points and level beyond its ends; None
    for a curve with no points on the map's steps."""
    index = {s: n for n, s in enumerate(steps)}
    pts = sorted((index[p.step] + p.offset, p.score) for p in curve.points if p.step in index)
    if not pts:
        return None
    if position <= pts[0][0]:
        return pts[0][1]
    for (x1, y1), (x2, y2) in itertools.pairwise(pts):
        if x1 <= position <= x2:
            return y1 if x2 == x1 else y1 + (y2 - y1) * (position - x1) / (x2 - x1)
    return pts[-1][1]


def nearest_curve(
    jmap: JourneyMap,
    lane_id: str,
    step_id: str,
    offset: float,
    rel_y: float,
    preferred: str | None = None,
) -> EmotionCurve | None:
    """The curve of the lane drawn nearest a drop at ``rel_y`` (0 the top of
    the lane's plotting band, 1 its bottom) in ``step_id`` at ``offset``.

    Curves are compared in the lane's height, each with its own scale. A curve
    without points has no place yet: it is chosen only when no curve of the
    lane has any, ``preferred`` (the selected curve) first, else the first."""
    candidates = curves_in_lane(jmap, lane_id)
    if not candidates:
        return None
    steps = [s.id for s in jmap.steps()]
    position = (steps.index(step_id) if step_id in steps else 0) + offset
    best: tuple[float, int, EmotionCurve] | None = None
    for curve in candidates:
        score = score_at(curve, steps, position)
        if score is None:
            continue
        lo, hi = curve.scale.min, curve.scale.max
        distance = abs((hi - score) / (hi - lo) - rel_y)
        # The selected curve wins a tie.
        rank = 0 if curve.id == preferred else 1
        if best is None or (distance, rank) < (best[0], best[1]):
            best = (distance, rank, curve)
    if best is not None:
        return best[2]
    return next((c for c in candidates if c.id == preferred), candidates[0])


def insert_index(jmap: JourneyMap, curve: EmotionCurve, step_id: str) -> int:
    """Where a point of ``step_id`` goes in the curve's list: in step order."""
    steps = [s.id for s in jmap.steps()]
    where = steps.index(step_id) if step_id in steps else len(steps)
    return sum(1 for p in curve.points if p.step in steps and steps.index(p.step) <= where)


def place_point(
    doc: Document,
    jmap: JourneyMap,
    curve: EmotionCurve | None,
    lane_id: str,
    step_id: str,
    offset: float,
    score: float,
) -> tuple[QUndoCommand, str]:
    """The command that puts a point of ``curve`` at ``step_id``, and a
    message for the status bar ("" when there is nothing to say).

    When the curve already has a point in that step, that point moves to the
    new score and place (no second point, no spike). With no curve, a new
    curve is made in ``lane_id`` holding the point."""
    offset = round(min(1.0, max(0.0, offset)), 3)
    if curve is None:
        point = CurvePoint(step=step_id, offset=offset, score=score)
        new_curve = EmotionCurve(lane=lane_id, points=[point])
        return Insert(doc, jmap, "curves", new_curve, None, "Add emotion curve"), ""
    existing = point_in_step(curve, step_id)
    if existing is not None:
        command = SetFields(
            doc,
            [(existing.id, "score", score), (existing.id, "offset", offset)],
            "Move emotion point",
        )
        command.point_id = existing.id  # type: ignore[attr-defined]
        name = curve.label or QCoreApplication.translate("Curves", "this curve")
        message = QCoreApplication.translate(
            "Curves", "%1 already has a point in this step: it moved there (one point per step)"
        ).replace("%1", name)
        return command, message
    point = CurvePoint(step=step_id, offset=offset, score=score)
    index = insert_index(jmap, curve, step_id)
    return Insert(doc, curve, "points", point, index, "Add emotion point"), ""


def move_point_to_curve(
    doc: Document, jmap: JourneyMap, point_id: str, curve_id: str
) -> tuple[QUndoCommand | None, str]:
    """The command that moves a point to another curve (one undo step), or
    None and why not: the other curve already has a point in that step."""
    source = curve_of_point(jmap, point_id)
    target = next((c for c in jmap.curves if c.id == curve_id), None)
    if source is None or target is None or source is target:
        return None, ""
    point = next(p for p in source.points if p.id == point_id)
    if point_in_step(target, point.step) is not None:
        return None, QCoreApplication.translate(
            "Curves", "That curve already has a point in this step"
        )
    macro = Macro(f"Move emotion point {describe(point)} to curve {describe(target)}".strip())
    macro.add(Remove(doc, point_id))
    macro.add(Insert(doc, target, "points", point, insert_index(jmap, target, point.step)))
    return macro, ""
