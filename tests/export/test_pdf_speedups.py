"""The PDF export's shortcuts (issue #14, round 7), each held to the slower
path it replaced.

- ``FontMetrics.runs``: one run found by a set test in C, several by a
  ``groupby``; held to the character-by-character split it replaced.
- ``PdfPainter._text``: the font set once per text object and again only when
  a run needs the other face (it was set before every run of every line), the
  string written without the cursor's width; held to the old ``_text`` (kept
  here as ``OldTextPainter``) by reading both pages' content streams back
  (``pdf_ops``): the same strings in the same fonts, sizes, colours and text
  matrices, and every other operator the same.
- ``reportlab_text.SubsetWriter``: strings whose characters all have codes in
  the font's first subset translated in C; held to reportlab's
  ``_textOut`` byte for byte (the text objects' operators and the subsets).
- The whole poster of a generated map on each shape, drawn by the painter and
  by the old ``_text``: the same drawing; every card's title read back from the
  PDF, every font embedded.
"""

from __future__ import annotations

import gc
import io
import math
import random
from pathlib import Path

import pytest
from bench_shapes import make_shape
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from journeydesk.export.pdf import poster
from journeydesk.export.pdf.poster import PosterOptions, render_pdf
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.fonts import Face, fallback_name, metrics
from journeydesk.layout.primitives import Text
from journeydesk.render.reportlab import PdfPainter, layout_transform, register_fonts
from journeydesk.render.reportlab_text import SubsetWriter

from .conftest import fonts, needs_poppler, squash, text
from .pdf_ops import assert_same_drawing

ALPHABET = (
    "abcdefghij XYZ 0123 .,;:!?()\\<>&"  # ASCII, PDF string escapes
    "àèéìòùç€“”’ÀÈ"  # Italian
    "αβγδΩ ЖжПр"  # Greek, Cyrillic: the fallback font
    "日本語中文한"  # CJK: no font has them
    "😀🚀👍🏽"  # emoji (and a modifier)
    "\u00a0\t\u200b\u0301"  # no-break space, tab, zero-width space, combining accent
)
texts = st.text(alphabet=ALPHABET, max_size=40)


def old_runs(face: Face, line: str) -> list[tuple[str, bool]]:
    """``FontMetrics.runs`` as it was: character by character."""
    out: list[tuple[str, bool]] = []
    fb = metrics(face).fallback
    for char in line:
        alt = ord(char) in fb
        if out and out[-1][1] == alt:
            out[-1] = (out[-1][0] + char, alt)
        else:
            out.append((char, alt))
    return out


@settings(deadline=None, max_examples=300)
@given(face=st.sampled_from(list(Face)), line=texts)
def test_runs_split_a_line_as_the_character_by_character_loop(face: Face, line: str) -> None:
    assert metrics(face).runs(line) == old_runs(face, line)


def test_runs_on_the_usual_lines() -> None:
    m = metrics(Face.REGULAR)
    assert m.runs("") == []
    assert m.runs("Perché è già più caro") == [("Perché è già più caro", False)]
    assert m.runs("ok Жmega ok") == [("ok ", False), ("Ж", True), ("mega ok", False)]


def _covered(face: Face) -> list[str]:
    return sorted(chr(c) for c in metrics(face).widths if not chr(c).isspace() and c > 32)


