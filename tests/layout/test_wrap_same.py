"""``wrap`` stops measuring once a text is cut and looks word widths up inline
(#14: 10,000 texts are wrapped on opening a 5,000-card map): it must break
every text exactly as the plain walk of every word did. The reference below is
that walk, kept as it was."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk.layout.fonts import Face, metrics
from journeydesk.layout.text import SUBSTITUTES, Wrapped, _split_word, ellipsize, wrap
from journeydesk.layout.theme import DEFAULT_THEME as T


def _clean_reference(text: str) -> str:
    import re

    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.translate(SUBSTITUTES)


def _reference(text: str, face: Face, size: float, width: float, max_lines: int = 0) -> Wrapped:
    import re

    m = metrics(face)
    lines: list[str] = []
    truncated = False
    for paragraph in _clean_reference(text).split("\n"):
        words = [w for w in re.split(r"[ \t\u00a0]+", paragraph.strip()) if w]
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
                pieces = _split_word(word, face, size, width)
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


def _fresh(text: str, face: Face, size: float, width: float, max_lines: int) -> Wrapped:
    wrap.cache_clear()
    return wrap(text, face, size, width, max_lines)


def test_generated_maps_wrap_as_the_plain_walk() -> None:
    bench = str(Path(__file__).resolve().parents[2] / "bench")
    sys.path.insert(0, bench)
    try:
        from generate import make_shape  # type: ignore[import-not-found]
    finally:
        sys.path.remove(bench)
    cut = 0
    for shape in ("current", "wide", "dense"):
        for card in make_shape(shape, 400).maps[0].cards:
            for text, face, size, lines in (
                (card.title, T.bold, T.card_title_size, T.card_title_lines),
                (card.body, T.face, T.card_body_size, T.card_body_lines),
            ):
                for width in (140.0, 61.5):
                    got = _fresh(text, face, size, width, lines)
                    assert got == _reference(text, face, size, width, lines), text
                    cut += got.truncated
    assert cut > 100  # the early stop was exercised


_WORDS = st.sampled_from(
    ["a", "journey", "Così", "«offerta»", "→", "✓", "№", "", "x" * 40, "Ünïcödé", "İ", "\r\n"]
)
_GAPS = st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", "\n\n", "\r", "\x01", " \n "])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_WORDS, _GAPS), max_size=30),
    st.sampled_from([0, 1, 2, 3, 4]),
    st.sampled_from([20.0, 60.0, 140.0]),
    st.sampled_from(list(Face)),
)
def test_any_text_wraps_as_the_plain_walk(
    parts: list[tuple[str, str]], max_lines: int, width: float, face: Face
) -> None:
    text = "".join(w + g for w, g in parts)
    expected = _reference(text, face, 9.0, width, max_lines)
    assert _fresh(text, face, 9.0, width, max_lines) == expected
