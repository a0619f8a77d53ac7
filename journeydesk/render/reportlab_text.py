"""Text strings written into a PDF text object without reportlab's per-character loop.

reportlab writes a string in an embedded (subset) TrueType font by looking each
character up in the font's subset assignments for the document, in a Python
loop (``TTFont.splitString``): a third of the time of a 5,000-card poster's
text (issue #14). Once every character of a string has its code in the first
subset (the usual case after the first few hundred lines), the bytes are that
string translated through the assignments (``str.translate``, in C), and the
operators reportlab would write are known: the subset's ``Tf``/``TL`` when
the text object is not in it yet, then ``(bytes) Tj``.

``SubsetWriter.show`` writes those, and leaves any other string to reportlab
(``PDFTextObject._textOut``), which also assigns the codes of characters new to
the document; the writer learns them from the assignments before each string.
``tests/export/test_pdf_speedups.py`` holds the content streams to reportlab's,
byte for byte, over strings that fill more than one subset, use the fallback
face, or have characters no font has.
"""

from __future__ import annotations

from itertools import islice

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


class SubsetWriter:
    """Writes strings of one embedded TTF face into text objects of one canvas."""

    __slots__ = ("_assignments", "_doc", "_font", "_known", "_seen", "_table")

    def __init__(self, canvas: Canvas, font_name: str) -> None:
        self._font = pdfmetrics.getFont(font_name)
        self._doc = canvas._doc
        self._assignments: dict[int, int] | None = None
        self._seen = 0
        self._known: set[str] = set()
        """Characters whose code is in subset 0."""
        self._table: dict[int, str] = {}
        """Code point -> its byte in subset 0, as a one-character str (for translate)."""

    def _learn(self) -> dict[int, int] | None:
        assignments = self._assignments
        if assignments is None:
            state = getattr(self._font, "state", None)
            if not getattr(self._font, "_dynamicFont", False) or state is None:
                return None
            found = state.get(self._doc)  # (made by reportlab at the face's first string)
            if found is None:
                return None
            assignments = self._assignments = found.assignments
        if len(assignments) != self._seen:
            for code, n in islice(assignments.items(), self._seen, None):
                if n < 256:
                    self._known.add(chr(code))
                    self._table[code] = chr(n)
            self._seen = len(assignments)
        return assignments

    def show(self, text: PDFTextObject, run: str) -> None:
        """``text._textOut(run)``: the same operators, faster when they can be."""
        if not run or self._learn() is None or not self._known.issuperset(run):
            text._textOut(run)
            return
        if text._curSubset != 0:
            name = self._font.getSubsetInternalName(0, self._doc)
            text._code.append(f"{name} {fp_str(text._fontsize)} Tf {fp_str(text._leading)} TL")
            text._curSubset = 0
        data = run.translate(self._table).encode("latin-1")
        text._code.append(f"({escapePDF(data)}) Tj")
