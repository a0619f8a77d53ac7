"""The priority matrix in the app: the same ``layout.matrix`` drawing the PDF
and PNG exports make, with each dot a movable item. Dropping a dot rescores
its card: both scores in one undo step, through the document's verb; the
matrix is then laid out again from the model. Double-click shows the card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from journeydesk.document import verbs
from journeydesk.layout.matrix import Matrix, MatrixDot, matrix_layout
from journeydesk.layout.primitives import Item, Primitive
from journeydesk.render.qpainter import draw

if TYPE_CHECKING:
    from journeydesk.document.document import Document


def snap(value: float, step: float = 0.5) -> float:
    """Scores dropped by hand: to the nearest half point."""
    return round(value / step) * step


class _Drawing(QGraphicsItem):
    """Fixed primitives (axes, quadrants, the unscored list)."""

    def __init__(self, item: Item) -> None:
        super().__init__()
        self.prims: list[Primitive] = item.primitives
        b = item.bounds
        self.rect = QRectF(b.x, b.y, b.w, b.h)
        self.setZValue(item.z)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-40, -40, 40, 40)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:  # type: ignore[no-untyped-def]
        draw(painter, self.prims)


class DotItem(QGraphicsObject):
    """One card's dot and label; dragged, it asks for a rescore on release."""

    dropped = Signal(object, QPointF)  # MatrixDot, the dot's new centre
    activated = Signal(object)

    def __init__(self, dot: MatrixDot, item: Item) -> None:
        super().__init__()
        self.dot = dot
        self.prims = item.primitives
        b = item.bounds
        self.rect = QRectF(b.x, b.y, b.w, b.h)
        self.setZValue(item.z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(dot.title)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:  # type: ignore[no-untyped-def]
        draw(painter, self.prims)

    def centre(self) -> QPointF:
        return QPointF(self.dot.x, self.dot.y) + self.pos()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.pos().manhattanLength() > 0.5:
            self.dropped.emit(self.dot, self.centre())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.activated.emit(self.dot)


class MatrixView(QWidget):
    """Two score choosers over the matrix; follows the document."""

    elementActivated = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.doc: Document | None = None
        self._matrix: Matrix | None = None
        #: laid out again when next shown or asked for (issue #14: a hidden
        #: Decide dock laid a big project's matrix out twice on every open)
        self._stale = False
        self.map_id: str | None = None
        self.x_box, self.y_box = QComboBox(), QComboBox()
        self.x_box.setAccessibleName(self.tr("Score across"))
        self.y_box.setAccessibleName(self.tr("Score up"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Across:")))
        row.addWidget(self.x_box)
        row.addWidget(QLabel(self.tr("Up:")))
        row.addWidget(self.y_box)
        self.colour_box = QComboBox()
        self.colour_box.setAccessibleName(self.tr("Dot colour"))
        self.colour_box.addItem(self.tr("Colour by stage"), "stage")
        self.colour_box.addItem(self.tr("Colour by status"), "status")
        row.addWidget(self.colour_box)
        row.addStretch(1)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.view.setMinimumSize(60, 40)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.x_box.currentIndexChanged.connect(self.refresh)
        self.y_box.currentIndexChanged.connect(self.refresh)
        self.colour_box.currentIndexChanged.connect(self.refresh)

    def set_document(self, doc: Document | None, map_id: str | None = None) -> None:
        self.doc, self.map_id = doc, map_id
        self._fill_boxes()
        self.refresh()

    def _fill_boxes(self) -> None:
        keys = list(self.doc.project.scores()) if self.doc is not None else []
        for box, want in ((self.x_box, "effort"), (self.y_box, "impact")):
            current = box.currentData() or want
            box.blockSignals(True)
            box.clear()
            for key in keys:
                box.addItem(key, key)
            index = box.findData(current)
            box.setCurrentIndex(index if index >= 0 else 0)
            box.blockSignals(False)

    @property
    def matrix(self) -> Matrix | None:
        """The matrix on show, laid out now if it went stale while hidden."""
        if self._stale:
            self._rebuild()
        return self._matrix

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._rebuild()
        super().showEvent(event)

    def refresh(self) -> None:
        """Lay the matrix out again now when on screen, else when next shown."""
        if self.isVisible():
            self._rebuild()
        else:
            self.scene.clear()
            self._matrix = None
            self._stale = True

    def _rebuild(self) -> None:
        self._stale = False
        self.scene.clear()
        self._matrix = None
        if self.doc is None or not self.x_box.currentData() or not self.y_box.currentData():
            return
        project = self.doc.project
        maps = {self.map_id} if self.map_id else None
        matrix = self._matrix = matrix_layout(
            project,
            self.x_box.currentData(),
            self.y_box.currentData(),
            self.colour_box.currentData(),
            map_ids=maps,
        )
        dots = {d.card_id: d for d in matrix.dots}
        for item in matrix.layout.items:
            if item.kind == "matrix_dot" and item.element in dots:
                dot = DotItem(dots[item.element], item)
                dot.dropped.connect(self._dropped)
                dot.activated.connect(lambda d: self.elementActivated.emit(d.map_id, d.card_id))
                self.scene.addItem(dot)
            else:
                self.scene.addItem(_Drawing(item))
        layout = matrix.layout
        self.scene.setSceneRect(QRectF(0, 0, layout.width, layout.height))

    def dot_item(self, card_id: str) -> DotItem | None:
        if self._stale:
            self._rebuild()
        return next(
            (i for i in self.scene.items() if isinstance(i, DotItem) and i.dot.card_id == card_id),
            None,
        )

    def _dropped(self, dot: MatrixDot, centre: QPointF) -> None:
        if self.doc is None or self.matrix is None:
            self.refresh()
            return
        vx, vy = self.matrix.scores_at(centre.x(), centre.y())
        card = self.doc.element(dot.card_id)
        scores = dict(card.scores)  # type: ignore[attr-defined]
        scores[self.matrix.x_key] = snap(vx)
        scores[self.matrix.y_key] = snap(vy)
        text = self.tr("Rescore “%1”").replace("%1", dot.title)
        # the document's change signal lays the matrix out again
        if verbs.set_field(self.doc, dot.card_id, "scores", scores, text, merge=False) is None:
            self.refresh()
