"""The focus frame of the pane F6 moved to.

F6 walks the map and the panels; without a mark the user cannot see which
one has the keyboard (a list's focus is a faint dotted item, the map's
none). A coloured border is drawn over the pane it reached, until the focus
leaves that pane.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget

FRAME_WIDTH = 3


class PaneFrame(QWidget):
    """A border over a pane, transparent to the mouse and never focused."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pane: QWidget | None = None
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def frame(self, pane: QWidget | None) -> None:
        """Draw the frame over ``pane`` (None: nowhere)."""
        if self.pane is not None:
            self.pane.removeEventFilter(self)
        self.pane = pane
        if pane is None:
            self.hide()
            return
        self.setParent(pane)
        pane.installEventFilter(self)
        self.setGeometry(pane.rect())
        self.raise_()
        self.show()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        pane = self.pane
        if pane is not None and (new is None or not (new is pane or pane.isAncestorOf(new))):
            self.frame(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pane and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.pane.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FRAME_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
