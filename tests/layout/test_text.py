"""Line breaking with the bundled font's metrics."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from journeydesk.layout.fonts import Face, metrics
from journeydesk.layout.text import (
    ELLIPSIS,
    SUBSTITUTES,
    Wrapped,
    clean,
    ellipsize,
    line_count,
    one_line,
    wrap,
)


def test_lines_fit_and_keep_every_word() -> None:
    text = "Il cliente confronta i prezzi online e in negozio, ma le schede prodotto non coincidono"
    result = wrap(text, Face.REGULAR, 9, 120)
    m = metrics(Face.REGULAR)
    assert len(result.lines) > 1 and not result.truncated
    assert all(m.width(line, 9) <= 120 for line in result.lines)
    assert " ".join(result.lines) == text


def test_max_lines_ends_with_an_ellipsis() -> None:
    result = wrap("uno due tre quattro cinque sei sette otto nove dieci " * 5, Face.BOLD, 10, 80, 2)
    assert result.truncated
    assert len(result.lines) == 2
    assert result.lines[-1].endswith(ELLIPSIS)
    assert metrics(Face.BOLD).width(result.lines[-1], 10) <= 80


def test_a_word_wider_than_the_line_is_split() -> None:
    word = "Precipitevolissimevolmente"
    result = wrap(word, Face.REGULAR, 12, 50)
    assert "".join(result.lines) == word
    assert all(metrics(Face.REGULAR).width(line, 12) <= 50 for line in result.lines)


def test_paragraphs_and_control_characters() -> None:
    assert wrap("a\n\nb", Face.REGULAR, 10, 500).lines == ("a", "", "b")
    assert clean("a\x00b\x1bc\r\nd") == "a b c\nd"


def test_one_line_flattens_and_cuts() -> None:
    line, cut = one_line("Titolo\nsu due righe", Face.REGULAR, 10, 1000)
    assert (line, cut) == ("Titolo su due righe", False)
    line, cut = one_line("x" * 500, Face.REGULAR, 10, 100)
    assert cut and line.endswith(ELLIPSIS)


@settings(deadline=None, max_examples=150)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
    width=st.floats(min_value=8, max_value=400),
    max_lines=st.integers(min_value=0, max_value=6),
)
def test_never_wider_than_asked(text: str, width: float, max_lines: int) -> None:
    result = wrap(text, Face.REGULAR, 9, width, max_lines)
    m = metrics(Face.REGULAR)
    for line in result.lines:
        # a single character wider than the line is the only allowed excess
        assert m.width(line, 9) <= width or len(line) <= 1 or line.endswith(ELLIPSIS)
    if max_lines:
        assert len(result.lines) <= max_lines


def test_every_substituted_symbol_is_outside_ascii() -> None:
    # clean() skips the substitution table for ASCII text
    from journeydesk.layout.text import SUBSTITUTES, clean

    assert all(code > 127 for code in SUBSTITUTES)
    assert clean("a ★ b\r\nc\x07") == "a * b\nc "
    assert clean("plain ASCII\tstays") == "plain ASCII\tstays"


# --- the fast wrap breaks lines exactly as the whole-text algorithm did ---------

_REF_SPACES = re.compile(r"[ \t\u00a0]+")


def _reference_clean(text: str) -> str:
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.translate(SUBSTITUTES)


def _reference_wrap(text: str, face: Face, size: float, width: float, max_lines: int) -> Wrapped:
    """``wrap`` before issue #14: breaks the whole text, then cuts."""
    m = metrics(face)
    lines: list[str] = []
    truncated = False
    for paragraph in _reference_clean(text).split("\n"):
        words = [w for w in _REF_SPACES.split(paragraph.strip()) if w]
        if not words:
            lines.append("")
            continue
        space = m.width(" ", size)
        current = ""
        current_w = 0.0
        for word in words:
            word_w = m.width(word, size)
            if current and current_w + space + word_w <= width:
                current += " " + word
                current_w += space + word_w
                continue
            if current:
                lines.append(current)
            if word_w <= width:
                current, current_w = word, word_w
            else:
                pieces: list[str] = []
                piece = ""
                for char in word:
                    if piece and m.width(piece + char, size) > width:
                        pieces.append(piece)
                        piece = char
                    else:
                        piece += char
                pieces.append(piece)
                lines.extend(pieces[:-1])
                current = pieces[-1]
                current_w = m.width(current, size)
        lines.append(current)
    while len(lines) > 1 and lines[-1] == "":
        lines.pop()
    if max_lines > 0 and len(lines) > max_lines:
        lines = lines[:max_lines]
        truncated = True
    if truncated:
        lines[-1] = ellipsize(lines[-1], face, size, width, force=True)
    return Wrapped(tuple(lines), truncated)


_PIECES = st.sampled_from(
    [
        "",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\xa0",
        "\u2003",
        "\x0b",
        "\x1f",
        "→",
        "✓",
        "già",
        "città",
        "più",
        "Precipitevolissimevolmente",
        "WWWWWWWWWWWWWWWWWWWW",
        "a",
        "ok",
        "cliente",
        "confronta",
        "i",
        "prezzi",
        "😀",
        "漢字",
        "İstanbul",
        "№5",
        "a\xa0b",
        "x\ty",
        "\u2003è",
    ]
)


