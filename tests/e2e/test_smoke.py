"""The real window: it starts, draws something, and quits on Ctrl+Q."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.flaky(reruns=2)]


@pytest.mark.timeout(180)
def test_app_starts_draws_and_quits_on_ctrl_q(x11: Any, tmp_path: Path) -> None:
    proc = x11.start_app()
    try:
        window = x11.wait_for_window(proc, "JourneyDesk", timeout=30)

        shot = tmp_path / "screen.png"
        deadline = time.monotonic() + 15
        colours = x11.screenshot(shot)
        while colours < 3 and time.monotonic() < deadline:
            time.sleep(0.5)
            colours = x11.screenshot(shot)
        assert colours > 1, f"the screen is a single colour after the window appeared: {shot}"

        x11.focus(window)
        x11.key(window, "ctrl+q")
        try:
            status = proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the app did not quit within 15 s of Ctrl+Q:\n{x11.app_output()}",
                        pytrace=False)
        assert status == 0, f"the app exited with status {status}:\n{x11.app_output()}"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
