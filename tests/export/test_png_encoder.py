"""The PNG encoder of the export (``encode_png``: unfiltered rows through zlib)
writes exactly the pixels it was given, read back by two decoders (Qt's and
PIL's), with the DPI recorded; the export writes exactly what the QPainter
backend drew."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image as PilImage
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from journeydesk.export import png
from journeydesk.export.png import encode_png, export_png
from journeydesk.layout.engine import MapLayouter
from journeydesk.model import Project
from journeydesk.render.qpainter import ImageCache, render_layout


def drawing(w: int, h: int, ground: str | None) -> QImage:
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(ground) if ground else QColor(0, 0, 0, 0))
    image.setDotsPerMeterX(5906)
    image.setDotsPerMeterY(3937)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i in range(12):
        painter.setBrush(QColor((i * 37) % 256, (i * 91) % 256, (i * 53) % 256, 90 + 13 * i))
        painter.drawEllipse(QRectF(i * w / 14, i * h / 15, w / 3, h / 4))
    painter.drawText(5, h - 5, "Perché è già più caro")
    painter.end()
    return image


def straight(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def chunks(data: bytes) -> list[bytes]:
    out, at = [], 8
    while at < len(data):
        (n,) = struct.unpack(">I", data[at : at + 4])
        out.append(data[at + 4 : at + 8])
        at += 12 + n
    return out


@pytest.mark.parametrize("w,h", [(301, 203), (64, 1), (1, 70), (257, 97)])
def test_opaque_images_round_trip_exactly(qapp, monkeypatch, w: int, h: int) -> None:  # type: ignore[no-untyped-def]
    # small strips and IDAT chunks, so several of each are written
    monkeypatch.setattr(png, "_STRIP_ROWS", 7)
    monkeypatch.setattr(png, "_IDAT_BYTES", 1000)
    image = drawing(w, h, "#FFFFFF")
    data = encode_png(image)
    back = QImage.fromData(data)
    assert not back.isNull() and back.size() == image.size()
    assert straight(back) == straight(image)
    assert (back.dotsPerMeterX(), back.dotsPerMeterY()) == (5906, 3937)
    with PilImage.open(io.BytesIO(data)) as pil:
        pil.load()
        assert pil.mode == "RGB" and pil.size == (w, h)
        assert pil.info["dpi"][0] == pytest.approx(150, abs=0.1)
        x, y = w // 2, h // 2
        assert pil.getpixel((x, y)) == straight(image).pixelColor(x, y).getRgb()[:3]
    kinds = chunks(data)
    assert kinds[0] == b"IHDR" and kinds[1] == b"pHYs" and kinds[-1] == b"IEND"
    if w * h > 10_000:
        assert kinds.count(b"IDAT") > 1


def test_translucent_images_keep_their_alpha(qapp) -> None:  # type: ignore[no-untyped-def]
    image = drawing(120, 90, None)
    data = encode_png(image, opaque=False)
    back = QImage.fromData(data)
    assert back.hasAlphaChannel()
    assert straight(back) == straight(image)
    with PilImage.open(io.BytesIO(data)) as pil:
        assert pil.mode == "RGBA"
        counts = pil.getchannel("A").histogram()
        assert counts[0] > 0 and sum(1 for n in counts if n) > 2


def test_the_export_writes_what_the_backend_drew(project: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    layout = MapLayouter().layout(project, project.maps[0])
    out = tmp_path / "m.png"
    export_png(project, project.maps[0], out, 60, layout=layout)
    drawn = render_layout(layout, 60, ImageCache(project.assets))
    back = QImage(str(out))
    assert back.size() == drawn.size()
    assert straight(back) == straight(drawn)
    # the drawing is opaque: that is why it may be written without alpha
    assert all(
        drawn.pixelColor(x, y).alpha() == 255
        for y in range(0, drawn.height(), 7)
        for x in range(0, drawn.width(), 7)
    )
