"""Persona sheets as PDF (one page per persona, reportlab, no Qt) or PNG (one
persona, QPainter), drawn from :func:`journeydesk.layout.persona.persona_sheet`;
and ``journeydesk export persona FILE -o OUT.pdf|OUT.png [--persona NAME_OR_ID]``.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journeydesk import __version__
from journeydesk.export.cli import EXIT_BAD_INPUT, EXIT_OK, _load, _Parser, _problem
from journeydesk.export.notes import failed_images_warnings, glyphs_warning, overflow_warning
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.fonts import Face
from journeydesk.layout.persona import persona_sheet
from journeydesk.layout.primitives import MapLayout
from journeydesk.model.project import Persona, Project

PNG_DPI = 150


@dataclass
class PersonaReport:
    path: str
    pages: int
    warnings: list[str] = field(default_factory=list)


def _warnings(sheets: list[tuple[Persona, MapLayout]]) -> list[str]:
    out: list[str] = []
    cut = sum(len(layout.overflows) for _, layout in sheets)
    if cut:
        out.append(overflow_warning(cut))
    for persona, layout in sheets:
        missing = layout.missing_glyphs()
        if missing:
            out.append(glyphs_warning(persona.name, missing))
    return out


def export_persona_pdf(
    project: Project, personas: Sequence[Persona], path: str | Path
) -> PersonaReport:
    """One A4 page per persona, written atomically. Raises ``OSError``."""
    from reportlab.pdfgen.canvas import Canvas

    from journeydesk.render.reportlab import PdfPainter, layout_transform, register_fonts
    from journeydesk.render.reportlab_images import PdfImages

    register_fonts()
    sheets = [(p, persona_sheet(project, p)) for p in personas]
    buffer = io.BytesIO()
    first = sheets[0][1]
    c = Canvas(buffer, pagesize=(first.width, first.height), initialFontName=Face.REGULAR.value)
    c.setTitle(" · ".join(p.name for p in personas)[:500])
    c.setCreator(f"JourneyDesk {__version__}")
    images = PdfImages(project.assets)
    for _, layout in sheets:
        c.setPageSize((layout.width, layout.height))
        c.saveState()
        layout_transform(c, 0, layout.height, 1.0)
        PdfPainter(c, images).draw_layout(layout)
        c.restoreState()
        c.showPage()
    c.save()
    atomic_write_bytes(path, buffer.getvalue())
    warnings = _warnings(sheets) + failed_images_warnings(images.failed)
    return PersonaReport(str(path), len(sheets), warnings)


def export_persona_png(
    project: Project, persona: Persona, path: str | Path, dpi: float = PNG_DPI
) -> PersonaReport:
    """The sheet of one persona as a PNG image, written atomically. Raises ``OSError``."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from journeydesk.export.png import ensure_gui_app

    ensure_gui_app()
    from journeydesk.render.qpainter import ImageCache, render_layout

    layout = persona_sheet(project, persona)
    images = ImageCache(project.assets)
    image = render_layout(layout, dpi, images)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("the image could not be encoded as PNG")
    buffer.close()
    atomic_write_bytes(path, bytes(data.data()))
    warnings = _warnings([(persona, layout)]) + failed_images_warnings(images.failed)
    return PersonaReport(str(path), 1, warnings)


# --- command line ------------------------------------------------------------------


def _parser() -> _Parser:
    parser = _Parser(
        prog="journeydesk export persona",
        usage="%(prog)s FILE -o OUT.pdf|OUT.png [--persona NAME_OR_ID]... [--dpi N]",
        description=(
            "Write a one-page sheet per persona: a PDF has a page for each (default: every "
            "persona), a PNG holds one."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the project file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help=".pdf or .png")
    parser.add_argument(
        "--persona", action="append", default=[], metavar="NAME_OR_ID", help="repeat for more"
    )
    parser.add_argument("--dpi", type=int, default=PNG_DPI, metavar="N", help="PNG (default 150)")
    return parser


def _pick(project: Project, wanted: Sequence[str], file: str) -> list[Persona] | None:
    if not project.personas:
        _problem(file, "$.personas", "the project has no personas")
        return None
    if not wanted:
        return list(project.personas)
    chosen: list[Persona] = []
    for want in wanted:
        found = [p for p in project.personas if p.id == want]
        found = found or [p for p in project.personas if p.name.casefold() == want.casefold()]
        if not found:
            names = ", ".join(repr(p.name) for p in project.personas)
            _problem(file, "--persona", f"no persona named {want!r} (the personas are {names})")
            return None
        chosen += [p for p in found if p not in chosen]
    return chosen


def run_persona_export(args: Sequence[str]) -> int:
    parser = _parser()
    try:
        ns = parser.parse_args(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    suffix = os.path.splitext(ns.output)[1].lower()
    if suffix not in (".pdf", ".png"):
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: OUT must end in .pdf or .png", file=sys.stderr)
        return 2
    if not 10 <= ns.dpi <= 1200:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: --dpi must be between 10 and 1200", file=sys.stderr)
        return 2
    project = _load(ns)
    if project is None:
        return EXIT_BAD_INPUT
    personas = _pick(project, ns.persona, ns.file)
    if personas is None:
        return EXIT_BAD_INPUT
    if suffix == ".png" and len(personas) > 1:
        names = ", ".join(repr(p.name) for p in personas)
        _problem(ns.file, "--persona", f"a PNG holds one persona; choose one of {names}")
        return EXIT_BAD_INPUT
    try:
        if suffix == ".pdf":
            report = export_persona_pdf(project, personas, ns.output)
        else:
            report = export_persona_png(project, personas[0], ns.output, ns.dpi)
    except OSError as exc:
        _problem(ns.output, "$", f"cannot be written: {exc.strerror or exc}")
        return EXIT_BAD_INPUT
    for warning in report.warnings:
        _problem(ns.file, "$", f"warning: {warning}")
    return EXIT_OK
