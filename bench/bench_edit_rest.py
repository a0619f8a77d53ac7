"""What a plain edit costs outside the map's redraw, in the window a first
start opens (empty settings: the docks the app shows by default).

``bench_edit_chain.py`` uses the settings of whoever runs it; this bench gives
the window a fresh home (HOME and the XDG folders in a temporary folder), opens
``/tmp/prf/{shape}20000.journey`` (a copy) as a user does, shows the Decide dock
with tab ``--tab`` in front (0 Backlog, 1 Check, 2 Stale; -1 leaves it hidden,
as on a first start) and times six edits: ``title`` (one letter of the middle
card's title changed, so no line is added), ``move`` (that card to the next
step) or ``kind`` (that card a pain point, then a touchpoint: every Decide list
is made again whole). It prints, per edit, the CPU ms outside ``MapScene.show_map`` /
``set_emphasis`` (the rest: the command, the panels, the view) and inside them
(the map), settled as ``bench_edit_chain`` settles (zero-timers included).
``--profile`` then prints a cProfile of four more edits.

Run: ``python bench/bench_edit_rest.py SHAPE TAB EDIT [--profile [SORT]]``;
for before/after, run it with ``PYTHONPATH`` pointing at the other tree.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HOME = tempfile.mkdtemp(prefix="jd-edit-rest-")
for key, sub in {
    "HOME": "",
    "XDG_CONFIG_HOME": "/config",
    "XDG_STATE_HOME": "/state",
    "XDG_CACHE_HOME": "/cache",
    "XDG_DATA_HOME": "/data",
}.items():
    os.environ[key] = HOME + sub
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    import cProfile
    import pstats

    from bench_edit_chain import Clock, settle
    from PySide6.QtWidgets import QApplication

    from journeydesk.document.commands import SetField, move_cards
    from journeydesk.ui.main_window import MainWindow

    shape, tab, what = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    app = QApplication([])
    app.setOrganizationName("JourneyDesk")
    path = shutil.copy(f"/tmp/prf/{shape}20000.journey", HOME)
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    window.files.autosave_timer.stop()
    assert window.open_path(str(path))
    settle(app)
    if tab >= 0:
        window.decide_dock.show()
        window.decide_dock.raise_()
        window.decide.tabs.setCurrentIndex(tab)
    settle(app)
    deadline = time.perf_counter() + 3.5  # the window's collection after an open
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.05)
    doc, jmap = window.document, window.current_map()
    assert doc is not None and jmap is not None
    clock = Clock()
    clock.wrap(window.scene, "show_map")
    clock.wrap(window.scene, "set_emphasis")
    card = jmap.cards[len(jmap.cards) // 2]
    title = card.title
    steps = jmap.steps()
    count = [0]

    def edit() -> None:
        count[0] += 1
        if what == "title":
            new = title[:-1] + "xy"[count[0] % 2]
            doc.push(SetField(doc, card.id, "title", new, "Edit title", merge=False))
        elif what == "kind":
            new = ("pain_point", "touchpoint")[count[0] % 2]
            doc.push(SetField(doc, card.id, "kind", new, "Set kind", merge=False))
        else:
            step = steps[count[0] % len(steps)]
            doc.push(move_cards(doc, jmap, [card.id], step.id, card.lane, 0))
        settle(app)

    edit()
    edit()
    results = []
    for _ in range(6):
        clock.cpu = 0.0
        c = time.process_time()
        edit()
        cpu = time.process_time() - c
        results.append(((cpu - clock.cpu) * 1000, clock.cpu * 1000))
    rests = ", ".join(f"{r:.1f}/{m:.0f}" for r, m in results)
    best = min(r for r, _ in results)
    print(f"{shape} tab {tab} {what}: rest/map CPU ms {rests}; best rest {best:.1f}")
    if "--profile" in sys.argv:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(4):
            edit()
        profile.disable()
        at = sys.argv.index("--profile") + 1
        order = sys.argv[at] if at < len(sys.argv) else "cumtime"
        pstats.Stats(profile).sort_stats(order).print_stats(60)
    doc.undo_stack.setClean()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
