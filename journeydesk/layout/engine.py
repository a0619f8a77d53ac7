"""Model → drawing: the one layout of a map, used by the canvas and every export.

``MapLayouter`` measures cards with the bundled font and caches each card's
measure by its content and width, so after a change only the changed cards
are measured again; positions are then a cheap pass over the map (the
editor's incremental path). ``layout_map`` is the one-shot form.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from journeydesk.model.project import Card, EmotionCurve, JourneyMap, Lane, Project

from . import icons, routing, shapes
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
    Point,
    Primitive,
    Rect,
    Text,
)
from .text import one_line, wrap
from .theme import (
    DEFAULT_THEME,
    Z_BACKGROUND,
    Z_CARD,
    Z_CHROME,
    Z_CONNECTION,
    Z_CURVE,
    Z_CURVE_POINT,
    Z_GRID,
    Z_HEADER,
    Z_LANE,
    Z_SEPARATOR,
    Theme,
)
from .vocabulary import Vocabulary

LINK_COLOUR = "#2F6FB3"
"""The mark of a card linked to another map."""


@dataclass(frozen=True)
class LayoutOptions:
    language: str | None = None
    """Language of the drawing's own words; default: the project's."""
    lanes: frozenset[str] | None = None
    """Lane ids to show; None: all."""
    hide_lane_kinds: frozenset[str] = frozenset()
    """Lane kinds left out (e.g. {"backstage", "notes"} for a client poster)."""
    title_block: bool = True
    legend: bool = True
    comments: bool = True
    """Show comment counts on cards (client exports leave them out)."""
    date: dt.date | None = None
    """Date printed in the title block; default: the project's modified date."""
    logo: str | None = None
    """Asset id of a logo for the title block (export profiles)."""
    brand_colour: str | None = None
    """Rule under the title block in the client's colour (export profiles)."""


@dataclass(frozen=True)
class CardMeasure:
    width: float
    height: float
    title: tuple[str, ...]
    body: tuple[str, ...]
    title_cut: bool
    body_cut: bool
    image_height: float = 0.0


