"""The curve lanes of a map's layout, kept from one layout to the next.

On a wide map the curve lane lies below the cards' lanes: an edit that adds a
line to a card above moves it, and nothing else about it. Placing its 1,800
points' words again took most of such an edit (round 8: the words are placed
as if the lane's top were at 0 and kept), and making its Items, the router's
marks and the canvas's items again at the new top took ~20 ms more.

So a curve lane whose key (size, place across, steps, language, personas,
curves: ``CurveLanes.lane``) is as before keeps its words' places and its
curves' plans (``curves.CurvePlan``: a copy of what the drawing reads), and
when only its top moved its Items are made when first read: the layout's slots
hold the last Items (their kind and element are right, their bounds are not)
and ``MapLayout.items`` puts the lane's new Items there on its first read, as
it does for the cards of lanes that only moved (layout/unsettled.py). The
canvas moves the lane's items with a band and asks for the Items of those it
paints (``CurveLanes.item``). The router's marks of a lane (``marks``) are made
from the plans at the new top without making an Item: the same sums as
``connections.emotion_marks`` makes from the Items, with each word's ink
measured once per placement of the words.

Everything here is made from the plans, the words and the top, never from the
model, so a layout read after the model changed is still the one it was made
from; and a lane drawn anew, moved or settled gives the same Items as a fresh
layout (tests/layout/test_curve_lane_moved.py holds it to that).
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from journeydesk.model.project import EmotionCurve

from . import curves as curves_
from .context import LayoutContext
from .fonts import metrics
from .primitives import Item, Overflow, Rect
from .theme import Theme

PAD = 2.0
"""How far the router keeps clear of a point and of its word's ink
(``connections.emotion_marks``'s ``pad``)."""


class Drawn:
    """A curve lane's curves and points as drawn at one top: their Items,
    made when first read (all, ``items``, or one, ``item``), and the router's
    marks there. ``stale``: what a layout's slots hold until then (the Items of
    the lane's last top; None: the Items are made now)."""

    __slots__ = (
        "_at", "_items", "_marks", "lane", "lazy", "plans", "shared", "stale", "tail", "theme",
    )  # fmt: skip

    def __init__(
        self,
        theme: Theme,
        plans: list[curves_.CurvePlan],
        shared: Placed,
        lane: Rect,
        lazy: bool,
        stale: list[Item] | None,
    ) -> None:
        self.theme = theme
        self.plans = plans
        self.shared = shared
        self.lane = lane
        self.lazy = lazy
        self.stale = stale
        self._items: list[Item | None] = [None] * len(stale) if stale is not None else []
        self._at: dict[str, int] | None = None
        self._marks: list[Rect] | None = None
        self.tail: list[Item] | None = None
        """The lane's key of colours (``curves.curve_key``), when made."""
        if stale is None:
            x0 = shared.x0
            for plan in plans:
                self._items += curves_.curve_items(theme, plan, lane, x0, shared.words, lazy)

    @property
    def top(self) -> float:
        return self.lane.y

    def slots(self) -> list[Item]:
        """What a layout's slots of the lane hold now: its Items when all
        made, else the last top's (its kind and element are right)."""
        return self.stale if self.stale is not None else self._items  # type: ignore[return-value]

    def items(self) -> list[Item]:
        """Every Item at this top (made now if they were not)."""
        if self.stale is not None:
            made = self._items
            for n, item in enumerate(made):
                if item is None:
                    made[n] = self._make(n)
            self.stale = None
        return self._items  # type: ignore[return-value]

    def item(self, element: str) -> Item | None:
        """The Item of the curve or point ``element`` at this top (made now if
        it was not); None: not one of this lane's."""
        at = self._at
        if at is None:
            at = self._at = {}
            n = 0
            for plan in self.plans:
                at[plan[0]] = n
                n += 1
                for _x, _score, pid in plan[5]:
                    at[pid] = n
                    n += 1
        n_at = at.get(element)
        if n_at is None:
            return None
        found = self._items[n_at]
        if found is None:
            found = self._items[n_at] = self._make(n_at)
        return found

    def _make(self, n: int) -> Item:
        for plan in self.plans:
            if n == 0:
                return curves_.line_item(self.theme, plan, self.lane, self.shared.x0, self.lazy)
            pts = plan[5]
            if n <= len(pts):
                x, score, pid = pts[n - 1]
                return curves_.point_item(
                    self.theme, plan, x, score, pid, self.lane, self.shared.words, self.lazy
                )
            n -= 1 + len(pts)
        raise IndexError(n)

    def marks(self) -> list[Rect]:
        """The lane's points and words as ``connections.emotion_marks`` boxes
        them, in the same order, from the plans (no Item made): the same sums
        (``Placed.marks_at_0``: what does not depend on the top)."""
        found = self._marks
        if found is None:
            found = self._marks = []
            append, new = found.append, Rect
            top, r = self.lane.y, self.theme.point_radius
            for x, base, side, word in self.shared.marks_at_0(self.plans, self.lane.h):
                # (``Rect(x - r, y - r, 2r, 2r).adjusted(-PAD, -PAD, PAD, PAD)``,
                # y = ``curves.to_y``: the base, then the top)
                append(new(x, base + top - r + -PAD, side, side))
                if word is not None:
                    append(new(word[0], word[1] + top - PAD, word[2], word[3]))
        return found


Mark = tuple[float, float, float, tuple[float, float, float, float] | None]
"""A point's marks less its lane's top (``Placed.marks_at_0``)."""


class Placed:
    """A curve lane's words' places (from a top at 0) and what was placed
    with them: the key they were placed for, the overflows, the left edge of
    the steps; and each word's ink (measured when the marks first need it)."""

    __slots__ = ("_at_0", "_ink", "key", "overflows", "theme", "words", "x0")

    def __init__(
        self,
        key: object,
        words: dict[str, tuple[str, Rect]],
        overflows: list[Overflow],
        theme: Theme,
        x0: float,
    ) -> None:
        self.key = key
        self.words = words
        self.overflows = overflows
        self.theme = theme
        self.x0 = x0
        self._ink: dict[str, tuple[float, float, float, float]] | None = None
        self._at_0: list[Mark] | None = None

    def marks_at_0(self, plans: list[curves_.CurvePlan], h: float) -> list[Mark]:
        """The parts of each point's marks that do not depend on the lane's
        top (the lane ``h`` tall; its plans are the ones placed with its words):
        the point's mark's x, y less the top (``curves.to_y``'s base) and side,
        and its word's mark's x, y less the top, width and height (None: no
        word placed)."""
        found = self._at_0
        if found is None:
            found = self._at_0 = []
            r, ink = self.theme.point_radius, self.ink()
            side = 2 * r - -PAD + PAD
            for plan in plans:
                lo, hi = plan[3], plan[4]
                for x, score, pid in plan[5]:
                    base = 14 + (hi - score) / (hi - lo) * (h - 28)
                    word = ink.get(pid)
                    if word is not None:
                        wx, wy, w, wh = word
                        word = (wx - PAD, wy, w + 2 * PAD, wh + 2 * PAD)
                    found.append((x - r + -PAD, base, side, word))
        return found

    def ink(self) -> dict[str, tuple[float, float, float, float]]:
        """Each placed word's ink as ``connections.emotion_marks`` measures it:
        x, y from the lane's top, width and height (``curves.word_text``)."""
        found = self._ink
        if found is None:
            t = self.theme
            size, cw = t.curve_label_size, t.column_width
            width = metrics(t.italic).width
            h = size * t.leading  # its one line's height
            found = self._ink = {}
            for pid, (txt, spot) in self.words.items():
                w = width(txt, size)
                x = spot.x + spot.w / 2 - cw / 2 + 4  # the Text's x
                x += (cw - 8 - w) / 2  # centred in its width
                found[pid] = (x, spot.y, w, h)
        return found


class CurveLanes:
    """The layouter's curve lanes: each one's words' places and plans, and its
    Items as drawn at its last top (``Drawn``), kept from one layout to the
    next while its key stays the same."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[Placed, list[curves_.CurvePlan], Drawn]] = {}
        self._pass: dict[str, tuple[Placed, list[curves_.CurvePlan], Drawn]] = {}
        self._pending: list[tuple[int, Drawn]] = []
        """This pass's lanes whose Items are made when read: each one's first
        slot in the layout's items (before the background went first) and its
        ``Drawn``."""
        self._kept: list[tuple[int, int, str]] = []  # (start, count, lane id): ``kept``
        self._marks: tuple[list[Drawn], list[Rect]] = ([], [])
        self.kept: list[tuple[int, int, str]] = []
        """The last layout's lanes drawn from the plans of the layout before
        (kept where they were, or only moved: their Items then made when
        read): each one's curves' and points' slots in its items (start, end)
        and its lane id. The canvas passes over them (canvas/scene.py)."""
        self.made = 0
        """Lanes whose Items were made at a new top when laid out (for tests)."""

    def clear(self) -> None:
        """Nothing kept (another theme)."""
        self._last, self._pass, self._pending, self._kept = {}, {}, [], []
        self._marks = ([], [])

    def begin(self) -> None:
        self._pass, self._pending, self._kept, self.kept = {}, [], [], []

    def end(self, done: bool) -> None:
        """The pass is over: its lanes are the ones kept (none if it failed)."""
        self._last = self._pass if done else {}
        self._pass = {}
        if not done:
            self._pending, self._kept, self.kept = [], [], []

    def lane(
        self,
        theme: Theme,
        ctx: LayoutContext,
        lane_id: str,
        curves: list[EmotionCurve],
        rect: Rect,
        step_index: dict[str, int],
        x0: float,
        steps: tuple[str, ...],
        lazy: bool,
    ) -> None:
        """A curve lane's curves, points, words and key. Its words' places and
        plans are kept while the lane's size and place across, the steps, the
        words' language, the personas' names and the curves' values stay as
        they were (placing 1,800 points' words took most of an edit on a wide
        map): the words are placed in the lane as if its top were at 0, and
        moved to its top (``curves.curve_items``), so a lane that only moved
        keeps them; its Items are kept while its top stays too, and made when
        first read when only the top moved (``Drawn``)."""
        key = (
            rect.x,
            rect.w,
            rect.h,
            x0,
            steps,
            ctx.language,
            tuple((p.id, p.name) for p in ctx.project.personas),
            [
                (
                    tuple(c.__dict__.values()),
                    (c.scale.min, c.scale.max, tuple((s.value, s.label) for s in c.scale.labels)),
                    [tuple(p.__dict__.values()) for p in c.points],
                )
                for c in curves
            ],
        )
        found = self._last.get(lane_id)
        if found is None or found[0].key != key:
            overflows_at = len(ctx.overflows)
            # Every curve's words placed at once, so none lands on another
            # word, a point or a line of any curve in the lane.
            at_0 = Rect(rect.x, 0.0, rect.w, rect.h)
            words = curves_.emotion_words(theme, ctx, curves, at_0, step_index, x0)
            placed = Placed(key, words, ctx.overflows[overflows_at:], theme, x0)
            plans = [curves_.curve_plan(theme, c, k, step_index, x0) for k, c in enumerate(curves)]
            drawn = Drawn(theme, plans, placed, rect, lazy, None)
            self.made += 1
        else:
            placed, plans, drawn = found
            ctx.overflows.extend(placed.overflows)
            if drawn.lane != rect or drawn.lazy != lazy:
                # (only moved: the last top's Items hold the slots until read)
                drawn = Drawn(theme, plans, placed, rect, lazy, drawn.slots())
            self._kept.append((len(ctx.items), len(drawn.slots()), lane_id))
        if drawn.stale is not None:
            self._pending.append((len(ctx.items), drawn))
        ctx.items.extend(drawn.slots())
        if drawn.tail is None:
            at = len(ctx.items)
            curves_.curve_key(theme, ctx, curves, rect)
            drawn.tail = ctx.items[at:]
        else:
            ctx.items.extend(drawn.tail)
        self._pass[lane_id] = (placed, plans, drawn)

    def marks(self, last: bool = False) -> list[Rect]:
        """The router's marks of this pass's lanes (``connections.emotion_marks``
        of their points, in their order): the same list while the lanes are
        drawn at the same tops (the router keeps what it made of it).
        ``last``: of the last layout's lanes (after its pass)."""
        drawn = [lane[2] for lane in (self._last if last else self._pass).values()]
        found = self._marks
        if len(drawn) != len(found[0]) or any(map(operator.is_not, drawn, found[0])):
            out: list[Rect] = []
            for lane in drawn:
                out += lane.marks()
            self._marks = found = (drawn, out)
        return found[1]

    def placed(self, items: list[Item], shift: int) -> Callable[[], None] | None:
        """This pass's layout's ``items`` are made (its first ``shift`` items
        went in before the lanes' slots): what puts the lanes only moved in
        their places in it when first read (None: nothing to do)."""
        pending = [(start + shift, drawn) for start, drawn in self._pending]
        self.kept = [(start + shift, start + shift + n, lane) for start, n, lane in self._kept]
        self._pending, self._kept = [], []
        if not pending:
            return None

        def settle() -> None:
            for start, drawn in pending:
                made = drawn.items()
                items[start : start + len(made)] = made

        return settle

    def item(self, element: str) -> Item | None:
        """The Item of a curve or point in the last layout (made now if it
        was not); None: not drawn there."""
        for _placed, _plans, drawn in self._last.values():
            found = drawn.item(element)
            if found is not None:
                return found
        return None


def both(
    first: Callable[[], None] | None, second: Callable[[], None] | None
) -> Callable[[], None] | None:
    """One callable doing what both do (either may be None)."""
    if first is None or second is None:
        return first or second

    def run() -> None:
        first()
        second()

    return run
