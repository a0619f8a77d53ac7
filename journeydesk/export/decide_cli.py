"""``journeydesk export backlog|inventory FILE -o OUT.csv|xlsx`` (and, once drawn,
``export matrix``): the tables a workshop leaves with.

Kept apart from ``export/cli.py`` (the poster and raster exports) so neither grows
past a readable size; the shared steps (loading, refusing to overwrite the input,
one-line problems) are that module's.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from journeydesk.export.cli import EXIT_BAD_INPUT, EXIT_OK, _load, _Parser, _problem

if TYPE_CHECKING:
    from journeydesk.model.project import Project

TABLE_KINDS = ("backlog", "inventory")
MATRIX_FORMATS = (".pdf", ".png")


def _table_parser(kind: str) -> _Parser:
    what = {
        "backlog": "every opportunity and pain point of every map, one row each, with its "
        "status, owners, scores, evidence and related cards",
        "inventory": "every touchpoint of every map, one row each, with its owners, "
        "channel, stage and step",
    }[kind]
    parser = _Parser(
        prog=f"journeydesk export {kind}",
        usage="%(prog)s FILE -o OUT.csv|OUT.xlsx"
        + (" [--kind KIND]..." if kind == "backlog" else ""),
        description=f"Write {what}, as CSV or an Excel sheet (by OUT's suffix).",
    )
    parser.add_argument("file", metavar="FILE", help="the project file")
    parser.add_argument("-o", "--output", metavar="OUT", required=True)
    if kind == "inventory":
        parser.add_argument("--lang", choices=("en", "it"), help="the PDF page's own words")
    if kind == "backlog":
        parser.add_argument(
            "--kind",
            action="append",
            default=[],
            metavar="KIND",
            help="card kinds to list (repeat; default: opportunity and pain_point)",
        )
    return parser


def run_table_export(kind: str, args: Sequence[str]) -> int:
    from journeydesk.export.tables import table_format, write_table
    from journeydesk.model.decide import BACKLOG_KINDS, backlog_table, inventory_table

    parser = _table_parser(kind)
    try:
        ns = parser.parse_args(list(args))
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    as_pdf = kind == "inventory" and ns.output.lower().endswith(".pdf")
    if table_format(ns.output) is None and not as_pdf:
        ends = ".csv, .xlsx or .pdf" if kind == "inventory" else ".csv or .xlsx"
        parser.error(f"{ns.output}: the output must end in {ends}")
    project = _load(ns)
    if project is None:
        return EXIT_BAD_INPUT
    if as_pdf:
        return _inventory_pdf(project, ns)
    if kind == "backlog":
        kinds = [k.strip() for k in ns.kind if k.strip()] or list(BACKLOG_KINDS)
        table = backlog_table(project, kinds)
    else:
        table = inventory_table(project)
    try:
        write_table(table, ns.output, sheet=kind.capitalize())
    except OSError as exc:
        _problem(ns.output, "$", f"cannot be written: {exc.strerror or exc}")
        return EXIT_BAD_INPUT
    return EXIT_OK


def _inventory_pdf(project: Project, ns: argparse.Namespace) -> int:
    from journeydesk.export.matrix import pages_pdf_bytes
    from journeydesk.io.atomic import atomic_write_bytes
    from journeydesk.layout.inventory import inventory_layout

    if not project.maps:
        _problem(ns.file, "$.maps", "the project has no maps")
        return EXIT_BAD_INPUT
    pages = [inventory_layout(project, m, ns.lang) for m in project.maps]
    try:
        atomic_write_bytes(ns.output, pages_pdf_bytes(pages, project.title))
    except OSError as exc:
        _problem(ns.output, "$", f"cannot be written: {exc.strerror or exc}")
        return EXIT_BAD_INPUT
    return EXIT_OK


def run_matrix_export(args: Sequence[str]) -> int:
    parser = _Parser(
        prog="journeydesk export matrix",
        usage="%(prog)s FILE -o OUT.pdf|OUT.png [--x KEY --y KEY] [--map NAME_OR_ID]",
        description=(
            "Draw the priority matrix of every opportunity and pain point: two scores "
            "against each other (effort across, impact up by default), quadrant names, "
            "cards lacking a score listed beside it."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the project file")
    parser.add_argument("-o", "--output", metavar="OUT", required=True)
    parser.add_argument("--x", default="effort", metavar="KEY", help="score across (effort)")
    parser.add_argument("--y", default="impact", metavar="KEY", help="score up (impact)")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="NAME_OR_ID",
        help="the cards of these maps (repeat for more; default: the first map)",
    )
    parser.add_argument("--colour-by", choices=("stage", "status"), default="stage")
    parser.add_argument("--lang", choices=("en", "it"))
    parser.add_argument("--dpi", type=int, default=150, metavar="N", help="PNG only (default 150)")
    try:
        ns = parser.parse_args(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    suffix = os.path.splitext(ns.output)[1].lower()
    if suffix not in MATRIX_FORMATS:
        parser.error(f"{ns.output}: the output must end in .pdf or .png")
    if not 30 <= ns.dpi <= 600:
        parser.error("--dpi must be between 30 and 600")
    project = _load(ns)
    if project is None:
        return EXIT_BAD_INPUT
    known = project.scores()
    for flag, key in (("--x", ns.x), ("--y", ns.y)):
        if key not in known:
            _problem(ns.file, flag, f"no score {key!r} (the scores are {', '.join(known)})")
            return EXIT_BAD_INPUT
    from journeydesk.export.cli import _pick_maps

    maps = _pick_maps(project, ns.map, ns.file, many=False)
    if maps is None:
        return EXIT_BAD_INPUT
    map_ids = {m.id for m in maps}
    from journeydesk.export.matrix import write_matrix_pdf, write_matrix_png
    from journeydesk.layout.matrix import matrix_layout

    matrix = matrix_layout(project, ns.x, ns.y, ns.colour_by, ns.lang, map_ids)
    try:
        if suffix == ".pdf":
            write_matrix_pdf(matrix, ns.output, project.title)
        else:
            write_matrix_png(matrix, ns.output, ns.dpi)
    except OSError as exc:
        _problem(ns.output, "$", f"cannot be written: {exc.strerror or exc}")
        return EXIT_BAD_INPUT
    return EXIT_OK
