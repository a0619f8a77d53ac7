"""Small vector icons for channels, drawn by both backends from the same paths.

Each icon is drawn in a square of side ``s`` at ``(x, y)`` (top left), in one
colour, from lines, rectangles and circles, so it stays sharp at any zoom and
is vector in the PDF. Names follow the icon names of the vocabularies
(model/vocab.py); an unknown name draws a plain dot, and the label beside it
still says what it is.
"""

from __future__ import annotations

from collections.abc import Callable

from .primitives import Box, Line, Path, Primitive, Rect
from .shapes import circle_ops, polygon_ops

Icon = Callable[[float, float, float, str], list[Primitive]]


def _w(s: float) -> float:
    return max(0.4, s * 0.1)


def _globe(x: float, y: float, s: float, c: str) -> list[Primitive]:
    cx, cy, r = x + s / 2, y + s / 2, s * 0.45
    k = 0.5522847498
    meridian = (
        ("M", cx, cy - r),
        ("C", cx + r * 0.55 * k * 1.8, cy - r, cx + r * 0.55, cy - r * k, cx + r * 0.55, cy),
        ("C", cx + r * 0.55, cy + r * k, cx + r * 0.55 * k * 1.8, cy + r, cx, cy + r),
        ("C", cx - r * 0.55 * k * 1.8, cy + r, cx - r * 0.55, cy + r * k, cx - r * 0.55, cy),
        ("C", cx - r * 0.55, cy - r * k, cx - r * 0.55 * k * 1.8, cy - r, cx, cy - r),
    )
    return [
        Path(circle_ops(cx, cy, r), stroke=c, width=_w(s)),
        Path(meridian, stroke=c, width=_w(s)),  # type: ignore[arg-type]
        Line(((cx - r, cy), (cx + r, cy)), c, _w(s)),
    ]


