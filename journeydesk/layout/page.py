"""The poster's page plan: page boxes, scale and tiles, as plain data.

``plan_map(width, height, PosterOptions(...))`` says where a map of
``width`` × ``height`` layout points goes on a poster: the page (MediaBox),
the trim and bleed boxes, the scale and, when tiling, the sheets and the
window each one shows. It is pure arithmetic shared by the PDF export
(reportlab), printing (QPainter) and the export dialog's preview, so they
cannot disagree on the grid; what the sheets carry around the picture is
:mod:`journeydesk.layout.sheet`.

Page geometry, for a poster:

- the *trim* is the paper (A1...). With ``bleed`` the background extends
  3 mm beyond it (the BleedBox); with ``bleed`` or ``crop_marks`` the page
  also grows by a slug that holds the crop marks, which start outside the
  bleed so they never touch the artwork.
- the map is scaled to fit the trim less ``margin_mm`` on each side and
  centred.

Tiling: windows of neighbouring sheets overlap by ``overlap_mm``; the grid
is centred on the poster and uses the tile orientation that needs fewer
sheets.

No Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from journeydesk.model.catalogue import POSTER_WORDS, translate

from .context import LayoutOptions
from .papers import MM, Paper, parse_paper, parse_tile
from .primitives import Rect
from .theme import DEFAULT_THEME, Theme

Orientation = Literal["auto", "landscape", "portrait"]

BLEED_MM = 3.0
MARK_SLUG_MM = 10.0
"""Room outside the trim (and outside the bleed, when there is one) for crop marks."""
MARK_LENGTH_MM = 6.0
MARK_GAP_MM = 2.0
"""Distance between the trim (or bleed) edge and the start of a crop mark."""
SHEET_MARGIN_MM = 10.0
"""Margin of a tile sheet: outside every office printer's unprintable edge, holds marks."""
MIN_TEXT_PT = 6.0
MARK_WIDTH = 0.3
LABEL_SIZE = 7.0


def words(key: str, language: str, **values: object) -> str:
    """Chrome text of the PDF in the map's language (the catalogue's words)."""
    return translate(POSTER_WORDS[key], language, **values)


@dataclass(frozen=True)
class PosterOptions:
    paper: str = "A1"
    """A0–A4, letter, legal, tabloid, ansi-c/d/e or ``WxHmm`` (see papers.parse_paper)."""
    orientation: Orientation = "auto"
    """``auto``: the orientation in which the map prints larger."""
    margin_mm: float = 12.0
    bleed: bool = False
    """3 mm bleed on every side, and crop marks."""
    crop_marks: bool = False
    """Crop marks at the trim (implied by ``bleed``)."""
    tile: str | None = None
    """Tile the poster onto A4, A3 or letter sheets (no bleed or crop marks then)."""
    overlap_mm: float = 10.0
    tile_area: Literal["paper", "map"] = "paper"
    """What the sheets cover: the whole poster paper (assembled, it is exactly
    A1...), or only the map and its margins (no blank sheets when the map
    leaves paper empty)."""
    layout_options: LayoutOptions = field(default_factory=LayoutOptions)
    theme: Theme = DEFAULT_THEME
    matrix_page: bool = False
    """End with a page of the priority matrix of the maps exported (A4 landscape)."""


@dataclass(frozen=True)
class Tile:
    """One sheet of a tiled poster."""

    row: int
    col: int
    label: str
    """``B3``: rows lettered, columns numbered."""
    window: Rect
    """The part of the poster this sheet shows: points on the poster's trim,
    origin top left, y down (may reach past the poster's edge)."""
    page: int
    """1-based page number in the PDF."""


@dataclass(frozen=True)
class TileGrid:
    paper: Paper
    """The sheet, oriented as used."""
    rows: int
    cols: int
    margin: float
    """Sheet margin, points: the window starts this far from the sheet's edge."""
    overlap: float
    """Points shared by neighbouring windows."""
    tiles: tuple[Tile, ...]
    area: Rect
    """The part of the poster the sheets cover (its trim when assembled): the
    whole paper, or the map and its margins (``tile_area="map"``)."""

    @property
    def window_size(self) -> tuple[float, float]:
        return (self.paper.width - 2 * self.margin, self.paper.height - 2 * self.margin)

    @property
    def count(self) -> int:
        return self.rows * self.cols

    def label(self, tile: Tile, language: str = "en") -> str:
        """``B3 of 4×5`` (``B3 di 4×5`` in Italian)."""
        return words("of", language, label=tile.label, rows=self.rows, cols=self.cols)

    def tile_at(self, row: int, col: int) -> Tile | None:
        if 0 <= row < self.rows and 0 <= col < self.cols:
            return self.tiles[row * self.cols + col]
        return None


@dataclass(frozen=True)
class MapPlan:
    """Where one map goes: the page (or poster) and, when tiled, the sheets."""

    paper: Paper
    """The poster's trim, oriented."""
    page_width: float
    page_height: float
    """MediaBox of the poster page (trim + bleed + slug)."""
    trim: Rect
    """TrimBox in PDF points (origin bottom left)."""
    bleed: Rect
    """BleedBox in PDF points (origin bottom left)."""
    scale: float
    """Layout points → poster points."""
    map_rect: Rect
    """Where the map lands on the trim: points, origin top left of the trim, y down."""
    grid: TileGrid | None = None

    @property
    def slug(self) -> float:
        return self.trim.x


