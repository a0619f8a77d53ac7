"""The emotion words' places are tested as plain (x, y, w, h) boxes
(``FreeSpace.is_free_box``, ``curves._spots``), made ``Rect``s only where a word
goes: the same answers as a walk of everything in the index and as the places
``Rect`` by ``Rect`` (kept below as the reference), and the same words placed on
generated maps as the ``Rect`` route through the same code."""

from __future__ import annotations

import itertools
import random

import pytest

from journeydesk.layout import curves
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.placement import FreeSpace, segment_hits_rect
from journeydesk.layout.primitives import Rect


def _walked_free(
    rects: list[Rect],
    lines: list[list[tuple[float, float]]],
    pad: float,
    box: tuple[float, float, float, float],
) -> bool:
    """``is_free`` by a walk of every rectangle and segment (no grid)."""
    left, top, w, h = box
    right, bottom = left + w, top + h
    if any(r.x < right and r.x + r.w > left and r.y < bottom and r.y + r.h > top for r in rects):
        return False
    wide = Rect(left - pad, top - pad, right + pad - (left - pad), bottom + pad - (top - pad))
    return not any(
        segment_hits_rect(a, b, wide) for line in lines for a, b in itertools.pairwise(line)
    )


@pytest.mark.parametrize("seed", range(8))
def test_is_free_box_answers_as_a_walk_of_everything(seed: int) -> None:
    rng = random.Random(seed)
    pad = rng.choice([0.0, 1.5])
    space = FreeSpace(cell=rng.choice([10.0, 37.5, 64.0]), line_pad=pad)
    rects = [
        Rect(rng.uniform(0, 500), rng.uniform(0, 300), rng.uniform(1, 40), rng.uniform(1, 20))
        for _ in range(60)
    ]
    lines = [
        [(rng.uniform(0, 500), rng.uniform(0, 300)) for _ in range(rng.randrange(2, 12))]
        for _ in range(4)
    ]
    for r in rects:
        space.add_rect(r)
    for line in lines:
        space.add_polyline(line)
    answers = {True: 0, False: 0}
    for _ in range(400):
        box = (rng.uniform(-20, 520), rng.uniform(-20, 320), rng.uniform(1, 60), rng.uniform(1, 25))
        expected = _walked_free(rects, lines, pad, box)
        assert space.is_free_box(*box) is expected
        assert space.is_free(Rect(*box)) is expected
        answers[expected] += 1
    assert answers[True] > 20 and answers[False] > 20


def _reference_spots(
    x: float, y: float, r: float, tw: float, lh: float, above: bool, lane: Rect
) -> list[Rect]:
    """The places as ``Rect``s, kept to the lane by their edges (before #14 round 5)."""
    w = tw + 2
    up = (y - r - 2 - lh, y - r - 2 - 2 * lh)
    down = (y + r + 2, y + r + 2 + lh)
    first, second = (up, down) if above else (down, up)
    out = [Rect(x - w / 2, top, w, lh) for pair in zip(first, second, strict=True) for top in pair]
    out += [Rect(x + r + 3, y - lh / 2, w, lh), Rect(x - r - 3 - w, y - lh / 2, w, lh)]
    return [
        rect
        for rect in out
        if rect.y >= lane.y
        and rect.bottom <= lane.bottom
        and rect.x >= lane.x
        and rect.right <= lane.right
    ]


def test_spots_are_the_reference_places() -> None:
    rng = random.Random(5)
    lane = Rect(100.0, 200.0, 3_000.0, 140.0)
    kept = 0
    for _ in range(2_000):
        args = (
            rng.uniform(50, 3_200),
            rng.uniform(150, 400),
            rng.choice([3.0, 4.5]),
            rng.uniform(5, 120),
            rng.choice([9.6, 12.0, 14.4]),
            rng.random() < 0.5,
        )
        got = [Rect(*box) for box in curves._spots(*args, lane)]
        assert got == _reference_spots(*args, lane)
        kept += len(got)
    assert 0 < kept < 12_000  # some places fall outside the lane, some inside


def _walked_is_free_box(space: FreeSpace, x: float, y: float, w: float, h: float) -> bool:
    """``is_free_box`` by a walk of everything in the index, cell by cell ignored."""
    rects = [
        Rect(b[0], b[1], b[2] - b[0], b[3] - b[1]) for cell in space._rects.values() for b in cell
    ]
    lines = [[(s[4], s[5]), (s[6], s[7])] for s in space.pieces()]
    return _walked_free(rects, lines, space._pad, (x, y, w, h))