def _mobile(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [
        Box(
            Rect(x + s * 0.28, y + s * 0.05, s * 0.44, s * 0.9),
            stroke=c,
            stroke_width=_w(s),
            radius=s * 0.08,
        ),
        Line(((x + s * 0.43, y + s * 0.82), (x + s * 0.57, y + s * 0.82)), c, _w(s)),
    ]


def _store(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [
        Path(
            polygon_ops(
                [
                    (x + s * 0.05, y + s * 0.42),
                    (x + s * 0.15, y + s * 0.12),
                    (x + s * 0.85, y + s * 0.12),
                    (x + s * 0.95, y + s * 0.42),
                ]
            ),
            fill=c,
        ),
        Box(Rect(x + s * 0.12, y + s * 0.42, s * 0.76, s * 0.5), stroke=c, stroke_width=_w(s)),
        Box(Rect(x + s * 0.42, y + s * 0.6, s * 0.16, s * 0.32), fill=c),
    ]


def _phone(x: float, y: float, s: float, c: str) -> list[Primitive]:
    # A handset: two ear pieces joined by a curved grip.
    return [
        Path(
            (
                ("M", x + s * 0.15, y + s * 0.2),
                (
                    "C",
                    x + s * 0.1,
                    y + s * 0.65,
                    x + s * 0.35,
                    y + s * 0.9,
                    x + s * 0.8,
                    y + s * 0.85,
                ),
            ),
            stroke=c,
            width=s * 0.16,
        ),
        Path(circle_ops(x + s * 0.2, y + s * 0.2, s * 0.13), fill=c),
        Path(circle_ops(x + s * 0.8, y + s * 0.8, s * 0.13), fill=c),
    ]


def _email(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [
        Box(Rect(x + s * 0.05, y + s * 0.2, s * 0.9, s * 0.6), stroke=c, stroke_width=_w(s)),
        Line(
            ((x + s * 0.05, y + s * 0.2), (x + s * 0.5, y + s * 0.55), (x + s * 0.95, y + s * 0.2)),
            c,
            _w(s),
        ),
    ]


def _chat(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [
        Box(
            Rect(x + s * 0.05, y + s * 0.1, s * 0.9, s * 0.6),
            stroke=c,
            stroke_width=_w(s),
            radius=s * 0.15,
        ),
        Path(
            polygon_ops(
                [
                    (x + s * 0.25, y + s * 0.68),
                    (x + s * 0.22, y + s * 0.92),
                    (x + s * 0.48, y + s * 0.68),
                ]
            ),
            fill=c,
        ),
    ]


def _share(x: float, y: float, s: float, c: str) -> list[Primitive]:
    a, b, d = (x + s * 0.78, y + s * 0.2), (x + s * 0.22, y + s * 0.5), (x + s * 0.78, y + s * 0.8)
    return [
        Line((a, b, d), c, _w(s)),
        *(Path(circle_ops(px, py, s * 0.13), fill=c) for px, py in (a, b, d)),
    ]


def _mailbox(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [
        Box(
            Rect(x + s * 0.1, y + s * 0.3, s * 0.8, s * 0.45),
            stroke=c,
            stroke_width=_w(s),
            radius=s * 0.12,
        ),
        Line(((x + s * 0.5, y + s * 0.75), (x + s * 0.5, y + s * 0.95)), c, _w(s) * 1.5),
        Line(
            (
                (x + s * 0.62, y + s * 0.3),
                (x + s * 0.62, y + s * 0.08),
                (x + s * 0.8, y + s * 0.08),
            ),
            c,
            _w(s),
        ),
    ]


def _person(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [
        Path(circle_ops(x + s * 0.5, y + s * 0.28, s * 0.2), fill=c),
        Path(
            (
                ("M", x + s * 0.12, y + s * 0.95),
                (
                    "C",
                    x + s * 0.12,
                    y + s * 0.55,
                    x + s * 0.88,
                    y + s * 0.55,
                    x + s * 0.88,
                    y + s * 0.95,
                ),
                ("Z",),
            ),
            fill=c,
        ),
    ]


def _truck(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [
        Box(Rect(x + s * 0.02, y + s * 0.22, s * 0.58, s * 0.46), fill=c),
        Path(
            polygon_ops(
                [
                    (x + s * 0.62, y + s * 0.36),
                    (x + s * 0.82, y + s * 0.36),
                    (x + s * 0.98, y + s * 0.52),
                    (x + s * 0.98, y + s * 0.68),
                    (x + s * 0.62, y + s * 0.68),
                ]
            ),
            fill=c,
        ),
        Path(circle_ops(x + s * 0.22, y + s * 0.76, s * 0.11), fill=c),
        Path(circle_ops(x + s * 0.8, y + s * 0.76, s * 0.11), fill=c),
    ]


def _monitor(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [
        Box(
            Rect(x + s * 0.05, y + s * 0.12, s * 0.9, s * 0.58),
            stroke=c,
            stroke_width=_w(s),
            radius=s * 0.05,
        ),
        Line(((x + s * 0.5, y + s * 0.7), (x + s * 0.5, y + s * 0.88)), c, _w(s)),
        Line(((x + s * 0.3, y + s * 0.9), (x + s * 0.7, y + s * 0.9)), c, _w(s)),
    ]


def _dot(x: float, y: float, s: float, c: str) -> list[Primitive]:
    return [Path(circle_ops(x + s / 2, y + s / 2, s * 0.3), fill=c)]


def comment_bubble(x: float, y: float, s: float, c: str) -> list[Primitive]:
    """The mark beside a card's count of open review comments."""
    return [
        Box(Rect(x + s * 0.05, y + s * 0.1, s * 0.9, s * 0.6), fill=c, radius=s * 0.15),
        Path(
            polygon_ops(
                [
                    (x + s * 0.55, y + s * 0.66),
                    (x + s * 0.8, y + s * 0.95),
                    (x + s * 0.78, y + s * 0.66),
                ]
            ),
            fill=c,
        ),
    ]


def linked_map(x: float, y: float, s: float, c: str) -> list[Primitive]:
    """The mark of a card linked to another map (a sub-journey): a small map
    sheet with an arrow going into it."""
    w = _w(s)
    return [
        Box(Rect(x + s * 0.32, y + s * 0.08, s * 0.62, s * 0.62), stroke=c, stroke_width=w),
        Line(((x + s * 0.46, y + s * 0.3), (x + s * 0.8, y + s * 0.3)), c, w),
        Line(((x + s * 0.46, y + s * 0.48), (x + s * 0.72, y + s * 0.48)), c, w),
        Line(((x + s * 0.04, y + s * 0.94), (x + s * 0.42, y + s * 0.56)), c, w * 1.4, arrow=True),
    ]


ICONS: dict[str, Icon] = {
    "web": _globe,
    "cellphone": _mobile,
    "storefront": _store,
    "phone": _phone,
    "email": _email,
    "chat": _chat,
    "share-variant": _share,
    "mailbox": _mailbox,
    "account-tie": _person,
    "account-voice": _person,
    "truck-delivery": _truck,
    "monitor": _monitor,
}


def icon(name: str | None, x: float, y: float, s: float, colour: str) -> list[Primitive]:
    return ICONS.get(name or "", _dot)(x, y, s, colour)
