"""Images in every export: decoded at the size the output needs, and a broken
one is a dashed placeholder with a warning everywhere (PDF, PNG, slides, deck,
canvas cache). Every check reads the written file back or looks at what the
decoder handed to the backend.

The big case (ten 7000×7000 PNGs, peak memory) is ``bench/bench_images.py``
and the ``slow`` test at the end; these are the small, proportional ones.
"""

from __future__ import annotations

import base64
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image as PilImage
from pypdf import PdfReader

from journeydesk import templates
from journeydesk.export.cli import run_export
from journeydesk.export.pdf import PosterOptions, export_pdf
from journeydesk.io import write_project
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.primitives import Image
from journeydesk.model import Project
from journeydesk.model.project import Asset

SIDE = 1600
COLOUR = (200, 30, 30)
PLACEHOLDER = (0x9A, 0xA3, 0xB2)


def png_bytes(w: int, h: int, colour: tuple[int, int, int] = COLOUR) -> bytes:
    buf = io.BytesIO()
    PilImage.new("RGB", (w, h), colour).save(buf, "PNG")
    return buf.getvalue()


def jpeg_bytes(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    image = PilImage.new("RGB", (w, h), COLOUR)
    for x in range(0, w, 7):  # some detail, so the scan data is long
        image.putpixel((x, (x * 3) % h), (0, 0, 0))
    image.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def broken_png(w: int, h: int) -> bytes:
    """A valid signature and IHDR, then an IDAT whose data is not zlib."""
    good = png_bytes(w, h)
    at = good.index(b"IDAT") - 4
    (length,) = struct.unpack(">I", good[at : at + 4])
    data = bytes(b ^ 0x5A for b in good[at + 8 : at + 8 + length])
    chunk = b"IDAT" + data
    idat = struct.pack(">I", length) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return good[:at] + idat + good[at + 12 + length :]


def broken_jpeg(w: int, h: int) -> bytes:
    """Every header intact, the scan cut short."""
    good = jpeg_bytes(w, h)
    sos = good.index(b"\xff\xda")
    return good[: sos + 40]


def asset(data: bytes, w: int, h: int, name: str, kind: str = "image/png") -> Asset:
    return Asset(name=name, type=kind, width=w, height=h, data=base64.b64encode(data).decode())  # type: ignore[arg-type]


def with_images(assets: list[Asset]) -> Project:
    project = templates.new_project("sample", "en")
    for n, a in enumerate(assets):
        project.assets.append(a)
        project.maps[0].cards[n].image = a.id
    return project


def image_rects(project: Project) -> list[tuple[str, float, float]]:
    layout = MapLayouter().layout(project, project.maps[0], LayoutOptions())
    return [
        (p.asset, p.rect.w, p.rect.h)
        for item in layout.items
        for p in item.primitives
        if isinstance(p, Image)
    ]


# --- decoded at the size the output needs --------------------------------------------------


def test_pdf_embeds_images_at_the_printed_size_not_their_own(tmp_path: Path) -> None:
    assets = [
        asset(png_bytes(SIDE, SIDE), SIDE, SIDE, "png"),
        asset(jpeg_bytes(SIDE, SIDE * 3 // 4), SIDE, SIDE * 3 // 4, "jpeg", "image/jpeg"),
    ]
    project = with_images(assets)
    out = tmp_path / "p.pdf"
    report = export_pdf(project, [project.maps[0]], out, PosterOptions(paper="A4"))
    assert report.warnings == [] or all(w.key != "images" for w in report.warnings)  # type: ignore[attr-defined]
    scale = report.maps[0].plan.scale
    widest = max(w for _, w, _ in image_rects(project))
    need = widest * scale * 300 / 72  # device pixels at 300 DPI on the printed page
    images = list(PdfReader(out).pages[0].images)
    assert len(images) == 2
    for image in images:
        w = image.image.size[0]
        assert w < SIDE  # reduced...
        assert need <= w <= 2 * need + 1  # ...to what prints at 300 DPI, within a factor 2


def test_png_export_decodes_images_at_the_pixels_they_cover(
    tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import journeydesk.render.qpainter_images as raster_images
    from journeydesk.export.png import export_png

    sizes: list[tuple[int, int]] = []
    real = raster_images.decode_pil

    def spy(data: bytes, need: tuple[float, float] | None = None) -> PilImage.Image:
        image = real(data, need)
        sizes.append(image.size)
        return image

    monkeypatch.setattr(raster_images, "decode_pil", spy)
    project = with_images([asset(png_bytes(SIDE, SIDE), SIDE, SIDE, "png")])
    out = tmp_path / "p.png"
    report = export_png(project, project.maps[0], out, dpi=72)
    assert report.warnings == [] or all(w.key != "images" for w in report.warnings)  # type: ignore[attr-defined]
    (rect,) = image_rects(project)
    side = min(rect[1], rect[2])  # a square image in the card's image box, at 1 px a point
    assert len(sizes) == 1
    assert side <= sizes[0][0] <= 2 * side + 1
    written = PilImage.open(out).convert("RGB")
    assert sum(1 for p in written.get_flattened_data() if p == COLOUR) > side * side / 2  # drawn


def test_the_pdf_cache_keeps_to_its_byte_budget() -> None:
    from journeydesk.render.reportlab_images import PdfImages

    assets = [asset(png_bytes(400, 300, (n, 0, 0)), 400, 300, f"i{n}") for n in range(6)]
    images = PdfImages(assets, budget=400 * 300 * 3 * 2 * 2)  # two, counted twice
    for a in assets:
        assert images.get(a.id, (400, 300)) is not None
        assert images._cache.bytes <= images._cache.budget
    assert len(images._cache) == 2
    assert images.get(assets[0].id, (400, 300)) is not None  # dropped, decoded again
    assert len(images.decoded) == 7


# --- a broken image: a placeholder and a warning everywhere -----------------------------------


def broken_project() -> Project:
    return with_images(
        [
            asset(broken_png(300, 200), 300, 200, "broken png"),
            asset(broken_jpeg(300, 200), 300, 200, "broken jpeg", "image/jpeg"),
            asset(png_bytes(300, 200), 300, 200, "fine"),
        ]
    )


def images_warning(warnings: list[str]) -> str:
    found = [w for w in warnings if getattr(w, "key", None) == "images"]
    assert len(found) == 1, warnings
    assert found[0].values["count"] == 2  # type: ignore[attr-defined]
    assert "broken png" in found[0] and "broken jpeg" in found[0] and "fine" not in found[0]
    return found[0]


def test_a_broken_image_is_a_placeholder_and_a_warning_in_the_pdf(tmp_path: Path) -> None:
    project = broken_project()
    out = tmp_path / "p.pdf"
    report = export_pdf(project, [project.maps[0]], out, PosterOptions(paper="A4"))
    images_warning(report.warnings)
    assert len(list(PdfReader(out).pages[0].images)) == 1  # the fine one


def test_the_cli_says_so_and_succeeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.journey"
    write_project(broken_project(), src)
    assert run_export(["pdf", str(src), "-o", str(tmp_path / "p.pdf"), "--paper", "A4"]) == 0
    err = capsys.readouterr().err
    assert "warning: 2 images could not be read" in err and "'broken jpeg'" in err


def test_a_broken_image_is_the_same_placeholder_and_warning_in_png(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.export.png import export_png

    project = broken_project()
    out = tmp_path / "p.png"
    report = export_png(project, project.maps[0], out, dpi=216)  # 3 px a point
    images_warning(report.warnings)
    written = PilImage.open(out).convert("RGB")
    layout = MapLayouter().layout(project, project.maps[0], LayoutOptions())
    frames = [
        p.rect
        for item in layout.items
        for p in item.primitives
        if isinstance(p, Image) and p.asset != project.assets[2].id
    ]
    assert len(frames) == 2
    for r in frames:  # the dashed frame's colour along the top edge of each image box
        xs = range(round(r.x * 3) + 4, round(r.right * 3) - 4)
        near = {
            x
            for x in xs
            for y in (round(r.y * 3) - 1, round(r.y * 3), round(r.y * 3) + 1)
            if all(
                abs(a - b) < 48 for a, b in zip(written.getpixel((x, y)), PLACEHOLDER, strict=True)
            )
        }
        assert len(near) > len(xs) / 3  # dashes: about 3 on, 2 off


def test_a_broken_image_warns_in_slides_and_the_deck(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.export.pptx import export_pptx
    from journeydesk.export.slides import export_slides
    from journeydesk.model.project import Scene, Storyline

    project = broken_project()
    jmap = project.maps[0]
    jmap.storyline = Storyline(
        scenes=[Scene(kind="custom", title="Pictures", image=a.id) for a in project.assets]
    )
    report = export_slides(project, jmap, tmp_path, (640, 360))
    images_warning(report.warnings)
    deck = export_pptx(project, jmap, tmp_path / "d.pptx", (640, 360))
    images_warning(deck.warnings)


def test_the_canvas_cache_gives_the_placeholder(qapp) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.render.qpainter_images import ImageCache

    project = broken_project()
    cache = ImageCache(project.assets)
    broken_png_id, broken_jpeg_id, fine = (a.id for a in project.assets)
    assert cache.get(broken_png_id, (100, 100)) is None
    assert cache.get(broken_jpeg_id, (100, 100)) is None
    image = cache.get(fine, (100, 100))
    assert image is not None and image.width() <= 300
    assert sorted(cache.failed.values()) == ["broken jpeg", "broken png"]


# --- the big case ----------------------------------------------------------------------------


def _bench_images():  # type: ignore[no-untyped-def]
    """bench/bench_images.py, loaded by path (and put in ``sys.modules``, as before)."""
    from modules import load

    return load(Path(__file__).parents[2] / "bench" / "bench_images.py", "bench_images", True)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_ten_7000px_pngs_export_within_the_memory_bound(tmp_path: Path) -> None:
    module = _bench_images()
    src = tmp_path / "big.journey"
    module.make_project(src, 10, 7000, "rgb")
    for what in ("pdf", "png"):
        out = tmp_path / f"out.{what}"
        _, peak = module.run(["export", what, str(src), "-o", str(out)], None)
        assert out.exists()
        assert peak < module.LIMIT_MB, f"export {what}: peak {peak:.0f} MB"


def test_the_bench_measures_the_childs_own_peak_not_its_parents(tmp_path: Path) -> None:
    """``bench_images.run`` reports what the child used: ``ru_maxrss`` counts the
    parent's memory at the spawn (the test process, 1.7 GB late in the suite,
    made the 7000 px test above fail with the export at 260 MB)."""
    module = _bench_images()
    held = bytearray(400 * 1024 * 1024)
    held[::4096] = b"\1" * len(range(0, len(held), 4096))  # (resident)
    _, peak = module.run(["--help"], None)
    del held
    assert 5 < peak < 300, peak


def test_the_painter_asks_for_the_pixels_its_zoom_covers(qapp) -> None:  # type: ignore[no-untyped-def]
    """Canvas items, PNG, slides and print: the painter's transform and the
    device pixel ratio decide the decoded size."""
    from PySide6.QtGui import QImage, QPainter

    from journeydesk.layout.primitives import Rect
    from journeydesk.render.qpainter import draw_one
    from journeydesk.render.qpainter_images import ImageCache

    a = asset(png_bytes(SIDE, SIDE), SIDE, SIDE, "big")
    cache = ImageCache([a])
    for zoom, ratio in ((1.0, 1.0), (1.0, 2.0), (4.0, 1.0), (0.25, 1.0), (2.0, 1.0)):
        device = QImage(900, 900, QImage.Format.Format_RGB32)
        device.setDevicePixelRatio(ratio)
        painter = QPainter(device)
        painter.scale(zoom, zoom)
        draw_one(painter, Image(a.id, Rect(0, 0, 100, 100)), cache)
        painter.end()
    # 1/16, 1/8, 1/4 of 1600; then a sharper copy in the cache does: nothing decoded again
    assert [w for _, w, _ in cache.decoded] == [100, 200, 400]
