"""A stage slide: the context strip, the stage's cards by kind and step, its KPIs."""

from __future__ import annotations

from journeydesk.model.project import Card, Scene, Stage

from ..fonts import metrics
from ..labels import label
from ..primitives import Box, Line, Primitive, Rect
from .cards import card_rows, panel_kinds
from .slide import Slide
from .words import word


def stage_slide(sl: Slide, scene: Scene, stage: Stage) -> None:
    u, m = sl.u, sl.jmap
    strip_bottom = sl.context_strip(36 * u, 160 * u, stage, 96.0)
    n = next(i for i, s in enumerate(m.stages) if s.id == stage.id) + 1
    eyebrow = word("stage_of", sl.lang, n=n, total=len(m.stages))
    y = sl.heading(strip_bottom + 28 * u, eyebrow, scene.title or stage.name, inline=True)
    cap_top = sl.caption(scene.narration)
    panel = Rect(sl.mx, y + 22 * u, sl.w - 2 * sl.mx, cap_top - 30 * u - (y + 22 * u))
    kpi_w = 420 * u if stage.kpis else 0.0
    if kpi_w:
        _kpis(sl, stage, Rect(panel.right - kpi_w, panel.y, kpi_w, panel.h))
        panel = Rect(panel.x, panel.y, panel.w - kpi_w - 40 * u, panel.h)
    _stage_panel(sl, stage, panel)


def _stage_panel(sl: Slide, stage: Stage, panel: Rect) -> None:
    u, t, m = sl.u, sl.theme, sl.jmap
    step_ids = [s.id for s in stage.steps]
    lane_order = {lane.id: i for i, lane in enumerate(m.lanes)}
    cards = [c for c in m.cards if c.step in step_ids]
    kinds = panel_kinds(cards)
    if not kinds:  # nothing on the map yet: the stage's description, if any
        if stage.description.strip():
            lines = max(1, int(panel.h // (32 * u * 1.3)))
            body = sl.text(
                panel.x,
                panel.y,
                panel.w * 0.8,
                stage.description,
                32,
                t.face,
                t.ink,
                lines,
                leading=1.3,
            )
            sl.add("panel", stage.id, [body], z=10)
        return
    label_w = 230 * u
    gap = 16 * u
    col_w = (panel.w - label_w) / max(1, len(stage.steps))
    prims: list[Primitive] = []
    # step names
    heads = [
        sl.text(
            panel.x + label_w + i * col_w + gap / 2,
            panel.y,
            col_w - gap,
            s.name,
            28,
            t.bold,
            t.ink,
            2,
        )
        for i, s in enumerate(stage.steps)
    ]
    head_h = max((h.height for h in heads), default=0.0)
    prims += heads
    y0 = panel.y + head_h + 10 * u
    prims.append(Line(((panel.x, y0), (panel.right, y0)), t.grid, 2 * u))
    y0 += 14 * u
    cols = [(panel.x + label_w + i * col_w + gap / 2, col_w - gap) for i in range(len(step_ids))]
    column = {sid: i for i, sid in enumerate(step_ids)}
    cells: dict[tuple[str, int], list[Card]] = {}
    for c in sorted(cards, key=lambda c: (lane_order.get(c.lane, 0), c.order)):
        if c.kind in kinds:
            cells.setdefault((c.kind, column[c.step]), []).append(c)
    prims += card_rows(sl, kinds, cells, cols, panel.x, label_w, y0, panel.bottom)
    sl.add("panel", stage.id, prims, z=10)


def _kpis(sl: Slide, stage: Stage, rect: Rect) -> None:
    u, t = sl.u, sl.theme
    defs = {mt.id: mt for mt in sl.project.metrics}
    prims: list[Primitive] = []
    x = rect.x + 26 * u
    w = rect.w - 52 * u
    y = rect.y + 22 * u
    hd = sl.text(x, y, w, label("kpis", sl.lang), 28, t.bold, t.muted)
    prims.append(hd)
    y += hd.height + 10 * u
    kpis = [k for k in stage.kpis if k.metric in defs]
    for n, kpi in enumerate(kpis):
        mt = defs[kpi.metric]
        need = (28 * 1.2 + 44 * 1.1 + 14) * u
        if y + need > rect.bottom - 16 * u:
            left = len(kpis) - n
            prims.append(sl.text(x, y, w, word("more", sl.lang, n=left), 28, t.face, t.muted))
            break
        unit = mt.unit
        sep = "" if unit in ("", "%") else " "
        value = "—" if kpi.value is None else f"{kpi.value:g}{sep}{unit}"
        target = kpi.target if kpi.target is not None else mt.target
        good: bool | None = None
        if kpi.value is not None and target is not None:
            if mt.direction == "higher_is_better":
                good = kpi.value >= target
            elif mt.direction == "lower_is_better":
                good = kpi.value <= target
            else:
                good = abs(kpi.value - target) <= abs(target) * 0.05
        colour = (
            t.muted
            if good is None
            else (t.sentiment_colours["positive"] if good else t.sentiment_colours["problematic"])
        )
        prims.append(sl.text(x, y, w, mt.name, 28, t.face, t.muted))
        y += 28 * 1.2 * u
        v = sl.text(x, y, w * 0.6, value, 44, t.bold, colour, leading=1.1)
        prims.append(v)
        if target is not None:
            tgt = f"{label('target', sl.lang)} {target:g}{'%' if unit == '%' else ''}"
            vw = metrics(t.bold).width(v.lines[0], v.size) if v.lines else 0.0
            prims.append(
                sl.text(
                    x + vw + 16 * u,
                    y + 12 * u,
                    w - vw - 16 * u,
                    tgt,
                    28,
                    t.face,
                    t.muted,
                    align="right",
                )
            )
        y += v.height + 14 * u
    box = Rect(rect.x, rect.y, rect.w, min(rect.h, y + 12 * u - rect.y))
    sl.add("kpis", stage.id, [Box(box, fill=t.slide_kpi_fill, radius=10 * u), *prims], z=10)
