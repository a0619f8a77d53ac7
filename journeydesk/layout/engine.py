"""Model → drawing: the one layout of a map, used by the canvas and every export.

``MapLayouter`` measures cards with the bundled font and caches each card's
measure by its content and width, so after a change only the changed cards
are measured again; positions are then a cheap pass over the map (the
editor's incremental path). Each card's ``Item`` is kept too, by card id with
everything it is drawn from: an edit hands the canvas the very same ``Item``
object for every card it did not touch, so the scene skips those at once
(``tests/layout/test_incremental.py`` checks the result against a fresh layout
after random edits). ``layout_map`` is the one-shot form.
"""

from __future__ import annotations

import functools
import weakref

from journeydesk.io.heap import gc_paused
from journeydesk.model.project import Card, JourneyMap, Lane, Project

from . import cells, chrome, connections, marks, routing
from . import lanes as lanes_
from .card_face import LINK_COLOUR, CardFace, card_primitives
from .card_face import badge_count as _badge_count
from .card_face import comment_counts as _comment_counts
from .card_face import drawn_alike as _alike
from .cells import card_state as _card_state
from .cells import renumbered as _renumbered
from .context import CardMeasure, LayoutContext, LayoutHint, LayoutOptions
from .curvelane import CurveLanes, both
from .fonts import Face
from .mapcards import MapCards
from .primitives import (
    Box,
    Item,
    Line,
    MapLayout,
    Overflow,
    Primitive,
    Rect,
)
from .stack import DrawnCard, PlacedLane, Slot, moved_lane, stack, up
from .text import line_count
from .theme import (
    DEFAULT_THEME,
    Z_BACKGROUND,
    Z_CARD,
    Z_GRID,
    Theme,
)
from .unsettled import Unsettled
from .vocabulary import Vocabulary


