"""The PNG export draws the map in bands of rows (and tiles of columns) and
encodes them one after the other (``journeydesk.render.qpainter_bands``): the
file has the pixels of the whole drawing, memory stays a band, the limits and
the free space are checked first, and a long export reports progress and
stops when asked, leaving nothing behind."""

from __future__ import annotations

import errno
import math
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from journeydesk.export import png
from journeydesk.export.png import (
    PngCancelled,
    PngDiskSpaceError,
    PngTooLargeError,
    export_png,
    image_size,
)
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import Item, MapLayout, Text
from journeydesk.model import Project
from journeydesk.render.qpainter import ImageCache, render_layout
from journeydesk.render.qpainter_bands import BandedDrawing, extent


def rows_of(image: QImage) -> list[bytes]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    bits = memoryview(image.constBits()).cast("B")
    stride, width = image.bytesPerLine(), 4 * image.width()
    return [bytes(bits[r * stride : r * stride + width]) for r in range(image.height())]


def differences(a: list[bytes], b: list[bytes]) -> tuple[int, int, set[int]]:
    """(bytes that differ, the largest difference, the rows where they are)."""
    count, largest, where = 0, 0, set()
    for y, (ra, rb) in enumerate(zip(a, b, strict=True)):
        if ra != rb:
            where.add(y)
            for u, v in zip(ra, rb, strict=True):
                if u != v:
                    count += 1
                    largest = max(largest, abs(u - v))
    return count, largest, where


def cuts_through_text(layout: MapLayout, dpi: float, rows: int) -> int:
    """How many card texts a band seam every ``rows`` rows crosses."""
    scale = dpi / 72
    n = 0
    for item in layout.items:
        for p in item.primitives:
            if item.kind == "card" and isinstance(p, Text) and len(p.lines) > 1:
                top, bottom = p.y * scale, (p.y + p.height) * scale
                n += math.floor(bottom / rows) > math.floor(top / rows)
    return n


@pytest.fixture
def layout(project: Project) -> MapLayout:
    return MapLayouter().layout(project, project.maps[0])


def undashed(layout: MapLayout) -> MapLayout:
    """``layout`` without its dashed strokes (see below)."""
    items = [
        Item(
            i.kind,
            i.element,
            i.bounds,
            i.z,
            [p for p in i.primitives if not getattr(p, "dash", ())],
        )
        for i in layout.items
    ]
    return MapLayout(layout.map_id, layout.width, layout.height, items)


def dashed_rows(layout: MapLayout, dpi: float) -> set[int]:
    scale = dpi / 72
    rows: set[int] = set()
    for item in layout.items:
        for p in item.primitives:
            if getattr(p, "dash", ()):
                ext = extent(p)
                assert ext is not None
                rows.update(range(math.floor(ext[1] * scale) - 2, math.ceil(ext[3] * scale) + 3))
    return rows


def test_a_banded_export_has_the_whole_drawings_pixels(
    project: Project, layout: MapLayout, tmp_path: Path, qapp
) -> None:  # type: ignore[no-untyped-def]
    """Bands of 37 rows (seams through many cards and their text): the file is
    the whole drawing's pixels, byte for byte, but for a dashed stroke a seam
    crosses: Qt's dasher skips the dashes out of the image, and where its
    pattern starts moves by a rounding, a level of one channel at a dash's end."""
    dpi = 150
    w, h = image_size(layout, dpi)
    rows = 37
    assert cuts_through_text(layout, dpi, rows) > 5
    whole = render_layout(layout, dpi, ImageCache(project.assets))
    for drawn, exact in ((undashed(layout), True), (layout, False)):
        out = tmp_path / "banded.png"
        export_png(project, project.maps[0], out, dpi, layout=drawn, band_bytes=rows * 4 * w)
        if exact:
            whole_rows = rows_of(render_layout(drawn, dpi, ImageCache(project.assets)))
        else:
            whole_rows = rows_of(whole)
        back = QImage(str(out))
        assert (back.width(), back.height()) == (w, h) == (whole.width(), whole.height())
        count, largest, where = differences(rows_of(back), whole_rows)
        if exact:
            assert (count, largest) == (0, 0)
        else:
            assert largest <= 1 and where <= dashed_rows(layout, dpi), (largest, where)


