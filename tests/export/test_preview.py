"""The export dialog's preview: a map thumbnail drawn without making the drawings
of cards too small to show their words, and kept while only the DPI changes."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from bench_shapes import make_shape
from PIL import Image as PilImage
from PySide6.QtGui import QImage, QPainter

from journeydesk.layout import card_face
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import Box, Image, MapLayout, Text
from journeydesk.model import Project
from journeydesk.render.qpainter import PREVIEW_CARD_PX, ImageCache, draw, draw_preview


def thumbnail(layout: MapLayout, scale: float, project: Project, full: bool) -> QImage:
    image = QImage(
        max(1, round(layout.width * scale)),
        max(1, round(layout.height * scale)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    images = ImageCache(project.assets)
    if full:
        for item in layout.sorted_items():
            draw(painter, item.primitives, images)
    else:
        draw_preview(painter, layout, scale, images)
    painter.end()
    return image


def mean_difference(a: QImage, b: QImage, block: int = 3) -> float:
    """Mean difference of the two images' channels (0-255) averaged over
    ``block`` × ``block`` pixels: a thumbnail is read as patches of colour and
    texture, and greeked text is a texture, not the letters."""
    assert a.size() == b.size()
    w, h = a.width() // block, a.height() // block

    def patches(image: QImage) -> PilImage.Image:
        rgb = image.convertToFormat(QImage.Format.Format_RGBX8888)
        pil = PilImage.frombytes("RGBX", (rgb.width(), rgb.height()), bytes(rgb.constBits()))
        return pil.convert("RGB").resize((w, h), PilImage.Resampling.BOX)

    da, db = patches(a).tobytes(), patches(b).tobytes()
    return sum(abs(x - y) for x, y in zip(da, db, strict=True)) / len(da)


@pytest.fixture(scope="module")
def big() -> Project:
    return make_shape("current", 600)  # sentiments, images, connections, curves


def test_a_swatch_is_the_card_drawing_with_its_words_greeked(big: Project) -> None:
    """Box, stripe and image as drawn; a bar inside each line of the title and body."""
    layout = MapLayouter().layout(big, big.maps[0])
    cards = [i for i in layout.items if i.kind == "card"]
    with_image = bodies = 0
    for item in cards:
        recipe = item.recipe
        swatch = card_face.card_swatch(recipe)
        assert swatch is not None
        full = item.primitives  # made now
        assert item.recipe is None and card_face.card_swatch(item.recipe) is None
        frame = list(itertools.takewhile(lambda p: not isinstance(p, Text), full))
        assert swatch[: len(frame)] == frame
        with_image += any(isinstance(p, Image) for p in frame)
        m = recipe.args[6]  # type: ignore[union-attr]
        texts = full[len(frame) : len(frame) + (2 if m.body_lines else 1)]
        bodies += len(texts) == 2
        lines = [(t, n) for t in texts for n in range(len(t.lines))]  # type: ignore[union-attr]
        bars = swatch[len(frame) :]
        assert len(bars) == len(lines) == m.title_lines + m.body_lines
        for bar, (text, n) in zip(bars, lines, strict=True):
            assert isinstance(bar, Box) and isinstance(text, Text)
            assert bar.rect.x == text.x and 0 < bar.rect.w <= text.width
            top = text.y + n * text.leading
            assert top <= bar.rect.y and bar.rect.bottom <= top + text.leading
    assert with_image > 0 and bodies > 0
    assert card_face.card_swatch(lambda: []) is None


def test_a_small_preview_looks_like_the_whole_drawing_and_makes_no_card_drawing(
    big: Project, qapp: Any
) -> None:
    layout = MapLayouter().layout(big, big.maps[0])
    scale = 420 / max(layout.width, layout.height)
    cards = [i for i in layout.items if i.kind == "card"]
    tall = [i for i in cards if i.bounds.h * scale >= PREVIEW_CARD_PX]
    assert 0 < len(tall) < len(cards) / 10  # most cards are drawn as swatches at this scale
    quick = thumbnail(layout, scale, big, full=False)
    assert [i for i in cards if i.made] == tall  # only the tall ones' drawings were made
    whole = thumbnail(layout, scale, big, full=True)
    assert mean_difference(quick, whole) < 1.5  # measured 0.83; words left out: 3.3


@pytest.mark.parametrize("broken", ["grey", "no words"])
def test_a_wrong_swatch_would_show(
    big: Project, qapp: Any, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    """The comparison above can fail: grey cards, or cards without their words, show."""
    layout = MapLayouter().layout(big, big.maps[0])
    scale = 420 / max(layout.width, layout.height)
    whole = thumbnail(layout, scale, big, full=True)
    real = card_face.card_swatch

    def wrong(recipe: object) -> Any:
        prims = real(recipe)
        if prims and broken == "grey":
            prims[0] = Box(prims[0].rect, fill="#C0C0C0")  # type: ignore[attr-defined]
        return prims

    if broken == "no words":
        monkeypatch.setattr(card_face, "_greeked", lambda prims, text, lines, x, y, *_: y)
    monkeypatch.setattr("journeydesk.render.qpainter.card_swatch", wrong)
    layout = MapLayouter().layout(big, big.maps[0])
    assert mean_difference(thumbnail(layout, scale, big, full=False), whole) > 2.0


def test_a_large_preview_is_the_whole_drawing(project: Project, qapp: Any) -> None:
    """Where cards show their words (the sample at the dialog's size), nothing is left out."""
    layout = MapLayouter().layout(project, project.maps[0])
    scale = 420 / max(layout.width, layout.height)
    assert min(i.bounds.h for i in layout.items if i.kind == "card") * scale >= PREVIEW_CARD_PX
    quick = thumbnail(layout, scale, project, full=False)
    assert all(i.made for i in layout.items if i.kind == "card")
    layout = MapLayouter().layout(project, project.maps[0])
    assert quick == thumbnail(layout, scale, project, full=True)
