"""Where a point of the drawing falls: which cell, which place in a cell.

Pure geometry over a ``MapLayout`` (the canvas asks it during drags and drops;
it runs without Qt).
"""

from __future__ import annotations

from dataclasses import dataclass

from .primitives import MapLayout, Rect


@dataclass(frozen=True)
class CellHit:
    step: str
    lane: str
    index: int
    """Where a card dropped here goes among the cell's cards (0 = first)."""
    rect: Rect
    """The cell (step column × lane row)."""
    insert_y: float
    """The y of the insertion line to draw."""


@dataclass(frozen=True)
class Grid:
    steps: list[tuple[str, Rect]]
    lanes: list[tuple[str, Rect, str]]
    """Lane id, its row, and its kind of item (``lane`` or ``channel_grid``)."""
    cards: dict[str, Rect]


def grid_of(layout: MapLayout) -> Grid:
    """The cell grid of a layout, computed once per layout (drags ask on every
    mouse move)."""
    cached = layout.__dict__.get("_grid")
    if isinstance(cached, Grid):
        return cached
    grid = _grid_of(layout)
    layout.__dict__["_grid"] = grid
    return grid


def _grid_of(layout: MapLayout) -> Grid:
    steps = [(i.element, i.bounds) for i in layout.items if i.kind == "step" and i.element]
    lanes = [(i.element, i.bounds, i.kind) for i in layout.items if i.kind == "lane" and i.element]
    cards = {i.element: i.bounds for i in layout.items if i.kind == "card" and i.element}
    return Grid(
        sorted(steps, key=lambda s: s[1].x), sorted(lanes, key=lambda lane: lane[1].y), cards
    )


def cell_at(
    layout: MapLayout, x: float, y: float, cards_in_cell: dict[tuple[str, str], list[str]]
) -> CellHit | None:
    """The cell under ``(x, y)`` and the insertion index there, or None outside
    the grid. ``cards_in_cell`` lists each cell's card ids in their order,
    without the cards being dragged."""
    grid = grid_of(layout)
    step = next(((sid, r) for sid, r in grid.steps if r.x <= x < r.right), None)
    lane = next(((lid, r) for lid, r, _k in grid.lanes if r.y <= y < r.bottom), None)
    if step is None or lane is None:
        return None
    rect = Rect(step[1].x, lane[1].y, step[1].w, lane[1].h)
    ids = cards_in_cell.get((step[0], lane[0]), [])
    index = 0
    insert_y = rect.y + 6
    for n, card_id in enumerate(ids):
        box = grid.cards.get(card_id)
        if box is None:
            continue
        if y > box.y + box.h / 2:
            index = n + 1
            insert_y = box.bottom + 3
    return CellHit(step[0], lane[0], index, rect, insert_y)


def header_index_at(layout: MapLayout, kind: str, x: float, y: float) -> tuple[str, int] | None:
    """For reordering headers: the element of ``kind`` (stage, step, lane) under
    the point and whether the point is in its first or second half (0 or 1)."""
    for item in layout.items:
        if item.kind != kind or item.element is None:
            continue
        b = item.bounds
        if kind == "lane":
            if b.y <= y < b.bottom:
                return item.element, int(y >= b.y + b.h / 2)
        elif b.x <= x < b.right and b.y <= y < b.bottom:
            return item.element, int(x >= b.x + b.w / 2)
    return None
