"""The suite's own safety nets (tests/conftest.py) do what they promise.

The modal-dialog guard is checked by running small test files with a copy of
tests/conftest.py in a separate pytest, since its whole point is to fail them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

INI = """\
[pytest]
qt_api = pyside6
timeout = 60
addopts = -p no:cacheprovider --strict-markers
markers =
    e2e: e2e
    slow: slow
    allow_modal(grace=10): allow modal
"""

GUARDED = '''
import pytest
from PySide6.QtCore import QEventLoop, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget


def test_unexpected_message_box(qapp):
    QMessageBox.question(None, "Overwrite the file?", "It exists.")


def test_expected_message_box(qapp, expect_modal):
    expect_modal(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    answer = QMessageBox.question(None, "Overwrite?", "It exists.")
    assert answer == QMessageBox.StandardButton.Yes


def test_expected_box_never_opens(qapp, expect_modal):
    expect_modal(QMessageBox, title="Never")


@pytest.mark.allow_modal
def test_allowed_dialog_answered_by_the_test(qapp):
    dialog = QDialog()
    dialog.setModal(True)
    QTimer.singleShot(200, dialog.accept)
    assert dialog.exec() == QDialog.DialogCode.Accepted


@pytest.mark.allow_modal(grace=0.5)
def test_allowed_dialog_left_unanswered(qapp):
    dialog = QDialog()
    dialog.setWindowTitle("Forgotten")
    dialog.exec()


class AsksOnClose(QWidget):
    def closeEvent(self, event):
        QMessageBox.question(self, "Save changes?", "The map has unsaved changes.")
        event.accept()


@pytest.fixture
def window(qtbot):
    widget = AsksOnClose()
    qtbot.addWidget(widget)
    return widget


def test_dialog_during_teardown(window):
    window.show()


def test_blocking_menu(qapp):
    menu = QMenu()
    menu.addAction("Delete")
    menu.exec(QPoint(10, 10))


def test_qt_test_without_dialogs(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.wait(100)
'''

HANGS = '''
import pytest
from PySide6.QtCore import QEventLoop


@pytest.mark.timeout(3)
def test_stuck_in_a_qt_event_loop(qapp):
    QEventLoop().exec()
'''


def _run_pytest(tmp_path: Path, test_source: str, timeout: float
                ) -> subprocess.CompletedProcess[str]:
    (tmp_path / "pytest.ini").write_text(INI)
    (tmp_path / "conftest.py").write_text((ROOT / "tests" / "conftest.py").read_text("utf-8"))
    (tmp_path / "test_sample.py").write_text(textwrap.dedent(test_source))
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rA", "-p", "no:randomly", "test_sample.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def _outcomes(output: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for outcome, name in re.findall(r"^(PASSED|FAILED|ERROR) test_sample\.py::(\w+)", output,
                                    re.M):
        found.setdefault(name, set()).add(outcome)
    return found


@pytest.mark.timeout(120)
def test_modal_guard(tmp_path: Path) -> None:
    proc = _run_pytest(tmp_path, GUARDED, timeout=100)
    out = proc.stdout + proc.stderr
    got = _outcomes(out)
    expected = {
        "test_unexpected_message_box": {"FAILED"},
        "test_expected_message_box": {"PASSED"},
        "test_expected_box_never_opens": {"PASSED", "ERROR"},
        "test_allowed_dialog_answered_by_the_test": {"PASSED"},
        "test_allowed_dialog_left_unanswered": {"FAILED"},
        "test_dialog_during_teardown": {"PASSED", "ERROR"},
        "test_blocking_menu": {"FAILED"},
        "test_qt_test_without_dialogs": {"PASSED"},
    }
    assert got == expected, out
    assert "Overwrite the file?" in out
    assert "Save changes?" in out
    assert "'Forgotten' was left open for 0.5 s" in out
    assert "popup blocked the test" in out
    assert "that never opened" in out


@pytest.mark.timeout(120)
def test_qt_tests_cannot_hang_in_a_cpp_event_loop(tmp_path: Path) -> None:
    """The thread method ends a test stuck where Python code never runs again."""
    try:
        proc = _run_pytest(tmp_path, HANGS, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("a Qt test stuck in QEventLoop.exec() hung pytest")
    assert proc.returncode != 0
    assert "Timeout" in proc.stdout + proc.stderr


def test_each_test_has_its_own_user_folders(user_dirs: Any, pristine_env: dict[str, str]
                                            ) -> None:
    from journeydesk import paths

    assert paths.config_dir() == user_dirs.config
    assert paths.state_dir() == user_dirs.state
    assert paths.cache_dir() == user_dirs.cache
    base = user_dirs.config.parent
    for var in ("JOURNEYDESK_CONFIG_DIR", "JOURNEYDESK_STATE_DIR", "JOURNEYDESK_CACHE_DIR",
                "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        assert Path(os.environ[var]).parent == base
        assert os.environ[var] != pristine_env.get(var)
    assert list(base.iterdir()) == []  # nothing is created for a test without Qt
    assert Path.home() != user_dirs.home


def test_folders_differ_between_tests(user_dirs: Any, tmp_path: Path) -> None:
    # tmp_path is the test's own folder; the user folders live apart from it,
    # so a test that lists tmp_path sees only what it made.
    assert not user_dirs.config.is_relative_to(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_qt_standard_paths_are_in_test_mode(qapp: Any, user_dirs: Any) -> None:
    from PySide6.QtCore import QStandardPaths

    assert QStandardPaths.isTestModeEnabled()
    config = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.ConfigLocation))
    assert config.is_relative_to(user_dirs.home)
    assert Path.home() == user_dirs.home
