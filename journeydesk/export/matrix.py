"""``export matrix``: the priority matrix as a one-page PDF (reportlab, no Qt) or
a PNG (QPainter), both from the same ``layout.matrix`` primitives; and the
pages of ``export inventory -o OUT.pdf`` (``layout.inventory``).

``matrix_pdf_bytes`` is also what the poster export and the deck can append as
a page of their own.
"""

from __future__ import annotations

import io
import os

from journeydesk import __version__
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.fonts import Face
from journeydesk.layout.matrix import Matrix
from journeydesk.layout.primitives import MapLayout


def pages_pdf_bytes(layouts: list[MapLayout], title: str = "") -> bytes:
    """Each layout on a page of its own size (reportlab, no Qt)."""
    from reportlab.pdfgen.canvas import Canvas

    from journeydesk.render.reportlab import PdfPainter, layout_transform, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    first = layouts[0]
    c = Canvas(buffer, pagesize=(first.width, first.height), initialFontName=Face.REGULAR.value)
    c.setTitle(title[:500])
    c.setCreator(f"JourneyDesk {__version__}")
    for layout in layouts:
        c.setPageSize((layout.width, layout.height))
        c.saveState()
        layout_transform(c, 0, layout.height, 1.0)
        PdfPainter(c).draw_layout(layout)
        c.restoreState()
        c.showPage()
    c.save()
    return buffer.getvalue()


def matrix_pdf_bytes(matrix: Matrix, title: str = "") -> bytes:
    return pages_pdf_bytes([matrix.layout], title)


def write_matrix_pdf(matrix: Matrix, path: str | os.PathLike[str], title: str = "") -> None:
    atomic_write_bytes(path, matrix_pdf_bytes(matrix, title))


def write_matrix_png(matrix: Matrix, path: str | os.PathLike[str], dpi: float = 150) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from journeydesk.export.png import ensure_gui_app

    ensure_gui_app()
    from journeydesk.render.qpainter import render_layout

    image = render_layout(matrix.layout, dpi)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("the image could not be encoded as PNG")
    buffer.close()
    atomic_write_bytes(path, bytes(data.data()))
