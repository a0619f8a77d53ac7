"""The SVG backend: layout primitives as an SVG document, without Qt.

The third backend beside QPainter and reportlab, for designers (``export svg``)
and for the HTML export (inline SVG). Text stays text: each line of a ``Text``
is one ``<text>`` element per font run (bundled font or fallback), placed at
the x the layout measured, so it breaks and aligns where the poster does. The
faces used are embedded as ``@font-face`` data: URLs (or left to the viewer's
fonts with ``embed_fonts=False``); images are re-encoded as PNG data: URLs at
the size they are shown. Nothing refers outside the document.

Every string from the project is escaped for XML (``xml.sax.saxutils``) and
stripped of characters XML cannot hold: files come from anyone.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from journeydesk.layout.fonts import Face, fallback_file, fallback_name, font_file, metrics
from journeydesk.layout.primitives import (
    REGISTRATION,
    Box,
    Image,
    Item,
    Line,
    MapLayout,
    Path,
    Primitive,
    Text,
)
from journeydesk.model.images import ImageError, checked_image_bytes
from journeydesk.model.project import Asset
from journeydesk.render.decode import decode_pil

SVG_NS = "http://www.w3.org/2000/svg"
IMAGE_PIXELS_PER_POINT = 2.0
"""Pixels per layout point an embedded image keeps (sharp on a HiDPI screen)."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` as XML character data: escaped, characters XML forbids dropped."""
    return escape(_NOT_XML.sub("", text))


def xml_attr(text: str) -> str:
    """``text`` as a double-quoted attribute value (XML and HTML alike)."""
    return '"' + escape(_NOT_XML.sub("", text), {'"': "&quot;"}) + '"'


