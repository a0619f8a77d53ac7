"""The reportlab backend: draws layout primitives on a reportlab canvas.

It mirrors ``journeydesk.render.qpainter`` primitive by primitive, so
the PDF and the screen are the same drawing:

- coordinates are the layout's (points, origin top left, y down): the caller
  sets a y-flipping transform once (:func:`layout_transform`) and every
  primitive is drawn in layout units; text gets a flipped text matrix so it
  stays upright;
- text is drawn line by line exactly as the layout broke it, in the bundled
  TTF (embedded and subset by reportlab), each line at baseline
  ``y + ascent * size + i * leading``, aligned with the same metrics the
  layout measured with; nothing is re-broken, and no markup is parsed (the
  strings go to the PDF text operators as they are, so ``<b>`` or ``&amp;``
  in a title prints as typed);
- curves are cubic Béziers, arrows and marks are filled paths, fills use
  the even-odd rule like ``QPainterPath``, strokes have flat caps and mitre
  joins like the QPainter pens;
- images are decoded only after ``checked_image_bytes`` accepted them, at
  the size the page needs (``PRINT_DPI`` at the printed size, never more
  than the image has: ``journeydesk.render.reportlab_images``); one that cannot be
  decoded is a dashed frame, as on screen.

No Qt here (an import-linter contract forbids it).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas

from journeydesk.layout.fonts import Face, fallback_name, fallback_ttfont, metrics, ttfont
from journeydesk.layout.primitives import (
    REGISTRATION,
    Box,
    Image,
    Item,
    Line,
    MapLayout,
    Path,
    Primitive,
    Rect,
    Text,
)

from .reportlab_images import PRINT_DPI as PRINT_DPI
from .reportlab_images import PdfImages as PdfImages
from .reportlab_text import SubsetWriter

_REGISTRATION = (1.0, 1.0, 1.0, 1.0)
"""The graphics-state key of the registration colour (CMYK 100 % of each plate)."""

PLACEHOLDER = "#9AA3B2"
"""Colour of the dashed frame drawn where an image cannot be shown (as on screen)."""


def register_fonts() -> None:
    """Register every face of the bundled font and its fallback with reportlab (once)."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for face in Face:
        if face.value not in known:
            pdfmetrics.registerFont(ttfont(face))
        if fallback_name(face) not in known:
            pdfmetrics.registerFont(fallback_ttfont(face))


