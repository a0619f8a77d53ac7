"""A real drag of a project file onto the map, under Xvfb (X11 drag and drop).

A small "file manager" window in the same program starts a QDrag carrying
the file's URL, as a file manager does; xdotool (a separate process, so the
nested drag loop keeps running) presses, moves over the map and releases.
Before the fix the map's scene took the drag and dropped nothing."""

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
from PySide6.QtCore import QMimeData, QTimer, QUrl, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication, QLabel
from journeydesk.ui.main_window import MainWindow

path = sys.argv[1]
app = QApplication(sys.argv[:1])


class FileManager(QLabel):
    def mousePressEvent(self, event):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(path)])
        mime.setText(QUrl.fromLocalFile(path).toString())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction)


source = FileManager("drag me")
source.setWindowFlags(Qt.WindowType.FramelessWindowHint)
source.setGeometry(0, 0, 200, 120)
source.show()
w = MainWindow()
w.setGeometry(300, 0, 1400, 900)
w.show()
w.open_sample("en")
result = {}

def start():
    src = source.mapToGlobal(source.rect().center())
    dst = w.view.viewport().mapToGlobal(w.view.viewport().rect().center())
    moves = []
    for n in range(1, 13):
        moves += ["mousemove", str(src.x() + (dst.x() - src.x()) * n // 12),
                  str(src.y() + (dst.y() - src.y()) * n // 12), "sleep", "0.05"]
    subprocess.Popen(["xdotool", "mousemove", str(src.x()), str(src.y()), "sleep", "0.3",
                      "mousedown", "1", "sleep", "0.2", *moves, "sleep", "0.3", "mouseup", "1"])
    QTimer.singleShot(6000, finish)

def finish():
    doc = w.document
    result["path"] = str(doc.path) if doc is not None and doc.path is not None else None
    result["title"] = w.windowTitle()
    print("RESULT " + json.dumps(result), flush=True)
    app.exit(0)

QTimer.singleShot(1500, start)
QTimer.singleShot(30000, lambda: app.exit(3))
sys.exit(app.exec())
"""


@pytest.mark.timeout(120)
def test_a_project_file_dragged_onto_the_map_opens(x11: Any, tmp_path: Path) -> None:
    from journeydesk import templates
    from journeydesk.io import write_project

    dropped = tmp_path / "dropped on the map.journey"
    write_project(templates.new_project("service-blueprint", "en"), dropped)
    script = tmp_path / "harness.py"
    script.write_text(HARNESS, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), str(dropped)], env=x11.env,
                          capture_output=True, text=True, timeout=90, stdin=subprocess.DEVNULL)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, f"harness failed:\n{proc.stdout}\n{proc.stderr}"
    result = json.loads(lines[-1][len("RESULT "):])
    assert result["path"] == str(dropped), result
    assert result["title"].startswith("dropped on the map.journey"), result
