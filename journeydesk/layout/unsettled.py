"""The cards of lanes that only moved, put in their places when first read.

An edit that adds a line to a card makes its lane taller and moves every lane
below it: at 20,000 cards, ~18,000 cards whose boxes change while nothing else
about them does. Making an Item for each of them took ~40 ms of such an edit,
and freeing the last layout's ~15 more, while the canvas moves those cards with
their lanes' bands and paints the few on screen (canvas/items.py ``Band``).

So a layout leaves those cards' slots in its ``items`` holding the Items they
had (drawn at their last places: their kind, element and drawing are right,
their bounds are not) and says so in ``MapLayout.unsettled``: the first read of
``MapLayout.items`` puts each of them in its new box (``Unsettled.settle``), and
the canvas asks for the few it paints, one at a time (``Unsettled.card``,
through ``MapLayouter.card_item``). A lane that stays as it was in the next
layout stays unsettled there (the next layout copies the slots), so a run of
edits adding lines pays for no card below them until someone reads the items:
an export, a hit test, or the canvas when idle (canvas/scene.py).

A card's new Item is its old one's drawing call (``Item.recipe``: a
``card_primitives`` call whose fifth argument is the box) with the new box:
what ``MapLayouter._card`` makes for a card only moved. The boxes are the
layout's own (``stack.moved_lane``: exact, ``stack.up``), so a settled layout
equals a fresh one item by item (tests/layout/test_lane_shift.py,
tests/layout/test_unsettled.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from journeydesk.io.heap import gc_paused

from .primitives import Item, Rect
from .theme import Z_CARD

if TYPE_CHECKING:
    from journeydesk.model.project import Card

    from .stack import DrawnCard, PlacedLane

_new_item = object.__new__


def moved_card(old: Item, box: Rect, lazy: bool) -> Item | None:
    """``old``'s drawing in ``box`` (of the same size), made by ``old``'s own
    drawing call with the new box, as ``MapLayouter._card`` makes a card only
    moved; None when it cannot be (another size, no such call)."""
    recipe = old._make
    bounds = old.bounds
    if (
        not isinstance(recipe, functools.partial)
        or len(recipe.args) != 7
        or bounds.w != box.w
        or bounds.h != box.h
        or not isinstance(old.drawn_from, tuple)
    ):
        return None
    a = recipe.args  # card_primitives(theme, vocab, language, face, rect, comments, m)
    item: Item = _new_item(Item)
    item.kind = "card"
    item.element = old.element
    item.bounds = box
    item.z = Z_CARD
    item._primitives = None
    item._make = functools.partial(recipe.func, a[0], a[1], a[2], a[3], box, a[5], a[6])
    state, _box, drawn_with, theme = old.drawn_from
    item.drawn_from = (state, box, drawn_with, theme)
    if not lazy:
        item.primitives  # noqa: B018  (made now)
    return item


class Unsettled:
    """One layout's cards not yet in their places: the lanes they are in, their
    boxes, where their slots are, and (while the layout is its layouter's
    newest: ``detach``) the layouter's card list and drawn cards to keep in
    step. ``redraw`` draws a card anew (never needed while the layouter's
    invariants hold: a card of a lane only moved has its drawing, of its size)."""

    def __init__(
        self,
        lanes: list[PlacedLane],
        boxes: dict[str, Rect],
        items: list[Item],
        start: int,
        order: list[Item],
        at: dict[str, int],
        kept: dict[str, DrawnCard],
        lazy: bool,
        redraw: Callable[[Card, Rect], Item],
    ) -> None:
        self.lanes = lanes
        self.boxes = boxes
        self.items = items
        self.start = start
        self.order: list[Item] | None = order
        self.at = at
        self.kept: dict[str, DrawnCard] | None = kept
        self._drawn = kept  # (the layouter's, kept in step while ``kept`` is)
        self.lazy = lazy
        self.redraw = redraw
        self.settled = False
        self.made = 0
        """Items made (for tests and benches)."""

    def lane_ids(self) -> set[int]:
        """The lanes (by object) whose cards may still be out of place."""
        return set() if self.settled else {id(lane) for lane in self.lanes}

    def detach(self) -> None:
        """The layouter made a newer layout: settle only this one's own list."""
        self.order = None
        self.kept = None

    def card(self, card_id: str) -> Item | None:
        """The card's Item in this layout, put in its place now if it was not
        (None: not a card of this layout)."""
        n = self.at.get(card_id)
        box = self.boxes.get(card_id)
        if n is None or box is None:
            return None
        old = self.items[self.start + n]
        if old.bounds is box or old.element != card_id:
            return old
        return self._place(card_id, n, old, box)

    @gc_paused()  # (18,000 Items, their calls and tuples: see journeydesk.io.heap)
    def settle(self) -> None:
        """Every card of the lanes in its place. (``_place`` for each card,
        written out for the common case: it runs for ~18,000 cards.)"""
        if self.settled:
            return
        items, start, at, boxes, lazy = self.items, self.start, self.at, self.boxes, self.lazy
        order, kept = self.order, self.kept
        partial, new_item, card_z = functools.partial, _new_item, Z_CARD
        made = 0
        for card_id in _ids(self.lanes):
            n = at[card_id]
            old = items[start + n]
            box = boxes[card_id]
            bounds = old.bounds
            if bounds is box:
                continue
            recipe = old._make
            if (
                bounds.w != box.w
                or bounds.h != box.h
                or recipe.__class__ is not partial
                or old.drawn_from.__class__ is not tuple
            ):
                self._place(card_id, n, old, box)
                continue
            a = recipe.args  # (theme, vocab, language, face, rect, comments, m): ``moved_card``
            make = partial(recipe.func, a[0], a[1], a[2], a[3], box, a[5], a[6])
            was = old.drawn_from
            item: Item = new_item(Item)
            item.kind = "card"
            item.element = card_id
            item.bounds = box
            item.z = card_z
            item._primitives = None
            item._make = make
            item.drawn_from = (was[0], box, was[2], was[3])
            if not lazy:
                item.primitives  # noqa: B018  (made now)
            items[start + n] = item
            made += 1
            if order is not None and kept is not None:
                order[n] = item
                found = kept.get(card_id)
                if found is not None and found[2] is old:
                    kept[card_id] = (found[0], box, item, found[3], make)
        self.made += made
        self.settled = True

    def _place(self, card_id: str, n: int, old: Item, box: Rect) -> Item:
        moved = moved_card(old, box, self.lazy)
        item = self._redrawn(card_id, box) if moved is None else moved
        self.made += 1
        self.items[self.start + n] = item
        if self.order is not None and self.kept is not None:
            self.order[n] = item
            found = self.kept.get(card_id)
            if found is not None and found[2] is old:
                make = item._make
                assert isinstance(make, functools.partial)
                self.kept[card_id] = (found[0], box, item, found[3], make)
        return item

    def _redrawn(self, card_id: str, box: Rect) -> Item:
        """The card drawn anew in ``box`` (the layouter's drawn cards left as
        they are once a newer layout was made)."""
        card = next(c for lane in self.lanes for c in lane.cards if c.id == card_id)
        drawn, was = self._drawn, self._drawn.get(card_id)
        item = self.redraw(card, box)
        if self.kept is None:
            if was is None:
                drawn.pop(card_id, None)
            else:
                drawn[card_id] = was
        return item


def _ids(lanes: Iterable[PlacedLane]) -> Iterable[str]:
    for lane in lanes:
        yield from lane.ids
