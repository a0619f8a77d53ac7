"""PDF poster speed and size, as ratios against raw reportlab in the same run.

The map: ``make_big_project(n_cards=5000)``, laid out once, exported to an
A0 poster by ``journeydesk.export.pdf.render_pdf`` (in memory, no disk).

The floor, measured in the same run on the same layout: a bare reportlab
canvas with the same A0 page, the same embedded (subset) TTF faces and the
same scale, drawing every Box of the layout with ``canvas.rect`` /
``roundRect`` and every line of every Text with ``canvas.drawString`` —
the boxes and the text, and nothing else (no curves, arrows, dashes, no
outline or metadata).

Also printed: the layout of the whole map, and the layout again after one
card changed (the editor's incremental path), in ms.

Best of N runs of CPU time (``time.process_time``: the machine may be shared, and
the work is single-threaded), ours and the floor interleaved. Run:
``python bench/bench_pdf.py [--shape current|wide|dense] [--cards N] [--runs N]
[--paper SIZE] [--no-connections] [--profile]`` (shapes: generate.SHAPES).
Prints milliseconds, bytes and ratios; exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SHAPES, make_shape, shape_summary
from reportlab.pdfgen.canvas import Canvas

from journeydesk.export.pdf.poster import PosterOptions, plan_map, render_pdf
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.fonts import Face, metrics
from journeydesk.layout.primitives import Box, MapLayout, Text
from journeydesk.render.reportlab import register_fonts, rgb

#: CPU time of this process: other jobs on a shared machine barely move it.
CLOCK = time.process_time


def best_of(runs: int, fn: Callable[[], object]) -> tuple[float, object]:
    best = float("inf")
    result: object = None
    for _ in range(runs):
        start = CLOCK()
        result = fn()
        best = min(best, CLOCK() - start)
    return best, result


def raw_reportlab(layout: MapLayout, options: PosterOptions) -> bytes:
    """The floor: boxes and text lines of ``layout`` with plain canvas calls."""
    plan = plan_map(layout.width, layout.height, options)
    s = plan.scale
    ox = plan.map_rect.x
    top = plan.paper.height - plan.map_rect.y
    register_fonts()
    buffer = io.BytesIO()
    c = Canvas(
        buffer, pagesize=(plan.page_width, plan.page_height), initialFontName=Face.REGULAR.value
    )
    for item in layout.sorted_items():
        for prim in item.primitives:
            if isinstance(prim, Box):
                r = prim.rect
                fill, stroke = prim.fill is not None, prim.stroke is not None
                if fill:
                    c.setFillColorRGB(*rgb(prim.fill))  # type: ignore[arg-type]
                if stroke:
                    c.setStrokeColorRGB(*rgb(prim.stroke))  # type: ignore[arg-type]
                    c.setLineWidth(prim.stroke_width * s)
                x, y, w, h = ox + r.x * s, top - r.bottom * s, r.w * s, r.h * s
                if prim.radius > 0:
                    c.roundRect(x, y, w, h, prim.radius * s, stroke=int(stroke), fill=int(fill))
                else:
                    c.rect(x, y, w, h, stroke=int(stroke), fill=int(fill))
            elif isinstance(prim, Text):
                c.setFillColorRGB(*rgb(prim.colour))
                c.setFont(prim.face.value, prim.size * s)
                baseline = prim.y + metrics(prim.face).ascent * prim.size
                for line in prim.lines:
                    if line:
                        c.drawString(ox + prim.x * s, top - baseline * s, line)
                    baseline += prim.leading
    c.showPage()
    return c.getpdfdata()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--shape", choices=SHAPES, default="current")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paper", default="A0")
    parser.add_argument(
        "--no-connections",
        action="store_true",
        help="drop the map's connections before the layout (when routing is the slow part)",
    )
    parser.add_argument("--profile", action="store_true", help="profile one export")
    ns = parser.parse_args()

    project = make_shape(ns.shape, ns.cards)
    print(f"{ns.shape}: {shape_summary(project)}")
    jmap = project.maps[0]
    if ns.no_connections:
        jmap.connections.clear()
    options = PosterOptions(paper=ns.paper)

    layouter = MapLayouter(options.theme)
    t_layout, layout = best_of(1, lambda: layouter.layout(project, jmap))
    assert isinstance(layout, MapLayout)
    card = jmap.cards[len(jmap.cards) // 2]
    card.title = card.title + " (changed)"
    t_change, _ = best_of(1, lambda: layouter.layout(project, jmap))
    card.title = card.title.removesuffix(" (changed)")
    layout = layouter.layout(project, jmap)

    if ns.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        render_pdf(project, [jmap], options, layouts=[layout])
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)

    # ours and the floor interleaved, best of each: the machine is shared
    t_ours = t_floor = float("inf")
    for _ in range(ns.runs):
        t, result = best_of(1, lambda: render_pdf(project, [jmap], options, layouts=[layout]))
        t_ours = min(t_ours, t)
        t, floor = best_of(1, lambda: raw_reportlab(layout, options))
        t_floor = min(t_floor, t)
    ours, report = result  # type: ignore[misc]
    assert isinstance(floor, bytes)

    prims = sum(len(i.primitives) for i in layout.items)
    lines = sum(len(p.lines) for i in layout.items for p in i.primitives if isinstance(p, Text))
    print(
        f"map: {len(jmap.cards)} cards, {len(jmap.connections)} connections, "
        f"{len(layout.items)} items, {prims} primitives, {lines} text lines; "
        f"{layout.width:.0f} x {layout.height:.0f} pt"
    )
    print(f"layout, whole map:        {t_layout * 1000:8.1f} ms")
    print(f"layout, one card changed: {t_change * 1000:8.1f} ms")
    print(f"PDF ({ns.paper}, {report.pages} page): {t_ours * 1000:8.1f} ms  {len(ours):>10,} bytes")
    print(f"raw reportlab floor:      {t_floor * 1000:8.1f} ms  {len(floor):>10,} bytes")
    print(
        f"ratio: time {t_ours / t_floor:.2f}x, size {len(ours) / len(floor):.2f}x (goal <= 2x each)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
