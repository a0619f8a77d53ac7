"""``journeydesk export pdf|png|slides|pptx|video ...``: headless exports.

``run_export(args)`` takes the words after ``export`` and returns the exit
status: 0 success, 1 bad input (unreadable or invalid project file, unknown
map or lane, output that cannot be written or that is the input file), 2
wrong usage. Problems go to stderr one line each, ``FILE: WHERE: WHAT``;
warnings likewise, with ``warning:`` in front of WHAT. ``export pdf`` never
imports Qt; the raster exports (png, slides, pptx, video) use QtGui only and switch Qt
to offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from journeydesk.layout.engine import LayoutOptions
    from journeydesk.model.project import JourneyMap, Project

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2

FORMATS = ("pdf", "png", "slides", "pptx", "video", "backlog", "inventory", "matrix")

USAGE = """\
usage: journeydesk export pdf FILE -o OUT.pdf [--map NAME_OR_ID]... [--paper SIZE]
                          [--orientation auto|landscape|portrait] [--tile A4|A3|letter]
                          [--overlap MM] [--tile-area paper|map] [--margin MM]
                          [--bleed] [--crop-marks]
                          [--lane NAME_OR_ID]... [--hide-lane-kind KIND]...
                          [--no-comments] [--no-legend] [--no-title-block] [--lang en|it]
       journeydesk export png FILE -o OUT.png [--map NAME_OR_ID] [--dpi N] [...]
       journeydesk export slides FILE -o DIR [--map NAME_OR_ID] [--size 1920x1080]
                [--compare | --no-compare] [--lang en|it]
       journeydesk export pptx FILE -o OUT.pptx [--map NAME_OR_ID] [--size 1920x1080]
                [--compare | --no-compare] [--lang en|it]
       journeydesk export video FILE -o OUT.mp4 [--map NAME_OR_ID] [--size 1920x1080]
                [--crossfade SECONDS] [--captions] [--compare | --no-compare] [--lang en|it]
       journeydesk export backlog|inventory FILE -o OUT.csv|OUT.xlsx
       journeydesk export matrix FILE -o OUT.pdf|OUT.png [--x KEY --y KEY] [--map NAME_OR_ID]...
       journeydesk export FORMAT --help
