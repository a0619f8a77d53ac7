"""Opening a 5,000-card project to a painted canvas, as a ratio to a bare
QGraphicsScene holding the same number of rect + text items, shown in a view
of the same size and painted (the issue's floor).

Ours is the whole path a user waits for: read and validate the file, lay the
map out, build the scene, paint the window. Each phase is printed too, so a
change shows where it helps. Best of N, each run with a fresh window and
fresh caches (the text wrapped and measured by the runs before is forgotten:
until round 4 of #14 every timed open found the probe's), the floor's and
ours interleaved. The floor parses the file with
``json.loads`` too. Also printed: the resident memory with the map open, measured
in a fresh process that only opens the file (this one also holds the generated
project and the heap left by every timed run), beside that of the empty window.
Run: ``python bench/bench_open.py [--shape current|wide|dense] [--cards N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import SHAPES, make_shape, shape_summary

VIEW_SIZE = (1600, 1000)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--shape", choices=SHAPES, default="current")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rss-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_of is not None:
        return _rss_of(args.rss_of)

    from PySide6.QtWidgets import (
        QApplication,
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsSimpleTextItem,
        QGraphicsView,
    )

    from journeydesk.document.document import Document
    from journeydesk.io import read_project, write_project
    from journeydesk.layout import curves, shapes
    from journeydesk.layout.fonts import Face, metrics
    from journeydesk.layout.text import wrap
    from journeydesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="jd-bench-open-"))
    path = folder / "big.journey"
    big = make_shape(args.shape, args.cards)
    print(f"{args.shape}: {shape_summary(big)}")
    write_project(big, path)
    del big
    size_mb = path.stat().st_size / 2**20

    # What the bare scene gets: the same boxes and a title for each card.
    probe = MainWindow()
    probe.context.set_document(Document(read_project(path), None))
    layout = probe.scene.layout
    assert layout is not None and probe.document is not None
    boxes = [(i.bounds, i.kind) for i in layout.items]
    jmap = probe.current_map()
    assert jmap is not None
    titles = {c.id: c.title for c in jmap.cards}
    cards = [(i.bounds, titles.get(i.element or "", "")) for i in layout.items if i.kind == "card"]
    probe.document.undo_stack.setClean()
    probe.close()
    probe.deleteLater()
    app.processEvents()

    def bare() -> dict[str, float]:
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        json.loads(path.read_bytes())  # the floor parses the file too (issue #14)
        scene = QGraphicsScene()
        for b, _kind in boxes:
            scene.addItem(QGraphicsRectItem(b.x, b.y, b.w, b.h))
        for b, title in cards:
            text = QGraphicsSimpleTextItem(title)
            text.setPos(b.x + 4, b.y + 4)
            scene.addItem(text)
        view = QGraphicsView(scene)
        view.resize(*VIEW_SIZE)
        view.show()
        app.processEvents()
        view.grab()
        total = time.perf_counter() - t0
        cpu = time.process_time() - c0
        view.close()
        view.deleteLater()
        scene.deleteLater()
        app.processEvents()
        return {"total": total, "cpu": cpu}

    def forget_text_measures() -> None:
        """Every timed open starts without the text measured by the opens before
        it (the probe's included): a user's first open of a file has none of it.
        (The font tables, loaded once per process like Qt's fonts, stay.)"""
        wrap.cache_clear()
        for face in Face:
            metrics(face)._units.clear()
        # the emotion curves' colours (layout/shapes.py, layout/curves.py) likewise
        shapes.score_colour.cache_clear()
        curves._darker.cache_clear()

    def ours() -> dict[str, float]:
        forget_text_measures()
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        project = read_project(path)
        t1 = time.perf_counter()
        window = MainWindow()
        window.resize(*VIEW_SIZE)
        window.show()
        t2 = time.perf_counter()
        window.context.set_document(Document(project, path))
        t3 = time.perf_counter()
        app.processEvents()
        window.grab()
        t4 = time.perf_counter()
        cpu = time.process_time() - c0
        assert window.document is not None
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        app.processEvents()
        return {
            "read and validate the file": t1 - t0,
            "window": t2 - t1,
            "layout and scene": t3 - t2,
            "paint": t4 - t3,
            "total": t4 - t0,
            "cpu": cpu,
        }

    def best(fn) -> dict[str, float]:  # type: ignore[no-untyped-def]
        return min((fn() for _ in range(args.runs)), key=lambda r: r["total"])

    # interleaved, best of each: the machine is shared
    runs = [(bare(), ours()) for _ in range(args.runs)]
    floor = min((f for f, _ in runs), key=lambda r: r["total"])
    mine = min((m for _, m in runs), key=lambda r: r["total"])
    gc.collect()
    window = MainWindow()
    window.resize(*VIEW_SIZE)
    window.show()
    window.context.set_document(Document(read_project(path), path))
    app.processEvents()
    window.grab()
    rss = _rss_mb()
    print(f"map: {len(jmap.cards)} cards, {len(layout.items)} layout items, file {size_mb:.1f} MiB")
    print(
        f"floor: bare scene, {len(boxes)} rects + {len(cards)} texts, painted"
        f"   {floor['total'] * 1000:7.0f} ms"
    )
    for name, value in mine.items():
        if name not in ("total", "cpu"):
            print(f"  {name:38s}{value * 1000:7.0f} ms")
    print(
        f"open to a painted canvas                {mine['total'] * 1000:7.0f} ms"
        f"   ({mine['total'] / floor['total']:.1f}× floor)"
    )
    # CPU time moves less than wall time on a shared machine (best of each)
    floor_cpu = min(f["cpu"] for f, _ in runs)
    mine_cpu = min(m["cpu"] for _, m in runs)
    print(
        f"CPU time: floor {floor_cpu * 1000:.0f} ms, ours {mine_cpu * 1000:.0f} ms"
        f"   ({mine_cpu / floor_cpu:.1f}× floor)"
    )
    print(f"resident memory of this bench process: {rss:.0f} MB (peak {_peak_mb():.0f} MB)")
    import subprocess

    fresh = subprocess.run(
        [sys.executable, __file__, "--rss-of", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    print(
        f"resident memory, a fresh process with the map open: {fresh[1]} MB"
        f" (the empty window alone: {fresh[0]} MB)"
    )
    return 0


def _rss_of(path: Path) -> int:
    """Open ``path`` in a window of its own and print the RSS before and after."""
    from PySide6.QtWidgets import QApplication

    from journeydesk.document.document import Document
    from journeydesk.io import read_project
    from journeydesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(*VIEW_SIZE)
    window.show()
    app.processEvents()
    window.grab()
    empty = _rss_mb()
    window.context.set_document(Document(read_project(path), path))
    app.processEvents()
    window.grab()
    gc.collect()
    print(f"{empty:.0f} {_rss_mb():.0f}")
    assert window.document is not None
    window.document.undo_stack.setClean()
    return 0


def _rss_mb() -> float:
    """This process's resident set now (Linux /proc), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
