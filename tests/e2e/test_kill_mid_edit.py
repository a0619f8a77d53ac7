"""A facilitator types a card into the real window, the app is killed before
anyone saves, and the next start offers the work back: Restore, Ctrl+S, and
the card is in the file. The user's file is untouched until they save."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from journeydesk import templates
from journeydesk.io import read_project, write_project
from journeydesk.io.recovery import list_snapshots
from journeydesk.settings import Settings, save_settings

pytestmark = [pytest.mark.e2e, pytest.mark.flaky(reruns=2)]

TITLE = "Killed mid edit"


def _titles(path: Path) -> list[str]:
    return [c.title for m in read_project(path).maps for c in m.cards]


def _wait(condition: Any, timeout: float, what: str, x11: Any) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    pytest.fail(f"{what} within {timeout} s:\n{x11.app_output()}", pytrace=False)


@pytest.mark.timeout(240)
def test_kill_mid_edit_then_restart_offers_and_restores_the_edit(x11: Any, tmp_path: Path) -> None:
    save_settings(Settings(autosave_seconds=5))  # the shortest interval the app allows
    project_file = tmp_path / "workshop.journey"
    write_project(templates.new_project("sample", "en"), project_file)
    original = project_file.read_bytes()

    proc = x11.start_app(str(project_file))
    try:
        window = x11.wait_for_window(proc, "workshop", timeout=30)
        time.sleep(1.5)  # let the window settle and take the focus
        # Keyboard only: the map view has the focus; an arrow shows the cell
        # cursor, typing there starts a card, Return commits it.
        x11.key(window, "Right")
        time.sleep(0.5)
        x11.xdotool("type", "--delay", "60", TITLE)
        time.sleep(0.8)
        x11.key(window, "Return")
        _wait(lambda: "*" in x11.xdotool("getwindowname", window), 10,
              "the window title never showed unsaved changes", x11)
        # Autosave writes a recovery snapshot holding the edit.
        _wait(lambda: any(s.pid == proc.pid for s in list_snapshots()), 20,
              "no recovery snapshot was written", x11)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)

    assert project_file.read_bytes() == original, "the killed app wrote the user's file"

    proc = x11.start_app(str(project_file), name="second")
    try:
        dialog = x11.wait_for_window(proc, "Recover Unsaved Work", timeout=30)
        deadline = time.monotonic() + 15
        while x11.xdotool("search", "--onlyvisible", "--name", "Recover Unsaved Work").strip():
            if time.monotonic() > deadline:
                pytest.fail("the recovery dialog did not take Return", pytrace=False)
            x11.key(dialog, "Return")  # Restore is the default button
            time.sleep(0.5)
        assert project_file.read_bytes() == original, "restoring wrote the file before a save"
        restored = _wait(
            lambda: [w for w in x11.xdotool("search", "--onlyvisible", "--name",
                                              "workshop").split()
                     if "*" in x11.xdotool("getwindowname", w)],
            10, "no window shows the restored, unsaved work", x11)
        x11.key(restored[0], "ctrl+s")
        _wait(lambda: TITLE in _titles(project_file), 15,
              "Ctrl+S did not write the restored card to the file", x11)
        x11.key(restored[0], "ctrl+q")
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the app did not quit:\n{x11.app_output('second')}", pytrace=False)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
    assert TITLE in _titles(project_file)
