"""Copy, cut, paste, duplicate and the context menu on the map view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication

from journeydesk.document.clipboard import MIME
from journeydesk.model import check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=_drop_changes)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    return w


def _drop_changes(window: MainWindow) -> None:
    if window.document is not None:
        window.document.undo_stack.setClean()


def _select(window: MainWindow, *ids: str) -> None:
    window.scene.clearSelection()
    for element_id in ids:
        for item in window.scene.element_items(element_id):
            if item.kind == "card":
                item.setSelected(True)


def test_copy_puts_data_text_and_an_image_on_the_clipboard(window: MainWindow) -> None:
    assert window.view.edit_actions is not None and window.project is not None
    card = window.project.maps[0].cards[0]
    _select(window, card.id)
    assert window.view.edit_actions.copy()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasFormat(MIME)
    assert card.title in mime.text()
    assert mime.hasImage()


def test_the_copied_picture_is_bounded_and_a_whole_map_copies_quickly(
    window: MainWindow,
) -> None:
    """One card: a picture at twice its size. All 1,500 cards of a big map: a
    picture no side of which is over CLIP_SIDE, their small cards drawn without
    making their drawings (copying 5,000 cards drew each into 500 megapixels)."""
    from bench_shapes import make_shape
    from PySide6.QtGui import QColor, QImage

    from journeydesk.canvas.edit_actions import CLIP_SIDE
    from journeydesk.document.document import Document

    assert window.view.edit_actions is not None and window.project is not None
    card = window.project.maps[0].cards[0]
    _select(window, card.id)
    assert window.view.edit_actions.copy()
    one = QImage(QGuiApplication.clipboard().mimeData().imageData())
    (item,) = [i for i in window.scene.element_items(card.id) if i.kind == "card"]
    b = item.layout_item.bounds
    assert (one.width(), one.height()) == (round((b.w + 16) * 2), round((b.h + 16) * 2))

    project = make_shape("wide", 1500)
    window.context.set_document(Document(project, None))
    window.edit_verbs.on_map("select_all")
    assert len(window.selected_ids()) == 1500
    assert window.view.edit_actions.copy()
    mime = QGuiApplication.clipboard().mimeData()
    assert len(mime.text().split("\n\n")) >= 1500 and mime.hasFormat(MIME)
    image = QImage(mime.imageData())
    assert 0.9 * CLIP_SIDE <= max(image.width(), image.height()) <= CLIP_SIDE
    cards = [i.layout_item for i in window.scene.items() if getattr(i, "kind", None) == "card"]
    assert sum(not c.made for c in cards) > 1000  # drawn as swatches, not made
    inked = sum(
        1
        for y in range(0, image.height(), 16)
        for x in range(0, image.width(), 16)
        if QColor(image.pixel(x, y)).lightness() < 245
    )
    assert inked > 0.05 * (image.width() // 16) * (image.height() // 16)  # the cards show


def test_cut_then_paste_moves_the_card_as_two_steps(window: MainWindow) -> None:
    actions = window.view.edit_actions
    project = window.project
    assert actions is not None and project is not None and window.document is not None
    jmap = project.maps[0]
    card = jmap.cards[2]
    _select(window, card.id)
    actions.cut()
    assert card not in jmap.cards
    assert window.document.undo_stack.undoText() == "Cut 1 card"
    # paste into the first card's cell
    _select(window, jmap.cards[0].id)
    actions.paste()
    pasted = [c for c in jmap.cards if c.title == card.title]
    assert len(pasted) == 1 and pasted[0].id != card.id
    assert (pasted[0].step, pasted[0].lane) == (jmap.cards[0].step, jmap.cards[0].lane)
    assert check_project(project) == []


def test_duplicate_and_context_menu(window: MainWindow) -> None:
    actions = window.view.edit_actions
    project = window.project
    assert actions is not None and project is not None
    jmap = project.maps[0]
    card = jmap.cards[1]
    _select(window, card.id)
    actions.duplicate()
    assert sum(1 for c in jmap.cards if c.title == card.title) == 2
    item = next(i for i in window.scene.element_items(card.id) if i.kind == "card")
    menu = actions.context_menu(QPoint(0, 0), item)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Card Kind" in texts and "Delete" in texts and "Copy" in texts
    kinds = next(a.menu() for a in menu.actions() if a.text() == "Card Kind")
    pain = next(a for a in kinds.actions() if a.text() == "Pain point")
    pain.trigger()
    assert card.kind == "pain_point"
    delete = next(a for a in menu.actions() if a.text() == "Delete")
    delete.trigger()
    assert card not in jmap.cards
    assert check_project(project) == []


def test_card_kind_menu_offers_the_projects_own_kinds_and_keeps_an_unknown_one(
    window: MainWindow,
) -> None:
    from journeydesk.model import VocabularyEntry

    actions = window.view.edit_actions
    project = window.project
    assert actions is not None and project is not None
    project.vocabularies.card_kinds.append(
        VocabularyEntry(key="hypothesis", label={"en": "Hypothesis", "it": "Ipotesi"})
    )
    jmap = project.maps[0]
    card = jmap.cards[0]
    card.kind = "from_a_newer_version"
    item = next(i for i in window.scene.element_items(card.id) if i.kind == "card")
    menu = actions.context_menu(QPoint(0, 0), item)
    kinds = next(a.menu() for a in menu.actions() if a.text() == "Card Kind")
    texts = [a.text() for a in kinds.actions()]
    assert "Hypothesis" in texts and "Pain point" in texts
    unknown = next(a for a in kinds.actions() if a.text() == "from a newer version")
    assert unknown.isChecked()
    next(a for a in kinds.actions() if a.text() == "Hypothesis").trigger()
    assert card.kind == "hypothesis"


def test_connect_two_cards_from_the_keyboard(window: MainWindow) -> None:
    """Ctrl+L on a card, Tab to another, Ctrl+L: one connection, one undo step;
    Esc drops a started one; two selected cards connect at once."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from journeydesk.canvas.keyboard import reading_order

    view = window.view
    project = window.project
    jmap = project.maps[0]
    doc = window.document
    before = len(jmap.connections)
    messages: list[str] = []
    view.message.connect(messages.append)
    order = reading_order(jmap)
    _select(window, order[0].id)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert view.edit_actions.connect_from == order[0].id
    assert "Connecting from" in messages[-1]
    QTest.keyClick(view, Qt.Key.Key_Tab)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    target = view.edit_actions.selected_cards()[0]
    assert target.id != order[0].id
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(jmap.connections) == before + 1
    conn = jmap.connections[-1]
    assert (conn.source, conn.target) == (order[0].id, target.id)
    assert doc.undo_stack.undoText() == "Add connection"
    assert check_project(project) == []
    # The same pair again is refused with a message, not duplicated.
    _select(window, order[0].id)
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _select(window, target.id)
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(jmap.connections) == before + 1 and "already" in messages[-1]
    # Esc drops a started connection.
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert view.edit_actions.connect_from is None and "cancelled" in messages[-1]
    # Two selected cards: connected at once, in reading order.
    window.scene.clearSelection()
    for card in (order[5], order[3]):
        for item in window.scene.element_items(card.id):
            item.setSelected(True)
    QTest.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(jmap.connections) == before + 2
    assert (jmap.connections[-1].source, jmap.connections[-1].target) == (order[3].id, order[5].id)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert len(jmap.connections) == before


