"""The router's obstacles bucketed by column (``routing.Router``), and the same
made again, without a walk of every box in Python, when the boxes only moved
up or down.

An edit that adds a title line to a card moves every lane below it (~18,000
cards at 20,000): the router's columns are then made anew from ~21,600 new
box objects (cards and curve marks), and ``_columns``' per-box loop (two floor
divisions, a lookup and an append per box) was most of their cost. Which
columns a box sits in depends on its ``x`` and ``w`` and the column width
alone, and a lane that only moved keeps its cards' ``x`` and ``w``;
``ColumnMemo`` therefore remembers, by position in the list, which boxes sat
in which column and in which order, and when every position's ``x`` and ``w``
are as before (compared in C) it takes the new boxes in that order and only
checks, in C, that each column is still sorted by top (ties in list order, as
``_columns``' stable sort leaves them); a column that is not is sorted again as
``_columns`` sorts it. The result is what ``_columns`` makes of the same list:
the same keys in the same order, the same box objects in each bucket in the
same order, equal tops and tallest heights
(tests/layout/test_route_columns.py holds it to that after random edits).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence

from .primitives import Rect

_Columns = tuple[dict[int, list[Rect]], dict[int, list[float]], dict[int, float]]
_by_top, _height = operator.attrgetter("y"), operator.attrgetter("h")
_get_x, _get_w = operator.attrgetter("x"), operator.attrgetter("w")


def _columns(cards: list[Rect], column: float) -> _Columns:
    """Cards sit in columns: bucket them by the columns they touch, each
    bucket sorted by top, so the cards near a connection are found by
    bisection rather than by a walk down every column it spans."""
    buckets: dict[int, list[Rect]] = {}
    for r in cards:
        first, last = int(r.x // column), int((r.x + r.w) // column)  # r.right
        if first == last:
            bucket = buckets.get(first)
            if bucket is None:
                buckets[first] = [r]
            else:
                bucket.append(r)
            continue
        for c in range(first, last + 1):
            buckets.setdefault(c, []).append(r)
    tops: dict[int, list[float]] = {}
    tallest: dict[int, float] = {}
    by_top, height = _by_top, _height
    for c, rs in buckets.items():
        rs.sort(key=by_top)
        tops[c] = list(map(by_top, rs))
        tallest[c] = max(map(height, rs))
    return buckets, tops, tallest


class ColumnMemo:
    """``_columns`` of the last list it was given, remembered by position, for
    the next list whose boxes have the same ``x`` and ``w`` at every position
    (module docstring). Holds no box but the last list's."""

    def __init__(self) -> None:
        self._cards: Sequence[Rect] = ()
        """The last list given, and the column width."""
        self._column = 0.0
        self._xs: list[float] | None = None
        """Its boxes' ``x`` and ``w`` by position (None: not listed yet)."""
        self._ws: list[float] | None = None
        self._made: tuple[list[int], list[int], list[Rect]] | None = None
        """What ``_columns`` made of the last list, when it made it: the
        buckets' keys and lengths, and their boxes one after the other (the
        box lists themselves are the caller's now)."""
        self._order: _Order | None = None
        """The positions in the last list of the boxes of each bucket, bucket
        after bucket, in bucket order (None: not worked out yet)."""
        self._placed: list[tuple[Sequence[object], int, int]] | None = None
        """The plans the last list was given with, each with the places of
        the boxes it placed (start, stop; ``columns``)."""
        self.made = 0
        self.kept = 0
        """Calls that made the columns by ``_columns`` / from the last order:
        for tests and benches."""

    def columns(
        self,
        cards: list[Rect],
        column: float,
        plans: tuple[Sequence[Sequence[object]] | None, int] = (None, 0),
    ) -> _Columns:
        """``_columns(cards, column)``; the memo keeps ``cards``: it must not
        be changed afterwards. ``plans``: the layout's lanes' plans
        (``zones.Zone.plans``; None: not told) and how many of the first boxes
        of ``cards`` they place, ``len(plan)`` each in turn: the boxes that the
        very plan object of the last call places at the same places have the
        last list's ``x`` and ``w`` there (``Zone.plans`` says why); only the
        others are compared."""
        told, placed = plans
        last, self._placed = self._placed, None
        if told is not None:
            starts = [0, *itertools.accumulate(map(len, told))]
            if starts[-1] == placed:
                self._placed = list(zip(told, starts[:-1], starts[1:], strict=True))
        order = None
        if column == self._column and len(cards) == len(self._cards) and cards:
            known = []
            if last is not None and self._placed is not None:
                at = {id(plan): (plan, start) for plan, start, _ in last}
                for plan, start, stop in self._placed:
                    found = at.get(id(plan))
                    if found is not None and found[0] is plan and found[1] == start:
                        known.append((start, stop))
            order = self._same_places(cards, known)  # (it keeps the xs and ws of ``cards``)
        else:
            self._xs = self._ws = None
        if order is None:
            self.made += 1
            out = _columns(cards, column)
            buckets = out[0]
            self._cards, self._column, self._order = cards, column, None
            self._made = (
                list(buckets),
                list(map(len, buckets.values())),
                list(itertools.chain.from_iterable(buckets.values())),
            )
            return out
        self.kept += 1
        return self._from_order(cards, order)

    def warm(self) -> None:
        """Idle: what the next call compares and reads of the last list
        (its boxes' ``x`` and ``w``, its order by position) made now, as
        that call would make it (the first edit adding a line after an open
        made them: ~10 ms at 20,000 cards)."""
        old = self._cards
        if not old:
            return
        if self._xs is None:
            self._xs = list(map(_get_x, old))
        if self._ws is None:
            self._ws = list(map(_get_w, old))
        if self._order is None and self._made is not None:
            self._order, self._made = _Order.of(old, self._made), None

    def _same_places(self, cards: list[Rect], known: list[tuple[int, int]]) -> _Order | None:
        """The last list's order when every box of ``cards`` has the ``x``
        and ``w`` of the last list's box at its place (then it sits in the
        same columns), else None; the boxes in the ``known`` ranges of places
        (start, stop; in order) are known to."""
        old, old_xs, old_ws = self._cards, self._xs, self._ws
        if known:
            # (the values of the other boxes compared; those known are as they
            # were, and so are the lists of them kept)
            rest: list[tuple[int, int]] = []
            at = 0
            for start, stop in known:
                if start > at:
                    rest.append((at, start))
                at = stop
            if at < len(cards):
                rest.append((at, len(cards)))
            for a, b in rest:
                if list(map(_get_x, cards[a:b])) != (
                    list(map(_get_x, old[a:b])) if old_xs is None else old_xs[a:b]
                ) or list(map(_get_w, cards[a:b])) != (
                    list(map(_get_w, old[a:b])) if old_ws is None else old_ws[a:b]
                ):
                    self._xs = self._ws = None
                    return None
        else:
            xs = list(map(_get_x, cards))
            self._xs, self._ws = xs, None  # (the new list's from now on)
            # (the values compared in C; they differ where a card moved sideways)
            if xs != (list(map(_get_x, old)) if old_xs is None else old_xs):
                return None
            ws = self._ws = list(map(_get_w, cards))
            if ws != (list(map(_get_w, old)) if old_ws is None else old_ws):
                return None
        order = self._order
        if order is None:
            # (the last miss's boxes let go: the order holds positions only)
            order, self._made = _Order.of(old, self._made), None
            self._order = order
        return order

    def _from_order(self, cards: list[Rect], order: _Order) -> _Columns:
        """``_columns(cards, column)`` from the last list's order: the same
        positions in each bucket, each bucket sorted by (top, position) again
        where it is not so already."""
        places = order.places
        boxes = list(map(cards.__getitem__, places))
        ys = list(map(_by_top, boxes))
        hs = list(map(_height, boxes))
        # where a top is not below the next one's, or equal to it while the
        # positions descend: a bucket's order to be made again (positions at a
        # bucket's end excepted: the next bucket starts there); any NaN: all
        ends, descends, bucket_at = order.ends, order.descends, order.bucket_at
        total = sum(ys)
        if total != total:  # (a NaN or infinities of both signs: no order trusted)
            redo = set(bucket_at)
        else:
            redo = set()
            for p in itertools.compress(itertools.count(), map(operator.ge, ys, ys[1:])):
                if p not in ends and (ys[p] != ys[p + 1] or p in descends):
                    redo.add(bucket_at[p])
        if redo:
            places = list(places)
            for n in sorted(redo):
                start, stop = order.starts[n], order.starts[n + 1]
                # (in list order, as ``_columns``' bucket is before its sort)
                at = sorted(places[start:stop])
                at.sort(key=lambda i: cards[i].y)
                places[start:stop] = at
                boxes[start:stop] = map(cards.__getitem__, at)
                ys[start:stop] = map(_by_top, boxes[start:stop])
                hs[start:stop] = map(_height, boxes[start:stop])
            self._order = _Order(order.keys, order.starts, places)
        self._cards = cards
        spans = order.spans
        keys = order.keys
        return (
            dict(zip(keys, map(boxes.__getitem__, spans), strict=True)),
            dict(zip(keys, map(ys.__getitem__, spans), strict=True)),
            dict(zip(keys, map(max, map(hs.__getitem__, spans)), strict=True)),
        )


