"""One-page persona sheets: the Qt-free layout, the PDF (read back with
pdftotext) and the PNG (pixels), and ``journeydesk export persona``."""

from __future__ import annotations

import base64
import io
import subprocess
from pathlib import Path

from PIL import Image as PilImage
from pypdf import PdfReader

from journeydesk import templates
from journeydesk.export.cli import run_export
from journeydesk.export.persona import export_persona_pdf, export_persona_png
from journeydesk.io import write_project
from journeydesk.layout.persona import PAGE_H, PAGE_W, persona_sheet
from journeydesk.layout.primitives import Image, Text
from journeydesk.model.project import Asset


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60
    ).stdout


def _red_asset() -> Asset:
    buf = io.BytesIO()
    PilImage.new("RGB", (40, 40), (200, 0, 0)).save(buf, "PNG")
    data = base64.b64encode(buf.getvalue()).decode()
    return Asset(name="photo", type="image/png", width=40, height=40, data=data)


def _px(image: PilImage.Image, x: float, y: float) -> tuple[int, int, int]:
    r, g, b = image.getpixel((round(x), round(y)))  # type: ignore[misc]
    return int(r), int(g), int(b)


def test_pdf_has_a_page_per_persona_with_every_part(tmp_path: Path) -> None:
    project = templates.new_project("sample", "en")
    out = tmp_path / "personas.pdf"
    report = export_persona_pdf(project, project.personas, out)
    assert len(PdfReader(str(out)).pages) == len(project.personas) == report.pages
    assert report.warnings == []
    pages = [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(out), "-"],
            capture_output=True, text=True, timeout=60,
        ).stdout
        for n in range(1, len(project.personas) + 1)
    ]  # fmt: skip
    for persona, page in zip(project.personas, pages, strict=True):
        flat = " ".join(page.split())
        assert persona.name in flat and persona.segment in flat
        for heading, values in (("Goals", persona.goals), ("Pains", persona.pains)):
            if values:
                assert heading in flat
                assert all(" ".join(v.split()) in flat for v in values)
        assert " ".join(persona.story.split()[:6]) in flat


def test_italian_headings(tmp_path: Path) -> None:
    project = templates.new_project("sample", "it")
    out = tmp_path / "p.pdf"
    export_persona_pdf(project, project.personas[:1], out)
    text = _text(out)
    assert "Obiettivi" in text and "Goals" not in text


def test_png_draws_the_sheet_and_the_photo(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    photo = _red_asset()
    project.assets.append(photo)
    persona = project.personas[0]
    persona.photo = photo.id
    persona.colour = "#00AA00"
    out = tmp_path / "p.png"
    report = export_persona_png(project, persona, out, dpi=72)
    image = PilImage.open(out).convert("RGB")
    assert image.size == (round(PAGE_W), round(PAGE_H)) and report.warnings == []
    assert _px(image, PAGE_W / 2, 4) == (0, 170, 0)  # the persona's colour band
    layout = persona_sheet(project, persona)
    rect = next(p.rect for i in layout.items for p in i.primitives if isinstance(p, Image))
    r, g, b = _px(image, rect.x + rect.w / 2, rect.y + rect.h / 2)
    assert r > 150 and g < 60 and b < 60  # the photo, not a dashed frame
    # the name is drawn next to the photo, dark ink in its row
    row = [_px(image, x, rect.y + 12) for x in range(round(rect.right), 400)]
    assert any(sum(px) < 200 for px in row)


def test_long_text_is_cut_on_the_page_and_reported() -> None:
    project = templates.new_project("sample", "en")
    persona = project.personas[0]
    persona.story = "word " * 3000
    persona.goals = ["a goal that goes on " * 30] * 40
    layout = persona_sheet(project, persona)
    texts = [p for i in layout.items for p in i.primitives if isinstance(p, Text)]
    assert all(t.y + t.height <= PAGE_H - 20 for t in texts)
    assert all(t.x >= 0 and t.x + t.width <= PAGE_W for t in texts)
    fields = {o.field for o in layout.overflows}
    assert "story" in fields and "goals" in fields


def test_cli_pdf_png_and_choice(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    src = tmp_path / "s.journey"
    write_project(project, src)
    second = project.personas[1].name
    assert run_export(["persona", str(src), "-o", str(tmp_path / "all.pdf")]) == 0
    assert len(PdfReader(str(tmp_path / "all.pdf")).pages) == len(project.personas)
    assert run_export(["persona", str(src), "-o", str(tmp_path / "one.pdf"),
                       "--persona", second.upper()]) == 0  # fmt: skip
    text = _text(tmp_path / "one.pdf")
    assert second in text and project.personas[0].name not in text
    assert run_export(["persona", str(src), "-o", str(tmp_path / "x.png")]) == 1
    assert "a PNG holds one persona" in capsys.readouterr().err
    assert run_export(["persona", str(src), "-o", str(tmp_path / "x.png"), "--dpi", "50",
                       "--persona", second]) == 0  # fmt: skip
    assert PilImage.open(tmp_path / "x.png").size == (
        round(PAGE_W * 50 / 72),
        round(PAGE_H * 50 / 72),
    )
    assert (
        run_export(["persona", str(src), "-o", str(tmp_path / "y.pdf"), "--persona", "Nobody"]) == 1
    )
    assert "no persona named 'Nobody'" in capsys.readouterr().err
    assert run_export(["persona", str(src), "-o", str(tmp_path / "y.svg")]) == 2
