"""Real drags under Xvfb: X mouse events from xdotool, Qt's own QDrag.

Offscreen tests deliver drop events directly (QDrag.exec blocks and QTest
cannot start a drag); here a small program builds the real window on the X
display, asks xdotool (a separate process, so the nested drag loop keeps
running) to press, move and release the mouse, and reports what the model
became.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.flaky(reruns=2)]

HARNESS = r"""
import json, subprocess, sys
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication
from journeydesk.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
w = MainWindow()
w.resize(1500, 950)
w.move(0, 0)
w.show()
w.open_sample("en")
w.view.reset_zoom()
project = w.project
jmap = project.maps[0]
result = {}

def geometry():
    palette = w.palette_list
    item = next(palette.item(i) for i in range(palette.count())
                if palette.item(i).text() == "Pain point")
    palette.scrollToItem(item)
    r = palette.visualItemRect(item)
    src = palette.viewport().mapToGlobal(r.center())
    lane = next(l for l in jmap.lanes if l.kind == "pain_points")
    step = jmap.steps()[1]
    lb = next(i for i in w.scene.element_items(lane.id) if i.kind == "lane").layout_item.bounds
    sb = next(i for i in w.scene.element_items(step.id) if i.kind == "step").layout_item.bounds
    from PySide6.QtCore import QPointF
    target_scene = QPointF(sb.x + 30, lb.bottom - 6)
    w.view.centerOn(target_scene)
    dst = w.view.viewport().mapToGlobal(w.view.mapFromScene(target_scene))
    return src, dst, step.id, lane.id

def start():
    src, dst, step, lane = geometry()
    result["cell"] = [step, lane]
    result["before"] = len(jmap.cards)
    steps = []
    for n in range(1, 13):
        x = src.x() + (dst.x() - src.x()) * n // 12
        y = src.y() + (dst.y() - src.y()) * n // 12
        steps += ["mousemove", str(x), str(y), "sleep", "0.05"]
    subprocess.Popen(["xdotool", "mousemove", str(src.x()), str(src.y()), "sleep", "0.3",
                      "mousedown", "1", "sleep", "0.2", *steps, "sleep", "0.3", "mouseup", "1"])
    QTimer.singleShot(9000, finish)

def finish():
    step, lane = result["cell"]
    new = [c for c in jmap.cards if c.kind == "pain_point" and (c.step, c.lane) == (step, lane)
           and not c.title]
    result["after"] = len(jmap.cards)
    result["new_in_cell"] = len(new)
    result["undo"] = w.document.undo_stack.undoText()
    print("RESULT " + json.dumps(result), flush=True)
    w.document.undo_stack.setClean()
    app.exit(0)

QTimer.singleShot(1500, start)
QTimer.singleShot(30000, lambda: app.exit(3))
sys.exit(app.exec())
"""


@pytest.mark.timeout(120)
def test_real_drag_from_the_palette_adds_a_card(x11: Any, tmp_path: Path) -> None:
    script = tmp_path / "harness.py"
    script.write_text(HARNESS, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], env=x11.env, capture_output=True,
                          text=True, timeout=90, stdin=subprocess.DEVNULL)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, f"harness failed:\n{proc.stdout}\n{proc.stderr}"
    result = json.loads(lines[-1][len("RESULT "):])
    assert result["after"] == result["before"] + 1, result
    assert result["new_in_cell"] == 1, result
    assert result["undo"].startswith("Add card"), result


HARNESS_CAPTURE = r"""
import json, subprocess, sys
from PySide6.QtCore import QPointF, QTimer
from PySide6.QtWidgets import QApplication
from journeydesk.ui.main_window import MainWindow

path = sys.argv[1]
app = QApplication(sys.argv[:1])
w = MainWindow()
w.resize(1500, 950)
w.move(0, 0)
w.show()
w.open_path(path)
w.view.reset_zoom()
jmap = w.project.maps[0]
result = {}

