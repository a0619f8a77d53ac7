"""A comparison slide: a stage as it is and as it will be, side by side."""

from __future__ import annotations

from journeydesk.model.project import Card, EmotionCurve, JourneyMap, Scene, Stage

from .. import shapes
from ..fonts import metrics
from ..primitives import Box, Line, Path, Primitive, Rect
from .cards import card_rows, panel_kinds
from .compare import card_changes, comparison_pair, match_stages, stage_scores
from .slide import MIN_TEXT, Slide
from .words import word


def comparison_slide(sl: Slide, scene: Scene, stage: Stage) -> None:
    """A stage as it is (left) and as it will be (right): each side's stage
    name, each persona's mean emotion score there, and its cards, those added,
    changed or dropped tagged."""
    pair = comparison_pair(sl.project, sl.jmap)
    assert pair is not None
    before, after = pair
    u, t, m = sl.u, sl.theme, sl.jmap
    matches = match_stages(before, after)
    if m is after:
        right: Stage | None = stage
        left = next((s for s in before.stages if s.id == matches.get(stage.id)), None)
    else:
        left = stage
        back = {b: a for a, b in matches.items()}
        right = next((s for s in after.stages if s.id == back.get(stage.id)), None)
    n = next(i for i, s in enumerate(m.stages) if s.id == stage.id) + 1
    eyebrow = word("stage_of", sl.lang, n=n, total=len(m.stages))
    y = sl.heading(48 * u, eyebrow, scene.title or stage.name, inline=True)
    cap_top = sl.caption(scene.narration)
    label_w = 230 * u
    gap = 40 * u
    side_w = (sl.w - 2 * sl.mx - label_w - gap) / 2
    cols = [(sl.mx + label_w, side_w), (sl.mx + label_w + side_w + gap, side_w)]
    sides = ((before, left, t.slide_today_fill), (after, right, t.stage_fill))

    # the sides' headers: "TODAY  Comparison" | "FUTURE  Comparison"
    y += 26 * u
    head_h = MIN_TEXT * u * 1.22 + 24 * u
    for (jm, st, fill), (x, w) in zip(sides, cols, strict=True):
        prims: list[Primitive] = [Box(Rect(x, y, w, head_h), fill=fill, radius=8 * u)]
        state = word(jm.state, sl.lang).upper()
        sw = metrics(t.bold).width(state, MIN_TEXT * u) + 2 * u
        prims.append(
            sl.text(x + 20 * u, y + 12 * u, sw, state, MIN_TEXT, t.bold, t.slide_inverse_ink)
        )
        name = st.name if st is not None else word("no_stage", sl.lang)
        face = t.face if st is not None else t.italic
        rest = w - 40 * u - sw - 18 * u
        prims.append(
            sl.text(
                x + 20 * u + sw + 18 * u,
                y + 12 * u,
                rest,
                name,
                MIN_TEXT,
                face,
                t.slide_inverse_ink,
            )
        )
        sl.add("compare_before" if jm is before else "compare_after", st.id if st else None, prims)
    y += head_h + 18 * u

    # each persona's mean emotion score in the stage, on a small gauge
    rows = _curve_rows(sl, before, after)
    if rows:
        prims = []
        row_h = MIN_TEXT * u * 1.22 + 14 * u
        for label_text, colour, curves in rows[:3]:
            prims.append(
                sl.text(sl.mx, y + 7 * u, label_w - 20 * u, label_text, 28, t.bold, colour)
            )
            scores: list[float | None] = []
            for (jm, st, _fill), (x, w), k in zip(sides, cols, curves, strict=True):
                score = None
                if st is not None and k is not None:
                    score = dict(stage_scores(jm, st)).get(k)
                scores.append(score)
                scale = jm.curves[k].scale if k is not None else None
                prims += _gauge(
                    sl,
                    x,
                    y,
                    w,
                    row_h,
                    score,
                    scale.min if scale else -2,
                    scale.max if scale else 2,
                    colour,
                )
            before_score, after_score = scores
            if before_score is not None and after_score is not None:
                delta = after_score - before_score
                if abs(delta) >= 0.05:
                    x, w = cols[1]
                    good = delta > 0
                    colour_d = t.sentiment_colours["positive" if good else "problematic"]
                    txt = _signed(delta)
                    tw = metrics(t.bold).width(txt, MIN_TEXT * u) + 2 * u
                    tx = x + w - tw
                    cy = y + row_h / 2
                    r = 9 * u
                    ax = tx - 14 * u - r
                    tip = cy - r if good else cy + r
                    base = cy + r * 0.7 if good else cy - r * 0.7
                    prims.append(
                        Path(
                            shapes.polygon_ops([(ax, tip), (ax + r, base), (ax - r, base)]),
                            fill=colour_d,
                        )
                    )
                    prims.append(sl.text(tx, y + 7 * u, tw, txt, MIN_TEXT, t.bold, colour_d))
            y += row_h
        sl.add("compare_scores", None, prims, z=10)
        y += 6 * u
    line = Line(((sl.mx, y), (sl.w - sl.mx, y)), t.grid, 2 * u)
    sl.add("compare_rule", None, [line], z=9)
    y += 16 * u

    # the cards of each side
    lane_order = {lane.id: i for i, lane in enumerate(after.lanes)}
    lane_order.update({lane.id: i for i, lane in enumerate(before.lanes)})
    side_cards: list[list[Card]] = []
    for jm, st, _fill in sides:
        if st is None:
            side_cards.append([])
            continue
        step_index = {s.id: i for i, s in enumerate(st.steps)}
        side_cards.append(
            sorted(
                (c for c in jm.cards if c.step in step_index),
                key=lambda c: (step_index[c.step], lane_order.get(c.lane, 0), c.order),
            )
        )
    kinds = panel_kinds([*side_cards[0], *side_cards[1]])
    bottom = cap_top - 30 * u
    if not kinds:
        sl.add(
            "panel",
            stage.id,
            [sl.text(cols[0][0], y, side_w, word("no_cards", sl.lang), 28, t.italic, t.muted)],
        )
        return
    marks = card_changes(before, after)
    cells: dict[tuple[str, int], list[Card]] = {}
    for i, cards in enumerate(side_cards):
        # what changed first: a long list is cut at the end
        for c in sorted(cards, key=lambda c: c.id not in marks):
            if c.kind in kinds:
                cells.setdefault((c.kind, i), []).append(c)
    prims = card_rows(sl, kinds, cells, cols, sl.mx, label_w, y, bottom, marks)
    sl.add("panel", stage.id, prims, z=10)


