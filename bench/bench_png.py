"""PNG export speed, as a ratio against a bare QPainter drawing in the same run.

The map: ``make_shape(shape, cards)`` (generate.SHAPES), laid out once; ours is
``journeydesk.export.png.export_png`` of that layout (the app's PNG export: the
QPainter backend, its image cache decoding the assets anew, the PNG encoded
and written atomically), at 150 DPI.

The floor, measured in the same run on the same layout: the same pixels in
the same horizontal bands as the export (``png.band_rows``: a QImage of that
many rows, the same format, filled white, the same render hints, the painter
translated up by the band's top and scaled), one ``drawRect`` per layout item
(its bounds, a pen and a brush) and the lines of every card's title
(``drawText`` with a plain QFont at the title's size), each band drawing only
the items whose bounds reach it (listed once, as the export lists its
primitives), encoded band by band by the export's own encoder
(``png.PngWriter``) into a file. At 5,000 cards and 150 DPI the image is 1-2.5
gigapixels (4-10 GB as one QImage), so a floor drawn whole would not fit in
memory; in bands it does the same drawing and encoding work as a whole one,
plus what any banded drawing pays (a QPainter per band, items crossing a seam
drawn twice), which ours pays too. "floor, Qt writer" (``QImage.save`` of the
whole image, what a bare QPainter program does) is run only when the image
is at most 200 megapixels.

Each measure runs in a fresh process (``--child``): the export is a user's
first (no pens, fonts or decoded images left from an earlier run), and the
process's peak resident memory (``resource.getrusage``, ``ru_maxrss``) is the
export's, printed with the memory before it (the map and its layout). Ours
and the floor interleaved, best of N (the machine may be shared); CPU time
of the process (``time.process_time``, all threads) and wall time. Ours' file
is read back: Pillow (its pixel limit raised) checks the header and decodes
the top rows, and a streaming decoder (zlib, every CRC and row) checks the
fill of a few cards (first, middle, last) at their drawn position.
Run: ``python bench/bench_png.py [--shape current|wide|dense]... [--cards N]
[--runs N] [--dpi N] [--profile] [--save-dir DIR]``. Prints milliseconds,
bytes, megabytes and ratios; exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import math
import os
import pstats
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zlib
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
from journeydesk.layout.primitives import Box, MapLayout, Text

WHOLE_LIMIT = 200_000_000
"""Largest image the "Qt writer" floor draws whole."""


def floor_items(layout: MapLayout) -> list[tuple[QRectF, list[tuple[QRectF, str]] | None, float]]:
    """What the floor draws: each item's bounds, and a card's title lines."""
    out = []
    for item in layout.sorted_items():
        r = item.bounds
        lines = None
        size = 0.0
        if item.kind == "card":
            title = next((p for p in item.primitives if isinstance(p, Text)), None)
            if title is not None:
                size = title.size
                baseline = title.y + metrics(title.face).ascent * title.size
                lines = []
                for line in title.lines:
                    lines.append(
                        (QRectF(title.x, baseline - title.size, title.width, 2 * title.size), line)
                    )
                    baseline += title.leading
        out.append((QRectF(r.x, r.y, r.w, r.h), lines, size))
    return out


def floor_draw(painter: QPainter, items, fonts: dict[float, QFont]) -> None:  # type: ignore[no-untyped-def]
    pen = QPen(QColor("#888888"))
    pen.setWidthF(0.6)
    brush = QBrush(QColor("#FFF6D5"))
    ink = QPen(QColor("#222222"))
    for rect, lines, size in items:
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.drawRect(rect)
        if not lines:
            continue
        font = fonts.get(size)
        if font is None:
            font = fonts[size] = QFont("Sans Serif")
            font.setPixelSize(max(1, round(size)))
        painter.setFont(font)
        painter.setPen(ink)
        for box, line in lines:
            painter.drawText(box, 0, line)


def new_image(w: int, h: int, dpi: float) -> tuple[QImage, QPainter]:
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
    return image, painter


def bare_qpainter(layout: MapLayout, dpi: float, path: Path) -> int:
    """The floor in the export's bands: one rect per item and the card titles,
    encoded by the export's encoder; returns the PNG's bytes."""
    scale = dpi / 72.0
    w, h = image_size(layout, dpi)
    rows = png.band_rows(w)
    count = -(-h // rows)
    bands: list[list] = [[] for _ in range(count)]  # type: ignore[type-arg]
    for entry in floor_items(layout):
        rect, _, size = entry
        y0 = math.floor((rect.top() - size) * scale) - 2
        y1 = math.ceil((rect.bottom() + size) * scale) + 2
        for b in range(max(0, y0 // rows), min(count - 1, y1 // rows) + 1):
            bands[b].append(entry)
    fonts: dict[float, QFont] = {}
    dpm = round(dpi / 0.0254)
    with open(path, "wb") as out:
        writer = png.PngWriter(out, w, h, (dpm, dpm))
        for b in range(count):
            top = b * rows
            image, painter = new_image(w, min(rows, h - top), dpi)
            painter.translate(0, -top)
            painter.scale(scale, scale)
            floor_draw(painter, bands[b], fonts)
            painter.end()
            writer.write(image)
            del painter, image
        writer.finish()
    return path.stat().st_size


def bare_qpainter_qt_writer(layout: MapLayout, dpi: float, path: Path) -> int:
    """The floor drawn whole and saved by Qt's PNG writer (a bare program)."""
    w, h = image_size(layout, dpi)
    image, painter = new_image(w, h, dpi)
    painter.scale(dpi / 72.0, dpi / 72.0)
    floor_draw(painter, floor_items(layout), {})
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("PNG encoding failed")
    buffer.close()
    path.write_bytes(bytes(data.data()))
    return path.stat().st_size