@pytest.mark.parametrize("seed", range(6))
def test_curves_pieces_in_runs_answer_as_a_walk(seed: int) -> None:
    """Polylines as curves make them (many short pieces left to right, some
    steep, a few longer than a cell, and one drawn right to left): the pieces
    kept in sorted runs answer as a walk of every piece, and every piece is in
    the index once."""
    rng = random.Random(100 + seed)
    cell = rng.choice([16.0, 37.5, 75.0])
    space = FreeSpace(cell=cell, line_pad=1.5)
    lines = []
    for n in range(3):
        x = rng.uniform(0, 50)
        line = []
        for _ in range(rng.randrange(20, 200)):
            x += rng.choice([0.0, rng.uniform(0, cell / 4), rng.uniform(0, 3 * cell)])
            line.append((x, rng.uniform(0, 120)))
        lines.append(line[::-1] if n == 2 else line)
    for line in lines:
        space.add_polyline(line)
    assert sorted(space.pieces()) == sorted(
        (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]), *a, *b)
        for line in lines
        for a, b in itertools.pairwise(line)
    )
    right = max(x for line in lines for x, _ in line)
    answers = {True: 0, False: 0}
    for _ in range(500):
        box = (rng.uniform(-20, right + 20), rng.uniform(-20, 140), rng.uniform(1, 80), 9.0)
        expected = _walked_free([], lines, 1.5, box)
        assert space.is_free_box(*box) is expected
        answers[expected] += 1
    assert answers[True] > 20 and answers[False] > 20


@pytest.mark.parametrize("shape", ["current", "dense"])
def test_words_placed_as_by_the_reference(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same words in the same boxes, and the same ones left out, when the
    places are the reference ``Rect``s and the index is replaced by a walk of
    everything in it, on a generated map."""
    from bench_shapes import make_shape

    project = make_shape(shape, 300)
    jmap = project.maps[0]

    def words(layout) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
        return [
            (i.kind, i.element, i.bounds, i.primitives)
            for i in layout.items
            if i.kind == "curve_point"
        ]

    ours = MapLayouter().layout(project, jmap)
    monkeypatch.setattr(FreeSpace, "is_free_box", _walked_is_free_box)
    monkeypatch.setattr(
        curves, "_spots", lambda *a: [(r.x, r.y, r.w, r.h) for r in _reference_spots(*a)]
    )
    theirs = MapLayouter().layout(project, jmap)
    assert words(ours) and words(ours) == words(theirs)
    assert [o.element for o in ours.overflows] == [o.element for o in theirs.overflows]


def _grid_add_polyline(space: FreeSpace, points: list[tuple[float, float]]) -> None:
    """Every piece in each cell it touches (``add_polyline`` before the runs)."""
    c = space._cell
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        x1, x2 = (ax, bx) if ax <= bx else (bx, ax)
        y1, y2 = (ay, by) if ay <= by else (by, ay)
        entry = (x1, y1, x2, y2, ax, ay, bx, by)
        for i in range(int(x1 // c), int(x2 // c) + 1):
            for j in range(int(y1 // c), int(y2 // c) + 1):
                space._segments.setdefault((i, j), []).append(entry)


@pytest.mark.parametrize("shape", ["current", "dense", "wide"])
def test_words_placed_as_with_every_piece_in_the_grid(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same words in the same boxes, and the same overflows, when the curves'
    pieces go in the grid's cells as before the sorted runs (wide: 1,800 points)."""
    from bench_shapes import make_shape

    project = make_shape(shape, 600)
    jmap = project.maps[0]

    def words(layout) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
        return [
            (i.kind, i.element, i.bounds, i.primitives)
            for i in layout.items
            if i.kind == "curve_point"
        ]

    ours = MapLayouter().layout(project, jmap)
    monkeypatch.setattr(FreeSpace, "add_polyline", _grid_add_polyline)
    theirs = MapLayouter().layout(project, jmap)
    assert len(words(ours)) > 10 and words(ours) == words(theirs)
    assert ours.overflows == theirs.overflows


def _formula_polyline(ops: list[tuple[object, ...]], steps: int = 8) -> list[tuple[float, float]]:
    """Each cubic's points by the formula, term by term (before #14 round 5)."""
    out: list[tuple[float, float]] = []
    for op in ops:
        if op[0] in ("M", "L"):
            out.append((float(op[1]), float(op[2])))  # type: ignore[arg-type]
        elif op[0] == "C" and out:
            x0, y0 = out[-1]
            x1, y1, x2, y2, x3, y3 = op[1:]  # type: ignore[misc]
            for i in range(1, steps + 1):
                t = i / steps
                u = 1 - t
                out.append(
                    (
                        u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
                        u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
                    )
                )
    return out


def test_path_polyline_gives_the_formulas_floats() -> None:
    from journeydesk.layout.placement import path_polyline

    rng = random.Random(3)
    ops: list[tuple[object, ...]] = [("M", rng.uniform(-1e3, 1e3), rng.uniform(-1e3, 1e3))]
    for _ in range(500):
        if rng.random() < 0.2:
            ops.append(("L", rng.uniform(-1e3, 1e3), rng.uniform(-1e3, 1e3)))
        else:
            ops.append(("C", *(rng.uniform(-1e4, 1e4) for _ in range(6))))
    for steps in (8, 3):
        assert path_polyline(ops, steps) == _formula_polyline(ops, steps)  # type: ignore[arg-type]
