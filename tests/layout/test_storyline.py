"""Storyline layouts: the comparison storyline (stages matched across a map and
the map derived from it, the split slide, its words in both languages), and
card titles on two lines where the stage panel has room."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image as PilImage

from journeydesk.export.cli import run_export
from journeydesk.io import write_project
from journeydesk.layout.primitives import MapLayout, Text
from journeydesk.layout.storyline import (
    MIN_TEXT,
    card_changes,
    compares,
    comparison_pair,
    default_scenes,
    match_stages,
    scenes_for,
    slide_layout,
    stored_scenes,
)
from journeydesk.layout.theme import DEFAULT_THEME
from journeydesk.model import Card, Project, Stage, Step
from journeydesk.templates import new_project

SMALL = (1280, 720)


@pytest.fixture
def sample_it() -> Project:
    return new_project("sample", "it")


@pytest.fixture
def sample_en() -> Project:
    return new_project("sample", "en")


def texts(layout: MapLayout, kinds: tuple[str, ...] | None = None) -> list[Text]:
    return [
        p
        for item in layout.items
        if kinds is None or item.kind in kinds
        for p in item.primitives
        if isinstance(p, Text)
    ]


def words(layout: MapLayout) -> str:
    return " ".join(line for t in texts(layout) for line in t.lines)


# --- matching -------------------------------------------------------------------


def test_the_sample_future_map_pairs_with_the_current_one(sample_en: Project) -> None:
    current, future = sample_en.maps
    assert comparison_pair(sample_en, future) == (current, future)
    assert comparison_pair(sample_en, current) == (current, future)
    matched = match_stages(current, future)
    assert matched == {a.id: b.id for a, b in zip(future.stages, current.stages, strict=True)}


def test_stages_match_through_their_cards_not_their_names_or_order(sample_en: Project) -> None:
    current, future = sample_en.maps
    # the future map renames its stages and puts the last first
    future.stages.insert(0, future.stages.pop())
    for n, stage in enumerate(future.stages):
        stage.name = f"Phase {n}"
    matched = match_stages(current, future)
    assert matched[future.stages[0].id] == current.stages[-1].id
    assert matched[future.stages[1].id] == current.stages[0].id
    # a new stage with no derived cards and a new name matches nothing
    future.stages.append(Stage(name="Loyalty", steps=[Step(name="Comes back")]))
    assert future.stages[-1].id not in match_stages(current, future)


def test_stages_without_derived_cards_match_by_name_then_order(sample_en: Project) -> None:
    current, future = sample_en.maps
    for card in future.cards:
        card.derived_from = None
    future.stages[0].name = "RESEARCH"  # same name, another case
    future.stages[1].name = "Choosing"
    matched = match_stages(current, future)
    assert matched == {a.id: b.id for a, b in zip(future.stages, current.stages, strict=True)}
    future.stages.pop()  # now 3 against 4 after the names: no pairing by order
    future.stages[2].name = "Paying"
    matched = match_stages(current, future)
    assert matched == {future.stages[0].id: current.stages[0].id}


def test_card_changes(sample_en: Project) -> None:
    current, future = sample_en.maps
    marks = card_changes(current, future)
    new = [c.title for c in future.cards if marks.get(c.id) == "new"]
    assert new == ["Video call with a store advisor", "Live crew tracking", "Named case owner"]
    same = next(c for c in future.cards if c.id not in marks)
    assert same.title == next(c for c in current.cards if c.id == same.derived_from).title
    dropped = future.cards.pop(0)
    assert card_changes(current, future)[dropped.derived_from or ""] == "removed"


# --- scenes ----------------------------------------------------------------------


def test_compare_mode_turns_stage_scenes_into_comparisons(sample_en: Project) -> None:
    future = sample_en.maps[1]
    kinds = [s.kind for s in scenes_for(sample_en, future, compare=True)]
    assert kinds == ["title", *["comparison"] * 4, "closing"]
    assert not compares(sample_en, future)  # the storyline's own mode: single
    future.storyline.mode = "compare"
    assert compares(sample_en, future)
    assert [s.kind for s in scenes_for(sample_en, future)] == kinds
    assert "comparison" not in [s.kind for s in scenes_for(sample_en, future, compare=False)]
    # a map with no counterpart cannot compare
    future.based_on = None
    for card in future.cards:
        card.derived_from = None
    assert comparison_pair(sample_en, future) is None
    assert "comparison" not in [s.kind for s in scenes_for(sample_en, future, compare=True)]


def test_the_default_storyline_is_stored_linked_and_automatic(sample_it: Project) -> None:
    m = sample_it.maps[0]
    stored = default_scenes(sample_it, m)
    assert stored_scenes(sample_it, m) == stored
    assert all(s.auto_duration and not s.title and not s.narration for s in stored)
    assert [s.stage for s in stored[1:-1]] == [st.id for st in m.stages]
    m.storyline.scenes = stored
    m.stages[0].narration = "Breve."
    m.objective = "Un obiettivo. " * 20
    shown = scenes_for(sample_it, m)
    assert shown[1].narration == "Breve." and shown[1].duration == 6.0
    assert shown[0].narration == m.objective and shown[0].duration > 6.0
    m.storyline.scenes[1].auto_duration = False
    m.storyline.scenes[1].duration = 2.5
    assert scenes_for(sample_it, m)[1].duration == 2.5


# --- the comparison slide ----------------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), SMALL])
@pytest.mark.parametrize("lang", ["en", "it"])
def test_comparison_slides_show_both_stages(lang: str, size: tuple[int, int]) -> None:
    project = new_project("sample", lang)
    current, future = project.maps
    u = size[1] / 1080
    for m in (future, current):
        scenes = [s for s in scenes_for(project, m, compare=True) if s.kind == "comparison"]
        assert len(scenes) == 4
        for n, scene in enumerate(scenes):
            layout = slide_layout(project, m, scene, *size)
            before = next(i for i in layout.items if i.kind == "compare_before")
            after = next(i for i in layout.items if i.kind == "compare_after")
            assert before.element == current.stages[n].id
            assert after.element == future.stages[n].id
            assert before.bounds.right < after.bounds.x  # left and right halves
            for t in texts(layout):  # large enough, and inside the slide
                assert t.size >= MIN_TEXT * u - 1e-6
                assert t.x >= 0 and t.x + t.width <= size[0] + 0.5
                assert t.y >= 0 and t.y + t.height <= size[1] + 0.5
            # what the panel shows on the left is the current map's, on the right the future's
            panel = next(i for i in layout.items if i.kind == "panel")
            mid = (before.bounds.right + after.bounds.x) / 2
            shown = {
                line.rstrip("…")
                for t in panel.primitives
                if isinstance(t, Text)
                for line in t.lines
            }
            left_titles = {c.title for c in current.cards}
            right_titles = {c.title for c in future.cards}
            for t in panel.primitives:
                if isinstance(t, Text) and t.lines and t.lines[0] in left_titles ^ right_titles:
                    side = left_titles if t.x < mid else right_titles
                    assert t.lines[0] in side, t.lines
            assert shown
    it_or_en = {
        "it": ("OGGI", "FUTURO", "Nuovo", "Modificato", "Fase 2 di 4"),
        "en": ("TODAY", "FUTURE", "New", "Changed", "Stage 2 of 4"),
    }[lang]
    layout = slide_layout(project, future, scenes_for(project, future, True)[2], *size)
    all_words = words(layout)
    for w in it_or_en:
        assert w in all_words, w


def test_removed_cards_are_tagged_on_the_left(sample_it: Project) -> None:
    future = sample_it.maps[1]
    stage = future.stages[0]
    steps = {s.id for s in stage.steps}
    gone = [c for c in future.cards if c.step in steps and c.kind == "pain_point"]
    for c in gone:
        future.cards.remove(c)
    scene = scenes_for(sample_it, future, compare=True)[1]
    layout = slide_layout(sample_it, future, scene, *SMALL)
    assert "Rimosso" in words(layout)
    removed = [p for p in texts(layout, ("panel",)) if p.lines == ("Rimosso",)]
    after = next(i for i in layout.items if i.kind == "compare_after")
    assert removed and all(p.x < after.bounds.x for p in removed)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_comparison_slide_pixels(sample_en: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.export.slides import export_slides

    future = sample_en.maps[1]
    future.storyline.mode = "compare"
    report = export_slides(sample_en, future, tmp_path, SMALL)
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert manifest["mode"] == "compare"
    assert [s["kind"] for s in manifest["slides"]][1:5] == ["comparison"] * 4
    scene = scenes_for(sample_en, future)[2]
    layout = slide_layout(sample_en, future, scene, *SMALL)
    before = next(i for i in layout.items if i.kind == "compare_before").bounds
    after = next(i for i in layout.items if i.kind == "compare_after").bounds
    with PilImage.open(tmp_path / report.files[2]) as png:
        image = png.convert("RGB")
    # the two headers in their colours
    y = round(before.y + before.h / 2)
    assert image.getpixel((round(before.x + 4), y)) == pytest.approx(
        _rgb(DEFAULT_THEME.slide_today_fill), abs=3
    )
    assert image.getpixel((round(after.right - 4), y)) == pytest.approx(
        _rgb(DEFAULT_THEME.stage_fill), abs=3
    )
    # both halves below the headers carry content (cards, text)
    cap = next(i for i in layout.items if i.kind == "caption").bounds
    grey = image.convert("L")
    for half in (before, after):
        box = (round(half.x), round(half.bottom + 10), round(half.right), round(cap.y - 10))
        region = grey.crop(box).tobytes()
        dark = sum(1 for v in region if v < 120)
        tinted = sum(1 for v in region if v < 250)
        assert dark > 0.01 * len(region) and tinted > 0.15 * len(region), (half, dark, tinted)


# --- the stage panel: two lines where there is room ------------------------------


@pytest.mark.parametrize("lang", ["en", "it"])
def test_cards_get_two_lines_where_the_panel_has_room(lang: str) -> None:
    project = new_project("sample", lang)
    u = 1.0
    for m in project.maps:
        for compare in (False, True):
            for scene in scenes_for(project, m, compare):
                if scene.kind not in ("stage", "comparison"):
                    continue
                layout = slide_layout(project, m, scene, 1920, 1080)
                panel = [p for i in layout.items if i.kind == "panel" for p in i.primitives]
                cards = [t for t in panel if isinstance(t, Text) and t.lines]
                bottom = max(t.y + t.height for t in cards)
                cap = next(i for i in layout.items if i.kind == "caption").bounds.y
                room = cap - 30 * u - bottom
                one_line_cut = [t for t in cards if len(t.lines) == 1 and t.lines[0].endswith("…")]
                more = [t for t in cards if t.lines[0].startswith("+")]
                if one_line_cut and not more:
                    # held to one line only when a second line had no room
                    assert room < one_line_cut[0].leading, (scene.kind, room)


def test_a_long_title_gets_two_lines() -> None:
    project = new_project("blank", "en")
    m = project.maps[0]
    lane = next(ln for ln in m.lanes if ln.display == "cards")
    m.stages[0].steps += [Step(name="Second"), Step(name="Third")]
    step = m.stages[0].steps[0]
    title = "Calls the contact centre because the delivery slot was never confirmed"
    m.cards.append(Card(step=step.id, lane=lane.id, kind="pain_point", title=title))
    scene = next(s for s in scenes_for(project, m) if s.kind == "stage")
    layout = slide_layout(project, m, scene, 1920, 1080)
    card = next(t for t in texts(layout, ("panel",)) if t.lines[0].startswith("Calls"))
    assert len(card.lines) >= 2


# --- the command line ----------------------------------------------------------------


def test_cli_compare(sample_it: Project, tmp_path: Path, capsys, qapp) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "p.journey"
    write_project(sample_it, src)
    out = tmp_path / "slides"
    future = sample_it.maps[1]
    args = ["slides", str(src), "-o", str(out), "--size", "1280x720", "--map", future.name]
    assert run_export([*args, "--compare"]) == 0
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["mode"] == "compare"
    assert "comparison" in [s["kind"] for s in manifest["slides"]]
    blank = new_project("blank", "it")
    write_project(blank, src)
    assert run_export(["pptx", str(src), "-o", str(tmp_path / "d.pptx"), "--compare"]) == 1
    err = capsys.readouterr().err
    assert "--compare: map" in err and "Traceback" not in err
    assert not (tmp_path / "d.pptx").exists()
    assert run_export(["pptx", str(src), "-o", str(tmp_path / "d.pptx"), "--no-compare"]) == 0


def test_slide_colours_come_from_the_theme(sample_en: Project) -> None:
    """The storyline's colours live in the theme: a theme with other slide
    colours draws the slides in them."""
    from dataclasses import replace

    jmap = sample_en.maps[0]
    theme = replace(
        DEFAULT_THEME,
        slide_accent="#010203",
        slide_caption_fill="#040506",
        slide_today_fill="#070809",
    )
    fills: set[str] = set()
    for scene in scenes_for(sample_en, jmap, compare=True):
        scene = scene.model_copy(update={"narration": "Something to say."})
        layout = slide_layout(sample_en, jmap, scene, 1920, 1080, theme, "en")
        for item in layout.items:
            for p in item.primitives:
                fills.add(str(getattr(p, "fill", None) or getattr(p, "stroke", None)))
                fills.add(str(getattr(p, "colour", None)))
    assert {"#010203", "#040506", "#070809"} <= fills
    assert DEFAULT_THEME.slide_accent not in fills
