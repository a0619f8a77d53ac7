"""What the window looks like, measured: for the end-to-end test that looks.

With ``JOURNEYDESK_WINDOW_REPORT`` set to a file, the app writes there, once
the first window is up, a JSON description of it: the window's and the map
view's geometry, the zoom and the card titles' size on screen, and every
visible text (labels, buttons, tabs, dock titles) that does not fit its
widget, so would be cut or elided. The test reads it beside a screenshot; the
numbers come from the running window, never from a copy of its layout code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDockWidget,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QToolButton,
    QWidget,
)

if TYPE_CHECKING:
    from .main_window import MainWindow

REPORT_ENV = "JOURNEYDESK_WINDOW_REPORT"
DOCK_TITLE_BUTTONS = 48
"""Room a dock's title bar keeps for its float and close buttons."""


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or not label.pixmap().isNull():
        return None
    room = label.contentsRect()
    margin = label.margin() + max(label.indent(), 0)
    metrics = label.fontMetrics()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"needs {needed} px of height, has {label.height()}"
        return None
    if label.buddy() is not None:  # "&Name:" draws "Name:", the N underlined
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    widest = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
    available = room.width() - 2 * margin
    return f"needs {widest} px, has {available}" if widest > available else None


def _button_problem(button: QAbstractButton) -> str | None:
    if not button.text():
        return None
    if isinstance(button, QPushButton | QCheckBox | QRadioButton | QToolButton):
        # The style's own measure of the text, icon and padding.
        needed = button.minimumSizeHint().width()
        if isinstance(button, QPushButton | QToolButton):
            needed = max(needed, button.sizeHint().width())
        if needed > button.width():
            return f"needs {needed} px, has {button.width()}"
    return None


def _tab_problems(bar: QTabBar) -> list[tuple[str, str]]:
    out = []
    metrics = bar.fontMetrics()
    for index in range(bar.count()):
        text = bar.tabText(index).replace("&", "")
        rect = bar.tabRect(index)
        needed = metrics.horizontalAdvance(text)
        if not bar.rect().contains(rect) or rect.width() < needed + 8:
            out.append((text, f"tab needs {needed + 8} px, has {rect.width()} at {rect.x()}"))
    return out


def _dock_problem(dock: QDockWidget) -> str | None:
    needed = dock.fontMetrics().horizontalAdvance(dock.windowTitle())
    available = dock.width() - DOCK_TITLE_BUTTONS
    return f"title needs {needed} px, has {available}" if needed > available else None


def cut_texts(root: QWidget) -> list[dict[str, str]]:
    """Every visible text in ``root`` that does not fit its widget."""
    found: list[dict[str, str]] = []

    def note(widget: QWidget, text: str, problem: str | None) -> None:
        if problem:
            found.append({"widget": type(widget).__name__, "text": text, "problem": problem})

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            shown = widget.visibleRegion().boundingRect().width()
            if shown < widget.width():  # a parent (a scrolled panel, a dock) cuts it
                note(widget, widget.text(), f"{shown} of {widget.width()} px shown")
        if isinstance(widget, QLabel):
            note(widget, widget.text(), _label_problem(widget))
        elif isinstance(widget, QAbstractButton):
            note(widget, widget.text(), _button_problem(widget))
        elif isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            note(widget, widget.accessibleName(), "a panel that scrolls sideways: cut content")
        elif isinstance(widget, QTabBar):
            for text, problem in _tab_problems(widget):
                note(widget, text, problem)
        elif isinstance(widget, QDockWidget) and not widget.isFloating():
            note(widget, widget.windowTitle(), _dock_problem(widget))
    return found


def describe(window: MainWindow) -> dict[str, Any]:
    view = window.view
    corner = view.mapTo(window, QPoint(0, 0))
    frame = window.frameGeometry()
    return {
        "window": [frame.x(), frame.y(), window.width(), window.height()],
        "view": [corner.x(), corner.y(), view.width(), view.height()],
        "view_share": view.width() / max(1, window.width()),
        "zoom": view.zoom,
        "card_title_px": view.zoom * window.scene.layouter.theme.card_title_size,
        "language": QApplication.translate("MainWindow", "&View"),
        "docks": {
            d.objectName(): [d.width(), d.isVisible()] for d in window.findChildren(QDockWidget)
        },
        "cut": cut_texts(window),
    }


def write_report(window: MainWindow) -> None:
    """Write the report to the file ``JOURNEYDESK_WINDOW_REPORT`` names (whole or not at all)."""
    target = os.environ.get(REPORT_ENV)
    if not target:
        return
    path = Path(target)
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(describe(window), indent=2), encoding="utf-8")
    part.replace(path)
