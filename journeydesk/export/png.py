"""PNG export: the map drawn by the QPainter backend at a chosen DPI.

QtGui only (no widgets): it runs headless. With no display (no DISPLAY or
WAYLAND_DISPLAY) and no platform chosen, Qt is switched to ``offscreen``
before the QGuiApplication is created.

The map is drawn in bands of rows (``journeydesk.render.qpainter_bands``,
``BAND_BYTES`` of pixels at a time) and each band is encoded into the file
before the next is drawn (``PngWriter``), so memory is a band whatever the
image's size: a map of 5,000 cards at 150 DPI is 1-2.5 gigapixels, 4-10 GB as
one QImage. The limits left are time and the file (``MAX_PIXELS``), Qt's
raster coordinates (``MAX_WIDTH``), the PNG format (``PNG_MAX_SIDE``) and the
free space of the target's disk (``check_free_space``); docs/scale.md, branch
png150, has the measures behind them.

The PNG is encoded here, not by Qt's writer (which needs the whole image, and
spent 17 of a 200-megapixel export's 19.5 s trying all five PNG filters on
every row and writing an alpha channel the opaque drawing does not need).
Rows go unfiltered, as RGB, through zlib at its default level: the same
pixels, the encoding 2.5x faster and the files 7-34 % smaller than Qt's on the
maps measured (bench/bench_png.py; docs/scale.md, branch pngstart).

Readers have limits of their own: Pillow refuses more than 179 megapixels
unless ``Image.MAX_IMAGE_PIXELS`` is raised, Qt's QImageReader more than
256 MB decoded unless ``setAllocationLimit`` is raised.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from PySide6.QtGui import QGuiApplication, QImage

from journeydesk.export.notes import (
    failed_images_warnings,
    large_image_warning,
    overflow_warning,
)
from journeydesk.io.atomic import atomic_writer
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.primitives import MapLayout
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model.project import JourneyMap, Project

DEFAULT_DPI = 150
MIN_DPI = 10
MAX_DPI = 1200
VIEWER_PIXELS = 89_478_485
"""Past this many pixels the export warns that the file may not open everywhere:
Pillow warns of a decompression bomb above it and refuses twice as many, Qt's
image reader refuses 256 MB decoded (~67 megapixels) unless told otherwise, and
several viewers stop near there. A 5,000-card map at 150 DPI is 1-2.5 gigapixels."""
MAX_PIXELS = 3_000_000_000
"""Largest image written (3 gigapixels). Memory no longer grows with the image
(it is drawn in bands); time and the file do: see docs/scale.md, branch png150."""
PNG_MAX_SIDE = 2**31 - 1
"""The PNG format's limit on either side."""
MAX_WIDTH = 2**23 - 1
"""Qt's raster engine keeps coordinates in 24.8 fixed point (QT_RASTER_COORD_LIMIT):
the bands bound the height, not the width."""
BAND_BYTES = 64 << 20
"""Pixels drawn at a time (4 bytes each): the export's memory, whatever the image's size."""
MIN_BYTES_PER_PIXEL = 0.02
"""Less than any map measured needs (bench/bench_png.py): with less free space
than this the disk cannot hold the file."""


class PngTooLargeError(ValueError):
    """The map at this DPI would be an unreasonably large image."""


class PngDiskSpaceError(OSError):
    """The target's disk cannot hold the image."""


class PngCancelled(Exception):
    """``cancel()`` asked to stop; nothing was written."""


@dataclass
class PngReport:
    path: str
    width: int
    height: int
    dpi: float
    warnings: list[str] = field(default_factory=list)


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen when headless)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["journeydesk"])


def image_size(layout: MapLayout, dpi: float) -> tuple[int, int]:
    scale = dpi / 72.0
    return max(1, round(layout.width * scale)), max(1, round(layout.height * scale))


def largest_dpi(layout: MapLayout) -> int:
    """The largest whole DPI whose image stays within MAX_PIXELS."""
    area = max(1.0, layout.width * layout.height) / (72.0 * 72.0)
    return max(1, int((MAX_PIXELS / area) ** 0.5))


def viewer_dpi(layout: MapLayout, dpi: float) -> int:
    """The largest whole DPI up to ``dpi`` whose image stays within VIEWER_PIXELS
    (MIN_DPI when none does)."""
    w, h = image_size(layout, dpi)
    fit = max(MIN_DPI, int(dpi * (VIEWER_PIXELS / (w * h)) ** 0.5))
    while fit > MIN_DPI and _area(image_size(layout, fit)) > VIEWER_PIXELS:
        fit -= 1
    return fit


