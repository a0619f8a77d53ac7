"""Cards on the canvas sit in bands, one per lane square, their rectangles
relative to the lane's top (canvas/items.py ``Band``): a lane that only moved
moves its bands, not its cards (``MapScene._change``), and a card whose lane
only moved takes its new layout Item when next asked for it.

The other scene tests compare an edited scene with a fresh scene, which has
bands too; these compare with the layout itself, and pin the shortcut."""

from __future__ import annotations

from pathlib import Path

import pytest
from hints import Hints
from modules import load
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem

from journeydesk.canvas.items import Band, ElementItem
from journeydesk.canvas.scene import MapScene
from journeydesk.document.commands import SetField
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.theme import Z_CARD

SHIFT_TESTS = load(
    Path(__file__).parent.parent / "layout" / "test_lane_shift.py", "lane_shift_bands"
)
SHIFT_SCENE = load(Path(__file__).with_name("test_scene_lane_shift.py"), "scene_shift_bands")


def _picture(scene: MapScene) -> QImage:
    return SHIFT_SCENE._picture(scene)


def _unbanded(doc: object, jmap: object, monkeypatch: pytest.MonkeyPatch) -> MapScene:
    """A fresh scene of the model with every card (and curve) on the scene itself."""
    scene = MapScene()
    with monkeypatch.context() as patch:
        patch.setattr(MapScene, "_band_for", lambda _self, _bounds, _item=None: None)
        scene.show_map(doc.project, jmap)  # type: ignore[attr-defined]
    assert not scene._bands
    return scene


def _held(scene: MapScene) -> int:
    """Every band's rectangle holds each of its items' rectangles (Qt's index
    files the band, not its items, and finds them through it: ``Band``), and
    each band holds them so; the number of items looked at."""
    n = 0
    for band in [*scene._bands.values(), *filter(None, [scene._wire_band])]:
        held = band.rect()
        assert band.flags() & QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape
        for child in band.childItems():
            assert held.contains(child.mapRectToParent(child.boundingRect())), (band.lane, child)
            n += 1
    return n


def _found_where_drawn(scene: MapScene, graphics: list[ElementItem]) -> None:
    """Each item is among the items a hit test finds at its middle (through
    its band), and among those a rectangle over it selects."""
    for graphic in graphics:
        middle = graphic.sceneBoundingRect().center()
        assert graphic in scene.items(middle)
        assert graphic in scene.items(graphic.sceneBoundingRect().adjusted(2, 2, -2, -2))


def _window(qtbot: object):  # type: ignore[no-untyped-def]
    """A main window showing a 120-card map, its document and its scene."""
    from journeydesk.ui.main_window import MainWindow

    doc, _jmap = SHIFT_TESTS.shape_project("current", 120)
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.context.set_document(doc)
    assert window.scene.layout is not None
    return doc, window, window.scene


def _scene(shape: str = "current", n: int = 240):  # type: ignore[no-untyped-def]
    doc, jmap = SHIFT_TESTS.shape_project(shape, n)
    scene = MapScene()
    scene.show_map(doc.project, jmap)
    return doc, jmap, scene


