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
in which column, and when every position's ``x`` and ``w`` are as before
(compared in C) it knows the new list's buckets without a walk of its boxes:
the same keys in the same order, each bucket made only when the router first
reads it (``_Pending``: the routes an edit looks for read a few dozen of a
wide map's 900 columns), of the same positions sorted as ``_columns`` sorts
them (list order, then stably by top). The result is what ``_columns`` makes
of the same list: the same keys in the same order, the same box objects in
each bucket in the same order, equal tops and tallest heights
(tests/layout/test_route_columns.py holds it to that after random edits).
"""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .primitives import Rect
from .route_search import MAX_OBSTACLES

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


def _overlapping(columns: _Columns, rect: Rect, cols: Iterable[int]) -> Iterator[Rect]:
    """The boxes in ``columns`` ``cols`` that overlap ``rect`` (``rect.intersects``
    written out), column by column (a box in two of them comes twice)."""
    buckets, tops, tallest = columns
    rx, ry, rr, rb = rect.x, rect.y, rect.right, rect.bottom
    for c in cols:
        rs = buckets.get(c)
        if not rs:
            continue
        ys = tops[c]
        for r in rs[bisect_left(ys, ry - tallest[c]) : bisect_left(ys, rb)]:
            if not (rx >= r.x + r.w or rr <= r.x or ry >= r.y + r.h or rb <= r.y):
                yield r


def _any_near(columns: _Columns, rect: Rect, column: float) -> bool:
    """Whether a box in ``columns`` overlaps ``rect`` (``rect.intersects``)."""
    buckets = columns[0]
    first, last = int(rect.x // column), int(rect.right // column)
    if last - first >= len(buckets):
        cols: Iterable[int] = [c for c in buckets if first <= c <= last]
    else:
        cols = range(first, last + 1)
    return next(_overlapping(columns, rect, cols), None) is not None


def _boxes_in(columns: _Columns, rect: Rect, column: float) -> list[Rect] | None:
    """Every box in ``columns`` overlapping ``rect`` (as ``_near`` tests it),
    once each; None past ``MAX_OBSTACLES`` + 2."""
    found: dict[int, Rect] = {}
    cols = range(int(rect.x // column), int(rect.right // column) + 1)
    for r in _overlapping(columns, rect, cols):
        found[id(r)] = r
        if len(found) > MAX_OBSTACLES + 2:
            return None
    return list(found.values())


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
        keys in the same order, each bucket made when first asked for
        (``_Pending``: an edit's routes look at a few dozen of a wide map's
        900 columns), as ``_columns`` makes it of the same positions."""
        self._cards = cards
        return _Pending(cards, order).columns


_UNMADE: Any = object()
"""A bucket's value in a ``_Lazy`` dict before it is made."""


def _in_order(cards: Sequence[Rect], places: list[int]) -> list[Rect]:
    """The boxes at ``places`` (one bucket's) in ``_columns``' order: in list
    order, then stably by top (as ``_columns`` appends and sorts them)."""
    boxes = list(map(cards.__getitem__, sorted(places)))
    boxes.sort(key=_by_top)
    return boxes


class _Pending:
    """The columns of a list whose buckets are known by position (``_Order``)
    but not made yet: three dicts (``_Lazy``) with every key in order, each
    bucket, its tops and its tallest height made when one of them is first
    read (``make``)."""

    def __init__(self, cards: Sequence[Rect], order: _Order) -> None:
        self.cards, self.order = cards, order
        self.at = dict(zip(order.keys, itertools.count()))
        """The buckets not made yet: their number in the order, by key."""
        self.columns: _Columns = (
            _Lazy(self, order.keys),
            _Lazy(self, order.keys),
            _Lazy(self, order.keys),
        )

    def make(self, c: int) -> None:
        """Bucket ``c`` made, if it is not yet (its boxes in ``_columns``' order)."""
        n = self.at.pop(c, None)
        if n is None:
            return
        order, cards = self.order, self.cards
        boxes = _in_order(cards, order.places[order.starts[n] : order.starts[n + 1]])
        buckets, tops, tallest = self.columns
        dict.__setitem__(buckets, c, boxes)
        dict.__setitem__(tops, c, list(map(_by_top, boxes)))
        dict.__setitem__(tallest, c, max(map(_height, boxes)))

    def make_all(self) -> None:
        for c in list(self.at):
            self.make(c)


class _Lazy(dict):  # type: ignore[type-arg]
    """One of the three dicts of ``_Pending`` columns: every key from the
    start (``len``, ``in`` and iteration as in C), each value made when read,
    or before it is replaced or removed (the router updates columns in
    place); whatever hands out values in bulk makes them all first."""

    def __init__(self, pending: _Pending, keys: list[int]) -> None:
        super().__init__(dict.fromkeys(keys, _UNMADE))
        self._pending = pending

    def get(self, key: Any, default: Any = None) -> Any:
        value = dict.get(self, key, default)
        if value is _UNMADE:
            self._pending.make(key)
            value = dict.__getitem__(self, key)
        return value

    def __getitem__(self, key: Any) -> Any:
        value = dict.__getitem__(self, key)
        if value is _UNMADE:
            self._pending.make(key)
            value = dict.__getitem__(self, key)
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        self._pending.make(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: Any) -> None:
        self._pending.make(key)
        dict.__delitem__(self, key)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        self._pending.make(key)
        return dict.setdefault(self, key, default)

    def pop(self, key: Any, *default: Any) -> Any:
        self._pending.make(key)
        return dict.pop(self, key, *default)

    def _all(self) -> None:
        self._pending.make_all()

    def values(self) -> Any:
        self._all()
        return dict.values(self)

    def items(self) -> Any:
        self._all()
        return dict.items(self)

    def copy(self) -> dict[Any, Any]:
        self._all()
        return dict(dict.items(self))

    def popitem(self) -> Any:
        self._all()
        return dict.popitem(self)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._all()
        dict.update(self, *args, **kwargs)

    def __eq__(self, other: object) -> bool:
        self._all()
        if isinstance(other, _Lazy):
            other._all()
        return dict.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __repr__(self) -> str:
        self._all()
        return dict.__repr__(self)

    def __reduce__(self) -> Any:
        self._all()
        return (dict, (dict(dict.items(self)),))


class _Order:
    """The positions of each bucket's boxes in a list, bucket after bucket
    (``places``): which boxes sit in which column, by place."""

    def __init__(self, keys: list[int], starts: list[int], places: list[int]) -> None:
        self.keys, self.starts, self.places = keys, starts, places
        """The buckets' keys in order; where each starts in ``places`` (and
        one past the last)."""

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
