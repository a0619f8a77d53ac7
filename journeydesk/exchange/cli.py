"""``journeydesk import ...`` and ``journeydesk export csv|xlsx|mermaid ...``.

Exit status: 0 success (warnings allowed), 1 bad input (unreadable file, rows or
lines refused, a result the loader would refuse), 2 wrong usage. Problems go to
stderr one line each, ``FILE: WHERE: WHAT``; a summary of what was added,
updated and refused goes to stdout. With rows refused the rest is still
written (and the status is 1); a Mermaid file mermaid itself would refuse is
not imported at all.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from journeydesk.model.project import JourneyMap, Project

from .report import ImportReport

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

IMPORT_FORMATS = ("csv", "xlsx", "mermaid", "metrics")
EXPORT_FORMATS = ("csv", "xlsx", "mermaid")

IMPORT_USAGE = """\
usage: journeydesk import csv|xlsx|mermaid IN (-o NEW.journey | --into FILE [--map M]) [--dry-run]
       journeydesk import metrics IN.csv --into FILE [--map M] [--create-metrics] [--dry-run]
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _problem(file: str, where: str, what: str) -> None:
    print(f"{file}: {where}: {what}", file=sys.stderr)


# --- import ------------------------------------------------------------------


def run_import(args: Sequence[str]) -> int:
    """``journeydesk import ARGS``; returns the exit status."""
    args = list(args)
    if not args or args[0] in ("-h", "--help"):
        (sys.stdout if args else sys.stderr).write(IMPORT_USAGE)
        return EXIT_OK if args else EXIT_USAGE
    kind = args[0].lower()
    if kind not in IMPORT_FORMATS:
        sys.stderr.write(IMPORT_USAGE)
        print(
            f"journeydesk import: error: unknown format {args[0]!r} "
            f"(choose from {', '.join(IMPORT_FORMATS)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    parser = _Parser(prog=f"journeydesk import {kind}")
    parser.add_argument("input", metavar="IN")
    target = parser.add_mutually_exclusive_group(required=True)
    if kind != "metrics":
        target.add_argument("-o", "--output", metavar="NEW", help="write a new project")
    target.add_argument("--into", metavar="FILE", help="update this project in place")
    parser.add_argument("--map", metavar="NAME_OR_ID", help="the map to update (with --into)")
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    parser.add_argument("--force", action="store_true", help="replace NEW if it exists")
    if kind == "metrics":
        parser.add_argument("--create-metrics", action="store_true")
    try:
        ns = parser.parse_args(args[1:])
    except SystemExit as exc:
        return int(exc.code or 0)
    output = getattr(ns, "output", None)
    if output and ns.map:
        parser.error("--map goes with --into")
    if output and os.path.lexists(output) and not ns.force and not ns.dry_run:
        _problem(output, "$", "already exists; not replaced (use --force to replace it)")
        return EXIT_BAD_INPUT
    project = _target_project(ns)
    if project is None:
        return EXIT_BAD_INPUT
    try:
        report = _apply(kind, ns, project)
    except _Refused:
        return EXIT_BAD_INPUT
    for message in report.messages:
        print(message.line(ns.input), file=sys.stderr)
    print(f"{ns.input}: {report.summary()}")
    for phrase in report.created:
        print(f"{ns.input}: created {phrase}")
    for phrase in report.changes:
        print(f"{ns.input}: {phrase}")
    status = EXIT_BAD_INPUT if report.failed else EXIT_OK
    if ns.dry_run:
        return status
    destination: str = ns.into or output or ""
    from journeydesk.io import ProjectFileError, write_project

    try:
        write_project(project, destination)
    except ProjectFileError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        _problem(destination, "$", f"cannot be written: {exc.strerror or exc}")
        return EXIT_BAD_INPUT
    return status


class _Refused(Exception):
    """The input was refused as a whole (already reported)."""


def _target_project(ns: argparse.Namespace) -> Project | None:
    if not ns.into:
        return Project(title=Path(ns.input).stem)
    from journeydesk.io import ProjectFileError, read_project

    try:
        return read_project(ns.into)
    except ProjectFileError as exc:
        for line in exc.report_lines():
            print(line, file=sys.stderr)
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        _problem(ns.into, "$", f"internal error while reading ({type(exc).__name__}: {exc})")
    return None


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        _problem(path, "$", f"cannot be read: {exc.strerror or exc}")
        raise _Refused from None


def _apply(kind: str, ns: argparse.Namespace, project: Project) -> ImportReport:
    from .table import TableError

    try:
        if kind == "csv":
            from .inventory import apply_inventory
            from .table import read_csv_bytes

            table = read_csv_bytes(_read_bytes(ns.input))
            return apply_inventory(project, table, map_ref=ns.map, new_map_name=Path(ns.input).stem)
        if kind == "xlsx":
            return _apply_xlsx(ns, project)
        if kind == "metrics":
            from .metrics import apply_metrics
            from .table import read_csv_bytes

            table = read_csv_bytes(_read_bytes(ns.input))
            return apply_metrics(project, table, map_ref=ns.map, create=ns.create_metrics)
        from .mermaid import MermaidError, apply_mermaid

        try:
            text = _read_bytes(ns.input).decode("utf-8-sig")
        except UnicodeDecodeError:
            _problem(ns.input, "$", "not UTF-8 text")
            raise _Refused from None
        try:
            return apply_mermaid(project, text)
        except MermaidError as exc:
            _problem(ns.input, exc.where, str(exc))
            raise _Refused from None
    except TableError as exc:
        _problem(ns.input, "$", str(exc))
        raise _Refused from None


def _apply_xlsx(ns: argparse.Namespace, project: Project) -> ImportReport:
    from .table import read_xlsx_sheets
    from .workbook import apply_workbook

    if not os.path.isfile(ns.input):
        _problem(ns.input, "$", "cannot be read: no such file")
        raise _Refused
    return apply_workbook(
        project,
        read_xlsx_sheets(ns.input),
        map_ref=ns.map,
        new_map_name=Path(ns.input).stem,
        # A new project has no metrics yet: the KPIs sheet defines them.
        create_metrics=not ns.into,
    )


# --- export ------------------------------------------------------------------


def run_exchange_export(kind: str, args: Sequence[str]) -> int:
    """``journeydesk export csv|xlsx|mermaid FILE -o OUT [--map M]``."""
    parser = _Parser(prog=f"journeydesk export {kind}")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", metavar="OUT", required=True)
    parser.add_argument("--map", metavar="NAME_OR_ID", help="default: the first map")
    if kind == "csv":
        parser.add_argument(
            "--delimiter",
            choices=(",", ";", "tab"),
            default=",",
            help="cell separator (';' for Excel in Italian and other decimal-comma locales)",
        )
    try:
        ns = parser.parse_args(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)
    from journeydesk.io import ProjectFileError, read_project

    if (
        os.path.exists(ns.output)
        and os.path.exists(ns.file)
        and os.path.samefile(ns.file, ns.output)
    ):
        _problem(ns.output, "$", "is the input file; refusing to overwrite it")
        return EXIT_BAD_INPUT
    try:
        project = read_project(ns.file)
    except ProjectFileError as exc:
        for line in exc.report_lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    jmap = _pick_map(project, ns.map, ns.file)
    if jmap is None:
        return EXIT_BAD_INPUT
    try:
        if kind == "mermaid":
            from .mermaid import to_mermaid

            Path(ns.output).write_text(to_mermaid(project, jmap), encoding="utf-8")
        elif kind == "csv":
            write_inventory_csv(
                project, jmap, ns.output, "\t" if ns.delimiter == "tab" else ns.delimiter
            )
        else:
            write_inventory_xlsx(project, jmap, ns.output)
    except OSError as exc:
        _problem(ns.output, "$", f"cannot be written: {exc.strerror or exc}")
        return EXIT_BAD_INPUT
    return EXIT_OK


def _pick_map(project: Project, ref: str | None, file: str) -> JourneyMap | None:
    if not project.maps:
        _problem(file, "$.maps", "the project has no maps")
        return None
    if ref is None:
        return project.maps[0]
    found = next((m for m in project.maps if m.id == ref), None) or next(
        (m for m in project.maps if m.name.casefold() == ref.casefold()), None
    )
    if found is None:
        names = ", ".join(repr(m.name) for m in project.maps)
        _problem(file, "--map", f"no map named {ref!r} (the maps are {names})")
    return found


def write_inventory_csv(
    project: Project, jmap: JourneyMap, path: str, delimiter: str = ","
) -> None:
    from .inventory import csv_cells, export_rows
    from .table import write_csv_bytes

    header, rows = export_rows(project, jmap)
    from journeydesk.io.atomic import atomic_write_bytes

    atomic_write_bytes(path, write_csv_bytes(header, csv_cells(rows), delimiter))


def write_inventory_xlsx(project: Project, jmap: JourneyMap, path: str) -> None:
    from .curves import curve_point_rows
    from .inventory import export_rows
    from .metrics import kpi_rows
    from .table import write_xlsx

    header, rows = export_rows(project, jmap)
    curve_header, curve_rows = curve_point_rows(project, jmap)
    write_xlsx(
        path,
        {
            "Cards": (header, rows),
            "Curve": (curve_header, curve_rows),
            "KPIs": kpi_rows(project, jmap),
        },
    )
