"""``export svg``: one map as SVG, text as text, fonts embedded, nothing external;
read back as XML and drawn by Qt's SVG renderer to compare with the PNG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.export.cli import run_export
from journeydesk.export.svg import export_svg
from journeydesk.io import write_project

NS = {"s": "http://www.w3.org/2000/svg"}
HOSTILE = '</text><script>alert(1)</script> & "quotes" <b>'


def _texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_svg_keeps_text_as_text_and_escapes_it(tmp_path: Path) -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    jmap.stages[0].name = "Αθήνα"
    jmap.cards[0].title = HOSTILE
    out = tmp_path / "map.svg"
    report = export_svg(project, jmap, out)
    raw = out.read_text("utf-8")
    root = ET.fromstring(raw)  # well-formed XML despite the hostile title
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    joined = " ".join(_texts(root))
    assert "Αθήνα" in joined
    assert "alert(1)" in joined  # the hostile title is shown as text
    assert jmap.lanes[0].name.split()[0] in joined
    # the Greek run is drawn with the embedded fallback face
    greek = next(t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text == "Αθήνα")
    assert "NotoSansFallback" in greek.get("font-family", "")
    style = "".join(s.text or "" for s in root.iter("{http://www.w3.org/2000/svg}style"))
    assert "data:font/ttf;base64," in style and "NotoSansFallback-Bold" in style
    assert "AtkinsonHyperlegible-Regular" in style
    # nothing outside the file: no URL but the namespace and data: URLs
    urls = re.findall(r"(?:https?|ftp|file)://[^\s\"')]+", raw)
    assert set(urls) <= {"http://www.w3.org/2000/svg"}
    assert report.width > 0 and not [w for w in report.warnings if "cannot draw" in w]


def test_svg_draws_what_the_png_draws(tmp_path: Path, qtbot) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from journeydesk.layout.engine import MapLayouter
    from journeydesk.render.qpainter import render_layout

    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    out = tmp_path / "map.svg"
    export_svg(project, jmap, out)
    layout = MapLayouter().layout(project, jmap)
    dpi = 18
    png = render_layout(layout, dpi)
    svg = QImage(png.width(), png.height(), QImage.Format.Format_ARGB32)
    svg.fill(QColor("#FFFFFF"))
    renderer = QSvgRenderer(str(out))
    assert renderer.isValid()
    p = QPainter(svg)
    renderer.render(p, QRectF(0, 0, png.width(), png.height()))
    p.end()
    diff = total = 0
    for y in range(0, png.height(), 2):
        for x in range(0, png.width(), 2):
            a, b = QColor(png.pixel(x, y)), QColor(svg.pixel(x, y))
            diff += abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
            total += 1
    mean = diff / total / 3
    assert mean < 8, mean  # the same boxes, lines and text in the same places
    # and not blank: the map has colour where the PNG has it
    assert any(QColor(svg.pixel(x, png.height() // 2)).red() < 200 for x in range(png.width()))


def test_export_svg_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = templates.new_project("sample", "en")
    src = tmp_path / "sample.journey"
    write_project(project, src)
    out = tmp_path / "second.svg"
    second = project.maps[-1]
    assert run_export(["svg", str(src), "-o", str(out), "--map", second.name]) == 0
    root = ET.parse(out).getroot()
    assert root.find("s:title", NS).text == second.name  # type: ignore[union-attr]
    assert run_export(["svg", str(src), "-o", str(out), "--map", "no such map"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(str(src))
    assert run_export(["svg", str(src)]) == 2


def test_svg_says_missing_glyphs_are_left_to_the_viewer(tmp_path: Path) -> None:
    """An SVG keeps text as text, so a character the bundled fonts lack is drawn
    by the viewer's fonts, not as an empty box: the warning says so (the PDF's
    says empty boxes)."""
    from journeydesk.export.pdf import export_pdf

    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    jmap.cards[0].title = "Tokyo 東京"
    report = export_svg(project, jmap, tmp_path / "map.svg")
    said = [w for w in report.warnings if "cannot draw" in w]
    assert len(said) == 1 and "東" in said[0], report.warnings
    assert "viewer's fonts" in said[0] and "PDF" not in said[0]
    assert getattr(said[0], "key", "") == "glyphs_viewer"
    pdf = export_pdf(project, [jmap], tmp_path / "map.pdf")
    in_pdf = [w for w in pdf.warnings if "cannot draw" in w]
    assert len(in_pdf) == 1 and "empty boxes in the PDF" in in_pdf[0]