def xdo(*args):
    return subprocess.Popen(["xdotool", *args])

def start():
    palette = w.palette_list
    item = next(palette.item(i) for i in range(palette.count())
                if palette.item(i).text() == "Touchpoint")
    palette.scrollToItem(item)
    src = palette.viewport().mapToGlobal(palette.visualItemRect(item).center())
    lane = next(l for l in jmap.lanes if l.kind == "touchpoints")
    step = jmap.steps()[2]
    lb = next(i for i in w.scene.element_items(lane.id) if i.kind == "lane").layout_item.bounds
    sb = next(i for i in w.scene.element_items(step.id) if i.kind == "step").layout_item.bounds
    target = QPointF(sb.x + 30, lb.bottom - 6)
    w.view.centerOn(target)
    dst = w.view.viewport().mapToGlobal(w.view.mapFromScene(target))
    moves = []
    for n in range(1, 13):
        moves += ["mousemove", str(src.x() + (dst.x() - src.x()) * n // 12),
                  str(src.y() + (dst.y() - src.y()) * n // 12), "sleep", "0.05"]
    xdo("mousemove", str(src.x()), str(src.y()), "sleep", "0.3", "mousedown", "1",
        "sleep", "0.2", *moves, "sleep", "0.3", "mouseup", "1")
    QTimer.singleShot(6000, select_new)

def select_new():
    new = [c for c in jmap.cards if c.kind == "touchpoint" and not c.title]
    result["dropped"] = len(new)
    if new:
        for item in w.scene.element_items(new[0].id):
            item.setSelected(True)
    xdo("windowfocus", "--sync", str(int(w.winId())))
    QTimer.singleShot(1000, press_f2)

def press_f2():
    # The window has the X focus now; inside it, the map view takes the keys.
    w.activateWindow()
    w.view.setFocus()
    xdo("key", "--clearmodifiers", "F2")
    QTimer.singleShot(1000, type_text)

def type_text():
    result["editor_open"] = w.view.keys.editor is not None
    xdo("type", "--delay", "40", "Chatbot on the website")
    QTimer.singleShot(3000, lambda: xdo("key", "Return"))
    QTimer.singleShot(4500, lambda: xdo("key", "--clearmodifiers", "ctrl+s"))
    QTimer.singleShot(7000, finish)

def finish():
    result["titles"] = [c.title for c in jmap.cards if c.kind == "touchpoint"]
    result["editor_text"] = w.view.keys.editor.text() if w.view.keys.editor else None
    result["dirty"] = w.document.dirty
    print("RESULT " + json.dumps(result), flush=True)
    w.view.keys.close_editor()
    w.document.undo_stack.setClean()
    app.exit(0)

QTimer.singleShot(1500, start)
QTimer.singleShot(45000, lambda: app.exit(3))
sys.exit(app.exec())
"""


@pytest.mark.timeout(150)
def test_drag_a_touchpoint_type_its_title_save_and_reopen(x11: Any, tmp_path: Path) -> None:
    from journeydesk import templates
    from journeydesk.io import read_project, write_project

    project_file = tmp_path / "workshop.journey"
    write_project(templates.new_project("sample", "en"), project_file)
    script = tmp_path / "capture.py"
    script.write_text(HARNESS_CAPTURE, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(project_file)], env=x11.env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"harness failed:\n{proc.stdout}\n{proc.stderr}"
    result = json.loads(lines[-1][len("RESULT "):])
    assert proc.returncode == 0, f"harness exit {proc.returncode}: {result}\n{proc.stderr}"
    assert result["dropped"] == 1, result
    assert "Chatbot on the website" in result["titles"], result
    assert result["dirty"] is False, result  # Ctrl+S saved it
    reopened = read_project(project_file)
    assert any(c.title == "Chatbot on the website" and c.kind == "touchpoint"
               for c in reopened.maps[0].cards)
