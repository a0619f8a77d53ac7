"""Presentation mode, offscreen with two screens (Qt's offscreen platform reads
a config file that defines them), in a subprocess so this test's own Qt keeps
its one screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from journeydesk import templates
from journeydesk.ui.presentation import start_presentation
project = templates.new_project("sample", "it")
show = start_presentation(project, project.maps[0])
out = {"screens": len(app.screens()), "presenter": show.presenter is not None}
out["audience_screen"] = show.screen().name()
if show.presenter is not None:
    out["presenter_screen"] = show.presenter.screen().name()
seen = [show.index]
for key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Left,
            Qt.Key.Key_End, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_Backspace):
    QTest.keyClick(show, key)
    seen.append(show.index)
out["seen"] = seen
out["slides"] = len(show.deck)
QTest.keyClick(show, Qt.Key.Key_Right)
if show.presenter is not None:
    out["notes"] = show.presenter.notes.toPlainText()
    out["title"] = show.presenter.title.text()
    QTest.keyClick(show.presenter, Qt.Key.Key_Right)  # the presenter drives it too
    out["after_presenter_key"] = show.index
out["image"] = [show.view.image.width(), show.view.image.height()]
QTest.keyClick(show, Qt.Key.Key_Escape)
out["closed"] = not show.isVisible() and (show.presenter is None or not show.presenter.isVisible())
print("RESULT " + json.dumps(out))
"""


def _run(tmp_path: Path, screens: list[dict[str, object]]) -> dict[str, object]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    lines = [x for x in done.stdout.splitlines() if x.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stderr
    return dict(json.loads(lines[-1][7:]))


def _screen(name: str, x: int) -> dict[str, object]:
    return {
        "name": name,
        "x": x,
        "y": 0,
        "width": 1920,
        "height": 1080,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }


def test_two_screens_give_a_presenter_view(tmp_path: Path) -> None:
    out = _run(tmp_path, [_screen("laptop", 0), _screen("projector", 1920)])
    assert out["screens"] == 2 and out["presenter"] is True
    assert out["audience_screen"] == "projector" and out["presenter_screen"] == "laptop"
    last = int(out["slides"]) - 1
    assert out["seen"] == [0, 1, 2, 3, 2, last, last, 0, 0]
    assert out["notes"]  # the stage's narration, in Italian
    assert str(out["title"]).startswith("2 of")
    assert out["after_presenter_key"] == 2
    assert out["image"] == [1920, 1080]
    assert out["closed"] is True


def test_one_screen_has_no_presenter_view(tmp_path: Path) -> None:
    out = _run(tmp_path, [_screen("only", 0)])
    assert out["screens"] == 1 and out["presenter"] is False
    assert out["closed"] is True


PLACED = r"""
import json, sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
from journeydesk import templates
from journeydesk.ui.presentation import start_presentation
screens = {s.name(): s for s in app.screens()}
main = QWidget()  # the main window, on the screen the test names
main.setGeometry(screens[sys.argv[1]].availableGeometry().adjusted(50, 50, -50, -50))
main.show()
project = templates.new_project("sample", "en")
show = start_presentation(project, project.maps[0], origin=main.screen())
out = {"main": main.screen().name(), "audience": show.screen().name(),
       "audience_rect": list(show.geometry().getRect()),
       "full": show.isFullScreen()}
if show.presenter is not None:
    out["presenter"] = show.presenter.screen().name()
    out["presenter_rect"] = list(show.presenter.geometry().getRect())
print("RESULT " + json.dumps(out))
"""


def _placed(tmp_path: Path, screens: list[dict[str, object]], main: str) -> dict[str, object]:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-c", PLACED, main], env=env, capture_output=True, text=True,
        timeout=120,
    )
    lines = [x for x in done.stdout.splitlines() if x.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stderr
    return dict(json.loads(lines[-1][7:]))


def _sized(name: str, x: int, width: int, height: int) -> dict[str, object]:
    return {**_screen(name, x), "width": width, "height": height}


def test_one_screen_the_slides_fill_the_main_windows_screen(tmp_path: Path) -> None:
    out = _placed(tmp_path, [_sized("laptop", 0, 1366, 768)], "laptop")
    assert out["audience"] == "laptop" and out["full"] is True
    assert out["audience_rect"] == [0, 0, 1366, 768]
    assert "presenter" not in out


def test_the_presenter_view_opens_where_the_main_window_is(tmp_path: Path) -> None:
    screens = [_sized("left", 0, 1366, 768), _sized("right", 1366, 1920, 1080)]
    out = _placed(tmp_path, screens, "right")
    assert out["presenter"] == "right" and out["audience"] == "left"
    assert out["audience_rect"] == [0, 0, 1366, 768]
    out = _placed(tmp_path, screens, "left")
    assert out["presenter"] == "left" and out["audience"] == "right"
    assert out["audience_rect"] == [1366, 0, 1920, 1080]
    assert out["presenter_rect"][0] < 1366  # on the left screen
