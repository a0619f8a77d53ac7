"""Editing speed on a 5,000-card map: one edit (a card moved to another cell,
a title typed) from the command's push to the scene redrawn from the model.

Floor measured in the same run: a bare QGraphicsScene rebuilt with one
rectangle item per element of the same layout. Best of N. Run:
``python bench/bench_editor.py [--cards N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import make_big_project


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene

    from journeydesk.document.commands import SetField, move_cards
    from journeydesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    project = make_big_project(args.cards)
    window = MainWindow()
    t0 = time.perf_counter()
    window._set_project(project, None)
    first = time.perf_counter() - t0
    jmap = window.current_map()
    assert jmap is not None and window.document is not None
    doc = window.document
    print(f"map: {len(jmap.cards)} cards; first display {first * 1000:.0f} ms")

    def timed(action) -> float:  # type: ignore[no-untyped-def]
        best = float("inf")
        for n in range(args.runs):
            t = time.perf_counter()
            action(n)
            app.processEvents()
            best = min(best, time.perf_counter() - t)
        return best

    steps = jmap.steps()
    card = jmap.cards[len(jmap.cards) // 2]

    def move(n: int) -> None:
        doc.push(move_cards(doc, jmap, [card.id], steps[n % len(steps)].id, card.lane, 0))

    def type_title(n: int) -> None:
        doc.push(SetField(doc, card.id, "title", f"Typed {n}", "Edit title", merge=False))

    layout = window.scene.layout
    assert layout is not None

    def floor(_n: int) -> None:
        scene = QGraphicsScene()
        for item in layout.items:
            b = item.bounds
            scene.addItem(QGraphicsRectItem(b.x, b.y, b.w, b.h))
        scene.clear()

    moved = timed(move)
    typed = timed(type_title)
    bare = timed(floor)
    print(f"floor: bare scene of {len(layout.items)} rect items   {bare * 1000:8.1f} ms")
    for name, value in (("move a card", moved), ("edit a title", typed)):
        label = f"{name}, push to redrawn"
        print(f"{label:40s}{value * 1000:8.1f} ms   ({value / bare:.1f}× floor)")
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory with the map open            {peak:8.0f} MB RSS (goal ≤ 300)")
    doc.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
