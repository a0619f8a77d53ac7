"""The title slide: the map's name, objective, scenario and personas."""

from __future__ import annotations

from journeydesk.model.project import Scene

from ..labels import label
from ..primitives import Box, Line, Primitive, Rect
from .slide import Slide
from .words import word


def title_slide(sl: Slide, scene: Scene) -> None:
    u, t, p, m = sl.u, sl.theme, sl.project, sl.jmap
    x = sl.mx
    w = sl.w - 2 * sl.mx
    y = 150 * u
    prims: list[Primitive] = []
    eyebrow = f"{label(m.type, sl.lang)} · {label(m.state, sl.lang)}"
    e = sl.text(x, y, w, eyebrow, 30, t.bold, t.slide_accent)
    prims.append(e)
    y += e.height + 10 * u
    name = sl.text(x, y, w, scene.title or m.name, 72, t.bold, t.ink, 2, leading=1.1)
    prims.append(name)
    y += name.height + 12 * u
    if p.title:
        sub = sl.text(x, y, w, p.title, 36, t.face, t.muted, 1)
        prims.append(sub)
        y += sub.height
    y += 22 * u
    prims.append(Box(Rect(x, y, 140 * u, 7 * u), fill=t.slide_accent))
    y += 60 * u
    sl.add("title", None, prims)

    gap = 80 * u
    left_w = w * 0.55
    right_x = x + left_w + gap
    right_w = w - left_w - gap
    bottom = sl.h - 150 * u
    footer = [*p.authors]
    if p.modified is not None:
        footer.append(p.modified.date().isoformat())
    if footer:
        sl.add(
            "footer",
            None,
            [
                Line(((x, sl.h - 110 * u), (x + w, sl.h - 110 * u)), t.grid, 2 * u),
                sl.text(x, sl.h - 92 * u, w, " · ".join(footer), 28, t.face, t.muted),
            ],
        )
    col: list[Primitive] = []
    ly = y
    blocks = [(word("objective", sl.lang), m.objective), (word("scenario", sl.lang), m.scenario)]
    blocks = [(h, s) for h, s in blocks if s.strip()]
    for n, (head, body) in enumerate(blocks):
        hd = sl.text(x, ly, left_w, head.upper(), 28, t.bold, t.muted)
        col.append(hd)
        ly += hd.height + 6 * u
        share = (bottom - y) / len(blocks) - hd.height - 36 * u
        room = bottom - ly if n == len(blocks) - 1 else share
        lines = max(1, int(room // (32 * u * 1.3)))
        bd = sl.text(x, ly, left_w, body, 32, t.face, t.ink, lines, leading=1.3)
        col.append(bd)
        ly += bd.height + 36 * u
    sl.add("objective", None, col)

    personas = {x_.id: x_ for x_ in p.personas}
    chosen = [personas[i] for i in m.personas if i in personas][:3]
    if not chosen:
        return
    if not blocks:  # no objective or scenario: the personas take the left
        right_x, right_w = x, left_w
    colours = {c.persona: c.colour for c in m.curves if c.persona}
    pr: list[Primitive] = []
    hd = sl.text(right_x, y, right_w, label("personas", sl.lang).upper(), 28, t.bold, t.muted)
    pr.append(hd)
    py = y + hd.height + 6 * u
    each = (bottom - py) / len(chosen)
    for k, persona in enumerate(chosen):
        colour = (
            persona.colour or colours.get(persona.id) or t.curve_colours[k % len(t.curve_colours)]
        )
        top = py
        tx = right_x + 24 * u
        tw = right_w - 24 * u
        nm = sl.text(tx, py, tw, persona.name, 36, t.bold, t.ink)
        pr.append(nm)
        py += nm.height
        if persona.segment:
            sg = sl.text(tx, py, tw, persona.segment, 28, t.face, t.muted, 2)
            pr.append(sg)
            py += sg.height
        if persona.quote:
            py += 8 * u
            room = top + each - 30 * u - py
            lines = max(1, int(room // (28 * u * 1.25)))
            q = sl.text(
                tx,
                py,
                tw,
                "“" + persona.quote.strip('“”"') + "”",
                28,
                t.italic,
                t.ink,
                min(lines, 4),
                leading=1.25,
            )
            pr.append(q)
            py += q.height
        pr.append(Box(Rect(right_x, top + 4 * u, 8 * u, py - top - 4 * u), fill=colour))
        py = max(py + 30 * u, top + 30 * u)
    sl.add("personas", None, pr)
