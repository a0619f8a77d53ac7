"""Line breaking with the bundled font's metrics.

Every backend draws the lines this module returns; none breaks text itself,
so the canvas, the PNG and the PDF break lines in the same places.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

from .fonts import Face, metrics

ELLIPSIS = "…"
_SPACES = re.compile(r"[ \t\u00a0]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Wrapped:
    lines: tuple[str, ...]
    truncated: bool
    """Some text did not fit and the last line ends with an ellipsis."""


SUBSTITUTES = str.maketrans(
    {
        "→": "->",
        "←": "<-",
        "↔": "<->",
        "⇒": "=>",
        "⇐": "<=",
        "⟶": "->",
        "✓": "√",
        "✔": "√",
        "✅": "√",
        "☑": "√",
        "✗": "x",
        "✘": "x",
        "❌": "x",
        "★": "*",
        "☆": "*",
        "İ": "I",
        "№": "No.",
    }
)
"""Symbols workshop notes use that the bundled font lacks, drawn with ones it
has, so the canvas and the PDF show the same thing (not a box in the PDF)."""


_SUBSTITUTED = re.compile("[" + re.escape("".join(chr(c) for c in SUBSTITUTES)) + "]")


def clean(text: str) -> str:
    """Untrusted text as plain drawable text: control characters become spaces;
    a few symbols the font lacks become ones it has (``SUBSTITUTES``)."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Every substituted symbol is outside ASCII. translate() looks each character
    # of a non-ASCII text up in a dict (slow: a third of wrapping a map's cards
    # whose words have accents), so it runs only when a symbol is there.
    if text.isascii() or _SUBSTITUTED.search(text) is None:
        return text
    return text.translate(SUBSTITUTES)


def missing_glyphs(lines: Iterable[str], face: Face) -> set[str]:
    """Characters of ``lines`` the face cannot draw (they print as empty boxes)."""
    m = metrics(face)
    return {c for line in lines for c in line if not c.isspace() and not m.covers(c)}


@functools.lru_cache(maxsize=65536)
def wrap(text: str, face: Face, size: float, width: float, max_lines: int = 0) -> Wrapped:
    """Break ``text`` into lines no wider than ``width`` points.

    Paragraphs (``\\n``) start new lines; a word wider than the line is split
    between characters. With ``max_lines`` > 0, text beyond it is cut and the
    last line ends with an ellipsis.
    """
    m = metrics(face)
    lines: list[str] = []
    # Lines are made one after another, so once a line with text would start
    # past ``max_lines`` the kept lines are known and the text is cut: the rest
    # of a long card body is not measured (it was most of a big map's first
    # layout). tests/layout/test_text.py holds this to breaking the whole text
    # and cutting after, as this function did before.
    limit = max_lines if max_lines > 0 else sys.maxsize
    unit = m.width  # per-word widths are cached in the metrics
    space = unit(" ", size)
    for paragraph in clean(text).split("\n"):
        if paragraph.isascii():  # after clean(), its only blanks are spaces and tabs
            words = paragraph.split()
        elif "\t" not in paragraph and "\u00a0" not in paragraph:  # (accented text)
            words = [w for w in paragraph.strip().split(" ") if w]
        else:
            words = [w for w in _SPACES.split(paragraph.strip()) if w]
        if not words:
            lines.append("")
            continue
        if len(lines) >= limit:
            return _cut(lines, limit, face, size, width)
        current = ""
        current_w = 0.0
        for word in words:
            word_w = unit(word, size)
            if current and current_w + space + word_w <= width:
                current += " " + word
                current_w += space + word_w
                continue
            if current:
                lines.append(current)
                if len(lines) >= limit:
                    return _cut(lines, limit, face, size, width)
            if word_w <= width:
                current, current_w = word, word_w
            else:
                pieces = _split_word(word, face, size, width)
                lines.extend(pieces[:-1])
                if len(lines) >= limit:
                    return _cut(lines, limit, face, size, width)
                current = pieces[-1]
                current_w = unit(current, size)
        lines.append(current)
    # Trailing empty paragraphs add nothing visible (and lines past the limit
    # can only be those: any line with text there returned above).
    while len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return Wrapped(tuple(lines), False)


