"""``journeydesk export slides|pptx|video ...``: the storyline's exports.

Split from ``export/cli.py`` (one module per idea): these draw with QtGui and
share the storyline options (size, compare, language).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cli import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    _Parser,
    _pick_maps,
    _problem,
    _same_file,
    _write_error,
)

if TYPE_CHECKING:
    from journeydesk.model.project import JourneyMap, Project


def run_storyline_export(kind: str, rest: Sequence[str]) -> int:
    parser = {"slides": _slides_parser, "pptx": _pptx_parser, "video": _video_parser}[kind]()
    try:
        ns = parser.parse_args(list(rest))
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    if kind == "slides":
        return _export_slides(ns)
    if kind == "pptx":
        return _export_pptx(ns)
    return _export_video(ns)


def _slide_size(text: str) -> tuple[int, int]:
    from journeydesk.export.slides import SIZES

    sizes = {f"{w}x{h}": (w, h) for w, h in SIZES}
    found = sizes.get(text.strip().lower().replace("×", "x"))
    if found is None:
        raise argparse.ArgumentTypeError(
            f"unknown slide size {text!r} (choose from {', '.join(sizes)})"
        )
    return found


def _storyline_args(parser: argparse.ArgumentParser, output: str) -> None:
    """FILE, -o, --map, --size and --lang: what every storyline export takes."""
    parser.add_argument("file", metavar="FILE", help="the project file")
    parser.add_argument("-o", "--output", metavar=output, required=True)
    parser.add_argument("--map", metavar="NAME_OR_ID", help="the map (default: the first)")
    parser.add_argument(
        "--size",
        type=_slide_size,
        default=(1920, 1080),
        metavar="WxH",
        help="1920x1080 (default), 1280x720 or 3840x2160",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "it"),
        help="language of the slides' own words (default: the project's)",
    )
    parser.add_argument(
        "--compare",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show each stage as it is and as it will be, side by side, with the map this "
        "one is based on (or the map based on it); default: the storyline's own mode",
    )


def _can_compare(project: Project, jmap: JourneyMap, ns: argparse.Namespace) -> bool:
    """False (after saying why) when --compare asks for a comparison the map cannot make."""
    from journeydesk.layout.storyline import comparison_pair

    if ns.compare and comparison_pair(project, jmap) is None:
        _problem(
            ns.file,
            "--compare",
            f"map {jmap.name!r} is not based on another map and no map is based on it",
        )
        return False
    return True


def _slides_parser() -> _Parser:
    parser = _Parser(
        prog="journeydesk export slides",
        usage="%(prog)s FILE -o DIR [--map NAME_OR_ID] [--size 1920x1080] [--compare] "
        "[--lang en|it]",
        description=(
            "Write the map's storyline as numbered PNG slides (slide-001.png...), "
            "manifest.json and narration.srt into DIR (created if missing)."
        ),
    )
    _storyline_args(parser, "DIR")
    return parser


def _export_slides(ns: argparse.Namespace) -> int:
    from journeydesk.io import ProjectFileError, read_project

    out = ns.output
    if os.path.exists(out) and not os.path.isdir(out):
        what = "is the input file" if _same_file(ns.file, out) else "is a file, not a folder"
        _problem(out, "$", f"{what}; give a folder for the slides")
        return EXIT_BAD_INPUT
    parent = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(out) and not os.path.isdir(parent):
        _problem(out, "$", "cannot be written: its folder does not exist")
        return EXIT_BAD_INPUT
    try:
        project = read_project(ns.file)
    except ProjectFileError as exc:
        for line in exc.report_lines():
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        _problem(ns.file, "$", f"internal error while reading ({type(exc).__name__}: {exc})")
        return EXIT_BAD_INPUT
    maps = _pick_maps(project, [ns.map] if ns.map else [], ns.file, many=False)
    if maps is None or not _can_compare(project, maps[0], ns):
        return EXIT_BAD_INPUT
    from journeydesk.export.slides import export_slides

    try:
        os.makedirs(out, exist_ok=True)
        report = export_slides(project, maps[0], out, ns.size, language=ns.lang, compare=ns.compare)
    except OSError as exc:
        return _write_error(out, exc)
    for warning in report.warnings:
        _problem(out, "$", f"warning: {warning}")
    return EXIT_OK


# --- pptx --------------------------------------------------------------------


def _pptx_parser() -> _Parser:
    parser = _Parser(
        prog="journeydesk export pptx",
        usage="%(prog)s FILE -o OUT.pptx [--map NAME_OR_ID] [--size 1920x1080] [--compare] "
        "[--pictures] [--lang en|it]",
        description=(
            "Write the map's storyline as a PowerPoint deck: one slide per scene, its texts "
            "(titles, cards, KPIs, narration) as text boxes a client can edit over a picture "
            "of the rest, the narration as speaker notes."
        ),
    )
    _storyline_args(parser, "OUT")
    parser.add_argument(
        "--matrix-slide", action="store_true", help="end with the map's priority matrix"
    )
    parser.add_argument(
        "--pictures", action="store_true", help="each slide as one picture (no text boxes)"
    )
    return parser


def _one_map_to_file(ns: argparse.Namespace, what: str) -> tuple[Project, JourneyMap] | None:
    """Checks shared by the exports that write one file from one map: the output
    is not the input nor a folder, the project loads, the map exists."""
    from journeydesk.io import ProjectFileError, read_project

    out = ns.output
    if _same_file(ns.file, out):
        _problem(out, "$", f"is the input file; give another name for the {what}")
        return None
    if os.path.isdir(out):
        _problem(out, "$", f"is a folder; give a file name for the {what}")
        return None
    try:
        project = read_project(ns.file)
    except ProjectFileError as exc:
        for line in exc.report_lines():
            print(line, file=sys.stderr)
        return None
    maps = _pick_maps(project, [ns.map] if ns.map else [], ns.file, many=False)
    if maps is None or not _can_compare(project, maps[0], ns):
        return None
    return project, maps[0]


def _export_pptx(ns: argparse.Namespace) -> int:
    found = _one_map_to_file(ns, "deck")
    if found is None:
        return EXIT_BAD_INPUT
    from journeydesk.export.pptx import export_pptx

    try:
        report = export_pptx(
            *found,
            ns.output,
            ns.size,
            language=ns.lang,
            compare=ns.compare,
            native=not ns.pictures,
            matrix_slide=getattr(ns, "matrix_slide", False),
        )
    except OSError as exc:
        return _write_error(ns.output, exc)
    for warning in report.warnings:
        _problem(ns.file, "$", f"warning: {warning}")
    return EXIT_OK


# --- video -------------------------------------------------------------------


def _seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 <= value <= 2:
        raise argparse.ArgumentTypeError(f"{text} s is out of range (0 to 2)")
    return value


def _video_parser() -> _Parser:
    parser = _Parser(
        prog="journeydesk export video",
        usage="%(prog)s FILE -o OUT.mp4 [--map NAME_OR_ID] [--size 1920x1080] "
        "[--crossfade S] [--captions] [--compare]",
        description=(
            "Write the map's storyline as an MP4 video (H.264, 30 fps), each scene for its "
            "duration, with OUT.srt subtitles beside it."
        ),
    )
    _storyline_args(parser, "OUT")
    parser.add_argument(
        "--crossfade",
        type=_seconds,
        default=0.5,
        metavar="S",
        help="seconds of crossfade between scenes (default 0.5; 0 for cuts)",
    )
    parser.add_argument(
        "--captions",
        action="store_true",
        help="draw the narration into the frames as well as in OUT.srt",
    )
    return parser


def _export_video(ns: argparse.Namespace) -> int:
    found = _one_map_to_file(ns, "video")
    if found is None:
        return EXIT_BAD_INPUT
    from journeydesk.export.video import export_video

    try:
        report = export_video(
            *found,
            ns.output,
            ns.size,
            ns.crossfade,
            ns.captions,
            language=ns.lang,
            compare=ns.compare,
        )
    except OSError as exc:
        return _write_error(ns.output, exc)
    for warning in report.warnings:
        _problem(ns.file, "$", f"warning: {warning}")
    return EXIT_OK


