"""The priority matrix as drawing primitives: any two scores against each other
(impact over effort by default), a dot per scored card, its label placed where
it overlaps no other label or dot, quadrant names in the content language, and
the cards that lack either score listed beside it instead of plotted.

Qt-free like the rest of the layout: the PDF and PNG exports and the app draw
the same ``MapLayout``. Dots are ``Item``s with ``kind="matrix_dot"`` and the
card's id, so the app can hit-test and drag them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from journeydesk.model.catalogue import DECIDE_WORDS, MAP_LABELS, translate
from journeydesk.model.decide import backlog_rows
from journeydesk.model.project import Project, ScoreDefinition

from .fonts import Face, metrics
from .placement import FreeSpace
from .primitives import Box, Item, Line, MapLayout, Primitive, Rect, Text
from .text import one_line

ColourBy = Literal["stage", "status"]

PALETTE = (
    "#2F6FB3", "#B35A2F", "#2F8F6F", "#8F2F6F", "#6F8F2F",
    "#5B4BB7", "#B38F2F", "#2F8FB3", "#8F2F2F", "#4F4F4F",
)  # fmt: skip

WIDTH, HEIGHT = 842.0, 595.0
"""A4 landscape, in points: the matrix is a page of its own."""
MARGIN = 36.0
PLOT = Rect(MARGIN + 30, MARGIN + 40, 520, 470)
SIDE_X = PLOT.right + 24
LABEL_AREA = Rect(PLOT.x + 1, PLOT.y - 24, SIDE_X - 6 - PLOT.x - 1, PLOT.h + 24 - 1)
"""Where dot labels may go: over the plot, and a little above it."""
LABEL_SIZE = 7.5
LABEL_WIDTH = 110.0
INK = "#222222"
MUTED = "#777777"
QUADRANT_FILLS = ("#EAF5EA", "#EAF0FA", "#F6F6F6", "#FBEAEA")


@dataclass(frozen=True)
class MatrixDot:
    card_id: str
    map_id: str
    title: str
    x: float
    y: float
    """Centre, in points, after spreading."""
    radius: float
    colour: str
    label: Rect
    """Where its label is drawn."""


@dataclass
class Matrix:
    layout: MapLayout
    dots: list[MatrixDot]
    unscored: list[str]
    x_key: str
    y_key: str
    x_def: ScoreDefinition
    y_def: ScoreDefinition

    def scores_at(self, px: float, py: float) -> tuple[float, float]:
        """The two scores a point of the plot stands for (dragging a dot)."""
        return _unscale(px, py, self.x_def, self.y_def)


def _scale(vx: float, vy: float, xd: ScoreDefinition, yd: ScoreDefinition) -> tuple[float, float]:
    pad = 18.0
    fx = (min(max(vx, xd.min), xd.max) - xd.min) / (xd.max - xd.min)
    fy = (min(max(vy, yd.min), yd.max) - yd.min) / (yd.max - yd.min)
    return (
        PLOT.x + pad + fx * (PLOT.w - 2 * pad),
        PLOT.bottom - pad - fy * (PLOT.h - 2 * pad),
    )


def _unscale(px: float, py: float, xd: ScoreDefinition, yd: ScoreDefinition) -> tuple[float, float]:
    pad = 18.0
    fx = (px - PLOT.x - pad) / (PLOT.w - 2 * pad)
    fy = (PLOT.bottom - pad - py) / (PLOT.h - 2 * pad)
    fx, fy = min(max(fx, 0.0), 1.0), min(max(fy, 0.0), 1.0)
    return xd.min + fx * (xd.max - xd.min), yd.min + fy * (yd.max - yd.min)


def _score_label(project: Project, key: str, language: str) -> str:
    d = project.scores().get(key)
    base = language.split("-", 1)[0]
    if d is not None and d.label:
        return d.label.get(language) or d.label.get(base) or d.label.get("en") or key
    return key


def _spread(points: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """Push dots (x, y, r) apart until none overlaps another: equal scores make
    a small flower around their point instead of one dot hiding the others."""
    pos = [[x, y] for x, y, _ in points]
    radii = [r for _, _, r in points]
    # identical positions first: a golden-angle spiral around the shared point
    groups: dict[tuple[float, float], list[int]] = {}
    for i, (x, y, _) in enumerate(points):
        groups.setdefault((round(x, 3), round(y, 3)), []).append(i)
    for members in groups.values():
        for k, i in enumerate(members[1:], start=1):
            angle = k * 2.39996
            dist = (radii[i] + 2) * 1.6 * math.sqrt(k)
            pos[i][0] += dist * math.cos(angle)
            pos[i][1] += dist * math.sin(angle)
    # Then pairs that overlap are pushed apart, in index order, until none do.
    # Only neighbours are looked at: two dots overlap only within ``cell`` of each
    # other, so each dot is filed in a grid of that size and a dot's candidates
    # are the dots filed in the 3 x 3 cells around it (issue #14: 4,400 dots
    # were 10 million pairs per pass, 28 s). A pair brought together by a push
    # later in the same pass is found in the next one; the passes end when one
    # moves nothing, and then no two dots overlap.
    cell = 2 * max(radii, default=0.0) + 1.5
    grid: dict[tuple[int, int], set[int]] = {}
    home: list[tuple[int, int]] = []
    for i, (x, y) in enumerate(pos):
        key = (math.floor(x / cell), math.floor(y / cell))
        home.append(key)
        grid.setdefault(key, set()).add(i)

    def refile(k: int) -> None:
        key = (math.floor(pos[k][0] / cell), math.floor(pos[k][1] / cell))
        if key != home[k]:
            grid[home[k]].discard(k)
            grid.setdefault(key, set()).add(k)
            home[k] = key

    for _ in range(200):
        moved = False
        for i in range(len(pos)):
            ci, cj = home[i]
            near = sorted(
                j
                for a in (ci - 1, ci, ci + 1)
                for b in (cj - 1, cj, cj + 1)
                for j in grid.get((a, b), ())
                if j > i
            )
            for j in near:
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
                refile(j)
                moved = True
            refile(i)
        if not moved:
            break
    return [(x, y) for x, y in pos]


def _place_label(
    x: float, y: float, r: float, w: float, h: float, taken: FreeSpace, bounds: Rect
) -> Rect:
    """The first of the places around the dot where the label overlaps nothing
    placed before; further out in rings when all are taken. ``taken`` is a
    spatial index: a look at the neighbours, not at every label (issue #14:
    1,100 dots took 24 million rectangle tests, 5 s of opening a big map)."""
    for ring in range(0, 40):
        d = r + 2 + ring * (h + 1)
        candidates = (
            Rect(x + d, y - h / 2, w, h),
            Rect(x - d - w, y - h / 2, w, h),
            Rect(x - w / 2, y - d - h, w, h),
            Rect(x - w / 2, y + d, w, h),
            Rect(x + d, y - d - h, w, h),
            Rect(x + d, y + d, w, h),
            Rect(x - d - w, y - d - h, w, h),
            Rect(x - d - w, y + d, w, h),
        )
        for rect in candidates:
            if (
                rect.x >= bounds.x
                and rect.right <= bounds.right
                and rect.y >= bounds.y
                and rect.bottom <= bounds.bottom
                and taken.is_free(rect)
            ):
                return rect
    return Rect(x + r + 2, y - h / 2, w, h)


def matrix_layout(
    project: Project,
    x_key: str = "effort",
    y_key: str = "impact",
    colour_by: ColourBy = "stage",
    language: str | None = None,
    map_ids: set[str] | None = None,
) -> Matrix:
    """The matrix of every opportunity and pain point (of ``map_ids``' maps, or all)."""
    lang = language or project.language
    defs = project.scores()
    xd = defs.get(x_key) or ScoreDefinition(key=x_key, min=0, max=10)
    yd = defs.get(y_key) or ScoreDefinition(key=y_key, min=0, max=10)
    rows = [r for r in backlog_rows(project) if map_ids is None or r.map_id in map_ids]
    scored = [r for r in rows if x_key in r.scores and y_key in r.scores]
    unscored = [r.title for r in rows if not (x_key in r.scores and y_key in r.scores)]

    regular = metrics(Face.REGULAR)
    prims: list[Primitive] = []
    items: list[Item] = []

    title = translate(DECIDE_WORDS["matrix"], lang)
    if project.title:
        title = f"{title} — {project.title}"
    line, _ = one_line(title, Face.BOLD, 16, WIDTH - 2 * MARGIN)
    prims.append(Text(MARGIN, MARGIN, WIDTH - 2 * MARGIN, (line,), Face.BOLD, 16, INK, 20))

    # quadrants: high y is good, high x is costly (impact over effort)
    half_w, half_h = PLOT.w / 2, PLOT.h / 2
    quads = (
        ("quick_wins", Rect(PLOT.x, PLOT.y, half_w, half_h)),
        ("big_bets", Rect(PLOT.x + half_w, PLOT.y, half_w, half_h)),
        ("fill_ins", Rect(PLOT.x, PLOT.y + half_h, half_w, half_h)),
        ("money_pits", Rect(PLOT.x + half_w, PLOT.y + half_h, half_w, half_h)),
    )
    named = (x_key, y_key) == ("effort", "impact")
    name_rects: list[Rect] = []
    for (key, rect), fill in zip(quads, QUADRANT_FILLS, strict=True):
        prims.append(Box(rect, fill=fill, stroke="#CCCCCC", stroke_width=0.5))
        if named:
            name = translate(DECIDE_WORDS[key], lang)
            w = metrics(Face.BOLD).width(name, 10) + 2
            left = rect.x == PLOT.x
            x = rect.x + 6 if left else rect.right - 6 - w
            prims.append(Text(x, rect.y + 5, w, (name,), Face.BOLD, 10, MUTED, 12))
            name_rects.append(Rect(x, rect.y + 5, w, 12))
    prims.append(Line(((PLOT.x, PLOT.bottom), (PLOT.right, PLOT.bottom)), INK, 1.0, arrow=True))
    prims.append(Line(((PLOT.x, PLOT.bottom), (PLOT.x, PLOT.y)), INK, 1.0, arrow=True))
    x_name = f"{_score_label(project, x_key, lang)} ({xd.min:g}–{xd.max:g})"
    y_name = f"{_score_label(project, y_key, lang)} ({yd.min:g}–{yd.max:g})"
    prims.append(
        Text(PLOT.x, PLOT.bottom + 6, PLOT.w, (x_name,), Face.REGULAR, 9, INK, 11, align="right")
    )
    prims.append(
        Text(
            PLOT.x - 22,
            PLOT.bottom,
            PLOT.h,
            (y_name,),
            Face.REGULAR,
            9,
            INK,
            11,
            align="right",
            rotation=-90.0,
        )
    )
    items.append(Item("matrix_chrome", None, Rect(0, 0, WIDTH, HEIGHT), 0, prims))

    # colours
    groups: list[str] = []
    for r in scored:
        g = r.stage if colour_by == "stage" else (r.status or "—")
        if g not in groups:
            groups.append(g)
    colour_of = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}

    raw = []
    for r in scored:
        px, py = _scale(r.scores[x_key], r.scores[y_key], xd, yd)
        raw.append((px, py, 3.5 + 2.0 * math.sqrt(min(r.evidence, 25))))
    centres = _spread(raw)
    taken = FreeSpace(cell=32.0)
    for rect in name_rects:
        taken.add_rect(rect)
    for (x, y), (_, _, rad) in zip(centres, raw, strict=True):
        taken.add_rect(Rect(x - rad, y - rad, 2 * rad, 2 * rad))
    dots: list[MatrixDot] = []
    lh = LABEL_SIZE * 1.2
    for r, (x, y), (_, _, rad) in zip(scored, centres, raw, strict=True):
        text, _ = one_line(r.title or "—", Face.REGULAR, LABEL_SIZE, LABEL_WIDTH)
        w = regular.width(text, LABEL_SIZE) + 1
        label = _place_label(x, y, rad, w, lh, taken, LABEL_AREA)
        taken.add_rect(label)
        colour = colour_of[r.stage if colour_by == "stage" else (r.status or "—")]
        dot_rect = Rect(x - rad, y - rad, 2 * rad, 2 * rad)
        dot_prims: list[Primitive] = [
            Box(dot_rect, fill=colour, stroke="#FFFFFF", stroke_width=0.75, radius=rad),
            Text(label.x, label.y, label.w, (text,), Face.REGULAR, LABEL_SIZE, INK, lh),
        ]
        items.append(Item("matrix_dot", r.card_id, dot_rect.united(label), 10, dot_prims))
        dots.append(MatrixDot(r.card_id, r.map_id, r.title, x, y, rad, colour, label))

    # beside the plot: the legend, then the cards not plotted
    side: list[Primitive] = []
    y = PLOT.y
    legend = translate(MAP_LABELS["legend"], lang)
    side.append(Text(SIDE_X, y, 200, (legend,), Face.BOLD, 9, INK, 12))
    y += 14
    for g in groups[:12]:
        side.append(Box(Rect(SIDE_X, y + 2, 7, 7), fill=colour_of[g], radius=3.5))
        name, _ = one_line(g or "—", Face.REGULAR, 8, 180)
        side.append(Text(SIDE_X + 11, y, 180, (name,), Face.REGULAR, 8, INK, 10))
        y += 11
    y += 12
    side.append(
        Text(SIDE_X, y, 200, (translate(DECIDE_WORDS["unscored"], lang),), Face.BOLD, 9, INK, 12)
    )
    y += 14
    shown = unscored or [translate(DECIDE_WORDS["none"], lang)]
    room = int((HEIGHT - MARGIN - y) // 10)
    for title_text in shown[: max(room, 1)]:
        name, _ = one_line(f"• {title_text or '—'}", Face.REGULAR, 8, WIDTH - MARGIN - SIDE_X)
        side.append(Text(SIDE_X, y, WIDTH - MARGIN - SIDE_X, (name,), Face.REGULAR, 8, MUTED, 10))
        y += 10
    items.append(Item("matrix_side", None, Rect(SIDE_X, PLOT.y, WIDTH - SIDE_X, PLOT.h), 1, side))
    return Matrix(MapLayout("matrix", WIDTH, HEIGHT, items), dots, unscored, x_key, y_key, xd, yd)
