"""Map chrome: the title block, the stage and step headers, lane separators and
the legend (functions of the layouter, split from ``engine``; no Qt)."""

from __future__ import annotations

import functools

from journeydesk.model.catalogue import DECIDE_WORDS, translate
from journeydesk.model.project import Lane

from . import shapes
from .context import LayoutContext
from .fonts import metrics
from .labels import label
from .primitives import (
    Box,
    Image,
    Item,
    Line,
    Overflow,
    Primitive,
    Rect,
    Text,
)
from .text import line_count, one_line, wrap
from .theme import (
    Z_CHROME,
    Z_HEADER,
    Z_SEPARATOR,
    Theme,
)


def title_block(theme: Theme, ctx: LayoutContext, rect: Rect) -> None:
    t = theme
    p, m, lang = ctx.project, ctx.jmap, ctx.language
    prims: list[Primitive] = []
    title, cut = one_line(p.title or m.name, t.bold, t.title_size, rect.w * 0.7)
    if cut:
        ctx.overflows.append(Overflow(None, "project.title", p.title))
    prims.append(
        Text(
            rect.x,
            rect.y,
            rect.w * 0.7,
            (title,),
            t.bold,
            t.title_size,
            t.ink,
            t.title_size * t.leading,
        )
    )
    kind = f"{label(m.type, lang)} · {label(m.state, lang)}"
    sub_text = f"{m.name} — {kind}" if p.title else kind
    sub, _ = one_line(sub_text, t.face, t.subtitle_size, rect.w * 0.7)
    sub_y = rect.y + t.title_size * t.leading + 2
    prims.append(
        Text(
            rect.x,
            sub_y,
            rect.w * 0.7,
            (sub,),
            t.face,
            t.subtitle_size,
            t.muted,
            t.subtitle_size * t.leading,
        )
    )
    personas = {x.id: x for x in p.personas}
    names = [personas[i].name for i in m.personas if i in personas]
    right: list[str] = []
    if names:
        right.append(f"{label('personas', lang)}: {', '.join(names)}")
    when = ctx.options.date or (p.modified.date() if p.modified else None)
    if when:
        right.append(f"{label('updated', lang)}: {when.isoformat()}")
    if m.based_on:
        base = p.map_by_id(m.based_on)
        if base is not None:
            right.append(f"{label('based_on', lang)}: {base.name}")
    if m.reviewed is not None:
        right.append(translate(DECIDE_WORDS["reviewed"], lang, date=m.reviewed.isoformat()))
    if m.owner.strip():
        right.append(translate(DECIDE_WORDS["owner"], lang, name=m.owner.strip()))
    room = max(1, int((rect.h - 6) // (t.subtitle_size * t.leading)))
    if len(right) > room:  # the freshness line matters more than the map it came from
        right = [line for line in right if not line.startswith(label("based_on", lang))]
        right = right[:room]
    right_w = rect.w * 0.3
    logo = ctx.options.logo
    if logo is not None and any(a.id == logo for a in p.assets):
        asset = next(a for a in p.assets if a.id == logo)
        lh = rect.h - 8
        lw = min(rect.w * 0.15, lh * asset.width / asset.height)
        prims.append(Image(logo, Rect(rect.right - lw, rect.y, lw, lh)))
        right_w -= lw + 12
    lines = tuple(one_line(s, t.face, t.subtitle_size, right_w)[0] for s in right)
    if lines:
        prims.append(
            Text(
                rect.x + rect.w * 0.7,
                rect.y + 4,
                right_w,
                lines,
                t.face,
                t.subtitle_size,
                t.muted,
                t.subtitle_size * t.leading,
                "right",
            )
        )
    brand = ctx.options.brand_colour
    prims.append(
        Line(
            ((rect.x, rect.bottom), (rect.right, rect.bottom)),
            brand or t.grid,
            3.0 if brand else 1.0,
        )
    )
    ctx.items.append(Item("title", None, rect, Z_CHROME, prims))


def headers(
    theme: Theme,
    ctx: LayoutContext,
    x0: float,
    y: float,
    step_index: dict[str, int],
    lazy: bool = False,
) -> float:
    """The stage and step headers (and KPIs); with ``lazy`` the steps' headers
    are drawn on first use, like the cards (a wide map has 900, a dozen on
    screen when it opens): their overflows come from ``text.line_count``."""
    t = theme
    cw = t.column_width
    col = 0
    kpi_lines = max((len(s.kpis) for s in ctx.jmap.stages), default=0)
    kpi_h = (kpi_lines * t.badge_size * 1.5 + 6) if kpi_lines else 0.0
    metrics_by_id = {mt.id: mt for mt in ctx.project.metrics}
    for stage in ctx.jmap.stages:
        n = len(stage.steps)
        rect = Rect(x0 + col * cw, y, n * cw, t.stage_header_height)
        name, cut = one_line(stage.name, t.bold, t.stage_size, rect.w - 12)
        if cut:
            ctx.overflows.append(Overflow(stage.id, "name", stage.name))
        prims: list[Primitive] = [
            Box(rect.adjusted(1, 0, -1, 0), fill=t.stage_fill, radius=2),
            Text(
                rect.x + 6,
                rect.y + (rect.h - t.stage_size * t.leading) / 2,
                rect.w - 12,
                (name,),
                t.bold,
                t.stage_size,
                t.stage_ink,
                t.stage_size * t.leading,
            ),
        ]
        ctx.items.append(Item("stage", stage.id, rect, Z_HEADER, prims))
        for k, step in enumerate(stage.steps):
            srect = Rect(x0 + (col + k) * cw, y + t.stage_header_height, cw, t.step_header_height)
            if lazy:
                # only whether the name is cut now; its lines when first drawn
                _, cut = line_count(step.name, t.bold, t.step_size, cw - 10, 2)
                make = functools.partial(_step_header, t, srect, step.name)
                ctx.items.append(Item("step", step.id, srect, Z_HEADER, make=make))
            else:
                cut = wrap(step.name, t.bold, t.step_size, cw - 10, 2).truncated
                ctx.items.append(
                    Item("step", step.id, srect, Z_HEADER, _step_header(t, srect, step.name))
                )
            if cut:
                ctx.overflows.append(Overflow(step.id, "name", step.name))
        if kpi_h and stage.kpis:
            krect = Rect(rect.x, y + t.stage_header_height + t.step_header_height, rect.w, kpi_h)
            lines = []
            for kpi in stage.kpis:
                mt = metrics_by_id.get(kpi.metric)
                if mt is None:
                    continue
                unit = f" {mt.unit}" if mt.unit and mt.unit != "%" else (mt.unit or "")
                value = "—" if kpi.value is None else f"{kpi.value:g}{unit}"
                target = kpi.target if kpi.target is not None else mt.target
                tail = (
                    f"  ({label('target', ctx.language)} {target:g}{unit})"
                    if target is not None
                    else ""
                )
                line, _ = one_line(
                    f"{mt.name}: {value}{tail}", t.face, t.badge_size * 1.15, krect.w - 10
                )
                lines.append(line)
            ctx.items.append(
                Item(
                    "kpis",
                    stage.id,
                    krect,
                    Z_HEADER,
                    [
                        Box(krect.adjusted(1, 1, -1, -1), fill="#FFFFFF", stroke=t.grid),
                        Text(
                            krect.x + 5,
                            krect.y + 3,
                            krect.w - 10,
                            tuple(lines),
                            t.face,
                            t.badge_size * 1.15,
                            t.ink,
                            t.badge_size * 1.5,
                        ),
                    ],
                )
            )
        col += n
    return y + t.stage_header_height + t.step_header_height + kpi_h


def _step_header(t: Theme, srect: Rect, name: str) -> list[Primitive]:
    """A step's header: its box and its name on at most two lines, centred."""
    cw = srect.w
    sw = wrap(name, t.bold, t.step_size, cw - 10, 2)
    th = len(sw.lines) * t.step_size * t.leading
    return [
        Box(srect.adjusted(1, 1, -1, -1), fill=t.step_fill),
        Text(
            srect.x + 5,
            srect.y + (srect.h - th) / 2,
            cw - 10,
            sw.lines,
            t.bold,
            t.step_size,
            t.ink,
            t.step_size * t.leading,
            "center",
        ),
    ]


# --- lanes and cards -----------------------------------------------


def separators(
    theme: Theme, ctx: LayoutContext, lanes: list[Lane], lane_rects: dict[str, Rect]
) -> None:
    t = theme
    for sep in ctx.jmap.separators:
        rect = lane_rects.get(sep.after_lane)
        if rect is None:
            continue
        y = rect.bottom
        text = sep.label or label(sep.kind if sep.kind != "custom" else "separator", ctx.language)
        txt, _ = one_line(text, t.bold, t.badge_size * 1.1, 260)
        w = metrics(t.bold).width(txt, t.badge_size * 1.1) + 8
        x = rect.x + t.lane_header_width + 6
        dash = {
            "interaction": (6, 3),
            "visibility": (2, 2),
            "internal_interaction": (8, 3, 2, 3),
        }
        prims: list[Primitive] = [
            Line(((rect.x, y), (rect.right, y)), t.separator, 1.6, dash.get(sep.kind, (4, 4))),
            Box(
                Rect(x, y - 6, w, 12),
                fill="#FFFFFF",
                stroke=t.separator,
                stroke_width=0.8,
                radius=6,
            ),
            Text(
                x + 4,
                y - 6 + (12 - t.badge_size * 1.1 * t.leading) / 2,
                w - 8,
                (txt,),
                t.bold,
                t.badge_size * 1.1,
                t.separator,
                t.badge_size * 1.1 * t.leading,
            ),
        ]
        ctx.items.append(
            Item("separator", sep.id, Rect(rect.x, y - 6, rect.w, 12), Z_SEPARATOR, prims)
        )


# --- legend --------------------------------------------------------


def legend(
    theme: Theme, ctx: LayoutContext, rect: Rect, channels: list[str] | None = None
) -> float:
    """The legend; ``channels``: the channels the map's cards use, sorted, when
    known (``mapcards.MapCards``: else every card is looked at)."""
    t = theme
    lang = ctx.language
    size = t.legend_size
    lh = size * t.leading
    prims: list[Primitive] = [
        Text(
            rect.x,
            rect.y,
            200,
            (label("legend", lang),),
            t.bold,
            size * 1.2,
            t.ink,
            size * 1.2 * t.leading,
        )
    ]
    y0 = rect.y + size * 1.2 * t.leading + 4
    x = rect.x
    col_w = 170.0

    def heading(text: str) -> None:
        prims.append(Text(x, y0, col_w, (text,), t.bold, size, t.ink, lh))

    def entry(row: int, marks: list[Primitive], text: str) -> None:
        prims.extend(marks)
        txt, _ = one_line(text, t.face, size, col_w - 16)
        prims.append(Text(x + 14, y0 + lh * (row + 1), col_w - 16, (txt,), t.face, size, t.ink, lh))

    heading(label("sentiment", lang))
    for row, kind in enumerate(("positive", "neutral", "problematic")):
        cy = y0 + lh * (row + 1) + lh / 2
        entry(
            row,
            shapes.sentiment_mark(kind, x + 5, cy, 4, t.sentiment_colours[kind]),
            label(kind, lang),
        )
    x += col_w
    heading(label("evidence", lang))
    for row, kind in enumerate(("observed", "assumed", "proposed")):
        cy = y0 + lh * (row + 1) + lh / 2
        entry(row, shapes.confidence_mark(kind, x + 5, cy, 3.5, t.ink), label(kind, lang))
    x += col_w
    scale = ctx.jmap.curves[0].scale if ctx.jmap.curves else None
    if scale is not None:
        heading(label("emotion", lang))
        values = [scale.max, (scale.max + scale.min) / 2, scale.min]
        names = {sl.value: sl.label for sl in scale.labels}
        for row, v in enumerate(values):
            cy = y0 + lh * (row + 1) + lh / 2
            entry(
                row,
                shapes.score_mark(
                    v,
                    scale.min,
                    scale.max,
                    x + 5,
                    cy,
                    3.5,
                    shapes.score_colour(v, scale.min, scale.max),
                ),
                _score_text(v, names, lang),
            )
        x += col_w
    used = channels
    if used is None:
        used = sorted({c.channel for c in ctx.jmap.cards if c.channel})
    if used:
        heading(label("channels", lang))
        names_ = [ctx.vocab.label("channels", c) for c in used]
        for row, chunk in enumerate(_chunks(names_, 3)):
            txt, _ = one_line(", ".join(chunk), t.face, size, col_w * 1.5)
            prims.append(Text(x, y0 + lh * (row + 1), col_w * 1.5, (txt,), t.face, size, t.ink, lh))
        x += col_w * 1.6
    kinds = sorted({c.kind for c in ctx.jmap.connections})
    if kinds:
        heading(label("connections", lang))
        for row, kind in enumerate(kinds[:3]):
            yy = y0 + lh * (row + 1) + lh / 2
            dash: tuple[float, ...] = (4, 3) if kind in ("handoff", "loop") else ()
            prims.append(Line(((x, yy), (x + 10, yy)), t.connection, 1.1, dash))
            entry(row, [], ctx.vocab.label("connection_kinds", kind))
    bottom = y0 + lh * 4 + 4
    ctx.items.append(
        Item("legend", None, Rect(rect.x, rect.y, rect.w, bottom - rect.y), Z_CHROME, prims)
    )
    return bottom


def _score_text(value: float, names: dict[float, str], language: str) -> str:
    """ "+2 Very positive"; a curve's own label wins, whole default scores get ours."""
    name = names.get(value)
    if name is None and value == int(value) and -2 <= value <= 2:
        name = label(f"score_{int(value)}", language)
    number = f"{value:+g}" if value else "0"
    return f"{number} {name}".strip() if name else number


def _chunks(values: list[str], n: int) -> list[list[str]]:
    size = max(1, -(-len(values) // n))
    return [values[i : i + size] for i in range(0, len(values), size)][:n]
