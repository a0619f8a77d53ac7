"""The bundled font and its metrics, shared by every backend.

The layout measures text with the advance widths in the TTF files of
``fontpkg-atkinson-hyperlegible`` (read with reportlab's TrueType parser,
pure Python); the Qt backends load the same files with kerning off and pixel
sizes in scene units, and the PDF backend embeds them, so all three break
lines where the layout said (DESIGN.md rule 9).

Characters the bundled font lacks (Greek, Cyrillic, ...) are measured and drawn
with a fallback font: static faces of Noto Sans in ``journeydesk.resources.fonts``
(cut from fontpkg-noto-sans by packaging/make_fallback_fonts.py). A face's
metrics cover both fonts; ``runs`` splits a line into the pieces each font draws.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import math
import unicodedata as _unicodedata
from dataclasses import dataclass, field
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import fontpkg_atkinson_hyperlegible as _font_package

from journeydesk.paths import cache_dir

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "Atkinson Hyperlegible"


class Face(Enum):
    REGULAR = "AtkinsonHyperlegible-Regular"
    BOLD = "AtkinsonHyperlegible-Bold"
    ITALIC = "AtkinsonHyperlegible-Italic"
    BOLD_ITALIC = "AtkinsonHyperlegible-BoldItalic"


FALLBACK_FAMILY = "JourneyDesk Fallback"


def fallback_name(face: Face) -> str:
    """The fallback font's face that completes ``face`` (its file and PDF font name)."""
    return "NotoSansFallback-" + face.value.split("-", 1)[1]


def fallback_file(face: Face) -> Path:
    path = resources.files("journeydesk.resources").joinpath("fonts", f"{fallback_name(face)}.ttf")
    return Path(str(path))


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
    fallback: frozenset[int] = frozenset()
    """Code points drawn with the fallback font (the bundled font lacks them)."""

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

    def runs(self, line: str) -> list[tuple[str, bool]]:
        """``line`` cut into runs of ``(text, drawn with the fallback font)``."""
        fb = self.fallback
        if fb.isdisjoint(map(ord, line)):  # one run, the usual case: the test runs in C
            return [(line, False)] if line else []
        return [
            ("".join(chars), alt)
            for alt, chars in itertools.groupby(line, lambda char: ord(char) in fb)
        ]

    def line_height(self, size: float, leading: float = 1.25) -> float:
        return size * leading


@functools.cache
def ttfont(face: Face) -> TTFont:
    """reportlab's TTFont for a face (also what the PDF backend registers).
    Imported when first needed: with the metrics cached, opening a map reads
    no TrueType table and needs no reportlab."""
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(face.value, str(font_file(face)))


@functools.cache
def fallback_ttfont(face: Face) -> TTFont:
    """reportlab's TTFont for the fallback face completing ``face``."""
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(fallback_name(face), str(fallback_file(face)))


UNCOVERED_WIDTH = 1.25
"""Width, per unit of font size, a character the font lacks is measured with."""


@functools.cache
def metrics(face: Face) -> FontMetrics:
    """The face's metrics: from the disk cache when the two font files are the
    ones it was made from, else read from the files (and cached for the next
    start: parsing the TrueType tables in Python was 100-150 ms of opening a
    map in a new process, issue #14)."""
    files = (font_file(face), fallback_file(face))
    key = _metrics_key(files)
    found = _read_cached(face, key)
    if found is not None:
        return found
    made = _read_metrics(face)
    _write_cached(made, key)
    return made


def _read_metrics(face: Face) -> FontMetrics:
    tt = ttfont(face).face
    # charWidths is keyed by code point, in thousandths of the font size.
    widths = {code: tt.charWidths.get(code, tt.defaultWidth) / 1000.0 for code in tt.charToGlyph}
    fb = fallback_ttfont(face).face
    extra = {
        code: fb.charWidths.get(code, fb.defaultWidth) / 1000.0
        for code in fb.charToGlyph
        if code not in widths and not _unicodedata.category(chr(code)).startswith("Z")
    }
    widths.update(extra)
    return FontMetrics(
        face=face,
        ascent=tt.ascent / 1000.0,
        descent=-tt.descent / 1000.0,
        widths=widths,
        # A character the font lacks is drawn by Qt with a fallback font (a
        # CJK glyph or an emoji is a full em wide) and by the PDF as a box:
        # measured as a full em, its line is broken early enough for either.
        default_width=max(UNCOVERED_WIDTH, tt.defaultWidth / 1000.0),
        fallback=frozenset(extra),
    )


# --- the metrics cache -----------------------------------------------------
#
# One JSON file per face in the user's cache folder, named by a digest of what
# the metrics are made from: both font files' bytes, this format's version and
# the Unicode database (which characters count as spaces). A changed font makes
# a new name, so a stale file is never used. The folder is the user's but not
# trusted blindly: a file that is not exactly what this module writes is ignored.

_METRICS_FORMAT = 1
_MAX_CODES = 200_000


def _metrics_key(files: tuple[Path, ...]) -> str:
    digest = hashlib.sha256(f"{_METRICS_FORMAT} {_unicodedata.unidata_version}".encode())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _cache_file(face: Face, key: str) -> Path:
    return cache_dir() / "font-metrics" / f"{face.value}-{key}.json"


def _read_cached(face: Face, key: str) -> FontMetrics | None:
    try:
        data = json.loads(_cache_file(face, key).read_bytes())
        if data.get("face") != face.value or data.get("key") != key:
            return None
        codes, advances, fallback = data["codes"], data["widths"], data["fallback"]
        numbers = (data["ascent"], data["descent"], data["default_width"], *advances)
        if (
            not (len(codes) == len(advances) <= _MAX_CODES and len(fallback) <= len(codes))
            or not all(type(c) is int for c in codes)
            or not all(type(c) is int for c in fallback)
            or not all(type(v) is float and math.isfinite(v) and 0 <= v < 100 for v in numbers)
        ):
            return None
        return FontMetrics(
            face=face,
            ascent=data["ascent"],
            descent=data["descent"],
            widths=dict(zip(codes, advances, strict=True)),
            default_width=data["default_width"],
            fallback=frozenset(fallback) & frozenset(codes),
        )
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _write_cached(m: FontMetrics, key: str) -> None:
    """Best effort: a cache that cannot be written only costs the next start."""
    target = _cache_file(m.face, key)
    data = {
        "face": m.face.value,
        "key": key,
        "ascent": float(m.ascent),
        "descent": float(m.descent),
        "default_width": float(m.default_width),
        "codes": list(m.widths),
        "widths": [float(v) for v in m.widths.values()],
        "fallback": sorted(m.fallback),
    }
    from journeydesk.io.atomic import atomic_write_bytes  # (only when a cache is made)

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, json.dumps(data, separators=(",", ":")).encode())
    except OSError:
        pass
