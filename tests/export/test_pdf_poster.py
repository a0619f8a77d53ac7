"""PDF posters, read back with pypdf and poppler: sizes, fonts, text, boxes,
bookmarks, metadata, marks, tiles, progress and cancel."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image as PilImage
from pypdf import PdfReader

from journeydesk.export.pdf import ExportCancelled, PosterOptions, export_pdf
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.papers import MM
from journeydesk.layout.primitives import Image, Rect, Text
from journeydesk.model import Asset, Project
from journeydesk.render.reportlab import PdfImages, PdfPainter, layout_transform

from .conftest import (
    ACCENTS,
    ITALIAN,
    MARKUP,
    boxes,
    fonts,
    make_project,
    needs_poppler,
    page_sizes,
    rasterize,
    squash,
    text,
)

pytestmark = needs_poppler


def export(project: Project, tmp_path: Path, name: str = "out.pdf", maps=None, **kw):  # type: ignore[no-untyped-def]
    out = tmp_path / name
    report = export_pdf(project, maps or project.maps, out, PosterOptions(**kw))
    return out, report


# --- page sizes -------------------------------------------------------------------

PORTRAIT_PT = {
    "A0": (2383.94, 3370.39),
    "A1": (1683.78, 2383.94),
    "A2": (1190.55, 1683.78),
    "A3": (841.89, 1190.55),
    "A4": (595.28, 841.89),
    "letter": (612.0, 792.0),
    "ansi-d": (1584.0, 2448.0),
    "700x500mm": (1417.32, 1984.25),
}


@pytest.mark.parametrize("paper", sorted(PORTRAIT_PT))
@pytest.mark.parametrize("orientation", ["auto", "landscape", "portrait"])
def test_page_sizes(project: Project, tmp_path: Path, paper: str, orientation: str) -> None:
    out, report = export(
        project, tmp_path, maps=project.maps[:1], paper=paper, orientation=orientation
    )
    short, long = PORTRAIT_PT[paper]
    # the sample map is wider than tall: auto is landscape
    expected = (short, long) if orientation == "portrait" else (long, short)
    (size,) = page_sizes(out)
    assert size == pytest.approx(expected, abs=0.01)
    mediabox = PdfReader(out).pages[0].mediabox
    assert (float(mediabox.width), float(mediabox.height)) == pytest.approx(expected, abs=0.01)
    assert report.pages == 1


def test_default_is_a1_landscape_with_every_map(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    report = export_pdf(project, project.maps, out)
    assert page_sizes(out) == [pytest.approx((2383.94, 1683.78), abs=0.01)] * 2
    assert report.pages == 2 and len(PdfReader(out).pages) == 2


# --- fonts and text ----------------------------------------------------------------


def test_every_font_embedded_and_subset(project: Project, tmp_path: Path) -> None:
    out, _ = export(project, tmp_path, paper="A2")
    found = fonts(out)
    assert found, "no fonts listed"
    for font in found:
        assert font.emb and font.sub and font.uni, font
        prefix, _, base = font.name.partition("+")
        assert len(prefix) == 6 and prefix.isupper() and base.startswith("AtkinsonHyperlegible")
    assert {f.name.split("+")[1] for f in found} >= {
        "AtkinsonHyperlegible-Regular",
        "AtkinsonHyperlegible-Bold",
    }


def _layout_lines(project: Project, n: int = 0, options: LayoutOptions | None = None) -> list[str]:
    layout = MapLayouter().layout(project, project.maps[n], options)
    return [
        line
        for item in layout.items
        for prim in item.primitives
        if isinstance(prim, Text)
        for line in prim.lines
        if line.strip()
    ]


def test_every_line_of_the_layout_is_text_in_the_pdf(project: Project, tmp_path: Path) -> None:
    out, _ = export(project, tmp_path, paper="A2")
    for n in range(len(project.maps)):
        page_text = squash(text(out, n + 1))
        lines = _layout_lines(project, n)
        assert len(lines) > 40
        missing = [line for line in lines if squash(line) not in page_text]
        assert not missing, missing
        jmap = project.maps[n]
        for name in [s.name for s in jmap.stages] + [lane.name for lane in jmap.lanes]:
            assert name in page_text
        for step in jmap.steps():
            assert step.name in page_text


def test_italian_and_markup_are_literal(project: Project, tmp_path: Path) -> None:
    out, _ = export(project, tmp_path, paper="A1")
    page_text = text(out, 1)
    for ch in ACCENTS:
        assert ch in page_text
    assert ITALIAN.split(":")[0] in page_text
    assert MARKUP in page_text  # as typed: no bold, no entity decoding
    assert "<i>davvero</i>" in page_text  # the project title, in the title block
    assert "&amp;amp;" not in page_text


# --- bookmarks and metadata ---------------------------------------------------------


def test_bookmarks_and_metadata(tmp_path: Path) -> None:
    project = make_project(n_maps=3, n_stages=2)
    out, report = export(project, tmp_path, paper="A3")
    reader = PdfReader(out)
    assert len(reader.pages) == 3 == report.pages
    outline = reader.outline
    assert [o.title for o in outline] == [m.name for m in project.maps]
    assert [reader.get_destination_page_number(o) for o in outline] == [0, 1, 2]
    meta = reader.metadata
    assert meta.title == project.title
    assert meta.author == "Anna Rossi, Marco Bianchi"
    assert meta.subject == ", ".join(m.name for m in project.maps)
    assert meta.creator.startswith("JourneyDesk")


def test_chosen_maps_only(project: Project, tmp_path: Path) -> None:
    out, report = export(project, tmp_path, maps=[project.maps[1]], paper="A3")
    assert report.pages == 1
    assert [o.title for o in PdfReader(out).outline] == [project.maps[1].name]


# --- page boxes and marks ------------------------------------------------------------


def _dark(png: Path, box: tuple[int, int, int, int], below: int = 160) -> int:
    image = PilImage.open(png).convert("L").crop(box)
    return sum(1 for v in image.tobytes() if v < below)


def _corner_marks(png: Path, dpi: float, slug: float, outside: float) -> list[int]:
    """Dark pixels near each corner where a trim line runs on outside the
    trim: horizontal marks in ``[0, outside]`` of the page edge, around the
    trim line's height; vertical marks likewise."""
    k = dpi / 72
    W, H = PilImage.open(png).size
    t, o, d = round(slug * k), round(outside * k), round(2 * MM * k)
    found = []
    for left in (True, False):
        for top in (True, False):
            xs = (0, o) if left else (W - o, W)
            ty = t if top else H - t
            horizontal = _dark(png, (xs[0], ty - d, xs[1], ty + d))
            ys = (0, o) if top else (H - o, H)
            tx = t if left else W - t
            vertical = _dark(png, (tx - d, ys[0], tx + d, ys[1]))
            found += [horizontal, vertical]
    return found