@pytest.mark.parametrize("seed", range(3))
def test_subset_writer_writes_what_reportlab_writes(seed: int) -> None:
    """Random strings of up to 700 distinct characters (several subsets, the
    fallback face, characters no font has, no-break spaces), in both faces
    switched back and forth: the same text object code and the same subsets."""
    register_fonts()
    rng = random.Random(seed)
    pool = [
        *rng.sample(_covered(Face.REGULAR), 400),
        *"abcdefghijklmnopqrstuvwxyz ()\\" * 10,
        *"日本😀\u00a0\t",
    ]
    fonts_used = [Face.REGULAR.value, fallback_name(Face.REGULAR), Face.BOLD.value]
    steps = [
        (rng.choice(fonts_used), "".join(rng.choices(pool, k=rng.randint(0, 25))))
        for _ in range(3000)
    ]
    codes, states = [], []
    for fast in (False, True):
        c = Canvas(io.BytesIO(), initialFontName=Face.REGULAR.value)
        writers = {name: SubsetWriter(c, name) for name in fonts_used}
        text = c.beginText()
        current = None
        for name, run in steps:
            if name != current:
                text.setFont(name, 9.0, 11.25)
                current = name
            if fast:
                writers[name].show(text, run)
            else:
                text._textOut(run)
        codes.append(text.getCode())
        states.append([pdfmetrics.getFont(n).state[c._doc].subsets for n in fonts_used])
    assert codes[0] == codes[1]
    assert states[0] == states[1]
    assert max(len(s) for s in states[0]) > 1  # (more than one subset was filled)


def test_subset_writer_takes_the_shortcut_only_for_known_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """reportlab's per-character split runs for a string with a character new
    to the document, and not for one whose characters all have codes."""
    register_fonts()
    font = pdfmetrics.getFont(Face.REGULAR.value)
    calls: list[str] = []
    split = font.splitString
    monkeypatch.setattr(font, "splitString", lambda t, d, *a: calls.append(t) or split(t, d, *a))
    c = Canvas(io.BytesIO(), initialFontName=Face.REGULAR.value)
    writer = SubsetWriter(c, Face.REGULAR.value)
    text = c.beginText()
    text.setFont(Face.REGULAR.value, 9.0)
    for run in ("àé", "éà", "éàì", "ì é", "ò", "òà"):  # (ASCII has its codes from the start)
        writer.show(text, run)
    assert calls == ["àé", "éàì", "ò"]
    codes = font.state[c._doc].assignments
    assert text._code[-1] == f"({escapePDF(bytes([codes[ord('ò')], codes[ord('à')]]))}) Tj"


class OldTextPainter(PdfPainter):
    """The painter with ``_text`` as it was before round 7 (the slow path)."""

    def _text(self, prim: Text) -> None:
        if not any(prim.lines):
            return
        m = metrics(prim.face)
        self._set_fill(prim.colour)
        text = self.c.beginText()
        text.setFont(prim.face.value, prim.size)
        baseline = prim.y + m.ascent * prim.size
        a = math.radians(prim.rotation)
        cos, sin = math.cos(a), math.sin(a)
        for line in prim.lines:
            if line:
                dx = 0.0
                if prim.align != "left":
                    w = m.width(line, prim.size)
                    dx = (prim.width - w) / (2 if prim.align == "center" else 1)
                dy = baseline - prim.y
                text.setTextTransform(
                    cos, sin, sin, -cos, prim.x + dx * cos - dy * sin, prim.y + dx * sin + dy * cos
                )
                for run, alt in old_runs(prim.face, line):
                    text.setFont(fallback_name(prim.face) if alt else prim.face.value, prim.size)
                    text.textOut(run)
            baseline += prim.leading
        self.c.drawText(text)


def _page(painter: type[PdfPainter], prims: list[Text]) -> bytes:
    register_fonts()
    c = Canvas(io.BytesIO(), pagesize=(800, 800), initialFontName=Face.REGULAR.value)
    layout_transform(c, 10, 790, 0.5)
    painter(c).draw(prims)
    c.showPage()
    return c.getpdfdata()


def _random_texts(rng: random.Random, n: int) -> list[Text]:
    letters = ALPHABET + "abcdefghijklmnopqrstuvwxyz" * 3
    prims = []
    for _ in range(n):
        lines = tuple(
            "" if rng.random() < 0.1 else "".join(rng.choices(letters, k=rng.randint(1, 30)))
            for _ in range(rng.randint(1, 6))
        )
        size = rng.choice([5.0, 6.5, 9.0, 14.0])
        prims.append(
            Text(
                rng.uniform(0, 1200),
                rng.uniform(0, 1200),
                rng.uniform(20, 200),
                lines,
                rng.choice(list(Face)),
                size,
                rng.choice(["#000000", "#2F6FB3", "#9AA3B2"]),
                size * rng.choice([1.2, 1.25, 1.5]),
                rng.choice(["left", "left", "center", "right"]),
                rng.choice([0.0, 0.0, 0.0, -90.0, 30.0]),
            )
        )
    return prims


