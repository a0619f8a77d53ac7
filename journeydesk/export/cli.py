"""``journeydesk export pdf|png|svg|html|slides|pptx|video ...``: headless exports.

``run_export(args)`` takes the words after ``export`` and returns the exit
status: 0 success, 1 bad input (unreadable or invalid project file, unknown
map or lane, output that cannot be written or that is the input file), 2
wrong usage. Problems go to stderr one line each, ``FILE: WHERE: WHAT``;
warnings likewise, with ``warning:`` in front of WHAT. ``export pdf``, ``svg`` and ``html`` never
import Qt; the raster exports (png, slides, pptx, video) use QtGui only and switch Qt
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

FORMATS = (
    "pdf", "png", "svg", "html", "slides", "pptx", "video",
    "csv", "xlsx", "mermaid", "backlog", "inventory", "matrix", "persona",
)

USAGE = """\
usage: journeydesk export pdf FILE -o OUT.pdf [--map NAME_OR_ID]... [--paper SIZE]
                          [--orientation auto|landscape|portrait] [--tile A4|A3|letter]
                          [--overlap MM] [--tile-area paper|map] [--margin MM]
                          [--bleed] [--crop-marks]
                          [--lane NAME_OR_ID]... [--hide-lane-kind KIND]...
                          [--no-comments] [--no-legend] [--no-title-block] [--lang en|it]
       journeydesk export png FILE -o OUT.png [--map NAME_OR_ID] [--dpi N] [...]
       journeydesk export svg FILE -o OUT.svg [--map NAME_OR_ID] [...]
       journeydesk export html FILE -o OUT.html [--map NAME_OR_ID]... [--comments]
                [--profile NAME] [--no-storyline] [...]
       journeydesk export slides FILE -o DIR [--map NAME_OR_ID] [--size 1920x1080]
                [--compare | --no-compare] [--lang en|it]
       journeydesk export pptx FILE -o OUT.pptx [--map NAME_OR_ID] [--size 1920x1080]
                [--compare | --no-compare] [--pictures] [--lang en|it]
       journeydesk export video FILE -o OUT.mp4 [--map NAME_OR_ID] [--size 1920x1080]
                [--crossfade SECONDS] [--captions] [--compare | --no-compare] [--lang en|it]
       journeydesk export csv FILE -o OUT.csv [--map NAME_OR_ID] [--delimiter ,|;|tab]
       journeydesk export xlsx FILE -o OUT.xlsx [--map NAME_OR_ID]
       journeydesk export mermaid FILE -o OUT.mmd [--map NAME_OR_ID]
       journeydesk export backlog|inventory FILE -o OUT.csv|OUT.xlsx
       journeydesk export matrix FILE -o OUT.pdf|OUT.png [--x KEY --y KEY] [--map NAME_OR_ID]...
       journeydesk export persona FILE -o OUT.pdf|OUT.png [--persona NAME_OR_ID]... [--dpi N]
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


def _svg_parser() -> _Parser:
    parser = _Parser(
        prog="journeydesk export svg",
        usage="%(prog)s FILE -o OUT.svg [--map NAME_OR_ID] [options]",
        description="Write one map as an SVG file, text as text (default: the first map).",
    )
    _content_options(parser)
    parser.add_argument("--map", metavar="NAME_OR_ID", help="the map (default: the first)")
    return parser