def test_plain_poster_boxes(project: Project, tmp_path: Path) -> None:
    out, _ = export(project, tmp_path, maps=project.maps[:1], paper="A2")
    b = boxes(out)
    assert b["MediaBox"] == pytest.approx((0, 0, 1683.78, 1190.55), abs=0.01)
    assert b["TrimBox"] == b["MediaBox"] == b["BleedBox"]


def test_bleed_boxes_and_crop_marks(project: Project, tmp_path: Path) -> None:
    out, report = export(project, tmp_path, maps=project.maps[:1], paper="A3", bleed=True)
    w, h = 420 * MM, 297 * MM
    slug, bleed = 13 * MM, 3 * MM
    b = boxes(out)
    assert b["MediaBox"] == pytest.approx((0, 0, w + 2 * slug, h + 2 * slug), abs=0.01)
    assert b["TrimBox"] == pytest.approx((slug, slug, slug + w, slug + h), abs=0.01)
    assert b["BleedBox"] == pytest.approx(
        (slug - bleed, slug - bleed, slug + w + bleed, slug + h + bleed), abs=0.01
    )
    assert report.maps[0].plan.bleed.x == pytest.approx(slug - bleed)
    # the marks: eight of them, on the trim lines, outside the bleed
    dpi = 100
    png = rasterize(out, tmp_path / "bleed", dpi=dpi)
    assert all(n > 5 for n in _corner_marks(png, dpi, slug, slug - bleed))
    k = dpi / 72
    t = round(slug * k) + 3
    assert _dark(png, (t, t, t + 20, t + 20)) == 0  # inside the trim: the map's white margin


