"""The QPainter backend: draws layout primitives on any QPainter.

Used by the canvas items, PNG export, slides and printing. Images are
decoded at the device pixels they cover (``journeydesk.render.qpainter_images``). Text is drawn
line by line exactly as the layout broke it, with the bundled font loaded
with kerning and hinting off, at a large integer pixel size scaled down, so
advances match the metrics the layout measured with (DESIGN.md rule 9).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

from journeydesk.layout.card_face import card_swatch
from journeydesk.layout.fonts import Face, fallback_file, font_file, metrics
from journeydesk.layout.primitives import (
    REGISTRATION,
    Box,
    Image,
    Item,
    Line,
    MapLayout,
    Path,
    Point,
    Primitive,
    Text,
)

from .qpainter_images import ImageCache as ImageCache  # re-exported: callers import it from here

TEXT_SCALE = 64
"""Fonts are sized at ``size * TEXT_SCALE`` whole pixels and drawn scaled down."""


@functools.cache
def _families() -> dict[Face, str]:
    out: dict[Face, str] = {}
    for face in Face:
        font_id = QFontDatabase.addApplicationFont(str(font_file(face)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        out[face] = families[0] if families else "Sans Serif"
    return out


@functools.cache
def _fallback_families() -> dict[Face, str]:
    out: dict[Face, str] = {}
    for face in Face:
        font_id = QFontDatabase.addApplicationFont(str(fallback_file(face)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        out[face] = families[0] if families else "Sans Serif"
    return out


@functools.lru_cache(maxsize=256)
def qfont(face: Face, size: float, fallback: bool = False) -> QFont:
    font = QFont((_fallback_families() if fallback else _families())[face])
    font.setPixelSize(max(1, round(size * TEXT_SCALE)))
    font.setBold(face in (Face.BOLD, Face.BOLD_ITALIC))
    font.setItalic(face in (Face.ITALIC, Face.BOLD_ITALIC))
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@functools.lru_cache(maxsize=512)
def _pen(colour: str | None, width: float, dash: tuple[float, ...] = ()) -> QPen:
    """The pen for a stroke; one per (colour, width, dash), shared: a map has a
    few dozen distinct strokes and thousands of primitives (never mutate it)."""
    if colour is None:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(_qcolor(colour))
    pen.setWidthF(width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    if dash and width > 0:
        pen.setDashPattern([d / width for d in dash])
    return pen


def _qcolor(colour: str) -> QColor:
    """``#rrggbb``; print marks' registration colour is black on one plate."""
    return QColor("#000000" if colour == REGISTRATION else colour)


@functools.lru_cache(maxsize=512)
def _brush(colour: str | None) -> QBrush:
    """The brush for a fill, shared like ``_pen``'s pens."""
    return QBrush(_qcolor(colour)) if colour else QBrush(Qt.BrushStyle.NoBrush)


@functools.lru_cache(maxsize=512)
def _text_pen(colour: str) -> QPen:
    """What ``painter.setPen(QColor)`` makes (a 1-wide solid pen), shared."""
    return QPen(_qcolor(colour))


def clear_caches() -> None:
    """Forget the shared pens, brushes and fonts (bench/bench_png.py times a
    first export with them cleared)."""
    for cached in (_pen, _brush, _text_pen, qfont):
        cached.cache_clear()


def draw(painter: QPainter, prims: list[Primitive], images: ImageCache | None = None) -> None:
    for prim in prims:
        draw_one(painter, prim, images)


