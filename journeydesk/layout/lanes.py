"""A map's lanes beyond their cards' stacking: cards spanning lanes stretched
down through empty cells, and the channel grid (split from ``engine``; no Qt)."""

from __future__ import annotations

from journeydesk.model.project import Card, Lane

from . import shapes
from .context import LayoutContext
from .primitives import Box, Item, Line, Overflow, Path, Primitive, Rect, Text
from .stack import up
from .text import one_line, wrap
from .theme import Z_GRID, Z_LANE, Theme


def span_lanes(
    theme: Theme,
    lanes: list[Lane],
    lane_rects: dict[str, Rect],
    cards_by_lane: dict[str, list[Card]],
    step_index: dict[str, int],
    card_boxes: dict[str, Rect],
    spanning: dict[str, list[Card]] | None = None,
) -> None:
    """A card spanning lanes (``span_lanes`` > 1) stretches down through
    the lanes of cards below it, as far as their cells under it are empty:
    where a spanned cell holds a card, the span stops above that lane (so
    nothing is ever covered, and a card dropped there shortens it).
    ``spanning``: each placed lane's cards spanning lanes, when known (the
    other lanes' cards have no box)."""
    n_cols = len(step_index)
    position = {lane.id: n for n, lane in enumerate(lanes)}
    taken: dict[str, set[int]] = {}

    def taken_in(lane_id: str) -> set[int]:
        """The columns a lane's cards take (worked out for the lanes a span
        reaches only: most maps have few spans, and every edit lays out)."""
        cols = taken.get(lane_id)
        if cols is None:
            cols = taken[lane_id] = set()
            for card in cards_by_lane.get(lane_id, ()):
                i = step_index[card.step]
                cols.update(range(i, min(n_cols, i + card.span_steps)))
        return cols

    for lane_id, cards in cards_by_lane.items():
        if spanning is not None:
            spans = spanning.get(lane_id, [])
        else:
            spans = [c for c in cards if c.span_lanes > 1]
        for card in spans:
            box = card_boxes.get(card.id)
            if box is None or lane_id not in position:
                continue
            i = step_index[card.step]
            cols = set(range(i, min(n_cols, i + card.span_steps)))
            below = [
                other
                for other in cards
                if other is not card and other.id in card_boxes and card_boxes[other.id].y > box.y
            ]
            if any(
                cols & set(range(step_index[o.step], step_index[o.step] + o.span_steps))
                for o in below
            ):
                continue  # a card of its own lane sits below it
            start = position[lane_id] + 1
            last: Lane | None = None
            for lane in lanes[start : start + card.span_lanes - 1]:
                blocked = taken_in(lane.id) & cols
                if lane.collapsed or lane.display != "cards" or blocked:
                    break
                last = lane
            if last is not None:
                bottom = lane_rects[last.id].bottom - theme.lane_padding
                card_boxes[card.id] = Rect(box.x, box.y, box.w, max(box.h, bottom - box.y))


def channel_grid(
    theme: Theme,
    ctx: LayoutContext,
    lane: Lane,
    step_index: dict[str, int],
    x0: float,
    top: float,
    width: float,
) -> float:
    """A row per channel the map's cards use, a mark in each step that uses it."""
    t = theme
    used: dict[str, set[int]] = {}
    for card in ctx.jmap.cards:
        if card.channel and card.step in step_index:
            i = step_index[card.step]
            cols = used.setdefault(card.channel, set())
            cols.update(range(i, min(i + card.span_steps, len(step_index))))
    row_h = t.badge_size * 2.2
    h = up(max(t.lane_min_height, len(used) * row_h + 2 * t.lane_padding))
    prims: list[Primitive] = []
    y = top + t.lane_padding
    size = t.badge_size * 1.15
    for n, (channel, cols) in enumerate(used.items()):
        entry = ctx.vocab.entry("channels", channel)
        colour = entry.colour or t.muted
        cy = y + n * row_h + row_h / 2
        if n % 2 == 0:
            prims.append(Box(Rect(x0, y + n * row_h, width - t.margin - x0, row_h), fill="#EEF1F5"))
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


def _runs(cols: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs in sorted column indexes: [1, 2, 3, 5] → [(1, 3), (5, 5)]."""
    runs: list[tuple[int, int]] = []
    for c in cols:
        if runs and c == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], c)
        else:
            runs.append((c, c))
    return runs


def lane_item(theme: Theme, ctx: LayoutContext, lane: Lane, rect: Rect, n: int) -> None:
    """A lane's band and header (its name wrapped to the header, cut marked)."""
    t = theme
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
