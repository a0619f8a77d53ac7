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
    jmap.cards[0].title = "Жанна → 中文 ✓ שלום"
    layout = MapLayouter().layout(project, jmap)
    missing = layout.missing_glyphs()
    # Cyrillic is drawn with the fallback font; CJK and Hebrew still are not.
    assert set(missing) == {"中", "文", "ש", "ל", "ו", "ם"}
    out = tmp_path / "out.pdf"
    report = export_pdf(project, [jmap], out)
    warning = next(w for w in report.warnings if "cannot draw" in w)
    assert "6 characters" in warning and "Ж" not in warning and "中" in warning
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
        for text in ("中文字" * 10, "שלום" * 10):
            fm = QFontMetricsF(qfont(face, 10.0))
            drawn = fm.horizontalAdvance(text) / TEXT_SCALE
            assert drawn <= metrics(face).width(text, 10.0) * 1.001, (
                face,
                text,
            )


GREEK = "Αθήνα Ψυχή"
CYRILLIC = "Москва Жанна"


def _pdf(tmp_path, title: str, stage: str):
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    jmap.cards[0].title = title
    jmap.stages[0].name = stage
    out = tmp_path / "out.pdf"
    report = export_pdf(project, [jmap], out)
    return out, report


def test_greek_and_cyrillic_print_as_real_glyphs_in_the_pdf(tmp_path):
    out, report = _pdf(tmp_path, CYRILLIC, GREEK)
    assert not [w for w in report.warnings if "cannot draw" in w]
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout
    # the fallback is embedded (subset), in the bold of the stage header and the card title
    noto = [line for line in fonts.splitlines() if "NotoSansFallback" in line]
    assert noto and all(" yes " in line for line in noto), fonts
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Москва" in text and "Жанна" in text
    assert "Αθήνα" in text and "Ψυχή" in text


def test_latin_only_pdf_does_not_embed_the_fallback(tmp_path):
    out, _ = _pdf(tmp_path, "Plain title", "Plain stage")
    fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert "NotoSansFallback" not in fonts


def test_runs_split_a_line_by_the_font_that_draws_it():
    from journeydesk.layout.fonts import Face, metrics

    m = metrics(Face.REGULAR)
    assert m.runs("Tour Αθήνα ok") == [("Tour ", False), ("Αθήνα", True), (" ok", False)]
    # measured with the fallback's own advances, not the wide "uncovered" width
    assert m.width("Москва", 10) < m.default_width * 6 * 10 * 0.8


def test_greek_drawn_by_qt_matches_what_the_layout_measured(qtbot):
    """The QPainter backend draws fallback runs with the fallback font at the
    advances the layout measured: the drawn ink ends where the line ends."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from journeydesk.layout.fonts import Face, metrics
    from journeydesk.layout.primitives import Text
    from journeydesk.render.qpainter import draw

    m = metrics(Face.REGULAR)
    line = "ΨΨΨΨΨΨΨΨ"
    width = m.width(line, 20)
    image = QImage(400, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    p = QPainter(image)
    draw(p, [Text(10, 10, 380, (line,), Face.REGULAR, 20, "#000000", 25)])
    p.end()
    dark = [x for x in range(400) for y in range(60) if QColor(image.pixel(x, y)).red() < 128]
    assert dark, "nothing drawn"
    # ink within the measured advance (a box or a DejaVu glyph would differ)
    assert min(dark) >= 10 and max(dark) <= 10 + width + 1
    assert max(dark) >= 10 + width * 0.85
