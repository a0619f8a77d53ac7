"""Printing a tiled poster and the tiled PDF draw the same sheets.

Both take the page plan (``layout.page``) and the sheet chrome
(``layout.sheet``: cut and alignment marks, labels, the neighbours' labels)
from the layout and draw them through their backends (QPainter, reportlab).
Here print goes to a QPdfWriter, the PDF export to bytes; poppler renders
both and every sheet is compared pixel by pixel, margins and picture alike.
Only the page number in the sheet's info line differs (the PDF's first page
is the assembly overview), so that line's box is left out of the comparison.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from PySide6.QtGui import QPageSize, QPdfWriter

from journeydesk import templates
from journeydesk.export.pdf.poster import render_pdf
from journeydesk.layout.engine import layout_map
from journeydesk.layout.page import PosterOptions, plan_map
from journeydesk.layout.primitives import Text
from journeydesk.layout.sheet import sheet_chrome
from journeydesk.ui.printing import print_tiled

DPI = 100


def _pages(pdf: Path, stem: str) -> list[Image.Image]:
    out = pdf.parent / stem
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", str(pdf), str(out)], check=True, timeout=60
    )
    return [Image.open(p).convert("L") for p in sorted(pdf.parent.glob(f"{stem}-*.pgm"))]


def _dark(img: Image.Image) -> Image.Image:
    return img.point(lambda v: 255 if v < 128 else 0)


def _unmatched(a: Image.Image, b: Image.Image) -> int:
    """Dark pixels of either image with no dark pixel of the other within one pixel."""
    da, db = _dark(a), _dark(b)
    ga, gb = da.filter(ImageFilter.MaxFilter(3)), db.filter(ImageFilter.MaxFilter(3))
    return (
        ImageChops.subtract(da, gb).histogram()[255]
        + ImageChops.subtract(db, ga).histogram()[255]
    )


@pytest.fixture(scope="module")
def sheets(tmp_path_factory, qapp):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("print_vs_pdf")
    project = templates.new_project("sample", "en")
    layout = layout_map(project, project.maps[0])
    printed = tmp / "printed.pdf"
    writer = QPdfWriter(str(printed))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    count = print_tiled(writer, layout, project, "A2")
    del writer
    options = PosterOptions(paper="A2", tile="A4")
    data, _ = render_pdf(project, project.maps[:1], options, layouts=[layout])
    exported = tmp / "exported.pdf"
    exported.write_bytes(data)
    plan = plan_map(layout.width, layout.height, options)
    return project, plan, count, _pages(printed, "p"), _pages(exported, "e")


def _without_info_line(img: Image.Image, info: Text) -> Image.Image:
    img = img.copy()
    k = DPI / 72.0
    box = (info.x - 2, info.y - 2, info.x + info.width + 2, info.y + info.height + 2)
    ImageDraw.Draw(img).rectangle([round(v * k) for v in box], fill=255)
    return img


def test_every_printed_sheet_is_the_pdfs_sheet(sheets) -> None:  # type: ignore[no-untyped-def]
    project, plan, count, printed, exported = sheets
    assert plan.grid is not None and count == plan.grid.count == len(printed) > 1
    assert len(exported) == count + 1  # the assembly overview first
    name = project.maps[0].name
    for n, tile in enumerate(plan.grid.tiles):
        info = next(
            p for p in sheet_chrome(plan, tile, name, n + 1, project.language)
            if isinstance(p, Text) and "page" in p.lines[0]
        )
        a, b = printed[n], exported[n + 1]
        w, h = min(a.width, b.width), min(a.height, b.height)
        a = _without_info_line(a.crop((0, 0, w, h)), info)
        b = _without_info_line(b.crop((0, 0, w, h)), info)
        dark = _dark(a).histogram()[255]
        assert dark > 1000, f"sheet {tile.label} printed nearly blank"
        # the margin holds the same marks and labels: count what is drawn there
        m = round(plan.grid.margin * DPI / 72.0)
        margin_a = a.copy()
        ImageDraw.Draw(margin_a).rectangle([m, m, w - m, h - m], fill=255)
        assert _dark(margin_a).histogram()[255] > 100, "no marks or labels in the margin"
        off = _unmatched(a, b)
        assert off < 0.005 * dark + 20, f"sheet {tile.label}: {off} of {dark} dark pixels differ"


def test_the_comparison_sees_a_different_sheet(sheets) -> None:  # type: ignore[no-untyped-def]
    """The measure above is not blind: a neighbouring sheet is far off."""
    _, _, _, printed, exported = sheets
    a, b = printed[0], exported[2]
    w, h = min(a.width, b.width), min(a.height, b.height)
    dark = _dark(a.crop((0, 0, w, h))).histogram()[255]
    assert _unmatched(a.crop((0, 0, w, h)), b.crop((0, 0, w, h))) > 0.05 * dark
