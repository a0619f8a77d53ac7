"""What a user waits for after an edit of a big map, through the whole window.

bench_editor.py times the map's own redraw; this bench times everything that
runs on a document change in a real ``MainWindow`` (shown offscreen, the file
opened as a user opens it): the command and the undo stack, the map redraw,
every panel listening to the document (inspector, maps list, comments,
storyline, find bar, Decide dock), the window's title and dirty state. For
each edit (a card's title typed, a card moved to another cell, undo, redo, a
click selecting another card) it prints the wall and CPU time from the push to
everything updated (queued zero-timers included: ``processEvents`` until the
queue is empty), and the CPU time split into the map redraw (inside
``MapScene.show_map`` and ``set_emphasis``) and the rest; the view's repaint is
in the rest. Best of ``--runs`` by CPU time (the machine is shared: wall time
moves with the load); the ratio is CPU against the floor's CPU.

Floor, measured in the same run and interleaved: the same command applied to
the bare model (the document's signals blocked, so no view hears of it; each
floor edit is taken back the same way, so the window's model stays as shown).

Panels: ``--panel`` raises one panel as a user would have it in front while
editing (``storyline`` tab, ``decide`` dock, ``find`` bar with a text filter,
``comments`` tab; ``check`` and ``stale``: the Decide dock with that tab in
front; ``none`` leaves the default, the inspector's tab).

Autosave: the longest time ``FileController.autosave`` keeps the UI thread
(the snapshot written while edits go on), best and worst of ``--runs``.

Each shape and panel runs in a fresh process. Run: ``python
bench/bench_edit_chain.py [--shape S ...] [--panel P ...] [--cards 20000]
[--runs 3]``; files come from /tmp/prf/{shape}{cards}.journey when they exist,
else are generated (bench/generate.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import SHAPES, make_shape

EDITS = ("title", "move", "undo", "redo", "select")
PANELS = ("none", "storyline", "decide", "check", "stale", "find", "comments")


def _file_for(shape: str, cards: int, folder: Path) -> Path:
    ready = Path(f"/tmp/prf/{shape}{cards}.journey")
    if ready.is_file():
        # A copy: another JourneyDesk (a bench run beside this one) may hold
        # the file open, and a second window would ask whether to open it read-only.
        import shutil

        return Path(shutil.copy(ready, folder / ready.name))
    from journeydesk.io import write_project

    path = folder / f"{shape}{cards}.journey"
    write_project(make_shape(shape, cards), path)
    return path


class Clock:
    """Time spent inside the map's redraw, summed while ``on``."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0

    def wrap(self, obj: object, name: str) -> None:
        inner = getattr(obj, name)

        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            t, c = time.perf_counter(), time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                self.wall += time.perf_counter() - t
                self.cpu += time.process_time() - c

        setattr(obj, name, timed)


def settle(app) -> None:  # type: ignore[no-untyped-def]
    """Run what the edit queued (zero-timers included) until nothing is left."""
    for _ in range(5):
        app.processEvents()
        app.sendPostedEvents()
    app.processEvents()


