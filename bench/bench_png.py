"""PNG export speed, as a ratio against a bare QPainter drawing in the same run.

The map: ``make_shape(shape, cards)`` (generate.SHAPES), laid out once; ours is
``journeydesk.export.png.export_png`` of that layout (the app's PNG export: the
QPainter backend, its image cache decoding the assets anew, the PNG encoded
and written atomically), at 150 DPI.

The floor, measured in the same run on the same layout: a QImage of the same
pixel size and format, filled white, the same render hints and scale, one
``drawRect`` per layout item (its bounds, a pen and a brush) and the lines of
every card's title (``drawText`` with a plain QFont at the title's size), saved
as PNG two ways, both timed and printed: "floor" with the export's own encoder
(``journeydesk.export.png.encode_png``, the same way as ours: the goal is
judged against it) and "floor, Qt writer" with ``QImage.save`` into a QBuffer
(what a bare QPainter program does; the export used it before issue #14's
fourth round). The bytes are written to a file.

A map too large for 150 DPI (the export refuses more than ``MAX_PIXELS``; at
5,000 cards every shape is 1-2.5 gigapixels at 150 DPI) is measured at the
largest DPI the export accepts, and the DPI used is printed.

Best of N runs, ours and the floor interleaved (the machine may be shared);
CPU time of the process (``time.process_time``, all threads) and wall time.
Run: ``python bench/bench_png.py [--shape current|wide|dense]... [--cards N]
[--runs N] [--dpi N] [--profile] [--save-dir DIR]``. Prints milliseconds,
bytes and ratios; exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import SHAPES, make_shape, shape_summary
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

from journeydesk.export import png
from journeydesk.export.png import MAX_PIXELS, export_png, image_size, largest_dpi
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.fonts import metrics
from journeydesk.layout.primitives import MapLayout, Text
from journeydesk.render import qpainter


def bare_qpainter(layout: MapLayout, dpi: float, path: Path, qt_writer: bool) -> int:
    """The floor: one rect per item and the card titles; returns the PNG's bytes."""
    scale = dpi / 72.0
    w, h = image_size(layout, dpi)
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    painter.scale(scale, scale)
    pen = QPen(QColor("#888888"))
    pen.setWidthF(0.6)
    brush = QBrush(QColor("#FFF6D5"))
    ink = QPen(QColor("#222222"))
    fonts: dict[float, QFont] = {}
    for item in layout.sorted_items():
        r = item.bounds
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.drawRect(QRectF(r.x, r.y, r.w, r.h))
        if item.kind != "card":
            continue
        title = next((p for p in item.primitives if isinstance(p, Text)), None)
        if title is None:
            continue
        font = fonts.get(title.size)
        if font is None:
            font = fonts[title.size] = QFont("Sans Serif")
            font.setPixelSize(max(1, round(title.size)))
        painter.setFont(font)
        painter.setPen(ink)
        baseline = title.y + metrics(title.face).ascent * title.size
        for line in title.lines:
            painter.drawText(
                QRectF(title.x, baseline - title.size, title.width, 2 * title.size), 0, line
            )
            baseline += title.leading
    painter.end()
    if qt_writer:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
            raise OSError("PNG encoding failed")
        buffer.close()
        raw = bytes(data.data())
    else:
        raw = png.encode_png(image)
    path.write_bytes(raw)
    return len(raw)


#: Before the export had its own encoder (an older checkout) the first floor is left out.
RUNS = (
    ("ours", "floor", "floor, Qt writer")
    if hasattr(png, "encode_png")
    else ("ours", "floor, Qt writer")
)


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(CPU seconds, wall seconds, result) of one call."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def run_shape(shape: str, ns: argparse.Namespace, folder: Path) -> None:
    project = make_shape(shape, ns.cards)
    jmap = project.maps[0]
    layout = MapLayouter().layout(project, jmap)
    dpi = float(ns.dpi)
    w, h = image_size(layout, dpi)
    note = ""
    if w * h > MAX_PIXELS:
        dpi = float(largest_dpi(layout))
        note = (
            f" ({ns.dpi:g} DPI would be {w}x{h} = {w * h / 1e6:,.0f} MP, over the export's "
            f"{MAX_PIXELS / 1e6:.0f} MP limit)"
        )
        w, h = image_size(layout, dpi)
    print(f"\n{shape}: {shape_summary(project)}")
    prims = sum(len(i.primitives) for i in layout.items)
    print(
        f"  {len(layout.items)} items, {prims} primitives; {w}x{h} px = {w * h / 1e6:.0f} MP "
        f"at {dpi:g} DPI{note}"
    )
    paths = {
        name: folder / f"{shape}-{name.replace(' ', '-').replace(',', '')}.png" for name in RUNS
    }

    def ours() -> object:
        # a first export: no pens, brushes or fonts left from the last run
        getattr(qpainter, "clear_caches", lambda: None)()
        return export_png(project, jmap, paths["ours"], dpi, layout=layout)

    calls: dict[str, Callable[[], object]] = {
        "ours": ours,
        "floor": lambda: bare_qpainter(layout, dpi, paths["floor"], qt_writer=False),
        "floor, Qt writer": lambda: bare_qpainter(
            layout, dpi, paths["floor, Qt writer"], qt_writer=True
        ),
    }
    if ns.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        ours()
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    best = {name: [float("inf")] * 2 for name in RUNS}
    for _ in range(ns.runs):
        for name in RUNS:
            cpu, wall, _ = timed(calls[name])
            best[name] = [min(best[name][0], cpu), min(best[name][1], wall)]
    print(f"  {'':18} {'CPU ms':>9} {'wall ms':>9} {'bytes':>12}   ours / this (CPU, wall)")
    oc, ow = best["ours"]
    for name in RUNS:
        c, w_ = best[name]
        print(
            f"  {name:18} {c * 1000:9.0f} {w_ * 1000:9.0f} {paths[name].stat().st_size:12,}"
            f"   {oc / c:5.2f}x {ow / w_:5.2f}x"
        )
    print("  goal: ours <= 1.5x floor (the floor encoded the same way as ours)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--shape", action="append", choices=SHAPES)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dpi", type=float, default=150)
    parser.add_argument("--profile", action="store_true", help="profile one export first")
    parser.add_argument("--save-dir", help="keep the PNGs here (default: a temporary folder)")
    ns = parser.parse_args()

    from journeydesk.export.png import ensure_gui_app

    app = ensure_gui_app()
    with tempfile.TemporaryDirectory(prefix="jd-bench-png-") as tmp:
        folder = Path(ns.save_dir or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for shape in ns.shape or SHAPES:
            run_shape(shape, ns, folder)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