def test_a_paste_of_more_cards_than_it_takes_says_so(window: MainWindow) -> None:
    """1,000 cards go into one cell at a time: the rest are not dropped in silence."""
    from bench_shapes import make_shape

    from journeydesk.document.clipboard import MAX_PASTE_CARDS, clipboard_cards, copy_cards

    big = make_shape("current", MAX_PASTE_CARDS + 200)
    data = copy_cards(big.maps[0].cards)
    cards, total = clipboard_cards(data)
    assert len(cards) == MAX_PASTE_CARDS and total == MAX_PASTE_CARDS + 200
    assert clipboard_cards(b'{"format": "journeydesk-cards", "cards": 3}') == ([], 0)
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setData(MIME, data)
    QGuiApplication.clipboard().setMimeData(mime)
    said: list[str] = []
    window.view.message.connect(said.append)
    assert window.view.edit_actions is not None and window.project is not None
    before = len(window.project.maps[0].cards)
    _select(window, window.project.maps[0].cards[0].id)
    window.view.edit_actions.paste()
    assert len(window.project.maps[0].cards) == before + MAX_PASTE_CARDS
    assert said and "1000" in said[-1] and "1200" in said[-1]
    said.clear()
    QGuiApplication.clipboard().setMimeData(_mime_of(big.maps[0].cards[:3]))
    window.view.edit_actions.paste()
    assert said == []  # all of them: nothing to say
    assert check_project(window.project) == []


def _mime_of(cards: list) -> object:  # type: ignore[type-arg]
    from PySide6.QtCore import QMimeData

    from journeydesk.document.clipboard import copy_cards

    mime = QMimeData()
    mime.setData(MIME, copy_cards(cards))
    return mime