def run_shape(shape: str, panel: str, cards: int, runs: int, folder: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from journeydesk.document.commands import SetField, move_cards
    from journeydesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    path = _file_for(shape, cards, folder)
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.files.autosave_timer.stop()  # autosave is timed on its own below
    t = time.perf_counter()
    assert window.open_path(str(path))
    settle(app)
    opened = time.perf_counter() - t
    doc, jmap = window.document, window.current_map()
    assert doc is not None and jmap is not None
    if panel == "storyline":
        window.storyline_dock.raise_()
    elif panel == "comments":
        window.comments_dock.raise_()
    elif panel in ("decide", "check", "stale"):
        window.decide_dock.show()
        window.decide_dock.raise_()
        window.decide.tabs.setCurrentIndex(("decide", "check", "stale").index(panel))
    elif panel == "find":
        window.find_bar.open_bar()
        window.find_bar.text.setText("t")
    settle(app)
    # The window collects the garbage of opening 3 s after it (settle_heap):
    # not part of any edit, so the timed edits come after it.
    deadline = time.perf_counter() + 3.5
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.05)
    clock = Clock()
    clock.wrap(window.scene, "show_map")
    clock.wrap(window.scene, "set_emphasis")
    card = jmap.cards[len(jmap.cards) // 2]
    steps = jmap.steps()
    counter = [0]

    def title() -> None:
        counter[0] += 1
        doc.push(SetField(doc, card.id, "title", f"Typed {counter[0]}", "Edit title", merge=False))

    def move() -> None:
        counter[0] += 1
        step = steps[counter[0] % len(steps)]
        doc.push(move_cards(doc, jmap, [card.id], step.id, card.lane, 0))

    def undo() -> None:
        doc.undo_stack.undo()

    def redo() -> None:
        doc.undo_stack.redo()

    def select() -> None:
        counter[0] += 1
        window.reveal_element(jmap.cards[(counter[0] * 7919) % len(jmap.cards)].id)

    actions: dict[str, Callable[[], None]] = {
        "title": title,
        "move": move,
        "undo": undo,
        "redo": redo,
        "select": select,
    }

    def bare(name: str) -> tuple[float, float]:
        """The same edit on the model alone (signals blocked), then taken back."""
        doc.blockSignals(True)
        try:
            if name in ("title", "move"):
                t, c = time.perf_counter(), time.process_time()
                actions[name]()
                result = time.perf_counter() - t, time.process_time() - c
                doc.undo_stack.undo()
            elif name == "undo":
                t, c = time.perf_counter(), time.process_time()
                doc.undo_stack.undo()
                result = time.perf_counter() - t, time.process_time() - c
                doc.undo_stack.redo()
            elif name == "redo":
                doc.undo_stack.undo()
                t, c = time.perf_counter(), time.process_time()
                doc.undo_stack.redo()
                result = time.perf_counter() - t, time.process_time() - c
            else:  # selecting changes no model: the floor is the scene's own selection
                item = window.scene.element_items(card.id)[0]
                t, c = time.perf_counter(), time.process_time()
                item.setSelected(not item.isSelected())
                result = time.perf_counter() - t, time.process_time() - c
                item.setSelected(not item.isSelected())
        finally:
            doc.blockSignals(False)
        settle(app)
        return result

    print(f"\n{shape} {len(jmap.cards)} cards, panel in front: {panel} (opened in {opened:.1f} s)")
    print(
        f"{'edit':8s}{'wall ms':>9s}{'cpu ms':>8s}{'map':>8s}{'rest':>9s}"
        f"{'floor':>10s}{'ratio':>8s}"
    )
    title()  # the first edit builds the element index: not what this bench is about
    settle(app)
    for name in EDITS:
        best = (float("inf"),) * 4
        floor = float("inf")
        for _ in range(runs):
            floor = min(floor, bare(name)[1])
            if name == "redo":
                doc.undo_stack.undo()
                settle(app)
            clock.wall = clock.cpu = 0.0
            t, c = time.perf_counter(), time.process_time()
            actions[name]()
            settle(app)
            wall, cpu = time.perf_counter() - t, time.process_time() - c
            if cpu < best[1]:
                best = (wall, cpu, clock.cpu, cpu - clock.cpu)
        wall, cpu, map_, rest = best
        print(
            f"{name:8s}{wall * 1000:9.0f}{cpu * 1000:8.0f}{map_ * 1000:8.0f}{rest * 1000:9.0f}"
            f"{floor * 1000:10.1f}{cpu / max(floor, 1e-5):7.0f}×"
        )
    stalls = []
    behind: list[float] = []
    wait = getattr(window.files, "wait_for_autosave", None)  # (not before this branch)
    for _ in range(runs):
        title()
        settle(app)
        t, c = time.perf_counter(), time.process_time()
        assert window.files.autosave()
        stalls.append((time.perf_counter() - t, time.process_time() - c))
        if wait is not None:
            t = time.perf_counter()
            wait()
            behind.append(time.perf_counter() - t)
        settle(app)
    walls = [w for w, _c in stalls]
    cpus = [c for _w, c in stalls]
    print(
        f"autosave: UI thread held {min(walls) * 1000:.0f}-{max(walls) * 1000:.0f} ms wall,"
        f" {min(cpus) * 1000:.0f}-{max(cpus) * 1000:.0f} ms CPU per snapshot ({runs} snapshots)"
        + (
            f"; then written on the autosave thread in {max(behind) * 1000:.0f} ms at most"
            if behind
            else ""
        )
    )
    doc.undo_stack.setClean()
    window.files.discard_snapshot()
    window.close()
    window.deleteLater()
    settle(app)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", choices=SHAPES, nargs="+", default=list(SHAPES))
    parser.add_argument("--panel", choices=PANELS, nargs="+", default=["none"])
    parser.add_argument("--cards", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--here", action="store_true", help="one shape and panel, this process")
    args = parser.parse_args()
    # Snapshots and settings go to a scratch home, not the user's.
    scratch = Path(tempfile.mkdtemp(prefix="jd-bench-chain-"))
    os.environ["JOURNEYDESK_CONFIG_DIR"] = str(scratch / "config")
    os.environ["JOURNEYDESK_STATE_DIR"] = str(scratch / "state")
    if args.here:
        run_shape(args.shape[0], args.panel[0], args.cards, args.runs, scratch)
        return 0
    # Each shape and panel in a fresh process: a process that held earlier
    # 20,000-card maps pays for their heap in every garbage collection.
    import subprocess

    for shape in args.shape:
        for panel in args.panel:
            command = [sys.executable, __file__, "--here", "--shape", shape, "--panel", panel]
            command += ["--cards", str(args.cards), "--runs", str(args.runs)]
            subprocess.run(command, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
