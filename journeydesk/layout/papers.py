"""Paper sizes for posters and tiles, in points (1/72 in).

``parse_paper("A1")``, ``parse_paper("letter")``, ``parse_paper("1189x841mm")``
(case-insensitive; ``cm`` and ``in`` work too) return a :class:`Paper` with
the size as named or written; :func:`oriented` turns it landscape or portrait.
No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MM = 72.0 / 25.4
"""Points per millimetre."""
INCH = 72.0

_ISO_MM = {
    "a0": (841, 1189),
    "a1": (594, 841),
    "a2": (420, 594),
    "a3": (297, 420),
    "a4": (210, 297),
}
_US_IN = {
    "letter": (8.5, 11),
    "legal": (8.5, 14),
    "tabloid": (11, 17),
    "ansi-c": (17, 22),
    "ansi-d": (22, 34),
    "ansi-e": (34, 44),
}
PAPER_NAMES = (*(k.upper() for k in _ISO_MM), *_US_IN)
"""Named sizes, as the CLI lists them."""
TILE_NAMES = ("A4", "A3", "letter")

MIN_SIDE_MM = 25.0
MAX_SIDE_MM = 5080.0
"""A PDF page may be at most 200 in (14,400 pt) on a side without UserUnit."""

_CUSTOM = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(mm|cm|in)\s*$", re.IGNORECASE
)
_UNIT = {"mm": MM, "cm": 10 * MM, "in": INCH}


class PaperError(ValueError):
    """Not a paper size this program knows."""


@dataclass(frozen=True)
class Paper:
    name: str
    """As shown to people: ``A1``, ``letter``, ``1189×841 mm``."""
    width: float
    height: float
    """Points, as named (portrait for the named sizes) or as written."""

    @property
    def landscape(self) -> Paper:
        return Paper(self.name, max(self.width, self.height), min(self.width, self.height))

    @property
    def portrait(self) -> Paper:
        return Paper(self.name, min(self.width, self.height), max(self.width, self.height))

    @property
    def is_landscape(self) -> bool:
        return self.width > self.height

    def oriented(self, orientation: str) -> Paper:
        """``landscape`` or ``portrait``; anything else returns the paper as it is."""
        if orientation == "landscape":
            return self.landscape
        if orientation == "portrait":
            return self.portrait
        return self

    def describe(self) -> str:
        if abs(self.width - self.height) < 0.01:
            return self.name
        return f"{self.name} {'landscape' if self.is_landscape else 'portrait'}"


def parse_paper(text: str) -> Paper:
    """A named size or ``WxHmm``/``WxHcm``/``WxHin``; raises :class:`PaperError`."""
    key = text.strip().lower()
    if key in _ISO_MM:
        iso_w, iso_h = _ISO_MM[key]
        return Paper(key.upper(), iso_w * MM, iso_h * MM)
    if key in _US_IN:
        us_w, us_h = _US_IN[key]
        return Paper(key, us_w * INCH, us_h * INCH)
    match = _CUSTOM.match(key)
    if match:
        unit = match.group(3).lower()
        w, h = (float(match.group(i).replace(",", ".")) for i in (1, 2))
        w_mm, h_mm = (v * _UNIT[unit] / MM for v in (w, h))
        for side in (w_mm, h_mm):
            if not MIN_SIDE_MM <= side <= MAX_SIDE_MM:
                raise PaperError(
                    f"paper size {text.strip()!r}: each side must be between "
                    f"{MIN_SIDE_MM:g} and {MAX_SIDE_MM:g} mm"
                )
        return Paper(f"{w:g}×{h:g} {unit}", w * _UNIT[unit], h * _UNIT[unit])
    raise PaperError(
        f"unknown paper size {text.strip()!r} (use {', '.join(PAPER_NAMES)}, or WxHmm "
        "such as 1189x841mm)"
    )


def parse_tile(text: str) -> Paper:
    """A tile paper: A4, A3 or letter."""
    key = text.strip().lower()
    if key not in {t.lower() for t in TILE_NAMES}:
        raise PaperError(f"unknown tile paper {text.strip()!r} (use A4, A3 or letter)")
    return parse_paper(key)
