"""The one image decoder of every backend: PIL, at the size the output needs.

The PDF (reportlab) and the QPainter backend (canvas, PNG, slides, decks,
video, print) both decode assets here, so they agree with each other and
with the header reader on every image: the same size, and the same verdict
on a broken file (a dashed placeholder and an export warning everywhere).

- The decoder must read the size the header reader read; a file where they
  differ (two JPEG frame headers, say) is refused.
- ``need`` is the device pixels the image is drawn into; the image is
  decoded at the smallest power-of-two reduction that still covers it
  (``model.images.reduction``): libjpeg decodes a JPEG reduced itself
  (``draft``, by DCT scaling, cheap); a PNG is decoded once and box-reduced
  (``reduce``) before anything keeps it.
- Memory: one image decodes at a time, and the 50-megapixel limit bounds it:
  at most 4 bytes a pixel (16-bit PNGs come out 8-bit, unlike Qt's own
  reader, which takes 8 bytes a pixel and twice that to scale them), about
  200 MB, plus a converted copy for palette or grey-with-alpha images.
- Every pixel is decoded here (``load``): a broken file raises ImageError now,
  not later inside reportlab or QPainter.

No Qt here.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Generic, TypeVar

from journeydesk.model.images import (
    DECODED_CACHE_BYTES,
    DecodedCache,
    ImageError,
    checked_image_bytes,
    read_image_header,
    reduced_size,
    reduction,
)
from journeydesk.model.project import Asset

if TYPE_CHECKING:
    # PIL (~10-15 ms of a start, with its tags tables) is imported when an image
    # is first decoded: opening a map paints only the cards on screen, and most
    # of those have no image (bench/bench_open_process.py).
    from PIL import Image as PILImage

T = TypeVar("T")

OUTPUT_MODES = ("RGB", "RGBA", "L")
"""What ``decode_pil`` returns: 8 bits a channel, grey, colour or colour with alpha."""


def _eight_bit(image: PILImage.Image) -> PILImage.Image:
    """``image`` in one of OUTPUT_MODES; 16-bit grey is scaled, not clipped."""
    if image.mode in OUTPUT_MODES:
        return image
    if image.mode == "I" or image.mode.startswith("I;16"):
        return image.convert("I").point(lambda v: v / 256).convert("L")
    if image.mode in ("1", "CMYK"):
        return image.convert("L" if image.mode == "1" else "RGB")
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")


def _reduce(image: PILImage.Image, step: int) -> PILImage.Image:
    """``image.reduce(step)``, in strips for RGBA: PIL premultiplies alpha on a
    full-size copy first (another 200 MB for 50 megapixels)."""
    from PIL import Image as PILImage

    if image.mode != "RGBA":
        return image.reduce(step)
    w, h = image.size
    out = PILImage.new(image.mode, (-(-w // step), -(-h // step)))
    rows = step * max(1, 512 // step)  # a strip of about 512 rows, whole blocks
    for y in range(0, h, rows):
        out.paste(image.crop((0, y, w, min(h, y + rows))).reduce(step), (0, y // step))
    return out


def decode_pil(data: bytes, need: tuple[float, float] | None = None) -> PILImage.Image:
    """Decode checked image bytes, at most about twice ``need`` device pixels a
    side (aspect kept; the whole image when None), in one of OUTPUT_MODES.
    Raises ImageError when the data is broken or the decoder reads another
    size than the header."""
    from PIL import Image as PILImage
    from PIL import ImageFile

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
        if factor > 1 and image.format == "JPEG" and isinstance(image, ImageFile.ImageFile):
            image.draft(None, target)
        image.load()  # every pixel now: a broken file fails here
        image = _eight_bit(image)
        if image.size != target:  # a power-of-two box reduction gives the target exactly
            done = max(1, round(info.width / image.width))  # what draft did already
            step = factor // done
            if step > 1:
                image = _reduce(image, step)
            if image.size != target:
                image = image.resize(target, PILImage.Resampling.BOX)
        return image
    except ImageError:
        raise
    except Exception as exc:  # a decoder's surprise on a hostile file: the placeholder
        raise ImageError(f"the image cannot be decoded ({type(exc).__name__}: {exc})") from None


def pil_bytes(image: PILImage.Image) -> int:
    """What a decoded image takes in memory (for the cache's byte budget)."""
    return image.width * image.height * len(image.getbands())


class AssetImages(Generic[T]):
    """A project's assets decoded for one backend, at the size asked for.

    The lookup is the same for every backend: a missing or failed asset gives
    None; a copy decoded at this reduction, or sharper, is reused; otherwise
    the bytes are checked by the size-checked reader, decoded at the smallest
    power-of-two reduction covering ``need`` and kept in a ``DecodedCache``
    with a byte budget. ``failed`` names the assets that could not be decoded
    (id → name), for the export's warning. A backend says only how decoded
    bytes become its image (``_decode``)."""

    def __init__(self, assets: Iterable[Asset] = (), budget: int = DECODED_CACHE_BYTES) -> None:
        self._assets = {a.id: a for a in assets}
        self._cache: DecodedCache[T] = DecodedCache(budget)
        self.failed: dict[str, str] = {}
        self.decoded: list[tuple[str, int, int]] = []
        """``(asset id, width, height)`` of every decode, in order (for tests and benches)."""

    def _decode(self, data: bytes, need: tuple[float, float] | None) -> tuple[T, int, int, int]:
        """The backend's image for checked bytes: (image, width, height, bytes held)."""
        raise NotImplementedError

    def get(self, asset_id: str, need: tuple[float, float] | None = None) -> T | None:
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
            image, width, height, size = self._decode(data, need)
        except ImageError:
            self.failed[asset_id] = asset.name or asset_id
            return None
        self.decoded.append((asset_id, width, height))
        self._cache.put((asset_id, factor), image, size)
        return image
