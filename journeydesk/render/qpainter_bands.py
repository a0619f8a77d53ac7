"""A layout drawn by the QPainter backend in horizontal bands of pixel rows.

A map of 5,000 cards at 150 DPI is 1-2.5 gigapixels: 4-10 GB as one QImage.
The PNG export (``journeydesk.export.png``) draws it a band at a time instead
and encodes each band before the next is drawn, so memory is one band.

A band is drawn as tiles side by side, at most ``TILE_PX`` wide (one tile
unless the map is wider): each a QImage, the painter translated by the
tile's corner. Qt's rasteriser slows down on a long shape in a wide image
(a persona curve or a connection across a 280,000-pixel-wide map: its cells
overflow the rasteriser's pool, and it starts over in thinner strips), not
in a narrow one.

Each primitive is listed once in the tiles its ink can reach (its extent,
widened by its stroke and by two pixels of antialiasing), in drawing order;
a tile draws only its list, and of a text only the lines that can reach it.
A long open stroked path is drawn in each tile as only the runs of its
segments that reach the tile. A tile's pixels are those of the whole
drawing: the same transform moved by whole pixels, and ``pad`` rows and
columns drawn above and to the left of it and thrown away, so that nothing
reaching into it starts at a negative coordinate (Qt's raster engine rounds
a glyph's negative position towards zero, a pixel off).
tests/export/test_png_bands.py compares banded and whole drawings pixel
for pixel, with bands cutting through cards and text.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtGui import QImage

from journeydesk.layout.primitives import (
    Box,
    Image,
    Line,
    MapLayout,
    Path,
    PathOp,
    Primitive,
    Text,
)

from .qpainter import TEXT_REACH, ImageCache, draw_one, draw_text, white_painter

MARGIN_PX = 2
"""Antialiasing reaches one pixel past a shape's edge; two to be safe."""
MITER = 2.0
"""Qt's default miter limit, in pen widths: how far a join may stick out."""
BELOW_BASELINE = 0.5
"""How far below its baseline a glyph's ink reaches, in sizes (descenders: a
third of a size in the bundled fonts)."""
GLYPH_WIDTH = 1.5
"""How far right of its position a glyph's ink reaches, in sizes (the widest
glyphs, W and M, are about one size wide)."""
TILE_PX = 16384
"""Widest tile. A persona curve of a 900-step map drawn into a 59-row band
took 0.93 s 281,592 pixels wide, 0.15 s in tiles of 16,384, 0.19 s in tiles
of 4,096 (more tiles, each drawing the whole path)."""
EDGE_PAD = 4
"""Columns and rows drawn past a tile's right and bottom edges, at least (and
as far as the widest stroke's join reaches: Qt's stroker draws a curve out
of the image as a straight line, whose join with the next segment is not
the curve's)."""
SPLIT_OPS = 16
"""An open stroked path of more segments than this (a persona curve: one
Bézier per step, 900 on a wide map) is drawn in each tile as only the runs
of its segments that reach the tile: Qt strokes the whole path on every draw."""

Extent = tuple[float, float, float, float]
"""left, top, right, bottom, in points."""


def _points_extent(xs: list[float], ys: list[float], pad: float) -> Extent:
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def extent(prim: Primitive) -> Extent | None:
    """Where the primitive's ink may reach (points); None: anywhere (a rotated text)."""
    if isinstance(prim, Text):
        if prim.rotation:
            return None
        reach = (1 + TEXT_REACH) * prim.size
        bottom = prim.y + prim.leading * len(prim.lines) + reach
        return prim.x - reach, prim.y - reach, prim.x + prim.width + reach, bottom
    if isinstance(prim, Box | Image):
        pad = prim.stroke_width * MITER if isinstance(prim, Box) and prim.stroke else 0.0
        r = prim.rect
        return r.x - pad, r.y - pad, r.x + r.w + pad, r.y + r.h + pad
    if isinstance(prim, Line):
        pad = prim.width * MITER
        return _points_extent([p[0] for p in prim.points], [p[1] for p in prim.points], pad)
    if isinstance(prim, Path):
        xs = [v for op in prim.ops for v in op[1::2]]
        ys = [v for op in prim.ops for v in op[2::2]]
        if not ys:
            return 0.0, 0.0, 0.0, 0.0
        pad = prim.width * MITER if prim.stroke else 0.0
        return _points_extent(xs, ys, pad)
    return None


def _stroke(prim: Primitive) -> float:
    if isinstance(prim, Box):
        return prim.stroke_width if prim.stroke else 0.0
    if isinstance(prim, Line):
        return prim.width
    if isinstance(prim, Path):
        return prim.width if prim.stroke else 0.0
    return 0.0


def _splittable(prim: Primitive) -> bool:
    return (
        isinstance(prim, Path)
        and len(prim.ops) > SPLIT_OPS
        and prim.fill is None
        and prim.stroke is not None
        and not prim.dash
        and all(op[0] != "Z" for op in prim.ops)
    )


Segment = tuple[tuple[float, float], bool, PathOp, Extent]


def _segments(prim: Path) -> list[Segment]:
    """Each drawn segment: its start point, whether it starts a subpath, its op,
    its extent without the stroke (the control points' hull holds a Bézier)."""
    out: list[Segment] = []
    x = y = 0.0
    fresh = True
    for op in prim.ops:
        if op[0] == "M":
            x, y = op[1], op[2]
            fresh = True
            continue
        xs = [x, *op[1::2]]
        ys = [y, *op[2::2]]
        out.append(((x, y), fresh, op, _points_extent(xs, ys, 0.0)))
        x, y = float(op[-2]), float(op[-1])  # type: ignore[misc]
        fresh = False
    return out


Reach = Callable[[Extent | None], list[tuple[int, int]]]