def _num(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _colour(colour: str | None) -> str:
    if colour is None:
        return "none"
    if colour == REGISTRATION:
        return "#000000"
    # colours come from the theme or the file: only #rgb/#rrggbb pass
    return colour if re.fullmatch(r"#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?", colour) else "#000000"


def font_family(face: Face, fallback: bool = False) -> str:
    """The CSS family name a face is embedded under."""
    return ("JD " + fallback_name(face)) if fallback else ("JD " + face.value)


def font_face_css(used: Iterable[tuple[Face, bool]]) -> str:
    """``@font-face`` rules embedding the given faces as data: URLs."""
    rules = []
    for face, fallback in sorted(set(used), key=lambda u: (u[0].value, u[1])):
        path = fallback_file(face) if fallback else font_file(face)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        rules.append(
            f"@font-face{{font-family:'{font_family(face, fallback)}';"
            f"src:url(data:font/ttf;base64,{data}) format('truetype');}}"
        )
    return "\n".join(rules)


@dataclass
class SvgImages:
    """Assets as PNG data: URLs, decoded once per asset at the largest size asked."""

    assets: Iterable[Asset] = ()
    failed: dict[str, str] = field(default_factory=dict)
    _by_id: dict[str, Asset] = field(default_factory=dict)
    _urls: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {a.id: a for a in self.assets}

    def url(self, asset_id: str, need: tuple[float, float]) -> str | None:
        if asset_id in self._urls:
            return self._urls[asset_id]
        asset = self._by_id.get(asset_id)
        if asset is None or asset_id in self.failed:
            return None
        try:
            data = checked_image_bytes(asset.data, asset.type, asset.width, asset.height)
            image = decode_pil(data, need)
        except ImageError:
            self.failed[asset_id] = asset.name or asset_id
            return None
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
        self._urls[asset_id] = url
        return url


ItemAttrs = Callable[[Item], dict[str, str] | None]


@dataclass
class SvgWriter:
    """Collects the SVG elements of primitives and the font faces they use."""

    images: SvgImages | None = None
    used_fonts: set[tuple[Face, bool]] = field(default_factory=set)
    out: list[str] = field(default_factory=list)

    def items(self, items: Iterable[Item], attrs: ItemAttrs | None = None) -> None:
        for item in items:
            extra = attrs(item) if attrs else None
            if extra:
                at = "".join(f" {k}={xml_attr(v)}" for k, v in extra.items())
                self.out.append(f"<g{at}>")
                self.primitives(item.primitives)
                self.out.append("</g>")
            else:
                self.primitives(item.primitives)

    def primitives(self, prims: Iterable[Primitive]) -> None:
        for prim in prims:
            if isinstance(prim, Text):
                self._text(prim)
            elif isinstance(prim, Box):
                r = prim.rect
                radius = f' rx="{_num(prim.radius)}"' if prim.radius > 0 else ""
                self.out.append(
                    f'<rect x="{_num(r.x)}" y="{_num(r.y)}" width="{_num(r.w)}" '
                    f'height="{_num(r.h)}"{radius} fill="{_colour(prim.fill)}"'
                    f"{self._stroke(prim.stroke, prim.stroke_width, prim.dash)}/>"
                )
            elif isinstance(prim, Line):
                pts = " ".join(f"{_num(x)},{_num(y)}" for x, y in prim.points)
                self.out.append(
                    f'<polyline points="{pts}" fill="none"'
                    f"{self._stroke(prim.stroke, prim.width, prim.dash)}/>"
                )
            elif isinstance(prim, Path):
                self.out.append(
                    f'<path d="{_path_data(prim)}" fill="{_colour(prim.fill)}" '
                    f'fill-rule="evenodd"{self._stroke(prim.stroke, prim.width, prim.dash)}/>'
                )
            elif isinstance(prim, Image):
                self._image(prim)

    @staticmethod
    def _stroke(colour: str | None, width: float, dash: tuple[float, ...] = ()) -> str:
        if colour is None or width <= 0:
            return ' stroke="none"'
        s = f' stroke="{_colour(colour)}" stroke-width="{_num(width)}"'
        if dash:
            s += f' stroke-dasharray="{" ".join(_num(d) for d in dash)}"'
        return s

    def _text(self, prim: Text) -> None:
        if not any(prim.lines):
            return
        m = metrics(prim.face)
        rotate = (
            f' transform="rotate({_num(prim.rotation)} {_num(prim.x)} {_num(prim.y)})"'
            if prim.rotation
            else ""
        )
        self.out.append(f'<g fill="{_colour(prim.colour)}" font-size="{_num(prim.size)}"{rotate}>')
        baseline = prim.y + m.ascent * prim.size
        for line in prim.lines:
            if line:
                x = prim.x
                if prim.align != "left":
                    w = m.width(line, prim.size)
                    x += (prim.width - w) / (2 if prim.align == "center" else 1)
                for run, alt in prim.runs(line):
                    self.used_fonts.add((prim.face, alt))
                    self.out.append(
                        f'<text x="{_num(x)}" y="{_num(baseline)}" '
                        f"font-family=\"'{font_family(prim.face, alt)}', sans-serif\" "
                        f'xml:space="preserve">{xml_text(run)}</text>'
                    )
                    x += m.width(run, prim.size)
            baseline += prim.leading
        self.out.append("</g>")

    def _image(self, prim: Image) -> None:
        r = prim.rect
        need = (r.w * IMAGE_PIXELS_PER_POINT, r.h * IMAGE_PIXELS_PER_POINT)
        url = self.images.url(prim.asset, need) if self.images else None
        if url is None:
            self.out.append(
                f'<rect x="{_num(r.x)}" y="{_num(r.y)}" width="{_num(r.w)}" '
                f'height="{_num(r.h)}" fill="none" stroke="#9AA3B2" stroke-width="0.75" '
                'stroke-dasharray="3 2"/>'
            )
            return
        self.out.append(
            f'<image x="{_num(r.x)}" y="{_num(r.y)}" width="{_num(r.w)}" '
            f'height="{_num(r.h)}" preserveAspectRatio="xMidYMid meet" href="{url}"/>'
        )


def _path_data(prim: Path) -> str:
    parts = []
    for op in prim.ops:
        if op[0] in ("M", "L", "C"):
            parts.append(op[0] + " ".join(_num(v) for v in op[1:]))
        else:
            parts.append("Z")
    return " ".join(parts)


def render_svg(
    layout: MapLayout,
    assets: Iterable[Asset] = (),
    *,
    title: str = "",
    embed_fonts: bool = True,
    attrs: ItemAttrs | None = None,
    standalone: bool = True,
    images: SvgImages | None = None,
    role: str = "img",
) -> tuple[str, SvgWriter]:
    """The layout as SVG markup (a standalone document with an XML declaration
    when ``standalone``, else an ``<svg>`` element to inline in HTML); also
    returns the writer (fonts used, images that failed). ``role`` is "group"
    when the drawing holds focusable parts (the HTML export's cards)."""
    writer = SvgWriter(images if images is not None else SvgImages(list(assets)))
    writer.items(layout.sorted_items(), attrs)
    body = "\n".join(writer.out)
    style = ""
    if embed_fonts and writer.used_fonts:
        style = f"<style>\n{font_face_css(writer.used_fonts)}\n</style>\n"
    w, h = _num(layout.width), _num(layout.height)
    head = (
        f'<svg xmlns="{SVG_NS}" version="1.1" viewBox="0 0 {w} {h}" '
        + (
            f'width="{w}pt" height="{h}pt"'
            if standalone
            else f'class="map-svg" data-width="{w}" data-height="{h}"'
        )
        + f" role={xml_attr(role)}"
        + (f" aria-label={xml_attr(title)}" if title else "")
        + ">\n"
    )
    title_el = f"<title>{xml_text(title)}</title>\n" if title else ""
    background = f'<rect width="{w}" height="{h}" fill="#FFFFFF"/>\n'
    svg = head + title_el + style + background + body + "\n</svg>\n"
    if standalone:
        svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + svg
    return svg, writer
