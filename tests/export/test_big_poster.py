"""One big map (bench/generate.py, 1,500 cards) as an A0 poster and tiled on A3: a smoke test.

Only 20 of the map's 200 connections are kept: routing them all takes the
layout seconds (the layout's own business and benchmark); this test is about
the PDF of many cards.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeydesk.export.pdf import PosterOptions
from journeydesk.export.pdf.poster import render_pdf
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import Text

from .conftest import fonts, needs_poppler, squash

pytestmark = needs_poppler

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.timeout(120)
def test_big_map_poster_and_tiles(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from generate import make_big_project  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCH))
    project = make_big_project(n_cards=1500)
    jmap = project.maps[0]
    del jmap.connections[20:]
    layout = MapLayouter().layout(project, jmap)

    data, report = render_pdf(project, [jmap], PosterOptions(paper="A0"), layouts=[layout])
    out = tmp_path / "big.pdf"
    out.write_bytes(data)
    assert report.pages == 1 == len(PdfReader(out).pages)
    assert all(f.emb and f.sub for f in fonts(out))
    assert len(data) < 3_000_000
    # pypdf, not pdftotext: on a page this crowded (9,000 lines of 3 pt text)
    # poppler 22's text extraction drops characters, from raw reportlab's
    # drawString output just the same; pypdf reads every line back
    page = squash(PdfReader(out).pages[0].extract_text())
    titles = [
        squash(next(p for p in item.primitives if isinstance(p, Text)).lines[0])
        for item in layout.items
        if item.kind == "card"
    ]
    assert len(titles) > 1000
    missing = [t for t in titles if t not in page]
    assert not missing, missing[:5]

    tiled, treport = render_pdf(
        project, [jmap], PosterOptions(paper="A0", tile="A3"), layouts=[layout]
    )
    grid = treport.maps[0].plan.grid
    assert grid is not None and treport.pages == grid.count + 1
    assert len(tiled) < 1.5 * len(data)  # one form, shown through every sheet
