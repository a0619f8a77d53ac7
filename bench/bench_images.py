"""Peak memory of ``journeydesk export pdf`` and ``export png`` on a project
full of large images.

The project: the English sample with COUNT cards of its first map each
showing its own SIDE×SIDE PNG (a few ellipses on a flat colour, so each
compresses to a few hundred KB; different colours, so no two are the same).
``--kind rgba64`` writes 16-bit RGBA PNGs instead (the most bytes a pixel a
PNG can have), ``--kind mono`` 1-bit ones (the most pixels a byte of file
can carry); ``--extra N`` adds N 1-bit assets no card shows (a file near the
100 MiB limit); ``--exports validate,open`` measures opening: load and
checks, and the first map drawn by the canvas scene at three zooms.
Each command runs in a child process; its peak RSS is the child's own
``VmHWM``, written at its exit (``OWN_PEAK``; ``ru_maxrss`` from ``os.wait4``
where there is no ``/proc``).

Run: ``python bench/bench_images.py [--count 10] [--side 7000]
[--kind rgb|rgba64|mono] [--extra N] [--exports pdf,png,validate,open]
[--dpi N|0] [--paper A0] [--pythonpath DIR]`` (``--pythonpath`` runs another
checkout's code, for a before/after). Prints one line per command: seconds,
peak MB, output size. The bound docs/file-format.md states: 1.5 GB.
"""

from __future__ import annotations

import argparse
import base64
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journeydesk.io import write_project
from journeydesk.model.project import Asset
from journeydesk.templates import new_project

LIMIT_MB = 1536


