"""Assets decoded for the PDF (PIL, through reportlab's ImageReader), at the
size the page needs.

A card image on an A0 poster needs a few hundred pixels, so each asset is
decoded at the smallest power-of-two reduction that still gives
``pixels_per_point`` pixels per layout point (``model.images.reduction``):
JPEGs are decoded reduced by libjpeg itself (``Image.draft``); PNGs, which
PIL cannot decode reduced, are decoded once — the 50-megapixel limit bounds
that one image — and shrunk before anything keeps them. What is kept sits in
a ``DecodedCache`` with a byte budget. The decoder must agree with the header
reader on the image's size, and it decodes every pixel here (``load``), so a
broken file gives the placeholder, never a failed export.

No Qt here (an import-linter contract forbids it).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from PIL import Image as PILImage
from PIL import ImageFile
from reportlab.lib.utils import ImageReader

from journeydesk.model.images import (
    DECODED_CACHE_BYTES,
    MAX_IMAGE_PIXELS,
    DecodedCache,
    ImageError,
    checked_image_bytes,
    read_image_header,
    reduced_size,
    reduction,
)
from journeydesk.model.project import Asset

PRINT_DPI = 300
"""Image pixels per inch of the printed page: more does not print sharper."""

_KEEP_MODES = {"RGB", "RGBA", "L", "LA", "CMYK"}
"""Modes reportlab embeds as they are; others (palette, 1-bit, 16-bit) become RGB(A)."""


def decode_pil(data: bytes, need: tuple[float, float] | None) -> PILImage.Image:
    """Decode checked image bytes at most as large as ``need`` device pixels
    (aspect kept; the whole image when None). Raises ImageError when the data
    is broken or the decoder sees another size than the header."""
    info = read_image_header(data)
    factor = reduction(info.width, info.height, *need) if need else 1
    target = reduced_size(info.width, info.height, factor)
    try:
        image: PILImage.Image = PILImage.open(io.BytesIO(data), formats=("PNG", "JPEG"))
        if image.size != (info.width, info.height):
            raise ImageError(
                f"the decoder reads {image.size[0]}×{image.size[1]} pixels, the header "
                f"{info.width}×{info.height}"
            )
        if image.format == "JPEG" and factor > 1 and isinstance(image, ImageFile.ImageFile):
            image.draft(None, target)
        image.load()  # every pixel now: a broken file fails here, not in reportlab
        if image.mode not in _KEEP_MODES:
            has_alpha = "A" in image.getbands() or "transparency" in image.info
            image = image.convert("RGBA" if has_alpha else "RGB")
        if image.size != target:
            image = image.resize(target, PILImage.Resampling.LANCZOS, reducing_gap=2.0)
        return image
    except ImageError:
        raise
    except Exception as exc:  # a decoder's surprise on a hostile file: the placeholder
        raise ImageError(f"the image cannot be decoded ({type(exc).__name__}: {exc})") from None


def _nbytes(image: PILImage.Image) -> int:
    return image.width * image.height * len(image.getbands())


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
            if asset.width * asset.height > MAX_IMAGE_PIXELS:  # checked already; be sure
                raise ImageError("image is too large")
            image = decode_pil(data, need)
        except ImageError:
            self.failed[asset_id] = asset.name or asset_id
            return None
        self.decoded.append((asset_id, image.width, image.height))
        reader = ImageReader(image)
        self._cache.put((asset_id, factor), reader, _nbytes(image))
        return reader
