"""Assets decoded by Qt at the size the painter needs (canvas, PNG, slides,
decks, video, print).

``draw_one`` asks for an asset with the device pixels its rectangle covers
(the painter's transform, zoom included, times the device pixel ratio);
``QImageReader.setScaledSize`` then decodes at the smallest power-of-two
reduction that still covers them (``model.images.reduction``): libjpeg
decodes JPEGs reduced, PNGs are decoded once and shrunk before anything
keeps them. Decoded images live in a ``DecodedCache`` with a byte budget.
The reader must agree with the header reader on the image's size.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader

from journeydesk.model.images import (
    DECODED_CACHE_BYTES,
    DecodedCache,
    ImageError,
    checked_image_bytes,
    reduced_size,
    reduction,
)
from journeydesk.model.project import Asset

ALLOCATION_LIMIT_MB = 512
"""QImageReader's limit: a 50-megapixel 16-bit PNG decodes to 400 MB (RGBA64)."""


def decode_qimage(data: bytes, width: int, height: int, need: tuple[float, float] | None) -> QImage:
    """Decode checked image bytes of ``width``×``height`` pixels to cover ``need``
    device pixels (the whole image when None); raise ImageError when broken."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    reader.setAutoTransform(False)  # as PIL: the pixels as stored
    size = reader.size()
    if (size.width(), size.height()) != (width, height):
        raise ImageError(
            f"the decoder reads {size.width()}×{size.height()} pixels, the header {width}×{height}"
        )
    factor = reduction(width, height, *need) if need else 1
    if factor > 1:
        reader.setScaledSize(QSize(*reduced_size(width, height, factor)))
    image = reader.read()
    if image.isNull():
        raise ImageError(f"the image cannot be decoded ({reader.errorString()})")
    return image


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
            image = decode_qimage(data, asset.width, asset.height, need)
        except ImageError:
            self.failed[asset_id] = asset.name or asset_id
            return None
        self.decoded.append((asset_id, image.width(), image.height()))
        self._cache.put((asset_id, factor), image, image.sizeInBytes())
        return image

    def warnings(self) -> list[str]:
        """The export warning for the images that could not be read (or none)."""
        from journeydesk.export.notes import images_warning

        return [images_warning(list(self.failed.values()))] if self.failed else []
