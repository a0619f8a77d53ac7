"""Native slide content for the PowerPoint deck: every text of a slide layout
as a PowerPoint text box a client can edit and search, over a picture of the
rest of the slide (shapes, curves, the map strip, images).

The layout's lines are kept as the layout broke them (one paragraph per line,
no wrapping, no autofit), at the layout's position, size, colour, alignment
and line spacing, in the bundled font (runs the fallback font draws are set
in Noto Sans), so the deck reads like the slide PNGs. QtGui only (the picture).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from journeydesk.layout.fonts import Face
from journeydesk.layout.primitives import MapLayout, Text

from .xmltext import clean_text

EMU_PER_POINT = 12_700


def without_text(layout: MapLayout) -> MapLayout:
    """The layout with its texts taken out (what the slide picture shows)."""
    items = [
        item.replaced([p for p in item.primitives if not isinstance(p, Text)])
        for item in layout.items
    ]
    return replace(layout, items=items)


def texts(layout: MapLayout) -> list[Text]:
    """The layout's texts, bottom to top."""
    return [p for item in layout.sorted_items() for p in item.primitives if isinstance(p, Text)]


def _rgb(colour: str) -> Any:
    from pptx.dml.color import RGBColor

    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    try:
        return RGBColor.from_string(c.upper()[:6])  # type: ignore[no-untyped-call]
    except ValueError:
        return RGBColor(0, 0, 0)  # type: ignore[no-untyped-call]


def add_text_boxes(slide: Any, layout: MapLayout, emu_per_unit: float) -> int:
    """Every text of ``layout`` as a text box on ``slide``; returns how many."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Emu, Pt

    align = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
    count = 0
    for prim in texts(layout):
        lines = [clean_text(line) for line in prim.lines]
        if not any(lines):
            continue
        box = slide.shapes.add_textbox(
            Emu(round(prim.x * emu_per_unit)),
            Emu(round(prim.y * emu_per_unit)),
            Emu(max(1, round(prim.width * emu_per_unit))),
            Emu(max(1, round(prim.height * emu_per_unit))),
        )
        box.name = (" ".join(lines)[:60] or "Text").strip()
        if prim.rotation:
            box.rotation = prim.rotation
        frame = box.text_frame
        frame.word_wrap = False
        frame.auto_size = None
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.vertical_anchor = MSO_ANCHOR.TOP
        size = Pt(prim.size * emu_per_unit / EMU_PER_POINT)
        leading = Pt(prim.leading * emu_per_unit / EMU_PER_POINT)
        bold = prim.face in (Face.BOLD, Face.BOLD_ITALIC)
        italic = prim.face in (Face.ITALIC, Face.BOLD_ITALIC)
        for n, line in enumerate(lines):
            para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            para.alignment = align[prim.align]
            para.line_spacing = leading
            for text, fallback in prim.runs(line) or [("", False)]:
                run = para.add_run()
                run.text = text
                font = run.font
                font.name = "Noto Sans" if fallback else "Atkinson Hyperlegible"
                font.size = size
                font.bold = bold
                font.italic = italic
                font.color.rgb = _rgb(prim.colour)
        count += 1
    return count
