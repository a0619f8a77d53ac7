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


def test_scene_after_random_edits_equals_a_fresh_layout(qapp: object) -> None:
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
    verbs.set_field(doc, card.id, "colour", "#ABCDEF")
    scene.show_map(doc.project, jmap)
    assert updated == [card.id]
    assert all(scene.element_items(cid)[0] is g for cid, g in before.items())
    doc.undo_stack.clear()