def test_crop_marks_only(project: Project, tmp_path: Path) -> None:
    out, _ = export(project, tmp_path, maps=project.maps[:1], paper="A4", crop_marks=True)
    slug = 10 * MM
    b = boxes(out)
    assert b["TrimBox"] == pytest.approx((slug, slug, slug + 297 * MM, slug + 210 * MM), abs=0.01)
    assert b["BleedBox"] == b["TrimBox"]
    png = rasterize(out, tmp_path / "marks", dpi=100)
    assert all(n > 5 for n in _corner_marks(png, 100, slug, slug))
    plain, _ = export(project, tmp_path, "plain.pdf", maps=project.maps[:1], paper="A4")
    png = rasterize(plain, tmp_path / "plain", dpi=100)
    s = round(5 * MM * 100 / 72)
    W, H = PilImage.open(png).size
    for x0, y0 in ((0, 0), (W - s, 0), (0, H - s), (W - s, H - s)):
        assert _dark(png, (x0, y0, x0 + s, y0 + s)) == 0  # no marks without the option


# --- tiling ----------------------------------------------------------------------------


def test_tiles_a1_on_a4(project: Project, tmp_path: Path) -> None:
    out, report = export(project, tmp_path, maps=project.maps[:1], paper="A1", tile="A4")
    grid = report.maps[0].plan.grid
    assert grid is not None and grid.count == 15
    sizes = page_sizes(out)
    assert len(sizes) == 16 == report.pages
    assert sizes[0] == pytest.approx((841.89, 595.28), abs=0.01)  # overview, like the poster
    assert sizes[1:] == [pytest.approx((595.28, 841.89), abs=0.01)] * 15
    # labels, and the overview names every sheet
    assert "A1 di 3×5" in text(out, 2)
    assert "B3 di 3×5" in text(out, grid.tile_at(1, 2).page)  # type: ignore[union-attr]
    overview = text(out, 1)
    for tile in grid.tiles:
        assert tile.label in overview
    # bookmarks: the map, with the overview and its sheets under it
    reader = PdfReader(out)
    top, children = reader.outline[0], reader.outline[1]
    assert top.title == project.maps[0].name
    assert len(children) == 16
    # one copy of the drawing (a form XObject) shown by every sheet: not 16 copies
    plain, _ = export(project, tmp_path, "plain.pdf", maps=project.maps[:1], paper="A1")
    assert out.stat().st_size < 2 * plain.stat().st_size


def test_neighbouring_sheets_overlap_by_10_mm(project: Project, tmp_path: Path) -> None:
    """Render two neighbouring sheets: the band where one's window ends is the
    band where the other's begins, pixel for pixel."""
    out, report = export(project, tmp_path, maps=project.maps[:1], paper="A2", tile="A4")
    grid = report.maps[0].plan.grid
    assert grid is not None
    dpi = 72 * 3
    k = dpi / 72
    m = grid.margin
    ww, wh = grid.window_size
    ov = grid.overlap
    assert ov == pytest.approx(10 * MM)
    checked = 0
    for tile in grid.tiles:
        right = grid.tile_at(tile.row, tile.col + 1)
        below = grid.tile_at(tile.row + 1, tile.col)
        for other, horizontal in ((right, True), (below, False)):
            if other is None:
                continue
            a = PilImage.open(rasterize(out, tmp_path / f"p{tile.page}", tile.page, dpi))
            b = PilImage.open(rasterize(out, tmp_path / f"p{other.page}", other.page, dpi))
            inset = 2  # pixels: keep clear of the antialiased window edge
            if horizontal:
                y0, y1 = round(m * k) + inset, round((m + wh) * k) - inset
                band_a = a.crop(
                    (round((m + ww - ov) * k) + inset, y0, round((m + ww) * k) - inset, y1)
                )
                band_b = b.crop((round(m * k) + inset, y0, round((m + ov) * k) - inset, y1))
            else:
                x0, x1 = round(m * k) + inset, round((m + ww) * k) - inset
                band_a = a.crop(
                    (x0, round((m + wh - ov) * k) + inset, x1, round((m + wh) * k) - inset)
                )
                band_b = b.crop((x0, round(m * k) + inset, x1, round((m + ov) * k) - inset))
            assert band_a.size == band_b.size
            ink = sum(1 for v in band_a.tobytes() if v < 200)
            if ink < 20:
                continue  # nothing drawn there: proves nothing
            diff = sum(abs(p - q) for p, q in zip(band_a.tobytes(), band_b.tobytes(), strict=True))
            assert diff / (band_a.size[0] * band_a.size[1]) < 6, (tile.label, other.label)
            checked += 1
        if checked >= 2:
            break
    assert checked >= 2


