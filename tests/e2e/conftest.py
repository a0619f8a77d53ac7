"""End-to-end harness: a private Xvfb server, and a driver for the real window.

There is no window manager under plain Xvfb: focus is given with
``xdotool windowfocus``, never ``windowactivate``. Missing Xvfb or xdotool
fails the tests (a skip would let CI pass without testing the window):
``bash packaging/bootstrap.sh --test`` installs both.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
INSTALL_HINT = "run `bash packaging/bootstrap.sh --test`, which installs xvfb and xdotool"

_SCREENSHOT = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = app.primaryScreen().grabWindow(0).toImage()
if image.isNull() or not image.save(sys.argv[1]):
    sys.exit(3)
colours = {image.pixel(x, y) for y in range(0, image.height(), 8)
           for x in range(0, image.width(), 8)}
print(len(colours))
"""


def _need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.fail(f"{program} is not installed: {INSTALL_HINT}", pytrace=False)
    return path


def _read_display_number(fd: int, proc: subprocess.Popen[bytes], timeout: float) -> str:
    data = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"Xvfb gave no display number in {timeout} s")
        ready, _, _ = select.select([fd], [], [], min(left, 0.5))
        if ready:
            chunk = os.read(fd, 64)
            if not chunk:
                raise RuntimeError(f"Xvfb exited (status {proc.poll()}) before it was ready")
            data += chunk
    return data.decode().strip()


@contextlib.contextmanager
def xvfb_server(log: Path, size: str = "1920x1080") -> Iterator[str]:
    """A private Xvfb server with one screen of SIZE; yields its DISPLAY."""
    xvfb = _need("Xvfb")
    read_fd, write_fd = os.pipe()
    with open(log, "wb") as log_file:
        proc = subprocess.Popen(
            [xvfb, "-displayfd", str(write_fd), "-screen", "0", f"{size}x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=log_file,
            stderr=subprocess.STDOUT, start_new_session=True,
        )
    os.close(write_fd)
    try:
        try:
            number = _read_display_number(read_fd, proc, timeout=30)
        except (TimeoutError, RuntimeError) as exc:
            pytest.fail(f"{exc}\n{log.read_text(errors='replace')}", pytrace=False)
        finally:
            os.close(read_fd)
        yield f":{number}"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="session")
def xvfb_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """DISPLAY of a private 1920x1080 Xvfb server, for the whole session."""
    with xvfb_server(tmp_path_factory.mktemp("xvfb") / "xvfb.log") as display:
        yield display


@pytest.fixture(scope="session")
def xvfb_laptop_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """DISPLAY of a private 1366x768 Xvfb server (a laptop), for the whole session."""
    with xvfb_server(tmp_path_factory.mktemp("xvfb") / "xvfb.log", "1366x768") as display:
        yield display


@dataclass
class X11:
    """Runs programs on the Xvfb display and drives them with xdotool."""

    display: str
    env: dict[str, str]
    logs: Path

    def xdotool(self, *args: str, timeout: float = 10) -> str:
        try:
            proc = subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                                  text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            pytest.fail(f"xdotool {' '.join(args)} took more than {timeout} s", pytrace=False)
        return proc.stdout

    def start_app(self, *args: str, name: str = "journeydesk") -> subprocess.Popen[bytes]:
        """Start the venv's `journeydesk` (its script, as a user would) on this display."""
        exe = BIN / "journeydesk"
        if not exe.exists():
            pytest.fail(f"{exe} is missing: run bash packaging/bootstrap.sh --test",
                        pytrace=False)
        with open(self.logs / f"{name}.out", "wb") as out:  # the child keeps its own copy
            return subprocess.Popen([str(exe), *args], env=self.env, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=subprocess.STDOUT)

    def app_output(self, name: str = "journeydesk") -> str:
        path = self.logs / f"{name}.out"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def wait_for_window(self, proc: subprocess.Popen[bytes], title: str,
                        timeout: float = 30) -> str:
        """Id of a visible window whose name contains TITLE."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"the app exited with status {proc.returncode} before showing "
                            f"a window named {title!r}:\n{self.app_output()}", pytrace=False)
            ids = self.xdotool("search", "--onlyvisible", "--name", title).split()
            if ids:
                return ids[0]
            time.sleep(0.25)
        pytest.fail(f"no window named {title!r} appeared in {timeout} s:\n{self.app_output()}",
                    pytrace=False)

    def screenshot(self, path: Path) -> int:
        """Save the whole screen to PATH; return how many colours a sparse grid saw."""
        env = dict(self.env, QT_QPA_PLATFORM="xcb")
        try:
            proc = subprocess.run([sys.executable, "-c", _SCREENSHOT, str(path)], env=env,
                                  capture_output=True, text=True, timeout=60,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            pytest.fail("taking a screenshot took more than 60 s", pytrace=False)
        assert proc.returncode == 0, f"screenshot failed:\n{proc.stderr}"
        return int(proc.stdout.strip().splitlines()[-1])

    def focus(self, window: str) -> None:
        self.xdotool("windowfocus", "--sync", window)

    def key(self, window: str, *keys: str) -> None:
        # Real (XTEST) key events to the focused window. `key --window` would
        # send synthetic events instead whenever the window is not focused, and
        # a window Qt has not yet made active ignores its shortcuts.
        self.focus(window)
        self.xdotool("key", "--clearmodifiers", *keys)


def make_x11(display: str, tmp_path: Path) -> X11:
    """A driver for DISPLAY whose programs see this test's private user folders."""
    _need("xdotool")
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "WAYLAND_DISPLAY")}
    # os.environ already holds this test's private JOURNEYDESK_* and XDG_* folders.
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(runtime),
               XDG_SESSION_TYPE="x11")
    logs = tmp_path / "logs"
    logs.mkdir(exist_ok=True)
    return X11(display, env, logs)


@pytest.fixture
def x11(xvfb_display: str, tmp_path: Path) -> X11:
    return make_x11(xvfb_display, tmp_path)


@pytest.fixture
def x11_for(tmp_path: Path) -> Callable[[str], X11]:
    """Drivers for other displays (the laptop-sized one) in the same test."""
    return lambda display: make_x11(display, tmp_path)