"""


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that exits with status 2 and a one-line reason on usage errors."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _problem(file: str, where: str, what: str) -> None:
    print(f"{file}: {where}: {what}", file=sys.stderr)


def _content_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the project file")
    parser.add_argument("-o", "--output", metavar="OUT", required=True)
    parser.add_argument(
        "--lane",
        action="append",
        default=[],
        metavar="NAME_OR_ID",
        help="show only these lanes (repeat for more)",
    )
    parser.add_argument(
        "--hide-lane-kind",
        action="append",
        default=[],
        metavar="KIND",
        help="leave out lanes of this kind, e.g. backstage or notes (repeat for more)",
    )
    parser.add_argument(
        "--no-comments", action="store_true", help="leave comment counts out (client copies)"
    )
    parser.add_argument("--no-legend", action="store_true")
    parser.add_argument("--no-title-block", action="store_true")
    parser.add_argument(
        "--lang",
        choices=("en", "it"),
        help="language of the drawing's own words (default: the project's)",
    )


def _positive_mm(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of millimetres: {text!r}") from None
    if not 0 <= value <= 200:
        raise argparse.ArgumentTypeError(f"{text} mm is out of range (0 to 200)")
    return value


def _pdf_parser() -> _Parser:
    from journeydesk.layout.papers import PAPER_NAMES

    parser = _Parser(
        prog="journeydesk export pdf",
        usage="%(prog)s FILE -o OUT.pdf [--map NAME_OR_ID]... [--paper SIZE] [options]",
        description="Write a vector PDF poster: one page per map, or tiled onto office paper.",
    )
    _content_options(parser)
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="NAME_OR_ID",
        help="export this map (repeat for more; default: every map, one page each)",
    )
    parser.add_argument(
        "--paper",
        default="A1",
        metavar="SIZE",
        help=f"{', '.join(PAPER_NAMES)} or WxHmm such as 1189x841mm (default A1)",
    )
    parser.add_argument(
        "--orientation",
        type=str.lower,
        choices=("auto", "landscape", "portrait"),
        default="auto",
        help="auto: the orientation in which the map prints larger",
    )
    parser.add_argument(
        "--tile",
        type=str.lower,
        choices=("a4", "a3", "letter"),
        help="cut the poster onto A4, A3 or letter sheets, with an assembly page",
    )
    parser.add_argument(
        "--overlap",
        type=_positive_mm,
        default=10.0,
        metavar="MM",
        help="overlap of tiled sheets (default 10)",
    )
    parser.add_argument(
        "--tile-area",
        type=str.lower,
        choices=("paper", "map"),
        default="paper",
        help="tiles cover the whole poster paper (default) or only the map and its margins",
    )
    parser.add_argument(
        "--margin", type=_positive_mm, default=12.0, metavar="MM", help="(default 12)"
    )
    parser.add_argument("--bleed", action="store_true", help="3 mm bleed and crop marks")
    parser.add_argument("--crop-marks", action="store_true", help="mark the trim")
    parser.add_argument(
        "--matrix-page",
        action="store_true",
        help="end with a page of the priority matrix of the maps exported",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME_OR_ID",
        help="start from one of the project's export profiles (options given here win)",
    )
    return parser


def _png_parser() -> _Parser:
    parser = _Parser(
        prog="journeydesk export png",
        usage="%(prog)s FILE -o OUT.png [--map NAME_OR_ID] [--dpi N] [options]",
        description="Write the map as a PNG image (default: the first map, 150 DPI).",
    )
    _content_options(parser)
    parser.add_argument("--map", metavar="NAME_OR_ID", help="the map (default: the first)")
    parser.add_argument("--dpi", type=int, default=150, metavar="N", help="(default 150)")
    return parser


def run_export(args: Sequence[str]) -> int:
    """``journeydesk export ARGS``; returns the exit status."""
    args = list(args)
    if not args or args[0] in ("-h", "--help"):
        stream = sys.stdout if args else sys.stderr
        stream.write(USAGE)
        return EXIT_OK if args else EXIT_USAGE
    kind, rest = args[0].lower(), args[1:]
    if kind not in FORMATS:
        sys.stderr.write(USAGE)
        print(
            f"journeydesk export: error: unknown format {args[0]!r} "
            f"(choose from {', '.join(FORMATS)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if kind in ("backlog", "inventory"):
        from journeydesk.export.decide_cli import run_table_export

        return run_table_export(kind, rest)
    if kind == "matrix":
        from journeydesk.export.decide_cli import run_matrix_export

        return run_matrix_export(rest)
    parser = {
        "pdf": _pdf_parser,
        "png": _png_parser,
        "slides": _slides_parser,
        "pptx": _pptx_parser,
        "video": _video_parser,
    }[kind]()
    try:
        ns = parser.parse_args(rest)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    if kind == "slides":
        return _export_slides(ns)
    if kind == "pptx":
        return _export_pptx(ns)
    if kind == "video":
        return _export_video(ns)
    # Which options the user typed: a profile fills in only the others.
    ns.explicit = {a.split("=", 1)[0] for a in rest if a.startswith("--")}
    try:
        return _export_pdf(parser, ns) if kind == "pdf" else _export_png(parser, ns)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


# --- shared steps -------------------------------------------------------------


def _same_file(a: str, b: str) -> bool:
    try:
        if os.path.exists(b) and os.path.samefile(a, b):
            return True
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def _load(ns: argparse.Namespace) -> Project | None:
    """The project, or None after printing why not."""
    from journeydesk.io import ProjectFileError, read_project

    if _same_file(ns.file, ns.output):
        _problem(ns.output, "$", "is the input file; refusing to overwrite it")
        return None
    out_dir = os.path.dirname(os.path.abspath(ns.output))
    if os.path.isdir(ns.output):
        _problem(ns.output, "$", "is a folder; give a file name")
        return None
    if not os.path.isdir(out_dir):
        _problem(ns.output, "$", "cannot be written: its folder does not exist")
        return None
    try:
        return read_project(ns.file)
    except ProjectFileError as exc:
        for line in exc.report_lines():
            print(line, file=sys.stderr)
    except Exception as exc:  # a bug of ours: still one line, never a traceback
        _problem(ns.file, "$", f"internal error while reading ({type(exc).__name__}: {exc})")
    return None


def _pick_maps(
    project: Project, wanted: Sequence[str], file: str, many: bool
) -> list[JourneyMap] | None:
    """Maps named (by id, else by name, else by name ignoring case), in the order asked."""
    if not project.maps:
        _problem(file, "$.maps", "the project has no maps")
        return None
    if not wanted:
        return list(project.maps) if many else [project.maps[0]]
    chosen = []
    for want in wanted:
        found = [m for m in project.maps if m.id == want]
        found = found or [m for m in project.maps if m.name == want]
        found = found or [m for m in project.maps if m.name.casefold() == want.casefold()]
        if not found:
            names = ", ".join(repr(m.name) for m in project.maps)
            _problem(file, "--map", f"no map named {want!r} (the maps are {names})")
            return None
        if not many and len(found) > 1:
            _problem(file, "--map", f"{len(found)} maps are named {want!r}; give the map's id")
            return None
        chosen += [m for m in found if m not in chosen]
    return chosen


def _layout_options(
    maps: list[JourneyMap], ns: argparse.Namespace, file: str
) -> LayoutOptions | None:
    from journeydesk.layout.engine import LayoutOptions

    lanes = None
    if ns.lane:
        lanes = set()
        for want in ns.lane:
            found = {
                lane.id
                for m in maps
                for lane in m.lanes
                if want in (lane.id, lane.name) or lane.name.casefold() == want.casefold()
            }
            if not found:
                _problem(file, "--lane", f"no lane named {want!r} in the maps exported")
                return None
            lanes |= found
    return LayoutOptions(
        language=ns.lang,
        lanes=frozenset(lanes) if lanes is not None else None,
        hide_lane_kinds=frozenset(k.strip() for k in ns.hide_lane_kind),
        title_block=not ns.no_title_block,
        legend=not ns.no_legend,
        comments=not ns.no_comments,
    )


def _apply_profile(project: Project, ns: argparse.Namespace) -> bool:
    """Fill the options the user did not type from the named export profile."""
    want = ns.profile
    found = [p for p in project.export_profiles if p.id == want] or [
        p for p in project.export_profiles if p.name.casefold() == want.casefold()
    ]
    if not found:
        names = ", ".join(repr(p.name) for p in project.export_profiles) or "none"
        _problem(ns.file, "--profile", f"no export profile named {want!r} (the profiles: {names})")
        return False
    profile = found[0]
    typed = ns.explicit
    if "--paper" not in typed:
        ns.paper = profile.paper
    if "--orientation" not in typed:
        ns.orientation = profile.orientation
    if "--tile" not in typed and profile.tile:
        ns.tile = profile.tile.lower()
    if "--overlap" not in typed:
        ns.overlap = profile.overlap_mm
    if not ns.tile:
        ns.bleed = ns.bleed or profile.bleed
        ns.crop_marks = ns.crop_marks or profile.crop_marks
    if "--hide-lane-kind" not in typed:
        ns.hide_lane_kind = list(profile.hide_lane_kinds)
    if "--no-comments" not in typed:
        ns.no_comments = not profile.comments
    if "--no-legend" not in typed:
        ns.no_legend = not profile.legend
    ns.profile_logo = profile.logo
    ns.profile_brand = profile.brand_colour
    hidden = set(profile.hidden_lanes)

    def lanes(maps: list[JourneyMap]) -> frozenset[str] | None:
        if not hidden:
            return None
        return frozenset(lane.id for m in maps for lane in m.lanes if lane.id not in hidden)

    ns.profile_lanes = lanes
    return True


def _write_error(output: str, exc: OSError) -> int:
    _problem(output, "$", f"cannot be written: {exc.strerror or exc}")
    return EXIT_BAD_INPUT


# --- pdf -------------------------------------------------------------------------


def _export_pdf(parser: _Parser, ns: argparse.Namespace) -> int:
    from journeydesk.export.pdf import PaperError, PosterOptions, export_pdf, parse_paper

    try:
        parse_paper(ns.paper)
    except PaperError as exc:
        raise UsageError(str(exc)) from None
    if ns.tile and (ns.bleed or ns.crop_marks):
        raise UsageError("--tile cannot be combined with --bleed or --crop-marks")
    project = _load(ns)
    if project is None:
        return EXIT_BAD_INPUT
    maps = _pick_maps(project, ns.map, ns.file, many=True)
    if maps is None:
        return EXIT_BAD_INPUT
    if ns.profile is not None and not _apply_profile(project, ns):
        return EXIT_BAD_INPUT
    layout_options = _layout_options(maps, ns, ns.file)
    if layout_options is None:
        return EXIT_BAD_INPUT
    if ns.profile is not None:
        layout_options = replace(
            layout_options,
            logo=ns.profile_logo,
            brand_colour=ns.profile_brand,
            lanes=ns.profile_lanes(maps) if layout_options.lanes is None else layout_options.lanes,
        )
    options = PosterOptions(
        paper=ns.paper,
        orientation=ns.orientation,
        margin_mm=ns.margin,
        bleed=ns.bleed,
        crop_marks=ns.crop_marks,
        tile=ns.tile,
        overlap_mm=ns.overlap,
        tile_area=ns.tile_area,
        layout_options=layout_options,
        matrix_page=ns.matrix_page,
    )
    try:
        report = export_pdf(project, maps, ns.output, options)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        return _write_error(ns.output, exc)
    for warning in report.warnings:
        _problem(ns.file, "$", f"warning: {warning}")
    return EXIT_OK


# --- png -------------------------------------------------------------------------


def _export_png(parser: _Parser, ns: argparse.Namespace) -> int:
    from journeydesk.export.png import MAX_DPI, MIN_DPI

    if not MIN_DPI <= ns.dpi <= MAX_DPI:
        raise UsageError(f"--dpi must be between {MIN_DPI} and {MAX_DPI}")
    project = _load(ns)
    if project is None:
        return EXIT_BAD_INPUT
    maps = _pick_maps(project, [ns.map] if ns.map else [], ns.file, many=False)
    if maps is None:
        return EXIT_BAD_INPUT
    layout_options = _layout_options(maps, ns, ns.file)
    if layout_options is None:
        return EXIT_BAD_INPUT
    from journeydesk.export.png import PngTooLargeError, export_png

    try:
        report = export_png(project, maps[0], ns.output, ns.dpi, layout_options)
    except PngTooLargeError as exc:
        _problem(ns.file, "--dpi", str(exc))
        return EXIT_BAD_INPUT
    except OSError as exc:
        return _write_error(ns.output, exc)
    for warning in report.warnings:
        _problem(ns.file, "$", f"warning: {warning}")
    return EXIT_OK


# --- slides ------------------------------------------------------------------


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
        "[--lang en|it]",
        description=(
            "Write the map's storyline as a PowerPoint deck: one slide per scene, the slide "
            "image full bleed, the narration as speaker notes."
        ),
    )
    _storyline_args(parser, "OUT")
    parser.add_argument(
        "--matrix-slide", action="store_true", help="end with the map's priority matrix"
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


def main() -> int:  # pragma: no cover - for ``python -m journeydesk.export.cli``
    return run_export(sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["run_export"]