def _html_parser() -> _Parser:
    parser = _Parser(
        prog="journeydesk export html",
        usage="%(prog)s FILE -o OUT.html [--map NAME_OR_ID]... [options]",
        description=(
            "Write the maps (default: every map), the personas and the storylines as one "
            "self-contained HTML file that opens offline in any browser. Comment counts are "
            "left out unless --comments is given."
        ),
    )
    _content_options(parser)
    parser.add_argument(
        "--map", action="append", default=[], metavar="NAME_OR_ID", help="repeat for more"
    )
    parser.add_argument("--comments", action="store_true", help="show comment counts")
    parser.add_argument(
        "--profile",
        metavar="NAME_OR_ID",
        help="apply one of the project's export profiles (lanes, logo, comments)",
    )
    parser.add_argument(
        "--no-storyline", action="store_true", help="leave the storyline slideshows out"
    )
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
    if kind in ("csv", "xlsx", "mermaid"):
        from journeydesk.exchange.cli import run_exchange_export

        return run_exchange_export(kind, rest)
    if kind in ("slides", "pptx", "video"):
        from .cli_storyline import run_storyline_export

        return run_storyline_export(kind, rest)
    if kind in ("backlog", "inventory"):
        from journeydesk.export.decide_cli import run_table_export

        return run_table_export(kind, rest)
    if kind == "matrix":
        from journeydesk.export.decide_cli import run_matrix_export

        return run_matrix_export(rest)
    if kind == "persona":
        from journeydesk.export.persona import run_persona_export

        return run_persona_export(rest)
    parser = {
        "pdf": _pdf_parser,
        "png": _png_parser,
        "svg": _svg_parser,
        "html": _html_parser,
    }[kind]()
    try:
        ns = parser.parse_args(rest)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    # Which options the user typed: a profile fills in only the others.
    ns.explicit = {a.split("=", 1)[0] for a in rest if a.startswith("--")}
    try:
        if kind == "svg":
            return _export_svg(ns)
        if kind == "html":
            return _export_html(ns)
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


def _with_profile(
    layout_options: LayoutOptions, ns: argparse.Namespace, maps: list[JourneyMap]
) -> LayoutOptions:
    """The profile's logo, brand colour and lanes (lanes typed here win)."""
    return replace(
        layout_options,
        logo=ns.profile_logo,
        brand_colour=ns.profile_brand,
        lanes=ns.profile_lanes(maps) if layout_options.lanes is None else layout_options.lanes,
    )


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
        layout_options = _with_profile(layout_options, ns, maps)
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


# --- svg -------------------------------------------------------------------------


def _export_svg(ns: argparse.Namespace) -> int:
    project = _load(ns)
    if project is None:
        return EXIT_BAD_INPUT
    maps = _pick_maps(project, [ns.map] if ns.map else [], ns.file, many=False)
    if maps is None:
        return EXIT_BAD_INPUT
    layout_options = _layout_options(maps, ns, ns.file)
    if layout_options is None:
        return EXIT_BAD_INPUT
    from journeydesk.export.svg import export_svg

    try:
        report = export_svg(project, maps[0], ns.output, layout_options)
    except OSError as exc:
        return _write_error(ns.output, exc)
    for warning in report.warnings:
        _problem(ns.file, "$", f"warning: {warning}")
    return EXIT_OK


# --- html ------------------------------------------------------------------------


def _export_html(ns: argparse.Namespace) -> int:
    project = _load(ns)
    if project is None:
        return EXIT_BAD_INPUT
    maps = _pick_maps(project, ns.map, ns.file, many=True)
    if maps is None:
        return EXIT_BAD_INPUT
    ns.no_comments = not ns.comments
    if ns.profile is not None:
        ns.tile, ns.bleed, ns.crop_marks = None, False, False  # what a profile reads
        if not _apply_profile(project, ns):
            return EXIT_BAD_INPUT
        ns.no_comments = ns.no_comments and not ns.comments
    layout_options = _layout_options(maps, ns, ns.file)
    if layout_options is None:
        return EXIT_BAD_INPUT
    if ns.profile is not None:
        layout_options = _with_profile(layout_options, ns, maps)
    from journeydesk.export.html import export_html

    try:
        report = export_html(
            project, maps, ns.output, layout_options, storyline=not ns.no_storyline
        )
    except OSError as exc:
        return _write_error(ns.output, exc)
    for warning in report.warnings:
        _problem(ns.file, "$", f"warning: {warning}")
    return EXIT_OK


# --- slides ------------------------------------------------------------------


def main() -> int:  # pragma: no cover - for ``python -m journeydesk.export.cli``
    return run_export(sys.argv[1:])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["run_export"]
