"""Opening a big project as a user does, whole process: ``journeydesk FILE``
started fresh until the map is painted, as a ratio to a fresh process that
parses the same file with ``json.loads`` and shows a bare QGraphicsScene of
one rect per layout item and one text per card, maximised (issue #14's table:
"whole process, best of 3", Xvfb 1920×1080).

``bench_open.py`` times the same open inside one warm process and prints each
phase; this one includes what a user also waits for: starting Python, importing
the app and Qt, reading the settings. Both sides start new processes, best of
N, interleaved, with bytecode cached as users have it and empty settings.

Under a display (``DISPLAY`` set, e.g. ``xvfb-run -s "-screen 0 1920x1080x24"``)
both sides use it; otherwise both run offscreen. The app reports the moment its
map was painted through ``JOURNEYDESK_STARTUP_PROBE`` (see ui/app.py), then quits.
Run: ``python bench/bench_open_process.py [--shape S]... [--cards N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import SHAPES, make_shape, shape_summary

FLOOR = """
import json, pickle, sys, time
t0 = float(sys.argv[1])
from PySide6.QtWidgets import (
    QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView,
)
app = QApplication([])
with open(sys.argv[2], "rb") as f:
    json.loads(f.read())
with open(sys.argv[3], "rb") as f:
    boxes, cards = pickle.load(f)
scene = QGraphicsScene()
for x, y, w, h in boxes:
    scene.addItem(QGraphicsRectItem(x, y, w, h))
for x, y, title in cards:
    text = QGraphicsSimpleTextItem(title)
    text.setPos(x + 4, y + 4)
    scene.addItem(text)
view = QGraphicsView(scene)
view.showMaximized()
app.processEvents()
print(time.process_time())
print(time.time() - t0)
"""


def _env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python keeps its bytecode
    for name in ("CONFIG", "STATE", "CACHE"):  # empty settings, nothing to recover
        env[f"JOURNEYDESK_{name}_DIR"] = str(folder / name.lower())
    return env


def floor(folder: Path, path: Path, side: Path) -> tuple[float, float]:
    """Wall seconds from the start to the bare scene painted, and the process's
    CPU seconds then."""
    out = subprocess.run(
        [sys.executable, "-c", FLOOR, repr(time.time()), str(path), str(side)],
        env=_env(folder),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    return float(lines[-1]), float(lines[-2])


def ours(folder: Path, path: Path) -> tuple[float, float]:
    probe = folder / "probe.txt"
    probe.unlink(missing_ok=True)
    env = dict(_env(folder), JOURNEYDESK_STARTUP_PROBE=str(probe))
    t0 = time.time()
    subprocess.run(
        [sys.executable, "-m", "journeydesk", str(path)],
        env=env,
        capture_output=True,
        timeout=300,
        check=True,
    )
    moments = dict(line.split() for line in probe.read_text().splitlines())
    return float(moments["map"]) - t0, float(moments["map_cpu"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--shape", action="append", choices=SHAPES)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from journeydesk.io import write_project
    from journeydesk.layout.engine import MapLayouter

    folder = Path(tempfile.mkdtemp(prefix="jd-bench-open-process-"))
    where = "Xvfb " + os.environ["DISPLAY"] if os.environ.get("DISPLAY") else "offscreen"
    print(f"{args.cards} cards, best of {args.runs}, {where}")
    for shape in args.shape or SHAPES:
        project = make_shape(shape, args.cards)
        path = folder / f"{shape}.journey"
        write_project(project, path)
        # the floor's boxes and titles: the same layout as ours (made here, not timed)
        jmap = project.maps[0]
        layout = MapLayouter().layout(project, jmap)
        titles = {c.id: c.title for c in jmap.cards}
        boxes = [(i.bounds.x, i.bounds.y, i.bounds.w, i.bounds.h) for i in layout.items]
        cards = [
            (i.bounds.x, i.bounds.y, titles.get(i.element or "", ""))
            for i in layout.items
            if i.kind == "card"
        ]
        side = folder / f"{shape}.boxes"
        side.write_bytes(pickle.dumps((boxes, cards)))
        summary = shape_summary(project)
        del project, layout
        floor(folder, path, side), ours(folder, path)  # warm: bytecode, page cache
        runs = [(floor(folder, path, side), ours(folder, path)) for _ in range(args.runs)]
        best_floor = min(f[0] for f, _ in runs)
        best_ours = min(o[0] for _, o in runs)
        cpu_floor = min(f[1] for f, _ in runs)
        cpu_ours = min(o[1] for _, o in runs)
        print(f"{shape}: {summary}")
        print(f"  floor: fresh process, json.loads + bare scene   {best_floor * 1000:7.0f} ms")
        print(
            f"  journeydesk FILE, map painted                  {best_ours * 1000:7.0f} ms"
            f"   ({best_ours / best_floor:.1f}× floor; goal ≤ 3× at 5,000 cards, < 5× at 20,000)"
        )
        print(
            f"  CPU time of the process until painted: floor {cpu_floor * 1000:.0f} ms,"
            f" ours {cpu_ours * 1000:.0f} ms ({cpu_ours / cpu_floor:.1f}×; a loaded machine"
            " stretches the wall times)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