def line_count(
    text: str, face: Face, size: float, width: float, max_lines: int
) -> tuple[int, bool]:
    """``(len(wrap(...).lines), wrap(...).truncated)``, without breaking the
    lines of a text that surely has more than ``max_lines`` of them.

    Greedy breaking puts at most ``width`` of words on a line (a word wider
    than that is split between characters, and no character is wider than
    the line while ``width`` is at least the face's widest advance), so a text
    whose words, spaces left out, are together wider than ``max_lines`` lines
    has more lines than that: it is cut to ``max_lines``. Most long card
    bodies are, and a card's height needs only the count (its lines are
    broken when it is drawn). The margin covers the order floats are added
    in; ``tests/layout/test_text.py`` holds this to ``wrap``.
    """
    bound = max_lines * width
    widest = _widest(face) * size
    # (a text too short to pass the bound even in its widest characters is
    # broken at once: most titles)
    if max_lines > 0 and width >= widest and len(text) * widest > bound:
        m = metrics(face)
        # A prefix of the text is enough to pass the bound (a long body is
        # thousands of characters): one of about the bound's length first,
        # twice as long while it is not. wrap's words are the cleaned text
        # split at spaces, tabs, no-break spaces and newlines; split() drops
        # those and maybe more blanks, so ``total`` is never more than the
        # words' true sum, and a prefix's words' never more than the text's.
        widths, default = m.widths, m.default_width
        end = 16 + int(bound / (size * 0.4))
        while True:
            chars = "".join(clean(text[:end]).split())
            total = sum(map(widths.get, map(ord, chars), repeat(default))) * size
            if total > bound + _MARGIN * (1.0 + total):
                return max_lines, True
            if end >= len(text):
                break
            end *= 2
    wrapped = wrap(text, face, size, width, max_lines)
    return len(wrapped.lines), wrapped.truncated


_MARGIN = 1e-9
"""Relative slack of ``line_count``'s bound (sums of the same advances
added in another order differ in their last bits)."""


@functools.cache
def _widest(face: Face) -> float:
    """The face's widest advance per unit of size (any character)."""
    m = metrics(face)
    return max(max(m.widths.values(), default=0.0), m.default_width)


def _cut(lines: list[str], limit: int, face: Face, size: float, width: float) -> Wrapped:
    """``wrap``'s result when text goes on past line ``limit``: the first
    ``limit`` lines, the last one ending with an ellipsis."""
    kept = lines[:limit]
    kept[-1] = ellipsize(kept[-1], face, size, width, force=True)
    return Wrapped(tuple(kept), True)


def _split_word(word: str, face: Face, size: float, width: float) -> list[str]:
    m = metrics(face)
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and m.width(current + char, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    pieces.append(current)
    return pieces


def ellipsize(line: str, face: Face, size: float, width: float, force: bool = False) -> str:
    """``line`` cut to fit ``width`` with a trailing ellipsis (always one if ``force``)."""
    m = metrics(face)
    if not force and m.width(line, size) <= width:
        return line
    budget = width - m.width(ELLIPSIS, size)
    out = line.rstrip()
    # Drop characters from the end, taking each one's advance off the total
    # (measuring the whole rest again per character is quadratic).
    total = m.width(out, size)
    end = len(out)
    while end and total > budget:
        end -= 1
        total -= m.width(out[end], size)
    return out[:end].rstrip() + ELLIPSIS


def one_line(text: str, face: Face, size: float, width: float) -> tuple[str, bool]:
    """A single line (newlines become spaces), ellipsized to ``width``."""
    flat = " ".join(clean(text).split())
    line = ellipsize(flat, face, size, width)
    return line, line != flat
