"""Orthogonal routes for connections that never cross another card.

The plain route (out of the source's side, along the gutter between columns,
along the padding above the target, into the target) is tried first; when a
card stands in its way (cards that span steps fill gutters), a shortest path
with few bends is searched on the grid of free channels around the cards in
the region between the two ends.
"""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import route_columns
from .primitives import Item, Point, Rect
from .route_columns import ColumnMemo, _any_near, _boxes_in, _get_w, _get_x
from .route_columns import _by_top as _get_y
from .route_columns import _columns as _columns
from .route_columns import _height as _get_h
from .route_search import BEND_COST as BEND_COST
from .route_search import MAX_OBSTACLES, _search
from .route_search import _simplify as _simplify
from .stack import FAR, GRID
from .zones import Zone


def _segment_hits(p: Point, q: Point, rect: Rect) -> bool:
    x1, x2 = (p[0], q[0]) if p[0] <= q[0] else (q[0], p[0])
    y1, y2 = (p[1], q[1]) if p[1] <= q[1] else (q[1], p[1])
    return not (
        x2 <= rect.x + 0.5
        or x1 >= rect.x + rect.w - 0.5
        or y2 <= rect.y + 0.5
        or y1 >= rect.y + rect.h - 0.5
    )


def route_clear(route: Sequence[Point], obstacles: Sequence[Rect]) -> bool:
    return not any(_segment_hits(p, q, r) for p, q in itertools.pairwise(route) for r in obstacles)


def plain_route(a: Rect, b: Rect, gap: float, pad: float) -> list[Point]:
    ay = a.y + a.h / 2
    by = b.y + b.h / 2
    if b.x >= a.right:  # target to the right: leave right, enter left
        gx1 = a.right + gap / 2
        gx2 = b.x - gap / 2
        if abs(ay - by) < 0.5:
            return [(a.right, ay), (b.x, by)]
        if abs(gx1 - gx2) < 0.5:
            return [(a.right, ay), (gx1, ay), (gx1, by), (b.x, by)]
        lane_y = b.y - pad / 2
        return [(a.right, ay), (gx1, ay), (gx1, lane_y), (gx2, lane_y), (gx2, by), (b.x, by)]
    if b.right <= a.x:  # target to the left (a loop back): leave left, enter right
        gx1 = a.x - gap / 2
        gx2 = b.right + gap / 2
        lane_y = min(a.y, b.y) - pad / 2
        return [(a.x, ay), (gx1, ay), (gx1, lane_y), (gx2, lane_y), (gx2, by), (b.right, by)]
    ax = max(a.x, b.x) + (min(a.right, b.right) - max(a.x, b.x)) / 2
    if b.y >= a.bottom:
        return [(ax, a.bottom), (ax, b.y)]
    return [(ax, a.y), (ax, b.bottom)]


