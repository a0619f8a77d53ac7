"""The cards of lanes that only moved are put in place when first read
(layout/unsettled.py). A layout's ``items`` must equal a fresh layout's however
many edits ran since it was made and whether or not anyone read the layouts in
between: a lane that stays as it was keeps its cards unsettled from one layout
to the next, an older layout settles its own list from the Items' own drawing
calls, and a card asked for alone (the canvas paints a few) is the one the
whole list gets.
"""

from __future__ import annotations

import gc
import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load

from journeydesk.document.document import Document
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import MapLayout, Rect
from journeydesk.model.project import JourneyMap

_HERE = Path(__file__).parent
SHIFT = load(_HERE / "test_lane_shift.py", "lane_shift_for_unsettled")
INC = SHIFT.incremental_module()


def _edits(
    doc: Document, jmap: JourneyMap, seed: int, edits: int, read: float
) -> tuple[MapLayouter, int]:
    """Line edits (test_lane_shift.py ``line_edit``) redrawn with the window's
    hint; after each, with probability ``read``, the new layout is read and
    compared with a fresh one, and now and then an older layout kept unread is
    read and compared with the fresh layout of its own time. Returns the
    layouter and how many layouts were left unsettled when the next was made."""
    rng = random.Random(seed)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    history: list[str] = []
    held: list[tuple[MapLayout, MapLayout, list[str]]] = []
    carried = [0]

    def redraw(change: object) -> None:
        last = layouter._unsettled
        if last is not None and not last.settled:
            carried[0] += 1
        layout = layouter.layout(doc.project, jmap, INC.OPTIONS[0], hints.after(change))
        if rng.random() < read:
            fresh = MapLayouter(layouter.theme).layout(doc.project, jmap, INC.OPTIONS[0])
            if layout.unsettled is not None and rng.random() < 0.5:
                # a few cards asked for alone first, as the canvas asks
                cards = [i.element for i in layout.peek_items() if i.kind == "card"]
                by_id = {i.element: i for i in fresh.items if i.kind == "card"}
                for card_id in rng.sample(cards, min(5, len(cards))):
                    item = layouter.card_item(card_id or "")
                    assert item == by_id[card_id], history
                    assert item is layouter.card_item(card_id or ""), history
            INC.assert_same(layout, fresh, [*history, "read now"])
        elif rng.random() < 0.3:
            fresh = MapLayouter(layouter.theme).layout(doc.project, jmap, INC.OPTIONS[0])
            held.append((layout, fresh, list(history)))

    redraw(None)
    doc.changed.connect(redraw)
    try:
        for _ in range(edits):
            history.append(SHIFT.line_edit(doc, jmap, rng))
            if held and rng.random() < 0.3:  # an older layout read after newer ones
                layout, fresh, then = held.pop(0)
                INC.assert_same(layout, fresh, [*then, "read later", *history])
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
    for layout, fresh, then in held:
        INC.assert_same(layout, fresh, [*then, "read at the end"])
    return layouter, carried[0]


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_layouts_read_now_and_then_equal_fresh_ones(shape: str) -> None:
    doc, jmap = SHIFT.shape_project(shape, 200)
    layouter, carried = _edits(doc, jmap, len(shape) + 3, 18, read=0.35)
    assert layouter.shifted > 100  # lanes only moved
    assert carried >= 3  # layouts made while the last one was unsettled


def test_the_sample_read_now_and_then_equals_fresh_layouts() -> None:
    carried = 0
    for seed in range(3):
        doc, jmap = INC.make_project(seed)
        carried += _edits(doc, jmap, seed, 16, read=0.4)[1]
    assert carried >= 2


Grown = tuple[Document, JourneyMap, MapLayouter, Hints, dict[str | None, Rect], MapLayout]


def _grown(shape: str) -> Grown:
    """A ``shape`` of 200 cards laid out with the window's hint, then a title
    adding lines to the lowest card of the first lane (every lane below only
    moves): the document, the map, the layouter, the hints, the boxes before
    and the layout after."""
    doc, jmap = SHIFT.shape_project(shape, 200)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    first = layouter.layout(doc.project, jmap, None, hints.after(None))
    boxes = {i.element: i.bounds for i in first.items}
    card = SHIFT.lowest_of_first_lane(jmap, boxes)
    after = layouter.layout(doc.project, jmap, None, hints.after(SHIFT.retitle(doc, card)))
    assert after.unsettled is not None
    return doc, jmap, layouter, hints, boxes, after


def test_a_moved_lane_is_unsettled_until_read() -> None:
    """After an edit that adds a line above them, the moved cards' slots hold
    their last Items (no Item made for them), and the first read of ``items``
    makes each once; a second read makes none."""
    doc, jmap, layouter, _hints, boxes, second = _grown("current")
    assert second.unsettled is not None and layouter._unsettled is not None
    made = layouter._unsettled
    assert made.made == 0
    assert layouter.kept_cards is not None
    lanes = layouter.kept_cards[3]
    pure = {c for lane in lanes for c in lane.ids} - {c.id for lane in lanes for c in lane.spanning}
    assert len(pure) > 100
    cards = [i for i in second.peek_items() if i.element in pure]
    assert len(cards) == len(pure) and all(i.bounds == boxes[i.element] for i in cards)
    items = second.items  # (read: settled)
    cards = [i for i in items if i.element in pure]
    assert all(i.bounds != boxes[i.element] for i in cards) and made.made == len(pure)
    assert second.items is items and made.made == len(pure) and second.unsettled is None
    INC.assert_same(second, MapLayouter().layout(doc.project, jmap), ["title"])
    doc.undo_stack.clear()


def test_a_layouter_with_an_unsettled_layout_goes_by_reference_counting() -> None:
    """No cycle between the layouter and what its layout left unsettled: the
    app freezes the heap after an open, and a cycle made since is freed only
    at the next open (journeydesk.io.heap), so a closed map's layouter must
    go when its last reference does."""
    import weakref

    doc, jmap, layouter, _hints, _boxes, layout = _grown("current")
    gone = weakref.ref(layouter)
    was = gc.isenabled()
    gc.disable()  # (only reference counting may free it)
    try:
        del layouter
        assert gone() is None
    finally:
        if was:
            gc.enable()
    INC.assert_same(layout, MapLayouter().layout(doc.project, jmap), ["layouter gone"])
    doc.undo_stack.clear()


def test_an_unsettled_layout_read_after_the_theme_changed() -> None:
    """A new theme drops what the layouter drew; a layout it made before,
    unsettled, still settles to what a fresh layout gave at its time."""
    doc, jmap, layouter, hints, _boxes, unsettled_layout = _grown("dense")
    fresh = MapLayouter(layouter.theme).layout(doc.project, jmap)
    layouter.theme = INC.THEMES[-1]
    other = layouter.layout(doc.project, jmap, None, hints.after(None))
    INC.assert_same(unsettled_layout, fresh, ["read after a new theme"])
    INC.assert_same(other, MapLayouter(INC.THEMES[-1]).layout(doc.project, jmap), ["new theme"])
    doc.undo_stack.clear()
