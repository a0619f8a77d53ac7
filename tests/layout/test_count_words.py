"""``text._count`` takes a printable paragraph's words from ``str.split()``
(the cheap path for accented text); these pin that it is the very word list
``wrap``'s rule makes (split at spaces, tabs and NBSP only)."""

from __future__ import annotations

import sys

from bench_shapes import make_shape
from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk.layout.fonts import Face
from journeydesk.layout.text import _SPACES, _count, line_count, wrap
from journeydesk.layout.theme import Theme


def _rule_words(paragraph: str) -> list[str]:
    """``wrap``'s word list for a cleaned paragraph (its three branches)."""
    if paragraph.isascii():
        return paragraph.split()
    if "\t" not in paragraph and "\u00a0" not in paragraph:
        return [w for w in paragraph.strip().split(" ") if w]
    return [w for w in _SPACES.split(paragraph.strip()) if w]


def test_every_blank_but_the_space_is_not_printable() -> None:
    """The shortcut's ground: every code point ``str.split()`` splits at, but the
    space, makes a paragraph non-printable (checked for each of them)."""
    blanks = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert " " in blanks and "\u2003" in blanks and "\x85" in blanks
    printable = [c for c in blanks if c.isprintable()]
    assert printable == [" "]


_BLANKS = st.sampled_from([" ", "  ", "\t", "\xa0", "\u2003", "\u3000", "\x85", "\u2028", "\x1c"])
_WORDS = st.sampled_from(["già", "città", "«offerta»", "più", "a", "WWWW", "漢字", "İ", "x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_BLANKS | _WORDS | st.text(max_size=6), max_size=30))
def test_printable_paragraphs_split_as_the_rule_does(parts: list[str]) -> None:
    paragraph = "".join(parts).replace("\n", " ")
    if paragraph.isprintable():
        assert paragraph.split() == _rule_words(paragraph)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(_BLANKS | _WORDS, max_size=40),
    width=st.sampled_from([12.0, 30.0, 80.0, 140.0]),
    max_lines=st.integers(min_value=0, max_value=4),
)
def test_count_with_odd_blanks_equals_wrapping(
    parts: list[str], width: float, max_lines: int
) -> None:
    text = "".join(parts)
    wrapped = wrap(text, Face.REGULAR, 7.5, width, max_lines)
    counted = _count(text, Face.REGULAR, 7.5, width, max_lines)
    assert counted is None or counted == (len(wrapped.lines), wrapped.truncated)
    assert line_count(text, Face.REGULAR, 7.5, width, max_lines) == (
        len(wrapped.lines),
        wrapped.truncated,
    )


def test_the_shapes_card_texts_count_as_they_wrap() -> None:
    t = Theme()
    for shape in ("current", "wide", "dense"):
        for card in make_shape(shape, 300).maps[0].cards:
            for text, face, size, lines in (
                (card.title, t.bold, t.card_title_size, t.card_title_lines),
                (card.body, t.face, t.card_body_size, t.card_body_lines),
            ):
                wrapped = wrap(text, face, size, 140.0, lines)
                assert line_count(text, face, size, 140.0, lines) == (
                    len(wrapped.lines),
                    wrapped.truncated,
                )
