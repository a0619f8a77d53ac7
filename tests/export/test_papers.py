"""Paper sizes, orientation, fitting and the tile grid: the arithmetic, no PDF."""

from __future__ import annotations

import math

import pytest

from journeydesk.export.pdf import PaperError, PosterOptions, parse_paper, parse_tile, plan_map
from journeydesk.export.pdf.poster import row_letters
from journeydesk.layout.papers import MM
from journeydesk.layout.primitives import Rect

SIZES_MM = {
    "A0": (841, 1189),
    "A1": (594, 841),
    "A2": (420, 594),
    "A3": (297, 420),
    "A4": (210, 297),
    "letter": (215.9, 279.4),
    "legal": (215.9, 355.6),
    "tabloid": (279.4, 431.8),
    "ansi-c": (431.8, 558.8),
    "ansi-d": (558.8, 863.6),
    "ansi-e": (863.6, 1117.6),
}


@pytest.mark.parametrize("name", sorted(SIZES_MM))
def test_named_sizes_in_points(name: str) -> None:
    w, h = SIZES_MM[name]
    for spelling in (name, name.upper(), name.lower(), f" {name.title()} "):
        paper = parse_paper(spelling)
        assert paper.width == pytest.approx(w * 72 / 25.4, abs=1e-6)
        assert paper.height == pytest.approx(h * 72 / 25.4, abs=1e-6)


def test_letter_is_612_by_792() -> None:
    assert (parse_paper("LETTER").width, parse_paper("letter").height) == (612, 792)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("1189x841mm", (1189, 841)),
        ("1189X841MM", (1189, 841)),
        ("500 x 700 mm", (500, 700)),
        ("100×50mm", (100, 50)),
        ("42x59.4cm", (420, 594)),
        ("10x8in", (254, 203.2)),
    ],
)
def test_custom_sizes(text: str, size: tuple[float, float]) -> None:
    paper = parse_paper(text)
    assert paper.width == pytest.approx(size[0] * MM)
    assert paper.height == pytest.approx(size[1] * MM)


@pytest.mark.parametrize("text", ["B5", "", "A5", "0x100mm", "10x9999mm", "100x100", "ax4mm"])
def test_unknown_sizes_are_refused(text: str) -> None:
    with pytest.raises(PaperError):
        parse_paper(text)


def test_tiles_are_a4_a3_letter_only() -> None:
    assert parse_tile("a4").name == "A4"
    assert parse_tile("Letter").name == "letter"
    with pytest.raises(PaperError):
        parse_tile("A1")


@pytest.mark.parametrize(
    ("width", "height", "orientation", "landscape"),
    [
        (3000, 1500, "auto", True),
        (1500, 3000, "auto", False),
        (3000, 1500, "portrait", False),
        (1500, 3000, "landscape", True),
    ],
)
def test_orientation(width: float, height: float, orientation: str, landscape: bool) -> None:
    plan = plan_map(width, height, PosterOptions(paper="A2", orientation=orientation))  # type: ignore[arg-type]
    assert plan.paper.is_landscape is landscape
    # auto picks the orientation in which the map prints larger
    other = plan_map(
        width,
        height,
        PosterOptions(paper="A2", orientation="portrait" if landscape else "landscape"),
    )
    if orientation == "auto":
        assert plan.scale >= other.scale


def test_fit_with_margins_centred() -> None:
    plan = plan_map(2000, 1000, PosterOptions(paper="A1", margin_mm=12))
    margin = 12 * MM
    r = plan.map_rect
    assert r.x == pytest.approx(margin)  # the width is what limits
    assert r.right == pytest.approx(plan.paper.width - margin)
    assert r.y == pytest.approx(plan.paper.height - r.bottom)  # centred vertically
    assert r.w / r.h == pytest.approx(2.0)
    assert plan.page_width == plan.paper.width and plan.trim.x == 0


