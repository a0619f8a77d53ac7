"""Comparison marks: a coloured frame and a badge on the elements a comparison
found added, changed or moved (File → Compare With…, a future-state map
against the map it is based on).

Why in the layout: the marks are drawing like everything else (DESIGN.md: the
layout is the one place that decides what is drawn), so the canvas, a print
and an export draw them once, from the same primitives, and the canvas keeps
its one-item-per-layout-item rule. The caller passes ``LayoutOptions.marks``;
with none (the default) nothing here runs. No Qt.
"""

from __future__ import annotations

from collections.abc import Mapping

from .context import LayoutContext
from .fonts import metrics
from .primitives import Box, Item, Primitive, Rect, Text
from .theme import Z_CHROME

MARK_KINDS = ("added", "changed", "moved", "removed")

MARK_COLOURS: dict[str, str] = {
    "added": "#2E7D32",
    "changed": "#C77700",
    "moved": "#1565C0",
    "removed": "#C62828",
}
MARK_GLYPHS: dict[str, str] = {"added": "+", "changed": "~", "moved": ">", "removed": "-"}
MARKED_KINDS = ("card", "stage", "step", "lane")
"""Which items carry a mark: the cells' contents and the map's structure."""

Z_MARK = Z_CHROME - 1.0


def mark_items(ctx: LayoutContext, card_boxes: Mapping[str, Rect]) -> None:
    """Add one ``mark`` item over each marked element drawn so far. A card's
    frame goes round its box in ``card_boxes`` (this layout's): the Item in
    ``ctx.items`` of a card whose lane only moved is still the last layout's,
    at its old place, until the layout is read (unsettled.py)."""
    marks = dict(ctx.options.marks)
    if not marks:
        return
    t = ctx.theme
    found: list[Item] = []
    for item in ctx.items:
        mark = marks.get(item.element or "")
        if mark not in MARK_COLOURS or item.kind not in MARKED_KINDS:
            continue
        colour = MARK_COLOURS[mark]
        r = item.bounds
        if item.kind == "card":
            r = card_boxes.get(item.element or "", r)
        size = max(6.0, t.badge_size)
        d = size * 1.6
        badge = Rect(r.right - d * 0.75, r.y - d * 0.25, d, d)
        glyph = MARK_GLYPHS[mark]
        gw = metrics(t.bold).width(glyph, size)
        prims: list[Primitive] = [
            Box(r.adjusted(-1.5, -1.5, 1.5, 1.5), stroke=colour, stroke_width=2.0, radius=3.0),
            Box(badge, fill=colour, stroke="#FFFFFF", stroke_width=0.75, radius=d / 2),
            Text(
                badge.x + (d - gw) / 2,
                badge.y + (d - size * t.leading) / 2,
                gw,
                (glyph,),
                t.bold,
                size,
                "#FFFFFF",
                size * t.leading,
            ),
        ]
        found.append(
            Item("mark", None, badge.united(r.adjusted(-2.5, -2.5, 2.5, 2.5)), Z_MARK, prims)
        )
    ctx.items.extend(found)