@dataclass
class _Ctx:
    project: Project
    jmap: JourneyMap
    theme: Theme
    options: LayoutOptions
    language: str
    vocab: Vocabulary
    items: list[Item] = field(default_factory=list)
    overflows: list[Overflow] = field(default_factory=list)
    comments: dict[str, int] = field(default_factory=dict)
    """Open review comments per element (empty when the options leave them out)."""

    def image_aspect(self, card: Card) -> float:
        if card.image is None:
            return 0.0
        asset = next((a for a in self.project.assets if a.id == card.image), None)
        return asset.height / asset.width if asset else 0.0


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

    def layout(
        self, project: Project, jmap: JourneyMap, options: LayoutOptions | None = None
    ) -> MapLayout:
        options = options or LayoutOptions()
        language = options.language or project.language
        ctx = _Ctx(project, jmap, self.theme, options, language, Vocabulary(project, language))
        t = self.theme
        steps = jmap.steps()
        step_index = {s.id: i for i, s in enumerate(steps)}
        n_cols = max(1, len(steps))
        x0 = t.margin + t.lane_header_width
        width = x0 + n_cols * t.column_width + t.margin
        y = t.margin
        if options.title_block:
            self._title_block(ctx, Rect(t.margin, y, width - 2 * t.margin, t.title_height))
            y += t.title_height + 8
        y = self._headers(ctx, x0, y, step_index)
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
                # Every point's marker first, so no curve's words land on another's point.
                taken = self._curve_markers(curves, lane_rects[lane.id], step_index, x0)
                for k, curve in enumerate(curves):
                    self._curve(ctx, curve, k, lane_rects[lane.id], step_index, x0, taken)
                self._curve_key(ctx, curves, lane_rects[lane.id])
        for card in jmap.cards:
            box = card_boxes.get(card.id)
            if box is not None:
                self._card(ctx, card, box, comment_counts.get(card.id, 0))
        self._connections(ctx, card_boxes, lane_rects, lanes, x0)
        self._separators(ctx, lanes, lane_rects)
        y = grid_bottom + 10
        if options.legend:
            y = self._legend(ctx, Rect(t.margin, y, width - 2 * t.margin, t.legend_height))
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

    # --- chrome --------------------------------------------------------

    def _title_block(self, ctx: _Ctx, rect: Rect) -> None:
        t = self.theme
        p, m, lang = ctx.project, ctx.jmap, ctx.language
        prims: list[Primitive] = []
        title, cut = one_line(p.title or m.name, t.bold, t.title_size, rect.w * 0.7)
        if cut:
            ctx.overflows.append(Overflow(None, "project.title", p.title))
        prims.append(
            Text(
                rect.x,
                rect.y,
                rect.w * 0.7,
                (title,),
                t.bold,
                t.title_size,
                t.ink,
                t.title_size * t.leading,
            )
        )
        kind = f"{label(m.type, lang)} · {label(m.state, lang)}"
        sub_text = f"{m.name} — {kind}" if p.title else kind
        sub, _ = one_line(sub_text, t.face, t.subtitle_size, rect.w * 0.7)
        sub_y = rect.y + t.title_size * t.leading + 2
        prims.append(
            Text(
                rect.x,
                sub_y,
                rect.w * 0.7,
                (sub,),
                t.face,
                t.subtitle_size,
                t.muted,
                t.subtitle_size * t.leading,
            )
        )
        personas = {x.id: x for x in p.personas}
        names = [personas[i].name for i in m.personas if i in personas]
        right: list[str] = []
        if names:
            right.append(f"{label('personas', lang)}: {', '.join(names)}")
        when = ctx.options.date or (p.modified.date() if p.modified else None)
        if when:
            right.append(f"{label('updated', lang)}: {when.isoformat()}")
        if m.based_on:
            base = p.map_by_id(m.based_on)
            if base is not None:
                right.append(f"{label('based_on', lang)}: {base.name}")
        right_w = rect.w * 0.3
        logo = ctx.options.logo
        if logo is not None and any(a.id == logo for a in p.assets):
            asset = next(a for a in p.assets if a.id == logo)
            lh = rect.h - 8
            lw = min(rect.w * 0.15, lh * asset.width / asset.height)
            prims.append(Image(logo, Rect(rect.right - lw, rect.y, lw, lh)))
            right_w -= lw + 12
        lines = tuple(one_line(s, t.face, t.subtitle_size, right_w)[0] for s in right)
        if lines:
            prims.append(
                Text(
                    rect.x + rect.w * 0.7,
                    rect.y + 4,
                    right_w,
                    lines,
                    t.face,
                    t.subtitle_size,
                    t.muted,
                    t.subtitle_size * t.leading,
                    "right",
                )
            )
        brand = ctx.options.brand_colour
        prims.append(
            Line(
                ((rect.x, rect.bottom), (rect.right, rect.bottom)),
                brand or t.grid,
                3.0 if brand else 1.0,
            )
        )
        ctx.items.append(Item("title", None, rect, Z_CHROME, prims))

    def _headers(self, ctx: _Ctx, x0: float, y: float, step_index: dict[str, int]) -> float:
        t = self.theme
        cw = t.column_width
        col = 0
        kpi_lines = max((len(s.kpis) for s in ctx.jmap.stages), default=0)
        kpi_h = (kpi_lines * t.badge_size * 1.5 + 6) if kpi_lines else 0.0
        metrics_by_id = {mt.id: mt for mt in ctx.project.metrics}
        for stage in ctx.jmap.stages:
            n = len(stage.steps)
            rect = Rect(x0 + col * cw, y, n * cw, t.stage_header_height)
            name, cut = one_line(stage.name, t.bold, t.stage_size, rect.w - 12)
            if cut:
                ctx.overflows.append(Overflow(stage.id, "name", stage.name))
            prims: list[Primitive] = [
                Box(rect.adjusted(1, 0, -1, 0), fill=t.stage_fill, radius=2),
                Text(
                    rect.x + 6,
                    rect.y + (rect.h - t.stage_size * t.leading) / 2,
                    rect.w - 12,
                    (name,),
                    t.bold,
                    t.stage_size,
                    t.stage_ink,
                    t.stage_size * t.leading,
                ),
            ]
            ctx.items.append(Item("stage", stage.id, rect, Z_HEADER, prims))
            for k, step in enumerate(stage.steps):
                srect = Rect(
                    x0 + (col + k) * cw, y + t.stage_header_height, cw, t.step_header_height
                )
                sw = wrap(step.name, t.bold, t.step_size, cw - 10, 2)
                if sw.truncated:
                    ctx.overflows.append(Overflow(step.id, "name", step.name))
                th = len(sw.lines) * t.step_size * t.leading
                ctx.items.append(
                    Item(
                        "step",
                        step.id,
                        srect,
                        Z_HEADER,
                        [
                            Box(srect.adjusted(1, 1, -1, -1), fill=t.step_fill),
                            Text(
                                srect.x + 5,
                                srect.y + (srect.h - th) / 2,
                                cw - 10,
                                sw.lines,
                                t.bold,
                                t.step_size,
                                t.ink,
                                t.step_size * t.leading,
                                "center",
                            ),
                        ],
                    )
                )
            if kpi_h and stage.kpis:
                krect = Rect(
                    rect.x, y + t.stage_header_height + t.step_header_height, rect.w, kpi_h
                )
                lines = []
                for kpi in stage.kpis:
                    mt = metrics_by_id.get(kpi.metric)
                    if mt is None:
                        continue
                    unit = f" {mt.unit}" if mt.unit and mt.unit != "%" else (mt.unit or "")
                    value = "—" if kpi.value is None else f"{kpi.value:g}{unit}"
                    target = kpi.target if kpi.target is not None else mt.target
                    tail = (
                        f"  ({label('target', ctx.language)} {target:g}{unit})"
                        if target is not None
                        else ""
                    )
                    line, _ = one_line(
                        f"{mt.name}: {value}{tail}", t.face, t.badge_size * 1.15, krect.w - 10
                    )
                    lines.append(line)
                ctx.items.append(
                    Item(
                        "kpis",
                        stage.id,
                        krect,
                        Z_HEADER,
                        [
                            Box(krect.adjusted(1, 1, -1, -1), fill="#FFFFFF", stroke=t.grid),
                            Text(
                                krect.x + 5,
                                krect.y + 3,
                                krect.w - 10,
                                tuple(lines),
                                t.face,
                                t.badge_size * 1.15,
                                t.ink,
                                t.badge_size * 1.5,
                            ),
                        ],
                    )
                )
            col += n
        return y + t.stage_header_height + t.step_header_height + kpi_h

    # --- lanes and cards -----------------------------------------------

    def _place_cards(
        self,
        ctx: _Ctx,
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
        self, ctx: _Ctx, lane: Lane, step_index: dict[str, int], x0: float, top: float, width: float
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

    def _lane(self, ctx: _Ctx, lane: Lane, rect: Rect, n: int) -> None:
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
        ctx: _Ctx,
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

    def _card(self, ctx: _Ctx, card: Card, rect: Rect, comments: int) -> None:
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
        self, ctx: _Ctx, card: Card, rect: Rect, comments: int, m: CardMeasure
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

    def _badges(self, ctx: _Ctx, card: Card, rect: Rect, comments: int) -> list[Primitive]:
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

    def _curve(
        self,
        ctx: _Ctx,
        curve: EmotionCurve,
        k: int,
        lane: Rect,
        step_index: dict[str, int],
        x0: float,
        taken: list[Rect],
    ) -> None:
        t = self.theme
        colour = curve.colour or t.curve_colours[k % len(t.curve_colours)]
        lo, hi = curve.scale.min, curve.scale.max
        top = lane.y + 14
        h = lane.h - 28

        def to_y(score: float) -> float:
            return top + (hi - score) / (hi - lo) * h

        pts = sorted(
            (
                (x0 + (step_index[p.step] + p.offset) * t.column_width, to_y(p.score), p)
                for p in curve.points
                if p.step in step_index
            ),
            key=lambda v: v[0],
        )
        prims: list[Primitive] = []
        if k == 0:
            zero = to_y(min(max(0.0, lo), hi))
            prims.append(Line(((x0, zero), (lane.right, zero)), t.grid, 0.75, (3, 3)))
        if len(pts) >= 2:
            prims.append(
                Path(shapes.monotone_curve([(x, y) for x, y, _ in pts]), stroke=colour, width=2.0)
            )
        bounds = Rect(x0, lane.y, lane.right - x0, lane.h)
        ctx.items.append(Item("curve", curve.id, bounds, Z_CURVE, prims))
        for x, y, p in pts:
            r = t.point_radius
            marks = shapes.score_mark(
                p.score, lo, hi, x, y, r, shapes.score_colour(p.score, lo, hi)
            )
            words = p.emotion or p.label
            # Alternate sides between curves so two personas' words do not collide;
            # keep the label inside the lane.
            above = k % 2 == 0
            if above and y - top < t.curve_label_size * t.leading + r:
                above = False
            elif not above and top + h - y < t.curve_label_size * t.leading + r:
                above = True
            if words:
                txt, cut = one_line(words, t.face, t.curve_label_size, t.column_width - 8)
                if cut:
                    ctx.overflows.append(Overflow(p.id, "emotion", words))
                lh = t.curve_label_size * t.leading
                tw = metrics(t.italic).width(txt, t.curve_label_size)
                sides = (above, not above)
                rects = {
                    side: Rect(x - tw / 2, y - r - 2 - lh if side else y + r + 2, tw, lh)
                    for side in sides
                }
                inside = {
                    side: rects[side].y >= lane.y and rects[side].bottom <= lane.bottom
                    for side in sides
                }
                above = next(
                    (
                        side
                        for side in sides
                        if inside[side] and not any(rects[side].intersects(o) for o in taken)
                    ),
                    above,
                )
                taken.append(rects[above])
                ty = rects[above].y
                marks.append(
                    Text(
                        x - t.column_width / 2 + 4,
                        ty,
                        t.column_width - 8,
                        (txt,),
                        t.italic,
                        t.curve_label_size,
                        _darker(colour),
                        t.curve_label_size * t.leading,
                        "center",
                    )
                )
            ctx.items.append(
                Item("curve_point", p.id, Rect(x - r, y - r, 2 * r, 2 * r), Z_CURVE_POINT, marks)
            )

    def _curve_markers(
        self, curves: list[EmotionCurve], lane: Rect, step_index: dict[str, int], x0: float
    ) -> list[Rect]:
        t = self.theme
        r = t.point_radius + 1
        out = []
        top, h = lane.y + 14, lane.h - 28
        for curve in curves:
            lo, hi = curve.scale.min, curve.scale.max
            for p in curve.points:
                if p.step in step_index:
                    x = x0 + (step_index[p.step] + p.offset) * t.column_width
                    y = top + (hi - p.score) / (hi - lo) * h
                    out.append(Rect(x - r, y - r, 2 * r, 2 * r))
        return out

    def _curve_key(self, ctx: _Ctx, curves: list[EmotionCurve], lane: Rect) -> None:
        """Which colour is whose curve, under the lane's name."""
        t = self.theme
        if not curves:
            return
        personas = {p.id: p.name for p in ctx.project.personas}
        size = t.badge_size * 1.15
        lh = size * t.leading
        x = lane.x + 6
        w = t.lane_header_width - 12
        y = lane.bottom - 6 - lh * len(curves)
        prims: list[Primitive] = []
        for k, curve in enumerate(curves):
            colour = curve.colour or t.curve_colours[k % len(t.curve_colours)]
            name = curve.label or personas.get(curve.persona or "", "") or f"#{k + 1}"
            txt, _ = one_line(name, t.face, size, w - 16)
            yy = y + k * lh
            prims.append(Line(((x, yy + lh / 2), (x + 12, yy + lh / 2)), colour, 2.0))
            prims.append(Text(x + 16, yy, w - 16, (txt,), t.face, size, t.ink, lh))
        ctx.items.append(Item("curve_key", None, Rect(x, y, w, lh * len(curves)), Z_HEADER, prims))

    # --- connections and separators ------------------------------------

    def _connections(
        self,
        ctx: _Ctx,
        boxes: dict[str, Rect],
        lane_rects: dict[str, Rect],
        lanes: list[Lane],
        x0: float,
    ) -> None:
        t = self.theme
        all_boxes = list(boxes.values())
        shown = [c for c in ctx.jmap.connections if c.source in boxes and c.target in boxes]
        routes = self._router.route_all(
            [(boxes[c.source], boxes[c.target]) for c in shown],
            all_boxes,
            t.column_gap,
            t.lane_padding,
            t.column_width,
        )
        for conn, route in zip(shown, routes, strict=True):
            dash: tuple[float, ...] = (4, 3) if conn.kind in ("handoff", "loop") else ()
            prims: list[Primitive] = [Line(tuple(route), t.connection, 1.1, dash, arrow=True)]
            head = shapes.arrow_head(route[-1], route[-2], 6)
            prims.append(Path(shapes.polygon_ops(list(head)), fill=t.connection))
            if conn.label:
                prims += self._connection_label(conn.label, route, all_boxes)
            xs = [p[0] for p in route]
            ys = [p[1] for p in route]
            bounds = Rect(min(xs) - 6, min(ys) - 6, max(xs) - min(xs) + 12, max(ys) - min(ys) + 12)
            ctx.items.append(Item("connection", conn.id, bounds, Z_CONNECTION, prims))

    def _connection_label(
        self, text: str, route: list[Point], cards: list[Rect]
    ) -> list[Primitive]:
        """The label sits just above the route's longest horizontal run, clear of
        the cards; when no run has room it is left out of the drawing."""
        t = self.theme
        size = t.badge_size
        h = size * t.leading
        runs = sorted(
            (
                (abs(q[0] - p[0]), p, q)
                for p, q in itertools.pairwise(route)
                if abs(q[1] - p[1]) < 0.01
            ),
            reverse=True,
        )
        for length, p, q in runs:
            if length < 30:
                break
            txt, _ = one_line(text, t.italic, size, length - 8)
            w = metrics(t.italic).width(txt, size) + 4
            cx = (p[0] + q[0]) / 2
            for y in (p[1] - h - 1, p[1] + 1):
                rect = Rect(cx - w / 2, y, w, h)
                if not any(rect.intersects(c) for c in cards):
                    return [
                        Box(rect, fill="#FFFFFF"),
                        Text(rect.x, rect.y, w, (txt,), t.italic, size, t.connection, h, "center"),
                    ]
        return []

    def _separators(self, ctx: _Ctx, lanes: list[Lane], lane_rects: dict[str, Rect]) -> None:
        t = self.theme
        for sep in ctx.jmap.separators:
            rect = lane_rects.get(sep.after_lane)
            if rect is None:
                continue
            y = rect.bottom
            text = sep.label or label(
                sep.kind if sep.kind != "custom" else "separator", ctx.language
            )
            txt, _ = one_line(text, t.bold, t.badge_size * 1.1, 260)
            w = metrics(t.bold).width(txt, t.badge_size * 1.1) + 8
            x = rect.x + t.lane_header_width + 6
            dash = {
                "interaction": (6, 3),
                "visibility": (2, 2),
                "internal_interaction": (8, 3, 2, 3),
            }
            prims: list[Primitive] = [
                Line(((rect.x, y), (rect.right, y)), t.separator, 1.6, dash.get(sep.kind, (4, 4))),
                Box(
                    Rect(x, y - 6, w, 12),
                    fill="#FFFFFF",
                    stroke=t.separator,
                    stroke_width=0.8,
                    radius=6,
                ),
                Text(
                    x + 4,
                    y - 6 + (12 - t.badge_size * 1.1 * t.leading) / 2,
                    w - 8,
                    (txt,),
                    t.bold,
                    t.badge_size * 1.1,
                    t.separator,
                    t.badge_size * 1.1 * t.leading,
                ),
            ]
            ctx.items.append(
                Item("separator", sep.id, Rect(rect.x, y - 6, rect.w, 12), Z_SEPARATOR, prims)
            )

    # --- legend --------------------------------------------------------

    def _legend(self, ctx: _Ctx, rect: Rect) -> float:
        t = self.theme
        lang = ctx.language
        size = t.legend_size
        lh = size * t.leading
        prims: list[Primitive] = [
            Text(
                rect.x,
                rect.y,
                200,
                (label("legend", lang),),
                t.bold,
                size * 1.2,
                t.ink,
                size * 1.2 * t.leading,
            )
        ]
        y0 = rect.y + size * 1.2 * t.leading + 4
        x = rect.x
        col_w = 170.0

        def heading(text: str) -> None:
            prims.append(Text(x, y0, col_w, (text,), t.bold, size, t.ink, lh))

        def entry(row: int, marks: list[Primitive], text: str) -> None:
            prims.extend(marks)
            txt, _ = one_line(text, t.face, size, col_w - 16)
            prims.append(
                Text(x + 14, y0 + lh * (row + 1), col_w - 16, (txt,), t.face, size, t.ink, lh)
            )

        heading(label("sentiment", lang))
        for row, kind in enumerate(("positive", "neutral", "problematic")):
            cy = y0 + lh * (row + 1) + lh / 2
            entry(
                row,
                shapes.sentiment_mark(kind, x + 5, cy, 4, t.sentiment_colours[kind]),
                label(kind, lang),
            )
        x += col_w
        heading(label("evidence", lang))
        for row, kind in enumerate(("observed", "assumed", "proposed")):
            cy = y0 + lh * (row + 1) + lh / 2
            entry(row, shapes.confidence_mark(kind, x + 5, cy, 3.5, t.ink), label(kind, lang))
        x += col_w
        scale = ctx.jmap.curves[0].scale if ctx.jmap.curves else None
        if scale is not None:
            heading(label("emotion", lang))
            values = [scale.max, (scale.max + scale.min) / 2, scale.min]
            names = {sl.value: sl.label for sl in scale.labels}
            for row, v in enumerate(values):
                cy = y0 + lh * (row + 1) + lh / 2
                entry(
                    row,
                    shapes.score_mark(
                        v,
                        scale.min,
                        scale.max,
                        x + 5,
                        cy,
                        3.5,
                        shapes.score_colour(v, scale.min, scale.max),
                    ),
                    _score_text(v, names, lang),
                )
            x += col_w
        used = sorted({c.channel for c in ctx.jmap.cards if c.channel})
        if used:
            heading(label("channels", lang))
            names_ = [ctx.vocab.label("channels", c) for c in used]
            for row, chunk in enumerate(_chunks(names_, 3)):
                txt, _ = one_line(", ".join(chunk), t.face, size, col_w * 1.5)
                prims.append(
                    Text(x, y0 + lh * (row + 1), col_w * 1.5, (txt,), t.face, size, t.ink, lh)
                )
            x += col_w * 1.6
        kinds = sorted({c.kind for c in ctx.jmap.connections})
        if kinds:
            heading(label("connections", lang))
            for row, kind in enumerate(kinds[:3]):
                yy = y0 + lh * (row + 1) + lh / 2
                dash: tuple[float, ...] = (4, 3) if kind in ("handoff", "loop") else ()
                prims.append(Line(((x, yy), (x + 10, yy)), t.connection, 1.1, dash))
                entry(row, [], ctx.vocab.label("connection_kinds", kind))
        bottom = y0 + lh * 4 + 4
        ctx.items.append(
            Item("legend", None, Rect(rect.x, rect.y, rect.w, bottom - rect.y), Z_CHROME, prims)
        )
        return bottom


# --- helpers -----------------------------------------------------------


def _score_text(value: float, names: dict[float, str], language: str) -> str:
    """ "+2 Very positive"; a curve's own label wins, whole default scores get ours."""
    name = names.get(value)
    if name is None and value == int(value) and -2 <= value <= 2:
        name = label(f"score_{int(value)}", language)
    number = f"{value:+g}" if value else "0"
    return f"{number} {name}".strip() if name else number


def _runs(cols: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted column indexes: [1, 2, 3, 5] → [(1, 3), (5, 5)]."""
    runs: list[tuple[int, int]] = []
    for c in cols:
        if runs and c == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return runs


def _darker(colour: str, f: float = 0.75) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"#{int(r * f):02X}{int(g * f):02X}{int(b * f):02X}"


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


def _chunks(values: list[str], n: int) -> list[list[str]]:
    size = max(1, -(-len(values) // n))
    return [values[i : i + size] for i in range(0, len(values), size)][:n]


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
