"""``journeydesk diff`` and ``journeydesk merge``: teamwork by file.

Why here: both read project files as the app opens them (older format
versions migrated first, see project_file.py) and the merge writes one
atomically, refusing a result the loader would not read; the engines
themselves are Qt-free model code (model/diff.py, model/merge.py).

Exit status: diff 0 (1 with ``--exit-code`` when the files differ); merge 0
clean, 1 with conflicts (OUT written all the same, the conflicts as open
review comments); 1 for a file that cannot be read or written (nothing
written), 2 wrong usage. Problems are one line each, ``FILE: WHERE: WHAT``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from journeydesk.model.diff import diff_text, diff_trees, flatten, textconv_lines
from journeydesk.model.merge import merge_projects
from journeydesk.model.project import Project

from .errors import ProjectFileError
from .project_file import read_project, write_project

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _read(path: str) -> Project | None:
    try:
        return read_project(path)
    except ProjectFileError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        print(
            f"{path}: $: internal error while reading ({type(exc).__name__}: {exc})",
            file=sys.stderr,
        )
    return None


def run_diff(args: Sequence[str]) -> int:
    parser = _Parser(
        prog="journeydesk diff",
        description=(
            "Compare two project files element by element, by id: added, removed, "
            "changed (field by field, old → new) and moved."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--exit-code", action="store_true", help="exit 1 when the files differ, as git diff does"
    )
    parser.add_argument(
        "--textconv",
        action="store_true",
        help="print a stable text form of one FILE (for git diff's textconv)",
    )
    ns = parser.parse_args(list(args))
    if ns.textconv:
        if len(ns.files) != 1:
            parser.error("--textconv takes one FILE")
        project = _read(ns.files[0])
        if project is None:
            return EXIT_BAD_INPUT
        sys.stdout.write("".join(line + "\n" for line in textconv_lines(project)))
        return EXIT_OK
    if len(ns.files) != 2:
        parser.error("compare two files: journeydesk diff A B")
    a, b = (_read(name) for name in ns.files)
    if a is None or b is None:
        return EXIT_BAD_INPUT
    ta, tb = flatten(a), flatten(b)
    changes = diff_trees(ta, tb)
    if ns.format == "json":
        out = {"a": ns.files[0], "b": ns.files[1], "changes": [c.as_json() for c in changes]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("".join(line + "\n" for line in diff_text(ta, tb, changes)))
    return EXIT_DIFFERENT if ns.exit_code and changes else EXIT_OK


def run_merge(args: Sequence[str]) -> int:
    parser = _Parser(
        prog="journeydesk merge",
        description=(
            "Three-way merge of project files by id and field. Ours wins each "
            "conflict; the other value is kept as an open review comment on the "
            "element. With --git, a git merge driver: the result replaces OURS (%%A)."
        ),
    )
    parser.add_argument("base", metavar="BASE")
    parser.add_argument("ours", metavar="OURS")
    parser.add_argument("theirs", metavar="THEIRS")
    parser.add_argument("-o", "--output", metavar="OUT")
    parser.add_argument("--git", action="store_true", help="git merge driver: write into OURS")
    ns = parser.parse_args(list(args))
    if ns.git == bool(ns.output):
        parser.error("give -o OUT, or --git to write the result into OURS")
    output = ns.ours if ns.git else ns.output
    projects = [_read(name) for name in (ns.base, ns.ours, ns.theirs)]
    base, ours, theirs = projects
    if base is None or ours is None or theirs is None:
        return EXIT_BAD_INPUT
    try:
        result = merge_projects(base, ours, theirs)
    except ValueError as exc:
        print(f"{output}: $: cannot merge: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        write_project(result.project, output)
    except ProjectFileError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"{output}: $: cannot be written: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for line in result.repairs:
        print(f"{output}: repaired: {line}", file=sys.stderr)
    for conflict in result.conflicts:
        print(f"{output}: {conflict.line()}", file=sys.stderr)
    return EXIT_DIFFERENT if result.conflicts else EXIT_OK
