"""The ``journeydesk`` command: the editor and its headless subcommands.

A known first word is a subcommand; anything else is a file to open in the
editor (``./validate`` opens a file named validate; ``--`` ends options).
Exit status: 0 success, 1 bad input (invalid, unreadable or refused file),
2 wrong usage. Problems are one line each on stderr, ``FILE: WHERE: WHAT``,
never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

import journeydesk

if TYPE_CHECKING:
    from journeydesk.model.project import Project

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

SUBCOMMANDS = ("validate", "new", "save", "export", "import", "diff", "merge", "check")

USAGE = """\
usage: journeydesk [FILE]                 open the editor (no FILE: the sample, as an untitled copy)
       journeydesk --version
       journeydesk validate FILE...       check project files, report every problem
       journeydesk validate --stale-after 90d FILE...   also warn of stale KPIs, evidence, reviews
       journeydesk check FILE...          what a finished map still lacks
       journeydesk new [-t TEMPLATE] [--lang LANG] [--force] -o FILE
       journeydesk new --list-templates
       journeydesk save FILE -o OUT       rewrite in the current format (the app's Save)
       journeydesk export pdf FILE -o OUT.pdf [--map NAME_OR_ID]... [--paper SIZE]
                [--orientation auto|landscape|portrait] [--tile A4|A3|letter]
                [--bleed] [--crop-marks]
       journeydesk export png FILE -o OUT.png [--map NAME_OR_ID] [--dpi N]
       journeydesk export slides FILE -o DIR [--map NAME_OR_ID] [--size 1920x1080]
       journeydesk export pptx|video FILE -o OUT [--map NAME_OR_ID]
       journeydesk export svg FILE -o OUT.svg [--map NAME_OR_ID]
       journeydesk export html FILE -o OUT.html [--map NAME_OR_ID]...
       journeydesk export csv|xlsx|mermaid FILE -o OUT [--map NAME_OR_ID]
       journeydesk import csv|xlsx|mermaid IN (-o NEW.journey | --into FILE [--map M]) [--dry-run]
       journeydesk import metrics IN.csv --into FILE [--map M] [--create-metrics] [--dry-run]
       journeydesk diff A B [--format text|json] [--exit-code]
       journeydesk diff --textconv FILE   a stable text form for git diff
       journeydesk merge BASE OURS THEIRS -o OUT
       journeydesk merge --git BASE OURS THEIRS   (a git merge driver: %O %A %B)
       journeydesk export backlog|inventory FILE -o OUT.csv|OUT.xlsx
       journeydesk export matrix FILE -o OUT.pdf|OUT.png [--x KEY --y KEY]
       journeydesk SUBCOMMAND --help
"""


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and a one-line reason on usage errors."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # stdout closed early (e.g. piped into head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _dispatch(args: list[str]) -> int:
    if args and args[0] in ("--version", "-V"):
        if len(args) > 1:
            return _usage_error("--version takes no arguments")
        print(f"journeydesk {journeydesk.__version__}")
        return EXIT_OK
    if args and args[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return EXIT_OK
    if args and args[0] == "validate":
        return _validate(args[1:])
    if args and args[0] == "new":
        return _new(args[1:])
    if args and args[0] == "check":
        return _check(args[1:])
    if args and args[0] == "save":
        return _save(args[1:])
    if args and args[0] in ("diff", "merge"):
        from journeydesk.io.teamwork import run_diff, run_merge

        return (run_diff if args[0] == "diff" else run_merge)(args[1:])
    if args and args[0] == "export":
        from journeydesk.export.cli import run_export

        return run_export(args[1:])
    if args and args[0] == "import":
        from journeydesk.exchange.cli import run_import

        return run_import(args[1:])
    # Anything else is a file to open in the editor.
    if args and args[0] == "--":
        args = args[1:]
    elif args and args[0].startswith("-"):
        return _usage_error(f"unknown option {args[0]}")
    if len(args) > 1:
        return _usage_error("open one file at a time")
    import gc

    # No cyclic collection until the first map is drawn, importing Qt and the app
    # included: run_app turns the collector on again then (see there).
    was = gc.isenabled()
    gc.disable()
    try:
        from journeydesk.ui.app import run_app

        return run_app(args[0] if args else None)
    finally:
        if was:
            gc.enable()  # (on already, unless run_app failed before the map)


def _usage_error(message: str) -> int:
    sys.stderr.write(USAGE)
    print(f"journeydesk: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _validate(args: list[str]) -> int:
    parser = _Parser(
        prog="journeydesk validate",
        description="Check project files and report every problem, one line each.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")
    parser.add_argument(
        "--stale-after",
        type=_age,
        metavar="AGE",
        help="warn (exit status unchanged) of KPI values and evidence older than AGE "
        "(e.g. 90d, 12w, 6m, 1y) and of maps past their review-by date",
    )
    ns = parser.parse_args(args)
    from journeydesk.io import ProjectFileError, read_project

    status = EXIT_OK
    for name in ns.files:
        try:
            project = read_project(name)
        except ProjectFileError as exc:
            for line in exc.report_lines():
                print(line, file=sys.stderr)
            status = EXIT_BAD_INPUT
        except Exception as exc:  # a bug of ours: still one line, never a traceback
            print(
                f"{name}: $: internal error while reading ({type(exc).__name__}: {exc})",
                file=sys.stderr,
            )
            status = EXIT_BAD_INPUT
        else:
            if ns.stale_after is not None:
                _warn_stale(name, project, ns.stale_after)
            if not ns.quiet:
                cards = sum(len(m.cards) for m in project.maps)
                print(
                    f"{name}: valid ({len(project.maps)} map{'s' if len(project.maps) != 1 else ''}"
                    f", {cards} card{'s' if cards != 1 else ''})"
                )
    return status


def _age(text: str) -> int:
    from journeydesk.model.decide import parse_age

    try:
        return parse_age(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _today() -> dt.date:
    """Today, or ``JOURNEYDESK_TODAY`` (YYYY-MM-DD) so a run can be repeated."""
    fixed = os.environ.get("JOURNEYDESK_TODAY", "")
    try:
        return dt.date.fromisoformat(fixed) if fixed else dt.date.today()
    except ValueError:
        return dt.date.today()


def _warn_stale(name: str, project: Project, days: int) -> None:
    from journeydesk.model.decide import stale_items

    today = _today()
    for item in stale_items(project, days, today):
        print(
            f"{name}: map {item.map!r}: {item.where}: warning: stale, {item.what} "
            f"{item.date.isoformat()} ({item.age(today)} days ago)",
            file=sys.stderr,
        )


def _check(args: list[str]) -> int:
    parser = _Parser(
        prog="journeydesk check",
        description=(
            "List what a finished map still lacks: stages without touchpoints, pain points "
            "with no opportunity and not accepted, cards with only assumed evidence, "
            "personas without an emotion curve. Exit 0 even when something is missing."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    ns = parser.parse_args(args)
    from journeydesk.io import ProjectFileError, read_project
    from journeydesk.model.decide import check_project

    status = EXIT_OK
    for name in ns.files:
        try:
            project = read_project(name)
        except ProjectFileError as exc:
            for line in exc.report_lines():
                print(line, file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        except Exception as exc:  # a bug of ours: still one line, never a traceback
            print(
                f"{name}: $: internal error while reading ({type(exc).__name__}: {exc})",
                file=sys.stderr,
            )
            status = EXIT_BAD_INPUT
            continue
        gaps = check_project(project)
        for gap in gaps:
            print(f"{name}: map {gap.map!r}: {gap.message()}")
        if not gaps:
            print(f"{name}: nothing missing")
    return status


def _new(args: list[str]) -> int:
    from journeydesk import templates

    parser = _Parser(
        prog="journeydesk new",
        description="Write a new project file from a template (default: the sample).",
    )
    parser.add_argument("-t", "--template", default=templates.DEFAULT_TEMPLATE)
    parser.add_argument("-o", "--output", metavar="FILE")
    parser.add_argument(
        "--lang",
        choices=templates.LANGUAGES,
        help="language of the template's content (default: the system's, Italian or English)",
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument("--list-templates", action="store_true")
    ns = parser.parse_args(args)

    keys = templates.template_keys()
    if ns.list_templates:
        for info in templates.list_templates(ns.lang):
            print(f"{info.key}  {info.title}")
        return EXIT_OK
    if not ns.output:
        parser.error("the following arguments are required: -o/--output")
    if ns.template not in keys:
        parser.error(f"unknown template {ns.template!r} (choose from {', '.join(keys)})")
    from journeydesk.io import write_project

    if os.path.lexists(ns.output) and not ns.force:
        print(
            f"{ns.output}: $: already exists; not replaced (use --force to replace it)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    project = templates.new_project(ns.template, ns.lang)
    try:
        write_project(project, ns.output)
    except OSError as exc:
        print(f"{ns.output}: $: cannot be written: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _save(args: list[str]) -> int:
    parser = _Parser(
        prog="journeydesk save",
        description=(
            "Read a project file as the app opens it (older format versions are upgraded) "
            "and write it to OUT in the current format, as the app's Save does. OUT may be "
            "FILE itself; it is replaced atomically, and not at all when the result would "
            "not load."
        ),
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("-o", "--output", metavar="OUT", required=True)
    ns = parser.parse_args(args)
    from journeydesk.io import ProjectFileError, read_project, write_project

    try:
        project = read_project(ns.file)
    except ProjectFileError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        print(
            f"{ns.file}: $: internal error while reading ({type(exc).__name__}: {exc})",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        write_project(project, ns.output)
    except ProjectFileError as exc:  # refused: the loader would not read the result back
        for line in exc.lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"{ns.output}: $: cannot be written: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK
