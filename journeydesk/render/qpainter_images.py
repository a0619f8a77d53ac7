"""Assets for the QPainter backend (canvas, PNG, slides, decks, video, print),
decoded at the size the painter needs.

``draw_one`` asks for an asset with the device pixels its rectangle covers
(the painter's transform: zoom and device pixel ratio). The
bytes are decoded by the decoder the PDF uses (``journeydesk.render.decode``,
PIL), so both backends agree on every image and on every broken one, and
turned into a QImage; Qt's own reader would take 8 bytes a pixel for a
16-bit PNG and twice that again to scale it (766 MB for 50 megapixels).
Decoded images live in a ``DecodedCache`` with a byte budget.
"""

from __future__ import annotations

from PySide6.QtGui import QImage

from journeydesk.model.images import DECODED_CACHE_BYTES, ImageError
from journeydesk.model.project import Asset
from journeydesk.render.decode import AssetImages, decode_pil

_FORMATS = {
    "RGB": (QImage.Format.Format_RGB888, 3, QImage.Format.Format_RGB32),
    "RGBA": (QImage.Format.Format_RGBA8888, 4, QImage.Format.Format_ARGB32_Premultiplied),
    "L": (QImage.Format.Format_Grayscale8, 1, QImage.Format.Format_Grayscale8),
}


def decode_qimage(data: bytes, need: tuple[float, float] | None = None) -> QImage:
    """Checked image bytes as a QImage covering ``need`` device pixels (the
    whole image when None), in a format QPainter draws fast; ImageError when
    the data is broken."""
    image = decode_pil(data, need)
    source, channels, fast = _FORMATS[image.mode]
    w, h = image.size
    raw = image.tobytes()
    del image  # the decoded pixels once, not three times, at the peak
    wrapped = QImage(raw, w, h, w * channels, source)
    out = wrapped.convertToFormat(fast) if fast != source else wrapped.copy()
    if out.isNull():
        raise ImageError("the image cannot be converted for drawing")
    return out


class ImageCache(AssetImages[QImage]):
    """Decoded assets as QImages, checked by the size-checked reader before Qt
    sees them. ``failed`` names the assets that could not be decoded (id → name)."""

    def __init__(self, assets: list[Asset] | None = None, budget: int = DECODED_CACHE_BYTES):
        super().__init__(assets or [], budget)

    def _decode(
        self, data: bytes, need: tuple[float, float] | None
    ) -> tuple[QImage, int, int, int]:
        image = decode_qimage(data, need)
        return image, image.width(), image.height(), image.sizeInBytes()
