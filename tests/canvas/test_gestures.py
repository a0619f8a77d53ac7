"""Canvas gestures, driven offscreen: card drags and palette drops become one
command each, and drops where a thing cannot go are refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from journeydesk.canvas.palette import MIME, Payload
from journeydesk.model import check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=_drop_changes)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    w.view.reset_zoom()
    return w


def _drop_changes(window: MainWindow) -> None:
    """pytest-qt closes the window after the test: closing asks about unsaved
    changes, which these tests leave on purpose."""
    if window.document is not None:
        window.document.undo_stack.setClean()


def _center_of(window: MainWindow, element_id: str, kind: str) -> QPointF:
    item = next(i for i in window.scene.element_items(element_id) if i.kind == kind)
    b = item.layout_item.bounds
    return QPointF(b.x + b.w / 2, b.y + b.h / 2)


def _view_point(window: MainWindow, scene_point: QPointF) -> QPoint:
    window.view.centerOn(scene_point)
    return window.view.mapFromScene(scene_point)


def _mouse(
    window: MainWindow,
    kind: QEvent.Type,
    pos: QPoint,
    buttons: Qt.MouseButton = Qt.MouseButton.LeftButton,
) -> None:
    event = QMouseEvent(
        kind,
        QPointF(pos),
        window.view.viewport().mapToGlobal(QPointF(pos)),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.view.viewport(), event)


def test_dragging_a_card_to_another_step_is_one_undo_step(window: MainWindow) -> None:
    project = window.project
    assert project is not None and window.document is not None
    jmap = project.maps[0]
    card = jmap.cards[0]
    original = (card.step, card.lane, card.order)
    steps = jmap.steps()
    target_step = steps[2]
    start = _center_of(window, card.id, "card")
    lane_box = next(i for i in window.scene.element_items(card.lane) if i.kind == "lane")
    step_box = next(i for i in window.scene.element_items(target_step.id) if i.kind == "step")
    end = QPointF(step_box.layout_item.bounds.x + 20, lane_box.layout_item.bounds.y + 12)

    press = _view_point(window, start)
    _mouse(window, QEvent.Type.MouseButtonPress, press)
    delta = window.view.mapFromScene(end) - window.view.mapFromScene(start)
    _mouse(window, QEvent.Type.MouseMove, press + delta / 2)
    _mouse(window, QEvent.Type.MouseMove, press + delta)
    _mouse(window, QEvent.Type.MouseButtonRelease, press + delta, Qt.MouseButton.NoButton)

    assert (card.step, card.lane, card.order) == (target_step.id, card.lane, 0)
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText().startswith("Move card")
    assert check_project(project) == []
    window.undo_action.trigger()
    assert (card.step, card.lane, card.order) == original


def test_a_click_without_moving_only_selects(window: MainWindow) -> None:
    project = window.project
    assert project is not None and window.document is not None
    card = project.maps[0].cards[1]
    press = _view_point(window, _center_of(window, card.id, "card"))
    _mouse(window, QEvent.Type.MouseButtonPress, press)
    _mouse(window, QEvent.Type.MouseButtonRelease, press, Qt.MouseButton.NoButton)
    assert window.document.undo_stack.count() == 0
    assert window.selected_ids() == [card.id]


def _drop(window: MainWindow, payload: Payload, scene_point: QPointF) -> QDropEvent:
    pos = _view_point(window, scene_point)
    mime = QMimeData()
    mime.setData(MIME, payload.encode())
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.view.dropEvent(event)
    return event


def test_dropping_a_pain_point_card_into_a_cell(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    lane = next(lane for lane in jmap.lanes if lane.kind == "pain_points")
    step = jmap.steps()[1]
    lane_b = next(i for i in window.scene.element_items(lane.id) if i.kind == "lane")
    step_b = next(i for i in window.scene.element_items(step.id) if i.kind == "step")
    before = len(jmap.cards)
    _drop(
        window,
        Payload("card", "pain_point"),
        QPointF(step_b.layout_item.bounds.x + 30, lane_b.layout_item.bounds.bottom - 4),
    )
    assert len(jmap.cards) == before + 1
    new = next(c for c in jmap.cards if c.kind == "pain_point" and not c.title)
    assert (new.step, new.lane) == (step.id, lane.id)
    assert window.scene.element_items(new.id)
    assert check_project(project) == []


def test_a_card_cannot_go_on_the_emotion_curve(window: MainWindow) -> None:
    project = window.project
    assert project is not None and window.document is not None
    jmap = project.maps[0]
    curve_lane = next(lane for lane in jmap.lanes if lane.display == "curve")
    step = jmap.steps()[0]
    lane_b = next(i for i in window.scene.element_items(curve_lane.id) if i.kind == "lane")
    step_b = next(i for i in window.scene.element_items(step.id) if i.kind == "step")
    before = len(jmap.cards)
    event = _drop(
        window,
        Payload("card", "note"),
        QPointF(step_b.layout_item.bounds.x + 30, lane_b.layout_item.bounds.y + 30),
    )
    assert len(jmap.cards) == before
    assert not event.isAccepted()
    assert window.document.undo_stack.count() == 0


def test_a_new_stage_and_lane_from_the_palette(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    first_stage = next(
        i for i in window.scene.element_items(jmap.stages[0].id) if i.kind == "stage"
    ).layout_item.bounds
    _drop(window, Payload("stage"), QPointF(first_stage.right - 5, first_stage.y + 5))
    assert jmap.stages[1].name == "New stage"
    lane_b = next(
        i for i in window.scene.element_items(jmap.lanes[0].id) if i.kind == "lane"
    ).layout_item.bounds
    _drop(window, Payload("lane", "backstage"), QPointF(lane_b.x + 10, lane_b.y + 3))
    assert jmap.lanes[0].kind == "backstage"
    assert check_project(project) == []


def _drag(window: MainWindow, start: QPointF, end: QPointF) -> None:
    press = _view_point(window, start)
    delta = window.view.mapFromScene(end) - window.view.mapFromScene(start)
    _mouse(window, QEvent.Type.MouseButtonPress, press)
    _mouse(window, QEvent.Type.MouseMove, press + delta / 2)
    _mouse(window, QEvent.Type.MouseMove, press + delta)
    _mouse(window, QEvent.Type.MouseButtonRelease, press + delta, Qt.MouseButton.NoButton)


def _select(window: MainWindow, element_id: str) -> None:
    window.scene.clearSelection()
    for item in window.scene.element_items(element_id):
        if item.kind == "card":
            item.setSelected(True)


def test_drag_from_the_handle_connects_two_cards(window: MainWindow) -> None:
    project = window.project
    assert project is not None and window.document is not None
    jmap = project.maps[0]
    a, b = jmap.cards[0], jmap.cards[5]
    _select(window, a.id)
    box = next(i for i in window.scene.element_items(a.id) if i.kind == "card").layout_item.bounds
    before = len(jmap.connections)
    _drag(window, QPointF(box.right, box.y + box.h / 2), _center_of(window, b.id, "card"))
    assert len(jmap.connections) == before + 1
    conn = jmap.connections[-1]
    assert (conn.source, conn.target) == (a.id, b.id)
    assert window.document.undo_stack.undoText() == "Add connection"
    assert check_project(project) == []


def test_drag_the_corner_to_span_two_steps(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    card = next(c for c in jmap.cards if c.span_steps == 1 and c.step == jmap.steps()[0].id)
    _select(window, card.id)
    box = next(
        i for i in window.scene.element_items(card.id) if i.kind == "card"
    ).layout_item.bounds
    next_step = next(
        i for i in window.scene.element_items(jmap.steps()[1].id) if i.kind == "step"
    ).layout_item.bounds
    _drag(
        window, QPointF(box.right, box.bottom), QPointF(next_step.x + next_step.w / 2, box.bottom)
    )
    assert card.span_steps == 2
    assert check_project(project) == []


def test_dragging_an_emotion_point_snaps_to_whole_scores(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    curve = jmap.curves[0]
    point = curve.points[0]
    item = next(i for i in window.scene.element_items(point.id) if i.kind == "curve_point")
    b = item.layout_item.bounds
    start = QPointF(b.x + b.w / 2, b.y + b.h / 2)
    lane = next(
        i for i in window.scene.element_items(curve.lane or jmap.lanes[0].id) if i.kind == "lane"
    ).layout_item.bounds
    _drag(window, start, QPointF(start.x(), lane.y + 15))  # to the top of the lane
    assert point.score == curve.scale.max
    assert float(point.score).is_integer()
    assert check_project(project) == []


def _bounds(window: MainWindow, element_id: str, kind: str):  # type: ignore[no-untyped-def]
    return next(
        i for i in window.scene.element_items(element_id) if i.kind == kind
    ).layout_item.bounds


def test_drag_a_stage_header_after_the_next_stage(window: MainWindow) -> None:
    project = window.project
    assert project is not None and window.document is not None
    jmap = project.maps[0]
    first, second = jmap.stages[0], jmap.stages[1]
    a, b = _bounds(window, first.id, "stage"), _bounds(window, second.id, "stage")
    _drag(window, QPointF(a.x + 20, a.y + 10), QPointF(b.right - 10, b.y + 10))
    assert [s.id for s in jmap.stages[:2]] == [second.id, first.id]
    assert window.document.undo_stack.undoText() == f"Move stage '{first.name}'"
    assert check_project(project) == []
    window.undo_action.trigger()
    assert jmap.stages[0] is first


def test_drag_a_lane_header_to_the_top(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    third = jmap.lanes[2]
    top = _bounds(window, jmap.lanes[0].id, "lane")
    src = _bounds(window, third.id, "lane")
    _drag(window, QPointF(src.x + 20, src.y + 10), QPointF(top.x + 20, top.y + 3))
    assert jmap.lanes[0] is third
    assert check_project(project) == []


def test_drag_a_step_into_the_next_stage(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    source = next(s for s in jmap.stages if len(s.steps) > 1)
    step = source.steps[-1]
    dest = jmap.stages[jmap.stages.index(source) + 1]
    a, b = _bounds(window, step.id, "step"), _bounds(window, dest.steps[0].id, "step")
    _drag(window, QPointF(a.x + 20, a.y + 10), QPointF(b.right - 5, b.y + 10))
    assert dest.steps[1] is step and step not in source.steps
    assert check_project(project) == []
