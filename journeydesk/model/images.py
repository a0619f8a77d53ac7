"""A size-checked reader for embedded images.

Assets arrive from untrusted files, so nothing hands their bytes to an image
decoder before this module has read the header and checked the type, the
byte count and the pixel count against the limits. The header reader is pure
Python; Qt layers decode only after ``checked_image_bytes`` has passed, and
with an allocation limit of their own.

Decoders are handed the size the output needs (``reduction``), and keep what
they decoded in a ``DecodedCache`` with a byte budget, so the memory an export
takes does not grow with the number or the pixel count of the images.
"""

from __future__ import annotations

import base64
import binascii
import struct
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

MAX_IMAGE_BYTES = 20 * 1024 * 1024
"""Largest encoded image (20 MiB)."""
MAX_IMAGE_PIXELS = 50_000_000
"""Largest decoded image (50 megapixels, about 200 MB as RGBA)."""
MAX_IMAGE_SIDE = 20_000

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ImageError(ValueError):
    """The bytes are not an acceptable PNG or JPEG image."""


@dataclass(frozen=True)
class ImageInfo:
    type: str
    width: int
    height: int


def read_image_header(data: bytes) -> ImageInfo:
    """Return type and pixel size from a PNG or JPEG header, or raise ImageError."""
    if data.startswith(PNG_SIGNATURE):
        return _png(data)
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    raise ImageError("not a PNG or JPEG image")


def _png(data: bytes) -> ImageInfo:
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise ImageError("PNG header is truncated or has no IHDR chunk")
    width, height = struct.unpack(">II", data[16:24])
    return _checked(ImageInfo("image/png", width, height))


_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> ImageInfo:
    """Walk every segment up to the first scan and read every frame header.

    A file may carry more than one SOF marker; decoders disagree on which one
    counts (PIL keeps the last, libjpeg refuses a second). A first ``1×1``
    frame followed by a ``12000×12000`` one would pass a reader that stops at
    the first, so every frame is read and frames that disagree are refused.
    """
    pos = 2
    end = len(data)
    frames: list[tuple[int, int]] = []
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            raise ImageError("JPEG segment marker expected")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker == 0xD9 or marker == 0xDA:
            break  # end of image, or the first scan: every header is behind us
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2:
            raise ImageError("JPEG segment length is invalid")
        if marker in _SOF_MARKERS:
            if pos + 9 > end or length < 8:
                raise ImageError("JPEG frame header is truncated")
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            frames.append((width, height))
        pos += 2 + length
    if not frames:
        raise ImageError("JPEG has no frame header")
    if len(set(frames)) > 1:
        sizes = ", ".join(f"{w}×{h}" for w, h in dict.fromkeys(frames))
        raise ImageError(f"JPEG has frame headers of different sizes ({sizes})")
    width, height = frames[0]
    return _checked(ImageInfo("image/jpeg", width, height))


def _checked(info: ImageInfo) -> ImageInfo:
    if info.width < 1 or info.height < 1:
        raise ImageError(f"image has no pixels ({info.width}×{info.height})")
    if info.width > MAX_IMAGE_SIDE or info.height > MAX_IMAGE_SIDE:
        raise ImageError(
            f"image is {info.width}×{info.height} pixels; the limit is {MAX_IMAGE_SIDE} a side"
        )
    if info.width * info.height > MAX_IMAGE_PIXELS:
        raise ImageError(
            f"image has {info.width * info.height:,} pixels; the limit is {MAX_IMAGE_PIXELS:,}"
        )
    return info


def decode_base64(text: str) -> bytes:
    """Decode strict base64, bounded by MAX_IMAGE_BYTES."""
    if len(text) > (MAX_IMAGE_BYTES * 4) // 3 + 4:
        raise ImageError(f"image data is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ImageError(f"image data is not valid base64 ({exc})") from None


def checked_image_bytes(text: str, declared_type: str, width: int, height: int) -> bytes:
    """Decode an asset's data and check it against what the asset declares."""
    data = decode_base64(text)
    info = read_image_header(data)
    if info.type != declared_type:
        raise ImageError(f"data is {info.type} but the asset says {declared_type}")
    if (info.width, info.height) != (width, height):
        raise ImageError(
            f"image is {info.width}×{info.height} pixels but the asset says {width}×{height}"
        )
    return data


def encode_image(data: bytes) -> tuple[ImageInfo, str]:
    """Check image bytes (from a file the user picked) and return them as base64."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(f"image is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB")
    info = read_image_header(data)
    return info, base64.b64encode(data).decode("ascii")


# --- decoding to the size the output needs ------------------------------------------

DECODED_CACHE_BYTES = 128 * 1024 * 1024
"""Byte budget of one cache of decoded images (an export's, the canvas's, the
storyline panel's...). Images are decoded at most twice the size they are
drawn at a side, so this holds every image of a 4K screen at 8× zoom."""
MAX_REDUCTION = 1024


def reduction(width: int, height: int, need_w: float, need_h: float) -> int:
    """The largest power of two an image of ``width``×``height`` pixels can be
    divided by and still cover ``need_w``×``need_h`` device pixels when drawn
    aspect-kept and centred in them (as every backend draws an ``Image``).

    Power-of-two steps keep the number of cached sizes small when the canvas
    zooms, and match the scales a JPEG decoder offers for free; the decoded
    image is at most twice the needed size a side, never larger than the image.
    """
    if width < 1 or height < 1 or not (need_w > 0 and need_h > 0):
        return 1
    scale = min(need_w / width, need_h / height)  # how large the image is drawn
    factor = 1
    while factor < MAX_REDUCTION and scale * factor * 2 <= 1.0:
        factor *= 2
    return factor


def reduced_size(width: int, height: int, factor: int) -> tuple[int, int]:
    """``width``×``height`` divided by ``factor``, rounded up, at least 1×1."""
    return max(1, -(-width // factor)), max(1, -(-height // factor))


class DecodedCache(Generic[T]):
    """Least-recently-used decoded images under a byte budget.

    A project may hold thousands of images of 50 megapixels each; an exporter
    keeps only what fits ``budget`` bytes and decodes again what it dropped.
    The newest entry is kept even when it alone exceeds the budget.
    """

    def __init__(self, budget: int = DECODED_CACHE_BYTES) -> None:
        self.budget = budget
        self.bytes = 0
        self._entries: OrderedDict[Hashable, tuple[T, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> T | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        self._entries.move_to_end(key)
        return entry[0]

    def put(self, key: Hashable, value: T, nbytes: int) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        self._entries[key] = (value, nbytes)
        self.bytes += nbytes
        while self.bytes > self.budget and len(self._entries) > 1:
            _, (_, size) = self._entries.popitem(last=False)
            self.bytes -= size

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0
