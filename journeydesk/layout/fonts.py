"""The bundled font and its metrics, shared by every backend.

The layout measures text with the advance widths in the TTF files of
``fontpkg-atkinson-hyperlegible`` (read with reportlab's TrueType parser,
pure Python); the Qt backends load the same files with kerning off and pixel
sizes in scene units, and the PDF backend embeds them, so all three break
lines where the layout said (DESIGN.md rule 9).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import fontpkg_atkinson_hyperlegible as _font_package
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "Atkinson Hyperlegible"


class Face(Enum):
    REGULAR = "AtkinsonHyperlegible-Regular"
    BOLD = "AtkinsonHyperlegible-Bold"
    ITALIC = "AtkinsonHyperlegible-Italic"
    BOLD_ITALIC = "AtkinsonHyperlegible-BoldItalic"


def font_file(face: Face) -> Path:
    root = Path(_font_package.ROOT)
    for candidate in (root / "files" / f"{face.value}.ttf", root / f"{face.value}.ttf"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"font file {face.value}.ttf not found in {root}")


@dataclass(frozen=True)
class FontMetrics:
    face: Face
    ascent: float
    """Above the baseline, per unit of font size."""
    descent: float
    """Below the baseline (positive), per unit of font size."""
    widths: dict[int, float]
    """Advance width per code point, per unit of font size."""
    default_width: float

    _units: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    """Width per unit of font size of strings measured before: line breaking
    measures word by word, and the words of a map repeat a lot."""

    def width(self, text: str, size: float) -> float:
        units = self._units.get(text)
        if units is None:
            w = self.widths
            d = self.default_width
            units = sum([w.get(ord(c), d) for c in text])
            if len(self._units) > 200_000:
                self._units.clear()
            if len(text) <= 64:
                self._units[text] = units
        return units * size

    def covers(self, char: str) -> bool:
        return ord(char) in self.widths

    def line_height(self, size: float, leading: float = 1.25) -> float:
        return size * leading


@functools.cache
def ttfont(face: Face) -> TTFont:
    """reportlab's TTFont for a face (also what the PDF backend registers)."""
    return TTFont(face.value, str(font_file(face)))


UNCOVERED_WIDTH = 1.25
"""Width, per unit of font size, a character the font lacks is measured with."""


@functools.cache
def metrics(face: Face) -> FontMetrics:
    tt = ttfont(face).face
    # charWidths is keyed by code point, in thousandths of the font size.
    widths = {code: tt.charWidths.get(code, tt.defaultWidth) / 1000.0 for code in tt.charToGlyph}
    return FontMetrics(
        face=face,
        ascent=tt.ascent / 1000.0,
        descent=-tt.descent / 1000.0,
        widths=widths,
        # A character the font lacks is drawn by Qt with a fallback font (a
        # CJK glyph or an emoji is a full em wide) and by the PDF as a box:
        # measured as a full em, its line is broken early enough for either.
        default_width=max(UNCOVERED_WIDTH, tt.defaultWidth / 1000.0),
    )
