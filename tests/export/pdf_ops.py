"""A PDF's drawing read back as data, for tests that hold a faster way of
writing a page to the slower one it replaced.

``page_drawing`` interprets the text operators of each page's content stream
(``BT``/``ET``, ``Tf``, ``TL``, ``Tm``, ``Td``, ``TD``, ``T*``, ``Tj``, ``'``)
and returns every string drawn with the font, size, text matrix and fill colour
it is drawn with, plus every other operator in order. Two pages whose
drawings are equal show the same glyphs at the same places, however their text
state was written (one ``Tf`` per line or one per text object, a ``Tm`` per
line or a ``T*``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

Matrix = tuple[float, float, float, float, float, float]

_TEXT_STATE = {b"BT", b"ET", b"Tf", b"TL", b"Tm", b"Td", b"TD", b"T*"}
_FILL = {b"rg", b"g", b"k", b"sc", b"scn"}


@dataclass(frozen=True)
class Glyphs:
    font: str
    size: float
    matrix: Matrix
    fill: tuple[float, ...]
    data: bytes


@dataclass
class Drawing:
    glyphs: list[Glyphs]
    other: list[tuple[str, tuple[object, ...]]]


def _mul(a: Matrix, b: Matrix) -> Matrix:
    """``a × b`` (PDF row-vector order: ``a`` applied first)."""
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


_TOKEN = re.compile(
    rb"\((?:\\.|[^\\)])*\)"  # a string (reportlab escapes parentheses and backslashes)
    rb"|<[0-9A-Fa-f\s]*>"  # a hex string
    rb"|/[^\s/\[\]()<>]+"  # a name
    rb"|[-+]?(?:\d+\.?\d*|\.\d+)"  # a number
    rb"|[\[\]]"  # array brackets (kept as operands)
    rb"|[A-Za-z*'\"]+",  # an operator
    re.DOTALL,
)
_NUMBER = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)")


def _operations(content: bytes) -> list[tuple[list[bytes], bytes]]:
    """The content stream as ``(operands, operator)``: raw tokens, no nesting
    (reportlab writes no dictionaries or inline images in a page's content)."""
    ops: list[tuple[list[bytes], bytes]] = []
    operands: list[bytes] = []
    for token in _TOKEN.findall(content):
        first = token[:1]
        if first in b"(</[]" or _NUMBER.fullmatch(token):
            operands.append(token)
        else:
            ops.append((operands, token))
            operands = []
    return ops


def page_drawing(data: bytes) -> list[Drawing]:
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        contents = page.get_contents()
        assert contents is not None
        ops = _operations(contents.get_data())
        glyphs: list[Glyphs] = []
        other: list[tuple[str, tuple[object, ...]]] = []
        font, size, leading = "", 0.0, 0.0
        fill: tuple[float, ...] = (0.0,)
        tm: Matrix = (1, 0, 0, 1, 0, 0)
        tlm: Matrix = tm
        for operands, op in ops:
            if op in _FILL:
                fill = tuple(float(v) for v in operands)
            if op == b"BT":
                tm = tlm = (1, 0, 0, 1, 0, 0)
            elif op == b"Tf":
                font, size = operands[0].decode("latin-1"), float(operands[1])
            elif op == b"TL":
                leading = float(operands[0])
            elif op == b"Tm":
                tm = tlm = tuple(float(v) for v in operands)  # type: ignore[assignment]
            elif op in (b"Td", b"TD"):
                tx, ty = float(operands[0]), float(operands[1])
                if op == b"TD":
                    leading = -ty
                tm = tlm = _mul((1, 0, 0, 1, tx, ty), tlm)
            elif op == b"T*":
                tm = tlm = _mul((1, 0, 0, 1, 0, -leading), tlm)
            elif op in (b"Tj", b"'"):
                if op == b"'":
                    tm = tlm = _mul((1, 0, 0, 1, 0, -leading), tlm)
                glyphs.append(Glyphs(font, size, tm, fill, operands[0]))
            if op not in _TEXT_STATE and op not in (b"Tj", b"'"):
                other.append((op.decode("latin-1"), tuple(operands)))
        pages.append(Drawing(glyphs, other))
    return pages


def assert_same_drawing(a: bytes, b: bytes, tolerance: float = 0.0) -> int:
    """The two PDFs draw the same glyphs at the same places (text matrices
    within ``tolerance``) and the same everything else; returns the number of
    strings drawn."""
    da, db = page_drawing(a), page_drawing(b)
    assert len(da) == len(db)
    n = 0
    for pa, pb in zip(da, db, strict=True):
        assert pa.other == pb.other
        assert len(pa.glyphs) == len(pb.glyphs)
        for ga, gb in zip(pa.glyphs, pb.glyphs, strict=True):
            assert (ga.font, ga.size, ga.fill, ga.data) == (gb.font, gb.size, gb.fill, gb.data)
            assert all(
                abs(x - y) <= tolerance for x, y in zip(ga.matrix, gb.matrix, strict=True)
            ), (ga, gb)
        n += len(pa.glyphs)
    return n
