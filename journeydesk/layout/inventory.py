"""Who touches the customer, as a page: a team × stage table of the touchpoints
each team owns (with their channels and the pain points beside them), and the
touchpoints nobody owns listed below. Qt-free; ``export inventory -o X.pdf``
draws one page per map with the PDF backend.
"""

from __future__ import annotations

from journeydesk.model.catalogue import DECIDE_WORDS, translate
from journeydesk.model.decide import team_stage_table
from journeydesk.model.project import JourneyMap, Project

from .fonts import Face
from .primitives import Box, Item, MapLayout, Primitive, Rect, Text
from .text import one_line, wrap

WIDTH, HEIGHT = 842.0, 595.0
MARGIN = 36.0
HEAD_W = 110.0
INK, MUTED, GRID = "#222222", "#777777", "#CCCCCC"
SIZE = 7.0


def inventory_layout(project: Project, jmap: JourneyMap, language: str | None = None) -> MapLayout:
    lang = language or project.language
    table, unowned = team_stage_table(project, jmap)
    prims: list[Primitive] = []
    heading = translate(DECIDE_WORDS["inventory"], lang)
    title = heading + " — " + jmap.name
    line, _ = one_line(title, Face.BOLD, 14, WIDTH - 2 * MARGIN)
    prims.append(Text(MARGIN, MARGIN, WIDTH - 2 * MARGIN, (line,), Face.BOLD, 14, INK, 18))
    stages = [s.name for s in jmap.stages]
    col_w = (WIDTH - 2 * MARGIN - HEAD_W) / max(1, len(stages))
    y = MARGIN + 30
    for i, name in enumerate(stages):
        x = MARGIN + HEAD_W + i * col_w
        text, _ = one_line(name, Face.BOLD, 8, col_w - 6)
        prims.append(Box(Rect(x, y, col_w, 16), fill="#EEF1F5", stroke=GRID, stroke_width=0.5))
        prims.append(Text(x + 3, y + 3, col_w - 6, (text,), Face.BOLD, 8, INK, 10))
    y += 16
    pains_word = translate(DECIDE_WORDS["pain_points"], lang)
    for team in sorted(table):
        cells = table[team]
        blocks = []
        for name in stages:
            cell = cells.get(name)
            lines: list[str] = []
            if cell is not None:
                for tp in cell.touchpoints:
                    lines += list(wrap(f"• {tp}", Face.REGULAR, SIZE, col_w - 6, 2).lines)
                if cell.channels:
                    lines += list(
                        wrap(", ".join(cell.channels), Face.ITALIC, SIZE, col_w - 6, 1).lines
                    )
                if cell.pain_points:
                    lines.append(f"{pains_word}: {cell.pain_points}")
            blocks.append(lines)
        h = max(18.0, max(len(b) for b in blocks) * SIZE * 1.25 + 6)
        if y + h > HEIGHT - MARGIN - 40:
            break
        team_text, _ = one_line(team, Face.BOLD, 8, HEAD_W - 6)
        prims.append(Box(Rect(MARGIN, y, HEAD_W, h), fill="#F7F8FA", stroke=GRID, stroke_width=0.5))
        prims.append(Text(MARGIN + 3, y + 3, HEAD_W - 6, (team_text,), Face.BOLD, 8, INK, 10))
        for i, lines in enumerate(blocks):
            x = MARGIN + HEAD_W + i * col_w
            prims.append(Box(Rect(x, y, col_w, h), stroke=GRID, stroke_width=0.5))
            if lines:
                prims.append(
                    Text(
                        x + 3, y + 3, col_w - 6, tuple(lines), Face.REGULAR, SIZE, INK, SIZE * 1.25
                    )
                )
        y += h
    y += 14
    heading = translate(DECIDE_WORDS["unowned"], lang)
    prims.append(Text(MARGIN, y, WIDTH - 2 * MARGIN, (heading,), Face.BOLD, 9, INK, 12))
    y += 14
    shown = unowned or [translate(DECIDE_WORDS["none"], lang)]
    text = " · ".join(shown)
    wrapped = wrap(
        text, Face.REGULAR, 8, WIDTH - 2 * MARGIN, max(1, int((HEIGHT - MARGIN - y) // 10))
    )
    prims.append(
        Text(MARGIN, y, WIDTH - 2 * MARGIN, tuple(wrapped.lines), Face.REGULAR, 8, MUTED, 10)
    )
    item = Item("inventory", jmap.id, Rect(0, 0, WIDTH, HEIGHT), 0, prims)
    return MapLayout(jmap.id, WIDTH, HEIGHT, [item])
