"""Vector PDF posters of journey maps, one map per page, or tiled onto office paper.

``export_pdf(project, maps, path, PosterOptions(...))`` lays each map out
with the one layout engine, scales it to fit the paper with margins and
draws it with the reportlab backend. The arithmetic (page boxes, scale,
tiles) is :func:`plan_map`, pure and shared with the export dialog's
preview; the report returned says what was written and what to warn about.

Page geometry, for a poster:

- the *trim* is the paper (A1...). With ``bleed`` the background extends
  3 mm beyond it (the BleedBox); with ``bleed`` or ``crop_marks`` the page
  also grows by a slug that holds the crop marks, which start outside the
  bleed so they never touch the artwork. TrimBox and BleedBox are set on
  every page (both equal the MediaBox when there is neither).
- the map is scaled to fit the trim less ``margin_mm`` on each side and
  centred.

Tiling: the same poster is drawn once as a form XObject and shown through a
window on each sheet (the sheet's paper less a 10 mm margin for marks and
labels), so every sheet carries the same vector content. Windows of
neighbouring sheets overlap by ``overlap_mm``; the grid is centred on the
poster and uses the tile orientation that needs fewer sheets. Each sheet
has cut marks at its window corners, alignment marks where its neighbours'
edges land, the neighbours' labels, and a label such as "B3 of 3×5";
the map's first page is an assembly overview.

No Qt here.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Literal

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from journeydesk import __version__
from journeydesk.export.notes import (
    glyphs_warning,
    images_warning,
    overflow_warning,
    small_text_warning,
)
from journeydesk.export.xmltext import clean_text
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.fonts import Face, metrics
from journeydesk.layout.papers import MM, Paper, parse_paper, parse_tile
from journeydesk.layout.primitives import Box, MapLayout, Rect
from journeydesk.layout.text import one_line
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model.project import JourneyMap, Project
from journeydesk.render.reportlab import (
    PRINT_DPI,
    PdfImages,
    PdfPainter,
    layout_transform,
    register_fonts,
    rgb,
)

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


_WORDS: dict[str, tuple[str, str]] = {
    "assembly": ("Assembly", "Montaggio"),
    "assembly_title": ("Assembly: {name}", "Montaggio: {name}"),
    "of": ("{label} of {rows}×{cols}", "{label} di {rows}×{cols}"),
    "landscape": ("landscape", "orizzontale"),
    "portrait": ("portrait", "verticale"),
    "summary": (
        "{poster} poster ({w} × {h} mm) on {n} {tile} sheets ({orient}), {rows} × {cols}, "
        "overlap {ov} mm",
        "Poster {poster} ({w} × {h} mm) su {n} fogli {tile} ({orient}), {rows} × {cols}, "
        "sovrapposizione {ov} mm",
    ),
    "how": (
        "Cut each sheet along the cut marks of its left and top edges, lay it over its "
        "neighbours and line those edges up with their alignment marks (triangles).",
        "Taglia ogni foglio lungo i segni di taglio dei bordi sinistro e superiore, "
        "sovrapponilo ai vicini e allinea quei bordi ai loro segni di allineamento (triangoli).",
    ),
    "sheet_info": (
        "{poster} poster · {tile} sheet · overlap {ov} mm · page {page}",
        "poster {poster} · foglio {tile} · sovrapposizione {ov} mm · pagina {page}",
    ),
    "cropped": (
        ", cropped to the map ({w} × {h} mm)",
        ", ritagliato sulla mappa ({w} × {h} mm)",
    ),
    "bleed": ("bleed 3 mm", "abbondanza 3 mm"),
    "page": ("page {page}", "pagina {page}"),
}


def words(key: str, language: str, **values: object) -> str:
    """Chrome text of the PDF in the map's language (English or Italian)."""
    pair = _WORDS[key]
    text = pair[1] if language.lower().startswith("it") else pair[0]
    return text.format(**values) if values else text


class ExportCancelled(Exception):
    """The ``cancel`` callback asked to stop; nothing was written."""


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


@dataclass
class MapPages:
    """What was written for one map."""

    map_id: str
    name: str
    plan: MapPlan
    first_page: int
    """1-based: the poster page, or the assembly overview when tiled."""
    pages: int
    body_text_pt: float
    """Smallest body text as printed (layout.min_body_size × scale)."""