def test_cards_are_drawn_where_the_layout_puts_them(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every card is in a band, and the scene's picture is the very picture of
    a scene whose cards are not (drawn in the map's coordinates): a band's
    cards are drawn from the lane's top, in the band's coordinates."""
    doc, jmap, scene = _scene()
    assert scene.layout is not None
    cards = [i for i in scene.layout.items if i.kind == "card"]
    lanes = set()
    for item in cards:
        graphic = scene.element_items(item.element)[0]
        assert isinstance(graphic.parentItem(), Band)
        lanes.add(graphic.parentItem().lane)  # type: ignore[union-attr]
    assert len(lanes) >= 3 and len(scene._bands) > len(lanes)
    assert _picture(scene) == _picture(_unbanded(doc, jmap, monkeypatch))
    doc.undo_stack.clear()


def test_a_lane_that_only_moved_moves_its_bands_not_its_cards(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title that adds lines to the lowest card of the first lane: every card
    below keeps its rectangle (the very tuple: not set again) and its Item
    until asked; asked, it has the fresh layout's Item, in the right place."""
    doc, jmap = SHIFT_TESTS.shape_project("current", 240)
    scene = MapScene()
    hints = Hints(doc, jmap)
    scene.show_map(doc.project, jmap, hint=hints.after(None))
    assert scene.layout is not None
    boxes = {i.element: i.bounds for i in scene.layout.items if i.kind == "card"}
    first = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    lowest = max(
        (c for c in jmap.cards if c.lane == first and c.span_lanes == 1),
        key=lambda c: boxes[c.id].bottom,
    )
    below = [c.id for c in jmap.cards if boxes[c.id].y > boxes[lowest.id].bottom + 40]
    assert len(below) > 100
    before = {
        card_id: (g.local, g._item, g.parentItem().pos().y())  # type: ignore[union-attr]
        for card_id in below
        for g in [scene.element_items(card_id)[0]]
    }
    changes: list[object] = []
    doc.changed.connect(changes.append)
    doc.push(SetField(doc, lowest.id, "title", "A title long enough to add lines " * 4, "t"))
    scene.show_map(doc.project, jmap, hint=hints.after(changes[-1]))
    assert (
        scene.layouter.kept_cards is not None
        and sum(len(lane.ids) for lane in scene.layouter.kept_cards[3]) > 100
    )
    fresh = MapLayouter().layout(doc.project, jmap)
    fresh_items = {i.element: i for i in fresh.items if i.kind == "card"}
    untouched = 0
    for card_id in below:
        graphic = scene.element_items(card_id)[0]
        local, item, top = before[card_id]
        assert graphic.parentItem().pos().y() > top  # type: ignore[union-attr]
        if graphic.local is local and graphic._item is item:
            untouched += 1
        assert graphic.layout_item == fresh_items[card_id]  # (asked: the new Item)
        b = fresh_items[card_id].bounds
        assert graphic.sceneBoundingRect() == QRectF(b.x - 4, b.y - 8, b.w + 8, b.h + 16)
    assert untouched > len(below) * 0.9
    assert _picture(scene) == _picture(_unbanded(doc, jmap, monkeypatch))
    doc.undo_stack.clear()


def test_a_band_moved_under_cards_nobody_updated_puts_them_right(qapp: object) -> None:
    """The scene's guard: a band that moved while some of its cards were not
    looked at (their Item the same: say their lane is now another one, at
    the old place) puts those cards where their Item says."""
    doc, _jmap, scene = _scene(n=120)
    band = next(b for b in scene._bands.values() if b.count >= 3)
    assert scene._images is not None
    scene._change([], scene._images, [(band, band.top + 37.5)])
    for child in band.childItems():
        assert isinstance(child, ElementItem)
        b = child.layout_item.bounds
        assert child.sceneBoundingRect() == QRectF(b.x - 4, b.y - 8, b.w + 8, b.h + 16)
    doc.undo_stack.clear()


def test_a_dragged_card_shows_above_the_cards_of_other_lanes(qtbot: object) -> None:
    """While a card is dragged over a card of a lower lane (another band), it
    is the topmost item there; released, the bands are as they were."""
    from journeydesk.canvas.interactions import MoveCards

    doc, window, scene = _window(qtbot)
    cards = sorted((i for i in scene.layout.items if i.kind == "card"), key=lambda i: i.bounds.y)
    top, low = cards[0], cards[-1]
    dragged = scene.element_items(top.element)[0]
    other = scene.element_items(low.element)[0]
    assert dragged.parentItem() is not other.parentItem()
    start = QPointF(top.bounds.x + 5, top.bounds.y + 5)
    drag = MoveCards(window.view.editor, scene, [dragged], start)
    target = QPointF(low.bounds.x + low.bounds.w / 2, low.bounds.y + low.bounds.h / 2)
    drag.move(target)
    under = [i for i in scene.items(target) if isinstance(i, ElementItem) and i.kind == "card"]
    assert under[0] is dragged and other in under
    drag.cancel()
    # (the cards' bands: a curve lane's are at its lines' and points' z)
    assert {b.zValue() for key, b in scene._bands.items() if key[1] >= 0} == {Z_CARD}
    under = [i for i in scene.items(target) if isinstance(i, ElementItem) and i.kind == "card"]
    assert under[0] is other
    doc.undo_stack.clear()


@pytest.mark.parametrize("seed", range(3))
def test_lane_counts_kept_between_updates_are_the_counts_now(qapp: object, seed: int) -> None:
    """The scene keeps each only-moved lane's cards counted by band between
    updates (``MapScene._lane_counts``, round 10: 7 ms an edit adding a line
    at 20,000 cards) while no card's item was made, dropped or put in another
    band. After random edits (lines added and removed above other lanes,
    cards moved, added, deleted, undone), every count kept for use is the
    count a walk of the lane's cards gives now, and the cards are where a
    fresh layout puts them."""
    import collections
    import random

    rng = random.Random(seed)
    doc, jmap = SHIFT_TESTS.shape_project("current", 240)
    scene = MapScene()
    hints = Hints(doc, jmap)
    changes: list[object] = []
    doc.changed.connect(changes.append)
    scene.show_map(doc.project, jmap, hint=hints.after(None))
    reused = 0
    module = SHIFT_TESTS.incremental_module()
    for _ in range(24):
        before, placed = scene._lane_counts, scene._placings
        what = rng.random()
        if what < 0.6:
            SHIFT_TESTS.line_edit(doc, jmap, rng)
        elif what < 0.8:
            module.card_edit(doc, jmap, rng)
        else:
            module.random_edit(doc, jmap, rng)
        scene.show_map(doc.project, jmap, hint=hints.after(changes[-1] if changes else None))
        assert _held(scene) >= len(scene._cards)
        for key, (ids, spans, placings, counts) in scene._lane_counts.items():
            if scene._lane_counts is not before and before.get(key) is scene._lane_counts[key]:
                reused += 1
                assert placings == placed  # (taken only while no card was placed since)
            if placings != scene._placings:
                continue  # (a card placed since: counted again before use)
            spanning = set(spans)
            now = collections.Counter(
                scene._cards[card_id].band for card_id in ids if card_id not in spanning
            )
            assert now == counts
    assert reused  # (some counts were taken from the last update)
    wires = [g for g in scene._graphics.values() if g.kind == "connection"]
    assert wires and all(g.parentItem() is scene._wire_band for g in wires)
    _found_where_drawn(scene, wires)
    fresh = {i.element: i.bounds for i in MapLayouter().layout(doc.project, jmap).items}
    for card in jmap.cards:
        if card.id in fresh:
            b = fresh[card.id]
            graphic = scene.element_items(card.id)[0]
            assert graphic.sceneBoundingRect() == QRectF(b.x - 4, b.y - 8, b.w + 8, b.h + 16)
    _found_where_drawn(scene, list(scene._cards.values()))
    doc.undo_stack.clear()


def test_a_dragged_item_is_drawn_and_hit_out_of_its_band(qtbot: object) -> None:
    """A card or an emotion point dragged far from its band (out of the
    rectangle Qt finds its items in: ``Band``) is found where it is shown
    while it moves; put back, its band holds its items in its rectangle again."""
    from journeydesk.canvas.interactions import MoveCards, MoveCurvePoint

    doc, window, scene = _window(qtbot)
    card = min((i for i in scene.layout.items if i.kind == "card"), key=lambda i: i.bounds.y)
    point = next(i for i in scene.layout.items if i.kind == "curve_point")
    far = QPointF(scene.layout.width - 20, scene.layout.height - 20)
    for item in (card, point):
        graphic = scene.element_items(item.element)[0]
        band = graphic.parentItem()
        assert isinstance(band, Band) and not band.rect().contains(band.mapFromScene(far))
        start = QPointF(item.bounds.x + item.bounds.w / 2, item.bounds.y + item.bounds.h / 2)
        if item.kind == "card":
            drag: MoveCards | MoveCurvePoint = MoveCards(
                window.view.editor, scene, [graphic], start
            )
        else:
            drag = MoveCurvePoint(window.view.editor, graphic, start)
        drag.move(far)
        assert graphic in scene.items(far)
        drag.cancel()
        assert graphic not in scene.items(far)
        assert _held(scene) > 0
        _found_where_drawn(scene, [graphic])
    doc.undo_stack.clear()


def test_idle_warm_moves_every_band_and_puts_it_back(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``MapScene.warm`` moves each band a point down and back, so Qt records
    where its cards were painted before the first edit that moves them (~55 ms
    of that edit at 20,000 cards); the scene's picture and every band's place
    are as before, and so are hit tests."""
    doc, _jmap, scene = _scene()
    before = _picture(scene)
    moves: list[tuple[Band, float]] = []
    real = Band.setPos

    def spy(band: Band, x: float, y: float) -> None:
        moves.append((band, y))
        real(band, x, y)

    monkeypatch.setattr(Band, "setPos", spy)
    scene.warm()
    monkeypatch.undo()
    assert {band for band, _y in moves} == set(scene._bands.values())
    assert all(band.pos().y() == band.top for band in scene._bands.values())
    assert any(y != band.top for band, y in moves)
    assert _picture(scene) == before
    _found_where_drawn(scene, list(scene._cards.values()))
    doc.undo_stack.clear()


def test_a_rubber_band_selects_the_cards_it_touches_across_bands(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A selection area (what the view's rubber band sets) over the parts of
    several bands selects every card it touches, found through their bands,
    as a scene without bands selects them."""
    from PySide6.QtGui import QPainterPath, QTransform

    doc, jmap, scene = _scene()
    plain = _unbanded(doc, jmap, monkeypatch)
    cards = sorted(scene._cards.values(), key=lambda g: g.sceneBoundingRect().top())
    top, low = cards[len(cards) // 5], cards[len(cards) * 3 // 5]
    area = top.sceneBoundingRect().united(low.sceneBoundingRect()).adjusted(-30, 0, 400, 0)
    path = QPainterPath()
    path.addRect(area)
    picked = []
    for shown in (scene, plain):
        shown.setSelectionArea(path, QTransform())
        picked.append(
            {
                g.element_id
                for g in shown.selectedItems()
                if isinstance(g, ElementItem) and g.kind == "card"
            }
        )
    touched = {g.element_id for g in cards if g.sceneBoundingRect().intersects(area)}
    bands = {scene._cards[card_id].parentItem() for card_id in touched}
    assert len(touched) > 10 and len(bands) > 2
    assert picked[0] == picked[1] == touched
    doc.undo_stack.clear()
