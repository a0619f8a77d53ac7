"""Peak memory of ``journeydesk export pdf`` and ``export png`` on a project
full of large images.

The project: the English sample with COUNT cards of its first map each
showing its own SIDE×SIDE PNG (a few ellipses on a flat colour, so each
compresses to a few hundred KB; different colours, so no two are the same).
``--kind rgba64`` writes 16-bit RGBA PNGs instead (the largest decode a PNG
within the limits allows: 8 bytes a pixel in Qt). Each export runs in a child
process; its peak RSS is ``ru_maxrss`` from ``os.wait4`` on that child.

Run: ``python bench/bench_images.py [--count 10] [--side 7000] [--kind rgb|rgba64]
[--exports pdf,png] [--pythonpath DIR]`` (``--pythonpath`` runs another checkout's
code, for a before/after). Prints one line per export: seconds, peak MB, output
size. The bound the README states: 1.5 GB.
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


def make_project(path: Path, count: int, side: int, kind: str) -> None:
    project = new_project("sample", "en")
    jmap = project.maps[0]
    make = png_rgba64 if kind == "rgba64" else png_rgb
    for n in range(count):
        data = make(side, n)
        asset = Asset(
            name=f"big {n + 1}",
            type="image/png",
            width=side,
            height=side,
            data=base64.b64encode(data).decode("ascii"),
        )
        project.assets.append(asset)
        jmap.cards[n % len(jmap.cards)].image = asset.id
    write_project(project, path)


def largest_png_dpi(path: Path) -> int:
    from journeydesk.export.png import largest_dpi
    from journeydesk.io import read_project
    from journeydesk.layout.engine import LayoutOptions, MapLayouter

    project = read_project(path)
    return largest_dpi(MapLayouter().layout(project, project.maps[0], LayoutOptions()))


def run(args: list[str], pythonpath: str | None) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of ``python -m journeydesk ARGS`` in a child."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    start = time.perf_counter()
    # ``-m`` puts the working folder first on sys.path: run in the checkout measured
    child = subprocess.Popen(
        [sys.executable, "-m", "journeydesk", *args], env=env, cwd=pythonpath or None
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        print(f"  exit code {child.returncode}", file=sys.stderr)
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--side", type=int, default=7000)
    parser.add_argument("--kind", choices=("rgb", "rgba64"), default="rgb")
    parser.add_argument("--exports", default="pdf,png")
    parser.add_argument(
        "--dpi", type=int, default=150, help="of the PNG export; 0: the largest allowed"
    )
    parser.add_argument("--paper", default=None, help="of the PDF export (default: auto)")
    parser.add_argument("--pythonpath", default=None)
    ns = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "images.journey"
        start = time.perf_counter()
        make_project(src, ns.count, ns.side, ns.kind)
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
            seconds, peak = run(["export", what, str(src), "-o", str(out), *extra], ns.pythonpath)
            size = out.stat().st_size / 1e6 if out.exists() else 0.0
            print(f"export {what}: {seconds:.1f} s, peak {peak:.0f} MB, output {size:.1f} MB")
            worst = max(worst, peak)
        print(f"worst peak {worst:.0f} MB (bound {LIMIT_MB} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
