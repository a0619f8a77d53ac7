"""The closing slide: the top pain points and the opportunities ranked."""

from __future__ import annotations

from journeydesk.model.project import Card, Scene

from .. import shapes
from ..labels import label
from ..primitives import Path, Primitive
from .scenes import ranked_opportunities, top_pain_points
from .slide import Slide
from .words import word


def closing_slide(sl: Slide, scene: Scene) -> None:
    u, t, m = sl.u, sl.theme, sl.jmap
    y = sl.heading(56 * u, m.name, scene.title or word("closing", sl.lang))
    cap_top = sl.caption(scene.narration)
    strip_h = 300 * u if cap_top >= sl.h else 220 * u
    y = sl.context_strip(y + 30 * u, strip_h, None, 190.0) + 40 * u
    bottom = cap_top - 40 * u
    gap = 80 * u
    col_w = (sl.w - 2 * sl.mx - gap) / 2
    stages = {s.id: st.name for st in m.stages for s in st.steps}
    steps = {s.id: s.name for s in m.steps()}

    def column(x: float, head: str, cards: list[Card], ranked: bool) -> list[Primitive]:
        prims: list[Primitive] = []
        hd = sl.text(x, y, col_w, head.upper(), 28, t.bold, t.muted)
        prims.append(hd)
        yy = y + hd.height + 16 * u
        if not cards:
            prims.append(sl.text(x, yy, col_w, word("none", sl.lang), 28, t.italic, t.muted))
            return prims
        item_h = (28 * 1.2 * 2) * u + 22 * u
        mark = 40 * u
        for k, c in enumerate(cards):
            if yy + item_h - 22 * u > bottom:
                break
            cy = yy + 28 * 1.2 * u / 2
            if ranked:
                prims.append(Path(shapes.circle_ops(x + mark / 2, cy, 21 * u), fill=t.slide_accent))
                prims.append(
                    sl.text(
                        x,
                        cy - 28 * u * 0.6,
                        mark,
                        str(k + 1),
                        28,
                        t.bold,
                        t.slide_inverse_ink,
                        align="center",
                    )
                )
                parts = []
                for key in ("impact", "effort"):
                    if key in c.scores:
                        d = sl.project.scores().get(key)
                        name = (d.label.get(sl.lang) if d else None) or label(key, sl.lang)
                        parts.append(f"{name} {c.scores[key]:g}")
                meta = " · ".join([*parts, stages.get(c.step, "")])
            else:
                prims += shapes.sentiment_mark(
                    "problematic",
                    x + mark / 2 - 2 * u,
                    cy + 2 * u,
                    16 * u,
                    t.slide_kind_colours["pain_point"][0],
                )
                meta = f"{stages.get(c.step, '')} · {steps.get(c.step, '')}"
            prims.append(
                sl.text(
                    x + mark + 14 * u,
                    yy,
                    col_w - mark - 14 * u,
                    c.title or c.body,
                    30,
                    t.bold,
                    t.ink,
                    leading=1.15,
                )
            )
            prims.append(
                sl.text(
                    x + mark + 14 * u,
                    yy + 30 * 1.15 * u + 2 * u,
                    col_w - mark - 14 * u,
                    meta,
                    28,
                    t.face,
                    t.muted,
                )
            )
            yy += item_h
        return prims

    pains = column(sl.mx, word("top_pains", sl.lang), top_pain_points(m), False)
    opps = column(sl.mx + col_w + gap, word("ranked", sl.lang), ranked_opportunities(m), True)
    sl.add("pain_points", None, pains)
    sl.add("opportunities", None, opps)
