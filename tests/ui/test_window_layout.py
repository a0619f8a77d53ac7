"""The window's arrangement: the map gets most of the width on a fresh start,
the user's arrangement comes back (a broken record is ignored), View > Reset
Layout restores the default, and a map opens with card titles readable."""

from __future__ import annotations

import base64
import json
import os

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from journeydesk.ui import window_layout
from journeydesk.ui.main_window import MainWindow


def _clean(w: MainWindow) -> None:
    if w.document is not None:
        w.document.undo_stack.setClean()


def _started(qtbot, width: int = 1366, height: int = 768) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window started the way run_app starts one: frame, paint, build, sample."""
    w = MainWindow(build=False)
    qtbot.addWidget(w, before_close_func=_clean)
    # Offscreen has one 800x600 screen, where the window would start maximised.
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(width, height)
    w.show()
    QApplication.processEvents()
    w.build()
    w.open_sample("en")
    QApplication.processEvents()
    return w


@pytest.mark.parametrize("size", [(1366, 768), (1766, 972)])
def test_a_fresh_window_gives_the_map_most_of_its_width(qtbot, size) -> None:  # type: ignore[no-untyped-def]
    w = _started(qtbot, *size)
    assert w.view.width() >= 0.6 * w.width(), (w.view.width(), w.width())
    for dock in (w.maps_dock, w.palette_dock, w.inspector_dock):
        assert dock.isVisible() and not dock.isFloating()
        assert 150 <= dock.width() <= 430, (dock.objectName(), dock.width())
    assert w.dockWidgetArea(w.inspector_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert w.dockWidgetArea(w.palette_dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_the_arrangement_is_saved_on_close_and_comes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _started(qtbot, 1500, 800)
    w.palette_dock.hide()
    w.resizeDocks([w.inspector_dock], [360], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    inspector_width = w.inspector_dock.width()
    assert not window_layout.layout_file().exists()
    assert w.close()
    data = json.loads(window_layout.layout_file().read_text(encoding="utf-8"))
    assert data["version"] == window_layout.LAYOUT_VERSION

    again = _started(qtbot, 1500, 800)
    assert not again.palette_dock.isVisible()
    assert again.maps_dock.isVisible()
    assert abs(again.inspector_dock.width() - inspector_width) <= 2
    assert again.size() == w.size()


def _garbage_records() -> list[bytes]:
    junk = base64.b64encode(os.urandom(300)).decode()
    good_version = window_layout.LAYOUT_VERSION
    return [
        b"not json at all \x00\xff",
        b"[1, 2, 3]",
        json.dumps({"version": good_version, "geometry": junk, "state": junk}).encode(),
        json.dumps({"version": good_version, "geometry": "%%%", "state": "!!"}).encode(),
        json.dumps({"version": good_version, "geometry": 5, "state": None}).encode(),
        json.dumps({"version": 999, "geometry": "", "state": ""}).encode(),
        b"{" + b" " * (window_layout.MAX_LAYOUT_BYTES + 10) + b"}",
    ]


@pytest.mark.parametrize("record", _garbage_records())
def test_a_broken_record_gives_the_default_layout(qtbot, record: bytes) -> None:  # type: ignore[no-untyped-def]
    target = window_layout.layout_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(record)
    w = _started(qtbot, 1366, 768)
    assert w.view.width() >= 0.6 * w.width()
    for dock in (w.maps_dock, w.palette_dock, w.inspector_dock):
        assert dock.isVisible() and not dock.isFloating()


def test_qt_refuses_garbage_state_bytes(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _started(qtbot)
    from PySide6.QtCore import QByteArray

    assert not window_layout.restore_state(w, QByteArray(os.urandom(200)))
    # and a state saved under another version is refused too
    other = w.saveState(window_layout.LAYOUT_VERSION + 1)
    assert not window_layout.restore_state(w, other)


def test_reset_layout_brings_every_dock_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _started(qtbot, 1366, 768)
    w.palette_dock.hide()
    w.inspector_dock.setFloating(True)
    w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, w.storyline_dock)
    w.resizeDocks([w.maps_dock], [600], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert w.view.width() < 0.6 * w.width()
    reset = next(a for a in w.view_menu.actions() if a.text() == "Reset &Layout")
    reset.trigger()
    QApplication.processEvents()
    assert w.palette_dock.isVisible() and not w.inspector_dock.isFloating()
    assert w.dockWidgetArea(w.storyline_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert w.dockWidgetArea(w.inspector_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert set(w.tabifiedDockWidgets(w.inspector_dock)) == {
        w.comments_dock,
        w.storyline_dock,
    }
    # The Decide tables sit under the map, opened from the View menu.
    assert w.dockWidgetArea(w.decide_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert not w.decide_dock.isVisible()
    assert not w.inspector_dock.visibleRegion().isEmpty()  # the inspector's tab in front
    assert w.view.width() >= 0.6 * w.width()


def test_a_map_opens_with_card_titles_readable_and_fit_is_one_key_away(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = _started(qtbot, 1366, 768)
    title_px = w.view.zoom * w.scene.layouter.theme.card_title_size
    assert title_px >= window_layout.READABLE_TITLE_PX
    # the view starts at the map's top left: the first stage is in sight
    layout = w.scene.layout
    assert layout is not None
    first = next(i.bounds for i in layout.items if i.kind == "stage")
    shown = w.view.mapToScene(w.view.viewport().rect()).boundingRect()
    assert shown.contains(QRectF(first.x, first.y, 50, 50))
    opening = w.view.zoom
    fit = next(a for a in w.view_menu.actions() if a.text() == "&Fit Map")
    assert fit.shortcut().toString() == "Ctrl+0"
    fit.trigger()
    assert w.view.zoom < opening  # the sample fitted whole is smaller than readable
    port, rect = w.view.viewport().size(), w.view.sceneRect()
    whole = min(port.width() / rect.width(), port.height() / rect.height())
    assert w.view.zoom == pytest.approx(whole, rel=0.03)


def test_a_small_map_opens_whole(qtbot) -> None:  # type: ignore[no-untyped-def]
    scene = QGraphicsScene()
    scene.setSceneRect(0, 0, 400, 300)
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 800)
    zoom = window_layout.opening_zoom(view, 9.0)
    assert zoom == window_layout.MAX_OPENING_ZOOM  # fits whole, not blown up past the cap
    scene.setSceneRect(0, 0, 4000, 3000)
    assert window_layout.opening_zoom(view, 9.0) * 9.0 >= window_layout.READABLE_TITLE_PX


def test_the_maps_panel_tells_the_two_map_names_apart(qtbot) -> None:  # type: ignore[no-untyped-def]
    # "Washing machine purchase — current state" and "— future state" in a
    # narrow dock: the ends that differ stay in sight.
    w = _started(qtbot, 1366, 768)
    tree = w.navigator.tree
    persona = tree.topLevelItem(0)
    first, second = persona.child(0), persona.child(1)
    assert first.text(0) != second.text(0)
    width = tree.fontMetrics().horizontalAdvance(first.text(0))
    assert width > tree.visualItemRect(first).width()  # the names are cut

    def right_half(item) -> list[int]:  # type: ignore[no-untyped-def]
        rect = tree.visualItemRect(item)
        return [
            image.pixel(x, y)
            for y in range(rect.top(), rect.bottom())
            for x in range(rect.center().x(), rect.right() - 4)
        ]

    tree.setCurrentItem(None)  # no selection colour in the way
    image = tree.viewport().grab().toImage()
    assert right_half(first) != right_half(second)