@pytest.mark.parametrize("dpi,rows,cols", [(150, 23, 97), (100, 41, 211), (216, 64, 1000)])
def test_bands_and_tiles_join_without_seams(
    project: Project, layout: MapLayout, qapp, dpi: int, rows: int, cols: int
) -> None:  # type: ignore[no-untyped-def]
    """Tiles of a few hundred columns too (a wide map's bands are cut in
    tiles), at other resolutions (the dashed strokes left out, see above):
    the drawing put together from its tiles is the whole one but for a
    level of a channel at a few pixels of a curve's stroke (Qt's stroker
    draws the curves out of the image as straight lines: the joins around
    differ, and the pads drawn around each tile keep them out but for a
    rounding)."""
    layout = undashed(layout)
    whole = rows_of(render_layout(layout, dpi, ImageCache(project.assets)))
    drawing = BandedDrawing(layout, dpi, rows, ImageCache(project.assets), tile_width=cols)
    assert drawing.columns > 3 and drawing.count > 3
    joined: list[bytes] = []
    for index in range(drawing.count):
        tiles = drawing.band(index)
        parts = [
            [row[4 * left : 4 * (left + w)] for row in rows_of(image)[top : top + h]]
            for image, left, top, w, h in tiles
        ]
        for r in range(len(parts[0])):
            joined.append(b"".join(p[r] for p in parts))
    count, largest, _ = differences(joined, whole)
    assert largest <= 1 and count * 100_000 <= len(whole) * len(whole[0]), (count, largest)


def test_memory_is_a_band(
    project: Project, layout: MapLayout, tmp_path: Path, qapp, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """No image taller than a band (and its pad) is drawn, whatever the map's size."""
    from journeydesk.render import qpainter_bands

    made: list[tuple[int, int]] = []

    class Spy(QImage):
        def __init__(self, w: int, h: int, fmt: QImage.Format) -> None:
            made.append((w, h))
            super().__init__(w, h, fmt)

    monkeypatch.setattr(qpainter_bands, "QImage", Spy)
    w, h = image_size(layout, 100)
    export_png(
        project, project.maps[0], tmp_path / "m.png", 100, layout=layout, band_bytes=50 * 4 * w
    )
    pad = max(p.size for i in layout.items for p in i.primitives if isinstance(p, Text))
    assert len(made) == math.ceil(h / 50)
    assert all(mw == w and mh <= 50 + math.ceil(pad * 100 / 72) + 4 for mw, mh in made)


def test_progress_and_cancel(project: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "m.png"
    seen: list[float] = []
    export_png(project, project.maps[0], out, 72, progress=seen.append, band_bytes=200_000)
    assert len(seen) > 3 and seen == sorted(seen) and seen[-1] == 1.0
    out.unlink()
    asked: list[float] = []
    with pytest.raises(PngCancelled):
        export_png(
            project,
            project.maps[0],
            out,
            72,
            progress=asked.append,
            cancel=lambda: len(asked) >= 2,
            band_bytes=200_000,
        )
    assert len(asked) == 2
    assert os.listdir(tmp_path) == []  # neither the file nor its temporary file


def test_refuses_a_disk_too_small(project: Project, tmp_path: Path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(png.shutil, "disk_usage", lambda _: usage(10**9, 10**9 - 5000, 5000))
    with pytest.raises(PngDiskSpaceError, match=r"not enough free space.*5 kB free"):
        export_png(project, project.maps[0], tmp_path / "m.png", 150)
    assert os.listdir(tmp_path) == []


def test_a_disk_filling_up_leaves_nothing(
    project: Project, tmp_path: Path, monkeypatch, qapp
) -> None:  # type: ignore[no-untyped-def]
    calls = []

    def full(self, tiles):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(png.PngWriter, "write_tiles", full)
    (tmp_path / "m.png").write_bytes(b"the old picture")
    with pytest.raises(PngDiskSpaceError, match="filled up"):
        export_png(project, project.maps[0], tmp_path / "m.png", 72, band_bytes=200_000)
    assert os.listdir(tmp_path) == ["m.png"]
    assert (tmp_path / "m.png").read_bytes() == b"the old picture"


def test_limits(project: Project, layout: MapLayout, tmp_path: Path, monkeypatch) -> None:
    """Over the pixel limit or Qt's raster width the export refuses with the DPI that fits."""
    assert png.MAX_PIXELS == 3_000_000_000
    with pytest.raises(PngTooLargeError, match="--dpi"):
        png.check_size(MapLayout("m", 500_000, 2_000, []), 150)  # 3.8 gigapixels
    monkeypatch.setattr(png, "MAX_WIDTH", 10_000)
    with pytest.raises(PngTooLargeError, match=r"wider than 10,000.*--dpi (\d+)") as caught:
        export_png(project, project.maps[0], tmp_path / "m.png", 1200, layout=layout)
    fit = int(caught.value.args[0].rsplit("--dpi ", 1)[1].split()[0])
    assert image_size(layout, fit)[0] <= 10_000 < image_size(layout, fit + 1)[0]
    assert not (tmp_path / "m.png").exists()
