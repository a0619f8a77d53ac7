"""How each phase grows when the cards double (issue #14: nothing worse than
n log n; no phase's time ratio for twice the cards above 2.3x).

For every shape of ``generate.SHAPES`` (current, wide, dense) it builds the
map at N and at 2N cards and times, best of R with the two sizes interleaved,
each measure in a fresh process (CPU time of the process: the machine is shared,
so wall times are noisy; the ratio of two runs made side by side is what counts):

- parse: ``load_bytes`` of the saved file (JSON + validation + checks);
- layout: the whole map, minus the two phases below;
- routing: the connections (``layout.connections.connections``);
- labels: placing the emotion words (``layout.curves.emotion_words``);
- scene: ``MapScene.show_map`` on a fresh scene, minus its layout;
- pdf: ``render_pdf`` of that layout on A0;
- slides: every storyline scene laid out as a 1920x1080 slide (the video and
  slide exports, and the storyline panel's thumbnails, draw from these).

Prints one table per shape and ``FAIL`` next to any ratio above 2.3; exits 1 if
there is one. Run: ``python bench/bench_growth.py [--cards N] [--runs R]
[--shape current|wide|dense]...``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import SHAPES, make_shape, shape_summary

#: CPU time of this process: other jobs on a shared machine barely move it.
CLOCK = time.process_time
PHASES = ("parse", "layout", "routing", "labels", "scene", "pdf", "slides")
LIMIT = 2.3


class Timer:
    """Wraps module functions so the time spent inside them is summed."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}

    def wrap(self, module: Any, name: str, phase: str) -> None:
        inner = getattr(module, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = CLOCK()
            try:
                return inner(*args, **kwargs)
            finally:
                self.spent[phase] = self.spent.get(phase, 0.0) + CLOCK() - start

        setattr(module, name, timed)

    def take(self) -> dict[str, float]:
        out, self.spent = self.spent, {}
        return out


def measure(project_bytes: bytes, timer: Timer) -> dict[str, float]:
    from journeydesk.canvas.scene import MapScene
    from journeydesk.export.pdf.poster import PosterOptions, render_pdf
    from journeydesk.io import load_bytes
    from journeydesk.layout.storyline.scenes import scenes_for
    from journeydesk.layout.storyline.slides import slide_layout

    out: dict[str, float] = {}

    def clock(fn: Callable[[], Any]) -> tuple[float, Any]:
        start = CLOCK()
        result = fn()
        return CLOCK() - start, result

    out["parse"], project = clock(lambda: load_bytes(project_bytes))
    jmap = project.maps[0]
    scene = MapScene()
    timer.take()
    whole, _ = clock(lambda: scene.layouter.layout(project, jmap))
    inner = timer.take()
    out["routing"] = inner.get("routing", 0.0)
    out["labels"] = inner.get("labels", 0.0)
    out["layout"] = whole - out["routing"] - out["labels"]
    scene.layouter.layout = _cached(scene.layouter.layout)  # type: ignore[method-assign]
    layout = scene.layouter.layout(project, jmap)
    out["scene"], _ = clock(lambda: scene.show_map(project, jmap))
    out["pdf"], _ = clock(
        lambda: render_pdf(project, [jmap], PosterOptions(paper="A0"), layouts=[layout])
    )
    scene.clear()
    out["slides"], _ = clock(
        lambda: [slide_layout(project, jmap, s, 1920, 1080) for s in scenes_for(project, jmap)]
    )
    return out


def _cached(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The layouter made to return its last layout, so show_map times the scene only."""
    memo: dict[str, Any] = {}

    def cached(*args: Any, **kwargs: Any) -> Any:
        if "layout" not in memo:
            memo["layout"] = fn(*args, **kwargs)
        return memo["layout"]

    return cached


def measure_once(shape: str, cards: int, path: str) -> None:
    """One measure of one size, in this (fresh) process: prints its phases as JSON."""
    import json

    from PySide6.QtWidgets import QApplication

    from journeydesk.layout import connections, curves

    app = QApplication.instance() or QApplication([])
    timer = Timer()
    timer.wrap(connections, "connections", "routing")
    # before issue #14 the words were placed inside curves.curve: time that instead
    timer.wrap(curves, "emotion_words" if hasattr(curves, "emotion_words") else "curve", "labels")
    from journeydesk.io import dump_bytes

    # once on a small map of the shape first: the one-time costs (imports, the
    # model's validators built on first use, font metrics) are not the map's
    measure(dump_bytes(make_shape(shape, 60)), timer)
    timer.take()
    print(json.dumps(measure(Path(path).read_bytes(), timer)))
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", action="append", choices=SHAPES)
    parser.add_argument("--one", nargs=3, metavar=("SHAPE", "N", "FILE"), help=argparse.SUPPRESS)
    ns = parser.parse_args()
    if ns.one:
        measure_once(ns.one[0], int(ns.one[1]), ns.one[2])
        return 0

    import json
    import subprocess
    import tempfile

    from journeydesk.io import dump_bytes

    failed = False
    folder = Path(tempfile.mkdtemp(prefix="bench_growth-"))
    for shape in ns.shape or SHAPES:
        sizes = (ns.cards, 2 * ns.cards)
        files = {}
        for n in sizes:
            files[n] = folder / f"{shape}{n}.journey"
            files[n].write_bytes(dump_bytes(make_shape(shape, n)))
        best: dict[int, dict[str, float]] = {n: {} for n in sizes}
        for _ in range(ns.runs):
            for n in sizes:
                # each measure in a fresh process, as a user opens one map: what one
                # measure leaves behind (caches, the collector's generations) would
                # otherwise be charged to the next
                out = subprocess.run(
                    [sys.executable, __file__, "--one", shape, str(n), str(files[n])],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                for phase, spent in json.loads(out.stdout.strip().splitlines()[-1]).items():
                    best[n][phase] = min(best[n].get(phase, float("inf")), spent)
        print(f"\n{shape}: {shape_summary(make_shape(shape, ns.cards))}; then twice the cards")
        print(f"  {'phase':8} {sizes[0]:>9} ms {sizes[1]:>9} ms   ratio (limit {LIMIT})")
        for phase in PHASES:
            a, b = best[sizes[0]][phase], best[sizes[1]][phase]
            # phases under 5 ms are noise-dominated: reported, not judged
            ratio = b / a if a > 0 else 0.0
            bad = ratio > LIMIT and b > 0.005
            failed |= bad
            flag = "  FAIL" if bad else ""
            print(f"  {phase:8} {a * 1000:12.1f} {b * 1000:12.1f}   {ratio:5.2f}x{flag}")
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
