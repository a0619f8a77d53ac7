"""The page plan and sheet chrome as plain data (layout.page, layout.sheet)."""

from __future__ import annotations

import math

import pytest

from journeydesk.layout.page import PosterOptions, plan_map
from journeydesk.layout.papers import MM
from journeydesk.layout.primitives import REGISTRATION, Line, Path, Primitive, Text
from journeydesk.layout.sheet import poster_chrome, sheet_chrome


def _points(prim: Primitive) -> list[tuple[float, float]]:
    if isinstance(prim, Line):
        return list(prim.points)
    if isinstance(prim, Path):
        return [(op[1], op[2]) for op in prim.ops if op[0] in ("M", "L")]
    assert isinstance(prim, Text)
    a = math.radians(prim.rotation)
    cos, sin = math.cos(a), math.sin(a)
    corners = [(0.0, 0.0), (prim.width, 0.0), (0.0, prim.height), (prim.width, prim.height)]
    return [(prim.x + u * cos - v * sin, prim.y + u * sin + v * cos) for u, v in corners]


@pytest.mark.parametrize("paper,tile", [("A2", "A4"), ("A0", "A3"), ("A1", "letter")])
def test_sheet_chrome_stays_in_the_margin(paper: str, tile: str) -> None:
    plan = plan_map(3000, 1400, PosterOptions(paper=paper, tile=tile))
    grid = plan.grid
    assert grid is not None
    m = grid.margin
    ww, wh = grid.window_size
    for t in grid.tiles:
        prims = sheet_chrome(plan, t, "Map", 2, "en")
        assert prims
        for prim in prims:
            for x, y in _points(prim):
                assert -0.01 <= x <= grid.paper.width + 0.01
                assert -0.01 <= y <= grid.paper.height + 0.01
                inside = m + 0.01 < x < m + ww - 0.01 and m + 0.01 < y < m + wh - 0.01
                assert not inside, f"{t.label}: {prim} reaches into the picture"


def test_neighbour_labels_name_the_neighbours_and_read_along_the_edge() -> None:
    plan = plan_map(3000, 2400, PosterOptions(paper="A1", tile="A4"))
    grid = plan.grid
    assert grid is not None and grid.rows >= 3 and grid.cols >= 3
    middle = grid.tile_at(1, 1)
    assert middle is not None
    texts = [p for p in sheet_chrome(plan, middle, "Map", 2, "it") if isinstance(p, Text)]
    by_label = {p.lines[0]: p for p in texts}
    for dr, dc, rotation in ((-1, 0, 0.0), (1, 0, 0.0), (0, -1, -90.0), (0, 1, 90.0)):
        other = grid.tile_at(1 + dr, 1 + dc)
        assert other is not None
        assert by_label[other.label].rotation == rotation
    assert any(p.lines[0].startswith(f"{middle.label} di ") for p in texts)  # Italian
    corner = grid.tiles[0]
    names = {p.lines[0] for p in sheet_chrome(plan, corner, "Map", 2, "en") if isinstance(p, Text)}
    assert len(names) == 2 + 2  # its label, the info line, two neighbours


def test_crop_marks_start_outside_the_bleed() -> None:
    plan = plan_map(2000, 1000, PosterOptions(paper="A3", bleed=True))
    prims = poster_chrome(plan, "Map", 1, "en")
    lines = [p for p in prims if isinstance(p, Line)]
    assert len(lines) == 8 and all(p.stroke == REGISTRATION for p in lines)
    b = plan.bleed
    for line in lines:
        for x, y in line.points:
            outside = x <= b.x + 1e-6 or x >= b.right - 1e-6 or y <= b.y + 1e-6 or y >= b.bottom
            assert outside
    note = [p for p in prims if isinstance(p, Text)]
    assert len(note) == 1 and "bleed 3 mm" in note[0].lines[0]
    assert note[0].y > plan.bleed.bottom  # in the slug below the trim
    assert poster_chrome(plan_map(2000, 1000, PosterOptions(paper="A3")), "Map", 1, "en") == []
    assert plan.trim.x == pytest.approx((3 + 10) * MM)


def test_the_overview_frames_every_sheet_on_its_page() -> None:
    from journeydesk.layout.primitives import Box
    from journeydesk.layout.sheet import overview

    plan = plan_map(3000, 1400, PosterOptions(paper="A1", tile="A4", tile_area="map"))
    grid = plan.grid
    assert grid is not None
    view = overview(plan, "Map", "en")
    frames = [p for p in view.chrome if isinstance(p, Box) and p.dash]
    assert len(frames) == grid.count
    labels = {p.lines[0] for p in view.chrome if isinstance(p, Text)}
    assert {t.label for t in grid.tiles} <= labels
    assert any("cropped to the map" in line for line in labels)
    for prim in view.chrome:
        for x, y in (
            _points(prim)
            if not isinstance(prim, Box)
            else [(prim.rect.x, prim.rect.y), (prim.rect.right, prim.rect.bottom)]
        ):
            assert 0 <= x <= view.page.width and 0 <= y <= view.page.height
    # the first sheet's frame is where the poster's scale and origin put its window
    w = grid.tiles[0].window
    ox, oy = view.origin
    assert frames[0].rect.x == pytest.approx(ox + w.x * view.scale)
    assert frames[0].rect.y == pytest.approx(oy + w.y * view.scale)