class BandedDrawing:
    """``layout`` at ``dpi`` as ``width`` × ``height`` pixels, drawn ``rows``
    rows at a time by :meth:`band` (the last band may be shorter)."""

    def __init__(
        self,
        layout: MapLayout,
        dpi: float,
        rows: int,
        images: ImageCache | None = None,
        tile_width: int = TILE_PX,
    ) -> None:
        self.scale = scale = dpi / 72.0
        self.dpi = dpi
        self.width = max(1, round(layout.width * scale))
        self.height = max(1, round(layout.height * scale))
        self.rows = rows = max(1, min(rows, self.height))
        self.count = -(-self.height // rows)
        self.cols = cols = max(1, min(tile_width, self.width))
        self.columns = -(-self.width // cols)
        self.images = images
        biggest = max(
            (p.size for i in layout.items for p in i.primitives if isinstance(p, Text)),
            default=0.0,
        )
        self.pad = pad = math.ceil(biggest * BELOW_BASELINE * scale) + MARGIN_PX
        self.pad_left = pad_left = math.ceil(biggest * GLYPH_WIDTH * scale) + MARGIN_PX
        widest = max((_stroke(p) for i in layout.items for p in i.primitives), default=0.0)
        self.edge = edge = max(EDGE_PAD, math.ceil(widest * MITER * scale) + MARGIN_PX)
        self.pad = pad = max(pad, edge)
        self.pad_left = pad_left = max(pad_left, edge)
        last_row, last_col = self.count - 1, self.columns - 1
        everywhere = [(b, c) for b in range(self.count) for c in range(self.columns)]

        def reach(ext: Extent | None) -> list[tuple[int, int]]:
            """The tiles ``ext`` reaches, their pads included."""
            if ext is None:
                return everywhere
            left, top, right, bottom = ext
            b0 = max(0, (math.floor(top * scale) - MARGIN_PX - edge) // rows)
            b1 = min(last_row, (math.ceil(bottom * scale) + MARGIN_PX + pad) // rows)
            c0 = max(0, (math.floor(left * scale) - MARGIN_PX - edge) // cols)
            c1 = min(last_col, (math.ceil(right * scale) + MARGIN_PX + pad_left) // cols)
            return [(b, c) for b in range(b0, b1 + 1) for c in range(c0, c1 + 1)]

        self._tiles: list[list[list[Primitive]]] = [
            [[] for _ in range(self.columns)] for _ in range(self.count)
        ]
        for item in layout.sorted_items():
            for prim in item.primitives:
                if _splittable(prim):
                    self._split(prim, reach)  # type: ignore[arg-type]
                    continue
                for b, c in reach(extent(prim)):
                    self._tiles[b][c].append(prim)

    def _split(self, prim: Path, reach: Reach) -> None:
        """``prim`` in each tile it reaches as the runs of its segments that
        reach the tile. Cut where a segment does not reach the tile, the runs
        end (with a cap) out of the tile's reach; within it the stroke's outline
        has the same edges as the whole path's, and the tile the same pixels."""
        pad = prim.width * MITER
        runs: dict[tuple[int, int], list[PathOp]] = {}
        previous: dict[tuple[int, int], int] = {}
        for index, (start, fresh, op, ext) in enumerate(_segments(prim)):
            left, top, right, bottom = ext
            for tile in reach((left - pad, top - pad, right + pad, bottom + pad)):
                ops = runs.setdefault(tile, [])
                if fresh or previous.get(tile) != index - 1:
                    ops.append(("M", start[0], start[1]))
                ops.append(op)
                previous[tile] = index
        for (b, c), ops in runs.items():
            self._tiles[b][c].append(
                Path(tuple(ops), fill=None, stroke=prim.stroke, width=prim.width)
            )

    def band_top(self, index: int) -> int:
        return index * self.rows

    def tile(self, index: int, column: int) -> tuple[QImage, int, int, int, int]:
        """Tile ``column`` of band ``index`` on a white opaque ground: the image,
        and where the tile is in it (left, top, width, height). Around it,
        ``pad`` rows above, ``pad_left`` columns to the left and ``edge``
        below and to the right are drawn and thrown away: what reaches into
        the tile from there is drawn as in the whole drawing (Qt's stroker
        also treats a curve at an image's edge its own way, a few levels off
        in the last pixels)."""
        top, left = index * self.rows, column * self.cols
        rows = min(self.rows, self.height - top)
        cols = min(self.cols, self.width - left)
        pad_top, pad_left = min(self.pad, top), min(self.pad_left, left)
        under = min(self.edge, self.height - top - rows)
        right = min(self.edge, self.width - left - cols)
        top -= pad_top
        left -= pad_left
        height = pad_top + rows + under
        width = pad_left + cols + right
        part = (pad_left, pad_top, cols, rows)
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise MemoryError(f"no memory for a tile of {width}×{height} pixels")
        image.setDotsPerMeterX(round(self.dpi / 0.0254))
        image.setDotsPerMeterY(round(self.dpi / 0.0254))
        painter = white_painter(image)
        painter.translate(-left, -top)
        painter.scale(self.scale, self.scale)
        # the tile in points, for the texts' lines
        above = (top - MARGIN_PX) / self.scale
        below = (top + height + MARGIN_PX) / self.scale
        images = self.images
        for prim in self._tiles[index][column]:
            if isinstance(prim, Text):
                draw_text(painter, prim, above, below)
            else:
                draw_one(painter, prim, images)
        painter.end()
        return (image, *part)

    def band(self, index: int) -> list[tuple[QImage, int, int, int, int]]:
        """Band ``index``: its tiles from left to right (see :meth:`tile`)."""
        return [self.tile(index, column) for column in range(self.columns)]


__all__ = ["BandedDrawing", "extent"]