def test_bleed_and_crop_mark_geometry() -> None:
    plain = plan_map(2000, 1000, PosterOptions(paper="A1"))
    bleed = plan_map(2000, 1000, PosterOptions(paper="A1", bleed=True))
    marks = plan_map(2000, 1000, PosterOptions(paper="A1", crop_marks=True))
    assert bleed.scale == plain.scale == marks.scale  # the trim is the paper either way
    assert bleed.trim.x == pytest.approx(13 * MM)
    assert bleed.bleed.x == pytest.approx(10 * MM)
    assert bleed.page_width == pytest.approx(plain.paper.width + 26 * MM)
    assert marks.trim.x == pytest.approx(10 * MM)
    assert marks.bleed == marks.trim


def test_tile_grid_a1_on_a4() -> None:
    plan = plan_map(3000, 2000, PosterOptions(paper="A1", tile="A4", overlap_mm=10))
    grid = plan.grid
    assert grid is not None
    poster = plan.paper
    assert poster.is_landscape
    ww, wh = grid.window_size

    # the count the fewer-sheets rule gives, worked out by hand for both orientations
    def count(sheet_w: float, sheet_h: float) -> int:
        cw, ch = sheet_w - 20 * MM, sheet_h - 20 * MM
        cols = math.ceil((poster.width - 10 * MM) / (cw - 10 * MM))
        rows = math.ceil((poster.height - 10 * MM) / (ch - 10 * MM))
        return rows * cols

    a4w, a4h = 210 * MM, 297 * MM
    assert grid.count == min(count(a4w, a4h), count(a4h, a4w)) == 15
    assert (grid.rows, grid.cols) == (3, 5)
    assert (grid.paper.width, grid.paper.height) == pytest.approx((a4w, a4h))
    tiles = {(t.row, t.col): t.window for t in grid.tiles}
    for (r, c), w in tiles.items():
        assert (w.w, w.h) == pytest.approx((ww, wh))
        if (r, c + 1) in tiles:
            assert w.right - tiles[(r, c + 1)].x == pytest.approx(10 * MM)
            assert tiles[(r, c + 1)].y == pytest.approx(w.y)
        if (r + 1, c) in tiles:
            assert w.bottom - tiles[(r + 1, c)].y == pytest.approx(10 * MM)
    # together they cover the poster, with the spare shared evenly
    first, last = tiles[(0, 0)], tiles[(2, 4)]
    assert first.x <= 0 and first.y <= 0
    assert last.right >= poster.width and last.bottom >= poster.height
    assert -first.x == pytest.approx(last.right - poster.width)
    assert [t.label for t in grid.tiles[:6]] == ["A1", "A2", "A3", "A4", "A5", "B1"]
    assert grid.label(grid.tiles[7]) == "B3 of 3×5"
    assert grid.label(grid.tiles[7], "it") == "B3 di 3×5"


def test_small_poster_on_a3_is_one_sheet() -> None:
    plan = plan_map(800, 560, PosterOptions(paper="A4", tile="A3"))
    assert plan.grid is not None and plan.grid.count == 1


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="bleed"):
        plan_map(100, 100, PosterOptions(tile="A4", bleed=True))
    with pytest.raises(ValueError, match="overlap"):
        plan_map(100, 100, PosterOptions(tile="A4", overlap_mm=150))
    with pytest.raises(ValueError):
        plan_map(100, 100, PosterOptions(paper="A4", margin_mm=120))


def test_row_letters() -> None:
    assert [row_letters(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
    ]


def test_tiles_cover_only_the_map_when_asked() -> None:
    # a wide map leaves the top and bottom of an A0 empty
    paper = plan_map(6000, 1800, PosterOptions(paper="A0", tile="A3"))
    crop = plan_map(6000, 1800, PosterOptions(paper="A0", tile="A3", tile_area="map"))
    assert paper.grid is not None and crop.grid is not None
    assert crop.scale == paper.scale
    assert paper.grid.area == Rect(0, 0, paper.paper.width, paper.paper.height)
    assert crop.grid.area == crop.map_rect.adjusted(-12 * MM, -12 * MM, 12 * MM, 12 * MM)
    assert crop.grid.count < paper.grid.count
    first, last = crop.grid.tiles[0].window, crop.grid.tiles[-1].window
    assert first.x <= crop.grid.area.x and first.y <= crop.grid.area.y
    assert last.right >= crop.grid.area.right and last.bottom >= crop.grid.area.bottom
