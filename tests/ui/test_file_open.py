"""QFileOpenEvent: how macOS hands a double-clicked project to the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from journeydesk import templates
from journeydesk.io import write_project
from journeydesk.ui import files
from journeydesk.ui.app import FileOpenHandler
from journeydesk.ui.app_icon import app_icon, icon_pixmap


@pytest.fixture
def handler(qapp: QApplication) -> Iterator[FileOpenHandler]:
    h = FileOpenHandler(qapp)
    yield h
    qapp.removeEventFilter(h)
    h.deleteLater()
    for window in files.windows():
        if window.document is not None:
            window.document.undo_stack.setClean()
        window.close()
    QApplication.processEvents()


def project_file(tmp_path: Path, name: str, title: str) -> Path:
    project = templates.new_project("blank", "en")
    project.title = title
    path = tmp_path / name
    write_project(project, path)
    return path


def send_open(path: Path) -> None:
    QCoreApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(path)))


def showing(path: Path) -> list[Any]:
    return [w for w in files.windows()
            if w.document is not None and w.document.path is not None
            and w.document.path.resolve() == path.resolve()]


def test_a_file_open_event_replaces_the_untouched_sample(
        handler: FileOpenHandler, qtbot: Any, tmp_path: Path) -> None:
    first = files.new_window()
    first.open_sample("en")
    handler.set_ready()
    path = project_file(tmp_path, "mailed.journey", "Mailed to me")

    send_open(path)
    qtbot.waitUntil(lambda: bool(showing(path)), timeout=5000)

    assert showing(path) == [first]
    assert first.project is not None and first.project.title == "Mailed to me"
    assert len(files.windows()) == 1


def test_a_second_file_opens_in_a_new_window(
        handler: FileOpenHandler, qtbot: Any, tmp_path: Path) -> None:
    a = project_file(tmp_path, "a.journey", "A")
    b = project_file(tmp_path, "b.journey", "B")
    first = files.new_window()
    first.open_path(str(a))
    handler.set_ready()

    send_open(b)
    qtbot.waitUntil(lambda: bool(showing(b)), timeout=5000)

    assert showing(a) == [first]
    assert showing(b) and showing(b)[0] is not first
    # The same file again brings its window forward instead of a third one.
    send_open(b)
    qtbot.waitUntil(lambda: handler.opened.count(str(b)) == 2, timeout=5000)
    assert len(files.windows()) == 2


def test_events_before_the_first_window_wait_for_it(
        handler: FileOpenHandler, qtbot: Any, tmp_path: Path) -> None:
    path = project_file(tmp_path, "early.journey", "Early")
    send_open(path)
    QApplication.processEvents()
    assert not showing(path), "opened before the app was ready"

    first = files.new_window()
    first.open_sample("en")
    handler.set_ready()
    qtbot.waitUntil(lambda: bool(showing(path)), timeout=5000)
    assert showing(path) == [first]


def test_a_file_open_event_with_a_bad_file_keeps_the_window(
        handler: FileOpenHandler, qtbot: Any, tmp_path: Path, expect_modal: Any) -> None:
    first = files.new_window()
    first.open_sample("en")
    handler.set_ready()
    bad = tmp_path / "bad.journey"
    bad.write_text("{not json", encoding="utf-8")
    expect_modal(QMessageBox, title="Cannot open project")

    send_open(bad)
    qtbot.waitUntil(lambda: str(bad) in handler.opened, timeout=5000)
    assert first.project is not None and first.path is None  # the sample is still there


def test_the_app_icon_comes_from_the_svg(qapp: QApplication) -> None:
    icon = app_icon()
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 256}
    image = icon_pixmap(64).toImage()
    # Opaque in the middle (the tile), transparent in the very corner (rounded).
    assert image.pixelColor(32, 32).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0
