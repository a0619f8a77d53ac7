"""A size-checked reader for embedded images.

Assets arrive from untrusted files, so nothing hands their bytes to an image
decoder before this module has read the header and checked the type, the
byte count and the pixel count against the limits. The header reader is pure
Python; Qt layers decode only after ``checked_image_bytes`` has passed, and
with an allocation limit of their own.
"""

from __future__ import annotations

import base64
import binascii
import struct
from dataclasses import dataclass

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
    pos = 2
    end = len(data)
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
            break  # end of image or start of scan before any frame header
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2:
            raise ImageError("JPEG segment length is invalid")
        if marker in _SOF_MARKERS:
            if pos + 9 > end:
                break
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return _checked(ImageInfo("image/jpeg", width, height))
        pos += 2 + length
    raise ImageError("JPEG has no frame header")


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
