"""Vector PDF posters of journey maps, one map per page, or tiled onto office paper.

``export_pdf(project, maps, path, PosterOptions(...))`` lays each map out
with the one layout engine, scales it to fit the paper with margins and
draws it with the reportlab backend. The arithmetic (page boxes, scale,
tiles) is ``layout.page.plan_map``, pure and shared with printing and the
export dialog's preview; what the sheets carry around the picture (crop
marks, slug note, cut and alignment marks, labels) is ``layout.sheet``,
primitives drawn by the backend, so printing draws the same. The report
returned says what was written and what to warn about.

Page geometry, for a poster (``layout.page`` has the details):

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
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path as FsPath

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
from journeydesk.io.heap import gc_paused
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.fonts import Face
from journeydesk.layout.page import (
    MIN_TEXT_PT,
    MapPlan,
    Orientation,
    PosterOptions,
    Tile,
    TileGrid,
    plan_map,
    row_letters,
    with_pages,
    words,
)
from journeydesk.layout.primitives import Box, MapLayout, Primitive, Rect
from journeydesk.layout.sheet import overview, poster_chrome, sheet_chrome
from journeydesk.layout.theme import Theme
from journeydesk.model.project import JourneyMap, Project
from journeydesk.render.reportlab import (
    PRINT_DPI,
    PdfImages,
    PdfPainter,
    layout_transform,
    register_fonts,
    rgb,
)

__all__ = [
    "ExportCancelled",
    "ExportReport",
    "MapPages",
    "MapPlan",
    "Orientation",
    "PosterOptions",
    "Tile",
    "TileGrid",
    "export_pdf",
    "plan_map",
    "render_pdf",
    "row_letters",
    "words",
]


class ExportCancelled(Exception):
    """The ``cancel`` callback asked to stop; nothing was written."""


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


# --- writing ----------------------------------------------------------------

_RL_LOCK = threading.Lock()


def export_pdf(
    project: Project,
    maps: Sequence[JourneyMap],
    path: str | FsPath,
    options: PosterOptions | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    layouts: Sequence[MapLayout] | None = None,
) -> ExportReport:
    """Write ``maps`` (one per page, or tiled) to ``path`` atomically.

    ``progress(fraction)`` is called as drawing advances (0..1); when
    ``cancel()`` returns true, :class:`ExportCancelled` is raised and nothing
    is written. ``layouts``: the maps' layouts with ``options.layout_options``
    and theme, when the caller has them (the export dialog's preview). Raises
    ``ValueError`` for bad options, ``OSError`` when the file cannot be written.
    """
    data, report = render_pdf(project, maps, options, progress, cancel, layouts)
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
    """The PDF as bytes, and its report (see :func:`export_pdf`).

    The collector is paused meanwhile (``io.heap.gc_paused``, as for the layout):
    drawing the cards makes hundreds of thousands of objects, and its young
    collections walked the map's layout again and again (120-180 ms of a
    5,000-card poster, issue #14)."""
    options = options or PosterOptions()
    if not maps:
        raise ValueError("no maps to export")
    with gc_paused():
        return _render(project, maps, options, progress, cancel, layouts)


def _render(
    project: Project,
    maps: Sequence[JourneyMap],
    options: PosterOptions,
    progress: Callable[[float], None] | None,
    cancel: Callable[[], bool] | None,
    layouts: Sequence[MapLayout] | None,
) -> tuple[bytes, ExportReport]:
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
            plan = with_pages(plan, first + 1)
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
    if options.matrix_page:
        page += 1
        _matrix_page(doc, project, maps, page)
    if report.overflows:
        report.warnings.append(overflow_warning(report.overflows))
    if doc.images.failed:
        report.warnings.append(images_warning(list(doc.images.failed.values())))
    report.pages = page
    return c.getpdfdata(), report


def _matrix_page(doc: _Doc, project: Project, maps: list[JourneyMap], page: int) -> None:
    """The priority matrix of the maps exported, on a page of its own size."""
    from journeydesk.layout.matrix import matrix_layout
    from journeydesk.model.catalogue import DECIDE_WORDS, translate

    layout = matrix_layout(project, language=doc.language, map_ids={m.id for m in maps}).layout
    c = doc.c
    c.setPageSize((layout.width, layout.height))
    key = "matrix"
    c.bookmarkPage(key)
    c.addOutlineEntry(translate(DECIDE_WORDS["matrix"], doc.language), key, level=0)
    c.saveState()
    layout_transform(c, 0, layout.height, 1.0)
    PdfPainter(c, doc.images).draw_layout(layout)
    c.restoreState()
    c.showPage()


def _background(layout: MapLayout, theme: Theme) -> str:
    for item in layout.items:
        if item.kind == "background":
            for prim in item.primitives:
                if isinstance(prim, Box) and prim.fill:
                    return prim.fill
    return theme.background


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
    _draw_chrome(c, plan.page_height, poster_chrome(plan, jmap.name, page, doc.language))
    c.showPage()


def _draw_chrome(c: Canvas, page_height: float, prims: list[Primitive]) -> None:
    """Sheet chrome (page points, y down) through the backend."""
    if not prims:
        return
    c.saveState()
    layout_transform(c, 0, page_height, 1.0)
    PdfPainter(c).draw(prims)
    c.restoreState()


# --- tiling -------------------------------------------------------------------


def _poster_form(doc: _Doc, name: str, layout: MapLayout, plan: MapPlan) -> None:
    """The whole poster (trim only), once, as a form every sheet shows."""
    w, h = plan.paper.width, plan.paper.height
    doc.c.beginForm(name, 0, 0, w, h)
    _draw_map(doc, layout, plan, Rect(0, 0, w, h))
    doc.c.endForm()


def _overview_page(doc: _Doc, jmap: JourneyMap, plan: MapPlan, form: str, key: str) -> None:
    """The assembly overview: the whole poster, small, with every sheet's window."""
    c = doc.c
    view = overview(plan, jmap.name, doc.language)
    page = view.page
    c.setPageSize((page.width, page.height))
    c.setTrimBox((0, 0, page.width, page.height))
    c.setBleedBox((0, 0, page.width, page.height))
    c.bookmarkPage(key, fit="Fit")
    c.bookmarkPage(f"{key}-overview", fit="Fit")
    # the poster itself, scaled down (only what the sheets cover)
    c.saveState()
    clip = c.beginPath()
    r = view.clip
    clip.rect(r.x, page.height - r.bottom, r.w, r.h)
    c.clipPath(clip, stroke=0, fill=0)
    ox, oy = view.origin
    c.translate(ox, page.height - oy - plan.paper.height * view.scale)
    c.scale(view.scale, view.scale)
    c.doForm(form)
    c.restoreState()
    _draw_chrome(c, page.height, view.chrome)
    c.showPage()


def _sheet_page(
    doc: _Doc, jmap: JourneyMap, plan: MapPlan, form: str, tile: Tile, key: str, page: int
) -> None:
    """One sheet: its window onto the poster, marks and labels in the margin."""
    c = doc.c
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
    _draw_chrome(c, sheet.height, sheet_chrome(plan, tile, jmap.name, page, doc.language))
    c.showPage()
