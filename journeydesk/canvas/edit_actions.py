"""Copy, cut, paste, duplicate and the context menu of the map view.

Copied cards go to the clipboard three ways: as JourneyDesk data (paste into
any window or project), as plain text (their titles and bodies) and as an
image of the selected cards (for slides and mail).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import QGraphicsView, QMenu

from journeydesk.document import verbs
from journeydesk.document.clipboard import MIME, clipboard_cards, copy_cards
from journeydesk.document.language import shown_language
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import Card
from journeydesk.render.qpainter import draw_items

from .interactions import EditorContext
from .items import ElementItem
from .plain import set_action_text

CLIP_SIDE = 4096
"""The longest side of the picture put on the clipboard with copied cards, in pixels."""


class EditActions:
    def __init__(self, view: QGraphicsView, ctx: EditorContext) -> None:
        self.view = view
        self.ctx = ctx
        self.actions: list[QAction] = []
        """The actions this object made (removed with it)."""
        self.menu_actions: list[QAction] = []
        """The actions of the context menu, in order."""
        shared: dict[str, QAction] = getattr(view, "shared_edit_actions", None) or {}
        for verb, text, keys, slot in (
            (
                "copy",
                QCoreApplication.translate("MapView", "Copy"),
                QKeySequence.StandardKey.Copy,
                self.copy,
            ),
            (
                "cut",
                QCoreApplication.translate("MapView", "Cut"),
                QKeySequence.StandardKey.Cut,
                self.cut,
            ),
            (
                "paste",
                QCoreApplication.translate("MapView", "Paste"),
                QKeySequence.StandardKey.Paste,
                self.paste,
            ),
            (
                "duplicate",
                QCoreApplication.translate("MapView", "Duplicate"),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D),
                self.duplicate,
            ),
            (
                "connect",
                QCoreApplication.translate("MapView", "Connect From/To Here"),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L),
                self.connect_here,
            ),
        ):
            if verb in shared:
                # The window's Edit menu has this verb, shortcut included: the
                # context menu shows that action (a second one with the same
                # shortcut would make the key ambiguous).
                self.menu_actions.append(shared[verb])
                continue
            action = QAction(text, view)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            view.addAction(action)
            self.actions.append(action)
            self.menu_actions.append(action)
        self.connect_from: str | None = None
        """The card a keyboard connection starts from, waiting for its target."""

    def remove(self) -> None:
        for action in self.actions:
            self.view.removeAction(action)
            action.deleteLater()

    # --- selection --------------------------------------------------------

    def selected_cards(self) -> list[Card]:
        jmap = self.ctx.current_map()
        ids = {
            i.element_id
            for i in self.view.scene().selectedItems()
            if isinstance(i, ElementItem) and i.kind == "card"
        }
        return [c for c in jmap.cards if c.id in ids] if jmap else []

    def _target_cell(self) -> tuple[str, str] | None:
        keys = getattr(self.view, "keys", None)
        if keys is not None and keys.cell is not None and keys.cursor_shown:
            return keys.cell.step, keys.cell.lane
        cards = self.selected_cards()
        if cards:
            return cards[-1].step, cards[-1].lane
        jmap = self.ctx.current_map()
        if jmap and jmap.steps():
            lane = next((ln.id for ln in jmap.lanes if ln.display == "cards"), None)
            if lane:
                return jmap.steps()[0].id, lane
        return None

    # --- actions ----------------------------------------------------------

    def copy(self) -> bool:
        cards = self.selected_cards()
        if not cards:
            return False
        mime = QMimeData()
        mime.setData(MIME, copy_cards(cards))
        mime.setText("\n\n".join(f"{c.title}\n{c.body}".strip() for c in cards))
        image = self._image()
        if image is not None:
            mime.setImageData(image)
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> None:
        cards = self.selected_cards()
        if cards and self.copy():
            verbs.cut_cards(self.ctx.document, [c.id for c in cards])

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        jmap, cell = self.ctx.current_map(), self._target_cell()
        if mime is None or jmap is None or cell is None or not mime.hasFormat(MIME):
            return
        cards, total = clipboard_cards(bytes(mime.data(MIME).data()))
        verbs.paste_cards(self.ctx.document, jmap, cards, *cell)
        said = getattr(self.view, "message", None)  # (the map view's status-bar signal)
        if total > len(cards) and cards and said is not None:
            said.emit(
                QCoreApplication.translate(
                    "MapView", "Pasted the first %1 of the %2 copied cards (%1 at a time)."
                )
                .replace("%1", str(len(cards)))
                .replace("%2", str(total))
            )

    def duplicate(self) -> None:
        jmap = self.ctx.current_map()
        cards = self.selected_cards()
        if jmap is None or not cards:
            return
        verbs.duplicate_cards(self.ctx.document, jmap, [c.id for c in cards])

    def _image(self) -> QImage | None:
        items = [
            i
            for i in self.view.scene().selectedItems()
            if isinstance(i, ElementItem) and i.kind == "card"
        ]
        if not items:
            return None
        area = QRectF()
        for item in items:
            b = item.layout_item.bounds
            area = area.united(QRectF(b.x, b.y, b.w, b.h))
        area.adjust(-8, -8, 8, 8)
        # Twice the map's size, but no side over CLIP_SIDE pixels: copying a whole
        # 5,000-card map drew every card at 2x into a 500-megapixel image (6.7 s).
        scale = min(2.0, CLIP_SIDE / max(area.width(), area.height(), 1.0))
        image = QImage(
            round(area.width() * scale),
            round(area.height() * scale),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(-area.x(), -area.y())
        ordered = sorted(items, key=lambda i: i.zValue())
        draw_items(painter, [i.layout_item for i in ordered], scale)
        painter.end()
        return image

    # --- connections from the keyboard ------------------------------------

    def _say(self, text: str) -> None:
        message = getattr(self.view, "message", None)
        if message is not None:
            message.emit(text)

    def connect_here(self) -> None:
        """Ctrl+L on a card starts a connection from it; Ctrl+L on another card
        ends it there (one undo step). With two cards selected, it connects
        them in reading order at once. Esc, or Ctrl+L on the same card, drops
        a started one."""
        jmap = self.ctx.current_map()
        cards = self.selected_cards()
        if jmap is None or not cards:
            self._say(QCoreApplication.translate("MapView", "Select a card to connect from"))
            return
        if len(cards) == 2 and self.connect_from is None:
            from .keyboard import reading_order

            rank = {c.id: n for n, c in enumerate(reading_order(jmap))}
            first, second = sorted(cards, key=lambda c: rank.get(c.id, 0))
            source, target = first.id, second.id
        elif len(cards) == 1 and self.connect_from is None:
            self.connect_from = cards[0].id
            self._say(
                QCoreApplication.translate(
                    "MapView",
                    "Connecting from “%1”: select the target card and press Ctrl+L (Esc cancels)",
                ).replace("%1", cards[0].title)
            )
            return
        else:
            source, target = self.connect_from or "", cards[-1].id
            self.connect_from = None
            if source == target or all(c.id != source for c in jmap.cards):
                self._say(QCoreApplication.translate("MapView", "Connection cancelled"))
                return
        if any(c.source == source and c.target == target for c in jmap.connections):
            self._say(QCoreApplication.translate("MapView", "These cards are already connected"))
            return
        doc = self.ctx.document
        verbs.add_connection(doc, jmap, source, target)

    def cancel_connect(self) -> bool:
        """Esc: drop a started keyboard connection (True when there was one)."""
        if self.connect_from is None:
            return False
        self.connect_from = None
        self._say(QCoreApplication.translate("MapView", "Connection cancelled"))
        return True

    # --- context menu -----------------------------------------------------

    def context_menu(self, global_pos: QPoint, item: ElementItem | None) -> QMenu:
        """The menu for the item under the pointer (built, not shown: the view
        shows it, tests inspect it)."""
        menu = QMenu(self.view)
        doc = self.ctx.document
        if item is not None and item.kind == "card" and item.element_id:
            card_id = item.element_id
            card = doc.element(card_id)
            keys = getattr(self.view, "keys", None)
            if keys is not None:
                menu.addAction(
                    QCoreApplication.translate("MapView", "Edit Title"), keys.edit_selected
                )
            kinds = menu.addMenu(QCoreApplication.translate("MapView", "Card Kind"))
            vocab = Vocabulary(doc.project, shown_language())
            entries = vocab.entries("card_kinds")
            current = getattr(card, "kind", "")
            if current and all(e.key != current for e in entries):
                entries.append(vocab.entry("card_kinds", current))  # unknown: kept, shown
            for term in entries:
                action = kinds.addAction("")
                set_action_text(action, term.label)
                action.setCheckable(True)
                action.setChecked(current == term.key)
                action.triggered.connect(
                    lambda _checked=False, k=term.key: verbs.set_card_kind(doc, card_id, k)
                )
            if isinstance(card, Card):
                from .link_menu import add_link_actions

                follow = getattr(self.view, "linkFollowed", None)
                add_link_actions(
                    menu, doc, card, follow.emit if follow is not None else lambda *_a: None
                )
            menu.addSeparator()
        for action in self.menu_actions:
            menu.addAction(action)
        if (
            item is not None
            and item.element_id
            and item.kind
            in ("card", "stage", "step", "lane", "connection", "separator", "curve_point")
        ):
            menu.addSeparator()
            element_id = item.element_id
            menu.addAction(
                QCoreApplication.translate("MapView", "Delete"),
                lambda: verbs.remove(doc, [element_id]),
            )
        return menu