def _area(size: tuple[int, int]) -> int:
    return size[0] * size[1]


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZLIB_LEVEL = 6
"""zlib's default, as Qt's writer had. Level 3 encodes 1.8x faster (3.8 s
against 7.0 s for a 200-megapixel map) but its files were up to 23 % larger
than Qt's; 6 is never larger on the maps measured."""
_STRIP_ROWS = 32
"""Rows converted and compressed at a time: memory stays a few strips, not a
second copy of the band."""
_IDAT_BYTES = 1 << 20


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


class PngWriter:
    """A PNG written to ``out`` a band of rows at a time (:meth:`write`), closed
    by :meth:`finish`; compressed data goes out in IDAT chunks of about a
    megabyte, so memory is a band and a chunk whatever the image's size.

    ``opaque``: every pixel's alpha is 255 (``render_layout`` and the bands
    paint on an opaque white ground with the default source-over composition,
    which keeps it so): written as RGB. Otherwise as RGBA, straight (not
    premultiplied) alpha, as PNG wants it. Rows are unfiltered (filter type 0)."""

    def __init__(
        self,
        out: BinaryIO,
        width: int,
        height: int,
        dots_per_metre: tuple[int, int] = (0, 0),
        opaque: bool = True,
    ) -> None:
        if not (0 < width <= PNG_MAX_SIDE and 0 < height <= PNG_MAX_SIDE):
            raise ValueError(f"a PNG is 1 to {PNG_MAX_SIDE} pixels a side, not {width}×{height}")
        self.out, self.width, self.height = out, width, height
        if opaque:
            self._format, self._channels, colour_type = QImage.Format.Format_RGB888, 3, 2
        else:
            self._format, self._channels, colour_type = QImage.Format.Format_RGBA8888, 4, 6
        out.write(PNG_SIGNATURE)
        out.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)))
        dpm_x, dpm_y = dots_per_metre
        if dpm_x > 0 and dpm_y > 0:
            out.write(_chunk(b"pHYs", struct.pack(">IIB", dpm_x, dpm_y, 1)))
        self._compressor = zlib.compressobj(ZLIB_LEVEL)
        self._pending = bytearray()
        self.rows_written = 0

    def write(self, image: QImage, first: int = 0) -> None:
        """The next rows: ``image``'s from row ``first`` on (``image`` is ``width`` wide)."""
        self.write_tiles([(image, 0, first, image.width(), image.height() - first)])

    def write_tiles(self, tiles: list[tuple[QImage, int, int, int, int]]) -> None:
        """The next rows, as tiles side by side, left to right: ``(image, left,
        top, width, height)``, that part of each image (the same height in
        each; together ``width`` wide)."""
        h = tiles[0][4]
        if (
            sum(t[3] for t in tiles) != self.width
            or any(t[4] != h for t in tiles)
            or self.rows_written + h > self.height
        ):
            raise ValueError("the rows do not fit the PNG's size")
        channels = self._channels
        compressor, pending = self._compressor, self._pending
        for at in range(0, h, _STRIP_ROWS):
            rows = min(_STRIP_ROWS, h - at)
            strips = []
            for image, left, top, w, _ in tiles:
                strip = image.copy(left, top + at, w, rows).convertToFormat(self._format)
                if strip.isNull():
                    raise OSError("the image could not be converted for PNG encoding")
                bits = memoryview(strip.constBits()).cast("B")
                strips.append((bits, strip.bytesPerLine(), w * channels, strip))
            raw = bytearray()
            for r in range(rows):
                raw += b"\x00"  # filter type: none
                for bits, stride, row, _ in strips:
                    raw += bits[r * stride : r * stride + row]
            pending += compressor.compress(raw)
            while len(pending) >= _IDAT_BYTES:
                self.out.write(_chunk(b"IDAT", bytes(pending[:_IDAT_BYTES])))
                del pending[:_IDAT_BYTES]
        self.rows_written += h

    def finish(self) -> None:
        if self.rows_written != self.height:
            raise ValueError(f"{self.rows_written} rows written of {self.height}")
        pending = self._pending
        pending += self._compressor.flush()
        for start in range(0, len(pending), _IDAT_BYTES):
            self.out.write(_chunk(b"IDAT", bytes(pending[start : start + _IDAT_BYTES])))
        pending.clear()
        self.out.write(_chunk(b"IEND", b""))


def encode_png(image: QImage, opaque: bool = True) -> bytes:
    """``image`` as PNG bytes, its dots per metre recorded (pHYs); see ``PngWriter``."""
    out = io.BytesIO()
    writer = PngWriter(
        out, image.width(), image.height(), (image.dotsPerMeterX(), image.dotsPerMeterY()), opaque
    )
    writer.write(image)
    writer.finish()
    return out.getvalue()


