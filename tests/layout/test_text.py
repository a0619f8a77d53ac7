"""Line breaking with the bundled font's metrics."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk.layout.fonts import Face, metrics
from journeydesk.layout.text import ELLIPSIS, clean, one_line, wrap


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
