"""File names made from project titles are valid on every system and read like the title."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk.io.filenames import MAX_STEM_BYTES, WINDOWS_RESERVED, safe_file_stem

FORBIDDEN = set('/\\:*?"<>|') | {chr(c) for c in range(32)} | {"\x7f"}


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Sample: buying a washing machine", "Sample - buying a washing machine"),
        ("Esempio: acquisto di una lavatrice", "Esempio - acquisto di una lavatrice"),
        ("A/B test \\ draft | v2", "A-B test-draft-v2"),
        ("Why? <Now> *really*", "Why Now really"),
        ('The "best" map', "The 'best' map"),
        ("  ..trailing dots and spaces..  ", "trailing dots and spaces"),
        ("line\nbreak\ttab", "line break tab"),
        ("CON", "CON project"),
        ("com1", "com1 project"),
        ("nul.draft", "_nul.draft"),
        ("Città futura", "Città futura"),
        ("", "Untitled"),
        ("???", "Untitled"),
    ],
)
def test_examples(title: str, stem: str) -> None:
    assert safe_file_stem(title) == stem


def test_fallback_is_made_safe_too() -> None:
    assert safe_file_stem("", "Senza titolo: bozza") == "Senza titolo - bozza"


def test_long_titles_are_cut_at_a_word_within_the_byte_limit() -> None:
    title = "Un viaggio molto lungo attraverso città e paesi " * 10
    stem = safe_file_stem(title)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert title.startswith(stem) and title[len(stem)] == " "
    wide = safe_file_stem("漢字" * 200)
    assert 0 < len(wide.encode("utf-8")) <= MAX_STEM_BYTES


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_title_gives_a_name_every_system_accepts(title: str) -> None:
    stem = safe_file_stem(title)
    assert stem and not FORBIDDEN & set(stem)
    assert stem == stem.strip(" .")
    assert stem.split(".")[0].upper() not in WINDOWS_RESERVED
    assert len((stem + " (99).journey").encode("utf-8")) <= 255
    # A title that was already a good name is kept as it is.
    assert safe_file_stem(stem) == stem
