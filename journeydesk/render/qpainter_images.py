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

from journeydesk.model.images import (
    DECODED_CACHE_BYTES,
    DecodedCache,
    ImageError,
    checked_image_bytes,
    reduction,
)
from journeydesk.model.project import Asset
from journeydesk.render.decode import decode_pil

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


class ImageCache:
    """Decoded assets, checked by the size-checked reader before Qt sees them.
    ``failed`` names the assets that could not be decoded (id → name)."""

    def __init__(self, assets: list[Asset] | None = None, budget: int = DECODED_CACHE_BYTES):
        self._assets = {a.id: a for a in assets or []}
        self._cache: DecodedCache[QImage] = DecodedCache(budget)
        self.failed: dict[str, str] = {}
        self.decoded: list[tuple[str, int, int]] = []
        """``(asset id, width, height)`` of every decode, in order (for tests and benches)."""

    def get(self, asset_id: str, need: tuple[float, float] | None = None) -> QImage | None:
        """The asset decoded to cover ``need`` device pixels (None: full size);
        None when it is missing or cannot be decoded."""
        asset = self._assets.get(asset_id)
        if asset is None or asset_id in self.failed:
            return None
        factor = reduction(asset.width, asset.height, *need) if need else 1
        f = factor
        while f >= 1:  # a sharper copy in the cache does as well
            hit = self._cache.get((asset_id, f))
            if hit is not None:
                return hit
            f //= 2
        try:
            data = checked_image_bytes(asset.data, asset.type, asset.width, asset.height)
            image = decode_qimage(data, need)
        except ImageError:
            self.failed[asset_id] = asset.name or asset_id
            return None
        self.decoded.append((asset_id, image.width(), image.height()))
        self._cache.put((asset_id, factor), image, image.sizeInBytes())
        return image