def draw_one(painter: QPainter, prim: Primitive, images: ImageCache | None = None) -> None:
    if isinstance(prim, Text):
        _text(painter, prim)
    elif isinstance(prim, Box):
        painter.setPen(_pen(prim.stroke, prim.stroke_width, prim.dash))
        painter.setBrush(_brush(prim.fill))
        r = QRectF(prim.rect.x, prim.rect.y, prim.rect.w, prim.rect.h)
        if prim.radius > 0:
            painter.drawRoundedRect(r, prim.radius, prim.radius)
        else:
            painter.drawRect(r)
    elif isinstance(prim, Line):
        draw_path(painter, prim, line_path(prim.points))
    elif isinstance(prim, Path):
        draw_path(painter, prim, qpath(prim))
    elif isinstance(prim, Image):
        r = QRectF(prim.rect.x, prim.rect.y, prim.rect.w, prim.rect.h)
        image = images.get(prim.asset, device_pixels(painter, r)) if images else None
        if image is None:
            painter.setPen(_pen("#9AA3B2", 0.75, (3, 2)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(r)
            return
        scale = min(r.width() / image.width(), r.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        target = QRectF(r.x() + (r.width() - w) / 2, r.y() + (r.height() - h) / 2, w, h)
        painter.drawImage(target, image)


def draw_path(painter: QPainter, prim: Line | Path, path: QPainterPath) -> None:
    """``prim`` as ``draw_one`` draws it, along ``path``: its own (``line_path``,
    ``qpath``), made once and kept by a canvas item, or a part of it."""
    painter.setPen(_pen(prim.stroke, prim.width, prim.dash))
    painter.setBrush(Qt.BrushStyle.NoBrush if isinstance(prim, Line) else _brush(prim.fill))
    painter.drawPath(path)


def line_path(points: tuple[Point, ...] | list[Point]) -> QPainterPath:
    """The path a Line of ``points`` is stroked along."""
    path = QPainterPath(QPointF(*points[0]))
    for p in points[1:]:
        path.lineTo(QPointF(*p))
    return path


def device_pixels(painter: QPainter, r: QRectF) -> tuple[float, float]:
    """How many device pixels ``r`` (in the painter's coordinates) covers: the
    size an image drawn there needs. The combined transform holds the zoom and
    the device pixel ratio (Qt scales a HiDPI device's painter by it)."""
    t = painter.combinedTransform()
    return (r.width() * math.hypot(t.m11(), t.m12()), r.height() * math.hypot(t.m21(), t.m22()))


def qpath(prim: Path) -> QPainterPath:
    path = QPainterPath()
    for op in prim.ops:
        if op[0] == "M":
            path.moveTo(op[1], op[2])
        elif op[0] == "L":
            path.lineTo(op[1], op[2])
        elif op[0] == "C":
            path.cubicTo(op[1], op[2], op[3], op[4], op[5], op[6])
        else:
            path.closeSubpath()
    return path


_ORIGIN = QPointF(0, 0)
TEXT_REACH = 1.0
"""How far a glyph's ink may reach above its ascent or below its baseline, in
sizes (generous: accents over capitals and descenders stay within half a size)."""


def _text(painter: QPainter, prim: Text, top: float = -math.inf, bottom: float = math.inf) -> None:
    """Each run at ``TEXT_SCALE`` times its size, scaled down: the painter's
    transform is set for each run from the one on entry (the same
    ``translate`` and ``scale`` as a ``save``/``restore`` pair, without
    copying the painter's whole state per run).

    ``top``..``bottom``: the part of the page being drawn (a band of a PNG,
    ``journeydesk.render.qpainter_bands``); an unrotated line whose glyphs
    cannot reach it (its baseline more than ``TEXT_REACH`` sizes away) is
    skipped. Each line is drawn on its own, so the lines drawn come out the same."""
    m = metrics(prim.face)
    font = qfont(prim.face, prim.size)
    painter.setFont(font)
    painter.setPen(_text_pen(prim.colour))
    if prim.rotation:
        painter.save()
        painter.translate(prim.x, prim.y)
        painter.rotate(prim.rotation)
        painter.translate(-prim.x, -prim.y)
    base = painter.transform()
    baseline = prim.y + m.ascent * prim.size
    inv = 1.0 / TEXT_SCALE
    fallback = m.fallback
    # the baselines whose line can reach top..bottom (the ascent is below one size)
    if prim.rotation:
        first, last = -math.inf, math.inf
    else:
        first = top - TEXT_REACH * prim.size
        last = bottom + (1 + TEXT_REACH) * prim.size
    for line in prim.lines:
        if line and first <= baseline <= last:
            x = prim.x
            if prim.align != "left":
                w = m.width(line, prim.size)
                x += (prim.width - w) / (2 if prim.align == "center" else 1)
            if fallback.isdisjoint(map(ord, line)):  # one run: the usual case
                at = QTransform(base)
                at.translate(x, baseline)
                at.scale(inv, inv)
                painter.setTransform(at)
                painter.drawText(_ORIGIN, line)
            else:
                for run, alt in prim.runs(line):
                    at = QTransform(base)
                    at.translate(x, baseline)
                    at.scale(inv, inv)
                    painter.setTransform(at)
                    if alt:
                        painter.setFont(qfont(prim.face, prim.size, True))
                    painter.drawText(_ORIGIN, run)
                    if alt:
                        painter.setFont(font)
                    x += m.width(run, prim.size)
        baseline += prim.leading
    painter.setTransform(base)
    if prim.rotation:
        painter.restore()


draw_text = _text
"""A text primitive, only its lines that can reach ``top``..``bottom`` (points)."""


PAINT_HINTS = (
    QPainter.RenderHint.Antialiasing
    | QPainter.RenderHint.TextAntialiasing
    | QPainter.RenderHint.SmoothPixmapTransform
)
"""How every image export paints (the canvas view sets the same)."""


def white_painter(image: QImage) -> QPainter:
    """``image`` filled white, and a painter on it with the exports' hints
    (``PAINT_HINTS``); the caller ends it."""
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(PAINT_HINTS)
    return painter


def render_layout(layout, dpi: float = 150, images: ImageCache | None = None) -> QImage:  # type: ignore[no-untyped-def]
    """The whole layout on a white QImage at ``dpi`` (72 = one pixel per point)."""
    scale = dpi / 72.0
    w = max(1, round(layout.width * scale))
    h = max(1, round(layout.height * scale))
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    painter = white_painter(image)
    painter.scale(scale, scale)
    for item in layout.sorted_items():
        draw(painter, item.primitives, images)
    painter.end()
    return image


PREVIEW_CARD_PX = 12.0
"""A card drawn lower than this many device pixels in a preview, and not drawn yet,
shows without its words: its title (~9 pt in a ~60 pt card) would be under two
pixels high, a grey smudge, and making the drawings of 20,000 cards for a
420-pixel thumbnail took the export dialog 12 s."""


def draw_preview(
    painter: QPainter, layout: MapLayout, scale: float, images: ImageCache | None = None
) -> None:
    """The whole layout at ``scale`` device pixels per point (the painter already
    scaled), for a thumbnail: as ``render_layout`` draws it, except for the small
    cards (``draw_items``)."""
    draw_items(painter, layout.sorted_items(), scale, images)


def draw_items(
    painter: QPainter, items: Iterable[Item], scale: float, images: ImageCache | None = None
) -> None:
    """``items`` (in drawing order) at ``scale`` device pixels per point: a card
    smaller than ``PREVIEW_CARD_PX`` whose drawing is not made yet is drawn as its
    box, stripe and image with its lines greeked (``card_face.card_swatch``); a
    drawing already made is used as it is."""
    small = PREVIEW_CARD_PX / max(scale, 1e-9)
    for item in items:
        recipe = item.recipe
        if recipe is not None and item.kind == "card" and item.bounds.h < small:
            swatch = card_swatch(recipe)
            if swatch is not None:
                draw(painter, swatch, images)
                continue
        draw(painter, item.primitives, images)
