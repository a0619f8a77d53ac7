"""The native deck: titles, cards, KPIs and narration are PowerPoint text
boxes (read back with python-pptx), and LibreOffice headless opens the deck
and prints pages that read like the slide PNGs (text found with pdftotext,
pixels compared with the slide)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from journeydesk import templates
from journeydesk.export.pptx import export_pptx

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
SIZE = (1280, 720)


def _sample():  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    jmap.stages[0].name = "Research Ψ"
    return project, jmap


def _texts(slide) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def test_slide_texts_are_text_boxes(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    project, jmap = _sample()
    out = tmp_path / "deck.pptx"
    report = export_pptx(project, jmap, out, SIZE)
    deck = Presentation(str(out))
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9
    slides = list(deck.slides)
    assert len(slides) == report.slides
    stage = slides[1]
    texts = "\n".join(_texts(stage))
    assert "Research Ψ" in texts  # the title, the fallback glyph kept as text
    flat = " ".join(texts.split())
    steps = {step.id for step in jmap.stages[0].steps}
    shown = [c.title for c in jmap.cards if c.step in steps and c.title and c.title in flat]
    assert len(shown) >= 3  # cards are text boxes too
    narration = " ".join(jmap.stages[0].narration.split()[:4])
    assert narration and narration in " ".join(texts.split())
    # the picture under the texts keeps its alt text; the narration is in the notes
    pics = [s for s in stage.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pics) == 1 and pics[0]._element.nvPicPr.cNvPr.get("descr")
    assert stage.notes_slide.notes_text_frame.text.startswith(narration)
    # the Greek run is set in the fallback font, the rest in the bundled one
    fonts = {
        (r.text, r.font.name)
        for s in stage.shapes
        if s.has_text_frame
        for p in s.text_frame.paragraphs
        for r in p.runs
    }
    assert ("Ψ", "Noto Sans") in fonts and ("Research ", "Atkinson Hyperlegible") in fonts


def test_picture_decks_have_no_text_boxes(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    project, jmap = _sample()
    out = tmp_path / "pictures.pptx"
    export_pptx(project, jmap, out, SIZE, native=False)
    for slide in Presentation(str(out)).slides:
        assert _texts(slide) == []


@pytest.mark.slow
@needs_soffice
def test_libreoffice_prints_the_deck_like_the_slides(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image, ImageChops, ImageStat

    from journeydesk.export.slides import export_slides

    project, jmap = _sample()
    deck = tmp_path / "deck.pptx"
    report = export_pptx(project, jmap, deck, SIZE)
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, "--headless", "--norestore",
         f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
        check=True, capture_output=True, timeout=180, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    pdf = tmp_path / "deck.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert f"Pages:           {report.slides}" in info.stdout
    text = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Research" in text and "Ψ" in text  # searchable text, not pixels
    slides = tmp_path / "png"
    slides.mkdir()
    export_slides(project, jmap, slides, SIZE)
    subprocess.run(
        ["pdftoppm", "-f", "2", "-l", "2", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    page = next(tmp_path.glob("page*.png"))
    a = Image.open(slides / "slide-002.png").convert("L").resize((320, 180))
    b = Image.open(page).convert("L").resize((320, 180))
    c = Image.open(slides / "slide-001.png").convert("L").resize((320, 180))
    same = ImageStat.Stat(ImageChops.difference(a, b)).mean[0]
    other = ImageStat.Stat(ImageChops.difference(c, b)).mean[0]
    assert same < 15 and same < other / 2, (same, other)


def test_cli_pictures_flag(tmp_path: Path) -> None:
    from journeydesk.export.cli import run_export
    from journeydesk.io import write_project

    project, _ = _sample()
    src = tmp_path / "p.journey"
    write_project(project, src)
    native, pictures = tmp_path / "n.pptx", tmp_path / "p.pptx"
    small = ["--size", "1280x720"]
    assert run_export(["pptx", str(src), "-o", str(native), *small]) == 0
    assert run_export(["pptx", str(src), "-o", str(pictures), *small, "--pictures"]) == 0
    assert any(_texts(s) for s in Presentation(str(native)).slides)
    assert not any(_texts(s) for s in Presentation(str(pictures)).slides)
