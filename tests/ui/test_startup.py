"""The window paints its frame before the heavy layers load, then builds.
The language read at start agrees with the typed settings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from journeydesk import paths
from journeydesk.ui.app_language import chosen_language
from journeydesk.ui.files import ui_language


@pytest.mark.parametrize(
    "content",
    [
        '{"language": "it"}',
        '{"language": "en"}',
        '{"language": "system"}',
        '{"language": "fr"}',
        '{"language": 3}',
        "[1, 2]",
        "not json",
        "",
        None,
    ],
)
def test_the_quick_language_read_agrees_with_the_settings(content):
    target = paths.config_dir() / "settings.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        target.unlink(missing_ok=True)
    else:
        target.write_text(content, encoding="utf-8")
    assert chosen_language() == ui_language()


def test_the_frame_needs_no_model_and_build_makes_the_window(qtbot):
    # In a fresh interpreter: the frame alone, and the language read before it
    # (run_app), load neither pydantic nor the model, layout or reportlab, nor
    # what the version is read with (pyproject.toml or the package metadata).
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from journeydesk.ui.app_language import chosen_language\n"
        "chosen_language()\n"
        "from journeydesk.ui.main_window import MainWindow\n"
        "w = MainWindow(build=False)\n"
        "w.show(); app.processEvents()\n"
        "heavy = [m for m in ('pydantic', 'reportlab', 'journeydesk.model',"
        " 'journeydesk.layout', 'journeydesk.io.project_file', 'journeydesk.io.errors',"
        " 'tomllib', 'importlib.metadata')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
        "print('MENUS', [a.text() for a in w.menuBar().actions()])\n"
        "w.build(); w.open_sample('en'); app.processEvents()\n"
        "print('BUILT', w.current_map().name)\n"
        "w.document.undo_stack.setClean()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert lines["HEAVY"] == "[]"
    assert lines["MENUS"] == "['&File', '&Edit', '&View', '&Help']"
    assert lines["BUILT"].startswith("Washing machine purchase")


def test_build_fills_the_frames_docks_and_menus(qtbot):
    from journeydesk.ui.main_window import MainWindow

    w = MainWindow(build=False)
    qtbot.addWidget(w, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    placeholder = w.inspector_dock.widget()
    assert not w.file_menu.actions()
    w.build()
    w.build()  # once only
    assert w.inspector_dock.widget() is w.inspector is not placeholder
    assert w.palette_dock.widget() is w.palette_list
    assert w.storyline_dock.widget() is w.storyline
    assert any("Export" in a.text() for a in w.file_menu.actions())
    assert w.view_menu.actions() and w.edit_menu.actions() and w.help_menu.actions()


def test_the_app_takes_file_open_events_without_filtering_every_event(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # In a fresh interpreter (one QApplication per process): run_app's own
    # application hands file-open events to the handler from its event();
    # no Python event filter sees the events of every widget (40 ms of the
    # first paint), yet the event still reaches the handler.
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtGui import QFileOpenEvent\n"
        "from PySide6.QtWidgets import QMainWindow\n"
        "from journeydesk.ui.app import FileOpenHandler, JourneyDeskApplication\n"
        "filtered = []\n"
        "inner = FileOpenHandler.eventFilter\n"
        "def spy(self, watched, event):\n"
        "    filtered.append(1)\n"
        "    return inner(self, watched, event)\n"
        "FileOpenHandler.eventFilter = spy\n"
        "app = JourneyDeskApplication([])\n"
        "handler = FileOpenHandler(app)\n"
        "w = QMainWindow(); w.menuBar().addMenu('&File'); w.show(); app.processEvents()\n"
        f"QCoreApplication.postEvent(app, QFileOpenEvent({str(tmp_path / 'a.journey')!r}))\n"
        "app.processEvents()\n"
        "print('PENDING', handler._pending)\n"
        "print('FILTERED', len(filtered))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert lines["PENDING"] == repr([str(tmp_path / "a.journey")])
    assert lines["FILTERED"] == "0"
