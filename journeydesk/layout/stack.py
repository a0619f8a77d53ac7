"""Lane stacking: a lane's cards put under each other, and a lane only moved.

An edit that adds a line to a card makes its lane taller, and every lane below
it moves down: at 20,000 cards that is ~18,000 cards whose boxes change while
nothing else about them does. ``MapLayouter`` (engine.py) keeps each lane's
stacking plan (``PlacedLane``); a lane whose cards are as before but whose top
moved is stacked again from the plan (``stack``: the very float additions of a
fresh stacking, so the very same boxes), and its cards' Items are made by
``shift_cards`` straight from what the last layout kept for them: the same
drawing recipe with the new box, nothing measured or drawn until shown, no
state built or compared (the window's hint, ``LayoutHint``, says the cards did
not change). ``tests/layout/test_lane_shift.py`` holds the result to a fresh
layout after random edits that add and remove lines.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journeydesk.model.project import Card

from .primitives import Item, Overflow, Primitive, Rect
from .theme import Z_CARD, Theme

if TYPE_CHECKING:
    from .context import CardMeasure

GRID = 2**16
"""Every height that sums into a lane's top or a card's box is a multiple of
``1 / GRID`` pt (``up``): with every summand on that grid and coordinates
below ``FAR`` pt (2**32 pt: ~1,500 km; the biggest bench map is 1.5e6 pt
tall) every sum of a few of them is exact (a double holds 53 bits), so after
an edit that changes one lane's height every lane below moves by the very same
``dy`` and each of their boxes is exactly its old one + ``dy`` (the router
shifts their routes by it: routing.py). A card is at most 1/65,536 pt taller
than its text needs; a card 4,000 cards down a column at most 0.06 pt lower."""
FAR = 2.0**32


def up(value: float) -> float:
    """``value`` rounded up to the grid (exact: scaling by a power of two
    rounds nothing); a value on the grid is itself, as is one not finite
    (then nothing is shifted: ``routing._on_grid``)."""
    if not math.isfinite(value):
        return value
    return math.ceil(value * GRID) / GRID


Slot = tuple[str, int, int, float, float, float]
"""A card in a lane's stacking order: id, column, span, x, width, height."""

DrawnCard = tuple[
    tuple[object, ...], Rect, Item, tuple[Overflow, ...], "functools.partial[list[Primitive]]"
]
"""A card's state and box, the Item drawn from them, its overflows, and the
call that makes its drawing (``card_primitives`` with the box as 5th argument:
a card only moved is drawn by the same call with its new box)."""


@dataclass(frozen=True)
class PlacedLane:
    """A lane's cards as placed by one layout, and what they were placed from."""

    key: tuple[object, ...]
    states: list[tuple[object, ...]]
    height: float
    boxes: dict[str, Rect]
    measures: dict[str, CardMeasure]
    top: float
    plan: list[Slot]
    ids: list[str]
    spanning: list[Card]
    """Its cards spanning lanes (their boxes are stretched after placing)."""
    cards: list[Card]


def stack(
    theme: Theme,
    plan: list[Slot],
    n_cols: int,
    top: float,
    out: dict[str, Rect],
    kept: dict[str, DrawnCard],
) -> float:
    """Stack the planned cards in their cells from ``top`` (a skyline per
    column, so a card spanning steps never overlaps its neighbours); return
    the lane height. A box equal to the one ``kept`` has for the card is that
    very object again (the card's Item is then found up to date by identity)."""
    t = theme
    gap = t.card_gap
    sky = [top + t.lane_padding] * n_cols
    get = kept.get
    for card_id, i, span, x, w, h in plan:
        if span == 1:
            y = sky[i]
            sky[i] = y + h + gap
        else:
            y = max(sky[i : i + span])
            below = y + h + gap
            for j in range(i, i + span):
                sky[j] = below
        # A box that did not move is the same object again: an edit makes
        # few new objects, and the card's Item is found up to date by identity.
        found = get(card_id)
        if found is not None:
            box = found[1]
            if box is not None and box.y == y and box.x == x and box.w == w and box.h == h:
                out[card_id] = box
                continue
        out[card_id] = Rect(x, y, w, h)
    bottom = max(sky, default=top) - (gap if plan else 0) + t.lane_padding
    return max(t.lane_min_height, bottom - top)


