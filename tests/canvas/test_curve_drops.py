"""Dropping an emotion point from the palette: it goes on the curve drawn
nearest the drop, and where that curve has a point in the step, that point
moves there (with a status message) instead of a second one making a spike."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from journeydesk.canvas.palette import MIME, Payload
from journeydesk.document.commands import Remove
from journeydesk.document.curve_points import score_at
from journeydesk.model import EmotionCurve, check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    w.view.reset_zoom()
    return w


def _drop(window: MainWindow, scene_point: QPointF) -> None:
    window.view.centerOn(scene_point)
    pos = window.view.mapFromScene(scene_point)
    mime = QMimeData()
    mime.setData(MIME, Payload("emotion_point").encode())
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.view.dropEvent(event)


def _y_of(window: MainWindow, curve: EmotionCurve, score: float) -> float:
    """Where the drawing puts ``score`` of ``curve`` in its lane."""
    lane = next(i for i in window.scene.element_items(curve.lane or "") if i.kind == "lane")
    b = lane.layout_item.bounds
    lo, hi = curve.scale.min, curve.scale.max
    return b.y + 14 + (hi - score) / (hi - lo) * (b.h - 28)


def test_a_dropped_point_goes_on_the_curve_nearest_the_drop(window: MainWindow) -> None:
    jmap = window.current_map()
    assert jmap is not None
    first, second = jmap.curves[0], jmap.curves[1]
    steps = [s.id for s in jmap.steps()]
    doc = window.document
    assert doc is not None

    # Free one step of both curves; the curves still cross it, far apart.
    def between(curve: EmotionCurve, i: int) -> float:
        """The curve's score in step i once its point there is gone."""
        return (score_at(curve, steps, i - 0.5) + score_at(curve, steps, i + 1.5)) / 2  # type: ignore[operator]

    n = next(
        i for i in range(1, len(steps) - 1) if abs(between(first, i) - between(second, i)) >= 1.5
    )
    for curve in (first, second):
        doc.push(Remove(doc, next(p.id for p in curve.points if p.step == steps[n])))
    step_item = next(i for i in window.scene.element_items(steps[n]) if i.kind == "step")
    x = step_item.layout_item.bounds.x + step_item.layout_item.bounds.w / 2
    for curve in (second, first):  # the second persona's curve first: not "the lane's first"
        score = score_at(curve, steps, n + 0.5)
        assert score is not None
        counts = (len(first.points), len(second.points))
        _drop(window, QPointF(x, _y_of(window, curve, score)))
        added = (len(first.points) - counts[0], len(second.points) - counts[1])
        assert added == ((1, 0) if curve is first else (0, 1))
        assert any(p.step == steps[n] for p in curve.points)
    assert check_project(window.project) == []  # type: ignore[arg-type]


def test_a_drop_where_the_curve_has_a_point_moves_that_point(window: MainWindow) -> None:
    jmap = window.current_map()
    assert jmap is not None
    first, second = jmap.curves[0], jmap.curves[1]
    # A step where the first curve is above the second: a drop at the top of
    # the lane is nearest the first curve, which has a point there already.
    point = next(
        p
        for p in first.points
        if p.score < first.scale.max
        and p.score > next(q.score for q in second.points if q.step == p.step)
    )
    step_item = next(i for i in window.scene.element_items(point.step) if i.kind == "step")
    x = step_item.layout_item.bounds.x + step_item.layout_item.bounds.w / 2
    before = (len(first.points), len(second.points))
    _drop(window, QPointF(x, _y_of(window, first, first.scale.max)))
    assert (len(first.points), len(second.points)) == before
    assert point.score == first.scale.max
    assert "already has a point" in window.statusBar().currentMessage()
    for c in jmap.curves:  # no curve has two points in one step
        assert len({p.step for p in c.points}) == len(c.points)
    window.document.undo_stack.undo()  # type: ignore[union-attr]
    assert point.score < first.scale.max
