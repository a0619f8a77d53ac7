"""F6 shows where the keyboard went: a frame over the pane it reached, gone
when the focus leaves that pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from journeydesk.ui.main_window import MainWindow


def _framed_pixels(pane: QWidget) -> tuple[QColor, QColor]:
    """The colour of the pane's top-left border pixel and of a pixel well inside."""
    image = pane.grab().toImage()
    return image.pixelColor(1, pane.height() // 2), image.pixelColor(20, pane.height() // 2)


def test_f6_frames_the_pane_it_moves_to(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    w.activateWindow()
    w.view.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()
    frame = w.pane_frame
    assert not frame.isVisible()
    highlight = w.palette().color(QPalette.ColorRole.Highlight)

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is w.palette_list
    assert frame.isVisible() and frame.parentWidget() is w.palette_dock.widget()
    assert frame.geometry() == w.palette_list.rect()
    edge, inside = _framed_pixels(w.palette_list)
    assert edge == highlight and inside != highlight

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)  # on to the maps panel
    assert frame.isVisible() and frame.parentWidget() is w.maps_dock.widget()
    edge, _inside = _framed_pixels(w.maps_dock.widget())
    assert edge == highlight
    assert _framed_pixels(w.palette_list)[0] != highlight  # the old pane lost its frame

    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is w.view  # back on the map: framed too
    assert frame.parentWidget() is w.view and frame.isVisible()
    w.palette_list.setFocus(Qt.FocusReason.MouseFocusReason)  # a click elsewhere
    QApplication.processEvents()
    assert not frame.isVisible()
