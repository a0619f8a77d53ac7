"""Model → drawing: the one layout of a map, used by the canvas and every export.

``MapLayouter`` measures cards with the bundled font and caches each card's
measure by its content and width, so after a change only the changed cards
are measured again; positions are then a cheap pass over the map (the
editor's incremental path). ``layout_map`` is the one-shot form.
"""

from __future__ import annotations

from collections.abc import Iterable

from journeydesk.io.heap import gc_paused
from journeydesk.model.project import Card, JourneyMap, Lane, Project

from . import chrome, connections, icons, marks, routing, shapes
from . import curves as curves_
from .context import CardMeasure, LayoutContext, LayoutOptions
from .fonts import Face, metrics
from .labels import label
from .primitives import (
    Box,
    Image,
    Item,
    Line,
    MapLayout,
    Overflow,
    Path,
    Primitive,
    Rect,
    Text,
)
from .text import one_line, wrap
from .theme import (
    DEFAULT_THEME,
    Z_BACKGROUND,
    Z_CARD,
    Z_GRID,
    Z_LANE,
    Theme,
)
from .vocabulary import Vocabulary

LINK_COLOUR = "#2F6FB3"
"""The mark of a card linked to another map."""


class MapLayouter:
    """Lays out maps, remembering card measures between calls."""

    def __init__(self, theme: Theme = DEFAULT_THEME) -> None:
        self.theme = theme
        self._measures: dict[tuple[object, ...], CardMeasure] = {}
        self._card_prims: dict[tuple[object, ...], list[Primitive]] = {}
        """A card's drawing by everything it is drawn from: a change to one
        card draws that card (and the ones it pushed) again, not the map."""
        self._router = routing.Router()
        self.measured = 0
        """Cards measured (not found in the cache) since creation: for tests and benches."""

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
        title = wrap(card.title, t.bold, t.card_title_size, inner, t.card_title_lines)
        body = (
            wrap(card.body, t.face, t.card_body_size, inner, t.card_body_lines)
            if card.body.strip()
            else None
        )
        h = t.card_padding * 2 + len(title.lines) * t.card_title_size * t.leading
        image_h = min(t.card_image_max_height, inner * image_aspect) if image_aspect else 0.0
        if image_h:
            h += image_h + 3
        if body is not None:
            h += 2 + len(body.lines) * t.card_body_size * t.leading
        if badges:
            h += t.badge_height + 2
        measure = CardMeasure(
            width=width,
            height=max(t.card_min_height, h),
            title=title.lines,
            body=body.lines if body else (),
            title_cut=title.truncated,
            body_cut=body.truncated if body else False,
            image_height=image_h,
        )
        self._measures[key] = measure
        return measure

    # --- the map -------------------------------------------------------

    @gc_paused()  # journeydesk.io.heap: the collector's walks grew with the map
    def layout(
        self, project: Project, jmap: JourneyMap, options: LayoutOptions | None = None
    ) -> MapLayout:
        options = options or LayoutOptions()
        language = options.language or project.language
        vocab = Vocabulary(project, language)
        ctx = LayoutContext(project, jmap, self.theme, options, language, vocab)
        t = self.theme
        steps = jmap.steps()
        step_index = {s.id: i for i, s in enumerate(steps)}
        n_cols = max(1, len(steps))
        x0 = t.margin + t.lane_header_width
        width = x0 + n_cols * t.column_width + t.margin
        y = t.margin
        if options.title_block:
            chrome.title_block(t, ctx, Rect(t.margin, y, width - 2 * t.margin, t.title_height))
            y += t.title_height + 8
        y = chrome.headers(t, ctx, x0, y, step_index)
        lanes = [lane for lane in jmap.lanes if self._lane_visible(lane, options)]
        lane_ids = {lane.id for lane in lanes}
        comment_counts = _comment_counts(project) if options.comments else {}
        ctx.comments = comment_counts
        card_boxes: dict[str, Rect] = {}
        lane_rects: dict[str, Rect] = {}
        first_curve_lane = next((lane.id for lane in jmap.lanes if lane.display == "curve"), None)
        cards_by_lane: dict[str, list[Card]] = {}
        for card in jmap.cards:
            if card.lane in lane_ids and card.step in step_index:
                cards_by_lane.setdefault(card.lane, []).append(card)

        for n, lane in enumerate(lanes):
            if lane.collapsed:
                h = t.collapsed_lane_height
            elif lane.display == "curve":
                h = t.curve_lane_height
            elif lane.display == "channel_grid":
                h = self._channel_grid(ctx, lane, step_index, x0, y, width)
                below = self._place_cards(
                    ctx,
                    cards_by_lane.get(lane.id, []),
                    step_index,
                    x0,
                    y + h - t.lane_padding,
                    card_boxes,
                )
                if cards_by_lane.get(lane.id):
                    h += below - t.lane_padding
            else:
                h = self._place_cards(
                    ctx, cards_by_lane.get(lane.id, []), step_index, x0, y, card_boxes
                )
                if lane.display == "images":
                    h = max(h, t.image_lane_height)
            rect = Rect(t.margin, y, width - 2 * t.margin, h)
            lane_rects[lane.id] = rect
            self._lane(ctx, lane, rect, n)
            y += h

        grid_bottom = y
        self._span_lanes(lanes, lane_rects, cards_by_lane, step_index, card_boxes)
        self._grid(ctx, x0, step_index, grid_bottom, lanes, lane_rects)
        for lane in lanes:
            if lane.display == "curve" and not lane.collapsed:
                curves = [c for c in jmap.curves if (c.lane or first_curve_lane) == lane.id]
                # Every curve's words placed at once, so none lands on another
                # word, a point or a line of any curve in the lane.
                words = curves_.emotion_words(t, ctx, curves, lane_rects[lane.id], step_index, x0)
                for k, curve in enumerate(curves):
                    curves_.curve(t, ctx, curve, k, lane_rects[lane.id], step_index, x0, words)
                curves_.curve_key(t, ctx, curves, lane_rects[lane.id])
        for card in jmap.cards:
            box = card_boxes.get(card.id)
            if box is not None:
                self._card(ctx, card, box, comment_counts.get(card.id, 0))
        connections.connections(t, self._router, ctx, card_boxes, lane_rects, lanes, x0)
        chrome.separators(t, ctx, lanes, lane_rects)
        marks.mark_items(ctx)
        y = grid_bottom + 10
        if options.legend:
            y = chrome.legend(t, ctx, Rect(t.margin, y, width - 2 * t.margin, t.legend_height))
        height = y + t.margin
        ctx.items.insert(
            0,
            Item(
                "background",
                None,
                Rect(0, 0, width, height),
                Z_BACKGROUND,
                [Box(Rect(0, 0, width, height), fill=t.background)],
            ),
        )
        return MapLayout(
            map_id=jmap.id,
            width=width,
            height=height,
            items=ctx.items,
            overflows=ctx.overflows,
            min_body_size=min(t.card_body_size, t.badge_size),
        )

    @staticmethod
    def _lane_visible(lane: Lane, options: LayoutOptions) -> bool:
        if options.lanes is not None and lane.id not in options.lanes:
            return False
        return lane.kind not in options.hide_lane_kinds

    def _place_cards(
        self,
        ctx: LayoutContext,
        cards: list[Card],
        step_index: dict[str, int],
        x0: float,
        top: float,
        out: dict[str, Rect],
    ) -> float:
        """Stack the lane's cards in their cells (a skyline per column, so a card
        spanning steps never overlaps its neighbours); return the lane height."""
        t = self.theme
        n_cols = max(step_index.values(), default=0) + 1
        sky = [top + t.lane_padding] * n_cols
        cards = sorted(cards, key=lambda c: (step_index[c.step], c.order))
        for card in cards:
            i = step_index[card.step]
            span = min(card.span_steps, n_cols - i)
            w = span * t.column_width - t.column_gap
            m = self.measure(card, w, ctx.comments.get(card.id, 0), ctx.image_aspect(card))
            y = max(sky[i : i + span])
            out[card.id] = Rect(x0 + i * t.column_width + t.column_gap / 2, y, w, m.height)
            for j in range(i, i + span):
                sky[j] = y + m.height + t.card_gap
        bottom = max(sky, default=top) - (t.card_gap if cards else 0) + t.lane_padding
        return max(t.lane_min_height, bottom - top)

    def _span_lanes(
        self,
        lanes: list[Lane],
        lane_rects: dict[str, Rect],
        cards_by_lane: dict[str, list[Card]],
        step_index: dict[str, int],
        card_boxes: dict[str, Rect],
    ) -> None:
        """A card spanning lanes (``span_lanes`` > 1) stretches down through
        the lanes of cards below it, as far as their cells under it are empty:
        where a spanned cell holds a card, the span stops above that lane (so
        nothing is ever covered, and a card dropped there shortens it)."""
        n_cols = len(step_index)
        position = {lane.id: n for n, lane in enumerate(lanes)}
        taken: dict[str, set[int]] = {}
        for lane_id, cards in cards_by_lane.items():
            cols = taken.setdefault(lane_id, set())
            for card in cards:
                i = step_index[card.step]
                cols.update(range(i, min(n_cols, i + card.span_steps)))
        for lane_id, cards in cards_by_lane.items():
            for card in cards:
                box = card_boxes.get(card.id)
                if card.span_lanes <= 1 or box is None or lane_id not in position:
                    continue
                i = step_index[card.step]
                cols = set(range(i, min(n_cols, i + card.span_steps)))
                below = [
                    other
                    for other in cards
                    if other is not card
                    and other.id in card_boxes
                    and card_boxes[other.id].y > box.y
                ]
                if any(
                    cols & set(range(step_index[o.step], step_index[o.step] + o.span_steps))
                    for o in below
                ):
                    continue  # a card of its own lane sits below it
                start = position[lane_id] + 1
                last: Lane | None = None
                for lane in lanes[start : start + card.span_lanes - 1]:
                    blocked = taken.get(lane.id, set()) & cols
                    if lane.collapsed or lane.display != "cards" or blocked:
                        break
                    last = lane
                if last is not None:
                    bottom = lane_rects[last.id].bottom - self.theme.lane_padding
                    card_boxes[card.id] = Rect(box.x, box.y, box.w, max(box.h, bottom - box.y))

    def _channel_grid(
        self,
        ctx: LayoutContext,
        lane: Lane,
        step_index: dict[str, int],
        x0: float,
        top: float,
        width: float,
    ) -> float:
        """A row per channel the map's cards use, a mark in each step that uses it."""
        t = self.theme
        used: dict[str, set[int]] = {}
        for card in ctx.jmap.cards:
            if card.channel and card.step in step_index:
                i = step_index[card.step]
                cols = used.setdefault(card.channel, set())
                cols.update(range(i, min(i + card.span_steps, len(step_index))))
        row_h = t.badge_size * 2.2
        h = max(t.lane_min_height, len(used) * row_h + 2 * t.lane_padding)
        prims: list[Primitive] = []
        y = top + t.lane_padding
        size = t.badge_size * 1.15
        for n, (channel, cols) in enumerate(used.items()):
            entry = ctx.vocab.entry("channels", channel)
            colour = entry.colour or t.muted
            cy = y + n * row_h + row_h / 2
            if n % 2 == 0:
                prims.append(
                    Box(Rect(x0, y + n * row_h, width - t.margin - x0, row_h), fill="#EEF1F5")
                )
            txt, _ = one_line(entry.label, t.face, size, t.lane_header_width - 14)
            prims.append(
                Text(
                    t.margin + 8,
                    cy - size * t.leading / 2,
                    t.lane_header_width - 14,
                    (txt,),
                    t.face,
                    size,
                    t.ink,
                    size * t.leading,
                    "right",
                )
            )
            for i in sorted(cols):
                cx = x0 + (i + 0.5) * t.column_width
                prims.append(Path(shapes.circle_ops(cx, cy, row_h * 0.28), fill=colour))
            runs = _runs(sorted(cols))
            for a, b in runs:
                if b > a:
                    prims.append(
                        Line(
                            (
                                (x0 + (a + 0.5) * t.column_width, cy),
                                (x0 + (b + 0.5) * t.column_width, cy),
                            ),
                            colour,
                            1.5,
                        )
                    )
        ctx.items.append(
            Item(
                "channel_grid",
                lane.id,
                Rect(t.margin, top, width - 2 * t.margin, h),
                Z_GRID + 1,
                prims,
            )
        )
        return h

    def _lane(self, ctx: LayoutContext, lane: Lane, rect: Rect, n: int) -> None:
        t = self.theme
        header = Rect(rect.x, rect.y, t.lane_header_width, rect.h)
        kind = ctx.vocab.label("lane_kinds", lane.kind)
        name_w = wrap(
            lane.name or kind,
            t.bold,
            t.lane_size,
            header.w - 12,
            max(1, int((rect.h - 8) // (t.lane_size * t.leading))),
        )
        if name_w.truncated:
            ctx.overflows.append(Overflow(lane.id, "name", lane.name))
        prims: list[Primitive] = [
            Box(rect, fill=t.lane_fill if n % 2 == 0 else t.lane_alt_fill),
            Box(header.adjusted(0, 1, 0, -1), fill=t.lane_header_fill),
            Text(
                header.x + 6,
                header.y + 6,
                header.w - 12,
                name_w.lines,
                t.bold,
                t.lane_size,
                t.ink,
                t.lane_size * t.leading,
            ),
            Line(((rect.x, rect.bottom), (rect.right, rect.bottom)), t.grid, 0.75),
        ]
        ctx.items.append(Item("lane", lane.id, rect, Z_LANE, prims))

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

    def _card(self, ctx: LayoutContext, card: Card, rect: Rect, comments: int) -> None:
        aspect = ctx.image_aspect(card)
        m = self.measure(card, rect.w, comments, aspect)
        if m.title_cut:
            ctx.overflows.append(Overflow(card.id, "title", card.title))
        if m.body_cut:
            ctx.overflows.append(Overflow(card.id, "body", card.body))
        kind = ctx.vocab.entry("card_kinds", card.kind)
        channel = ctx.vocab.entry("channels", card.channel) if card.channel else None
        key = (
            m,
            rect,
            kind,
            channel,
            card.colour,
            card.sentiment,
            card.image,
            tuple(e.confidence for e in card.evidence),
            tuple(card.scores.items()),
            comments,
            ctx.language,
            len(card.links),
        )
        prims = self._card_prims.get(key)
        if prims is None:
            if len(self._card_prims) > 50_000:
                self._card_prims.clear()
            prims = self._card_prims[key] = self._card_primitives(ctx, card, rect, comments, m)
        ctx.items.append(Item("card", card.id, rect, Z_CARD, prims))

    def _card_primitives(
        self, ctx: LayoutContext, card: Card, rect: Rect, comments: int, m: CardMeasure
    ) -> list[Primitive]:
        t = self.theme
        kind = ctx.vocab.entry("card_kinds", card.kind)
        fill = card.colour or kind.colour or t.default_card_fill
        prims: list[Primitive] = [
            Box(rect, fill=fill, stroke=t.card_stroke, stroke_width=0.6, radius=t.card_radius)
        ]
        if card.sentiment:
            colour = t.sentiment_colours.get(card.sentiment, t.muted)
            prims.append(Box(Rect(rect.x, rect.y + 2, 2.5, rect.h - 4), fill=colour))
        x = rect.x + t.card_padding
        y = rect.y + t.card_padding
        inner = rect.w - 2 * t.card_padding
        if m.image_height and card.image:
            prims.append(Image(card.image, Rect(x, y, inner, m.image_height)))
            y += m.image_height + 3
        prims.append(
            Text(
                x,
                y,
                inner,
                m.title,
                t.bold,
                t.card_title_size,
                t.ink,
                t.card_title_size * t.leading,
            )
        )
        y += len(m.title) * t.card_title_size * t.leading
        if m.body:
            y += 2
            prims.append(
                Text(
                    x,
                    y,
                    inner,
                    m.body,
                    t.face,
                    t.card_body_size,
                    t.ink,
                    t.card_body_size * t.leading,
                )
            )
        if _badge_count(card) or comments:
            prims += self._badges(
                ctx,
                card,
                Rect(x, rect.bottom - t.card_padding - t.badge_height, inner, t.badge_height),
                comments,
            )
        return prims

    def _badges(self, ctx: LayoutContext, card: Card, rect: Rect, comments: int) -> list[Primitive]:
        t = self.theme
        size = t.badge_size
        r = size * 0.55
        cy = rect.y + rect.h / 2
        x = rect.x
        prims: list[Primitive] = []
        if card.links:
            # First in the row, where link_badge_rect finds it (double-click follows it).
            prims += icons.linked_map(x, rect.y + (rect.h - size) / 2, size, LINK_COLOUR)
            x += size + 1
            if len(card.links) > 1:
                txt = f"{len(card.links)}"
                prims.append(
                    Text(x, rect.y, 12, (txt,), t.bold, size, LINK_COLOUR, size * t.leading)
                )
                x += metrics(t.bold).width(txt, size) + 1
            x += 3
        if card.sentiment:
            prims += shapes.sentiment_mark(
                card.sentiment, x + r, cy, r, t.sentiment_colours.get(card.sentiment, t.muted)
            )
            x += 2 * r + 3
        if card.evidence:
            best = _strongest(e.confidence for e in card.evidence)
            prims += shapes.confidence_mark(best, x + r, cy, r * 0.85, t.ink)
            x += 2 * r + 1
            if len(card.evidence) > 1:
                txt = f"{len(card.evidence)}"
                prims.append(Text(x, rect.y, 12, (txt,), t.face, size, t.muted, size * t.leading))
                x += metrics(t.face).width(txt, size) + 3
            else:
                x += 2
        if card.scores:
            parts = [f"{label(k, ctx.language)[:1].upper()}{v:g}" for k, v in card.scores.items()]
            txt, _ = one_line(" ".join(parts), t.bold, size, rect.right - x)
            prims.append(
                Text(x, rect.y, rect.right - x, (txt,), t.bold, size, t.muted, size * t.leading)
            )
            x += metrics(t.bold).width(txt, size) + 4
        right = rect.right
        if comments:
            count = str(comments)
            cw = metrics(t.bold).width(count, size)
            prims.append(
                Text(right - cw, rect.y, cw, (count,), t.bold, size, t.ink, size * t.leading)
            )
            right -= cw + 1
            prims += icons.comment_bubble(right - size, rect.y + 0.5, size, t.ink)
            right -= size + 4
        if card.channel and right - x > 14:
            entry = ctx.vocab.entry("channels", card.channel)
            txt, _ = one_line(entry.label, t.face, size, right - x - size - 3)
            tw = metrics(t.face).width(txt, size)
            prims.append(
                Text(right - tw, rect.y, tw, (txt,), t.face, size, t.muted, size * t.leading)
            )
            prims += icons.icon(
                entry.icon, right - tw - size - 2, rect.y + 0.3, size, entry.colour or t.muted
            )
        return prims

    # --- curves --------------------------------------------------------


# --- helpers -----------------------------------------------------------


def _runs(cols: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted column indexes: [1, 2, 3, 5] → [(1, 3), (5, 5)]."""
    runs: list[tuple[int, int]] = []
    for c in cols:
        if runs and c == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return runs


def link_badge_rect(theme: Theme, card: Rect) -> Rect:
    """Where a linked card's link mark is drawn: first in its badge row."""
    t = theme
    row_y = card.bottom - t.card_padding - t.badge_height
    size = t.badge_size
    return Rect(card.x + t.card_padding, row_y + (t.badge_height - size) / 2, size, size)


def _badge_count(card: Card) -> int:
    return (
        int(bool(card.links))
        + int(bool(card.sentiment))
        + int(bool(card.evidence))
        + int(bool(card.channel))
        + int(bool(card.scores))
    )


def _strongest(values: Iterable[str]) -> str:
    order = {"observed": 0, "assumed": 1, "proposed": 2}
    return min(values, key=lambda v: order.get(v, 3))


def _comment_counts(project: Project) -> dict[str, int]:
    counts: dict[str, int] = {}
    for c in project.comments:
        if not c.resolved:
            counts[c.target] = counts.get(c.target, 0) + 1
    return counts


def layout_map(
    project: Project,
    jmap: JourneyMap,
    theme: Theme = DEFAULT_THEME,
    options: LayoutOptions | None = None,
) -> MapLayout:
    return MapLayouter(theme).layout(project, jmap, options)


__all__ = [
    "CardMeasure",
    "Face",
    "LayoutOptions",
    "MapLayouter",
    "layout_map",
    "link_badge_rect",
]