@settings(max_examples=600, deadline=None)
@given(
    parts=st.lists(_PIECES | st.text(max_size=12), max_size=60),
    width=st.sampled_from([8.0, 30.0, 80.0, 130.0, 400.0]),
    max_lines=st.integers(min_value=0, max_value=5),
    face=st.sampled_from([Face.REGULAR, Face.BOLD]),
)
# the last line filled, an empty paragraph, then more text: still cut
@example(parts=["a", "\n", "b", "\n\n", "c"], width=400.0, max_lines=2, face=Face.REGULAR)
@example(parts=["a", "\n", "b", "\n\n"], width=400.0, max_lines=2, face=Face.REGULAR)
@example(parts=["Precipitevolissimevolmente"] * 3, width=30.0, max_lines=3, face=Face.BOLD)
def test_wrap_equals_breaking_the_whole_text_then_cutting(
    parts: list[str], width: float, max_lines: int, face: Face
) -> None:
    text = " ".join(parts) if len(parts) % 2 else "".join(parts)
    wrap.cache_clear()
    assert wrap(text, face, 7.5, width, max_lines) == _reference_wrap(
        text, face, 7.5, width, max_lines
    )


def test_a_long_body_is_not_measured_past_its_last_line() -> None:
    m = metrics(Face.REGULAR)
    words = [f"parola{n}" for n in range(2000)]
    wrap.cache_clear()
    m._units.clear()
    result = wrap(" ".join(words), Face.REGULAR, 7.5, 130.0, 4)
    assert result.truncated and len(result.lines) == 4
    assert len(m._units) < 100  # the first four lines' words, not 2,000


# --- line_count: a card's line count without breaking a text surely cut ----


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(_PIECES | st.text(max_size=12), max_size=80),
    width=st.sampled_from([8.0, 22.0, 30.0, 80.0, 130.0, 400.0]),
    max_lines=st.integers(min_value=0, max_value=5),
    face=st.sampled_from([Face.REGULAR, Face.BOLD]),
    size=st.sampled_from([7.5, 9.0]),
)
@example(parts=["a", "\n", "b", "\n\n", "c"], width=400.0, max_lines=2, face=Face.REGULAR, size=9)
@example(parts=["WWWWWWWWWWWWWWWWWWWW"] * 9, width=30.0, max_lines=3, face=Face.BOLD, size=7.5)
@example(parts=["\t\n"] * 40 + ["x"], width=80.0, max_lines=2, face=Face.REGULAR, size=7.5)
# characters wider than the line: one per line, so the words' sum says nothing
@example(parts=["WWWW"], width=7.0, max_lines=4, face=Face.BOLD, size=9.0)
def test_line_count_equals_wrapping(
    parts: list[str], width: float, max_lines: int, face: Face, size: float
) -> None:
    text = " ".join(parts) if len(parts) % 2 else "".join(parts)
    wrapped = wrap(text, face, size, width, max_lines)
    assert line_count(text, face, size, width, max_lines) == (
        len(wrapped.lines),
        wrapped.truncated,
    )


def test_line_count_makes_no_lines() -> None:
    """Counting takes its own path (else the test above compares wrap with
    itself): a long body and a short text are counted without ``wrap``; only a
    word wider than the line goes to it."""
    from journeydesk.layout import text as text_module

    words = " ".join(f"parola{n} più" for n in range(400))
    wrap.cache_clear()
    assert line_count(words, Face.REGULAR, 7.5, 130.0, 4) == (4, True)
    assert line_count(words[:300], Face.BOLD, 9.0, 130.0, 3) == (3, True)
    assert line_count("a few words", Face.REGULAR, 7.5, 130.0, 4) == (1, False)
    assert line_count("a few words\n\nand more", Face.REGULAR, 7.5, 130.0, 4) == (3, False)
    assert wrap.cache_info().misses == 0
    assert text_module._count("Precipitevolissimevolmente", Face.BOLD, 9.0, 40.0, 4) is None
    assert line_count("Precipitevolissimevolmente", Face.BOLD, 9.0, 40.0, 4)[0] > 1
    assert wrap.cache_info().misses == 1


def test_line_count_of_lines_filled_to_the_last_point_is_not_cut() -> None:
    """One word per line, each exactly ``width`` wide, ``max_lines`` of them:
    not cut; and two words filling a line exactly share it (``<=``, as wrap)."""
    m = metrics(Face.REGULAR)
    wrong = []
    for word in ("x" * 7, "mm" * 5, "Ab3é" * 3, "il" * 9, "W" * 6):
        for size in (7.5, 8.1, 9.0, 10.3, 11.7):
            width = m.width(word, size)
            for lines in range(1, 9):
                text = " ".join([word] * lines)
                got = line_count(text, Face.REGULAR, size, width, lines)
                if got != (lines, False):
                    wrong.append((word, size, lines, got))
            # two words filling a line to its last point: one line
            pair = f"{word} {word[::-1]}"
            width = m.width(word, size) + m.width(" ", size) + m.width(word[::-1], size)
            if line_count(pair, Face.REGULAR, size, width, 2) != (1, False):
                wrong.append((pair, size, 1, line_count(pair, Face.REGULAR, size, width, 2)))
    assert wrong == []


def _clean_by_regex(text: str) -> str:
    """``clean`` as it was: the control characters' regex run on every text."""
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text if text.isascii() else text.translate(SUBSTITUTES)


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(max_codepoint=0x2000),  # controls, C1, NBSP, accents, spaces
            st.sampled_from([*map(chr, SUBSTITUTES), "\r", "\u2028", "\u2003", "\x85"]),
        ),
        max_size=40,
    )
)
@example(text="plain words, è à")
@example(text="tab\there")
@example(text="a\x7fb\x1fc\rd\r\ne\x85f\u2028g")
def test_clean_skips_the_regex_only_when_it_would_change_nothing(text: str) -> None:
    """The printable fast path (most cards' texts) gives what the regex gives."""
    assert clean(text) == _clean_by_regex(text)
