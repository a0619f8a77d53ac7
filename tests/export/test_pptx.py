"""The storyline deck, read back with python-pptx."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from journeydesk import templates
from journeydesk.export.cli import run_export
from journeydesk.io import write_project
from journeydesk.layout.storyline import scenes_for
from journeydesk.model import Project


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


# --- document properties, thumbnail, alt text, control characters ---------------------------


def _deck_project() -> Project:
    import datetime as dt

    project = templates.new_project("sample", "en")
    project.title = "Laundry\x01 study\x0b"
    project.authors = ["Ada\x07 Lovelace", "Grace Hopper"]
    project.created = dt.datetime(2025, 3, 4, 10, 20, 30, tzinfo=dt.UTC)
    project.modified = dt.datetime(2026, 1, 2, 8, 0, 0, tzinfo=dt.UTC)
    jmap = project.maps[0]
    jmap.name = "Current\x1f state\x00"
    jmap.stages[0].name = "Stage\x02 one"
    jmap.stages[0].narration = "First\x03 we\r\nlook.\x0c"
    return project


def test_deck_properties_come_from_the_project(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt
    import zipfile

    from PIL import Image as PilImage

    from journeydesk.export.pptx import export_pptx

    project = _deck_project()
    out = tmp_path / "d.pptx"
    report = export_pptx(project, project.maps[0], out, (1280, 720))  # control characters: no error
    deck = Presentation(str(out))
    props = deck.core_properties
    assert props.title == "Laundry study — Current state"
    assert props.author == "Ada Lovelace, Grace Hopper"
    assert props.last_modified_by == "Ada Lovelace, Grace Hopper"
    assert props.created == dt.datetime(2025, 3, 4, 10, 20, 30)
    assert props.modified == dt.datetime(2026, 1, 2, 8, 0, 0)
    assert "python-pptx" not in props.comments and "Steve" not in props.last_modified_by
    with zipfile.ZipFile(out) as z:
        app = z.read("docProps/app.xml").decode()
        thumb = PilImage.open(io.BytesIO(z.read("docProps/thumbnail.jpeg")))
    assert "<Application>JourneyDesk</Application>" in app
    assert "<PresentationFormat>Widescreen</PresentationFormat>" in app
    assert f"<Slides>{len(deck.slides)}</Slides>" in app
    assert "4:3" not in app and "Microsoft" not in app
    assert thumb.format == "JPEG" and thumb.size == (256, 144)  # 16:9, the first slide
    colours = thumb.convert("RGB").getcolors(256 * 144)
    assert colours is not None and len(colours) > 20  # drawn, not blank
    notes = [s.notes_slide.notes_text_frame.text for s in deck.slides]
    assert "First we\nlook." in notes
    for slide, title in zip(deck.slides, report.titles, strict=True):
        (pic,) = [s for s in slide.shapes if s.shape_type == 13]
        descr = pic._element.nvPicPr.cNvPr.get("descr")
        assert descr == title and descr
        assert not any(ord(c) < 32 for c in descr)
    assert any("Stage one" in t for t in report.titles)


def test_clean_text_drops_what_xml_cannot_hold() -> None:
    from journeydesk.export.xmltext import clean_text

    assert clean_text("a\x00b\x08c\x0bd\x0ce\x1ff\x7fg\x85h\ufffei") == "abcdefghi"
    assert clean_text("tab\there\r\nline\rend\n") == "tab\there\nline\nend\n"
    assert clean_text("abcdef", 3) == "abc"


def test_subtitles_drop_control_characters() -> None:
    from journeydesk.export.slides import srt_text

    text = srt_text([(0, 1500, "One\x01 line\x0b\r\nand\x1b two")])
    assert text == "1\n00:00:00,000 --> 00:00:01,500\nOne line\nand two\n"
