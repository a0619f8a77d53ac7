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
    # (a printable text has no control character, CR or LF: the regex's scan,
    # three times the cost of the check, is left out for nearly every card)
    if not text.isprintable():
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
    cached = m._units.get  # (looked up here first: a word's width is units * size, as in width())
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
            units = cached(word)
            word_w = units * size if units is not None else unit(word, size)
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
    """``(len(wrap(...).lines), wrap(...).truncated)`` without making the lines:
    a card's height needs only the count (its lines are broken when it is
    drawn, and most cards of a big map never are). ``tests/layout/test_text.py``
    holds this to ``wrap``."""
    counted = _count(text, face, size, width, max_lines)
    if counted is not None:
        return counted
    wrapped = wrap(text, face, size, width, max_lines)
    return len(wrapped.lines), wrapped.truncated


def _count(
    text: str, face: Face, size: float, width: float, max_lines: int
) -> tuple[int, bool] | None:
    """``wrap``'s line count and cut flag by its very rule and arithmetic, without
    making the lines (no strings joined, nothing cached): a card's title and a
    short body are counted at half the cost. None when a word is wider than
    the line (``wrap`` splits it between characters).

    (Tried first: a text whose words, spaces left out, are together wider than
    ``max_lines`` lines is surely cut. On the bench's bodies that bound took as
    long as this count, which stops at the last line too, and decided less.)"""
    m = metrics(face)
    unit, cached = m.width, m._units.get  # (a word's width: units * size, as in width())
    space = unit(" ", size)
    limit = max_lines if max_lines > 0 else sys.maxsize
    n = 0
    trailing = 0  # empty paragraphs at the end so far (wrap drops them)
    for paragraph in clean(text).split("\n"):
        # A printable paragraph's only blank is the space (every other character
        # ``str.split()`` splits at is not printable: tests/layout/test_count_words.py
        # checks each code point), so its words are ``split()``'s, without the
        # list the rule below makes (most of a map's texts have accents).
        if paragraph.isascii() or paragraph.isprintable():
            words = paragraph.split()
        elif "\t" not in paragraph and "\u00a0" not in paragraph:
            words = [w for w in paragraph.strip().split(" ") if w]
        else:
            words = [w for w in _SPACES.split(paragraph.strip()) if w]
        if not words:
            n += 1
            trailing += 1
            continue
        trailing = 0
        if n >= limit:
            return limit, True
        current_w = -1.0  # no word on the line yet
        for word in words:
            units = cached(word)
            word_w = units * size if units is not None else unit(word, size)
            if current_w >= 0.0 and current_w + space + word_w <= width:
                current_w += space + word_w
                continue
            if current_w >= 0.0:
                n += 1
                if n >= limit:
                    return limit, True
            if word_w > width:
                return None
            current_w = word_w
        n += 1
    return max(1, n - trailing), False


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
