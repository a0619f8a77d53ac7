"""The map view: zoom (Ctrl+wheel, Ctrl++ / Ctrl+-, Ctrl+0 to fit) and pan."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView

from journeydesk.document.document import Document
from journeydesk.document.language import shown_language
from journeydesk.io import FILE_SUFFIX
from journeydesk.layout.hit import cell_at
from journeydesk.model import JourneyMap

from .accessible import Describer
from .edit_actions import EditActions
from .image_drop import drop_image, image_paths
from .interactions import (
    ConnectCards,
    DropFeedback,
    EditorContext,
    MoveCards,
    MoveCurvePoint,
    ReorderHeader,
    ResizeSpan,
    cards_by_cell,
    handle_at,
)
from .items import ElementItem
from .keyboard import KeyboardCapture
from .palette import MIME, Payload, allowed, drop
from .scene import MapScene

LIGHT_DESK = "#E4E7EC"
DARK_DESK = "#2A2E35"
MIN_ZOOM = 0.05
MAX_ZOOM = 8.0
ZOOM_STEP = 1.25


def _finder(doc: Document, jmap: JourneyMap) -> Callable[[str], object | None]:
    """The element of ``jmap`` with an id, through the document's index."""

    def find(element_id: str) -> object | None:
        try:
            element = doc.element(element_id)
            return element if doc.map_of(element_id) is jmap else None
        except KeyError:
            return None

    return find


