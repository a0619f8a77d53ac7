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
