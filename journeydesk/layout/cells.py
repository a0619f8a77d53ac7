"""A lane placed again after a hinted edit of a few of its cards, from its last plan.

Moving a card renumbers the cards of the two cells it touches; on a 20,000-card
``dense`` map that is a lane of 2,200-4,400 cards placed anew on every move:
each card's state built, measured (from the cache) and the lane's plan sorted,
18-31 ms. With the window's hint (``LayoutHint``: only the hinted cards' own
fields changed), every other card of the lane is as it was: the same object,
the same state, the same measure, the same slot of the plan, in the same order
among themselves. So ``replace_cells`` keeps the last plan's slots of those
cards, makes slots only for the hinted cards now in the lane and merges them in
where a fresh sort (by column, then order, then the lane's list order) puts
them, and stacks the plan as a fresh layout does (``stack.stack``: the same
float additions, so the same boxes). The states and measures of the cards not
hinted are the last layout's. It also says which cards' Items may have to be
drawn again: those hinted, spanning lanes, or whose box is not the one their
kept Item was drawn in (``MapLayouter._cards_hinted`` skips the others).

``tests/layout/test_cell_moves.py`` holds the result to a fresh layout after
random moves, titles, spans, undo and redo on the three bench shapes.
"""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from journeydesk.model.project import Card

from .primitives import Rect
from .stack import DrawnCard, PlacedLane, Slot, stack
from .theme import Theme

if TYPE_CHECKING:
    from .context import CardMeasure


def _column(slot: Slot) -> int:
    return slot[1]


def replace_cells(
    theme: Theme,
    found: PlacedLane,
    cards: list[Card],
    hint: frozenset[str],
    step_index: dict[str, int],
    top: float,
    kept: dict[str, DrawnCard],
    measure: Callable[[Card, float], CardMeasure],
    state_of: Callable[[Card], tuple[object, ...]],
) -> tuple[PlacedLane, list[Card]] | None:
    """The lane ``found`` (the last layout's, placed at the same x and steps)
    placed again with its cards now ``cards``, only the ``hint``-ed ones having
    changed; with the cards whose Items may need drawing again. None when the
    cards not hinted are not the very objects of the last layout, in the same
    order (then the caller places the lane anew)."""
    same = cards is found.cards  # (mapcards.MapCards gives a lane's very list again)
    if not same:
        plain = [card for card in cards if card.id not in hint]
        was = [card for card in found.cards if card.id not in hint]
        if len(plain) != len(was) or not all(map(operator.is_, plain, was)):
            return None
    if same:  # (by the ids: a walk over 4,000 cards' own objects costs more)
        hinted = [(n, cards[n]) for n, card_id in enumerate(found.ids) if card_id in hint]
    else:
        hinted = [(n, card) for n, card in enumerate(cards) if card.id in hint]
    t = theme
    x0 = found.key[0]
    assert isinstance(x0, float | int)
    n_cols = max(step_index.values(), default=0) + 1
    # The last plan without the hinted cards: still sorted (their columns and
    # orders did not change, nor their order in the lane's list).
    plan = [slot for slot in found.plan if slot[0] not in hint]
    if len(plan) != len(cards) - len(hinted):
        return None
    measures = dict(found.measures)
    for card_id in found.ids:
        if card_id in hint:
            del measures[card_id]
    # The hinted cards' slots, as ``MapLayouter._plan`` makes them, by column
    # (each with its sort key: order, then place in the lane's list).
    added: dict[int, list[tuple[int, int, Slot]]] = {}
    for n, card in hinted:
        i = step_index[card.step]
        span = min(card.span_steps, n_cols - i)
        w = span * t.column_width - t.column_gap
        m = measure(card, w)
        measures[card.id] = m
        x = x0 + i * t.column_width + t.column_gap / 2
        added.setdefault(i, []).append((card.order, n, (card.id, i, span, x, w, m.height)))
    where: dict[str, int] = {}
    for i in sorted(added, reverse=True):  # (from the right: earlier places stay put)
        a = bisect_left(plan, i, key=_column)
        b = bisect_right(plan, i, key=_column)
        cell = added[i]
        if a < b:  # cards not hinted in that column: sorted in with their keys
            if not where:
                where = {card.id: n for n, card in enumerate(cards)}
            for slot in plan[a:b]:
                n = where[slot[0]]
                cell.append((cards[n].order, n, slot))
        cell.sort(key=lambda entry: (entry[0], entry[1]))
        plan[a:b] = [entry[2] for entry in cell]
    boxes: dict[str, Rect] = {}
    height = stack(t, plan, n_cols, top, boxes, kept)
    spanning = found.spanning
    if same:  # (the same cards in the same order: their last states by place)
        states = list(found.states)
        for n, card in hinted:
            states[n] = state_of(card)
        ids = found.ids
        if any(card.span_lanes > 1 for _, card in hinted) or any(
            card.id in hint for card in spanning
        ):
            spanning = [card for card in cards if card.span_lanes > 1]
    else:
        by_id = dict(zip(found.ids, found.states, strict=True))
        states = [state_of(card) if card.id in hint else by_id[card.id] for card in cards]
        ids = [card.id for card in cards]
        spanning = [card for card in cards if card.span_lanes > 1]
    placed = PlacedLane(
        (x0, found.key[1], states), states, height, boxes, measures, top, plan, ids, spanning, cards
    )
    # (``_cards_hinted`` passes over a card not hinted whose kept Item was drawn
    # in this very box; a card spanning lanes gets its box stretched later)
    spans = {card.id for card in spanning}
    redraw = [
        cards[n]
        for n, card_id in enumerate(ids)
        if card_id in hint
        or card_id in spans
        or (drawn := kept.get(card_id)) is None
        or drawn[1] is not boxes[card_id]
    ]
    return placed, redraw


def card_state(card: Card, comments: int, aspect: float) -> tuple[object, ...]:
    """Everything of a card its box and drawing are made from, cheaply: its
    fields as they are (equal when each is the same object, so comparing two
    states of an unchanged card costs little), and what its lists hold, as
    values (a list changed in place is still the same object). Written out
    again in ``MapLayouter._place_cards``: keep the two the same."""
    return (
        tuple(card.__dict__.values()),
        tuple([e.confidence for e in card.evidence]) if card.evidence else (),
        len(card.links),
        tuple(card.scores.items()) if card.scores else (),
        comments,
        aspect,
    )


def renumbered(was: tuple[object, ...], now: tuple[object, ...], card: Card) -> bool:
    """Whether a card's state ``now`` (``card_state``) differs from ``was`` in
    its ``order`` alone: a move renumbers every card of the cells it leaves and
    joins (on a dense map hundreds), and a card's drawing, measure and face
    read no order, so its kept drawing call serves in its new box."""
    if len(was) != len(now) or was[1:] != now[1:]:
        return False
    a, b = was[0], now[0]
    assert isinstance(a, tuple) and isinstance(b, tuple)
    for k, name in enumerate(card.__dict__):
        if name == "order":
            return len(a) == len(b) and a[:k] == b[:k] and a[k + 1 :] == b[k + 1 :]
    return False