class MapLayouter:
    """Lays out maps, remembering card measures between calls."""

    def __init__(self, theme: Theme = DEFAULT_THEME) -> None:
        self._theme = theme
        self._measures: dict[tuple[object, ...], CardMeasure] = {}
        self._card_items: dict[str, DrawnCard] = {}
        """Each card's Item of the last layout, by card id, with the card's
        state (``_card_state``) and box it was drawn from, and the overflows
        (text cut) it reported: a change to one card
        draws that card (and the ones it pushed) again, not the map, and the
        others keep their very Item object (the canvas skips those at once)."""
        self._drawn_with: tuple[object, ...] = ()
        """What every card's drawing shares (language, vocabulary entries): when
        it changes, no card's Item is kept."""
        self._lanes: dict[str, PlacedLane] = {}
        """Each lane's placed cards of the last layout, by lane id, with the key
        they were placed from (its top, the steps, its cards' states)."""
        self._pass_lanes: dict[str, PlacedLane] = {}
        self._curve_lanes = CurveLanes()  # (curvelane.py: kept from one layout to the next)
        self._header_items: tuple[object, list[Item], list[Overflow], float] | None = None
        """The headers' key, Items, overflows and bottom of the last layout."""
        self._pass_states: dict[str, tuple[object, ...]] = {}
        self._pass_measures: dict[str, CardMeasure] = {}
        """The card states and measures this layout pass found while placing
        cards (by card id)."""
        self._steps: tuple[str, ...] = ()
        self._token: tuple[object, ...] | None = None
        """The last layout's model token (``LayoutHint.now``) with (the ids of) the
        project, map, options, theme and language it was made from; None: unknown."""
        self._hint: frozenset[str] | None = None  # this pass's hinted card ids
        self._replaced: list[Card] = []  # its cards in lanes placed anew (when hinted)
        self._moved: list[PlacedLane] = []  # its lanes only moved (when hinted)
        self._order: tuple[list[Item], dict[str, int], dict[int, tuple[Overflow, ...]]]
        self._order = ([], {}, {})
        """The last layout's card Items in the map's order, each card's place
        in that list, and the overflows of the places that have some: a hinted
        layout replaces only the re-placed lanes' cards in a copy."""
        self._cut_flat: list[Overflow] | None = None  # the overflows of _order, in order
        self._router = routing.Router()
        self._map_cards = MapCards()  # the cards by lane, kept across hinted passes
        self.measured = 0
        self.hinted = 0
        self.passes = 0  # layouts made
        self.shifted = 0  # cards of lanes only moved (their Items: unsettled.py)
        self.celled = 0  # lanes placed again from their last plan (cells.replace_cells)
        self.kept_cards: tuple[int, int, list[Item], list[PlacedLane]] | None = None
        """Hinted: its cards' place (start, end), the new ones, the lanes only moved."""
        self._unsettled: Unsettled | None = None  # the last layout's (unsettled.py)
        self._inherited: set[int] = set()  # the lanes (by object) unsettled before this pass
        """Layouts that used a hint (``LayoutHint``): for tests."""
        self.lazy = True
        """Cards' primitives made on first use (False: as each card is laid
        out; for tests comparing the two)."""
        """Cards measured (not found in the cache) since creation: for tests and benches."""

    def warm(self, jmap: JourneyMap) -> bool:
        """Idle after an open: what the first hinted layout of ``jmap`` would
        make first is made now (its cards by lane, ``MapCards.remember``; what
        the router reads of its last call, ``Router.warm``), if ``jmap`` was
        the last map laid out. True when the cards by lane were made."""
        walked = getattr(self, "_walked", None)
        if walked is None or walked[0] is not jmap or self._token is None:
            return False
        self._router.warm()
        return self._map_cards.remember(jmap, walked[1], walked[2])

    def placed_lanes(self) -> list[PlacedLane]:
        """The lanes of cards as the last layout placed them."""
        return list(self._lanes.values())

    @property
    def theme(self) -> Theme:
        return self._theme

    @theme.setter
    def theme(self, theme: Theme) -> None:
        """Another theme: nothing measured or drawn with the old one is kept."""
        self._theme = theme
        self._measures.clear()
        self._card_items.clear()
        self._token = None
        self._lanes.clear()
        self._curve_lanes.clear()
        self._header_items = None
        self._router = routing.Router()
        if self._unsettled is not None:  # (its layout settles on its own)
            self._unsettled.detach()
        self._unsettled = None

    # --- card measures -------------------------------------------------

    def measure(
        self, card: Card, width: float, comments: int = 0, image_aspect: float = 0.0
    ) -> CardMeasure:
        """``image_aspect`` is the card image's height / width (0: no image)."""
        badges = _badge_count(card) + (1 if comments else 0)
        key = (card.title, card.body, card.kind, width, badges, image_aspect)
        found = self._measures.get(key)
        if found is not None:
            return found
        self.measured += 1
        if len(self._measures) > 200_000:
            self._measures.clear()
        t = self.theme
        inner = width - 2 * t.card_padding
        # Only the line counts: the lines are broken when the card is drawn
        # (most cards of a big map never are), and a long body is known to be
        # cut without breaking it (text.line_count).
        title_n, title_cut = line_count(
            card.title, t.bold, t.card_title_size, inner, t.card_title_lines
        )
        body_n, body_cut = (
            line_count(card.body, t.face, t.card_body_size, inner, t.card_body_lines)
            if card.body.strip()
            else (0, False)
        )
        h = t.card_padding * 2 + title_n * t.card_title_size * t.leading
        image_h = min(t.card_image_max_height, inner * image_aspect) if image_aspect else 0.0
        if image_h:
            h += image_h + 3
        if body_n:
            h += 2 + body_n * t.card_body_size * t.leading
        if badges:
            h += t.badge_height + 2
        measure = CardMeasure(
            width=width,
            height=up(max(t.card_min_height, h)),  # (on the grid: stack.up)
            title_lines=title_n,
            body_lines=body_n,
            title_cut=title_cut,
            body_cut=body_cut,
            image_height=image_h,
        )
        self._measures[key] = measure
        return measure

    # --- the map -------------------------------------------------------

    @gc_paused()  # journeydesk.io.heap: the collector's walks grew with the map
    def layout(
        self,
        project: Project,
        jmap: JourneyMap,
        options: LayoutOptions | None = None,
        hint: LayoutHint | None = None,
    ) -> MapLayout:
        """``hint``: what changed since the last layout (``LayoutHint``); used
        only when that layout was made at ``hint.since`` from the same project,
        map, options and theme, else the full path is taken."""
        options = options or LayoutOptions()
        token, self._token, self._hint = self._token, None, None
        # (by ids, the objects held by the token: comparing projects is deep)
        made_from = (id(project), id(jmap), options, id(self._theme), project.language)
        if hint is not None and token is not None and token[:6] == (hint.since, *made_from):
            self._hint = hint.cards
            self.hinted += 1
        self._replaced, self._moved, self.kept_cards = [], [], None
        unsettled, self._unsettled = self._unsettled, None
        if unsettled is not None:  # (its layout settles its own list from now on)
            unsettled.detach()
        self._pass_lanes, self._inherited = {}, set() if unsettled is None else unsettled.lane_ids()
        self._pass_states, self._pass_measures = {}, {}
        self._curve_lanes.begin()
        done = False
        # (the decorator pauses the collector: a pass makes tens of thousands
        # of short-lived tuples on a big map, each card's state and each lane's
        # key, and with it on they triggered full collections of every object
        # the app holds, which cost more than the layout itself)
        try:
            layout = self._layout(project, jmap, options)
            done = True
            self.passes += 1
            if hint is not None:
                self._token = (hint.now, *made_from, (project, jmap, self._theme))
            return layout
        finally:
            # Only the lanes of this layout stay remembered, and the cards' Items
            # are updated in place (a new dict of 20,000 entries per edit was
            # walked by the next garbage collection); a layout that failed half
            # way leaves nothing to trust.
            if not done:
                self._card_items.clear()
                self._header_items = None
                self._order, self._cut_flat = ([], {}, {}), None
            self._hint, self._replaced, self._moved = None, [], []
            if not done:
                self.kept_cards, self._unsettled = None, None
            self._lanes = self._pass_lanes if done else {}
            self._curve_lanes.end(done)
            self._pass_lanes = {}
            self._pass_states, self._pass_measures = {}, {}

    def _layout(self, project: Project, jmap: JourneyMap, options: LayoutOptions) -> MapLayout:
        language = options.language or project.language
        vocab = Vocabulary(project, language)
        ctx = LayoutContext(project, jmap, self.theme, options, language, vocab)
        t = self.theme
        steps = jmap.steps()
        step_index = {s.id: i for i, s in enumerate(steps)}
        self._steps = tuple(step_index)
        drawn_with = (language, vocab.entries("card_kinds"), vocab.entries("channels"))
        if drawn_with != self._drawn_with:
            self._hint = None  # (words a hinted change never touches: no shortcut)
            self._card_items = {}
            self._drawn_with = drawn_with
        n_cols = max(1, len(steps))
        x0 = t.margin + t.lane_header_width
        width = x0 + n_cols * t.column_width + t.margin
        # (the lanes' tops and heights on the grid, ``stack.up``: their sums exact)
        y = up(t.margin)
        if options.title_block:
            chrome.title_block(t, ctx, Rect(t.margin, y, width - 2 * t.margin, t.title_height))
            y = up(y + t.title_height + 8)
        y = up(self._headers(ctx, x0, y, step_index))
        lanes = [lane for lane in jmap.lanes if self._lane_visible(lane, options)]
        lane_ids = {lane.id for lane in lanes}
        comment_counts = _comment_counts(project) if options.comments else {}
        ctx.comments = comment_counts
        card_boxes: dict[str, Rect] = {}
        lane_rects: dict[str, Rect] = {}
        first_curve_lane = next((lane.id for lane in jmap.lanes if lane.display == "curve"), None)
        cards_by_lane = self._map_cards.by_lane(jmap, lane_ids, step_index, self._hint)
        self._walked = (jmap, lane_ids, step_index)  # (for ``warm``)

        for n, lane in enumerate(lanes):
            if lane.collapsed:
                h = t.collapsed_lane_height
            elif lane.display == "curve":
                h = t.curve_lane_height
            elif lane.display == "channel_grid":
                h = lanes_.channel_grid(t, ctx, lane, step_index, x0, y, width)
                below = self._place_cards(
                    ctx,
                    lane.id,
                    cards_by_lane.get(lane.id, []),
                    step_index,
                    x0,
                    up(y + h - t.lane_padding),
                    card_boxes,
                )
                if cards_by_lane.get(lane.id):
                    h += below - t.lane_padding
            else:
                h = self._place_cards(
                    ctx, lane.id, cards_by_lane.get(lane.id, []), step_index, x0, y, card_boxes
                )
                if lane.display == "images":
                    h = max(h, t.image_lane_height)
            h = up(h)
            rect = Rect(t.margin, y, width - 2 * t.margin, h)
            lane_rects[lane.id] = rect
            lanes_.lane_item(t, ctx, lane, rect, n)
            y += h

        grid_bottom = y
        spanning = {lane_id: placed.spanning for lane_id, placed in self._pass_lanes.items()}
        lanes_.span_lanes(t, lanes, lane_rects, cards_by_lane, step_index, card_boxes, spanning)
        self._grid(ctx, x0, step_index, grid_bottom, lanes, lane_rects)
        for lane in lanes:
            if lane.display == "curve" and not lane.collapsed:
                curves = [c for c in jmap.curves if (c.lane or first_curve_lane) == lane.id]
                rect = lane_rects[lane.id]
                self._curve_lanes.lane(
                    t, ctx, lane.id, curves, rect, step_index, x0, self._steps, self.lazy
                )
        self._cards(ctx, card_boxes)
        connections.connections(
            t, self._router, ctx, card_boxes, lane_rects, lanes, x0, self,
            marks=self._curve_lanes.marks(),
        )  # fmt: skip
        chrome.separators(t, ctx, lanes, lane_rects)
        marks.mark_items(ctx, card_boxes)
        y = grid_bottom + 10
        if options.legend:
            rect = Rect(t.margin, y, width - 2 * t.margin, t.legend_height)
            y = chrome.legend(t, ctx, rect, self._map_cards.channels(jmap))
        height = y + t.margin
        background = Rect(0, 0, width, height)
        paper = Box(background, fill=t.background)
        ctx.items.insert(0, Item("background", None, background, Z_BACKGROUND, [paper]))
        if self.kept_cards is not None:  # (the background went first)
            self.kept_cards = (self.kept_cards[0] + 1, self.kept_cards[1] + 1, *self.kept_cards[2:])
            self._unsettle(ctx, card_boxes, self.kept_cards[0])
        return MapLayout(
            map_id=jmap.id,
            width=width,
            height=height,
            items=ctx.items,
            overflows=ctx.overflows,
            min_body_size=min(t.card_body_size, t.badge_size),
            card_lanes=self._map_cards.lanes(jmap),
            lane_tops={lane_id: rect.y for lane_id, rect in lane_rects.items()},
            unsettled=both(
                None if self._unsettled is None else self._unsettled.settle,
                self._curve_lanes.placed(ctx.items, 1),  # (the background went first)
            ),
        )

    def _headers(
        self, ctx: LayoutContext, x0: float, y: float, step_index: dict[str, int]
    ) -> float:
        """The stage and step headers (and KPIs). Kept while their place, the
        language, the stages, steps, KPIs and metrics are as before (a wide map
        has 1,200 of them to make again on every edit)."""
        key = (
            x0,
            y,
            ctx.language,
            [
                (
                    tuple(stage.__dict__.values()),
                    [tuple(step.__dict__.values()) for step in stage.steps],
                    [tuple(kpi.__dict__.values()) for kpi in stage.kpis],
                )
                for stage in ctx.jmap.stages
            ],
            [tuple(metric.__dict__.values()) for metric in ctx.project.metrics],
        )
        found = self._header_items
        if found is None or found[0] != key:
            items_at, overflows_at = len(ctx.items), len(ctx.overflows)
            bottom = chrome.headers(self.theme, ctx, x0, y, step_index, self.lazy)
            found = (key, ctx.items[items_at:], ctx.overflows[overflows_at:], bottom)
        else:
            ctx.items.extend(found[1])
            ctx.overflows.extend(found[2])
        self._header_items = found
        return found[3]

    @staticmethod
    def _lane_visible(lane: Lane, options: LayoutOptions) -> bool:
        if options.lanes is not None and lane.id not in options.lanes:
            return False
        return lane.kind not in options.hide_lane_kinds

    def _place_cards(
        self,
        ctx: LayoutContext,
        lane_id: str,
        cards: list[Card],
        step_index: dict[str, int],
        x0: float,
        top: float,
        out: dict[str, Rect],
    ) -> float:
        """Stack the lane's cards in their cells (a skyline per column, so a card
        spanning steps never overlaps its neighbours); return the lane height.
        A lane whose steps and cards' states are as in the last layout gets the
        boxes it got then (most lanes, after an edit of a big map), or, if its
        top moved, boxes stacked again without measuring or sorting."""
        comments, states, aspect = ctx.comments, self._pass_states, ctx.image_aspect
        hint = self._hint
        if hint is not None:
            found = self._lanes.get(lane_id)
            if (
                found is not None
                and found.top == top
                and found.key[0] == x0
                and found.key[1] == self._steps
                and found.cards == cards  # (the same objects: compared by identity)
                and hint.isdisjoint(found.ids)
            ):
                # None of its cards changed (the model's owner says so), nor its
                # place: the lane as placed last time, its cards' Items kept
                # (``_cards`` takes them from the last layout's list).
                self._pass_lanes[lane_id] = found
                out.update(found.boxes)
                # (a card spanning lanes may reach further down now: drawn again
                # if its box, stretched by ``span_lanes``, is not the same)
                self._replaced += found.spanning
                return found.height
            if (
                found is not None
                and found.key[0] == x0
                and found.key[1] == self._steps
                and found.cards == cards
                and hint.isdisjoint(found.ids)
            ):
                # Only moved (a lane above changed height): stacked again from
                # its plan, its cards' Items made from the kept ones by
                # ``_cards_hinted`` (when read: unsettled.py), no state built.
                n_cols = max(step_index.values(), default=0) + 1
                found = moved_lane(self.theme, found, n_cols, top)
                self._pass_lanes[lane_id] = found
                out.update(found.boxes)
                self._pass_measures.update(found.measures)
                states.update(zip(found.ids, found.states, strict=True))
                self._moved.append(found)
                self._replaced += found.spanning
                return found.height
            if found is not None and found.key[0] == x0 and found.key[1] == self._steps:
                height = self._place_cells(ctx, lane_id, found, cards, step_index, top, out)
                if height is not None:
                    return height
            self._replaced += cards
        ids = [card.id for card in cards]
        # _card_state, inline: this runs for every card of the map on every edit
        lane_states: list[tuple[object, ...]] = [
            (
                tuple(card.__dict__.values()),
                tuple([e.confidence for e in card.evidence]) if card.evidence else (),
                len(card.links),
                tuple(card.scores.items()) if card.scores else (),
                comments.get(card.id, 0),
                aspect(card) if card.image is not None else 0.0,
            )
            for card in cards
        ]
        key = (x0, self._steps, lane_states)
        n_cols = max(step_index.values(), default=0) + 1
        found = self._lanes.get(lane_id)
        if found is None or found.key != key:
            boxes: dict[str, Rect] = {}
            measures: dict[str, CardMeasure] = {}
            plan = self._plan(ctx, cards, step_index, x0, measures)
            height = stack(self.theme, plan, n_cols, top, boxes, self._card_items)
            spanning = [card for card in cards if card.span_lanes > 1]
            found = PlacedLane(
                key, lane_states, height, boxes, measures, top, plan, ids, spanning, cards
            )
        elif found.top != top:
            # Its cards as before, the lane moved (one above changed height):
            # stacked again from the new top in the same order and sizes, which
            # gives the very boxes a fresh stacking gives, measuring nothing.
            found = moved_lane(self.theme, found, n_cols, top, self._card_items, cards, ids)
        # (on a lane placed as before, the states of the last layout, equal to
        # these: a card's Item is then known to be up to date by identity alone)
        states.update(zip(ids, found.states, strict=True))
        self._pass_lanes[lane_id] = found
        out.update(found.boxes)
        self._pass_measures.update(found.measures)
        return found.height

    def _place_cells(
        self,
        ctx: LayoutContext,
        lane_id: str,
        found: PlacedLane,
        cards: list[Card],
        step_index: dict[str, int],
        top: float,
        out: dict[str, Rect],
    ) -> float | None:
        """A lane with hinted cards placed again from its last plan (cells.py);
        None when it cannot be (then it is placed anew)."""
        comments, aspect, hint = ctx.comments, ctx.image_aspect, self._hint or frozenset()
        placed = cells.replace_cells(
            self.theme, found, cards, hint, step_index, top, self._card_items,
            lambda card, w: self.measure(card, w, comments.get(card.id, 0), aspect(card)),
            lambda card: _card_state(card, comments.get(card.id, 0), aspect(card)),
        )  # fmt: skip
        if placed is None:
            return None
        found, redraw = placed
        self.celled += 1
        self._replaced += redraw
        self._pass_states.update(zip(found.ids, found.states, strict=True))
        self._pass_lanes[lane_id] = found
        out.update(found.boxes)
        self._pass_measures.update(found.measures)
        return found.height

    def _plan(
        self,
        ctx: LayoutContext,
        cards: list[Card],
        step_index: dict[str, int],
        x0: float,
        measures: dict[str, CardMeasure],
    ) -> list[Slot]:
        """The lane's cards in stacking order, each with its column, span, x,
        width and height (``stack.stack`` puts them under each other)."""
        t = self.theme
        n_cols = max(step_index.values(), default=0) + 1
        plan: list[Slot] = []
        for card in sorted(cards, key=lambda c: (step_index[c.step], c.order)):
            i = step_index[card.step]
            span = min(card.span_steps, n_cols - i)
            w = span * t.column_width - t.column_gap
            m = self.measure(card, w, ctx.comments.get(card.id, 0), ctx.image_aspect(card))
            measures[card.id] = m
            x = x0 + i * t.column_width + t.column_gap / 2
            plan.append((card.id, i, span, x, w, m.height))
        return plan

    def _grid(
        self,
        ctx: LayoutContext,
        x0: float,
        step_index: dict[str, int],
        bottom: float,
        lanes: list[Lane],
        lane_rects: dict[str, Rect],
    ) -> None:
        t = self.theme
        if not lanes:
            return
        top = lane_rects[lanes[0].id].y
        prims: list[Primitive] = []
        col = 0
        for stage in ctx.jmap.stages:
            for k, _step in enumerate(stage.steps):
                x = x0 + (col + k) * t.column_width
                strong = k == 0
                prims.append(
                    Line(
                        ((x, top), (x, bottom)),
                        t.grid if not strong else "#B8BFCC",
                        1.0 if strong else 0.5,
                        () if strong else (2, 2),
                    )
                )
            col += len(stage.steps)
        x = x0 + col * t.column_width
        prims.append(Line(((x, top), (x, bottom)), "#B8BFCC", 1.0))
        ctx.items.append(Item("grid", None, Rect(x0, top, x - x0, bottom - top), Z_GRID, prims))

    def _cards(self, ctx: LayoutContext, card_boxes: dict[str, Rect]) -> None:
        """Every placed card's Item, in the map's order. The loop runs over every
        card on every edit, so a card drawn from the very same state object and
        box as last time (its lane was placed as before) takes its Item back
        without a call; the others go through ``_card``. A hinted pass with the
        same cards placed as last time copies the last list and draws again only
        the cards of the lanes placed anew (``_cards_hinted``)."""
        order, last_at, cut = self._order
        if self._hint is not None and len(card_boxes) == len(order):
            if not last_at and order:  # (made on the first hinted pass only)
                last_at = {item.element: n for n, item in enumerate(order)}  # type: ignore[misc]
                self._order = (order, last_at, cut)
            # (only a hinted card can have come or gone: the others' lanes, the
            # lanes and the steps are as they were, or there would be no hint)
            if all((card_id in card_boxes) == (card_id in last_at) for card_id in self._hint):
                self._cards_hinted(ctx, card_boxes)
                return
        kept, states = self._card_items, self._pass_states
        comments = ctx.comments
        order = []
        cut = {}
        for card in ctx.jmap.cards:
            card_id = card.id
            box = card_boxes.get(card_id)
            if box is None:
                continue
            found = kept.get(card_id)
            if found is None or found[1] is not box or found[0] is not states.get(card_id):
                found = self._card(ctx, card, box, comments.get(card_id, 0))
            if found[3]:
                cut[len(order)] = found[3]
            order.append(found[2])
        if len(kept) > len(order):  # cards removed (or not drawn now): their Items go
            for gone in [card_id for card_id in kept if card_id not in card_boxes]:
                del kept[gone]
        self._order, self._cut_flat = (order, {}, cut), None
        self._emit_cards(ctx)

    def _cards_hinted(self, ctx: LayoutContext, card_boxes: dict[str, Rect]) -> None:
        """The last layout's card Items with those of the re-placed lanes' cards
        drawn again (or found up to date), in place: the same cards are placed
        as last time, and a hinted change reorders none of the map's cards."""
        last_items, at, last_cut = self._order
        order, cut = list(last_items), dict(last_cut)
        kept, states, hint = self._card_items, self._pass_states, self._hint or frozenset()
        comments, redrawn = ctx.comments, []
        for card in self._replaced:
            card_id = card.id
            box = card_boxes[card_id]
            found = kept.get(card_id)
            if found is not None and found[1] is box and card_id not in hint:
                continue  # its state as before (the hint says), its box the same object
            if found is None or found[1] is not box or found[0] is not states.get(card_id):
                found = self._card(ctx, card, box, comments.get(card_id, 0))
            n = at[card_id]
            order[n] = found[2]
            redrawn.append(found[2])
            if found[3] != cut.get(n, ()):  # (the overflows in order made again)
                self._cut_flat = None
                cut[n] = found[3]
                if not found[3]:
                    del cut[n]
        # (the lanes only moved keep their cards' Items until settled: ``_unsettle``)
        self.shifted += sum(len(lane.ids) for lane in self._moved)
        self._order = (order, at, cut)
        self.kept_cards = (len(ctx.items), len(ctx.items) + len(order), redrawn, self._moved)
        self._emit_cards(ctx)

    def _unsettle(self, ctx: LayoutContext, card_boxes: dict[str, Rect], start: int) -> None:
        """The lanes whose cards may hold their last Items (unsettled.py)."""
        lanes = [*self._moved, *(p for p in self._pass_lanes.values() if id(p) in self._inherited)]
        if not lanes:
            return
        order, at, _cut = self._order
        owner = weakref.ref(self)  # (no cycle through the Unsettled it keeps)
        self._unsettled = Unsettled(
            lanes, card_boxes, ctx.items, start, order, at, self._card_items, self.lazy,
            lambda card, box: owner()._card(ctx, card, box, ctx.comments.get(card.id, 0))[2],  # type: ignore[union-attr]
        )  # fmt: skip

    def curve_item(self, element: str) -> Item | None:
        """A curve's or point's Item in the last layout (None: not drawn)."""
        return self._curve_lanes.item(element)

    @property
    def kept_curves(self) -> list[tuple[int, int, str]]:
        """The last layout's curve lanes drawn from the last plans (``CurveLanes.kept``)."""
        return self._curve_lanes.kept

    def card_item(self, card_id: str) -> Item | None:
        """The card's Item in the last layout (None: not drawn, or unknown)."""
        item = None if self._unsettled is None else self._unsettled.card(card_id)
        if item is not None:
            return item
        found = self._card_items.get(card_id)
        return found[2] if found is not None else None

    def _emit_cards(self, ctx: LayoutContext) -> None:
        order, _, cut = self._order
        ctx.items.extend(order)
        if self._cut_flat is None:  # (on a dense map 13,000 cards' cut texts)
            self._cut_flat = [overflow for n in sorted(cut) for overflow in cut[n]]
        ctx.overflows.extend(self._cut_flat)

    def _card(self, ctx: LayoutContext, card: Card, rect: Rect, comments: int) -> DrawnCard:
        # Kept when drawn from the same state, box and (``_drawn_with``) words;
        # the theme is the layouter's own (a new one clears the memo).
        state = self._pass_states.get(card.id)
        if state is None:
            state = _card_state(card, comments, ctx.image_aspect(card))
        found = self._card_items.get(card.id)
        old = found[1] if found is not None else None
        if (
            found is not None
            and old is not None
            and old.w == rect.w
            and old.h == rect.h
            and (old.y != rect.y or old.x != rect.x)
            and (found[0] is state or found[0] == state or _renumbered(found[0], state, card))
        ):
            # Only moved (a lane above changed height, or a card moved into or
            # out of its cell above it): drawn as before, in its new box;
            # nothing is measured, and the drawing waits to be read.
            recipe = found[4]
            a = recipe.args  # card_primitives(theme, vocab, language, face, rect, comments, m)
            make = functools.partial(recipe.func, a[0], a[1], a[2], a[3], rect, a[5], a[6])
            drawn_from = (state, rect, self._drawn_with, self.theme)
            item = Item("card", card.id, rect, Z_CARD, make=make, drawn_from=drawn_from)
            if not self.lazy:
                item.primitives  # noqa: B018  (made now)
            found = (state, rect, item, found[3], make)
        elif found is None or not _alike(found, card, rect, state, comments, self._pass_measures):
            m = self._pass_measures.get(card.id)
            if m is None or m.width != rect.w:
                m = self.measure(card, rect.w, comments, ctx.image_aspect(card))
            cut: list[Overflow] = []
            if m.title_cut:
                cut.append(Overflow(card.id, "title", card.title))
            if m.body_cut:
                cut.append(Overflow(card.id, "body", card.body))
            # Drawn when first read (Qt paints the cards on screen only):
            # from the card as it is now, its box, words and theme, which are
            # also what ``drawn_from`` says (Item's equality needs no drawing).
            make = functools.partial(
                card_primitives,
                self.theme,
                ctx.vocab,
                ctx.language,
                CardFace.of(card),
                rect,
                comments,
                m,
            )
            drawn_from = (state, rect, self._drawn_with, self.theme)
            item = Item("card", card.id, rect, Z_CARD, make=make, drawn_from=drawn_from)
            if not self.lazy:
                item.primitives  # noqa: B018  (made now)
            found = (state, rect, item, tuple(cut), make)
        elif found[0] is not state or found[1] is not rect:
            # the same Item, known by these from now on
            found = (state, rect, found[2], found[3], found[4])
        self._card_items[card.id] = found
        return found

    # --- curves --------------------------------------------------------


# --- helpers -----------------------------------------------------------


def link_badge_rect(theme: Theme, card: Rect) -> Rect:
    """Where a linked card's link mark is drawn: first in its badge row."""
    t = theme
    row_y = card.bottom - t.card_padding - t.badge_height
    size = t.badge_size
    return Rect(card.x + t.card_padding, row_y + (t.badge_height - size) / 2, size, size)


def layout_map(
    project: Project,
    jmap: JourneyMap,
    theme: Theme = DEFAULT_THEME,
    options: LayoutOptions | None = None,
) -> MapLayout:
    return MapLayouter(theme).layout(project, jmap, options)


__all__ = [
    "LINK_COLOUR",
    "CardMeasure",
    "Face",
    "LayoutOptions",
    "MapLayouter",
    "layout_map",
    "link_badge_rect",
]
