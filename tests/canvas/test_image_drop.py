"""Images dropped from the file manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage

from journeydesk.io import dump_bytes, load_bytes
from journeydesk.model import check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    w.view.reset_zoom()
    return w


def _png(path: Path, w: int = 40, h: int = 20) -> Path:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366CC"))
    assert image.save(str(path))
    return path


def _drop_file(window: MainWindow, path: Path, scene_point: QPointF) -> QDropEvent:
    window.view.centerOn(scene_point)
    pos = window.view.mapFromScene(scene_point)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.view.dropEvent(event)
    return event


def test_image_on_a_card_becomes_its_image(window: MainWindow, tmp_path: Path) -> None:
    project = window.project
    assert project is not None
    card = project.maps[0].cards[0]
    box = next(i for i in window.scene.element_items(card.id) if i.kind == "card")
    b = box.layout_item.bounds
    _drop_file(window, _png(tmp_path / "photo.png"), QPointF(b.x + b.w / 2, b.y + b.h / 2))
    assert card.image is not None
    asset = next(a for a in project.assets if a.id == card.image)
    assert (asset.type, asset.width, asset.height) == ("image/png", 40, 20)
    assert check_project(project) == []
    assert load_bytes(dump_bytes(project)) == project
    # the card grew to show it
    again = next(i for i in window.scene.element_items(card.id) if i.kind == "card")
    assert again.layout_item.bounds.h > b.h


def test_a_file_that_is_not_an_image_is_refused(window: MainWindow, tmp_path: Path) -> None:
    project = window.project
    assert project is not None and window.document is not None
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"<html>not a picture</html>")
    messages: list[str] = []
    window.view.message.connect(messages.append)
    card = project.maps[0].cards[0]
    b = next(i for i in window.scene.element_items(card.id) if i.kind == "card").layout_item.bounds
    event = _drop_file(window, fake, QPointF(b.x + 10, b.y + 10))
    assert not event.isAccepted()
    assert messages and "not a PNG or JPEG" in messages[0]
    assert window.document.undo_stack.count() == 0
