"""The PDF and the QPainter drawing are the same drawing, line for line.

1. Text positions: every line of every Text primitive is found by poppler
   (``pdftotext -bbox``) as exactly the words of that line, at the position
   the layout gave it — so the PDF broke no line differently.
2. Pixels: the PDF page rendered by ``pdftoppm`` and the same layout drawn by
   ``render_layout`` at the same pixel size have ink in the same cards, and
   each text line's ink starts and ends at the same pixel columns in both —
   so Qt's advances (kerning off) match the metrics the layout broke lines with.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image as PilImage

from journeydesk import templates
from journeydesk.export.pdf import PosterOptions
from journeydesk.export.pdf.poster import render_pdf
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.fonts import metrics
from journeydesk.layout.primitives import MapLayout, Text
from journeydesk.model import Project

from .conftest import make_project, needs_poppler, rasterize, squash, words

pytestmark = needs_poppler


def _projects() -> list[tuple[str, Project]]:
    out = [("small", make_project(n_maps=1))]
    keys = templates.template_keys()
    if "sample" in keys:
        out.append(("sample-it", templates.new_project("sample", "it")))
    if "service-blueprint" in keys:
        out.append(("blueprint-en", templates.new_project("service-blueprint", "en")))
    return out


PROJECTS = _projects()


def _lines(layout: MapLayout):  # type: ignore[no-untyped-def]
    """Every drawn text line: (text, x, baseline, width, prim) in layout points."""
    for item in layout.items:
        for prim in item.primitives:
            if not isinstance(prim, Text):
                continue
            m = metrics(prim.face)
            baseline = prim.y + m.ascent * prim.size
            for line in prim.lines:
                if line.strip() and all(m.covers(ch) for ch in line):
                    w = m.width(line, prim.size)
                    x = prim.x
                    if prim.align != "left":
                        x += (prim.width - w) / (2 if prim.align == "center" else 1)
                    yield line, x, baseline, w, prim
                baseline += prim.leading


def _boxes(layout: MapLayout):  # type: ignore[no-untyped-def]
    out = []
    for line, x, base, w, prim in _lines(layout):
        m = metrics(prim.face)
        out.append((line, (x, base - m.ascent * prim.size, x + w, base + m.descent * prim.size)))
    return out


def _overlapping(boxes) -> set[int]:  # type: ignore[no-untyped-def]
    """Indexes of lines whose box overlaps another line's (curve labels may)."""
    bad: set[int] = set()
    for i, (_, a) in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j][1]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                bad |= {i, j}
    return bad


def _export(project: Project, tmp_path: Path, paper: str):  # type: ignore[no-untyped-def]
    jmap = project.maps[0]
    layout = MapLayouter().layout(project, jmap)
    data, report = render_pdf(project, [jmap], PosterOptions(paper=paper), layouts=[layout])
    out = tmp_path / "poster.pdf"
    out.write_bytes(data)
    return out, layout, report.maps[0].plan


@pytest.mark.parametrize(("name", "project"), PROJECTS, ids=[n for n, _ in PROJECTS])
def test_each_layout_line_is_one_pdf_line_where_the_layout_put_it(
    name: str, project: Project, tmp_path: Path
) -> None:
    out, layout, plan = _export(project, tmp_path, "A1")
    s, ox, oy = plan.scale, plan.map_rect.x, plan.map_rect.y
    found = words(out)
    boxes = _boxes(layout)
    skip = _overlapping(boxes)
    checked = 0
    wrong = []
    for i, (line, (x1, y1, x2, y2)) in enumerate(boxes):
        if i in skip:
            continue
        px1, px2 = ox + x1 * s - 1, ox + x2 * s + 1
        py1, py2 = oy + y1 * s - 1, oy + y2 * s + 1
        inside = sorted(
            (w for w in found if px1 <= w.cx <= px2 and py1 <= w.cy <= py2), key=lambda w: w.x1
        )
        got = " ".join(w.text for w in inside)
        if got != squash(line):
            wrong.append((line, got))
        # it starts where the layout put it and ends where the layout measured it to
        elif abs(inside[0].x1 - (ox + x1 * s)) > 1.0:
            wrong.append((line, f"starts at {inside[0].x1:.1f}, expected {ox + x1 * s:.1f}"))
        elif abs(inside[-1].x2 - (ox + x2 * s)) > 1.0:
            wrong.append((line, f"ends at {inside[-1].x2:.1f}, expected {ox + x2 * s:.1f}"))
        checked += 1
    assert checked > 30
    assert not wrong, wrong[:10]


def _gray(path: Path) -> PilImage.Image:
    return PilImage.open(path).convert("L")


def _extent(image: PilImage.Image, box: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """First and last pixel column with ink in ``box``."""
    crop = image.crop(box)
    w, h = crop.size
    data = crop.tobytes()
    cols = [x for x in range(w) if any(data[y * w + x] < 140 for y in range(h))]
    return (cols[0], cols[-1]) if cols else None


def _ink(image: PilImage.Image, box: tuple[int, int, int, int]) -> float:
    crop = image.crop(box)
    data = crop.tobytes()
    return sum(1 for v in data if v < 128) / max(1, len(data))


@pytest.mark.parametrize(("name", "project"), PROJECTS[:2], ids=[n for n, _ in PROJECTS[:2]])
def test_pdf_and_qpainter_pixels_agree(name: str, project: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.render.qpainter import ImageCache, render_layout

    out, layout, plan = _export(project, tmp_path, "A1")
    dpi = 100.0
    k = dpi / 72
    page = _gray(rasterize(out, tmp_path / "pdf", dpi=dpi))
    qimage = render_layout(layout, plan.scale * dpi, ImageCache(project.assets))
    qimage.save(str(tmp_path / "qt.png"))
    qt = _gray(tmp_path / "qt.png")
    x0, y0 = round(plan.map_rect.x * k), round(plan.map_rect.y * k)
    pdf = page.crop((x0, y0, x0 + qt.width, y0 + qt.height))
    assert abs(plan.map_rect.w * k - qt.width) <= 1 and abs(plan.map_rect.h * k - qt.height) <= 1
    px = plan.scale * k  # pixels per layout point

    def box(x1: float, y1: float, x2: float, y2: float) -> tuple[int, int, int, int]:
        return (round(x1 * px), round(y1 * px), round(x2 * px), round(y2 * px))

    # ink in the same cards
    cards = [i for i in layout.items if i.kind == "card"]
    assert cards
    for item in cards:
        b = item.bounds
        a, q = (
            _ink(pdf, box(b.x, b.y, b.right, b.bottom)),
            _ink(qt, box(b.x, b.y, b.right, b.bottom)),
        )
        assert q > 0.01 and a > 0.01, item.element
        assert abs(a - q) < 0.02 + 0.2 * q, (item.element, a, q)

    # every line's ink spans the same columns in both drawings
    boxes = _boxes(layout)
    skip = _overlapping(boxes)
    compared = 0
    off = []
    for i, (line, (x1, y1, x2, y2)) in enumerate(boxes):
        if i in skip or (y2 - y1) * px < 8:
            continue
        area = box(x1 - 1, y1 + (y2 - y1) * 0.15, x2 + 1, y2 - (y2 - y1) * 0.15)
        ep, eq = _extent(pdf, area), _extent(qt, area)
        if ep is None or eq is None:
            off.append((line, ep, eq))
            continue
        if abs(ep[0] - eq[0]) > 2 or abs(ep[1] - eq[1]) > 2:
            off.append((line, ep, eq))
        compared += 1
    assert compared > 30
    assert not off, off[:10]
