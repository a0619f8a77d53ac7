"""After edits, the map scene shows exactly a fresh layout of the edited model.

``MapScene.show_map`` passes over a card whose layout Item is the same object
as before and updates its dicts of items in place (issue #14): after random
edits (tests/layout/test_incremental.py's), each element item must hold what
a fresh layout draws, and nothing more or less.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest
from hints import Hints
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from journeydesk.canvas import scene as scene_module
from journeydesk.canvas.items import ElementItem
from journeydesk.canvas.scene import MapScene
from journeydesk.document import verbs
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import Item


def _edits() -> ModuleType:
    path = Path(__file__).parents[1] / "layout" / "test_incremental.py"
    spec = importlib.util.spec_from_file_location("incremental_edits", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _plain(item: Item) -> tuple[object, ...]:
    """An Item as values, its drawing made (Items drawn from equal values are
    equal without one: layout/primitives.py ``Item``)."""
    return (item.kind, item.element, item.bounds, item.z, item.primitives)


def _shown(scene: MapScene) -> list[tuple[tuple[str, str | None, int], object]]:
    items = [i for i in scene.items() if isinstance(i, ElementItem)]
    return sorted(((i.key, _plain(i.layout_item)) for i in items), key=lambda p: str(p[0]))


def _expected(scene: MapScene, layout: object) -> list[tuple[tuple[str, str | None, int], object]]:
    seen: dict[tuple[str, str | None], int] = {}
    out = []
    for item in layout.items:  # type: ignore[attr-defined]
        n = seen.get((item.kind, item.element), 0)
        seen[(item.kind, item.element)] = n + 1
        out.append(((item.kind, item.element, n), _plain(item)))
    return sorted(out, key=lambda p: str(p[0]))


@pytest.mark.parametrize("reindex_over", [scene_module.REINDEX_OVER, 0])
def test_scene_after_random_edits_equals_a_fresh_layout(
    qapp: object, monkeypatch: pytest.MonkeyPatch, reindex_over: int
) -> None:
    """Also with the scene's index made anew on every update (``MapScene._change``):
    every element item is then found where its layout Item is."""
    monkeypatch.setattr(scene_module, "REINDEX_OVER", reindex_over)
    edits = _edits()
    for seed in range(4):
        rng = random.Random(seed)
        doc, jmap = edits.make_project(seed)
        scene = MapScene()
        scene.show_map(doc.project, jmap)
        history: list[str] = []
        for _ in range(10):
            history.append(edits.random_edit(doc, jmap, rng))
            scene.show_map(doc.project, jmap)
            fresh = MapLayouter().layout(doc.project, jmap)
            assert _shown(scene) == _expected(scene, fresh), history
            by_id = {
                element: [g.layout_item for g in graphics]
                for element, graphics in scene.items_by_id.items()
            }
            assert by_id == {k: v for k, v in fresh.by_element().items()}, history
            for item in fresh.items:
                if item.kind == "card":
                    b = item.bounds
                    at = scene.items(QPointF(b.x + b.w / 2, b.y + b.h / 2))
                    assert any(
                        isinstance(g, ElementItem) and g.key == ("card", item.element, 0)
                        for g in at
                    ), history
        doc.undo_stack.clear()


def test_untouched_cards_keep_their_graphics_items(qapp: object) -> None:
    """What makes an edit cheap on the canvas: a card the edit did not touch
    keeps its graphics item, which is not asked to change."""
    edits = _edits()
    doc, jmap = edits.make_project(3)
    scene = MapScene()
    scene.show_map(doc.project, jmap)
    before = {c.id: scene.element_items(c.id)[0] for c in jmap.cards}
    updated: list[str] = []
    for graphic in before.values():
        original = graphic.set_layout_item

        def spy(item: object, images: object = None, g: ElementItem = graphic, f=original) -> None:  # type: ignore[no-untyped-def]
            updated.append(g.element_id or "")
            f(item, images)

        graphic.set_layout_item = spy  # type: ignore[method-assign]
    card = jmap.cards[-1]
    try:
        verbs.set_field(doc, card.id, "colour", "#ABCDEF")
        scene.show_map(doc.project, jmap)
        assert updated == [card.id]
        assert all(scene.element_items(cid)[0] is g for cid, g in before.items())
    finally:
        for graphic in before.values():  # each spy holds its item: a cycle of PySide
            del graphic.set_layout_item  # wrappers, which a garbage collection can crash on
    doc.undo_stack.clear()


def _picture(scene: MapScene, element: str) -> tuple[object, QImage]:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    item = scene.element_items(element)[0].layout_item
    b = item.bounds
    image = QImage(int(b.w * 4) + 8, int(b.h * 4) + 8, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, b.w * 4, b.h * 4), QRectF(b.x, b.y, b.w, b.h))
    painter.end()
    return b, image


def test_a_card_moved_by_an_edit_above_it_looks_the_same(qapp: object) -> None:
    """A card pushed down by a taller card above keeps its drawing (made by its
    kept call with the new box): the same pixels at its new place."""
    edits = _edits()
    doc, jmap = edits.make_project(5)
    scene = MapScene()
    scene.show_map(doc.project, jmap)
    layout = scene.layout
    assert layout is not None
    boxes = {i.element: i.bounds for i in layout.items if i.kind == "card"}
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    first = max(
        (c for c in jmap.cards if c.lane == lanes[0] and c.id in boxes),
        key=lambda c: boxes[c.id].bottom,
    )
    below = [c for c in jmap.cards if c.lane == lanes[-1] and c.id in boxes]
    assert below
    verbs.set_field(doc, first.id, "title", "Short")  # the lowest card of the lane
    scene.show_map(doc.project, jmap)
    pictures = {c.id: _picture(scene, c.id) for c in below}
    verbs.set_field(doc, first.id, "title", "A title long enough for three lines " * 3)
    scene.show_map(doc.project, jmap)
    for card in below:
        box, image = pictures[card.id]
        moved_box, moved = _picture(scene, card.id)
        assert moved_box.y > box.y  # type: ignore[attr-defined]
        assert moved_box.h == box.h  # type: ignore[attr-defined]
        assert moved == image
    doc.undo_stack.clear()


@pytest.mark.parametrize("shape", ["sample", "current", "wide", "dense"])
def test_hinted_redraws_equal_a_fresh_layout(qapp: object, shape: str) -> None:
    """Each change redrawn with the hint the window builds (ui/layout_hint.py):
    the scene shows exactly a fresh layout after every change."""

    edits = _edits()
    doc, jmap = edits.make_project(5) if shape == "sample" else edits._shape_project(shape, 200)
    rng = random.Random(shape)
    scene = MapScene()
    history: list[str] = []
    hints = Hints(doc, jmap)

    def redraw(change: object) -> None:
        hint = hints.after(change)
        scene.show_map(doc.project, jmap, hint=hint)
        fresh = MapLayouter().layout(doc.project, jmap)
        assert _shown(scene) == _expected(scene, fresh), history
        assert scene.layout is not None and scene.layout.overflows == fresh.overflows, history

    redraw(None)
    doc.changed.connect(redraw)
    try:
        for _ in range(14):
            if rng.random() < 0.7:
                history.append(edits.card_edit(doc, jmap, rng))
            else:
                history.append(edits.random_edit(doc, jmap, rng))
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
    assert scene.layouter.hinted > 3


def test_the_window_draws_a_title_edit_and_a_move(qtbot: object) -> None:
    """Through the real MainWindow (its hint): a title typed and a card moved
    show as a fresh layout of the edited map draws them."""
    from journeydesk.document.commands import SetField, move_cards
    from journeydesk.ui.main_window import MainWindow

    edits = _edits()
    doc, jmap = edits._shape_project("current", 300)
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.context.set_document(doc)
    jmap = window.current_map()
    assert jmap is not None
    scene = window.scene
    card = jmap.cards[len(jmap.cards) // 2]
    steps = jmap.steps()
    for n in range(4):
        title = "A title long enough to wrap on its card " * (n % 2 + 1)
        doc.push(SetField(doc, card.id, "title", title, "Edit title", merge=False))
        fresh = MapLayouter().layout(doc.project, jmap)
        assert _shown(scene) == _expected(scene, fresh)
        drawn = scene.element_items(card.id)[0].layout_item
        assert drawn.primitives == next(i for i in fresh.items if i.element == card.id).primitives
        doc.push(move_cards(doc, jmap, [card.id], steps[n + 1].id, card.lane, 0))
        fresh = MapLayouter().layout(doc.project, jmap)
        assert _shown(scene) == _expected(scene, fresh)
        shown = scene.element_items(card.id)[0].layout_item
        assert shown.bounds == fresh.by_element()[card.id][0].bounds
    assert scene.layouter.hinted >= 7
    doc.undo_stack.clear()
