"""The first edit after opening a big map, against the later ones (#14).

A window opens a generated map, waits as a user would before the first edit
(``--wait`` seconds of events: the app's idle work after an open, heap frozen
and document indexed, runs at 3 s), then adds and removes a title line on the
lowest card of the first lane four times (every lane below moves): CPU ms of
each edit, push to redrawn, window shown. ``--no-warm`` skips the idle
indexing (the first edit walks the document itself, as before round 8).
``--pause`` seconds of events after each edit, as a user pauses (0: the next
edit at once): the idle work they run (the moved cards' Items put in place,
``canvas.scene.SETTLE_AFTER_MS`` after the edit) is printed apart, CPU ms.
The machine's speed moves from one process to the next (up to 2× on the
shared two-core machine, with no load of its own): the floor of
``bench_editor.py`` (a bare QGraphicsScene of one rect per layout item, built
and cleared, best of 3, CPU) is measured in the same process after the edits,
and each edit is printed against it too.
Run: ``python bench/bench_first_edit.py [--shape S] [--cards N] [--no-warm]
[--pause S]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import SHAPES, make_shape


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", choices=SHAPES, default="current")
    parser.add_argument("--cards", type=int, default=20000)
    parser.add_argument("--wait", type=float, default=4.0)
    parser.add_argument("--no-warm", action="store_true")
    parser.add_argument("--pause", type=float, default=0.0)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from journeydesk.document.commands import SetField
    from journeydesk.document.document import Document
    from journeydesk.ui import main_window

    if args.no_warm:
        Document.warm_index = lambda _self: None  # type: ignore[method-assign]
    app = QApplication.instance() or QApplication([])
    window = main_window.MainWindow()
    window.resize(1600, 1000)
    window.show()
    window._settle_heap_after_show = True  # (as opening a file does)
    window.context.set_document(Document(make_shape(args.shape, args.cards), None))
    end = time.perf_counter() + args.wait
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)
    jmap, doc, layout = window.current_map(), window.document, window.scene.layout
    assert jmap is not None and doc is not None and layout is not None
    boxes = {i.element: i.bounds for i in layout.items if i.kind == "card"}
    first_lane = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    lowest = max(
        (c for c in jmap.cards if c.lane == first_lane and c.id in boxes),
        key=lambda c: boxes[c.id].bottom,
    )
    titles = ("A title long enough to add lines to its card " * 2, lowest.title)
    spent, idle = [], []
    for n in range(4):
        cpu = time.process_time()
        doc.push(SetField(doc, lowest.id, "title", titles[n % 2], "Edit title", merge=False))
        app.processEvents()
        spent.append((time.process_time() - cpu) * 1000)
        cpu, end = time.process_time(), time.perf_counter() + args.pause
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)
        idle.append((time.process_time() - cpu) * 1000)
    floor = _floor(window.scene.layout)
    label = "without" if args.no_warm else "with"
    print(
        f"{args.shape}, {len(jmap.cards)} cards, {label} the idle indexing, first edit"
        f" {args.wait:.0f} s after opening: {spent[0]:.0f} ms CPU; later edits"
        f" {', '.join(f'{s:.0f}' for s in spent[1:])} ms"
        + (
            f"; {args.pause:.1f} s pause after each: idle work"
            f" {', '.join(f'{s:.0f}' for s in idle)} ms CPU"
            if args.pause
            else ""
        )
        + f"; floor {floor:.0f} ms, edits {', '.join(f'{s / floor:.2f}' for s in spent)}× floor"
    )
    window.document.undo_stack.setClean()
    window.close()
    return 0


def _floor(layout) -> float:  # type: ignore[no-untyped-def]
    """``bench_editor.py``'s floor: CPU ms, best of 3."""
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

    best = float("inf")
    for _ in range(3):
        cpu = time.process_time()
        scene = QGraphicsScene()
        for item in layout.items:
            b = item.bounds
            scene.addItem(QGraphicsRectItem(b.x, b.y, b.w, b.h))
        scene.clear()
        best = min(best, (time.process_time() - cpu) * 1000)
    return best


if __name__ == "__main__":
    sys.exit(main())