@functools.lru_cache(maxsize=1024)
def rgb(colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` (or ``#rgb``) as reportlab's 0..1 floats; black if unreadable."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) == 8:  # #aarrggbb as Qt writes it: drop the alpha
        text = text[2:]
    try:
        value = int(text, 16) if len(text) == 6 else 0
    except ValueError:
        value = 0
    return ((value >> 16 & 255) / 255.0, (value >> 8 & 255) / 255.0, (value & 255) / 255.0)


def layout_transform(canvas: Canvas, left: float, top: float, scale: float) -> None:
    """Map layout coordinates onto the page: layout (0, 0) lands at PDF point
    ``(left, top)`` and one layout point is ``scale`` PDF points, y down."""
    canvas.transform(scale, 0, 0, -scale, left, top)


def primitive_bounds(prim: Primitive) -> tuple[float, float, float, float]:
    """``(x1, y1, x2, y2)`` in layout points, generous by the stroke width."""
    if isinstance(prim, Text):
        return (prim.x, prim.y, prim.x + prim.width, prim.y + prim.height + prim.size)
    if isinstance(prim, Box | Image):
        r = prim.rect
        pad = prim.stroke_width if isinstance(prim, Box) else 0.0
        return (r.x - pad, r.y - pad, r.right + pad, r.bottom + pad)
    if isinstance(prim, Line):
        xs = [p[0] for p in prim.points]
        ys = [p[1] for p in prim.points]
        pad = prim.width * 2
    else:
        xs = [v for op in prim.ops for v in op[1::2] if isinstance(v, float | int)]
        ys = [v for op in prim.ops for v in op[2::2] if isinstance(v, float | int)]
        pad = prim.width * 2
        if not xs:
            return (0.0, 0.0, 0.0, 0.0)
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


class PdfPainter:
    """Draws primitives on one content stream (a page or a form).

    Keeps the current colours, line width and dash so each is written only
    when it changes. Make a new painter for each page or form: reportlab
    starts each stream from the default graphics state.
    """

    def __init__(
        self,
        canvas: Canvas,
        images: PdfImages | None = None,
        pixels_per_point: float = PRINT_DPI / 72.0,
    ) -> None:
        """``pixels_per_point``: image pixels wanted per layout point (the print
        resolution times the scale the layout is printed at)."""
        register_fonts()
        self.c = canvas
        self.images = images
        self.pixels_per_point = pixels_per_point
        self._fill: tuple[float, ...] | None = None
        self._stroke: tuple[float, ...] | None = None
        self._width: float | None = None
        self._dash: tuple[float, ...] | None = None
        self._writers: dict[str, SubsetWriter] = {}
        canvas.setLineCap(0)  # flat, as the QPainter pens
        canvas.setLineJoin(0)  # mitre

    # --- graphics state ---------------------------------------------------

    def _set_fill(self, colour: str) -> None:
        value = _REGISTRATION if colour == REGISTRATION else rgb(colour)
        if value != self._fill:
            if value is _REGISTRATION:
                self.c.setFillColorCMYK(1, 1, 1, 1)
            else:
                self.c.setFillColorRGB(*value)
            self._fill = value

    def _set_stroke(self, colour: str, width: float, dash: tuple[float, ...]) -> None:
        value = _REGISTRATION if colour == REGISTRATION else rgb(colour)
        if value != self._stroke:
            if value is _REGISTRATION:
                self.c.setStrokeColorCMYK(1, 1, 1, 1)
            else:
                self.c.setStrokeColorRGB(*value)
            self._stroke = value
        if width != self._width:
            self.c.setLineWidth(width)
            self._width = width
        dash = dash if dash and width > 0 else ()
        if dash != self._dash:
            self.c.setDash(list(dash), 0)
            self._dash = dash

    # --- drawing ----------------------------------------------------------

    def draw_layout(
        self,
        layout: MapLayout,
        clip: Rect | None = None,
        tick: Callable[[int], None] | None = None,
        every: int = 250,
    ) -> int:
        """Every item of the layout, lowest z first; ``tick(n)`` after each
        ``every`` items (progress, and the place where a cancel is raised).
        Primitives entirely outside ``clip`` (layout points) are skipped."""
        items: list[Item] = layout.sorted_items()
        for n, item in enumerate(items, 1):
            self.draw(item.primitives, clip)
            if tick is not None and n % every == 0:
                tick(every)
        if tick is not None and len(items) % every:
            tick(len(items) % every)
        return len(items)

    def draw(self, prims: Iterable[Primitive], clip: Rect | None = None) -> None:
        for prim in prims:
            if clip is not None:
                x1, y1, x2, y2 = primitive_bounds(prim)
                if x2 < clip.x or x1 > clip.right or y2 < clip.y or y1 > clip.bottom:
                    continue
            self.draw_one(prim)

    def draw_one(self, prim: Primitive) -> None:
        if isinstance(prim, Text):
            self._text(prim)
        elif isinstance(prim, Box):
            self._box(prim)
        elif isinstance(prim, Line):
            self._line(prim)
        elif isinstance(prim, Path):
            self._path(prim)
        elif isinstance(prim, Image):
            self._image(prim)

    def _box(self, prim: Box) -> None:
        fill = prim.fill is not None
        stroke = prim.stroke is not None
        if not fill and not stroke:
            return
        if fill:
            self._set_fill(prim.fill)  # type: ignore[arg-type]
        if stroke:
            self._set_stroke(prim.stroke, prim.stroke_width, prim.dash)  # type: ignore[arg-type]
        r = prim.rect
        radius = min(prim.radius, abs(r.w) / 2, abs(r.h) / 2)
        if radius > 0:
            self.c.roundRect(r.x, r.y, r.w, r.h, radius, stroke=int(stroke), fill=int(fill))
        else:
            self.c.rect(r.x, r.y, r.w, r.h, stroke=int(stroke), fill=int(fill))

    def _line(self, prim: Line) -> None:
        if len(prim.points) < 2:
            return
        self._set_stroke(prim.stroke, prim.width, prim.dash)
        path = self.c.beginPath()
        path.moveTo(*prim.points[0])
        for p in prim.points[1:]:
            path.lineTo(*p)
        self.c.drawPath(path, stroke=1, fill=0)
        # ``arrow``: the layout adds the head as a filled Path of its own.

    def _path(self, prim: Path) -> None:
        fill = prim.fill is not None
        stroke = prim.stroke is not None
        if not (fill or stroke) or not prim.ops:
            return
        if fill:
            self._set_fill(prim.fill)  # type: ignore[arg-type]
        if stroke:
            self._set_stroke(prim.stroke, prim.width, prim.dash)  # type: ignore[arg-type]
        path = self.c.beginPath()
        for op in prim.ops:
            if op[0] == "M":
                path.moveTo(op[1], op[2])
            elif op[0] == "L":
                path.lineTo(op[1], op[2])
            elif op[0] == "C":
                path.curveTo(op[1], op[2], op[3], op[4], op[5], op[6])
            else:
                path.close()
        self.c.drawPath(path, stroke=int(stroke), fill=int(fill), fillMode=FILL_EVEN_ODD)

    def _text(self, prim: Text) -> None:
        lines = prim.lines
        if not any(lines):
            return
        m = metrics(prim.face)
        self._set_fill(prim.colour)
        text = self.c.beginText()
        size = prim.size
        face = prim.face.value
        text.setFont(face, size)
        font = face  # the text object's font: set again only when a run needs the other
        baseline = prim.y + m.ascent * size
        a = math.radians(prim.rotation)
        cos, sin = math.cos(a), math.sin(a)
        runs = m.runs
        show = self._writer(face).show  # (textOut less the cursor's advance, nothing reads it)
        for line in lines:
            if line:
                dx = 0.0
                if prim.align != "left":
                    w = m.width(line, size)
                    dx = (prim.width - w) / (2 if prim.align == "center" else 1)
                dy = baseline - prim.y
                # a flipped text matrix: the page transform flips y, the glyphs must not;
                # turned clockwise (y down) about the text's corner
                text.setTextTransform(
                    cos, sin, sin, -cos, prim.x + dx * cos - dy * sin, prim.y + dx * sin + dy * cos
                )
                for run, alt in runs(line):
                    # the fallback embedded (subset) only when a run uses it; the font
                    # stays set across lines (Tf is text state: Tm does not reset it)
                    name = fallback_name(prim.face) if alt else face
                    if name != font:
                        text.setFont(name, size)
                        font = name
                        show = self._writer(name).show
                    show(text, run)
            baseline += prim.leading
        self.c.drawText(text)

    def _writer(self, font: str) -> SubsetWriter:
        writer = self._writers.get(font)
        if writer is None:
            writer = self._writers[font] = SubsetWriter(self.c, font)
        return writer

    def _image(self, prim: Image) -> None:
        r = prim.rect
        need = (r.w * self.pixels_per_point, r.h * self.pixels_per_point)
        image = self.images.get(prim.asset, need) if self.images else None
        if image is None:
            self._set_stroke(PLACEHOLDER, 0.75, (3, 2))
            self.c.rect(r.x, r.y, r.w, r.h, stroke=1, fill=0)
            return
        iw, ih = image.getSize()
        if iw <= 0 or ih <= 0 or r.w <= 0 or r.h <= 0:
            return
        scale = min(r.w / iw, r.h / ih)
        w, h = iw * scale, ih * scale
        x = r.x + (r.w - w) / 2
        y = r.y + (r.h - h) / 2
        self.c.saveState()
        # images are drawn bottom-up: flip back inside the image's box
        self.c.translate(x, y + h)
        self.c.scale(1, -1)
        self.c.drawImage(image, 0, 0, w, h, mask="auto")
        self.c.restoreState()
