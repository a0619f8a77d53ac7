"""Which cards each lane holds, and which channels and lanes a map's cards use,
kept across the layouts of a few cards' edits.

Every layout of a 20,000-card map walked all its cards to list each shown
lane's cards (``cards_by_lane``), the legend walked them again for the channels
in use and the canvas's overlays for the lanes in use: ~10 ms of a move that
changes two cells. ``MapCards`` makes that walk once and then, for a layout the
window's hint says changed only some cards' own fields (``LayoutHint``; the
map's card list the same list, same cards, same order), looks at those cards
only: a card moved to another lane leaves one list (a copy: the last layout's
lanes hold the old lists) and joins the other where the map's order puts it;
the channels and lanes are counted. Any layout without a trusted hint walks
again (and forgets, or, hinted, remembers anew). ``tests/layout/test_cell_moves.py``
holds it to a fresh walk after random moves and edits.
"""

from __future__ import annotations

from bisect import bisect_left

from journeydesk.model.project import Card, JourneyMap

Where = tuple[int, str, str, str | None]
"""A card's place in the map's card list, its lane, step and channel."""


class MapCards:
    """The cards of one map by lane, and the channels and lanes they use."""

    def __init__(self) -> None:
        self._made_from: tuple[object, ...] | None = None
        self._where: dict[str, Where] = {}
        self._by_lane: dict[str, list[Card]] = {}
        self._channels: dict[str, int] = {}
        self._lanes: dict[str, int] = {}
        self.kept = 0  # layouts that looked at the hinted cards only: for tests

    def by_lane(
        self,
        jmap: JourneyMap,
        lane_ids: set[str],
        step_index: dict[str, int],
        hint: frozenset[str] | None,
    ) -> dict[str, list[Card]]:
        """The map's cards in each of ``lane_ids`` whose step is shown, in the
        map's order, lanes in the order of their first card (a fresh walk's
        dict). ``hint``: the cards whose own fields alone changed since the
        last call (trusted by the caller), None for a walk."""
        made_from = (id(jmap), jmap.cards, len(jmap.cards), lane_ids, tuple(step_index))
        if hint is not None and self._made_from is not None and self._same(made_from):
            found = self._update(jmap.cards, lane_ids, step_index, hint)
            if found is not None:
                self.kept += 1
                return found
        if hint is None:
            self._made_from = None
            self._where, self._channels, self._lanes = {}, {}, {}
            by_lane: dict[str, list[Card]] = {}
            for card in jmap.cards:
                if card.lane in lane_ids and card.step in step_index:
                    by_lane.setdefault(card.lane, []).append(card)
            self._by_lane = {}
            return by_lane
        return self._walk(jmap, made_from, lane_ids, step_index)

    def remember(self, jmap: JourneyMap, lane_ids: set[str], step_index: dict[str, int]) -> bool:
        """Walk the map's cards now and remember them, unless remembered: the
        app calls this when idle after an open (``MapLayouter.warm``), so the
        first hinted layout updates from the hint instead of walking (~50 ms
        of the first edit of a 20,000-card map). True when it walked."""
        if self._made_from is not None:
            return False
        made_from = (id(jmap), jmap.cards, len(jmap.cards), lane_ids, tuple(step_index))
        self._walk(jmap, made_from, lane_ids, step_index)
        return True

    def _same(self, made_from: tuple[object, ...]) -> bool:
        last = self._made_from
        assert last is not None
        return (
            last[0] == made_from[0]
            and last[1] is made_from[1]
            and last[2] == made_from[2]
            and last[3] == made_from[3]
            and last[4] == made_from[4]
        )

    def _walk(
        self,
        jmap: JourneyMap,
        made_from: tuple[object, ...],
        lane_ids: set[str],
        step_index: dict[str, int],
    ) -> dict[str, list[Card]]:
        where: dict[str, Where] = {}
        by_lane: dict[str, list[Card]] = {}
        channels: dict[str, int] = {}
        lanes: dict[str, int] = {}
        for n, card in enumerate(jmap.cards):
            lane, step, channel = card.lane, card.step, card.channel
            where[card.id] = (n, lane, step, channel)
            lanes[lane] = lanes.get(lane, 0) + 1
            if channel:
                channels[channel] = channels.get(channel, 0) + 1
            if lane in lane_ids and step in step_index:
                by_lane.setdefault(lane, []).append(card)
        if len(where) != len(jmap.cards):  # (two cards with one id: not kept)
            self._made_from = None
            return by_lane
        self._made_from = (made_from[0], jmap.cards, len(jmap.cards), set(lane_ids), made_from[4])
        self._where, self._by_lane, self._channels, self._lanes = where, by_lane, channels, lanes
        return dict(by_lane)

    def _update(
        self,
        cards: list[Card],
        lane_ids: set[str],
        step_index: dict[str, int],
        hint: frozenset[str],
    ) -> dict[str, list[Card]] | None:
        """The lists after the hinted cards' changes; None: walk instead."""
        where, by_lane = self._where, self._by_lane
        copied: set[str] = set()
        reordered = False

        def at(c: Card) -> int:
            return where[c.id][0]

        for card_id in hint:
            found = where.get(card_id)
            if found is None:
                self._made_from = None
                return None
            n, lane, step, channel = found
            card = cards[n] if n < len(cards) else None
            if card is None or card.id != card_id:
                self._made_from = None
                return None
            if card.channel != channel:
                if channel:
                    self._channels[channel] -= 1
                if card.channel:
                    self._channels[card.channel] = self._channels.get(card.channel, 0) + 1
            if card.lane != lane:
                self._lanes[lane] -= 1
                self._lanes[card.lane] = self._lanes.get(card.lane, 0) + 1
            was = lane in lane_ids and step in step_index
            now = card.lane in lane_ids and card.step in step_index
            if was and (not now or card.lane != lane):
                if lane not in copied:
                    by_lane[lane] = list(by_lane[lane])
                    copied.add(lane)
                listed = by_lane[lane]
                k = bisect_left(listed, n, key=at)
                if k >= len(listed) or listed[k] is not card:
                    self._made_from = None
                    return None
                del listed[k]
                if not listed:
                    del by_lane[lane]
                reordered = reordered or k == 0
            if now and (not was or card.lane != lane):
                listed_to = by_lane.get(card.lane)
                if listed_to is None:
                    listed_to = by_lane[card.lane] = []
                    reordered = True
                elif card.lane not in copied:
                    listed_to = by_lane[card.lane] = list(listed_to)
                k = bisect_left(listed_to, n, key=at)
                listed_to.insert(k, card)
                copied.add(card.lane)
                reordered = reordered or k == 0
            where[card_id] = (n, card.lane, card.step, card.channel)
        if reordered:  # (lanes in the order of their first card, as a walk finds them)
            self._by_lane = by_lane = dict(sorted(by_lane.items(), key=lambda kv: at(kv[1][0])))
        return dict(by_lane)

    def channels(self, jmap: JourneyMap) -> list[str] | None:
        """The channels the map's cards use, sorted, as of the last call of
        ``by_lane`` for ``jmap`` with a hint; None when not known."""
        if self._made_from is None or self._made_from[0] != id(jmap):
            return None
        return sorted(channel for channel, n in self._channels.items() if n)

    def lanes(self, jmap: JourneyMap) -> set[str] | None:
        """The lanes the map's cards are in (shown or not), as ``channels``."""
        if self._made_from is None or self._made_from[0] != id(jmap):
            return None
        return {lane for lane, n in self._lanes.items() if n}