def test_tiled_several_maps(tmp_path: Path) -> None:
    project = make_project(n_maps=2, n_stages=2)
    out, report = export(project, tmp_path, paper="A2", tile="A3")
    assert report.pages == sum(m.pages for m in report.maps) == len(page_sizes(out))
    assert report.maps[1].first_page == report.maps[0].pages + 1
    titles = [o.title for o in PdfReader(out).outline if not isinstance(o, list)]
    assert titles == [m.name for m in project.maps]


# --- warnings, progress, cancel -----------------------------------------------------------


def test_small_text_warning(tmp_path: Path) -> None:
    project = make_project(n_maps=1, n_stages=8)
    _, report = export(project, tmp_path, paper="A4")
    assert report.maps[0].body_text_pt < 6
    assert any("below 6 pt" in w for w in report.warnings)
    _, report = export(project, tmp_path, "big.pdf", paper="A0")
    assert not any("below 6 pt" in w for w in report.warnings)


def test_progress_and_cancel(project: Project, tmp_path: Path) -> None:
    seen: list[float] = []
    out = tmp_path / "p.pdf"
    export_pdf(project, project.maps, out, PosterOptions(paper="A3"), progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    cancelled = tmp_path / "c.pdf"
    with pytest.raises(ExportCancelled):
        export_pdf(project, project.maps, cancelled, PosterOptions(), cancel=lambda: True)
    assert not cancelled.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_output_replaced_atomically(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    out.write_bytes(b"old")
    export_pdf(project, project.maps[:1], out, PosterOptions(paper="A4"))
    assert out.read_bytes().startswith(b"%PDF-")
    with pytest.raises(OSError):
        export_pdf(project, project.maps[:1], tmp_path / "no" / "a.pdf", PosterOptions())


def test_pdf_export_imports_no_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.path.insert(0, {!r})\n"
        "from conftest import make_project\n"
        "from journeydesk.export.cli import run_export\n"
        "from journeydesk.export.pdf import export_pdf\n"
        "p = make_project()\n"
        "export_pdf(p, p.maps, {!r})\n"
        "print('PySide6' in sys.modules)\n"
    ).format(str(Path(__file__).parent), str(tmp_path / "q.pdf"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


# --- images --------------------------------------------------------------------------------


def _png(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    PilImage.new("RGB", (w, h), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def _asset(data: bytes, w: int, h: int) -> Asset:
    import base64

    return Asset(type="image/png", width=w, height=h, data=base64.b64encode(data).decode())


def _draw_images(tmp_path: Path, assets: list[Asset]) -> PdfReader:
    from reportlab.pdfgen.canvas import Canvas

    out = tmp_path / "img.pdf"
    c = Canvas(str(out), pagesize=(400, 300))
    c.saveState()
    layout_transform(c, 0, 300, 1.0)
    painter = PdfPainter(c, PdfImages(assets))
    for n, a in enumerate(assets):
        painter.draw_one(Image(a.id, Rect(10 + 120 * n, 10, 100, 100)))
    c.restoreState()
    c.save()
    return PdfReader(out)


def test_images_embedded_at_their_own_resolution(tmp_path: Path) -> None:
    asset = _asset(_png(37, 23), 37, 23)
    reader = _draw_images(tmp_path, [asset])
    (image,) = reader.pages[0].images
    assert image.image.size == (37, 23)


def test_a_lying_image_is_not_decoded(tmp_path: Path) -> None:
    liar = _asset(_png(37, 23), 3700, 2300)  # the header disagrees with the declared size
    bomb = _png(10, 10)
    # a PNG whose header claims 60,000 × 60,000 pixels
    ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    huge = (
        bomb[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + bomb[33:]
    )
    reader = _draw_images(tmp_path, [liar, _asset(huge, 60000 // 4, 10)])
    assert list(reader.pages[0].images) == []