def band_rows(width: int, band_bytes: int | None = None) -> int:
    """Rows per band: as many as ``band_bytes`` hold (4 bytes a pixel), at least one."""
    return max(1, (BAND_BYTES if band_bytes is None else band_bytes) // (4 * width))


def check_size(layout: MapLayout, dpi: float) -> tuple[int, int]:
    """The image's size at ``dpi``; PngTooLargeError over the limits."""
    w, h = image_size(layout, dpi)
    if w * h > MAX_PIXELS:
        raise PngTooLargeError(
            f"at {dpi:g} DPI the map is {w}×{h} pixels, more than "
            f"{MAX_PIXELS // 1_000_000:,} megapixels; use --dpi {largest_dpi(layout)} or less"
        )
    if w > MAX_WIDTH or h > PNG_MAX_SIDE:
        fit = max(1, int(dpi * min(MAX_WIDTH / w, PNG_MAX_SIDE / h)))
        raise PngTooLargeError(
            f"at {dpi:g} DPI the map is {w}×{h} pixels, wider than {MAX_WIDTH:,} or taller "
            f"than {PNG_MAX_SIDE:,}; use --dpi {fit} or less"
        )
    return w, h


def check_free_space(path: str | Path, width: int, height: int) -> None:
    """Refuse (OSError) when the target's disk obviously cannot hold the file:
    less free space than ``MIN_BYTES_PER_PIXEL`` a pixel. Nothing is checked
    when the free space cannot be asked for."""
    folder = Path(path).resolve().parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    need = int(width * height * MIN_BYTES_PER_PIXEL)
    if free < need:
        raise PngDiskSpaceError(
            errno.ENOSPC,
            f"not enough free space in {folder}: the {width}×{height} PNG needs about "
            f"{_megabytes(need)} or more, {_megabytes(free)} free",
        )


def _megabytes(n: int) -> str:
    return f"{n / 1e6:,.0f} MB" if n >= 1e6 else f"{n / 1e3:,.0f} kB"


def export_png(
    project: Project,
    jmap: JourneyMap,
    path: str | Path,
    dpi: float = DEFAULT_DPI,
    layout_options: LayoutOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    layout: MapLayout | None = None,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    band_bytes: int | None = None,
) -> PngReport:
    """Draw ``jmap`` at ``dpi`` and write it to ``path`` atomically (PNG, with
    its DPI recorded), a band of rows at a time (``BAND_BYTES`` of pixels, or
    ``band_bytes``). ``layout``: the map's layout when the caller has it
    (bench/bench_png.py times the drawing alone). ``progress(fraction)`` after
    each band; when ``cancel()`` returns true, :class:`PngCancelled` is raised
    and ``path`` is left as it was. Raises ``ValueError`` for a bad DPI or an
    image too large, ``OSError`` when the file cannot be written (or the disk
    is obviously too small for it)."""
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise ValueError(f"DPI must be between {MIN_DPI} and {MAX_DPI}")
    if layout is None:
        layout = MapLayouter(theme).layout(project, jmap, layout_options or LayoutOptions())
    w, h = check_size(layout, dpi)
    check_free_space(path, w, h)
    ensure_gui_app()
    from journeydesk.render.qpainter import ImageCache
    from journeydesk.render.qpainter_bands import BandedDrawing

    images = ImageCache(project.assets)
    drawing = BandedDrawing(layout, dpi, band_rows(w, band_bytes), images)
    dpm = round(dpi / 0.0254)
    try:
        with atomic_writer(path) as out:
            writer = PngWriter(out, w, h, (dpm, dpm))  # the bands' drawing is opaque
            for index in range(drawing.count):
                if cancel is not None and cancel():
                    raise PngCancelled()
                writer.write_tiles(drawing.band(index))
                if progress is not None:
                    progress((index + 1) / drawing.count)
            writer.finish()
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise PngDiskSpaceError(
                errno.ENOSPC, f"the disk filled up while writing {path}; nothing was written"
            ) from exc
        raise
    warnings: list[str] = []
    if layout.overflows:
        warnings.append(overflow_warning(len(layout.overflows)))
    warnings += failed_images_warnings(images.failed)
    if w * h > VIEWER_PIXELS:
        warnings.append(large_image_warning(w, h, VIEWER_PIXELS, viewer_dpi(layout, dpi)))
    return PngReport(str(path), w, h, dpi, warnings)
