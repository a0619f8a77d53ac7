"""The desk around the map follows a dark or light palette; the map stays paper."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from journeydesk.canvas.view import DARK_DESK, LIGHT_DESK
from journeydesk.ui.main_window import MainWindow


def test_the_desk_follows_the_application_palette(qtbot):
    app = QApplication.instance()
    before = app.palette()
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.open_sample("en")
    w.show()
    try:
        light = QPalette(before)
        light.setColor(QPalette.ColorRole.Window, QColor("#F0F0F0"))
        app.setPalette(light)
        qtbot.waitUntil(lambda: w.scene.backgroundBrush().color() == QColor(LIGHT_DESK))
        dark = QPalette(before)
        dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
        app.setPalette(dark)
        qtbot.waitUntil(lambda: w.scene.backgroundBrush().color() == QColor(DARK_DESK))
        # The map is still drawn on white paper.
        w.view.reset_zoom()
        w.view.ensureVisible(-40, -40, 50, 50, 0, 0)
        image = w.view.viewport().grab().toImage()
        corner = w.view.mapFromScene(4, 4)  # the paper's margin
        assert image.pixelColor(corner).lightness() > 200
        desk = w.view.mapFromScene(-20, -20)
        assert image.pixelColor(desk).lightness() < 80
    finally:
        app.setPalette(before)
