"""The real app after a crash: a snapshot left by a dead JourneyDesk is offered
at start, Restore opens it as unsaved work, and a kill leaves it for the next start."""

from __future__ import annotations

import json
import signal
import time
from typing import Any

import pytest

from journeydesk import templates
from journeydesk.io.recovery import list_snapshots, write_snapshot
from journeydesk.ui.files import orphan_snapshots

pytestmark = [pytest.mark.e2e, pytest.mark.flaky(reruns=2)]

DEAD_PID = 999_999_999  # above Linux's pid_max


@pytest.mark.timeout(180)
def test_start_offers_recovery_and_restore_opens_the_work(x11: Any) -> None:
    project = templates.new_project("blank", "en")
    project.title = "Crashed work"
    snap = write_snapshot(project, "crashed")
    meta_path = snap.path.with_name("crashed.meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["pid"] = DEAD_PID
    meta_path.write_text(json.dumps(meta), encoding="utf-8")

    proc = x11.start_app()
    try:
        dialog = x11.wait_for_window(proc, "Recover Unsaved Work", timeout=30)
        deadline = time.monotonic() + 15
        while x11.xdotool("search", "--onlyvisible", "--name", "Recover Unsaved Work").strip():
            if time.monotonic() > deadline:
                pytest.fail("the recovery dialog did not take Return", pytrace=False)
            x11.key(dialog, "Return")  # Restore is the default button
            time.sleep(0.5)
        names = [x11.xdotool("getwindowname", w).strip() for w in
                 x11.xdotool("search", "--onlyvisible", "--name", "JourneyDesk").split()]
        assert "Untitled* — JourneyDesk" in names, names
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the running app took the snapshot over
            snaps = list_snapshots()
            if snaps and snaps[0].pid == proc.pid:
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"the snapshot was not taken over: {list_snapshots()}", pytrace=False)
        assert not orphan_snapshots()
        proc.send_signal(signal.SIGKILL)  # a crash: the work stays for the next start
        proc.wait(timeout=10)
        assert [s.title for s in orphan_snapshots()] == ["Crashed work"]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