class Router:
    """Routes connections among a map's obstacles (cards, curve marks) and
    remembers them: the editor lays out after every edit, and a route is found
    again only when an obstacle that changed since the last call (its old or
    its new box) lies in the region the route was searched in. A route depends
    on its two ends and on the obstacles in that region alone (``_near``), so a
    route kept so equals the one found anew
    (tests/layout/test_routing_incremental.py holds it to that). After an
    edit that adds a line to a card, the layout says which boxes moved by one
    exact dy (``zones.Zone``): the routes among them are the last ones + dy
    (``_zoned``), told without comparing the ~18,000 boxes that moved."""

    def __init__(self) -> None:
        self._obstacles: Mapping[Any, Rect] = {}
        """The last call's obstacles by key (a card's id), then the others
        (``more``, known by their place in the list), and both as lists."""
        self._more: Sequence[Rect] = ()
        self._values: list[Rect] = []
        self._column = 0.0
        self._columns: _Columns | None = None
        """The last call's obstacles bucketed by column (``_columns``), kept up
        to date by the columns the changed obstacles left or joined."""
        self._routes: dict[_Key, tuple[list[Point], Rect | None]] = {}
        """The last call's routes by their ends, gap and pad, each with the
        region its obstacles were looked for in (None: none were)."""
        self._changed: _Columns | None = None
        """The boxes (old and new) of the obstacles that changed since the
        call before the last, bucketed; None: everything may have."""
        self.same_cards = False
        """Whether the last call's obstacles were those of the call before."""
        self.calls = 0
        self.drawn: dict[str, tuple[list[Point], str, str, object, Rect | None]] = {}
        """Each connection's route, kind, label, what was drawn from them and
        where its label was looked for (``connections.connections`` keeps its
        Items here), as of call ``drawn_at``."""
        self.drawn_at = -1
        self._last: tuple[tuple[float, float], list[tuple[Rect, Rect]], list[list[Point]]] | None
        self._last = None  # the last call's gap and pad, ends and routes
        self.marks: tuple[list[Item], list[Rect]] | None = None
        """The curve points' Items and their marks (``connections._kept_marks``)."""
        self.searched = 0
        """Routes looked for (not kept) since creation: for tests and benches."""
        self._extents: dict[int, tuple[float, float, bool]] = {}
        """Each column's largest left and smallest right edge, and whether a
        box object is in it twice, when asked (kept while the columns are
        taken from the last order: ``_set_columns``)."""
        self._low: dict[int, float] = {}
        """Each column's smallest height, when asked in this call."""
        self._patched = False
        """The columns were patched in place (``_update``) since the memo made
        them: the edges kept then may be of another list (``_set_columns``)."""
        self.shifted = 0
        """Routes taken from the last call's moved by their region's one exact
        dy (``_shifts``) since creation: for tests and benches."""
        self._searched: dict[_Key, tuple[Any, Any]] = {}
        """The keys of the last call's routes that a search found (not the
        plain route), with their ends' keys (when given: ``ends``)."""
        self._did_search = False
        self._pass: int | None = None
        """The layout pass of the last call (``Zone.now``; None: not told)."""
        self._marks_cols: tuple[Sequence[Rect], float, _Columns] | None = None
        self._memo, self._marks_memo = ColumnMemo(), ColumnMemo()
        """The columns of all obstacles, and of ``more``, made again from
        the last ones' order when the boxes only moved up or down
        (``route_columns``)."""
        self._plans: tuple[Sequence[Sequence[object]] | None, int] = (None, 0)
        """This call's ``zone.plans`` and how many obstacles they place."""
        self.zoned = 0
        """Routes taken from the last call's moved by a layout's ``Zone`` (``_zoned``)
        since creation: for tests and benches."""
        self.moved: dict[int, tuple[list[Point], list[Point], float]] = {}
        """This call's routes taken so (by their list's id): the route, the last
        call's it is moved from, and the dy (``connections`` moves their Items)."""

    def route_all(
        self,
        pairs: Sequence[tuple[Rect, Rect]],
        obstacles: Mapping[Any, Rect] | Sequence[Rect],
        gap: float,
        pad: float,
        column: float,
        more: Sequence[Rect] = (),
        ends: Sequence[tuple[Any, Any]] | None = None,
        zone: Zone | None = None,
    ) -> list[list[Point]]:
        """A route for each pair of boxes (each an obstacle's very box object,
        or a box of none) among ``obstacles`` and ``more``. A mapping's keys
        tell the router which obstacle is which from one call to the next (a
        sequence, and ``more``, by position); the router keeps both: they must
        not be changed afterwards. ``ends``: each pair's two keys in
        ``obstacles``, when known (a route whose region moved by one exact dy
        is then the last call's moved by it: ``_shifts``). ``zone``: what the
        layout says moved since the last call (``zones.Zone``; the routes of
        ends in it are then the last call's moved by its dy: ``_zoned``)."""
        if not isinstance(obstacles, Mapping):
            obstacles = dict(enumerate(obstacles))
        self.calls += 1
        self.moved = {}
        values = list(obstacles.values())
        changed = None
        told = self._pass is not None and zone is not None and zone.since == self._pass
        self._pass = None if zone is None else zone.now
        # (the layout's lanes' plans: the same ones, the same cards' x and w)
        self._plans = (None if zone is None else zone.plans, len(values))
        if not told or zone is None or zone.top is None or ends is None or not self._routes:
            zone = None  # (not told, or told nothing: the boxes compared)
        elif self._column != column or self._columns is None:
            zone = None
        elif zone.cards is not None and zone.cards <= len(values) // 4:
            # (few cards moved: the columns updated and the routes elsewhere
            # kept, as ``_update`` does, cost less than the columns and routes
            # made anew)
            zone = None
        if zone is None and self._columns is not None and self._column == column:
            changed = self._update(obstacles, values, more)
        old_columns = self._columns if self._column == column else None
        last_call = (self._obstacles, self._routes, self._searched)
        old_more = self._more
        if changed is None:
            self._set_columns([*values, *more], column)
            self._routes = {}
        self._obstacles, self._more, self._values = obstacles, more, values
        self._low = {}
        self._changed = changed
        self.same_cards = changed is not None and not changed[0]
        last = self._last
        if self.same_cards and last is not None and last[0] == (gap, pad) and last[1] == pairs:
            # the same obstacles and ends as the last call: its routes
            return list(last[2])
        zoned: dict[_Key, _Zoned] = {}
        if zone is not None and ends is not None:
            zoned = self._zoned(pairs, ends, last_call, (old_more, more), zone, gap, pad)
        shifts: dict[_Key, tuple[list[Point], Rect | None, Rect, Rect]] = {}
        if changed is None and ends is not None and old_columns is not None and last_call[2]:
            # (the columns made anew, of the same width: the old ones are the last call's;
            # the searched routes the zone moved not checked again)
            searched_left = last_call[2]
            if zoned:
                taken = {z[5] for z in zoned.values()}
                searched_left = {k: v for k, v in searched_left.items() if k not in taken}
            if searched_left:
                left = (last_call[0], last_call[1], searched_left, old_columns)
                shifts = self._shifts(obstacles, left, gap, pad, column)
        kept, out = self._routes, []
        routes: dict[_Key, tuple[list[Point], Rect | None]] = {}
        searched_before, searched = last_call[2], {}
        for n, (a, b) in enumerate(pairs):
            # (the boxes' values, hashed in C: a Rect's hash is a Python call)
            key = (a.x, a.y, a.w, a.h, b.x, b.y, b.w, b.h, gap, pad)
            found = routes.get(key)
            if found is None:
                self._did_search = key in searched_before
                found = was = kept.get(key)
                if (
                    found is not None
                    and found[1] is not None
                    and changed is not None
                    and changed[0]
                    and _any_near(changed, found[1], column)
                ):
                    found = None  # an obstacle in its region changed
                if found is None and zoned:
                    by_zone = zoned.get(key)
                    if by_zone is not None and by_zone[2] is a and by_zone[3] is b:
                        found = (by_zone[0], by_zone[1])
                        self.zoned += 1
                        self.moved[id(found[0])] = (found[0], *by_zone[6])
                        self._did_search = by_zone[4]
                if found is None and shifts:
                    shifted = shifts.get(key)
                    if shifted is not None and shifted[2] is a and shifted[3] is b:
                        found = (shifted[0], shifted[1])
                        self.shifted += 1
                        self._did_search = True
                if found is None:
                    found = self._route(a, b, gap, pad, column)
                    if was is not None and was[0] == found[0]:
                        # the same route found again: the same object (its
                        # connection's drawing is kept, the canvas passes over it)
                        found = (was[0], found[1])
                routes[key] = found
                if self._did_search and ends is not None:
                    searched[key] = ends[n]
            out.append(found[0])
        self._routes, self._searched = routes, searched
        self._last = ((gap, pad), list(pairs), out)
        return list(out)

    def _route(
        self, a: Rect, b: Rect, gap: float, pad: float, column: float
    ) -> tuple[list[Point], Rect | None]:
        """The route from ``a`` to ``b`` found anew, and the region whose
        obstacles it depends on (None: on none)."""
        self.searched += 1
        simple = plain_route(a, b, gap, pad)
        region = a.united(b).adjusted(-column, -column, column, column)
        cols = range(int(region.x // column), int(region.right // column) + 1)
        if len(cols) > MAX_COLUMNS:
            # A connection across much of the map: no search (it would cost
            # more than it helps); the plain route along the gutters.
            # (a long connection spans hundreds of columns on a wide map)
            return simple, None
        assert self._columns is not None
        buckets, tops, tallest = self._columns
        if self._crowded(cols, region):
            near = None  # (what ``_near`` says then, without listing 150 cards)
        else:
            near = _near(buckets, tops, tallest, cols, region, a, b)
        self._did_search = False
        if near is None or route_clear(simple, near):
            return simple, region
        found = _search(a, b, near, gap, pad)
        self._did_search = found is not None and found != simple
        return found or simple, region

    def _crowded(self, cols: range, region: Rect) -> bool:
        """Whether one of the columns alone holds more than MAX_OBSTACLES
        obstacles in ``region`` besides the two ends, counted by bisection: the
        cards whose top is strictly inside the region's height, in a column all
        of whose cards reach into the region's width (then ``_near`` would
        return None). False when unsure. A box object in a column twice (one
        box under two keys) is counted once there, as ``_near`` counts it."""
        assert self._columns is not None
        buckets, tops, _ = self._columns
        rx, ry, rr, rb = region.x, region.y, region.right, region.bottom
        least = MAX_OBSTACLES + 3  # (the two ends may be among them)
        for c in cols:
            ys = tops.get(c)
            if ys is None or len(ys) < least:
                continue
            lo, hi = bisect_right(ys, ry), bisect_left(ys, rb)
            if hi - lo < least:
                continue
            extent = self._extents.get(c)
            if extent is None:
                rs = buckets[c]
                # (C-level passes: the columns are made anew after a line added)
                xs = list(map(_get_x, rs))
                extent = self._extents[c] = (
                    max(xs),
                    min(map(operator.add, xs, map(_get_w, rs))),  # r.x + r.w
                    len(set(map(id, rs))) != len(rs),
                )
            # (every box whose top is strictly inside the height meets the
            # region; an object there twice is one obstacle to ``_near``)
            low = self._low.get(c)
            if low is None:
                low = self._low[c] = min(map(_get_h, buckets[c]))
            if (
                extent[0] < rr
                and extent[1] > rx
                and low >= 0
                and (not extent[2] or len(set(map(id, buckets[c][lo:hi]))) >= least)
            ):
                return True
        return False

    def _update(
        self, obstacles: Mapping[Any, Rect], now: list[Rect], more: Sequence[Rect]
    ) -> _Columns | None:
        """Bring the columns from the last call's obstacles to ``obstacles``
        (its values ``now``) and ``more``, and return the boxes that changed,
        old and new, bucketed likewise (empty: none changed); None when the
        columns are to be made anew."""
        before, before_more = self._obstacles, self._more
        same_more = more is before_more or _same_objects(more, before_more)
        if same_more and _same_objects(now, self._values):
            # (the very boxes in the same order, whatever their keys: the columns
            # hold them already; an edit that moved no card; compared in C)
            return ({}, {}, {})
        olds = list(map(before.get, obstacles))
        mask = list(map(operator.is_not, olds, now))  # (another object under the key)
        if _most_moved(olds, now, mask, len(now) + len(more)):
            return None
        moved: list[tuple[Rect | None, Rect | None]] = [
            (olds[i], now[i]) for i in itertools.compress(range(len(now)), mask)
        ]
        kept_keys = len(now) - sum(1 for old, _ in moved if old is None)
        if kept_keys != len(before):  # some keys went
            moved += [(r, None) for k, r in before.items() if k not in obstacles]
        if not same_more:
            if len(more) == len(before_more):
                moved += [(a, b) for a, b in zip(before_more, more, strict=True) if a is not b]
            else:
                moved += [(a, None) for a in before_more]
                moved += [(None, b) for b in more]
        if not moved:
            return ({}, {}, {})
        changed: list[Rect] = []
        for old, new in moved:
            if old is None:
                assert new is not None
                changed.append(new)
            elif new is None:
                changed.append(old)
            elif old != new:
                changed += (old, new)
        n = len(now) + len(more)
        if len(moved) > n // 8:
            return None if len(changed) > n // 2 else self._made_anew([*now, *more], changed)
        assert self._columns is not None
        self._patched = True
        for c in _update_columns(self._columns, moved, self._column):
            self._extents.pop(c, None)
        return _columns(changed, self._column)

    def _shifts(
        self,
        obstacles: Mapping[Any, Rect],
        last_call: tuple[
            Mapping[Any, Rect],
            dict[_Key, tuple[list[Point], Rect | None]],
            dict[_Key, tuple[Any, Any]],
            _Columns,
        ],
        gap: float,
        pad: float,
        column: float,
    ) -> dict[_Key, tuple[list[Point], Rect | None, Rect, Rect]]:
        """The last call's searched routes moved by one exact ``dy``, by their
        new keys, where that is the route a search finds now: a lane above
        grew, and every box below moved by the same dy (``stack.up`` puts the
        heights on a grid, so the sums are exact). A route is a function of its
        two ends and of the obstacles in its region (``_near``) and of sums,
        differences and comparisons of their values and of ``gap / 2``,
        ``pad / 2``, ``min(pad, gap) / 2``, 0.5 and ``column``; with all of
        them multiples of half the grid's step below ``FAR`` every such sum is exact, so ends
        and obstacles moved by dy give the same grid, costs, heap order and
        path, each point moved by dy. Taken when both ends are the last call's
        boxes moved by dy and the boxes in the region now (the columns made
        anew) are those in its old region (the last call's columns), each
        moved by dy, all on the grid. Only routes that a search found (the
        last call's ``_searched``: checking a plain route again costs less than
        this check), looked up by their ends' keys.
        tests/layout/test_route_shift.py holds it to a fresh router."""
        before, kept, searched, old_columns = last_call
        assert self._columns is not None
        new_columns = self._columns
        out: dict[_Key, tuple[list[Point], Rect | None, Rect, Rect]] = {}
        if not _on_grid((gap / 2, pad / 2, min(pad, gap) / 2, column)):
            return out
        get, at = before.get, obstacles.get
        for old_key, (ka, kb) in searched.items():
            oa, ob, a, b = get(ka), get(kb), at(ka), at(kb)
            if oa is None or ob is None or a is None or b is None:
                continue
            if old_key != (oa.x, oa.y, oa.w, oa.h, ob.x, ob.y, ob.w, ob.h, gap, pad):
                continue
            dy = a.y - oa.y
            if b.y - ob.y != dy or (a.x, a.w, a.h, b.x, b.w, b.h) != (
                oa.x,
                oa.w,
                oa.h,
                ob.x,
                ob.w,
                ob.h,
            ):
                continue
            found = kept.get(old_key)  # (there unless the last call failed half way)
            if found is None:
                continue
            route, region = found
            if region is None or not _on_grid((dy, region.y, region.h)):
                continue
            moved = Rect(region.x, region.y + dy, region.w, region.h)
            old = _boxes_in(old_columns, region, column)
            new = _boxes_in(new_columns, moved, column)
            if old is None or new is None or len(old) != len(new):
                continue
            if not _on_grid(v for r in old for v in (r.y, r.h)):
                continue
            shifted = sorted((r.x, r.y + dy, r.w, r.h) for r in old)
            if shifted == sorted((r.x, r.y, r.w, r.h) for r in new):
                key = (a.x, a.y, a.w, a.h, b.x, b.y, b.w, b.h, gap, pad)
                out[key] = ([(p[0], p[1] + dy) for p in route], moved, a, b)
        return out

    def _zoned(
        self,
        pairs: Sequence[tuple[Rect, Rect]],
        ends: Sequence[tuple[Any, Any]],
        last_call: tuple[
            Mapping[Any, Rect],
            dict[_Key, tuple[list[Point], Rect | None]],
            dict[_Key, tuple[Any, Any]],
        ],
        marks: tuple[Sequence[Rect], Sequence[Rect]],
        zone: Zone,
        gap: float,
        pad: float,
    ) -> dict[_Key, _Zoned]:
        """The last call's routes moved by the ``zone``'s dy, by their new keys,
        where that is the route ``_route`` finds now, told without looking at
        any obstacle but the ends, the ``zone``'s exceptions and the ``more``
        (``marks``: the last call's and this one's): a lane above grew, and
        the layout says which boxes moved (``zones.Zone``). A pair's route is
        taken when its two ends are not exceptions and are exactly the last
        call's boxes (under the same keys) + dy, and that call's route for
        them (found under their old boxes' key) is

        - a plain route of far ends (no region): ``_route`` looked at no
          obstacle, only at the columns the ends' x span (not moved), and
          ``plain_route`` is translation-exact on the grid (below);
        - or one with a region at or below the zone's top (``region.y >=
          top``) that meets no exception's box and no mark, old in the old
          region or new in the region + dy. The obstacles that met the old
          region were then cards of the zone (a card outside it ended at or
          above ``top``), and those meeting the region + dy now are the same
          cards, each + dy (outside the zone a card ends at or above
          ``top + dy`` now; a zone card meets the moved region iff it met the
          old: the same comparisons of sums moved by dy, exact on the grid).
          ``_route``'s answer depends on the obstacles meeting its region
          alone (``_crowded`` says True only where ``_near`` says None, and
          ``_search`` is the same for any order of them), so it finds the
          old route + dy, the region + dy.

        Exactness: every sum, difference and comparison in ``plain_route``,
        the region, ``_near`` and ``_search`` (``_shifts``' docstring) is of
        the boxes' y and h, ``dy``, ``gap / 2``, ``pad / 2``,
        ``min(pad, gap) / 2``, 0.5 and ``column``: all multiples of half the
        grid's step below ``FAR`` (the ends, the region and these checked
        here; the zone's cards by the layout: ``zones.zone``), so each is
        exact and moving every y by dy moves every y computed by dy and
        leaves every x, difference and comparison as it was.
        tests/layout/test_route_shift.py holds it to a fresh router."""
        before, kept, searched = last_call
        out: dict[_Key, _Zoned] = {}
        top, dy, exceptions, column = zone.top, zone.dy, zone.exceptions, self._column
        if top is None or not _on_grid((dy, top, gap / 2, pad / 2, min(pad, gap) / 2, column)):
            return out
        # (each with the top of its highest box and the bottom of its lowest:
        # a region outside them meets none, told without a walk of its columns)
        old_blocks: list[tuple[_Columns, float, float]] = []
        new_blocks: list[tuple[_Columns, float, float]] = []
        if marks[0]:
            old_blocks.append((self._marks_columns(marks[0], column), *_y_span(marks[0])))
        if marks[1]:
            new_blocks.append((self._marks_columns(marks[1], column), *_y_span(marks[1])))
        if exceptions:
            # (an exception whose box moved as the zone's did is one of its cards)
            now = self._obstacles
            exceptions = frozenset(
                k for k in exceptions if not _moved_by(before.get(k), now.get(k), top, dy)
            )
            olds = [r for r in map(before.get, exceptions) if r is not None]
            nows = [r for r in map(now.get, exceptions) if r is not None]
            if olds:
                old_blocks.append((_columns(olds, column), *_y_span(olds)))
            if nows:
                new_blocks.append((_columns(nows, column), *_y_span(nows)))
        get, steps = before.get, _HALF_STEPS
        for (a, b), (ka, kb) in zip(pairs, ends, strict=True):
            oa, ob = get(ka), get(kb)
            if oa is None or ob is None or ka in exceptions or kb in exceptions:
                continue
            if a.y != oa.y + dy or b.y != ob.y + dy:
                continue
            if (a.x, a.w, a.h, b.x, b.w, b.h) != (oa.x, oa.w, oa.h, ob.x, ob.w, ob.h):
                continue
            old_key = (oa.x, oa.y, oa.w, oa.h, ob.x, ob.y, ob.w, ob.h, gap, pad)
            found = kept.get(old_key)
            if found is None:
                continue
            # (``_on_grid`` of the four, written out: ~800 routes an edit)
            if not (
                (oa.y * steps).is_integer()
                and (oa.h * steps).is_integer()
                and (ob.y * steps).is_integer()
                and (ob.h * steps).is_integer()
                and -FAR < oa.y < FAR
                and -FAR < ob.y < FAR
                and -FAR < oa.h < FAR
                and -FAR < ob.h < FAR
            ):
                continue
            route, region = found
            moved = None
            if region is not None:
                if region.y < top or not _on_grid((region.y, region.h)):
                    continue
                moved = Rect(region.x, region.y + dy, region.w, region.h)
                if any(_meets(c, region, column) for c in old_blocks) or any(
                    _meets(c, moved, column) for c in new_blocks
                ):
                    continue
            key = (a.x, a.y, a.w, a.h, b.x, b.y, b.w, b.h, gap, pad)
            shifted = [(p[0], p[1] + dy) for p in route]
            out[key] = (shifted, moved, a, b, old_key in searched, old_key, (route, dy))
        return out

    def warm(self) -> None:
        """Idle after an open: what the next call after an edit adding a line
        reads of this one's made now (its columns' order, its marks bucketed)."""
        self._memo.warm()
        if self._more and self._column:
            self._marks_columns(self._more, self._column)
        self._marks_memo.warm()

    def _marks_columns(self, marks: Sequence[Rect], column: float) -> _Columns:
        """``more`` bucketed (``_columns``), kept for the same list object."""
        found = self._marks_cols
        if found is None or found[0] is not marks or found[1] != column:
            found = (marks, column, self._marks_memo.columns(list(marks), column))
            self._marks_cols = found
        return found[2]

    def _made_anew(self, now: list[Rect], changed: list[Rect]) -> _Columns:
        """Many obstacles moved (a lane above grew): the columns made anew (cheaper
        than updating them), the routes kept where none of them changed."""
        self._set_columns(now, self._column)
        return _columns(changed, self._column)

    def _set_columns(self, boxes: list[Rect], column: float) -> None:
        """The columns of ``boxes`` (``ColumnMemo``); their edges (``_extents``)
        kept when the memo took the order of its last list, the columns as it
        made them: every box has that list's x and w at its place, none twice."""
        kept = self._memo.kept
        self._columns = self._memo.columns(boxes, column, self._plans)
        if self._memo.kept == kept or self._patched or column != self._column:
            self._extents = {}
        self._column, self._patched = column, False

    def changed_in(self, rect: Rect) -> bool:
        """Whether an obstacle that changed in the last call (its old or new box)
        overlaps ``rect``."""
        changed = self._changed
        return changed is None or (bool(changed[0]) and _any_near(changed, rect, self._column))

    def blocked(self, rect: Rect) -> bool:
        """Whether any of the last call's obstacles overlaps ``rect`` (the same
        test as ``rect.intersects`` against each of them)."""
        assert self._columns is not None
        return _any_near(self._columns, rect, self._column)


_Key = tuple[float, float, float, float, float, float, float, float, float, float]
_Columns = route_columns._Columns
_Zoned = tuple[list[Point], Rect | None, Rect, Rect, bool, _Key, tuple[list[Point], float]]
"""A route moved by a zone's dy, its region, its two ends now, whether a
search found it, its old key, and the old route with the dy (``Router._zoned``)."""


def _most_moved(olds: list[Rect | None], now: list[Rect], mask: list[bool], n: int) -> bool:
    """Whether ``Router._update`` would surely find the columns and routes to
    be made anew (more than ``n // 8`` obstacles moved and more than ``n // 2``
    boxes changed), told in C before it lists the changes one by one: an edit
    that adds a line to a card moves every card below it (~18,000 at 20,000
    cards), and listing them, counting their objects and comparing their boxes
    in Python only to learn that cost ~50 ms. Counts only the kept keys whose
    box is another object with other values (compared as ``Rect.__eq__``
    compares them: the tuples of their fields; each such change is two changed
    boxes, old and new), so it says True only when ``_update`` would return
    None; False when unsure (a key new since the last call). ``mask``: which
    of ``now`` are not the objects of ``olds``."""
    if sum(mask) <= n // 8:
        return False
    old_moved = list(itertools.compress(olds, mask))
    if any(map(operator.is_, old_moved, itertools.repeat(None))):
        return False
    fields = operator.attrgetter("x", "y", "w", "h")
    differ: int = sum(
        map(operator.ne, map(fields, old_moved), map(fields, itertools.compress(now, mask)))
    )
    return 2 * differ > n // 2


def _y_span(boxes: Sequence[Rect]) -> tuple[float, float]:
    """The smallest top and the largest bottom (``y + h``) of ``boxes`` (not
    empty): a rectangle whose bottom is at most the one or whose top is at
    least the other overlaps none of them (``_any_near``'s test)."""
    ys = list(map(_get_y, boxes))
    return min(ys), max(map(operator.add, ys, map(_get_h, boxes)))


def _meets(block: tuple[_Columns, float, float], rect: Rect, column: float) -> bool:
    """``_any_near`` of a block's columns, told without a walk of them when
    ``rect`` lies wholly above or below its boxes (``_y_span``)."""
    columns, lo, hi = block
    return lo < rect.y + rect.h and rect.y < hi and _any_near(columns, rect, column)


def _moved_by(old: Rect | None, new: Rect | None, top: float, dy: float) -> bool:
    """Whether ``new`` is exactly ``old`` + ``dy``, ``old`` at or below ``top``,
    on the grid."""
    return (
        old is not None
        and new is not None
        and old.y >= top
        and new.y == old.y + dy
        and (new.x, new.w, new.h) == (old.x, old.w, old.h)
        and _on_grid((old.y, old.h))
    )


def _on_grid(values: Iterable[float]) -> bool:
    """Whether every value is a multiple of half the grid's step (``stack.GRID``:
    a box's middle) below ``stack.FAR`` in size (their sums and differences,
    of a few terms, are then exact)."""
    return all(float(v * _HALF_STEPS).is_integer() and abs(v) < FAR for v in values)


_HALF_STEPS = 2 * GRID


def _same_objects(a: Sequence[Rect], b: Sequence[Rect]) -> bool:
    """The same box objects in the same order (an equal new box is not: the
    columns must hold the very objects the connections' ends are)."""
    return len(a) == len(b) and not any(map(operator.is_not, a, b))


def _update_columns(
    columns: _Columns, moved: list[tuple[Rect | None, Rect | None]], column: float
) -> set[int]:
    """``columns`` (in place) with each ``(old, new)`` box of ``moved``
    replaced: the old box object (None: none) out of the columns it touched,
    the new one (None: none) into those it touches; only those columns (which
    it returns) are sorted again. The columns then hold what ``_columns`` makes of the
    obstacles now, the same box objects (``_near`` tells a connection's ends
    from the others by identity)."""
    buckets, tops, tallest = columns
    gone: dict[int, dict[int, int]] = {}
    came: dict[int, list[Rect]] = {}
    for old, new in moved:
        if old is not None:
            for c in range(int(old.x // column), int((old.x + old.w) // column) + 1):
                ids = gone.setdefault(c, {})
                ids[id(old)] = ids.get(id(old), 0) + 1
        if new is not None:
            for c in range(int(new.x // column), int((new.x + new.w) // column) + 1):
                came.setdefault(c, []).append(new)
    by_top, height = operator.attrgetter("y"), operator.attrgetter("h")
    touched = gone.keys() | came.keys()
    for c in touched:
        rs = buckets.get(c, [])
        ids = gone.get(c, {})
        if ids:
            kept = [r for r in rs if id(r) not in ids]
            if len(rs) - len(kept) != sum(ids.values()):  # one object twice: count
                kept = []
                for r in rs:
                    n = ids.get(id(r), 0)
                    if n:
                        ids[id(r)] = n - 1
                    else:
                        kept.append(r)
            rs = kept
        else:
            rs = list(rs)
        rs += came.get(c, ())
        if not rs:
            buckets.pop(c, None)
            tops.pop(c, None)
            tallest.pop(c, None)
            continue
        rs.sort(key=by_top)
        buckets[c] = rs
        tops[c] = list(map(by_top, rs))
        tallest[c] = max(map(height, rs))
    return touched


def _near(
    buckets: dict[int, list[Rect]],
    tops: dict[int, list[float]],
    tallest: dict[int, float],
    cols: range,
    region: Rect,
    a: Rect,
    b: Rect,
) -> list[Rect] | None:
    """The cards in ``region`` but the two ends; None past MAX_OBSTACLES (then
    the search is skipped and the plain route drawn, so they need not be listed:
    the cost of a connection stays bounded however big the map)."""
    found: dict[int, Rect] = {}
    # ``r.intersects(region)`` written out (the same comparisons of the same sums):
    # dense maps test ~150 cards for each connection.
    rx, ry, rr, rb = region.x, region.y, region.right, region.bottom
    for c in cols:
        rs = buckets.get(c)
        if not rs:
            continue
        ys = tops[c]
        lo = bisect_left(ys, ry - tallest[c])
        hi = bisect_left(ys, rb)
        for r in rs[lo:hi]:
            if (
                r is not a
                and r is not b
                and not (rx >= r.x + r.w or rr <= r.x or ry >= r.y + r.h or rb <= r.y)
            ):
                found[id(r)] = r
                if len(found) > MAX_OBSTACLES:
                    return None
    return list(found.values())


def route(
    a: Rect, b: Rect, cards: Sequence[Rect], gap: float, pad: float, column: float
) -> list[Point]:
    """A route from card ``a`` to card ``b`` avoiding ``cards`` (which may include both)."""
    return Router().route_all([(a, b)], cards, gap, pad, column)[0]


MAX_COLUMNS = 10
"""Connections whose ends are further apart than this many columns take the plain route."""
