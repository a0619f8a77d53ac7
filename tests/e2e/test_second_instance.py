"""Two real JourneyDesks on one file: the second is told it is open elsewhere and
opens a read-only copy; after the first is killed, its lock never blocks the file."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from journeydesk import templates
from journeydesk.io import write_project
from journeydesk.io.lock import lock_path

pytestmark = [pytest.mark.e2e, pytest.mark.flaky(reruns=2)]


def _stop(*procs: subprocess.Popen[bytes]) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


@pytest.mark.timeout(240)
def test_second_instance_opens_read_only_and_a_killed_ones_lock_is_taken_over(
    x11: Any, tmp_path: Path
) -> None:
    path = tmp_path / "shared.journey"
    write_project(templates.new_project("sample", "en"), path)
    first = x11.start_app(str(path), name="first")
    second = third = None
    try:
        x11.wait_for_window(first, "shared.journey — JourneyDesk", timeout=60)
        assert json.loads(lock_path(path).read_text())["pid"] == first.pid

        second = x11.start_app(str(path), name="second")
        dialog = x11.wait_for_window(second, "File in use", timeout=60)
        x11.key(dialog, "Return")  # Open Read-Only is the default button
        # (xdotool takes the title as a regular expression)
        x11.wait_for_window(second, r"shared.journey \(read-only\) — JourneyDesk", timeout=30)
        assert json.loads(lock_path(path).read_text())["pid"] == first.pid  # not taken

        first.send_signal(signal.SIGKILL)  # a crash: its lock file stays behind
        first.wait(timeout=10)
        second.send_signal(signal.SIGKILL)
        second.wait(timeout=10)
        assert lock_path(path).exists()

        third = x11.start_app(str(path), name="third")
        x11.wait_for_window(third, "shared.journey — JourneyDesk", timeout=60)
        time.sleep(1.0)
        assert not x11.xdotool("search", "--onlyvisible", "--name", "File in use").strip()
        assert json.loads(lock_path(path).read_text())["pid"] == third.pid
    finally:
        _stop(*(p for p in (first, second, third) if p is not None))
