"""A title edit that adds or removes a line moves every lane below it; the scene
takes the cards the layouter made anew without comparing them (canvas/scene.py
``_update_items``). After random such edits, undo and redo, redrawn with the
window's hint on the three bench shapes, the scene must show exactly what a
fresh scene of the same model shows: every item's layout Item and drawing, its
place (found there by the index), z, selection kept, dimmed cards, and the same
pixels.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load
from near_connections import add_near_connections
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from journeydesk.canvas import scene as scene_module
from journeydesk.canvas.scene import DIMMED_OPACITY, MapScene
from journeydesk.document.document import Document
from journeydesk.layout.engine import MapLayouter
from journeydesk.model.project import JourneyMap

_HERE = Path(__file__).parent
SCENE_TESTS = load(_HERE / "test_scene_incremental.py", "scene_incremental_shift")
SHIFT_TESTS = load(_HERE.parent / "layout" / "test_lane_shift.py", "lane_shift_edits")


def _picture(scene: MapScene) -> QImage:
    layout = scene.layout
    assert layout is not None
    scale = min(0.5, 6000 / layout.width)  # (``wide`` is 900 steps wide)
    image = QImage(
        int(layout.width * scale) + 1, int(layout.height * scale) + 1, QImage.Format.Format_ARGB32
    )
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(
        painter,
        QRectF(0, 0, layout.width * scale, layout.height * scale),
        QRectF(0, 0, layout.width, layout.height),
    )
    painter.end()
    return image


def _check(scene: MapScene, doc: Document, jmap: JourneyMap, history: list[str]) -> None:
    fresh = MapLayouter().layout(doc.project, jmap)
    assert SCENE_TESTS._shown(scene) == SCENE_TESTS._expected(scene, fresh), history
    assert scene.layout is not None and scene.layout.overflows == fresh.overflows, history
    for item in fresh.items:
        graphics = scene.element_items(item.element) if item.element else []
        if item.kind != "card":
            continue
        graphic = graphics[0]
        b = item.bounds
        assert graphic.sceneBoundingRect() == QRectF(b.x - 4, b.y - 8, b.w + 8, b.h + 16), history
        assert graphic.zValue() == item.z and graphic.pos() == QPointF(0, 0), history
        at = scene.items(QPointF(b.x + b.w / 2, b.y + b.h / 2))
        assert graphic in at, history


@pytest.mark.parametrize("reindex_over", [scene_module.REINDEX_OVER, 0])
@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_a_scene_after_lines_added_and_removed_equals_a_fresh_one(
    qapp: object, monkeypatch: pytest.MonkeyPatch, shape: str, reindex_over: int
) -> None:

    monkeypatch.setattr(scene_module, "REINDEX_OVER", reindex_over)
    doc, jmap = SHIFT_TESTS.shape_project(shape, 160)
    rng = random.Random(f"{shape}-lines")
    scene = MapScene()
    history: list[str] = []
    hints = Hints(doc, jmap)

    def redraw(change: object) -> None:
        hint = hints.after(change)
        scene.show_map(doc.project, jmap, hint=hint)
        _check(scene, doc, jmap, history)

    redraw(None)
    # some cards selected, some dimmed (a find): both kept through the edits
    picked = {c.id for c in jmap.cards[::7]}
    selected = {c.id for c in jmap.cards[3::11]}
    scene.set_emphasis(picked)
    for card_id in selected:
        scene.element_items(card_id)[0].setSelected(True)
    doc.changed.connect(redraw)
    try:
        for _ in range(16 if shape != "wide" else 9):  # (wide: 1,800 curve points)
            history.append(SHIFT_TESTS.line_edit(doc, jmap, rng, scene.layout))
            shown = {c.id for c in jmap.cards if scene.element_items(c.id)}
            for card_id in shown:
                graphic = scene.element_items(card_id)[0]
                assert graphic.isSelected() == (card_id in selected), history
                dimmed = graphic.opacity() == DIMMED_OPACITY
                assert dimmed == (card_id not in picked), history
    finally:
        doc.changed.disconnect(redraw)
    assert scene.layouter.shifted > 50
    # the same pixels as a scene made afresh from the model (selection as well)
    fresh = MapScene()
    fresh.show_map(doc.project, jmap)
    fresh.set_emphasis(picked)
    for card_id in selected:
        items = fresh.element_items(card_id)
        if items:
            items[0].setSelected(True)
    assert _picture(scene) == _picture(fresh)
    doc.undo_stack.clear()


def test_a_window_edit_adding_a_line_moves_the_cards_below(qtbot: object) -> None:
    """Through the real MainWindow: the lowest card of the first lane grows and
    shrinks again; each time every card is where a fresh layout puts it and
    the cards below it moved."""
    from journeydesk.document.commands import SetField
    from journeydesk.ui.main_window import MainWindow

    doc, jmap = SHIFT_TESTS.incremental_module()._shape_project("current", 300)
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.context.set_document(doc)
    jmap = window.current_map()
    assert jmap is not None
    scene = window.scene
    assert scene.layout is not None
    boxes = {i.element: i.bounds for i in scene.layout.items if i.kind == "card"}
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    lowest = max((c for c in jmap.cards if c.lane == lanes[0]), key=lambda c: boxes[c.id].bottom)
    below = [c.id for c in jmap.cards if boxes[c.id].y > boxes[lowest.id].bottom]
    titles = (SHIFT_TESTS.LONG * 3, lowest.title)
    shifted = scene.layouter.shifted
    for n in range(4):
        doc.push(SetField(doc, lowest.id, "title", titles[n % 2], "Edit title", merge=False))
        _check(scene, doc, jmap, [f"edit {n}"])
        now = {i.element: i.bounds for i in scene.layout.items if i.kind == "card"}
        moved = sum(1 for card_id in below if now[card_id].y != boxes[card_id].y)
        assert moved == (len(below) if n % 2 == 0 else 0)
    assert scene.layouter.shifted >= shifted + 2 * len(below)
    doc.undo_stack.clear()


def test_element_items_answer_their_bounds_in_qt(qapp: object) -> None:
    """Each item's bounding rect and shape are Qt's own (no Python override: the
    index asks ~20,000 items for them after an edit moved the cards below it),
    its Item's bounds with the margins strokes and text may reach, unwidened by
    a pen."""
    from journeydesk.canvas.items import MAX_CONNECTION_WIDTH, ElementItem

    assert "boundingRect" not in ElementItem.__dict__ and "shape" not in ElementItem.__dict__
    doc, jmap = SHIFT_TESTS.shape_project("current", 120)
    scene = MapScene()
    scene.show_map(doc.project, jmap)
    assert scene.layout is not None
    kinds = set()
    for item in scene.layout.items:
        graphic = scene.element_items(item.element)[0] if item.element else None
        if graphic is None or graphic.layout_item is not item:
            continue
        b = item.bounds
        m = MAX_CONNECTION_WIDTH / 2 if item.kind == "connection" else 0.0
        expected = QRectF(b.x - 4 - m, b.y - 8 - m, b.w + 8 + 2 * m, b.h + 16 + 2 * m)
        # (a card's rectangle is relative to its band: items.Band)
        assert graphic.sceneBoundingRect() == expected
        assert graphic.mapToScene(graphic.shape()).boundingRect() == expected
        kinds.add(item.kind)
    assert {"card", "connection", "lane"} <= kinds
    doc.undo_stack.clear()


def test_the_index_keeps_its_depth_when_made_anew(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scene's BSP index is made anew after a big update (``_change``); it
    keeps the scene's depth (Qt's own guess, 15 at 20,000 items, made building
    it cost ~10× more) and finds every card where it is."""
    from PySide6.QtWidgets import QGraphicsScene

    from journeydesk.document import verbs

    monkeypatch.setattr(scene_module, "REINDEX_OVER", 0)
    doc, jmap = SHIFT_TESTS.shape_project("current", 120)
    scene = MapScene()
    scene.show_map(doc.project, jmap)
    assert scene.bspTreeDepth() == scene_module.BSP_DEPTH
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    verbs.edit_card_title(doc, next(c for c in jmap.cards if c.lane == lanes[0]), "x " * 80)
    scene.show_map(doc.project, jmap)
    assert scene.itemIndexMethod() == QGraphicsScene.ItemIndexMethod.BspTreeIndex
    assert scene.bspTreeDepth() == scene_module.BSP_DEPTH
    _check(scene, doc, jmap, ["title"])
    doc.undo_stack.clear()


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_routes_after_a_lane_grew_equal_a_fresh_scene(
    qapp: object, monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    """Lines added to and removed from the lowest cards of the upper lanes
    (every lane below moves, with the connections among their cards), undo
    and redo, on maps with many short connections: the router finds that most
    obstacles moved without listing them (``routing._most_moved``) and routes
    again, searching around cards; every connection's Item and graphics item
    and the pixels equal a fresh scene's."""
    from journeydesk.canvas.items import MAX_CONNECTION_WIDTH
    from journeydesk.document import verbs
    from journeydesk.layout import routing

    doc, jmap = SHIFT_TESTS.shape_project(shape, 140)
    add_near_connections(jmap, random.Random(shape), 60)
    said: list[bool] = []
    real = routing._most_moved

    def spy(*args: object) -> bool:
        said.append(real(*args))  # type: ignore[arg-type]
        return said[-1]

    monkeypatch.setattr(routing, "_most_moved", spy)
    rng = random.Random(f"{shape}-routes")
    scene = MapScene()
    hints = Hints(doc, jmap)
    history: list[str] = []

    def redraw(change: object) -> None:
        hint = hints.after(change)
        scene.show_map(doc.project, jmap, hint=hint)
        _check(scene, doc, jmap, history)
        fresh = MapLayouter().layout(doc.project, jmap)
        for item in fresh.items:
            if item.kind == "connection":
                graphic = scene.element_items(item.element or "")[0]
                assert graphic.layout_item == item, history
                assert graphic.layout_item.primitives == item.primitives, history
                b, m = item.bounds, MAX_CONNECTION_WIDTH / 2
                expected = QRectF(b.x - 4 - m, b.y - 8 - m, b.w + 8 + 2 * m, b.h + 16 + 2 * m)
                assert graphic.sceneBoundingRect() == expected, history
                assert graphic in scene.items(expected.center()), history

    redraw(None)
    searched = scene.layouter._router.searched
    first = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    doc.changed.connect(redraw)
    try:
        for k in range(8 if shape != "wide" else 2):
            if k % 2:
                history.append(SHIFT_TESTS.line_edit(doc, jmap, rng, scene.layout))
                continue
            # the lowest card of the first lane: a line more or less, surely
            assert scene.layout is not None
            boxes = {i.element: i.bounds for i in scene.layout.items if i.kind == "card"}
            lowest = max(
                (c for c in jmap.cards if c.lane == first and c.id in boxes and c.span_lanes == 1),
                key=lambda c: boxes[c.id].bottom,
            )
            title = "Short" if lowest.title != "Short" else SHIFT_TESTS.LONG * 3
            verbs.edit_card_title(doc, lowest, title)
            history.append(f"title {lowest.id} {len(title)}")
    finally:
        doc.changed.disconnect(redraw)
    # The layout told the router which boxes moved (``zones.Zone``): it did
    # not ask ``_most_moved`` then, and took the routes of the moved cards
    # as their last ones + dy (routing.Router._zoned), on every shape (on
    # ``wide`` the curves' 1,800 marks are most of the obstacles: without the
    # zone the boxes are compared, and most did not move).
    router = scene.layouter._router
    assert router.zoned > 5, (router.zoned, said, history)
    assert True not in said, (said, history)
    assert router.searched > searched
    if shape != "wide":  # (its pixels: the test above; 6,000 pixels wide)
        fresh = MapScene()
        fresh.show_map(doc.project, jmap)
        assert _picture(scene) == _picture(fresh)
    doc.undo_stack.clear()
