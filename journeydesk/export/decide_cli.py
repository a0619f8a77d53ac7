"""``journeydesk export backlog|inventory FILE -o OUT.csv|xlsx`` (and, once drawn,
``export matrix``): the tables a workshop leaves with.

Kept apart from ``export/cli.py`` (the poster and raster exports) so neither grows
past a readable size; the shared steps (loading, refusing to overwrite the input,
one-line problems) are that module's.
"""

from __future__ import annotations

from collections.abc import Sequence

from journeydesk.export.cli import EXIT_BAD_INPUT, EXIT_OK, _load, _Parser, _problem

TABLE_KINDS = ("backlog", "inventory")


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
    if table_format(ns.output) is None:
        parser.error(f"{ns.output}: the output must end in .csv or .xlsx")
    project = _load(ns)
    if project is None:
        return EXIT_BAD_INPUT
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
