"""Layout speed: a whole 5,000-card map, and the same map after one card changed.

Floors measured in the same run: one pass over the map's cards that only
reads what the layout reads (the least any layout must do), and a bare Qt
scene holding one rectangle item per card (what the canvas must at least
build). Best of N runs. Run: ``python bench/bench_layout.py [--cards N]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_big_project

from journeydesk.layout.engine import MapLayouter


def best(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    project = make_big_project(args.cards)
    jmap = max(project.maps, key=lambda m: len(m.cards))
    print(
        f"map: {len(jmap.cards)} cards, {len(jmap.steps())} steps, {len(jmap.lanes)} lanes, "
        f"{len(jmap.connections)} connections"
    )

    def floor() -> None:
        total = 0
        for card in jmap.cards:
            total += len(card.title) + len(card.body) + card.span_steps
        assert total

    cold = best(lambda: MapLayouter().layout(project, jmap), args.runs)
    layouter = MapLayouter()
    layouter.layout(project, jmap)
    card = jmap.cards[len(jmap.cards) // 2]
    counter = [0]

    def change_one() -> None:
        counter[0] += 1
        card.title = f"Changed title {counter[0]}"
        layouter.layout(project, jmap)

    warm = best(change_one, args.runs)
    floor_t = best(floor, args.runs)

    from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene

    app = QApplication.instance() or QApplication([])
    layout = layouter.layout(project, jmap)

    def bare_scene() -> None:
        scene = QGraphicsScene()
        for item in layout.items:
            b = item.bounds
            scene.addItem(QGraphicsRectItem(b.x, b.y, b.w, b.h))
        scene.clear()

    def our_scene() -> None:
        from journeydesk.canvas.scene import MapScene

        scene = MapScene()
        scene.show_map(project, jmap)
        scene.clear()

    bare = best(bare_scene, args.runs)
    ours = best(our_scene, args.runs)
    del app
    print(f"floor (read every card once)     {floor_t * 1000:9.2f} ms")
    print(f"layout, whole map (cold cache)   {cold * 1000:9.2f} ms")
    print(
        f"layout after one card changed    {warm * 1000:9.2f} ms   "
        f"({warm / cold:.2f}× the cold layout)"
    )
    print(f"bare Qt scene, one rect per item {bare * 1000:9.2f} ms")
    print(f"our scene for the map            {ours * 1000:9.2f} ms   ({ours / bare:.2f}× bare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
