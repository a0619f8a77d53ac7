"""The storyline deck, read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from journeydesk import templates
from journeydesk.export.cli import run_export
from journeydesk.io import write_project
from journeydesk.layout.storyline import scenes_for


def test_deck_has_a_slide_per_scene_with_notes(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "it")
    src = tmp_path / "p.journey"
    write_project(project, src)
    out = tmp_path / "story.pptx"
    assert run_export(["pptx", str(src), "-o", str(out), "--size", "1280x720"]) == 0
    deck = Presentation(str(out))
    scenes = scenes_for(project, project.maps[0])
    assert len(deck.slides) == len(scenes)
    assert deck.slide_width * 9 == deck.slide_height * 16
    for slide, scene in zip(deck.slides, scenes, strict=True):
        pictures = [s for s in slide.shapes if s.shape_type == 13]  # PICTURE
        assert len(pictures) == 1
        pic = pictures[0]
        assert (pic.left, pic.top, pic.width, pic.height) == (
            0,
            0,
            deck.slide_width,
            deck.slide_height,
        )
        assert slide.notes_slide.notes_text_frame.text == scene.narration.strip()
    assert "è" in " ".join(s.narration for s in scenes) or "à" in " ".join(
        s.narration for s in scenes
    )


@pytest.mark.parametrize("args", [["-o", "{src}"], ["-o", "{dir}"]])
def test_refuses_to_overwrite_the_project_or_a_folder(args: list[str], tmp_path: Path) -> None:
    src = tmp_path / "p.journey"
    write_project(templates.new_project("blank", "en"), src)
    before = src.read_bytes()
    filled = [a.format(src=src, dir=tmp_path) for a in args]
    assert run_export(["pptx", str(src), *filled]) == 1
    assert src.read_bytes() == before
