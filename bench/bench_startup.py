"""Cold start: a fresh process to the first painted window with the sample,
as a ratio to a fresh process showing a bare PySide6 window (goal ≤ 2×).

Each side runs in its own new Python process (imports included), offscreen,
best of N. Run: ``python bench/bench_startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

BARE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1400, 900); w.show()
app.processEvents()
w.grab()
print(time.time() - t0)
"""

OURS = """
import time, sys
t0 = float(sys.argv[1])
from journeydesk.cli import preload_pure_python  # what `journeydesk` does first
preload_pure_python()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from journeydesk.ui.main_window import MainWindow
w = MainWindow(); w.show(); w.open_sample("en")
app.processEvents()
w.grab()
print(time.time() - t0)
w.document.undo_stack.setClean()
"""


def run(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # A user's Python keeps compiled bytecode; some shells (and this CI) turn
    # it off, which would time the compiler instead of the start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-c", code, repr(time.time())],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    return float(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    run(BARE), run(OURS)  # warm: bytecode written, files in the page cache
    bare = min(run(BARE) for _ in range(args.runs))
    ours = min(run(OURS) for _ in range(args.runs))
    print(f"bare PySide6 window, first paint     {bare * 1000:7.0f} ms")
    print(f"journeydesk with the sample          {ours * 1000:7.0f} ms   ({ours / bare:.2f}× bare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