class MapView(QGraphicsView):
    zoomChanged = Signal(float)
    message = Signal(str)
    """Something the user should read in the status bar (a refused drop...)."""
    linkFollowed = Signal(str, str)
    """Open a linked map: (the map's id, the card the link is on)."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setAccessibleName(self.tr("Map"))
        self._zoom = 1.0
        self.editor: EditorContext | None = None
        self.keys: KeyboardCapture | None = None
        self.edit_actions: EditActions | None = None
        self.shared_edit_actions: dict[str, QAction] = {}
        """The window's Edit menu actions by verb (copy, cut, paste, duplicate):
        the context menu shows them instead of making its own."""
        self._rebuilt_connected = False
        self._interaction: (
            MoveCards | ConnectCards | ResizeSpan | MoveCurvePoint | ReorderHeader | None
        ) = None
        self._pan_from: QPoint | None = None
        self._drop_feedback: DropFeedback | None = None
        self._describer: tuple[int, str, Describer] | None = None
        scene.selectionChanged.connect(self.describe_selection)
        self.follow_colour_scheme()

    def set_editor(self, editor: EditorContext | None) -> None:
        """Make the view editable (drags, drops, rubber band) or read-only."""
        self.editor = editor
        if self.keys is not None:
            self.keys.close_editor()
        self.keys = KeyboardCapture(self, editor) if editor is not None else None
        if self.edit_actions is not None:
            self.edit_actions.remove()
        self.edit_actions = EditActions(self, editor) if editor is not None else None
        scene = self.scene()
        if isinstance(scene, MapScene) and not self._rebuilt_connected:
            scene.rebuilt.connect(self._scene_rebuilt)
            self._rebuilt_connected = True
        self.setAcceptDrops(editor is not None)
        self.setDragMode(
            QGraphicsView.DragMode.RubberBandDrag
            if editor is not None
            else QGraphicsView.DragMode.ScrollHandDrag
        )

    # --- the palette from the keyboard ---------------------------------

    def selected_curve(self, jmap: JourneyMap) -> str | None:
        """The curve selected, or the curve of a selected emotion point."""
        for item in self.scene().selectedItems():
            if isinstance(item, ElementItem) and item.kind in ("curve", "curve_point"):
                for c in jmap.curves:
                    if c.id == item.element_id or any(p.id == item.element_id for p in c.points):
                        return c.id
        return None

    def place(self, payload: Payload) -> bool:
        """Put a palette entry where the keyboard is (Enter on the palette)."""
        from journeydesk.document.verbs import new_element_id

        from .placing import Place, place

        if self.editor is None:
            return False
        jmap = self.editor.current_map()
        if jmap is None:
            return False
        step = lane = curve = None
        keys = self.keys
        if keys is not None and keys.cell is None:
            keys.cell = keys.start_cell(jmap)
        if keys is not None and keys.cell is not None:
            step, lane = keys.cell.step, keys.cell.lane
        curve = self.selected_curve(jmap)
        doc = self.editor.document
        command, why = place(doc, jmap, payload, Place(step, lane, curve))
        if command is None:
            self.message.emit(why)
            return False
        status = getattr(command, "status", "")
        if status:
            self.message.emit(status)
        self.setFocus()
        new_id = new_element_id(command)
        if new_id is None:
            return True
        card = next((c for c in jmap.cards if c.id == new_id), None)
        if card is not None and keys is not None:
            keys.select_card(card)
            keys.edit_selected()
            return True
        scene = self.scene()
        scene.clearSelection()
        for item in scene.items():
            if isinstance(item, ElementItem) and item.element_id == new_id:
                item.setSelected(True)
                self.ensureVisible(item, 30, 30)
        return True

    # --- light and dark ----------------------------------------------------

    def follow_colour_scheme(self) -> None:
        """The desk around the map follows the system's light or dark look;
        the map itself stays paper-white, as it prints."""
        scene = self.scene()
        if scene is None or not shiboken6.isValid(scene):
            return
        window = self.palette().color(QPalette.ColorRole.Window)
        dark = window.lightnessF() < 0.5
        scene.setBackgroundBrush(QColor(DARK_DESK if dark else LIGHT_DESK))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.follow_colour_scheme()
        super().changeEvent(event)

    # --- what assistive technology hears --------------------------------

    def describer(self) -> Describer | None:
        """Words for the shown map's elements, made again when the model changes
        (the document's generation), the map shown or the language.

        It holds no layout: keyed by the layout, it held the previous one alive
        until the next edit, whose release (14 ms after an edit that moved
        17,777 cards) was then paid here."""
        if self.editor is None:
            return None
        doc, jmap = self.editor.document, self.editor.current_map()
        if jmap is None or self.editor.layout() is None:
            return None
        language = shown_language()
        held = self._describer
        if (
            held is None
            or held[0] != doc.generation
            or held[1] != language
            or held[2].jmap is not jmap
            or held[2].project is not doc.project
        ):
            held = self._describer = (
                doc.generation,
                language,
                Describer(doc.project, jmap, _finder(doc, jmap)),
            )
        return held[2]

    def describe_selection(self) -> None:
        """The accessible description names the selection (or the map)."""
        scene = self.scene()
        if scene is None or not shiboken6.isValid(scene):
            return
        describer = self.describer()
        if describer is None:
            return
        ids = [
            i.element_id
            for i in scene.selectedItems()
            if isinstance(i, ElementItem) and i.element_id
        ]
        self.setAccessibleDescription(describer.selection(list(dict.fromkeys(ids))))

    def describe_cell(self, step_id: str, lane_id: str) -> None:
        describer = self.describer()
        if describer is not None:
            self.setAccessibleDescription(describer.cell(step_id, lane_id))

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        factor = zoom / self._zoom
        if abs(factor - 1) < 1e-9:
            return
        self.scale(factor, factor)
        self._zoom = zoom
        self.zoomChanged.emit(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def zoom_to_fit(self) -> None:
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        # Twice: the first fit may show or hide a scroll bar, which changes the viewport.
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom = self.transform().m11()
        self.zoomChanged.emit(self._zoom)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self._zoom * (ZOOM_STEP**steps))
            event.accept()
            return
        super().wheelEvent(event)

    def _scene_rebuilt(self) -> None:
        self.describe_selection()
        if self.keys is not None:
            self.keys.scene_rebuilt()

    # --- gestures ---------------------------------------------------------

    def _card_at(self, event: QMouseEvent) -> ElementItem | None:
        return self._item_at(event, "card")

    def _in_lane_header(self, lane: ElementItem, pos: QPointF) -> bool:
        """Lanes are dragged by their header column, not by their whole row."""
        layout = self.editor.layout() if self.editor else None
        steps = [i.bounds.x for i in layout.peek_items() if i.kind == "step"] if layout else []
        return bool(steps) and pos.x() < min(steps)

    def _item_at(self, event: QMouseEvent, kind: str) -> ElementItem | None:
        # Handles reach a few points outside a card: look around the pointer.
        pos = event.position().toPoint()
        for item in self.items(pos):
            if isinstance(item, ElementItem) and item.kind == kind:
                b = item.layout_item.bounds
                scene_pos = self.mapToScene(pos)
                margin = 8.0 if kind == "card" else 2.0
                if (
                    b.x - margin <= scene_pos.x() <= b.right + margin
                    and b.y - margin <= scene_pos.y() <= b.bottom + margin
                ):
                    return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self.editor is not None and event.button() == Qt.MouseButton.LeftButton:
            pos = self.mapToScene(event.position().toPoint())
            point = self._item_at(event, "curve_point")
            if point is not None:
                self.scene().clearSelection()
                point.setSelected(True)
                self._interaction = MoveCurvePoint(self.editor, point, pos)
                event.accept()
                return
            for kind in ("step", "stage", "lane"):
                header = self._item_at(event, kind)
                if header is not None and (kind != "lane" or self._in_lane_header(header, pos)):
                    self.scene().clearSelection()
                    header.setSelected(True)
                    self._interaction = ReorderHeader(self.editor, self.scene(), header, pos)
                    event.accept()
                    return
            card = self._card_at(event)
            if card is not None and card.isSelected():
                handle = handle_at(card, pos)
                if handle == "connect":
                    self._interaction = ConnectCards(self.editor, self.scene(), card, pos)
                    event.accept()
                    return
                if handle == "resize":
                    self._interaction = ResizeSpan(self.editor, self.scene(), card)
                    event.accept()
                    return
            if card is not None:
                scene = self.scene()
                mods = event.modifiers()
                toggle = mods & (
                    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
                )
                if toggle:
                    card.setSelected(not card.isSelected())
                elif not card.isSelected():
                    scene.clearSelection()
                    card.setSelected(True)
                chosen = [
                    i
                    for i in scene.selectedItems()
                    if isinstance(i, ElementItem) and i.kind == "card"
                ]
                if chosen and card.isSelected():
                    self._interaction = MoveCards(
                        self.editor, scene, chosen, self.mapToScene(event.position().toPoint())
                    )
                event.accept()
                return
            self._click_cell(pos)
        super().mousePressEvent(event)

    def _click_cell(self, pos: QPointF) -> None:
        """A click on no card, point or header: the cell cursor goes to that cell."""
        layout = self.editor.layout() if self.editor is not None else None
        if self.keys is None or layout is None:
            return
        hit = cell_at(layout, pos.x(), pos.y(), {})
        if hit is not None:
            self.keys.click_cell(hit.step, hit.lane)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click a card to edit its title in place, its link mark to
        open the map it links to."""
        if self.keys is not None and event.button() == Qt.MouseButton.LeftButton:
            card = self._card_at(event)
            if card is not None and self._follow_link_mark(card, event):
                event.accept()
                return
            if card is not None:
                self.scene().clearSelection()
                card.setSelected(True)
                if self.keys.edit_selected():
                    event.accept()
                    return
        super().mouseDoubleClickEvent(event)

    def _follow_link_mark(self, item: ElementItem, event: QMouseEvent) -> bool:
        from journeydesk.model import Card

        from .link_menu import on_link_mark

        doc = self.editor.document if self.editor is not None else None
        card = doc.element(item.element_id) if doc is not None and item.element_id else None
        scene = self.scene()
        theme = scene.layouter.theme if isinstance(scene, MapScene) else None
        pos = self.mapToScene(event.position().toPoint())
        if not isinstance(card, Card) or theme is None or not on_link_mark(item, card, pos, theme):
            return False
        self.linkFollowed.emit(card.links[0].map, card.id)
        return True

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._interaction is not None:
            pos = self.mapToScene(event.position().toPoint())
            if isinstance(self._interaction, MoveCurvePoint):
                alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
                self._interaction.move(pos, alt)
            else:
                self._interaction.move(pos)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        if self._interaction is not None and event.button() == Qt.MouseButton.LeftButton:
            interaction, self._interaction = self._interaction, None
            pos = self.mapToScene(event.position().toPoint())
            if isinstance(interaction, MoveCurvePoint):
                alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
                if not interaction.release(pos, alt) and interaction.why:
                    self.message.emit(interaction.why)
            else:
                interaction.release(pos)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._interaction is not None:
            self._interaction.cancel()
            self._interaction = None
            event.accept()
            return
        if (
            event.key() == Qt.Key.Key_Escape
            and self.edit_actions is not None
            and self.edit_actions.cancel_connect()
        ):
            event.accept()
            return
        if self.keys is not None and self.keys.key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab walks the cards of the map, not the window's widgets.
        if self.keys is not None:
            return False
        return super().focusNextPrevChild(next)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The in-place editor: Esc cancels, losing focus commits.
        if self.keys is not None and watched is self.keys.editor:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self.keys.cancel()
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                self.keys.commit()
        return super().eventFilter(watched, event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.edit_actions is None:
            super().contextMenuEvent(event)
            return
        item = next(
            (i for i in self.items(event.pos()) if isinstance(i, ElementItem) and i.element_id),
            None,
        )
        if item is not None and not item.isSelected():
            self.scene().clearSelection()
            if item.flags() & item.GraphicsItemFlag.ItemIsSelectable:
                item.setSelected(True)
        self.edit_actions.context_menu(event.globalPos(), item).exec(event.globalPos())

    # --- drops from the palette --------------------------------------------

    def _drop_target(self, event: QDragMoveEvent | QDropEvent):  # type: ignore[no-untyped-def]
        if self.editor is None or not event.mimeData().hasFormat(MIME):
            return None
        payload = Payload.decode(bytes(event.mimeData().data(MIME).data()))
        layout, jmap = self.editor.layout(), self.editor.current_map()
        if payload is None or layout is None or jmap is None:
            return None
        pos = self.mapToScene(event.position().toPoint())
        hit = cell_at(layout, pos.x(), pos.y(), cards_by_cell(jmap, set()))
        ok = allowed(jmap, payload, hit, layout, pos.x(), pos.y())
        return payload, layout, jmap, hit, pos, ok

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and any(
            u.toLocalFile().lower().endswith(FILE_SUFFIX) for u in mime.urls() if u.isLocalFile()
        ):
            # A project file: not the map's (its scene would take any drag and
            # drop nothing); the window opens it.
            event.ignore()
            return
        if self.editor is not None and (
            event.mimeData().hasFormat(MIME) or image_paths(event.mimeData())
        ):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def _image_drop(self, event: QDropEvent) -> bool:
        """An image file from the file manager: onto a card, or a new image card."""
        paths = image_paths(event.mimeData())
        if self.editor is None or not paths:
            return False
        layout, jmap = self.editor.layout(), self.editor.current_map()
        if layout is None or jmap is None:
            return False
        pos = self.mapToScene(event.position().toPoint())
        card_item = next(
            (
                i
                for i in self.items(event.position().toPoint())
                if isinstance(i, ElementItem) and i.kind == "card"
            ),
            None,
        )
        card = next((c for c in jmap.cards if card_item and c.id == card_item.element_id), None)
        hit = cell_at(layout, pos.x(), pos.y(), cards_by_cell(jmap, set()))
        try:
            command = drop_image(self.editor.document, jmap, paths[0], card, hit)
        except (OSError, ValueError) as exc:
            self.message.emit(self.tr("The image cannot be used: %1").replace("%1", str(exc)))
            event.ignore()
            return True
        if command is None:
            event.ignore()
            return True
        event.acceptProposedAction()
        return True

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        target = self._drop_target(event)
        if target is None:
            super().dragMoveEvent(event)
            return
        _payload, _layout, _jmap, hit, _pos, ok = target
        if self._drop_feedback is None:
            self._drop_feedback = DropFeedback(self.scene())
        self._drop_feedback.show(hit, ok)
        if ok:
            event.acceptProposedAction()
        else:
            event.ignore()  # the cursor says "no" and the cell shows red

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._clear_drop_feedback()
        super().dragLeaveEvent(event)

    def _clear_drop_feedback(self) -> None:
        if self._drop_feedback is not None:
            self._drop_feedback.remove()
            self._drop_feedback = None

    def dropEvent(self, event: QDropEvent) -> None:
        if self._image_drop(event):
            self._clear_drop_feedback()
            return
        target = self._drop_target(event)
        self._clear_drop_feedback()
        if target is None or self.editor is None:
            super().dropEvent(event)
            return
        payload, layout, jmap, hit, pos, ok = target
        command = (
            drop(
                self.editor.document,
                jmap,
                payload,
                hit,
                layout,
                pos.x(),
                pos.y(),
                curve_id=self.selected_curve(jmap),
            )
            if ok
            else None
        )
        if command is None:
            event.ignore()
            return
        status = getattr(command, "status", "")
        if status:
            self.message.emit(status)
        event.acceptProposedAction()
