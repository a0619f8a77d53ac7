"""Cold start: a fresh `journeydesk` process to its first painted window, as a
ratio to a fresh process showing a bare PySide6 window (goal ≤ 1.5×, issue #14); and on to
the sample map drawn in it.

The app is started as a user starts it (``python -m journeydesk``, the same
``run_app``), offscreen, with ``JOURNEYDESK_STARTUP_PROBE`` set: it notes when
its window's frame was painted and when the map was, then quits. Each side
runs in new processes, best of N, with bytecode cached as users have it.
Run: ``python bench/bench_startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time, sys
t0 = float(sys.argv[1])
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1400, 900); w.show()
app.processEvents()
print(time.time() - t0)
"""


def _env(folder: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # A user's Python keeps compiled bytecode; some shells (and this CI) turn
    # it off, which would time the compiler instead of the start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Fresh settings, state and recovery folders: nothing to offer at start.
    for name in ("CONFIG", "STATE", "CACHE"):
        env[f"JOURNEYDESK_{name}_DIR"] = str(folder / name.lower())
    return env


def bare(folder: Path) -> float:
    out = subprocess.run(
        [sys.executable, "-c", BARE, repr(time.time())],
        env=_env(folder),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return float([line for line in out.stdout.splitlines() if line.strip()][-1])


def ours(folder: Path) -> tuple[float, float]:
    probe = folder / "probe.txt"
    probe.unlink(missing_ok=True)
    env = dict(_env(folder), JOURNEYDESK_STARTUP_PROBE=str(probe))
    t0 = time.time()
    subprocess.run(
        [sys.executable, "-m", "journeydesk"],
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )
    moments = dict(line.split() for line in probe.read_text().splitlines())
    return float(moments["frame"]) - t0, float(moments["map"]) - t0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jd-bench-start-"))
    bare(folder), ours(folder)  # warm: bytecode written, files in the page cache
    floor = min(bare(folder) for _ in range(args.runs))
    runs = [ours(folder) for _ in range(args.runs)]
    frame = min(r[0] for r in runs)
    drawn = min(r[1] for r in runs)
    print(f"bare PySide6 window, first paint        {floor * 1000:7.0f} ms")
    print(
        f"journeydesk, its window painted         {frame * 1000:7.0f} ms"
        f"   ({frame / floor:.2f}× bare; goal ≤ 1.5×, issue #14)"
    )
    print(
        f"journeydesk, the sample map drawn       {drawn * 1000:7.0f} ms"
        f"   ({drawn / floor:.2f}× bare)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
