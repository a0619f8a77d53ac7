"""What a layout pass tells the router about the card boxes that moved.

An edit that adds a line to a card moves every lane below it by one exact dy
(``stack.up``'s grid); the layouter knows which lanes only moved, so it tells
the router (``routing.Router.route_all``) instead of the router comparing the
~18,000 boxes: their routes are then the last ones + dy
(``routing.Router._zoned``; tests/layout/test_route_zone.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .stack import FAR, GRID, PlacedLane, Slot
from .theme import Theme


@dataclass(frozen=True)
class Zone:
    """What a layout pass tells the router (``routing.Router.route_all``)
    about the card boxes since its last call, in the pass numbered ``now``;
    ``since``: the pass the router's last call must have been made in for the
    rest to hold. With ``top`` (B) given: every card box whose box in that
    call had ``y >= top`` is now exactly that box + ``dy`` (same x, w, h, on
    the grid), but for the cards in ``exceptions`` (cards spanning lanes:
    their boxes are stretched); every other card's box lay above ``top``
    then (its bottom at most ``top``) and lies above ``top + dy`` now. None:
    nothing is told (the router compares the boxes)."""

    since: int
    now: int
    top: float | None = None
    dy: float = 0.0
    exceptions: frozenset[str] = frozenset()
    cards: int | None = None
    """How many cards the moved lanes hold (None: not known)."""
    plans: tuple[list[Slot], ...] | None = None
    """The stacking plans of the pass's placed lanes, in the order they were
    placed (None: not told). The card boxes (keys and values, in order) are
    each placed lane's boxes in turn, in its plan's order, with its plan's
    ``x`` and ``w`` (``stack``; a plan is never changed once made, a lane
    that only moved shares it: ``moved_lane``; ``span_lanes`` stretches
    heights only), so when the plans place as many boxes as there are (no
    card id in two lanes), the boxes a plan object places at the places it
    placed them at in another pass have the same keys, ``x`` and ``w`` as
    then. The router's columns compare only the others' ``x`` and ``w``
    (``route_columns.ColumnMemo``); tests/layout/test_route_columns.py
    checks it on random edits."""


class Lanes(Protocol):
    """What ``zone`` reads of a ``MapLayouter`` (engine.py) during a pass: its
    lanes of the last pass (``_lanes``) and of this one (``_pass_lanes``), the
    ones of this pass that only moved (``_moved``), and how many passes it
    made before this one."""

    _lanes: dict[str, PlacedLane]
    _pass_lanes: dict[str, PlacedLane]
    _moved: list[PlacedLane]
    passes: int


def zone(theme: Theme, layouter: Lanes) -> Zone:
    """The zone of a layout pass of ``layouter`` (the pass after its
    ``passes`` layouts, whose last placed the lanes ``before``; this one placed
    ``now``, of which ``moved`` only moved). Given when every moved lane moved by one
    ``dy`` and every lane of cards whose cards' top was at or below the
    highest moved lane's (B), before or now (at B + dy), is among them: the
    lanes are stacked in order, each lane's cards inside its rectangle, so the
    cards of every other lane lie above the highest moved lane's rectangle,
    whose top is at most B (B + dy now). The moved lanes' boxes are those of
    the last pass + dy exactly: stacked again from the same plan (``moved_lane``)
    with every summand on the grid (the cards' heights are ``up``'s; the
    theme's gaps, the tops and the lanes' bottoms are checked here)."""
    before, now, moved = layouter._lanes, layouter._pass_lanes, layouter._moved
    passes = layouter.passes
    plans = tuple(placed.plan for placed in now.values())
    out = Zone(passes, passes + 1, plans=plans)
    if not moved:
        return out
    ids = {id(placed): lane_id for lane_id, placed in now.items()}
    dys: set[float] = set()
    tops: list[float] = []
    for placed in moved:
        old = before.get(ids.get(id(placed), ""))
        if old is None:
            return out
        dys.add(placed.top - old.top)
        tops += (old.top, old.top + old.height, placed.top, placed.top + placed.height)
    if len(dys) != 1:
        return out
    dy = dys.pop()
    top = min(before[ids[id(placed)]].top for placed in moved)
    moved_ids = {ids[id(placed)] for placed in moved}
    if any(lane_id not in moved_ids and placed.top >= top for lane_id, placed in before.items()):
        return out
    if any(lane_id not in moved_ids and placed.top >= top + dy for lane_id, placed in now.items()):
        return out
    grid = 2 * GRID  # (half the grid's step: a box's middle)
    values = (dy, top, top + dy, theme.lane_padding, theme.card_gap, *tops)
    if not all(float(v * grid).is_integer() and abs(v) < FAR for v in values):
        return out
    spanning = {c.id for lanes in (before, now) for p in lanes.values() for c in p.spanning}
    cards = sum(len(placed.ids) for placed in moved)
    return Zone(passes, passes + 1, top, dy, frozenset(spanning), cards, plans)