def png_rgb(side: int, n: int) -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (side, side), (240, 200 - n % 50, 120 + n % 100))
    draw = ImageDraw.Draw(image)
    step = max(1, side // 20)
    for i in range(0, side, step):
        draw.ellipse((i, i, i + side // 3, i + side // 4), fill=((i + 37 * n) % 255, 80, 200))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def png_rgba64(side: int, n: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(side, side, QImage.Format.Format_RGBA64)
    image.fill(QColor(240, 200 - n % 50, 120 + n % 100, 200))
    painter = QPainter(image)
    painter.setBrush(QColor((37 * n) % 255, 80, 200, 128))
    painter.drawEllipse(QRectF(side / 4, side / 4, side / 2, side / 3))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def png_mono(side: int, n: int) -> bytes:
    """A 1-bit PNG: the most pixels a byte of file can carry (50 MP in ~6 KB)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("1", (side, side), 1)
    ImageDraw.Draw(image).rectangle((n % 100, 0, n % 100 + side // 3, side // 2), fill=0)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def make_project(path: Path, count: int, side: int, kind: str, extra: int = 0) -> None:
    """COUNT images on COUNT cards (cards are added when the map has fewer);
    EXTRA more assets, one 1-bit PNG of SIDE×SIDE, that no card shows (file size)."""
    from journeydesk.model.project import Card

    project = new_project("sample", "en")
    jmap = project.maps[0]
    cells = [(c.step, c.lane) for c in jmap.cards]
    while len(jmap.cards) < count:
        step, lane = cells[len(jmap.cards) % len(cells)]
        jmap.cards.append(Card(step=step, lane=lane, order=len(jmap.cards), title="extra"))
    make = {"rgba64": png_rgba64, "mono": png_mono}.get(kind, png_rgb)
    filler = png_mono(side, 0) if extra else b""
    for n in range(count + extra):
        data = make(side, n) if n < count else filler
        asset = Asset(
            name=f"big {n + 1}",
            type="image/png",
            width=side,
            height=side,
            data=base64.b64encode(data).decode("ascii"),
        )
        project.assets.append(asset)
        if n < count:
            jmap.cards[n].image = asset.id
    write_project(project, path)


def largest_png_dpi(path: Path) -> int:
    from journeydesk.export.png import largest_dpi
    from journeydesk.io import read_project
    from journeydesk.layout.engine import LayoutOptions, MapLayouter

    project = read_project(path)
    return largest_dpi(MapLayouter().layout(project, project.maps[0], LayoutOptions()))


OPEN_ON_CANVAS = """
import sys
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from journeydesk.canvas.scene import MapScene
from journeydesk.io import read_project
app = QApplication([])
project = read_project(sys.argv[1])
scene = MapScene()
scene.show_map(project, project.maps[0])
for zoom in (0.5, 1.0, 2.0):  # the whole map, then the top left at 100 % and 200 %
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    rect = scene.sceneRect()
    source = rect if zoom == 0.5 else QRectF(0, 0, 1920 / zoom, 1080 / zoom)
    scene.render(painter, QRectF(0, 0, 1920, 1080), source)
    painter.end()
"""


OWN_PEAK = """
import atexit, os, runpy, sys


def _write_peak():
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    with open(os.environ["JD_BENCH_PEAK_FILE"], "w") as out:
        out.write(str(kb))


atexit.register(_write_peak)
mode, target, *rest = sys.argv[1:]
if mode == "-m":
    sys.argv = [target, *rest]
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    sys.argv = ["-c", *rest]
    exec(compile(target, "<bench>", "exec"), {"__name__": "__main__"})
"""
"""Runs a child's command and writes its own peak resident memory (``VmHWM``)
at exit. ``ru_maxrss`` from ``os.wait4`` is not that: Linux counts into a
child's maximum the memory it shared with its parent until ``exec``, so a
child of a 1.7 GB test process reported 1.7 GB whatever it used."""


def run(args: list[str], pythonpath: str | None) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of ``python -m journeydesk ARGS`` in a child
    (``open FILE``: the file read and its first map drawn by the canvas scene):
    the child's own peak (``OWN_PEAK``) where ``/proc`` has it, else
    ``ru_maxrss`` (which counts the parent's memory at the spawn too)."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    start = time.perf_counter()
    command = ["-m", "journeydesk", *args]
    if args[0] == "open":
        command = ["-c", OPEN_ON_CANVAS, *args[1:]]
    own = Path("/proc/self/status").exists()
    with tempfile.TemporaryDirectory(prefix="jd-bench-peak-") as folder:
        peak_file = Path(folder) / "peak"
        if own:
            env["JD_BENCH_PEAK_FILE"] = str(peak_file)
            command = ["-c", OWN_PEAK, *command]
        # (the working folder first on sys.path: run in the checkout measured)
        child = subprocess.Popen([sys.executable, *command], env=env, cwd=pythonpath or None)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        if child.returncode != 0:
            print(f"  exit code {child.returncode}", file=sys.stderr)
        if own and peak_file.exists():
            return seconds, int(peak_file.read_text()) / 1024
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--side", type=int, default=7000)
    parser.add_argument("--kind", choices=("rgb", "rgba64", "mono"), default="rgb")
    parser.add_argument("--extra", type=int, default=0, help="assets no card shows")
    parser.add_argument("--exports", default="pdf,png", help="and/or validate, open (the canvas)")
    parser.add_argument(
        "--dpi", type=int, default=150, help="of the PNG export; 0: the largest allowed"
    )
    parser.add_argument("--paper", default=None, help="of the PDF export (default: auto)")
    parser.add_argument("--pythonpath", default=None)
    ns = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "images.journey"
        start = time.perf_counter()
        make_project(src, ns.count, ns.side, ns.kind, ns.extra)
        print(
            f"{ns.count} × {ns.side}×{ns.side} {ns.kind} PNGs: "
            f"file {src.stat().st_size / 1e6:.1f} MB (made in {time.perf_counter() - start:.1f} s)"
        )
        if ns.dpi == 0:
            ns.dpi = largest_png_dpi(src)
            print(f"PNG at {ns.dpi} DPI (the largest within 200 megapixels)")
        worst = 0.0
        for what in ns.exports.split(","):
            out = Path(tmp) / f"out.{what}"
            extra = ["--dpi", str(ns.dpi)] if what == "png" else []
            if what == "pdf" and ns.paper:
                extra = ["--paper", ns.paper]
            command = ["export", what, str(src), "-o", str(out), *extra]
            if what in ("validate", "open"):
                command = [what, str(src)]
            seconds, peak = run(command, ns.pythonpath)
            size = out.stat().st_size / 1e6 if out.exists() else 0.0
            print(f"export {what}: {seconds:.1f} s, peak {peak:.0f} MB, output {size:.1f} MB")
            worst = max(worst, peak)
        print(f"worst peak {worst:.0f} MB (bound {LIMIT_MB} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