@dataclass
class ExportReport:
    path: str | None
    pages: int = 0
    maps: list[MapPages] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    overflows: int = 0
    """Texts the layout cut with an ellipsis, over all maps."""
    bytes_written: int = 0

    @property
    def scale(self) -> float:
        """The smallest scale of the maps (1.0 when nothing was drawn)."""
        return min((m.plan.scale for m in self.maps), default=1.0)


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


# --- writing ----------------------------------------------------------------

_RL_LOCK = threading.Lock()


def export_pdf(
    project: Project,
    maps: Sequence[JourneyMap],
    path: str | FsPath,
    options: PosterOptions | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportReport:
    """Write ``maps`` (one per page, or tiled) to ``path`` atomically.

    ``progress(fraction)`` is called as drawing advances (0..1); when
    ``cancel()`` returns true, :class:`ExportCancelled` is raised and nothing
    is written. Raises ``ValueError`` for bad options, ``OSError`` when the
    file cannot be written.
    """
    data, report = render_pdf(project, maps, options, progress, cancel)
    atomic_write_bytes(path, data)
    report.path = str(path)
    report.bytes_written = len(data)
    return report


def render_pdf(
    project: Project,
    maps: Sequence[JourneyMap],
    options: PosterOptions | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    layouts: Sequence[MapLayout] | None = None,
) -> tuple[bytes, ExportReport]:
    """The PDF as bytes, and its report (see :func:`export_pdf`)."""
    options = options or PosterOptions()
    if not maps:
        raise ValueError("no maps to export")
    if layouts is None:
        layouter = MapLayouter(options.theme)
        layouts = []
        for jmap in maps:
            if cancel is not None and cancel():
                raise ExportCancelled()
            layouts.append(layouter.layout(project, jmap, options.layout_options))
    plans = [plan_map(lay.width, lay.height, options) for lay in layouts]
    with _RL_LOCK:
        saved = rl_config.useA85
        rl_config.useA85 = 0  # binary streams: a quarter smaller than ASCII85
        try:
            return _write(project, list(maps), list(layouts), plans, options, progress, cancel)
        finally:
            rl_config.useA85 = saved


class _Progress:
    def __init__(
        self,
        total: int,
        progress: Callable[[float], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> None:
        self.total = max(1, total)
        self.done = 0
        self.progress = progress
        self.cancel = cancel

    def __call__(self, n: int) -> None:
        self.done += n
        if self.cancel is not None and self.cancel():
            raise ExportCancelled()
        if self.progress is not None:
            self.progress(min(1.0, self.done / self.total))


@dataclass
class _Doc:
    """What every page of one export shares."""

    c: Canvas
    images: PdfImages
    tick: _Progress
    language: str
    theme: Theme


def _write(
    project: Project,
    maps: list[JourneyMap],
    layouts: list[MapLayout],
    plans: list[MapPlan],
    options: PosterOptions,
    progress: Callable[[float], None] | None,
    cancel: Callable[[], bool] | None,
) -> tuple[bytes, ExportReport]:
    register_fonts()
    buffer = io.BytesIO()
    c = Canvas(
        buffer,
        pagesize=(plans[0].page_width, plans[0].page_height),
        initialFontName=Face.REGULAR.value,  # no unembedded Helvetica in the preamble
    )
    c.setTitle(clean_text(project.title or maps[0].name, 500))
    c.setAuthor(clean_text(", ".join(a for a in project.authors if a), 500))
    c.setSubject(clean_text(", ".join(m.name for m in maps), 2000))
    c.setCreator(f"JourneyDesk {__version__}")
    c.setKeywords(["customer journey map"])
    c.showOutline()
    doc = _Doc(
        c,
        PdfImages(project.assets),
        _Progress(sum(len(lay.items) for lay in layouts), progress, cancel),
        options.layout_options.language or project.language,
        options.theme,
    )
    report = ExportReport(path=None)
    page = 0
    for n, (jmap, layout, plan) in enumerate(zip(maps, layouts, plans, strict=True)):
        first = page + 1
        key = f"map{n}"
        if plan.grid is None:
            page += 1
            _poster_page(doc, jmap, layout, plan, page, key)
        else:
            plan = _with_pages(plan, first + 1)
            form = f"poster{n}"
            _poster_form(doc, form, layout, plan)
            page += 1
            _overview_page(doc, jmap, plan, form, key)
            for tile in plan.grid.tiles:  # type: ignore[union-attr]
                page += 1
                _sheet_page(doc, jmap, plan, form, tile, key, page)
        c.addOutlineEntry(jmap.name or f"Map {n + 1}", key, level=0, closed=False)
        if plan.grid is not None:
            c.addOutlineEntry(words("assembly", doc.language), f"{key}-overview", level=1)
            for tile in plan.grid.tiles:
                c.addOutlineEntry(
                    plan.grid.label(tile, doc.language), f"{key}-{tile.label}", level=1
                )
        body = layout.min_body_size * plan.scale
        report.maps.append(MapPages(jmap.id, jmap.name, plan, first, page - first + 1, body))
        report.overflows += len(layout.overflows)
        missing = layout.missing_glyphs()
        if missing:
            report.warnings.append(glyphs_warning(jmap.name, missing))
        if layout.min_body_size and body < MIN_TEXT_PT - 1e-9:
            report.warnings.append(
                small_text_warning(jmap.name, body, plan.paper.describe(), MIN_TEXT_PT)
            )
    if report.overflows:
        report.warnings.append(overflow_warning(report.overflows))
    if doc.images.failed:
        report.warnings.append(images_warning(list(doc.images.failed.values())))
    report.pages = page
    return c.getpdfdata(), report


def _with_pages(plan: MapPlan, first_sheet_page: int) -> MapPlan:
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


def _background(layout: MapLayout, theme: Theme) -> str:
    for item in layout.items:
        if item.kind == "background":
            for prim in item.primitives:
                if isinstance(prim, Box) and prim.fill:
                    return prim.fill
    return theme.background


def _orient(paper: Paper, language: str) -> str:
    return words("landscape" if paper.is_landscape else "portrait", language)


def _describe(paper: Paper, language: str) -> str:
    return f"{paper.name} {_orient(paper, language)}"


def _draw_map(doc: _Doc, layout: MapLayout, plan: MapPlan, background: Rect) -> None:
    """The map on the trim: the background colour over ``background`` (PDF
    points), then the layout, scaled and centred. The caller's origin is the
    trim's bottom left."""
    c = doc.c
    bg = _background(layout, doc.theme)
    if rgb(bg) != (1.0, 1.0, 1.0) or background != Rect(0, 0, plan.paper.width, plan.paper.height):
        c.setFillColorRGB(*rgb(bg))
        c.rect(background.x, background.y, background.w, background.h, stroke=0, fill=1)
    c.saveState()
    r = plan.map_rect
    layout_transform(c, r.x, plan.paper.height - r.y, plan.scale)
    PdfPainter(c, doc.images, plan.scale * PRINT_DPI / 72.0).draw_layout(layout, tick=doc.tick)
    c.restoreState()


def _poster_page(
    doc: _Doc, jmap: JourneyMap, layout: MapLayout, plan: MapPlan, page: int, key: str
) -> None:
    c = doc.c
    c.setPageSize((plan.page_width, plan.page_height))
    t, b = plan.trim, plan.bleed
    c.setTrimBox((t.x, t.y, t.right, t.bottom))
    c.setBleedBox((b.x, b.y, b.right, b.bottom))
    c.bookmarkPage(key, fit="Fit")
    c.saveState()
    c.translate(t.x, t.y)
    bleed = t.x - b.x
    _draw_map(doc, layout, plan, Rect(-bleed, -bleed, t.w + 2 * bleed, t.h + 2 * bleed))
    c.restoreState()
    if plan.slug > 0:
        _crop_marks(c, plan)
        _slug_note(doc, jmap, plan, page)
    c.showPage()


def _mark_colour(c: Canvas) -> None:
    # registration colour: shows on every separation of a print shop's plates
    c.setStrokeColorCMYK(1, 1, 1, 1)
    c.setFillColorCMYK(1, 1, 1, 1)
    c.setLineWidth(MARK_WIDTH)
    c.setDash([], 0)
    c.setLineCap(0)


def _crop_marks(c: Canvas, plan: MapPlan) -> None:
    """Trim marks at the four corners, starting outside the bleed."""
    t = plan.trim
    start = (t.x - plan.bleed.x) + MARK_GAP_MM * MM
    length = MARK_LENGTH_MM * MM
    c.saveState()
    _mark_colour(c)
    for x, sx in ((t.x, -1), (t.right, 1)):
        for y, sy in ((t.y, -1), (t.bottom, 1)):
            c.line(x + sx * start, y, x + sx * (start + length), y)
            c.line(x, y + sy * start, x, y + sy * (start + length))
    c.restoreState()


def _slug_note(doc: _Doc, jmap: JourneyMap, plan: MapPlan, page: int) -> None:
    """A line in the slug below the trim: which map, which paper, which page."""
    p, lang = plan.paper, doc.language
    parts = [jmap.name, f"{_describe(p, lang)} ({p.width / MM:.0f} × {p.height / MM:.0f} mm)"]
    if plan.bleed != plan.trim:
        parts.append(words("bleed", lang))
    parts.append(words("page", lang, page=page))
    size = 6.0
    room = p.width - 2 * (MARK_SLUG_MM * MM)
    text, _ = one_line(" · ".join(parts), Face.REGULAR, size, room)
    doc.c.saveState()
    _mark_colour(doc.c)
    _plain_text(
        doc.c,
        plan.trim.x + MARK_SLUG_MM * MM,
        (plan.bleed.y - size) / 2,
        text,
        size,
        Face.REGULAR,
        None,
    )
    doc.c.restoreState()


def _plain_text(
    c: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    face: Face,
    colour: str | None,
    align: str = "left",
) -> float:
    """One line of chrome text at baseline ``(x, y)`` in PDF points; returns its width."""
    w = metrics(face).width(text, size)
    if align == "center":
        x -= w / 2
    elif align == "right":
        x -= w
    if colour is not None:
        c.setFillColorRGB(*rgb(colour))
    t = c.beginText(x, y)
    t.setFont(face.value, size)
    t.textOut(text)
    c.drawText(t)
    return w


# --- tiling -------------------------------------------------------------------


def _poster_form(doc: _Doc, name: str, layout: MapLayout, plan: MapPlan) -> None:
    """The whole poster (trim only), once, as a form every sheet shows."""
    w, h = plan.paper.width, plan.paper.height
    doc.c.beginForm(name, 0, 0, w, h)
    _draw_map(doc, layout, plan, Rect(0, 0, w, h))
    doc.c.endForm()


INK = "#1F2430"
MUTED = "#5C6370"
GRID = "#C0392B"


def _overview_page(doc: _Doc, jmap: JourneyMap, plan: MapPlan, form: str, key: str) -> None:
    """The assembly overview: the whole poster, small, with every sheet's window."""
    c, lang = doc.c, doc.language
    grid = plan.grid
    assert grid is not None
    page = grid.paper.landscape if plan.paper.is_landscape else grid.paper.portrait
    c.setPageSize((page.width, page.height))
    c.setTrimBox((0, 0, page.width, page.height))
    c.setBleedBox((0, 0, page.width, page.height))
    c.bookmarkPage(key, fit="Fit")
    c.bookmarkPage(f"{key}-overview", fit="Fit")
    margin = 12 * MM
    head = 40.0
    foot = 20.0
    # what the sheets cover, in poster points (it reaches past the poster)
    first, last = grid.tiles[0].window, grid.tiles[-1].window
    cover = Rect(first.x, first.y, last.right - first.x, last.bottom - first.y)
    area = cover.united(grid.area)
    aw = page.width - 2 * margin
    ah = page.height - 2 * margin - head - foot
    s = min(aw / area.w, ah / area.h)
    ox = margin + (aw - area.w * s) / 2 - area.x * s
    top = page.height - margin - head - (ah - area.h * s) / 2 + area.y * s

    def to_pdf(x: float, y: float) -> tuple[float, float]:
        return ox + x * s, top - y * s

    text_w = page.width - 2 * margin
    title, _ = one_line(words("assembly_title", lang, name=jmap.name), Face.BOLD, 14, text_w)
    _plain_text(c, margin, page.height - margin - 14, title, 14, Face.BOLD, INK)
    summary = words(
        "summary",
        lang,
        poster=_describe(plan.paper, lang),
        w=f"{plan.paper.width / MM:.0f}",
        h=f"{plan.paper.height / MM:.0f}",
        n=grid.count,
        tile=grid.paper.name,
        orient=_orient(grid.paper, lang),
        rows=grid.rows,
        cols=grid.cols,
        ov=f"{grid.overlap / MM:g}",
    )
    if grid.area != Rect(0, 0, plan.paper.width, plan.paper.height):
        summary += words("cropped", lang, w=f"{grid.area.w / MM:.0f}", h=f"{grid.area.h / MM:.0f}")
    summary, _ = one_line(summary, Face.REGULAR, 8.5, text_w)
    _plain_text(c, margin, page.height - margin - 29, summary, 8.5, Face.REGULAR, MUTED)
    # the poster itself, scaled down (only what the sheets cover), and its edge
    c.saveState()
    clip = c.beginPath()
    x1, y1 = to_pdf(area.x, area.bottom)
    clip.rect(x1, y1, area.w * s, area.h * s)
    c.clipPath(clip, stroke=0, fill=0)
    px, py = to_pdf(0, plan.paper.height)
    c.translate(px, py)
    c.scale(s, s)
    c.doForm(form)
    c.restoreState()
    c.setStrokeColorRGB(*rgb(MUTED))
    c.setLineWidth(0.5)
    x1, y1 = to_pdf(grid.area.x, grid.area.bottom)
    c.rect(x1, y1, grid.area.w * s, grid.area.h * s, stroke=1, fill=0)
    # each sheet's window; the overlaps show as narrow bands between double lines
    c.setStrokeColorRGB(*rgb(GRID))
    c.setLineWidth(0.6)
    c.setDash([3, 2], 0)
    for tile in grid.tiles:
        w = tile.window
        x, y = to_pdf(w.x, w.bottom)
        c.rect(x, y, w.w * s, w.h * s, stroke=1, fill=0)
    c.setDash([], 0)
    ww, wh = grid.window_size
    size = max(6.0, min(12.0, min(ww, wh) * s * 0.16))
    for tile in grid.tiles:
        w = tile.window
        cx, cy = to_pdf(w.x + w.w / 2, w.y + w.h / 2)
        tw = metrics(Face.BOLD).width(tile.label, size)
        c.setFillColorRGB(1, 1, 1)
        c.setStrokeColorRGB(*rgb(GRID))
        c.setLineWidth(0.6)
        c.roundRect(cx - tw / 2 - 4, cy - size / 2 - 3, tw + 8, size + 6, 3, stroke=1, fill=1)
        _plain_text(c, cx, cy - size * 0.35, tile.label, size, Face.BOLD, GRID, "center")
    how, _ = one_line(words("how", lang), Face.REGULAR, 7.5, text_w)
    _plain_text(c, margin, margin + 4, how, 7.5, Face.REGULAR, MUTED)
    c.showPage()


def _sheet_page(
    doc: _Doc, jmap: JourneyMap, plan: MapPlan, form: str, tile: Tile, key: str, page: int
) -> None:
    """One sheet: its window onto the poster, marks and labels in the margin."""
    c, lang = doc.c, doc.language
    grid = plan.grid
    assert grid is not None
    sheet = grid.paper
    m = grid.margin
    ww, wh = grid.window_size
    c.setPageSize((sheet.width, sheet.height))
    c.setTrimBox((0, 0, sheet.width, sheet.height))
    c.setBleedBox((0, 0, sheet.width, sheet.height))
    c.bookmarkPage(f"{key}-{tile.label}", fit="Fit")
    w = tile.window
    c.saveState()
    clip = c.beginPath()
    clip.rect(m, m, ww, wh)
    c.clipPath(clip, stroke=0, fill=0)
    c.translate(m - w.x, sheet.height - m - plan.paper.height + w.y)
    c.doForm(form)
    c.restoreState()
    # the label (left) and what the sheet is (right), in the bottom margin, clear
    # of the corner and alignment marks
    base = m * 0.45
    inner = grid.overlap + 3 * MM
    room = (ww - 2 * inner) * 0.4
    label, _ = one_line(f"{grid.label(tile, lang)} · {jmap.name}", Face.BOLD, LABEL_SIZE, room)
    info = words(
        "sheet_info",
        lang,
        poster=plan.paper.name,
        tile=sheet.name,
        ov=f"{grid.overlap / MM:g}",
        page=page,
    )
    info, _ = one_line(info, Face.REGULAR, LABEL_SIZE * 0.9, room)
    lw = _plain_text(c, m + inner, base, label, LABEL_SIZE, Face.BOLD, INK)
    iw = _plain_text(c, m + ww - inner, base, info, LABEL_SIZE * 0.9, Face.REGULAR, MUTED, "right")
    texts = _Spans(bottom=[(m + inner, m + inner + lw), (m + ww - inner - iw, m + ww - inner)])
    _neighbour_labels(c, grid, tile, texts)
    _sheet_marks(c, grid, tile, texts)
    c.showPage()


@dataclass
class _Spans:
    """Where text lies in each margin of a sheet (x spans in the top and bottom
    margins, y spans in the left and right ones): marks there are drawn short."""

    top: list[tuple[float, float]] = field(default_factory=list)
    bottom: list[tuple[float, float]] = field(default_factory=list)
    left: list[tuple[float, float]] = field(default_factory=list)
    right: list[tuple[float, float]] = field(default_factory=list)


def _neighbour_labels(c: Canvas, grid: TileGrid, tile: Tile, texts: _Spans) -> None:
    """Each neighbour's label in the middle of the margin of the edge it shares."""
    sheet, m, size = grid.paper, grid.margin, LABEL_SIZE
    for dr, dc, x, y, angle, spans in (
        (-1, 0, sheet.width / 2, sheet.height - m / 2, 0, texts.top),
        (1, 0, sheet.width / 2, m / 2, 0, texts.bottom),
        (0, -1, m / 2, sheet.height / 2, 90, texts.left),
        (0, 1, sheet.width - m / 2, sheet.height / 2, -90, texts.right),
    ):
        other = grid.tile_at(tile.row + dr, tile.col + dc)
        if other is None:
            continue
        c.saveState()
        c.translate(x, y)
        c.rotate(angle)
        w = _plain_text(c, 0, -size * 0.35, other.label, size, Face.BOLD, MUTED, "center")
        c.restoreState()
        middle = x if angle == 0 else y
        spans.append((middle - w / 2, middle + w / 2))


def _sheet_marks(c: Canvas, grid: TileGrid, tile: Tile, texts: _Spans) -> None:
    """Cut marks at the window's corners, alignment marks (with a triangle)
    where the neighbours' windows end, and the assembled poster's edge
    (dashed), all in the margin, never on the picture; a mark that would run
    into a label is drawn short."""
    sheet = grid.paper
    m = grid.margin
    ww, wh = grid.window_size
    ov = grid.overlap
    left, right, bottom, top = m, m + ww, m, m + wh
    gap = 1.0 * MM
    full = min(6.0 * MM, m - 2.5 * MM)
    short = min(2.0 * MM, full)
    tri = 1.6 * MM

    def length(at: float, spans: list[tuple[float, float]]) -> float:
        near = any(a - 1 * MM <= at <= b + 1 * MM for a, b in spans)
        return short if near else full

    def vmark(x: float, arrow: bool = False) -> None:
        """Continue the vertical line ``x`` into the top and bottom margins."""
        for y, sy, spans in ((bottom, -1, texts.bottom), (top, 1, texts.top)):
            if arrow:
                p = c.beginPath()
                p.moveTo(x, y + sy * gap)
                p.lineTo(x - tri / 2, y + sy * (gap + tri))
                p.lineTo(x + tri / 2, y + sy * (gap + tri))
                p.close()
                c.drawPath(p, stroke=0, fill=1)
            c.line(x, y + sy * gap, x, y + sy * (gap + length(x, spans)))

    def hmark(y: float, arrow: bool = False) -> None:
        """Continue the horizontal line ``y`` into the left and right margins."""
        for x, sx, spans in ((left, -1, texts.left), (right, 1, texts.right)):
            if arrow:
                p = c.beginPath()
                p.moveTo(x + sx * gap, y)
                p.lineTo(x + sx * (gap + tri), y - tri / 2)
                p.lineTo(x + sx * (gap + tri), y + tri / 2)
                p.close()
                c.drawPath(p, stroke=0, fill=1)
            c.line(x + sx * gap, y, x + sx * (gap + length(y, spans)), y)

    c.saveState()
    c.setStrokeColorRGB(*rgb(INK))
    c.setFillColorRGB(*rgb(INK))
    c.setLineWidth(0.4)
    c.setLineCap(0)
    # cut marks: the window's edges, continued into the margin at each corner
    vmark(left)
    vmark(right)
    hmark(bottom)
    hmark(top)
    # alignment marks: where a neighbour's window edge lies on this sheet
    if grid.tile_at(tile.row, tile.col + 1):
        vmark(right - ov, arrow=True)
    if grid.tile_at(tile.row, tile.col - 1):
        vmark(left + ov, arrow=True)
    if grid.tile_at(tile.row + 1, tile.col):
        hmark(bottom + ov, arrow=True)
    if grid.tile_at(tile.row - 1, tile.col):
        hmark(top - ov, arrow=True)
    # the assembled poster's edge, dashed (trim there for a poster of the exact size)
    c.setDash([1.5, 1.5], 0)
    w = tile.window
    for px in (grid.area.x, grid.area.right):
        if w.x + 0.5 < px < w.right - 0.5:
            vmark(m + px - w.x)
    for py in (grid.area.y, grid.area.bottom):
        if w.y + 0.5 < py < w.bottom - 0.5:
            hmark(sheet.height - m - (py - w.y))
    c.restoreState()