# --- planning (pure arithmetic) -------------------------------------------


def _fit(paper: Paper, width: float, height: float, margin: float) -> float:
    aw = max(1.0, paper.width - 2 * margin)
    ah = max(1.0, paper.height - 2 * margin)
    return min(aw / max(width, 1e-6), ah / max(height, 1e-6))


def choose_orientation(
    paper: Paper, width: float, height: float, margin: float, orientation: str
) -> Paper:
    if orientation in ("landscape", "portrait"):
        return paper.oriented(orientation)
    land, port = paper.landscape, paper.portrait
    s_land = _fit(land, width, height, margin)
    s_port = _fit(port, width, height, margin)
    return land if s_land >= s_port - 1e-9 else port


def plan_map(width: float, height: float, options: PosterOptions) -> MapPlan:
    """Page boxes, scale and (when tiling) the sheets for a map of ``width`` ×
    ``height`` layout points. Raises ``ValueError`` for bad options."""
    margin = options.margin_mm * MM
    if not 0 <= options.margin_mm <= 200:
        raise ValueError("margin must be between 0 and 200 mm")
    paper = choose_orientation(
        parse_paper(options.paper), width, height, margin, options.orientation
    )
    if 2 * margin >= min(paper.width, paper.height):
        raise ValueError(f"a {options.margin_mm:g} mm margin leaves no room on {paper.name}")
    if options.tile and (options.bleed or options.crop_marks):
        raise ValueError("tiled prints have their own cut marks: leave out bleed and crop marks")
    scale = _fit(paper, width, height, margin)
    mw, mh = width * scale, height * scale
    map_rect = Rect((paper.width - mw) / 2, (paper.height - mh) / 2, mw, mh)
    bleed = BLEED_MM * MM if options.bleed else 0.0
    slug = bleed + MARK_SLUG_MM * MM if (options.bleed or options.crop_marks) else 0.0
    trim = Rect(slug, slug, paper.width, paper.height)
    grid = None
    if options.tile:
        area = Rect(0, 0, paper.width, paper.height)
        if options.tile_area == "map":
            area = map_rect.adjusted(-margin, -margin, margin, margin)
        grid = _tile_grid(paper, area, options)
    return MapPlan(
        paper=paper,
        page_width=paper.width + 2 * slug,
        page_height=paper.height + 2 * slug,
        trim=trim,
        bleed=trim.adjusted(-bleed, -bleed, bleed, bleed),
        scale=scale,
        map_rect=map_rect,
        grid=grid,
    )


def row_letters(row: int) -> str:
    """0 → A, 25 → Z, 26 → AA (as spreadsheets name columns)."""
    out = ""
    n = row + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


def _count(length: float, window: float, overlap: float) -> int:
    if length <= window + 1e-6:
        return 1
    return max(1, math.ceil((length - overlap) / (window - overlap) - 1e-9))


def _tile_grid(poster: Paper, area: Rect, options: PosterOptions) -> TileGrid:
    """Sheets covering ``area`` of the poster (the whole paper, or the map and
    its margins), in the sheet orientation that needs fewer of them."""
    sheet = parse_tile(options.tile or "A4")
    margin = SHEET_MARGIN_MM * MM
    overlap = options.overlap_mm * MM
    best: tuple[int, int, int, Paper] | None = None
    # same orientation as the poster first, so it wins a tie
    candidates = (
        (sheet.landscape, sheet.portrait)
        if poster.is_landscape
        else (sheet.portrait, sheet.landscape)
    )
    for paper in candidates:
        ww, wh = paper.width - 2 * margin, paper.height - 2 * margin
        if not 0 <= overlap < min(ww, wh) / 2:
            raise ValueError(
                f"overlap must be between 0 and {min(ww, wh) / 2 / MM:.0f} mm on {sheet.name}"
            )
        cols = _count(area.w, ww, overlap)
        rows = _count(area.h, wh, overlap)
        if best is None or rows * cols < best[0]:
            best = (rows * cols, rows, cols, paper)
    assert best is not None
    _, rows, cols, paper = best
    ww, wh = paper.width - 2 * margin, paper.height - 2 * margin
    # centre the grid on the area: the spare paper is shared by the outer sheets
    x0 = area.x - (cols * (ww - overlap) + overlap - area.w) / 2
    y0 = area.y - (rows * (wh - overlap) + overlap - area.h) / 2
    tiles = tuple(
        Tile(
            row=r,
            col=c,
            label=f"{row_letters(r)}{c + 1}",
            window=Rect(x0 + c * (ww - overlap), y0 + r * (wh - overlap), ww, wh),
            page=0,
        )
        for r in range(rows)
        for c in range(cols)
    )
    return TileGrid(paper, rows, cols, margin, overlap, tiles, area)


def with_pages(plan: MapPlan, first_sheet_page: int) -> MapPlan:
    """``plan`` with its sheets numbered from ``first_sheet_page`` (1-based)."""
    assert plan.grid is not None
    g = plan.grid
    tiles = tuple(
        Tile(t.row, t.col, t.label, t.window, first_sheet_page + i) for i, t in enumerate(g.tiles)
    )
    grid = TileGrid(g.paper, g.rows, g.cols, g.margin, g.overlap, tiles, g.area)
    return MapPlan(
        plan.paper,
        plan.page_width,
        plan.page_height,
        plan.trim,
        plan.bleed,
        plan.scale,
        plan.map_rect,
        grid,
    )