class _Order:
    """The positions of each bucket's boxes in a list, bucket after bucket
    (``places``), and what ``ColumnMemo`` reads of them."""

    def __init__(self, keys: list[int], starts: list[int], places: list[int]) -> None:
        self.keys, self.starts, self.places = keys, starts, places
        """The buckets' keys in order; where each starts in ``places`` (and
        one past the last)."""
        self.spans = list(map(slice, starts, starts[1:]))
        self.ends = frozenset(stop - 1 for stop in starts[1:])
        """The last place of each bucket."""
        self.bucket_at = list(
            itertools.chain.from_iterable(
                map(itertools.repeat, range(len(keys)), map(operator.sub, starts[1:], starts))
            )
        )
        self.descends = frozenset(
            itertools.compress(itertools.count(), map(operator.gt, places, places[1:]))
        )
        """The places whose position is above the next place's (in one bucket
        an equal top there would be out of ``_columns``' order)."""

    @staticmethod
    def of(
        cards: Sequence[Rect], made: tuple[list[int], list[int], list[Rect]] | None
    ) -> _Order | None:
        """The order of ``made`` (what ``_columns`` made of ``cards``) by
        position; None when a box object is in ``cards`` twice (its position
        in a bucket would be unknown)."""
        if made is None:
            return None
        keys, lengths, boxes = made
        at = dict(zip(map(id, cards), itertools.count()))
        if len(at) != len(cards):
            return None
        places = list(map(at.__getitem__, map(id, boxes)))
        return _Order(keys, [0, *itertools.accumulate(lengths)], places)
