"""The priority matrix layout: dots where the scores put them, spread apart,
labels that overlap nothing, quadrant names in both languages, unscored listed."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk.layout import matrix as matrix_module
from journeydesk.layout.matrix import LABEL_AREA, PLOT, matrix_layout
from journeydesk.layout.primitives import Rect, Text
from journeydesk.model.project import Card, JourneyMap, Lane, Project, Stage, Step


def project_with(scores: list[dict[str, float]], evidence: int = 0) -> Project:
    step = Step(name="S")
    lane = Lane(name="L", kind="opportunities")
    cards = [
        Card(step=step.id, lane=lane.id, kind="opportunity", title=f"Idea {i}", scores=s, order=i)
        for i, s in enumerate(scores)
    ]
    jmap = JourneyMap(name="M", stages=[Stage(name="St", steps=[step])], lanes=[lane], cards=cards)
    return Project(title="P", maps=[jmap])


def texts(matrix) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        line
        for item in matrix.layout.items
        for p in item.primitives
        if isinstance(p, Text)
        for line in p.lines
    ]


def test_dots_sit_where_their_scores_put_them() -> None:
    m = matrix_layout(project_with([{"impact": 5, "effort": 1}, {"impact": 1, "effort": 5}]))
    quick, pit = m.dots
    assert quick.x < PLOT.x + PLOT.w / 2 and quick.y < PLOT.y + PLOT.h / 2  # top left
    assert pit.x > PLOT.x + PLOT.w / 2 and pit.y > PLOT.y + PLOT.h / 2  # bottom right
    assert m.scores_at(quick.x, quick.y) == pytest.approx((1, 5))
    assert m.scores_at(pit.x, pit.y) == pytest.approx((5, 1))


def test_unscored_are_listed_not_plotted() -> None:
    m = matrix_layout(project_with([{"impact": 3}, {}, {"impact": 2, "effort": 2}]))
    assert [d.title for d in m.dots] == ["Idea 2"]
    assert m.unscored == ["Idea 0", "Idea 1"]
    assert "• Idea 0" in texts(m) and "• Idea 1" in texts(m)


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("en", ["Quick wins", "Big bets", "Fill-ins", "Money pits"]),
        ("it", ["Risultati rapidi", "Grandi scommesse", "Riempitivi", "Pozzi senza fondo"]),
    ],
)
def test_quadrant_names_in_both_languages(lang: str, names: list[str]) -> None:
    drawn = texts(matrix_layout(project_with([{"impact": 3, "effort": 3}]), language=lang))
    assert all(n in drawn for n in names)
    # other axes: no quadrant names (they would lie)
    other = texts(matrix_layout(project_with([]), x_key="impact", y_key="effort", language=lang))
    assert not any(n in other for n in names)


def _check_apart(m) -> None:  # type: ignore[no-untyped-def]
    for a, b in itertools.combinations(m.dots, 2):
        assert ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 >= a.radius + b.radius
        assert not a.label.intersects(b.label), (a.title, b.title)
    for d in m.dots:
        for other in m.dots:
            r = other.radius
            dot = type(d.label)(other.x - r, other.y - r, 2 * r, 2 * r)
            assert not d.label.intersects(dot)


def test_equal_scores_spread_apart_and_every_dot_is_labelled() -> None:
    m = matrix_layout(project_with([{"impact": 4, "effort": 2}] * 12))
    assert len(m.dots) == 12
    _check_apart(m)
    drawn = texts(m)
    assert all(f"Idea {i}" in drawn for i in range(12))
    assert all(LABEL_AREA.x <= d.label.x and d.label.right <= LABEL_AREA.right for d in m.dots)


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=1, max_size=25))
def test_labels_never_overlap(pairs: list[tuple[int, int]]) -> None:
    m = matrix_layout(project_with([{"impact": i, "effort": e} for i, e in pairs]))
    assert len(m.dots) == len(pairs)
    _check_apart(m)


class _EveryRect:
    """The walk of every placed rectangle that the spatial index replaced."""

    def __init__(self, cell: float = 0.0) -> None:
        self.rects: list[Rect] = []

    def add_rect(self, rect: Rect) -> None:
        self.rects.append(rect)

    def is_free(self, rect: Rect) -> bool:
        return not any(rect.intersects(t) for t in self.rects)


def test_labels_through_the_index_match_a_walk_of_every_label(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 150 dots on a 4x4 grid of scores: crowded, labels go out in rings
    scores = [{"impact": i % 4 + 1, "effort": (i // 4) % 4 + 1} for i in range(150)]
    project = project_with(scores)
    indexed = [d.label for d in matrix_layout(project).dots]
    monkeypatch.setattr(matrix_module, "FreeSpace", _EveryRect)
    walked = [d.label for d in matrix_layout(project).dots]
    assert indexed == walked
    assert len(set(indexed)) == len(indexed)


def _spread_every_pair(points: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """The spreading the grid replaced: every pair looked at in every pass."""
    import math

    pos = [[x, y] for x, y, _ in points]
    radii = [r for _, _, r in points]
    groups: dict[tuple[float, float], list[int]] = {}
    for i, (x, y, _) in enumerate(points):
        groups.setdefault((round(x, 3), round(y, 3)), []).append(i)
    for members in groups.values():
        for k, i in enumerate(members[1:], start=1):
            angle = k * 2.39996
            dist = (radii[i] + 2) * 1.6 * math.sqrt(k)
            pos[i][0] += dist * math.cos(angle)
            pos[i][1] += dist * math.sin(angle)
    for _ in range(200):
        moved = False
        for i in range(len(pos)):
            for j in range(i + 1, len(pos)):
                dx, dy = pos[j][0] - pos[i][0], pos[j][1] - pos[i][1]
                need = radii[i] + radii[j] + 1.5
                dist = math.hypot(dx, dy)
                if dist >= need:
                    continue
                if dist < 1e-6:
                    dx, dy, dist = 1.0, 0.0, 1.0
                push = (need - dist) / 2 + 0.01
                ux, uy = dx / dist, dy / dist
                pos[i][0] -= ux * push
                pos[i][1] -= uy * push
                pos[j][0] += ux * push
                pos[j][1] += uy * push
                moved = True
        if not moved:
            break
    return [(x, y) for x, y in pos]


def _overlaps(points: list[tuple[float, float, float]], pos: list[tuple[float, float]]) -> int:
    return sum(
        1
        for i, j in itertools.combinations(range(len(pos)), 2)
        if math.dist(pos[i], pos[j]) < points[i][2] + points[j][2] + 1.5 - 1e-9
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 12), st.sampled_from([4.0, 5.0, 7.0])),
        min_size=1,
        max_size=60,
    ),
    st.sampled_from([6.0, 12.0, 30.0]),
)
def test_the_grid_spreads_dots_as_every_pair_did(
    cells: list[tuple[int, int, float]], step: float
) -> None:
    """Where the passes end, no two dots overlap, as with every pair looked at;
    and where no push brings a pair together within a pass (nearly always) the
    places are the very same floats."""
    points = [(x * step, y * step, r) for x, y, r in cells]
    grid = matrix_module._spread(points)
    every = _spread_every_pair(points)
    assert len(grid) == len(points)
    if _overlaps(points, every) == 0:
        assert _overlaps(points, grid) == 0
    same = sum(a == b for a, b in zip(grid, every, strict=True))
    assert same == len(points) or len(points) > 20  # small crowds: identical


def test_thousands_of_dots_spread_in_a_grid_not_by_every_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """4,400 scored cards (a 20,000-card map) took 28 s when every pair was looked at."""
    import random

    rng = random.Random(3)
    points = [(rng.randint(0, 10) * 50.0, rng.randint(0, 10) * 50.0, 5.0) for _ in range(400)]
    calls = 0
    real_hypot = math.hypot

    def counted(*args: float) -> float:
        nonlocal calls
        calls += 1
        return real_hypot(*args)

    monkeypatch.setattr(matrix_module.math, "hypot", counted)
    matrix_module._spread(points)
    monkeypatch.undo()
    passes_of_every_pair = len(points) * (len(points) - 1) // 2
    assert calls < passes_of_every_pair  # fewer tests in all than one pass of every pair
