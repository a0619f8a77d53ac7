"""Storyline slides: scenes, slide images, manifest.json, narration.srt, the CLI.

Slides are read back from the written files (PIL for the PNGs, json, a small
SRT parser of our own); most tests draw at 1280×720 to stay fast.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from PIL import Image as PilImage

from journeydesk.export.cli import run_export
from journeydesk.export.slides import export_slides, narration_cues, srt_text
from journeydesk.io import write_project
from journeydesk.layout.fonts import metrics
from journeydesk.layout.primitives import Box, MapLayout, Text
from journeydesk.layout.storyline import (
    ranked_opportunities,
    scenes_for,
    slide_layout,
    top_pain_points,
)
from journeydesk.layout.theme import DEFAULT_THEME
from journeydesk.model import Project
from journeydesk.model.project import Card, Scene, Storyline
from journeydesk.templates import new_project

SMALL = (1280, 720)


@pytest.fixture(scope="module")
def sample_it() -> Project:
    return new_project("sample", "it")


@pytest.fixture(scope="module")
def sample_en() -> Project:
    return new_project("sample", "en")


def texts(layout: MapLayout, skip: tuple[str, ...] = ()) -> list[Text]:
    return [
        p
        for item in layout.items
        if item.kind not in skip
        for p in item.primitives
        if isinstance(p, Text)
    ]


def all_words(layout: MapLayout) -> str:
    """Every line drawn, joined by spaces (so a wrapped phrase reads whole)."""
    return " ".join(line for t in texts(layout) for line in t.lines)


# --- a small SRT reader ------------------------------------------------------------

_TIME = r"(\d{2}):(\d{2}):(\d{2}),(\d{3})"
_CUE = re.compile(rf"^(\d+)\n{_TIME} --> {_TIME}\n((?:.+\n?)+)$")


def _ms(h: str, m: str, s: str, ms: str) -> int:
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms)


def parse_srt(text: str) -> list[tuple[int, int, int, str]]:
    """``(index, start_ms, end_ms, text)`` per cue; raises on anything malformed."""
    cues = []
    for block in text.strip().split("\n\n"):
        found = _CUE.match(block.strip("\n"))
        assert found, f"not an SRT cue: {block!r}"
        g = found.groups()
        cues.append((int(g[0]), _ms(*g[1:5]), _ms(*g[5:9]), g[9].strip()))
    return cues


def test_narration_cues_cover_the_scene() -> None:
    text = (
        "Prima frase breve. Poi una seconda frase, più lunga della prima, "
        "che continua ancora un po’? Sì."
    )
    cues = narration_cues(text, 6000, 12000)
    assert cues[0][0] == 6000 and cues[-1][1] == 12000
    assert all(a[1] == b[0] and a[0] < a[1] for a, b in itertools.pairwise(cues))
    assert " ".join(c[2].replace("\n", " ") for c in cues) == text
    assert narration_cues("  ", 0, 1000) == []


def test_subtitle_cues_have_two_lines_of_42_characters_at_most() -> None:
    text = (
        "Over three weeks the customer compared eleven models in four shops and on two "
        "marketplaces, asked friends, read reviews and still could not decide. "
        "Then the delivery slot was missed. Twice. "
        + "Supercalifragilisticexpialidocious-and-even-longer-than-one-line word."
    )
    cues = narration_cues(text, 0, 20_000)
    assert len(cues) >= 4  # split in time, not crammed
    for start, end, cue in cues:
        lines = cue.split("\n")
        assert 1 <= len(lines) <= 2, cue
        assert all(0 < len(line) <= 42 for line in lines), cue
        assert end > start
    assert cues[0][0] == 0 and cues[-1][1] == 20_000
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cues))
    assert " ".join(c[2].replace("\n", " ") for c in cues).replace(" ", "") == text.replace(" ", "")
    # longer cues stay longer on screen
    shortest = min(cues, key=lambda c: len(c[2]))
    longest = max(cues, key=lambda c: len(c[2]))
    assert shortest[1] - shortest[0] < longest[1] - longest[0]


def test_srt_reader_reads_what_srt_text_writes() -> None:
    text = srt_text([(0, 1500, "Perché è così"), (1500, 3_723_004, "due\n\nrighe")])
    assert parse_srt(text) == [
        (1, 0, 1500, "Perché è così"),
        (2, 1500, 3_723_004, "due\nrighe"),
    ]
    assert "01:02:03,004" in text


# --- scenes -------------------------------------------------------------------------


def test_default_storyline(sample_it: Project) -> None:
    m = sample_it.maps[0]
    scenes = scenes_for(sample_it, m)
    assert [s.kind for s in scenes] == ["title"] + ["stage"] * len(m.stages) + ["closing"]
    assert [s.stage for s in scenes[1:-1]] == [st.id for st in m.stages]
    assert [s.narration for s in scenes[1:-1]] == [st.narration for st in m.stages]
    # long enough to read the narration, never under 6 s
    assert all(s.duration >= 6.0 for s in scenes)
    for scene in scenes:
        if scene.narration:
            assert scene.duration >= len(scene.narration) / 14
    assert scenes[-1].duration == 6.0  # the closing scene has no narration
    # stable ids: two exports of the same map write the same manifest
    assert [s.id for s in scenes] == [s.id for s in scenes_for(sample_it, m)]


def test_custom_storyline_hides_and_defaults_narration(sample_it: Project) -> None:
    m = sample_it.maps[0].model_copy(deep=True)
    m.storyline = Storyline(
        scenes=[
            Scene(kind="stage", stage=m.stages[2].id, duration=3),
            Scene(kind="custom", title="Nascosta", hidden=True),
            Scene(kind="custom", title="Perché", text="È già così", narration="Ciò è vero"),
        ]
    )
    scenes = scenes_for(sample_it, m)
    assert [s.kind for s in scenes] == ["stage", "custom"]
    assert scenes[0].narration == m.stages[2].narration


def test_rankings(sample_en: Project) -> None:
    m = sample_en.maps[0]
    opps = ranked_opportunities(m)
    keys = [(-c.scores["impact"], c.scores["effort"]) for c in opps]
    assert keys == sorted(keys) and len(opps) == 5
    assert opps[0].scores == {"impact": 5.0, "effort": 2.0}
    pains = top_pain_points(m)
    assert len(pains) == 5 and all(c.kind == "pain_point" for c in pains)
    unscored = m.model_copy(deep=True)
    unscored.cards.append(Card(step=m.steps()[0].id, lane=m.lanes[0].id, kind="opportunity"))
    assert ranked_opportunities(unscored, 100)[-1].scores == {}


# --- slide layouts -----------------------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), SMALL])
def test_panel_and_caption_text_is_large(sample_it: Project, size: tuple[int, int]) -> None:
    m = sample_it.maps[0]
    u = size[1] / 1080
    for scene in scenes_for(sample_it, m):
        layout = slide_layout(sample_it, m, scene, *size)
        sizes = [t.size for t in texts(layout, skip=("context",))]
        assert sizes and min(sizes) >= 28 * u - 1e-6, scene.kind
        for t in texts(layout):  # nothing drawn outside the slide
            assert t.x >= 0 and t.x + t.width <= size[0] + 0.5
            assert t.y >= 0 and t.y + t.height <= size[1] + 0.5


def test_italian_words_and_accents(sample_it: Project) -> None:
    m = sample_it.maps[0]
    scenes = scenes_for(sample_it, m)
    stage = all_words(slide_layout(sample_it, m, scenes[2], *SMALL))
    assert "Momenti della verità" in stage
    assert "Fase 2 di 4" in stage and "obiettivo" in stage
    closing = all_words(slide_layout(sample_it, m, scenes[-1], *SMALL))
    assert "Opportunità per impatto e sforzo".upper() in closing
    assert "Impatto 5 · Sforzo 2" in closing
    title = all_words(slide_layout(sample_it, m, scenes[0], *SMALL))
    assert "Percorso del cliente · Stato attuale" in title and "giovedì" in title
    # every character drawn is in the bundled font (no missing-glyph boxes)
    for scene in scenes:
        for t in texts(slide_layout(sample_it, m, scene, *SMALL)):
            missing = {c for line in t.lines for c in line if not metrics(t.face).covers(c)}
            assert not missing - {" "}, (scene.kind, missing)


def test_english_words(sample_en: Project) -> None:
    m = sample_en.maps[0]
    scenes = scenes_for(sample_en, m)
    words = all_words(slide_layout(sample_en, m, scenes[1], *SMALL))
    assert "Stage 1 of 4" in words and "Touchpoints" in words
    # --lang it on an English project: the slide's own words in Italian
    it = all_words(slide_layout(sample_en, m, scenes[1], *SMALL, language="it"))
    assert "Fase 1 di 4" in it and "Punti di contatto" in it


def test_long_text_is_cut_with_an_ellipsis(sample_it: Project) -> None:
    m = sample_it.maps[0].model_copy(deep=True)
    long = "Perché è così lungo " * 300
    m.stages[0].narration = long
    scene = scenes_for(sample_it, m)[1]
    layout = slide_layout(sample_it, m, scene, *SMALL)
    caption = [p for i in layout.items if i.kind == "caption" for p in i.primitives]
    text = next(p for p in caption if isinstance(p, Text))
    assert len(text.lines) == 4 and text.lines[-1].endswith("…")
    assert layout.overflows


# --- written slides ------------------------------------------------------------------


def _png(path: Path) -> PilImage.Image:
    with PilImage.open(path) as image:
        assert image.format == "PNG"
        return image.convert("RGB")


def test_export_writes_every_visible_scene(sample_it: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    m = sample_it.maps[0]
    calls: list[tuple[int, int]] = []
    report = export_slides(
        sample_it, m, tmp_path, SMALL, progress=lambda d, t: calls.append((d, t))
    )
    n = 1 + len(m.stages) + 1
    assert report.files == [f"slide-{k:03d}.png" for k in range(1, n + 1)]
    assert calls == [(k, n) for k in range(1, n + 1)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*report.files, "manifest.json", "narration.srt"]
    )
    for name in report.files:
        image = _png(tmp_path / name)
        assert image.size == SMALL
        dark = sum(1 for v in image.convert("L").tobytes() if v < 128)
        assert dark > 0.005 * SMALL[0] * SMALL[1]
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    slides = manifest["slides"]
    assert [s["order"] for s in slides] == list(range(1, n + 1))
    assert [s["file"] for s in slides] == report.files
    assert [s["kind"] for s in slides] == ["title"] + ["stage"] * len(m.stages) + ["closing"]
    scenes = scenes_for(sample_it, m)
    assert manifest["size"] == list(SMALL)
    assert manifest["duration"] == pytest.approx(sum(s.duration for s in scenes))
    clock = 0.0
    for s in slides:
        assert s["start"] == pytest.approx(clock)
        clock += s["duration"]
        assert s["end"] == pytest.approx(clock)
    assert slides[2]["narration"] == m.stages[1].narration
    assert "è" in (tmp_path / "manifest.json").read_text("utf-8")  # not \u00e8
    cues = parse_srt((tmp_path / "narration.srt").read_text("utf-8"))
    assert [c[0] for c in cues] == list(range(1, len(cues) + 1))
    spoken = [s for s in slides if s["narration"]]
    for s in spoken:  # each narration: whole sentences, covering its slide exactly
        start, end = round(s["start"] * 1000), round(s["end"] * 1000)
        mine = [c for c in cues if start <= c[1] < end]
        assert mine and mine[0][1] == start and mine[-1][2] == end
        assert all(a[2] == b[1] for a, b in itertools.pairwise(mine))
        assert " ".join(c[3].replace("\n", " ") for c in mine) == " ".join(s["narration"].split())
    assert sum(c[2] - c[1] for c in cues) == sum(round(s["duration"] * 1000) for s in spoken)
    assert len(cues) > len(spoken)  # long narrations come in several cues


def test_custom_storyline_files(sample_it: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    m = sample_it.maps[0].model_copy(deep=True)
    m.storyline = Storyline(
        scenes=[
            Scene(kind="title", duration=2.5, narration="Benvenuti"),
            Scene(kind="stage", stage=m.stages[1].id, duration=4),
            Scene(kind="custom", title="Nascosta", hidden=True, narration="mai detta"),
            Scene(kind="custom", title="Perché è già così", text="Più città", narration="Ciò è"),
        ]
    )
    (tmp_path / "note.txt").write_text("mine")
    (tmp_path / "slide-009.png").write_bytes(b"old")
    report = export_slides(sample_it, m, tmp_path, (1920, 1080))
    assert len(report.files) == 3
    assert (tmp_path / "note.txt").read_text() == "mine"  # other files untouched
    assert (tmp_path / "slide-009.png").read_bytes() == b"old"
    assert report.warnings and "older slide" in report.warnings[0]
    for name in report.files:
        assert _png(tmp_path / name).size == (1920, 1080)
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert [s["duration"] for s in manifest["slides"]] == [2.5, 4.0, 6.0]
    assert manifest["duration"] == 12.5
    cues = parse_srt((tmp_path / "narration.srt").read_text("utf-8"))
    assert cues[-1][2] == 12_500 == sum(c[2] - c[1] for c in cues)
    assert cues[-1][3] == "Ciò è" and all("mai detta" not in c[3] for c in cues)


def test_cancel_stops_before_the_manifest(sample_it: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    done: list[int] = []
    report = export_slides(
        sample_it,
        sample_it.maps[0],
        tmp_path,
        SMALL,
        progress=lambda d, t: done.append(d),
        cancel=lambda: len(done) >= 2,
    )
    assert report.cancelled and len(report.files) == 2
    assert not (tmp_path / "manifest.json").exists()


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


@pytest.mark.parametrize("k", [0, 2])
def test_the_right_stage_is_highlighted(sample_it: Project, tmp_path: Path, k: int, qapp) -> None:  # type: ignore[no-untyped-def]
    m = sample_it.maps[0]
    stage = m.stages[k]
    scene = next(s for s in scenes_for(sample_it, m) if s.stage == stage.id)
    layout = slide_layout(sample_it, m, scene, *SMALL)
    frame = next(i for i in layout.items if i.kind == "context_stage")
    assert frame.element == stage.id
    dims = [p for i in layout.items if i.kind == "context_dim" for p in i.primitives]
    assert len(dims) == len(m.stages) - 1 and all(isinstance(d, Box) for d in dims)
    # the frame sits over this stage: left of the later stages, right of the earlier ones
    assert all(
        (d.rect.x > frame.bounds.x) == (n >= k) for n, d in enumerate(dims) if isinstance(d, Box)
    )

    m2 = m.model_copy(deep=True)
    m2.storyline = Storyline(scenes=[scene])
    export_slides(sample_it, m2, tmp_path, SMALL)
    image = _png(tmp_path / "slide-001.png")
    fr = frame.bounds
    mid_y = round(fr.y + fr.h / 2)
    edge = [image.getpixel((round(fr.x) + dx, mid_y)) for dx in (-1, 0, 1)]
    accent = _rgb(DEFAULT_THEME.slide_accent)
    assert any(_close(px, accent) for px in edge), edge  # type: ignore[arg-type]
    # the stage headers: dark (stage fill) in this stage, dimmed (light) in the others
    header_y = round(fr.y + 0.09 * fr.h)
    here = image.getpixel((round(fr.x + fr.w / 2), header_y))
    assert sum(here) / 3 < 100, here  # type: ignore[arg-type]
    for d in dims:
        assert isinstance(d, Box)
        px = image.getpixel((round(d.rect.x + d.rect.w / 2), header_y))
        assert sum(px) / 3 > 160, px  # type: ignore[arg-type]
        assert not any(
            _close(image.getpixel((round(d.rect.x + d.rect.w / 2), y)), accent, 25)  # type: ignore[arg-type]
            for y in range(round(d.rect.y), round(d.rect.bottom))
        )


# --- the command line -------------------------------------------------------------


@pytest.fixture
def src(tmp_path: Path, sample_it: Project) -> Path:
    path = tmp_path / "mappa.journey"
    write_project(sample_it, path)
    return path


def test_cli_writes_slides(src: Path, tmp_path: Path, sample_it: Project, qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "nuova"  # created when missing
    m = sample_it.maps[1]
    assert (
        run_export(["slides", str(src), "-o", str(out), "--size", "1280X720", "--map", m.name]) == 0
    )
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["map"]["id"] == m.id and manifest["size"] == [1280, 720]
    assert len(manifest["slides"]) == 2 + len(m.stages)
    assert _png(out / "slide-001.png").size == SMALL


@pytest.mark.usefixtures("qapp")
def test_cli_bad_input(src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("keep")
    assert run_export(["slides", str(src), "-o", str(a_file)]) == 1
    assert a_file.read_text() == "keep"
    assert run_export(["slides", str(src), "-o", str(src)]) == 1
    assert run_export(["slides", str(src), "-o", str(tmp_path / "no" / "such")]) == 1
    assert run_export(["slides", str(src), "-o", str(tmp_path / "d"), "--map", "nessuna"]) == 1
    bad = tmp_path / "bad.journey"
    bad.write_text('{"format": "journeydesk", "format_version": 1, "maps": [{"name": 3}]}')
    assert run_export(["slides", str(bad), "-o", str(tmp_path / "d")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err and not any("Traceback" in line for line in err)
    assert any(line.startswith(f"{a_file}: $: is a file") for line in err)
    assert any(": --map: no map named 'nessuna'" in line for line in err)
    assert not (tmp_path / "d").exists() or not any((tmp_path / "d").iterdir())


def test_cli_usage_errors(src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_export(["slides", str(src), "-o", str(tmp_path / "d"), "--size", "800x600"]) == 2
    assert run_export(["slides", str(src)]) == 2
    assert run_export(["slides", str(src), "-o", str(tmp_path / "d"), "--lang", "fr"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "d").exists()
    assert run_export(["slides", "--help"]) == 0
    assert "--size" in capsys.readouterr().out
