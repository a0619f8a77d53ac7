"""The QPainter backend's text drawing sets the painter's transform per run
(one run per line when the bundled font covers it) instead of saving and
restoring the painter's whole state: the pixels must be exactly those of the
straightforward drawing, for Latin, mixed-font, aligned and rotated text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from journeydesk.layout.fonts import Face, metrics
from journeydesk.layout.primitives import Box, Rect, Text
from journeydesk.render import qpainter
from journeydesk.render.qpainter import TEXT_SCALE, draw, qfont

LINES = (
    "Confronto prezzi è più “comodo” — 3,20 €",
    "Ελληνικά και кириллица mixed with Latin",
    "",
    "Wave AV To Ty LT 1111 iiii WWWW",
)


def reference_text(painter: QPainter, prim: Text) -> None:
    """The drawing before the fast path: save, translate, scale, restore per run."""
    m = metrics(prim.face)
    painter.setFont(qfont(prim.face, prim.size))
    painter.setPen(QColor(prim.colour))
    if prim.rotation:
        painter.save()
        painter.translate(prim.x, prim.y)
        painter.rotate(prim.rotation)
        painter.translate(-prim.x, -prim.y)
    baseline = prim.y + m.ascent * prim.size
    inv = 1.0 / TEXT_SCALE
    for line in prim.lines:
        if line:
            x = prim.x
            if prim.align != "left":
                w = m.width(line, prim.size)
                x += (prim.width - w) / (2 if prim.align == "center" else 1)
            for run, alt in prim.runs(line):
                painter.save()
                painter.translate(x, baseline)
                painter.scale(inv, inv)
                if alt:
                    painter.setFont(qfont(prim.face, prim.size, True))
                painter.drawText(QPointF(0, 0), run)
                if alt:
                    painter.setFont(qfont(prim.face, prim.size))
                painter.restore()
                x += m.width(run, prim.size)
        baseline += prim.leading
    if prim.rotation:
        painter.restore()


def paint(prims: list, ours: bool) -> QImage:  # type: ignore[type-arg]
    image = QImage(520, 260, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(1.7, 1.7)
    for prim in prims:
        if ours:
            draw(painter, [prim])
        elif isinstance(prim, Text):
            reference_text(painter, prim)
        else:
            draw(painter, [prim])  # boxes: only there to follow the text
    painter.end()
    return image


@pytest.mark.parametrize("align", ["left", "center", "right"])
@pytest.mark.parametrize("rotation", [0.0, 90.0])
@pytest.mark.parametrize("face", [Face.REGULAR, Face.BOLD_ITALIC])
def test_text_pixels_equal_the_save_restore_drawing(qapp, align, rotation, face) -> None:  # type: ignore[no-untyped-def]
    text = Text(14.3, 9.7, 240.0, LINES, face, 9.5, "#223344", 12.1, align, rotation)
    prims = [
        Box(Rect(5, 5, 100, 40), fill="#FFF2CC", stroke="#888888", radius=3),
        text,
        Text(40.2, 120.4, 200.0, ("after the text", "Ωμέγα"), face, 7.0, "#AA0000", 9.0, align),
    ]
    ours, reference = paint(prims, True), paint(prims, False)
    assert ours == reference
    # and the text is really there (a blank image would equal a blank image)
    ink = sum(
        1 for y in range(0, 260, 2) for x in range(0, 520, 2) if ours.pixelColor(x, y).red() < 100
    )
    assert ink > 50


def test_pens_and_brushes_are_shared_and_cleared(qapp) -> None:  # type: ignore[no-untyped-def]
    pen = qpainter._pen("#123456", 0.75, (3.0, 2.0))
    assert qpainter._pen("#123456", 0.75, (3.0, 2.0)) is pen
    assert pen.dashPattern() == [4.0, pytest.approx(2.0 / 0.75)]
    assert qpainter._brush("#123456").color() == QColor("#123456")
    qpainter.clear_caches()
    assert qpainter._pen("#123456", 0.75, (3.0, 2.0)) is not pen
