"""Sheet chrome as drawing primitives: crop marks, the slug note, and a tile
sheet's cut and alignment marks, labels and its neighbours' labels.

Everything here is plain data in page points (origin top left of the page,
y down, as every layout primitive), built from a :class:`~.page.MapPlan`,
so the PDF export (reportlab) and printing (QPainter) draw the same marks
and words through their backends, and nothing but a backend knows how to
draw them. The words are the map's language (English or Italian).

No Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .fonts import Face, metrics
from .page import (
    LABEL_SIZE,
    MARK_GAP_MM,
    MARK_LENGTH_MM,
    MARK_SLUG_MM,
    MARK_WIDTH,
    MapPlan,
    Tile,
    TileGrid,
    words,
)
from .papers import MM, Paper
from .primitives import REGISTRATION, Box, Colour, Line, Path, Primitive, Rect, Text
from .text import one_line

INK = "#1F2430"
MUTED = "#5C6370"
GRID = "#C0392B"
SHEET_MARK_WIDTH = 0.4


def orient(paper: Paper, language: str) -> str:
    return words("landscape" if paper.is_landscape else "portrait", language)


def describe(paper: Paper, language: str) -> str:
    """``A1 landscape`` (``A1 orizzontale``)."""
    return f"{paper.name} {orient(paper, language)}"


def text_line(
    x: float,
    baseline: float,
    text: str,
    size: float,
    face: Face,
    colour: Colour,
    align: str = "left",
    rotation: float = 0.0,
) -> Text:
    """One line of chrome text with its baseline's anchor at ``(x, baseline)``:
    the line starts, is centred or ends there (``align``); ``rotation`` turns
    it clockwise about that point."""
    m = metrics(face)
    w = m.width(text, size)
    dx = {"center": -w / 2, "right": -w}.get(align, 0.0)
    dy = -m.ascent * size
    a = math.radians(rotation)
    cos, sin = math.cos(a), math.sin(a)
    return Text(
        x + dx * cos - dy * sin,
        baseline + dx * sin + dy * cos,
        w,
        (text,),
        face,
        size,
        colour,
        size * 1.2,
        rotation=rotation,
    )


# --- a poster page ------------------------------------------------------------


def crop_marks(plan: MapPlan) -> list[Primitive]:
    """Trim marks at the four corners, starting outside the bleed, in
    registration colour (on every separation of a print shop's plates)."""
    t = plan.trim
    start = (t.x - plan.bleed.x) + MARK_GAP_MM * MM
    length = MARK_LENGTH_MM * MM
    out: list[Primitive] = []
    for x, sx in ((t.x, -1), (t.right, 1)):
        for y, sy in ((t.y, -1), (t.bottom, 1)):
            a, b = start, start + length
            out.append(Line(((x + sx * a, y), (x + sx * b, y)), REGISTRATION, MARK_WIDTH))
            out.append(Line(((x, y + sy * a), (x, y + sy * b)), REGISTRATION, MARK_WIDTH))
    return out


def slug_note(plan: MapPlan, map_name: str, page: int, language: str) -> list[Primitive]:
    """A line in the slug below the trim: which map, which paper, which page."""
    p = plan.paper
    parts = [map_name, f"{describe(p, language)} ({p.width / MM:.0f} × {p.height / MM:.0f} mm)"]
    if plan.bleed != plan.trim:
        parts.append(words("bleed", language))
    parts.append(words("page", language, page=page))
    size = 6.0
    room = p.width - 2 * (MARK_SLUG_MM * MM)
    text, _ = one_line(" · ".join(parts), Face.REGULAR, size, room)
    baseline = plan.page_height - (plan.bleed.y - size) / 2
    return [
        text_line(plan.trim.x + MARK_SLUG_MM * MM, baseline, text, size, Face.REGULAR, REGISTRATION)
    ]


def poster_chrome(plan: MapPlan, map_name: str, page: int, language: str) -> list[Primitive]:
    """What a poster page carries outside its trim (nothing without a slug)."""
    if plan.slug <= 0:
        return []
    return crop_marks(plan) + slug_note(plan, map_name, page, language)


# --- a tile sheet -------------------------------------------------------------


@dataclass
class _Spans:
    """Where text lies in each margin of a sheet (x spans in the top and bottom
    margins, y spans in the left and right ones): marks there are drawn short."""

    top: list[tuple[float, float]] = field(default_factory=list)
    bottom: list[tuple[float, float]] = field(default_factory=list)
    left: list[tuple[float, float]] = field(default_factory=list)
    right: list[tuple[float, float]] = field(default_factory=list)


def sheet_chrome(
    plan: MapPlan, tile: Tile, map_name: str, page: int, language: str
) -> list[Primitive]:
    """One tile sheet's margin, in sheet points: its label and what the sheet
    is (bottom), the neighbours' labels, cut marks, alignment marks and the
    assembled poster's edge. The picture goes in ``grid.margin`` from every
    edge, ``grid.window_size`` large, and nothing here reaches into it."""
    grid = plan.grid
    assert grid is not None
    sheet = grid.paper
    m = grid.margin
    ww, _ = grid.window_size
    out: list[Primitive] = []
    # the label (left) and what the sheet is (right), in the bottom margin, clear
    # of the corner and alignment marks
    base = sheet.height - m * 0.45
    inner = grid.overlap + 3 * MM
    room = (ww - 2 * inner) * 0.4
    label, _ = one_line(f"{grid.label(tile, language)} · {map_name}", Face.BOLD, LABEL_SIZE, room)
    info = words(
        "sheet_info",
        language,
        poster=plan.paper.name,
        tile=sheet.name,
        ov=f"{grid.overlap / MM:g}",
        page=page,
    )
    info, _ = one_line(info, Face.REGULAR, LABEL_SIZE * 0.9, room)
    lab = text_line(m + inner, base, label, LABEL_SIZE, Face.BOLD, INK)
    inf = text_line(m + ww - inner, base, info, LABEL_SIZE * 0.9, Face.REGULAR, MUTED, "right")
    out += [lab, inf]
    texts = _Spans(bottom=[(lab.x, lab.x + lab.width), (inf.x, inf.x + inf.width)])
    out += _neighbour_labels(grid, tile, texts)
    out += _sheet_marks(grid, tile, texts)
    return out


def _neighbour_labels(grid: TileGrid, tile: Tile, texts: _Spans) -> list[Primitive]:
    """Each neighbour's label in the middle of the margin of the edge it shares
    (read upwards on the left edge, downwards on the right one)."""
    sheet, m, size = grid.paper, grid.margin, LABEL_SIZE
    out: list[Primitive] = []
    for dr, dc, x, y, rotation, spans in (
        (-1, 0, sheet.width / 2, m / 2, 0.0, texts.top),
        (1, 0, sheet.width / 2, sheet.height - m / 2, 0.0, texts.bottom),
        (0, -1, m / 2, sheet.height / 2, -90.0, texts.left),
        (0, 1, sheet.width - m / 2, sheet.height / 2, 90.0, texts.right),
    ):
        other = grid.tile_at(tile.row + dr, tile.col + dc)
        if other is None:
            continue
        # the baseline sits 0.35 size below the middle, across the reading direction
        a = math.radians(rotation)
        bx, by = x - math.sin(a) * size * 0.35, y + math.cos(a) * size * 0.35
        label = text_line(bx, by, other.label, size, Face.BOLD, MUTED, "center", rotation)
        out.append(label)
        middle = x if rotation == 0 else y
        spans.append((middle - label.width / 2, middle + label.width / 2))
    return out


def _sheet_marks(grid: TileGrid, tile: Tile, texts: _Spans) -> list[Primitive]:
    """Cut marks at the window's corners, alignment marks (with a triangle)
    where the neighbours' windows end, and the assembled poster's edge
    (dashed), all in the margin, never on the picture; a mark that would run
    into a label is drawn short."""
    m = grid.margin
    ww, wh = grid.window_size
    ov = grid.overlap
    left, right, top, bottom = m, m + ww, m, m + wh
    gap = 1.0 * MM
    full = min(6.0 * MM, m - 2.5 * MM)
    short = min(2.0 * MM, full)
    tri = 1.6 * MM
    out: list[Primitive] = []

    def length(at: float, spans: list[tuple[float, float]]) -> float:
        near = any(a - 1 * MM <= at <= b + 1 * MM for a, b in spans)
        return short if near else full

    def line(a: tuple[float, float], b: tuple[float, float], dash: tuple[float, ...]) -> None:
        out.append(Line((a, b), INK, SHEET_MARK_WIDTH, dash))

    def vmark(x: float, arrow: bool = False, dash: tuple[float, ...] = ()) -> None:
        """Continue the vertical line ``x`` into the top and bottom margins."""
        for y, sy, spans in ((bottom, 1, texts.bottom), (top, -1, texts.top)):
            if arrow:
                out.append(
                    Path(
                        (
                            ("M", x, y + sy * gap),
                            ("L", x - tri / 2, y + sy * (gap + tri)),
                            ("L", x + tri / 2, y + sy * (gap + tri)),
                            ("Z",),
                        ),
                        fill=INK,
                    )
                )
            line((x, y + sy * gap), (x, y + sy * (gap + length(x, spans))), dash)

    def hmark(y: float, arrow: bool = False, dash: tuple[float, ...] = ()) -> None:
        """Continue the horizontal line ``y`` into the left and right margins."""
        for x, sx, spans in ((left, -1, texts.left), (right, 1, texts.right)):
            if arrow:
                out.append(
                    Path(
                        (
                            ("M", x + sx * gap, y),
                            ("L", x + sx * (gap + tri), y - tri / 2),
                            ("L", x + sx * (gap + tri), y + tri / 2),
                            ("Z",),
                        ),
                        fill=INK,
                    )
                )
            line((x + sx * gap, y), (x + sx * (gap + length(y, spans)), y), dash)

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
        hmark(bottom - ov, arrow=True)
    if grid.tile_at(tile.row - 1, tile.col):
        hmark(top + ov, arrow=True)
    # the assembled poster's edge, dashed (trim there for a poster of the exact size)
    w = tile.window
    for px in (grid.area.x, grid.area.right):
        if w.x + 0.5 < px < w.right - 0.5:
            vmark(m + px - w.x, dash=(1.5, 1.5))
    for py in (grid.area.y, grid.area.bottom):
        if w.y + 0.5 < py < w.bottom - 0.5:
            hmark(m + (py - w.y), dash=(1.5, 1.5))
    return out


# --- the assembly overview ----------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """The assembly overview page of a tiled poster: the whole poster, small,
    with every sheet's window. ``chrome`` is in page points (y down); the
    poster itself is drawn by the backend: ``scale`` poster points to a page
    point, the poster's top left at ``origin``, clipped to ``clip``."""

    page: Paper
    scale: float
    origin: tuple[float, float]
    clip: Rect
    chrome: list[Primitive]


OVERVIEW_MARGIN_MM = 12.0


def overview(plan: MapPlan, map_name: str, language: str) -> Overview:
    grid = plan.grid
    assert grid is not None
    page = grid.paper.landscape if plan.paper.is_landscape else grid.paper.portrait
    margin = OVERVIEW_MARGIN_MM * MM
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
    oy = margin + head + (ah - area.h * s) / 2 - area.y * s

    def on_page(r: Rect) -> Rect:
        return Rect(ox + r.x * s, oy + r.y * s, r.w * s, r.h * s)

    text_w = page.width - 2 * margin
    out: list[Primitive] = []
    title, _ = one_line(words("assembly_title", language, name=map_name), Face.BOLD, 14, text_w)
    out.append(text_line(margin, margin + 14, title, 14, Face.BOLD, INK))
    summary = words(
        "summary",
        language,
        poster=describe(plan.paper, language),
        w=f"{plan.paper.width / MM:.0f}",
        h=f"{plan.paper.height / MM:.0f}",
        n=grid.count,
        tile=grid.paper.name,
        orient=orient(grid.paper, language),
        rows=grid.rows,
        cols=grid.cols,
        ov=f"{grid.overlap / MM:g}",
    )
    if grid.area != Rect(0, 0, plan.paper.width, plan.paper.height):
        summary += words(
            "cropped", language, w=f"{grid.area.w / MM:.0f}", h=f"{grid.area.h / MM:.0f}"
        )
    summary, _ = one_line(summary, Face.REGULAR, 8.5, text_w)
    out.append(text_line(margin, margin + 29, summary, 8.5, Face.REGULAR, MUTED))
    # the poster's edge, then each sheet's window; the overlaps show as narrow
    # bands between double lines
    out.append(Box(on_page(grid.area), stroke=MUTED, stroke_width=0.5))
    for tile in grid.tiles:
        out.append(Box(on_page(tile.window), stroke=GRID, stroke_width=0.6, dash=(3, 2)))
    ww, wh = grid.window_size
    size = max(6.0, min(12.0, min(ww, wh) * s * 0.16))
    for tile in grid.tiles:
        w = on_page(tile.window)
        cx, cy = w.x + w.w / 2, w.y + w.h / 2
        tw = metrics(Face.BOLD).width(tile.label, size)
        label = Rect(cx - tw / 2 - 4, cy - size / 2 - 3, tw + 8, size + 6)
        out.append(Box(label, fill="#FFFFFF", stroke=GRID, stroke_width=0.6, radius=3))
        out.append(text_line(cx, cy + size * 0.35, tile.label, size, Face.BOLD, GRID, "center"))
    how, _ = one_line(words("how", language), Face.REGULAR, 7.5, text_w)
    out.append(text_line(margin, page.height - margin - 4, how, 7.5, Face.REGULAR, MUTED))
    return Overview(page, s, (ox, oy), on_page(area), out)