def rss_now() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def child(ns: argparse.Namespace) -> int:
    """One measure in this fresh process; prints a JSON line."""
    png.ensure_gui_app()
    project = make_shape(ns.shape[0], ns.cards)
    jmap = project.maps[0]
    layout = MapLayouter().layout(project, jmap)
    path = Path(ns.out)
    calls: dict[str, Callable[[], object]] = {
        "ours": lambda: export_png(project, jmap, path, ns.dpi, layout=layout),
        "floor": lambda: bare_qpainter(layout, ns.dpi, path),
        "floor, Qt writer": lambda: bare_qpainter_qt_writer(layout, ns.dpi, path),
    }
    if ns.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        calls[ns.child]()
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(20)
        return 0
    gc.collect()
    before = rss_now()
    # the peak from here on: making the map and its layout peaks on its own
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    cpu, wall = time.process_time(), time.perf_counter()
    calls[ns.child]()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    rusage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    with open("/proc/self/status") as f:
        hwm = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmHWM:"))
    print(json.dumps({"cpu": cpu, "wall": wall, "before": before, "peak": hwm, "ru": rusage}))
    return 0


def measure(name: str, shape: str, ns: argparse.Namespace, dpi: float, out: Path) -> dict:  # type: ignore[type-arg]
    cmd = [sys.executable, __file__, "--child", name, "--shape", shape]
    cmd += ["--cards", str(ns.cards), "--dpi", str(dpi), "--out", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def png_rows(path: Path):  # type: ignore[no-untyped-def]
    """(width, height, rows): a streaming decoder of our PNGs (8-bit RGB,
    unfiltered rows), checking every chunk's CRC; rows yields bytes."""
    f = open(path, "rb")  # noqa: SIM115 - closed by the generator
    assert f.read(8) == png.PNG_SIGNATURE

    def chunks():  # type: ignore[no-untyped-def]
        while True:
            n, kind = struct.unpack(">I4s", f.read(8))
            data = f.read(n)
            (crc,) = struct.unpack(">I", f.read(4))
            assert zlib.crc32(kind + data) == crc, f"bad CRC in {kind!r}"
            yield kind, data
            if kind == b"IEND":
                return

    it = chunks()
    kind, head = next(it)
    w, h, depth, colour = struct.unpack(">IIBB", head[:10])
    assert kind == b"IHDR" and depth == 8 and colour == 2

    def rows():  # type: ignore[no-untyped-def]
        inflate = zlib.decompressobj()
        buf = bytearray()
        size = 1 + 3 * w
        for kind, data in it:
            if kind != b"IDAT":
                continue
            buf += inflate.decompress(data)
            while len(buf) >= size:
                assert buf[0] == 0, "a filtered row"
                yield bytes(buf[1:size])
                del buf[:size]
        buf += inflate.flush()
        assert not buf and inflate.eof
        f.close()

    return w, h, rows()


def check_file(path: Path, layout: MapLayout, dpi: float) -> str:
    """Ours read back: Pillow's header and top rows; the fill of the first, a
    middle and the last card at their drawn position. Returns a line to print."""
    from PIL import Image as PilImage
    from PIL import ImageFile

    w, h = image_size(layout, dpi)
    PilImage.MAX_IMAGE_PIXELS = None  # Pillow refuses > 179 MP by default
    with PilImage.open(path) as im:
        assert im.size == (w, h) and im.mode == "RGB", (im.size, im.mode)
        assert abs(im.info["dpi"][0] - dpi) < 0.1
        top = min(h, 64)
        (tile,) = im.tile  # decode the top rows only: the whole would be w*h*3 bytes
        im._size = (w, top)
        im.tile = [ImageFile._Tile(tile[0], (0, 0, w, top), tile[2], tile[3])]
        im.load()
        pil_top = im.tobytes()
    scale = dpi / 72.0
    cards = [i for i in layout.items if i.kind == "card"]
    probes: dict[int, list[tuple[int, str]]] = {}
    for item in (cards[0], cards[len(cards) // 2], cards[-1]):
        box = next(p for p in item.primitives if isinstance(p, Box) and p.fill)
        x = round((box.rect.x + box.rect.w / 2) * scale)
        y = round((box.rect.y + 2.5) * scale)  # between the border and the title
        probes.setdefault(y, []).append((x, box.fill or ""))
    pw, ph, rows = png_rows(path)
    assert (pw, ph) == (w, h)
    ok = n = 0
    for y, row in enumerate(rows):
        if y < top:
            assert row == pil_top[y * 3 * w : (y + 1) * 3 * w], f"row {y}: Pillow differs"
        for x, fill in probes.get(y, []):
            got = "#{:02X}{:02X}{:02X}".format(*row[3 * x : 3 * x + 3])
            ok += got == fill.upper()
            n += 1
            print(f"    card fill at ({x}, {y}): {got}, drawn {fill}")
    assert n == 3 and y == h - 1
    return f"read back: {w}x{h}, Pillow's top {top} rows equal, {ok} of {n} card fills right"


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
            f"{MAX_PIXELS / 1e6:,.0f} MP limit)"
        )
        w, h = image_size(layout, dpi)
    print(f"\n{shape}: {shape_summary(project)}")
    prims = sum(len(i.primitives) for i in layout.items)
    rows = png.band_rows(w)
    print(
        f"  {len(layout.items)} items, {prims} primitives; {w}x{h} px = {w * h / 1e6:,.0f} MP "
        f"at {dpi:g} DPI{note}; bands of {rows} rows ({-(-h // rows)} bands)",
        flush=True,
    )
    names = ["ours", "floor"] + (["floor, Qt writer"] if w * h <= WHOLE_LIMIT else [])
    paths = {n: folder / f"{shape}-{n.replace(' ', '-').replace(',', '')}.png" for n in names}
    if ns.profile:
        cmd = [sys.executable, __file__, "--child", "ours", "--shape", shape, "--profile"]
        cmd += ["--cards", str(ns.cards), "--dpi", str(dpi), "--out", str(paths["ours"])]
        subprocess.run(cmd, check=True)
    best: dict[str, dict[str, float]] = {}
    for _ in range(ns.runs):
        for name in names:
            got = measure(name, shape, ns, dpi, paths[name])
            mine = best.setdefault(name, {"cpu": math.inf, "wall": math.inf, "peak": 0})
            mine["cpu"] = min(mine["cpu"], got["cpu"])
            mine["wall"] = min(mine["wall"], got["wall"])
            mine["peak"] = max(mine["peak"], got["peak"])
            mine["ru"] = max(mine.get("ru", 0), got["ru"])
            mine["before"] = got["before"]
    head = (
        f"  {'':18} {'CPU ms':>9} {'wall ms':>9} {'bytes':>13} {'RSS before':>10} {'peak':>9}"
    )
    print(head + "   ours / this (CPU, wall)")
    oc, ow = best["ours"]["cpu"], best["ours"]["wall"]
    for name in names:
        b = best[name]
        print(
            f"  {name:18} {b['cpu'] * 1000:9.0f} {b['wall'] * 1000:9.0f} "
            f"{paths[name].stat().st_size:13,} {b['before'] / 2**20:7.0f} MB "
            f"{b['peak'] / 2**20:6.0f} MB (ru_maxrss {b['ru'] / 2**20:.0f})"
            f"   {oc / b['cpu']:5.2f}x {ow / b['wall']:5.2f}x"
        )
    print("  goal: ours <= 1.5x floor (the floor drawn in the same bands, encoded the same way)")
    print("  peak: the process's resident peak during the export (VmHWM reset before it)")
    print("  " + check_file(paths["ours"], layout, dpi), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--shape", action="append", choices=SHAPES)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--dpi", type=float, default=150)
    parser.add_argument("--profile", action="store_true", help="profile one export first")
    parser.add_argument("--save-dir", help="keep the PNGs here (default: a temporary folder)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.child:
        return child(ns)

    app = png.ensure_gui_app()
    with tempfile.TemporaryDirectory(prefix="jd-bench-png-") as tmp:
        folder = Path(ns.save_dir or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for shape in ns.shape or SHAPES:
            run_shape(shape, ns, folder)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
