"""The image header reader, the size reduction and the decoded-image cache."""

from __future__ import annotations

import io
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PilImage

from journeydesk.model.images import (
    MAX_REDUCTION,
    DecodedCache,
    ImageError,
    read_image_header,
    reduced_size,
    reduction,
)
from journeydesk.render.decode import decode_pil


def _jpeg(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    PilImage.new("RGB", (w, h), (10, 120, 200)).save(buf, "JPEG", quality=80)
    return buf.getvalue()


def _sof0(w: int, h: int) -> bytes:
    body = struct.pack(">BHHB", 8, h, w, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return b"\xff\xc0" + struct.pack(">H", 2 + len(body)) + body


def _with_first_frame(data: bytes, w: int, h: int) -> bytes:
    """``data`` (a JPEG) with a frame header of ``w``×``h`` before its own."""
    at = data.index(b"\xff\xc0")
    return data[:at] + _sof0(w, h) + data[at:]


def test_a_jpeg_with_two_frame_headers_that_disagree_is_refused() -> None:
    # header 1×1 first, the real 1200×900 frame second: PIL decodes the second
    real = _jpeg(1200, 900)
    crafted = _with_first_frame(real, 1, 1)
    assert PilImage.open(io.BytesIO(crafted)).size == (1200, 900)
    with pytest.raises(ImageError, match="frame headers of different sizes"):
        read_image_header(crafted)
    with pytest.raises(ImageError):
        decode_pil(crafted)


def test_a_jpeg_whose_frame_headers_agree_reads_as_the_decoder_does() -> None:
    data = _with_first_frame(_jpeg(64, 48), 64, 48)
    info = read_image_header(data)
    assert (info.width, info.height) == (64, 48)
    assert read_image_header(_jpeg(64, 48)).width == 64


def test_a_truncated_frame_header_is_refused() -> None:
    data = _jpeg(16, 16)
    at = data.index(b"\xff\xc0")
    with pytest.raises(ImageError):
        read_image_header(data[: at + 6])


@settings(deadline=None, max_examples=200)
@given(
    st.integers(1, 20_000),
    st.integers(1, 20_000),
    st.floats(0.5, 40_000),
    st.floats(0.5, 40_000),
)
def test_reduction_covers_the_need_and_at_most_twice(w: int, h: int, nw: float, nh: float) -> None:
    factor = reduction(w, h, nw, nh)
    rw, rh = reduced_size(w, h, factor)
    drawn = min(nw / w, nh / h)  # the scale the image is drawn at, aspect kept
    assert rw <= w and rh <= h
    if factor > 1:
        assert rw >= w * drawn - 1e-6 and rh >= h * drawn - 1e-6  # covers the need
    if factor < MAX_REDUCTION:
        assert w / (factor * 2) < w * drawn  # the next factor would not cover it
    assert factor & (factor - 1) == 0


def test_the_cache_keeps_to_its_budget_least_recently_used_first() -> None:
    cache: DecodedCache[str] = DecodedCache(budget=100)
    for n in range(5):
        cache.put(n, f"v{n}", 40)
        assert cache.bytes <= 100
    assert len(cache) == 2 and cache.get(4) == "v4" and cache.get(3) == "v3"
    assert cache.get(0) is None
    cache.get(3)  # 3 is now the most recent: 4 goes first
    cache.put(5, "v5", 40)
    assert cache.get(4) is None and cache.get(3) == "v3"
    cache.put(6, "big", 500)  # alone over the budget: kept, everything else goes
    assert len(cache) == 1 and cache.get(6) == "big" and cache.bytes == 500
