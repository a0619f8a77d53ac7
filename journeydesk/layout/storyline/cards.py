"""Rows of cards, one per kind, in columns: the body of the stage and the
comparison slides."""

from __future__ import annotations

from dataclasses import replace

from journeydesk.model.catalogue import SLIDE_WORDS
from journeydesk.model.project import Card

from ..fonts import metrics
from ..primitives import Box, Primitive, Rect
from ..text import wrap
from .slide import MIN_TEXT, PANEL_KINDS, Slide
from .words import word


def panel_kinds(cards: list[Card]) -> list[str]:
    """The card kinds a stage panel shows: touchpoints, pain points and moments
    of truth that are there, else the two commonest kinds."""
    kinds = [k for k in PANEL_KINDS if any(c.kind == k for c in cards)]
    if not kinds:
        counts: dict[str, int] = {}
        for c in cards:
            counts[c.kind] = counts.get(c.kind, 0) + 1
        kinds = sorted(counts, key=lambda k: -counts[k])[:2]
    return kinds


def card_rows(
    sl: Slide,
    kinds: list[str],
    cells: dict[tuple[str, int], list[Card]],
    cols: list[tuple[float, float]],
    label_x: float,
    label_w: float,
    y0: float,
    bottom: float,
    marks: dict[str, str] | None = None,
) -> list[Primitive]:
    """Rows of cards, one per kind (its name at ``label_x``), in columns
    ``cols`` (x, width) from ``y0`` down to ``bottom``. Card text is as large as
    the room allows (34, 31 or 28 px at 1080p) and each card takes two lines
    where it needs them; when the rows do not fit, cards go to one line one at
    a time, from the cells that make the tallest row tall, then cells cut their
    lists with "+ n more". ``marks`` tag cards as new, changed or removed."""
    u, t = sl.u, sl.theme
    marks = marks or {}
    pad = 11 * u
    card_gap = 10 * u
    row_gap = 16 * u
    stripe = 8 * u
    tag_pad = 10 * u
    tag_w = {
        k: metrics(t.bold).width(word(k, sl.lang), MIN_TEXT * u) + 2 * tag_pad + 2 * u
        for k in set(marks.values())
    }
    avail = bottom - y0
    caps: dict[str, int] = {}
    """Cards held to one line."""
    cache: dict[tuple[str, int, float], tuple[int, bool]] = {}

    def inner(c: Card, i: int) -> float:
        mark = marks.get(c.id)
        return cols[i][1] - stripe - 2 * pad - (tag_w[mark] + 16 * u if mark else 0.0)

    def two(c: Card, i: int, size: float) -> tuple[int, bool]:
        """Lines the card takes at two lines at most, and whether that cuts it."""
        key = (c.id, i, size)
        if key not in cache:
            w = wrap(c.title or c.body, t.bold, size * u, inner(c, i), 2)
            cache[key] = (len(w.lines), w.truncated)
        return cache[key]

    def lines_of(c: Card, i: int, size: float) -> int:
        return min(two(c, i, size)[0], caps.get(c.id, 2))

    line_totals: dict[tuple[str, int, float], int] = {}
    """Lines of each cell's cards, one less when a card of the cell goes to one
    line (kept, not summed again: a cell of thousands of cards would be summed
    once per card it gives up)."""

    def cell_h(kind: str, i: int, size: float) -> float:
        key = (kind, i, size)
        cs = cells.get(key[:2], [])
        lines = line_totals.get(key)
        if lines is None:
            lines = line_totals[key] = sum(lines_of(c, i, size) for c in cs)
        return lines * size * u * 1.2 + len(cs) * 2 * pad + card_gap * max(0, len(cs) - 1)

    two_liners: dict[tuple[str, int], list[Card]] = {}
    """Per cell at the chosen size, its cards that took two lines, in order; a
    card that went to one line is dropped when it comes to the end."""

    def last_two_liner(kind: str, i: int) -> Card | None:
        """The cell's last card still at two lines (``size`` is chosen by then)."""
        stack = two_liners.get((kind, i))
        if stack is None:
            stack = two_liners[kind, i] = [
                c for c in cells.get((kind, i), []) if lines_of(c, i, size) == 2
            ]
        while stack and lines_of(stack[-1], i, size) != 2:
            stack.pop()
        return stack[-1] if stack else None

    names = {
        k: sl.text(
            label_x + 18 * u,
            0,
            label_w - 30 * u,
            word(k, sl.lang) if k in SLIDE_WORDS else _plural_kind(sl, k),
            28,
            t.bold,
            t.slide_kind_colours.get(k, (t.muted, ""))[0],
            3,
        )
        for k in kinds
    }

    def row_h(kind: str, size: float) -> float:
        cells_h = max((cell_h(kind, i, size) for i in range(len(cols))), default=0.0)
        return max(cells_h, names[kind].height + pad, 2 * size * u)

    room = avail - row_gap * (len(kinds) - 1)
    size = MIN_TEXT
    for size in (34.0, 31.0, MIN_TEXT):
        if sum(row_h(k, size) for k in kinds) <= room and not any(
            two(c, i, size)[1] for (_k, i), cs in cells.items() for c in cs
        ):
            break

    def shrink(kind: str) -> bool:
        """One more card at one line in the cells that make the row tall (all
        of them must be able to give a line, or the row would not shrink)."""
        height = row_h(kind, size)
        tall = [i for i in range(len(cols)) if cell_h(kind, i, size) >= height - 0.5]
        lasts = [last_two_liner(kind, i) for i in tall]
        if not tall or None in lasts:
            return False
        card = lasts[0]
        assert card is not None
        caps[card.id] = 1
        if (kind, tall[0], size) in line_totals:
            line_totals[kind, tall[0], size] -= 1
        return True

    def one_line_total() -> float:
        lh = size * u * 1.2
        return sum(
            max(
                max(
                    (
                        len(cells.get((k, i), [])) * (lh + 2 * pad + card_gap) - card_gap
                        for i in range(len(cols))
                    ),
                    default=0.0,
                ),
                names[k].height + pad,
                2 * size * u,
            )
            for k in kinds
        )

    # Too tall: cards go to one line one at a time, tallest row first (unless
    # even one line a card cannot fit: then the lists are cut below).
    if one_line_total() <= room:
        while sum(row_h(k, size) for k in kinds) > room:
            if not any(shrink(k) for k in sorted(kinds, key=lambda k: -row_h(k, size))):
                break
    allot = [row_h(k, size) for k in kinds]
    if sum(allot) > room:
        # Still too tall: some rows will cut their lists. Each row gets what it
        # needs at two lines a card when that is no more than an even share of
        # what is left, else an even share, and goes to one line a card only as
        # far as its share asks.
        caps.clear()
        line_totals.clear()
        two_liners.clear()
        need = [row_h(k, size) for k in kinds]
        allot = list(need)
        left, open_rows = room, list(range(len(kinds)))
        while open_rows:
            share = left / len(open_rows)
            fits = [j for j in open_rows if need[j] <= share]
            if not fits:
                break
            left -= sum(need[j] for j in fits)
            open_rows = [j for j in open_rows if j not in fits]
        for j in open_rows:
            allot[j] = left / len(open_rows)
        for j, kind in enumerate(kinds):
            while row_h(kind, size) > allot[j] + 0.5 and shrink(kind):
                pass
    heights = [row_h(k, size) for k in kinds]
    over = [j for j in range(len(kinds)) if heights[j] > allot[j] + 0.5]
    if over:  # these cut their lists ("+ n more"); they share what the others leave
        spare = room - sum(h for j, h in enumerate(heights) if j not in over)
        for j in over:
            heights[j] = spare / len(over)
    lh = size * u * 1.2
    prims: list[Primitive] = []
    y = y0
    for kind, height in zip(kinds, heights, strict=True):
        stroke, fill = t.slide_kind_colours.get(kind, (t.muted, t.slide_other_kind_fill))
        prims.append(Box(Rect(label_x, y, 6 * u, height), fill=stroke))
        prims.append(replace(names[kind], y=y + pad))
        for i, (cx, cw) in enumerate(cols):
            cy = y
            cs = cells.get((kind, i), [])
            for k, c in enumerate(cs):
                n = lines_of(c, i, size)
                ch = n * lh + 2 * pad
                rest = len(cs) - k
                more_h = lh + card_gap
                if cy + ch > y + height + 0.5 or (rest > 1 and cy + ch + more_h > y + height + 0.5):
                    prims.append(
                        sl.text(
                            cx + pad,
                            cy,
                            cw - 2 * pad,
                            word("more", sl.lang, n=rest),
                            28,
                            t.face,
                            t.muted,
                        )
                    )
                    break
                mark = marks.get(c.id)
                c_stroke, c_fill, ink = stroke, fill, t.ink
                if mark == "removed":
                    c_stroke, c_fill = t.slide_removed_colours
                    ink = t.muted
                prims.append(Box(Rect(cx, cy, cw, ch), fill=c_fill, radius=8 * u))
                prims.append(Box(Rect(cx, cy, stripe, ch), fill=c_stroke, radius=0))
                prims.append(
                    sl.text(
                        cx + stripe + pad,
                        cy + pad,
                        inner(c, i),
                        c.title or c.body,
                        size,
                        t.bold,
                        ink,
                        n,
                        leading=1.2,
                    )
                )
                if mark:
                    tw = tag_w[mark]
                    tx = cx + cw - pad - tw
                    th = MIN_TEXT * u * 1.2 + 6 * u
                    ty = cy + pad + (lh - th) / 2
                    prims.append(
                        Box(Rect(tx, ty, tw, th), fill=t.slide_mark_colours[mark], radius=6 * u)
                    )
                    prims.append(
                        sl.text(
                            tx,
                            ty + 3 * u,
                            tw,
                            word(mark, sl.lang),
                            MIN_TEXT,
                            t.bold,
                            t.slide_inverse_ink,
                            align="center",
                            leading=1.2,
                        )
                    )
                cy += ch + card_gap
        y += height + row_gap
    return prims


def _plural_kind(sl: Slide, kind: str) -> str:
    from ..vocabulary import Vocabulary

    return Vocabulary(sl.project, sl.lang).label("card_kinds", kind)
