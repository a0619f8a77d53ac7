"""Emotion points go on the curve meant: the nearest curve of the lane, one
point per curve and step, and a point moves to another curve in one step."""

from __future__ import annotations

import pytest

from journeydesk import templates
from journeydesk.document.commands import Remove
from journeydesk.document.curve_points import (
    move_point_to_curve,
    nearest_curve,
    place_point,
    score_at,
)
from journeydesk.document.document import Document
from journeydesk.io import dump_bytes
from journeydesk.model import EmotionCurve, check_project


@pytest.fixture
def doc(qapp) -> Document:  # type: ignore[no-untyped-def]
    return Document(templates.new_project("sample", "en"))


def _rel(curve: EmotionCurve, score: float) -> float:
    lo, hi = curve.scale.min, curve.scale.max
    return (hi - score) / (hi - lo)


def test_score_at_follows_the_points_and_is_level_beyond_them(doc: Document) -> None:
    jmap = doc.project.maps[0]
    steps = [s.id for s in jmap.steps()]
    curve = jmap.curves[0]
    p0, p1 = curve.points[0], curve.points[1]
    x0, x1 = steps.index(p0.step) + p0.offset, steps.index(p1.step) + p1.offset
    assert score_at(curve, steps, x0) == pytest.approx(p0.score)
    assert score_at(curve, steps, (x0 + x1) / 2) == pytest.approx((p0.score + p1.score) / 2)
    assert score_at(curve, steps, -5) == pytest.approx(p0.score)
    assert score_at(EmotionCurve(), steps, 1.0) is None


def test_the_drop_goes_to_the_curve_drawn_nearest(doc: Document) -> None:
    jmap = doc.project.maps[0]
    first, second = jmap.curves[0], jmap.curves[1]
    assert first.lane == second.lane
    steps = [s.id for s in jmap.steps()]
    # A step where the two curves are apart.
    n = next(
        i
        for i, s in enumerate(steps)
        if abs(score_at(first, steps, i + 0.5) - score_at(second, steps, i + 0.5)) >= 1  # type: ignore[operator]
    )
    step = steps[n]
    for curve in (first, second):
        at = _rel(curve, score_at(curve, steps, n + 0.5))  # type: ignore[arg-type]
        assert nearest_curve(jmap, first.lane, step, 0.5, at) is curve  # type: ignore[arg-type]
        # Selecting the other curve does not pull a drop that sits on this one.
        other = second if curve is first else first
        assert nearest_curve(jmap, first.lane, step, 0.5, at, other.id) is curve  # type: ignore[arg-type]


def test_a_second_point_in_a_step_moves_the_first(doc: Document) -> None:
    jmap = doc.project.maps[0]
    curve = jmap.curves[0]
    existing = curve.points[0]
    before = len(curve.points)
    command, message = place_point(doc, jmap, curve, curve.lane or "", existing.step, 0.2, 2.0)
    doc.push(command)
    assert len(curve.points) == before
    assert (existing.score, existing.offset) == (2.0, 0.2)
    assert "already has a point" in message
    doc.undo_stack.undo()
    assert len(curve.points) == before and existing.score != 2.0


def test_a_point_moves_to_another_curve_in_one_undo_step(doc: Document) -> None:
    jmap = doc.project.maps[0]
    first, second = jmap.curves[0], jmap.curves[1]
    point = first.points[3]
    # Where the other curve has a point in that step, the move is refused.
    command, why = move_point_to_curve(doc, jmap, point.id, second.id)
    assert command is None and "already has a point" in why
    doc.push(Remove(doc, next(p.id for p in second.points if p.step == point.step)))
    saved = dump_bytes(doc.project)
    command, why = move_point_to_curve(doc, jmap, point.id, second.id)
    assert command is not None and why == ""
    doc.push(command)
    assert point in second.points and point not in first.points
    steps = [s.id for s in jmap.steps()]
    order = [steps.index(p.step) for p in second.points]
    assert order == sorted(order)  # in step order
    assert check_project(doc.project) == []
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == saved