def _signed(value: float) -> str:
    """``+1.5``, ``−0.5`` (a true minus sign), ``0``."""
    text = f"{abs(value):.1f}".rstrip("0").rstrip(".")
    if text == "0":
        return "0"
    return ("+" if value > 0 else "−") + text


def _curve_rows(
    sl: Slide, before: JourneyMap, after: JourneyMap
) -> list[tuple[str, str, tuple[int | None, int | None]]]:
    """Curves of the two maps paired up (same persona, else same label, else
    the same position when neither has a persona): ``(row label, colour,
    (before index, after index))``; the after map's curves first."""
    t = sl.theme
    personas = {p.id: p for p in sl.project.personas}

    def key(curve: EmotionCurve) -> tuple[str, str]:
        if curve.persona:
            return ("persona", curve.persona)
        return ("label", curve.label.strip().casefold())

    def row(curve: EmotionCurve, n: int) -> tuple[str, str]:
        persona = personas.get(curve.persona or "")
        name = (persona.name if persona else "") or curve.label or word("emotion_curve", sl.lang)
        colour = (
            (persona.colour if persona else None)
            or curve.colour
            or t.curve_colours[n % len(t.curve_colours)]
        )
        return name, colour

    free = list(range(len(before.curves)))
    out: list[tuple[str, str, tuple[int | None, int | None]]] = []
    for k, curve in enumerate(after.curves):
        found = next((i for i in free if key(before.curves[i]) == key(curve)), None)
        if found is None and k in free and not before.curves[k].persona and not curve.persona:
            found = k
        if found is not None:
            free.remove(found)
        out.append((*row(curve, k), (found, k)))
    for i in free:
        out.append((*row(before.curves[i], i), (i, None)))
    return out


def _gauge(
    sl: Slide,
    x: float,
    y: float,
    w: float,
    h: float,
    score: float | None,
    lo: float,
    hi: float,
    colour: str,
) -> list[Primitive]:
    """A score on its scale: a track with a tick at each whole value, the
    score's mark on it and the score written after it."""
    u, t = sl.u, sl.theme
    value_w = 200 * u
    gx, gw = x + 14 * u, w - value_w - 40 * u
    cy = y + h / 2
    prims: list[Primitive] = [Line(((gx, cy), (gx + gw, cy)), t.grid, 4 * u)]
    span = hi - lo
    if 0 < span <= 20:
        v = float(int(lo)) if lo == int(lo) else float(int(lo) + 1)
        while v <= hi:
            tx = gx + gw * (v - lo) / span
            tick = 10 * u if v != 0 else 16 * u
            prims.append(
                Line(((tx, cy - tick / 2), (tx, cy + tick / 2)), t.slide_gauge_tick, 2 * u)
            )
            v += 1
    if score is None:
        prims.append(sl.text(gx + gw + 24 * u, y + 7 * u, 80 * u, "—", 28, t.bold, t.muted))
        return prims
    rel = (score - lo) / span if span else 0.5
    px = gx + gw * min(1.0, max(0.0, rel))
    prims += shapes.score_mark(score, lo, hi, px, cy, 13 * u, colour)
    prims.append(
        sl.text(
            gx + gw + 24 * u,
            y + 7 * u,
            110 * u,
            _signed(score),
            28,
            t.bold,
            shapes.score_colour(score, lo, hi),
        )
    )
    return prims