@pytest.mark.parametrize("seed", range(4))
def test_text_objects_draw_what_a_font_per_run_drew(seed: int) -> None:
    prims = _random_texts(random.Random(seed), 150)
    drawn = assert_same_drawing(_page(PdfPainter, prims), _page(OldTextPainter, prims))
    assert drawn >= sum(1 for p in prims for line in p.lines if line)


def test_the_comparison_sees_a_moved_line() -> None:
    """``assert_same_drawing`` fails on a line drawn elsewhere (it can fail)."""
    prims = _random_texts(random.Random(9), 20)
    moved = [*prims[:-1], Text(**{**prims[-1].__dict__, "leading": prims[-1].leading + 0.5})]
    moved[-1] = Text(**{**moved[-1].__dict__, "lines": (*prims[-1].lines, "extra")})
    with pytest.raises(AssertionError):
        assert_same_drawing(_page(PdfPainter, prims), _page(PdfPainter, moved))


MIXED = ["Ελληνικά", "Привет", "日本語", "😀🚀", "città perché", "αβγ abc Ж", "<b>&amp;"]


@needs_poppler
@pytest.mark.timeout(60)
@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_the_poster_is_drawn_as_before(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_shape(shape, 300)
    jmap = project.maps[0]
    del jmap.connections[30:]
    for i, card in enumerate(jmap.cards[::7]):
        card.title = f"{MIXED[i % len(MIXED)]} {card.title}"
    options = PosterOptions(paper="A0", matrix_page=True)

    def export() -> bytes:
        layout = MapLayouter(options.theme).layout(project, jmap)  # cards not drawn yet
        return render_pdf(project, [jmap], options, layouts=[layout])[0]

    ours = export()
    monkeypatch.setattr(poster, "PdfPainter", OldTextPainter)
    before = export()
    assert assert_same_drawing(ours, before) > 600

    out = tmp_path / "poster.pdf"
    out.write_bytes(ours)
    assert fonts(out) and all(f.emb and f.sub for f in fonts(out))
    # every word of every card's first title line (pdftotext joins the lines of
    # neighbouring cards that share a baseline, so words, not lines)
    page = set(text(out, 1, "-raw").split())
    layout = MapLayouter(options.theme).layout(project, jmap)
    firsts = [
        next(p for p in item.primitives if isinstance(p, Text))
        for item in layout.items
        if item.kind == "card"
    ]
    # (the characters no font has print as empty boxes: nothing to read back)
    titles = [
        squash("".join(c for c in t.lines[0] if metrics(t.face).covers(c) or c.isspace()))
        for t in firsts
    ]
    assert len(titles) == len(jmap.cards)
    assert sum(any(w in t for w in ("Ελληνικά", "Привет", "città")) for t in titles) > 10
    missing = [t for t in titles if not set(t.split()) <= page]
    assert not missing, missing[:5]


def test_the_export_runs_with_the_collector_paused() -> None:
    """Drawing the cards made the collector walk the layout again and again;
    render_pdf pauses it (io.heap.gc_paused) and turns it back on after."""
    project = make_shape("current", 300)
    jmap = project.maps[0]
    del jmap.connections[30:]
    options = PosterOptions(paper="A0")
    layout = MapLayouter(options.theme).layout(project, jmap)  # cards not drawn yet
    assert gc.isenabled()
    started: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        data, _ = render_pdf(project, [jmap], options, layouts=[layout])
    finally:
        gc.callbacks.remove(seen)
    assert started == []
    assert gc.isenabled()
    assert len(data) > 50_000 and all(item.made for item in layout.items)
