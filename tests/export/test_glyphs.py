"""Symbols the bundled font lacks: common ones are drawn with ones it has (the
same on screen and in the PDF); the rest are named in a warning."""

from __future__ import annotations

import subprocess

from journeydesk import templates
from journeydesk.export.pdf.poster import export_pdf
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.text import clean


def test_arrows_checks_and_stars_become_drawable():
    assert clean("Sito → negozio ✓ ★") == "Sito -> negozio √ *"
    assert clean("İstanbul №5") == "Istanbul No.5"


def test_pdf_warns_about_characters_it_cannot_draw(tmp_path):
    project = templates.new_project("sample", "it")
    jmap = project.maps[0]
    jmap.cards[0].title = "Жанна → 中文 ✓"
    layout = MapLayouter().layout(project, jmap)
    missing = layout.missing_glyphs()
    assert set(missing) == {"Ж", "а", "н", "中", "文"}
    out = tmp_path / "out.pdf"
    report = export_pdf(project, [jmap], out)
    warning = next(w for w in report.warnings if "cannot draw" in w)
    assert "5 characters" in warning and "Ж" in warning and "中" in warning
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "->" in text and "√" in text


def test_the_templates_need_no_missing_glyph():
    for key in templates.template_keys():
        for lang in templates.LANGUAGES:
            project = templates.new_project(key, lang)
            for jmap in project.maps:
                assert MapLayouter().layout(project, jmap).missing_glyphs() == [], (key, lang)


def test_text_the_font_lacks_stays_inside_its_box_on_screen(qtbot):
    """Qt draws characters the font lacks with a fallback font; the layout
    measures them wide enough that the drawn line stays inside its width."""
    from PySide6.QtGui import QFontMetricsF

    from journeydesk.layout.fonts import Face, metrics
    from journeydesk.render.qpainter import TEXT_SCALE, qfont

    for face in (Face.REGULAR, Face.BOLD):
        for text in ("Ж" * 30, "中文字" * 10, "Жанна Иванова"):
            fm = QFontMetricsF(qfont(face, 10.0))
            drawn = fm.horizontalAdvance(text) / TEXT_SCALE
            assert drawn <= metrics(face).width(text, 10.0) * 1.001, (
                face,
                text,
            )
