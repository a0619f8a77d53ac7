"""PNG export: the map drawn by the QPainter backend at a chosen DPI.

QtGui only (no widgets): it runs headless. With no display (no DISPLAY or
WAYLAND_DISPLAY) and no platform chosen, Qt is switched to ``offscreen``
before the QGuiApplication is created.

The PNG is encoded here (``encode_png``), not by Qt's writer: a map of
5,000 cards at the largest DPI allowed is a 200-megapixel image, and Qt's
writer spent 17 of the export's 19.5 s on it (every row tried with all five
PNG filters, an alpha channel the opaque drawing does not need). Rows go
unfiltered, as RGB, through zlib at its default level: the same pixels, the
encoding 2.5x faster and the files 7-34 % smaller than Qt's on the maps measured
(bench/bench_png.py; docs/scale.md, branch pngstart).
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage

from journeydesk.export.notes import failed_images_warnings, overflow_warning
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.primitives import MapLayout
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model.project import JourneyMap, Project

DEFAULT_DPI = 150
MIN_DPI = 10
MAX_DPI = 1200
MAX_PIXELS = 200_000_000
"""Largest image written (200 megapixels, 800 MB while drawn)."""


class PngTooLargeError(ValueError):
    """The map at this DPI would be an unreasonably large image."""


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


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ZLIB_LEVEL = 6
"""zlib's default, as Qt's writer had. Level 3 encodes 1.8x faster (3.8 s
against 7.0 s for a 200-megapixel map) but its files were up to 23 % larger
than Qt's; 6 is never larger on the maps measured."""
_STRIP_ROWS = 32
"""Rows converted and compressed at a time: memory stays a few strips, not a
second copy of the image."""
_IDAT_BYTES = 1 << 20


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(image: QImage, opaque: bool = True) -> bytes:
    """``image`` as PNG bytes, its dots per metre recorded (pHYs).

    ``opaque``: every pixel's alpha is 255 (``render_layout`` paints on an
    opaque white ground with the default source-over composition, which keeps
    it so): written as RGB. Otherwise as RGBA, straight (not premultiplied)
    alpha, as PNG wants it. Rows are unfiltered (filter type 0)."""
    w, h = image.width(), image.height()
    if opaque:
        fmt, channels, colour_type = QImage.Format.Format_RGB888, 3, 2
    else:
        fmt, channels, colour_type = QImage.Format.Format_RGBA8888, 4, 6
    out = [
        PNG_SIGNATURE,
        _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0)),
    ]
    dpm_x, dpm_y = image.dotsPerMeterX(), image.dotsPerMeterY()
    if dpm_x > 0 and dpm_y > 0:
        out.append(_chunk(b"pHYs", struct.pack(">IIB", dpm_x, dpm_y, 1)))
    compressor = zlib.compressobj(ZLIB_LEVEL)
    pending = bytearray()
    row = w * channels
    for top in range(0, h, _STRIP_ROWS):
        rows = min(_STRIP_ROWS, h - top)
        strip = image.copy(0, top, w, rows).convertToFormat(fmt)
        if strip.isNull():
            raise OSError("the image could not be converted for PNG encoding")
        stride = strip.bytesPerLine()
        bits = memoryview(strip.constBits()).cast("B")
        raw = bytearray()
        for r in range(rows):
            raw += b"\x00"  # filter type: none
            raw += bits[r * stride : r * stride + row]
        pending += compressor.compress(raw)
        while len(pending) >= _IDAT_BYTES:
            out.append(_chunk(b"IDAT", bytes(pending[:_IDAT_BYTES])))
            del pending[:_IDAT_BYTES]
    pending += compressor.flush()
    for start in range(0, len(pending), _IDAT_BYTES):
        out.append(_chunk(b"IDAT", bytes(pending[start : start + _IDAT_BYTES])))
    out.append(_chunk(b"IEND", b""))
    return b"".join(out)


def export_png(
    project: Project,
    jmap: JourneyMap,
    path: str | Path,
    dpi: float = DEFAULT_DPI,
    layout_options: LayoutOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    layout: MapLayout | None = None,
) -> PngReport:
    """Draw ``jmap`` at ``dpi`` and write it to ``path`` atomically (PNG, with
    its DPI recorded). ``layout``: the map's layout when the caller has it
    (bench/bench_png.py times the drawing alone). Raises ``ValueError`` for a
    bad DPI or an image too large, ``OSError`` when the file cannot be written."""
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise ValueError(f"DPI must be between {MIN_DPI} and {MAX_DPI}")
    if layout is None:
        layout = MapLayouter(theme).layout(project, jmap, layout_options or LayoutOptions())
    w, h = image_size(layout, dpi)
    if w * h > MAX_PIXELS:
        raise PngTooLargeError(
            f"at {dpi:g} DPI the map is {w}×{h} pixels, more than "
            f"{MAX_PIXELS // 1_000_000} megapixels; use --dpi {largest_dpi(layout)} or less"
        )
    ensure_gui_app()
    from journeydesk.render.qpainter import ImageCache, render_layout

    images = ImageCache(project.assets)
    image = render_layout(layout, dpi, images)
    data = encode_png(image)  # render_layout's drawing is opaque
    width, height = image.width(), image.height()
    del image  # its pixels go before the file is written
    atomic_write_bytes(path, data)
    warnings: list[str] = []
    if layout.overflows:
        warnings.append(overflow_warning(len(layout.overflows)))
    warnings += failed_images_warnings(images.failed)
    return PngReport(str(path), width, height, dpi, warnings)
