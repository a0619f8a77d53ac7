"""Assets decoded for the PDF (PIL, through reportlab's ImageReader), at the
size the page needs.

A card image on an A0 poster needs a few hundred pixels, so each asset is
decoded (``journeydesk.render.decode``) at the smallest power-of-two
reduction that still gives ``pixels_per_point`` pixels per layout point.
What is kept sits in a ``DecodedCache`` with a byte budget. Every pixel is
decoded here, so a broken file gives the placeholder and a warning, never a
failed export.

No Qt here (an import-linter contract forbids it).
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.utils import ImageReader

from journeydesk.model.images import (
    DECODED_CACHE_BYTES,
    DecodedCache,
    ImageError,
    checked_image_bytes,
    reduction,
)
from journeydesk.model.project import Asset
from journeydesk.render.decode import decode_pil, pil_bytes

PRINT_DPI = 300
"""Image pixels per inch of the printed page: more does not print sharper."""


class PdfImages:
    """Assets as reportlab images, checked by the size-checked reader first and
    decoded at the size asked for. ``failed`` names the assets that could not
    be decoded (id → name), for the export's warning."""

    def __init__(self, assets: Iterable[Asset] = (), budget: int = DECODED_CACHE_BYTES) -> None:
        self._assets = {a.id: a for a in assets}
        self._cache: DecodedCache[ImageReader] = DecodedCache(budget)
        self.failed: dict[str, str] = {}
        self.decoded: list[tuple[str, int, int]] = []
        """``(asset id, width, height)`` of every decode, in order (for tests and benches)."""

    def get(self, asset_id: str, need: tuple[float, float] | None = None) -> ImageReader | None:
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
            image = decode_pil(data, need)
        except ImageError:
            self.failed[asset_id] = asset.name or asset_id
            return None
        self.decoded.append((asset_id, image.width, image.height))
        reader = ImageReader(image)
        # reportlab keeps the RGB bytes it embeds beside the image: count both
        self._cache.put((asset_id, factor), reader, 2 * pil_bytes(image))
        return reader
