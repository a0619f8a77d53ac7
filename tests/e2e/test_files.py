"""The real window with the user's files: a good file is shown, a bad one is
refused with a dialog naming what is wrong, and the app keeps running."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from journeydesk import templates
from journeydesk.io import write_project

pytestmark = [pytest.mark.e2e, pytest.mark.flaky(reruns=2)]


def _quit(x11: Any, proc: subprocess.Popen[bytes], window: str) -> int:
    """Ctrl+Q; sent again if the first press arrived while a just-closed modal
    dialog was still unwinding its event loop (keys to the window are ignored then)."""
    for _attempt in range(3):
        x11.focus(window)
        x11.key(window, "ctrl+q")
        try:
            return proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue
    pytest.fail(f"the app did not quit on Ctrl+Q:\n{x11.app_output()}", pytrace=False)


@pytest.mark.timeout(180)
def test_opens_a_file_given_on_the_command_line(x11: Any, tmp_path: Path) -> None:
    path = tmp_path / "Città futura.journey"
    write_project(templates.new_project("service-blueprint", "it"), path)
    proc = x11.start_app(str(path))
    try:
        window = x11.wait_for_window(proc, "Città futura.journey — JourneyDesk", timeout=30)
        assert _quit(x11, proc, window) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


@pytest.mark.timeout(180)
def test_a_bad_file_gets_a_dialog_and_the_app_keeps_running(x11: Any, tmp_path: Path) -> None:
    path = tmp_path / "broken.journey"
    path.write_text(json.dumps({"format": "journeydesk", "format_version": 99}),
                    encoding="utf-8")
    before = path.read_bytes()
    proc = x11.start_app(str(path))
    try:
        dialog = x11.wait_for_window(proc, "Cannot open project", timeout=30)
        x11.focus(dialog)
        x11.key(dialog, "Return")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                                  "Cannot open project"], env=x11.env, capture_output=True,
                                 text=True, timeout=10)
            if not out.stdout.strip():
                break
            time.sleep(0.2)
        else:
            pytest.fail("the error dialog did not close on Return", pytrace=False)
        assert proc.poll() is None, "the app quit after refusing the file"
        window = x11.wait_for_window(proc, "JourneyDesk", timeout=10)
        assert _quit(x11, proc, window) == 0
        assert path.read_bytes() == before, "the refused file was changed"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
