"""A project file dropped anywhere on the window opens it: on the map, on a
dock, on a text field. An image dropped on a card still becomes its image.

The drags are sent as the platform sends them: to the window's native window,
which hands them to the widget under the pointer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from journeydesk import templates
from journeydesk.io import write_project
from journeydesk.model import check_project
from journeydesk.ui import files
from journeydesk.ui.main_window import MainWindow

_KEEP: list[QMimeData] = []  # an event does not own its data: keep it alive


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    w.view.reset_zoom()
    yield w
    for other in files.windows():
        if other is not w:
            if other.document is not None:
                other.document.undo_stack.setClean()
            other.close()


def _mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    mime.setText(QUrl.fromLocalFile(str(path)).toString())  # as file managers do
    _KEEP.append(mime)
    return mime


def _drag_and_drop(target: object, mime: QMimeData, pos: QPoint) -> tuple[bool, bool]:
    """Enter and drop at ``pos`` of ``target`` (a QWindow or a widget)."""
    enter = QDragEnterEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()


def _in_window(window: MainWindow, widget: QWidget, point: QPoint | None = None) -> QPoint:
    return widget.mapTo(window, point if point is not None else widget.rect().center())


def _saved(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    write_project(templates.new_project("service-blueprint", "en"), path)
    return path


def _opened(window: MainWindow, path: Path) -> bool:
    return any(
        w.document is not None and w.document.path == path for w in [window, *files.windows()]
    )


@pytest.mark.parametrize("where", ["map", "maps panel", "inspector field", "find field"])
def test_a_project_dropped_anywhere_opens(
    window: MainWindow, tmp_path: Path, qtbot, where: str  # type: ignore[no-untyped-def]
) -> None:
    path = _saved(tmp_path, f"dropped {where}.journey")
    if where == "find field":
        window.find_bar.open_bar()
    widget = {
        "map": lambda: window.view.viewport(),
        "maps panel": lambda: window.navigator,
        "inspector field": lambda: next(
            e for e in window.inspector.findChildren(QLineEdit) if e.isVisible()
        ),
        "find field": lambda: window.find_bar.text,
    }[where]()
    handle = window.windowHandle()
    assert handle is not None
    enter, drop = _drag_and_drop(handle, _mime(path), _in_window(window, widget))
    assert enter and drop
    qtbot.waitUntil(lambda: _opened(window, path))
    assert window.document is not None and window.document.path == path  # untouched: here


def test_a_project_dragged_onto_the_map_widget_goes_to_the_window(
    window: MainWindow, tmp_path: Path, qtbot  # type: ignore[no-untyped-def]
) -> None:
    """Even delivered to the map view itself, the map does not swallow it."""
    path = _saved(tmp_path, "onto the view.journey")
    viewport = window.view.viewport()
    enter, drop = _drag_and_drop(viewport, _mime(path), viewport.rect().center())
    assert enter and drop
    qtbot.waitUntil(lambda: _opened(window, path))


def test_an_image_dropped_on_a_card_still_sets_its_image(
    window: MainWindow, tmp_path: Path
) -> None:
    project = window.project
    assert project is not None
    card = project.maps[0].cards[0]
    box = next(i for i in window.scene.element_items(card.id) if i.kind == "card")
    b = box.layout_item.bounds
    centre = QPointF(b.x + b.w / 2, b.y + b.h / 2)
    window.view.centerOn(centre)
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366CC"))
    png = tmp_path / "photo.png"
    assert image.save(str(png))
    viewport = window.view.viewport()
    at = _in_window(window, viewport, window.view.mapFromScene(centre))
    handle = window.windowHandle()
    assert handle is not None
    enter, drop = _drag_and_drop(handle, _mime(png), at)
    assert enter and drop
    assert card.image is not None
    asset = next(a for a in project.assets if a.id == card.image)
    assert (asset.width, asset.height) == (40, 20)
    assert check_project(project) == []
