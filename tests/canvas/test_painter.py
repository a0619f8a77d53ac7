"""The QPainter backend measures text as the layout does, and draws what it is given."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage

from journeydesk import templates
from journeydesk.layout.engine import layout_map
from journeydesk.layout.fonts import Face, metrics
from journeydesk.layout.primitives import Text
from journeydesk.render.qpainter import TEXT_SCALE, qfont, render_layout

SAMPLES = [
    "Confronto prezzi è più “comodo” — 3,20 €",
    "Perché la consegna è in ritardo? Città, qualità, però",
    "Wave AV To Ty LT 1111 iiii WWWW",
]


@pytest.mark.parametrize("face", list(Face))
@pytest.mark.parametrize("size", [6.5, 7.5, 9.0, 13.0, 22.0])
def test_qt_advances_match_the_layout_metrics(qapp, face: Face, size: float) -> None:  # type: ignore[no-untyped-def]
    fm = QFontMetricsF(qfont(face, size))
    for text in SAMPLES:
        qt_width = fm.horizontalAdvance(text) / TEXT_SCALE
        ours = metrics(face).width(text, size)
        assert qt_width == pytest.approx(ours, rel=0.004), text


def test_every_layout_line_fits_its_box_when_qt_measures_it(qapp) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "it")
    layout = layout_map(project, project.maps[0])
    checked = 0
    for item in layout.items:
        for prim in item.primitives:
            if isinstance(prim, Text) and item.kind == "card":
                fm = QFontMetricsF(qfont(prim.face, prim.size))
                for line in prim.lines:
                    assert fm.horizontalAdvance(line) / TEXT_SCALE <= prim.width * 1.004, line
                    checked += 1
    assert checked > 100


def test_render_draws_cards_where_the_layout_put_them(qapp) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    layout = layout_map(project, jmap)
    image: QImage = render_layout(layout, dpi=72)
    assert (image.width(), image.height()) == (round(layout.width), round(layout.height))
    card = next(i for i in layout.items if i.kind == "card")
    b = card.bounds
    # the card's fill colour is inside its box, and the page background outside it
    fill = QColor(next(p.fill for p in card.primitives if hasattr(p, "fill") and p.fill))
    inside = image.pixelColor(round(b.x + b.w - 4), round(b.y + b.h / 2 - 2))
    assert abs(inside.red() - fill.red()) < 12 and abs(inside.blue() - fill.blue()) < 12
    # some dark ink (text) inside the card's title area
    dark = sum(
        1
        for x in range(round(b.x + 6), round(b.x + b.w - 6))
        for y in range(round(b.y + 4), round(b.y + 16))
        if image.pixelColor(x, y).lightness() < 90
    )
    assert dark > 20