def moved_lane(
    theme: Theme,
    found: PlacedLane,
    n_cols: int,
    top: float,
    reuse: dict[str, DrawnCard] | None = None,
    cards: list[Card] | None = None,
    ids: list[str] | None = None,
) -> PlacedLane:
    """``found`` (a lane of the last layout whose cards did not change) stacked
    again from its new ``top``, in the same order and sizes. Every box is a new
    object (the lane moved: looking each card's last box up to reuse an equal
    one would find none); ``shift_cards`` makes their Items. A full layout
    passes its ``reuse`` dict and the lane's ``cards`` and ``ids`` as it found
    them (the same cards, perhaps new objects)."""
    boxes: dict[str, Rect] = {}
    height = stack(theme, found.plan, n_cols, top, boxes, {} if reuse is None else reuse)
    return PlacedLane(
        found.key,
        found.states,
        height,
        boxes,
        found.measures,
        top,
        found.plan,
        found.ids if ids is None else ids,
        found.spanning if cards is None else [card for card in cards if card.span_lanes > 1],
        found.cards if cards is None else cards,
    )


def shift_cards(
    lanes: list[PlacedLane],
    card_boxes: dict[str, Rect],
    kept: dict[str, DrawnCard],
    order: list[Item],
    at: dict[str, int],
    drawn_with: tuple[object, ...],
    theme: Theme,
    lazy: bool,
    redraw: Callable[[Card, Rect], DrawnCard],
    pure: list[Item] | None = None,
) -> tuple[list[Item], int]:
    """The Items of the cards of ``lanes`` (lanes only moved, their cards as
    in the last layout), put in ``order`` at their places (``at``); returns
    the new Items. A card whose box kept its size and whose drawing was kept
    from the same state gets an Item made by its kept call with the new box,
    as ``MapLayouter._card`` makes it for a card only moved; any other (a
    card spanning lanes whose box was stretched, one without a kept drawing)
    goes through ``redraw`` (``_card``). A card whose box is the kept one is
    left alone (drawn already this pass, or not moved). Also returns how many
    Items were made from a kept call; with ``pure``, those go there instead
    (each is its card's last Item moved by its lane's move, the same drawing:
    the canvas moves them with their lane, ``canvas/items.Band``)."""
    new: list[Item] = []
    shifted = 0
    partial, make_item, get = functools.partial, _new_item, kept.get
    for lane in lanes:
        for card_id, state, card in zip(lane.ids, lane.states, lane.cards, strict=True):
            box = card_boxes[card_id]
            found = get(card_id)
            if found is not None:
                old = found[1]
                if old is box:
                    continue
                if old.w == box.w and old.h == box.h and (found[0] is state or found[0] == state):
                    # (``drawn_later``, written out: one call less for each of
                    # ~18,000 cards)
                    a = found[4].args  # card_primitives(theme, vocab, language, face, rect,
                    make = partial(found[4].func, a[0], a[1], a[2], a[3], box, a[5], a[6])
                    item = make_item(Item)  # comments, m)
                    item.kind = "card"
                    item.element = card_id
                    item.bounds = box
                    item.z = Z_CARD
                    item._primitives = None
                    item._make = make
                    item.drawn_from = (state, box, drawn_with, theme)
                    if not lazy:
                        item.primitives  # noqa: B018  (made now)
                    kept[card_id] = (state, box, item, found[3], make)
                    shifted += 1
                    order[at[card_id]] = item
                    (new if pure is None else pure).append(item)
                    continue
            found = redraw(card, box)
            order[at[card_id]] = found[2]
            new.append(found[2])
    return new, shifted


_new_item = object.__new__
