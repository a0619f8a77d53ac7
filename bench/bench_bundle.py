"""The desktop bundle against ``journeydesk`` from the venv: size, the time of
``--version``, and of a fresh process to its window on screen (mapped on a
private Xvfb display, seen by xdotool), with a bare PySide6 window from the
venv as the floor. Best of N, after one untimed warm-up run each.

Build the bundle first (``bash packaging/build_bundle.sh``), then:
``.venv/bin/python bench/bench_bundle.py [--bundle dist/journeydesk] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.setWindowTitle("bare floor window"); w.resize(1400, 900); w.show()
app.exec()
"""


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            "1920x1080x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_fd,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        number = pipe.readline().decode().strip()
    return proc, f":{number}"


def time_command(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - t0


def time_window(cmd: list[str], title: str, env: dict[str, str]) -> float:
    """Seconds from starting CMD to a visible window named TITLE."""
    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            while time.perf_counter() - t0 < 120:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", title],
                    env=env,
                    capture_output=True,
                    text=True,
                )
                if found.stdout.strip():
                    return time.perf_counter() - t0
                if proc.poll() is not None:
                    log.seek(0)
                    output = log.read().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}:\n{output}")
                time.sleep(0.01)
            raise TimeoutError(f"no window {title!r}")
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)


def best(fn: object, runs: int, *args: object) -> tuple[float, float]:
    """(first run, best of the RUNS after it)"""
    first = fn(*args)  # type: ignore[operator]
    return first, min(fn(*args) for _ in range(runs))  # type: ignore[operator]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "journeydesk")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bundle_exe = args.bundle / "journeydesk"
    venv_exe = Path(sys.executable).parent / "journeydesk"
    for exe in (bundle_exe, venv_exe):
        if not exe.exists():
            sys.exit(f"{exe} is missing (bash packaging/build_bundle.sh builds the bundle)")
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: bash packaging/bootstrap.sh --test")

    size = subprocess.run(
        ["du", "-sh", str(args.bundle)], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    ffmpeg = subprocess.run(
        ["du", "-sh", str(args.bundle / "_internal" / "imageio_ffmpeg")],
        capture_output=True,
        text=True,
    ).stdout.split()[:1]
    print(f"bundle {args.bundle}: {size} (of which the ffmpeg binary {''.join(ffmpeg)})")

    with tempfile.TemporaryDirectory() as tmp:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY")
        }
        for var in (
            "JOURNEYDESK_CONFIG_DIR",
            "JOURNEYDESK_STATE_DIR",
            "JOURNEYDESK_CACHE_DIR",
            "XDG_CONFIG_HOME",
            "XDG_STATE_HOME",
            "XDG_CACHE_HOME",
            "XDG_DATA_HOME",
        ):
            env[var] = str(Path(tmp) / var.lower())
        env["LANG"] = "C.UTF-8"
        sample = Path(tmp) / "sample.journey"
        subprocess.run(
            [str(venv_exe), "new", "-o", str(sample), "--lang", "en"], env=env, check=True
        )

        rows = []
        for name, exe in (("venv", venv_exe), ("bundle", bundle_exe)):
            rows.append(
                (f"{name} --version", *best(time_command, args.runs, [str(exe), "--version"], env))
            )
        xvfb, display = start_xvfb()
        try:
            xenv = dict(env, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            floor = best(
                time_window, args.runs, [sys.executable, "-c", BARE], "bare floor window", xenv
            )
            rows.append(("bare PySide6 window (floor)", *floor))
            for name, exe in (("venv", venv_exe), ("bundle", bundle_exe)):
                rows.append(
                    (
                        f"{name} window with the sample",
                        *best(
                            time_window, args.runs, [str(exe), str(sample)], "sample.journey", xenv
                        ),
                    )
                )
        finally:
            xvfb.send_signal(signal.SIGTERM)
            xvfb.wait(timeout=30)

    print(f"{'':36}{'first run':>12}{'best of ' + str(args.runs):>12}{'× floor':>10}")
    for label, first, fastest in rows:
        ratio = f"{fastest / floor[1]:.2f}×" if "window" in label else ""
        print(f"{label:36}{first * 1000:10.0f} ms{fastest * 1000:9.0f} ms{ratio:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
