"""Sub-journey links are created, shown and followed from the app, and back:
the inspector and the card's context menu link a card to another map (one
undo step each), the card shows a link mark (canvas and PDF alike, one
layout), a double-click on it or the inspector's Open shows the linked map,
and Back (Alt+Left) returns to the card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from journeydesk.layout.engine import layout_map, link_badge_rect
from journeydesk.layout.primitives import Line
from journeydesk.model import check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    return w


def _select(window: MainWindow, qtbot, element_id: str) -> None:  # type: ignore[no-untyped-def]
    window.scene.clearSelection()
    for item in window.scene.element_items(element_id):
        item.setSelected(True)
    qtbot.waitUntil(lambda: window.inspector.target == element_id, timeout=2000)


def test_link_from_the_inspector_shows_a_mark_and_is_one_undo_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.project
    current, future = project.maps[0], project.maps[1]
    card = current.cards[0]
    assert card.links == []
    before = layout_map(project, current)
    _select(window, qtbot, card.id)
    pick = window.inspector.form_widget.findChild(QComboBox, "field_links")
    add = window.inspector.form_widget.findChild(QPushButton, "add_link")
    # Only the other maps of the project are offered.
    assert [pick.itemData(i) for i in range(pick.count())] == [future.id]
    add.click()
    assert [link.map for link in card.links] == [future.id]
    assert check_project(project) == []
    stack = window.document.undo_stack
    assert stack.undoText().startswith("Link card")
    # The card's drawing gains the link mark, where link_badge_rect says.
    after = layout_map(project, current)
    box = next(i for i in after.items if i.kind == "card" and i.element == card.id)
    old = next(i for i in before.items if i.kind == "card" and i.element == card.id)
    mark = link_badge_rect(window.scene.layouter.theme, box.bounds)
    new_lines = [
        p
        for p in box.primitives
        if isinstance(p, Line) and p.arrow and mark.x <= p.points[0][0] <= mark.right
    ]
    assert new_lines and not any(isinstance(p, Line) and p.arrow for p in old.primitives)
    stack.undo()
    assert card.links == []


def test_follow_a_link_by_double_click_and_come_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.project
    current, future = project.maps[0], project.maps[1]
    card = current.cards[2]
    from journeydesk.document.links import add_link

    window.document.push(add_link(window.document, card, future.id))
    item = next(i for i in window.scene.element_items(card.id) if i.kind == "card")
    mark = link_badge_rect(window.scene.layouter.theme, item.layout_item.bounds)
    centre = QPointF(mark.x + mark.w / 2, mark.y + mark.h / 2)
    window.view.centerOn(centre)
    pos = QPointF(window.view.mapFromScene(centre))
    for kind in (
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    ):
        event = QMouseEvent(
            kind,
            pos,
            window.view.viewport().mapToGlobal(pos),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton
            if kind != QEvent.Type.MouseButtonRelease
            else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window.view.viewport(), event)
    assert window.current_map() is future
    assert window.view.keys.editor is None  # the title editor did not open
    assert window.links.back_action.isEnabled()
    window.view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_map() is current
    assert card.id in window.selected_ids()
    assert not window.links.back_action.isEnabled()


def test_open_from_the_inspector_and_the_context_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.project
    current, future = project.maps[0], project.maps[1]
    card = current.cards[1]
    # The context menu offers "Link to Map" with the other map: ticking links.
    item = next(i for i in window.scene.element_items(card.id) if i.kind == "card")
    menu = window.view.edit_actions.context_menu(
        window.view.mapToGlobal(window.view.rect().center()), item
    )
    sub = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Link to Map")
    tick = next(a for a in sub.actions() if a.text() == future.name)
    tick.trigger()
    assert [link.map for link in card.links] == [future.id]
    menu = window.view.edit_actions.context_menu(
        window.view.mapToGlobal(window.view.rect().center()), item
    )
    assert any(a.text().startswith("Open Linked Map") for a in menu.actions())
    _select(window, qtbot, card.id)
    button = window.inspector.form_widget.findChild(QPushButton, "open_link")
    button.click()
    assert window.current_map() is future
    window.links.back()
    assert window.current_map() is current and card.id in window.selected_ids()


def test_the_pdf_poster_draws_the_link_mark(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """One layout for canvas and PDF: the poster carries the mark too (one
    more stroke in its colour where a card links to a map)."""
    from pypdf import PdfReader

    from journeydesk import templates
    from journeydesk.export.pdf.poster import export_pdf
    from journeydesk.layout.engine import LINK_COLOUR
    from journeydesk.model import MapLink

    r, g, b = (int(LINK_COLOUR[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def strokes(linked: bool) -> int:
        project = templates.new_project("sample", "en")
        if linked:
            project.maps[0].cards[0].links.append(MapLink(map=project.maps[1].id))
        path = tmp_path / f"poster_{linked}.pdf"
        export_pdf(project, [project.maps[0]], path)
        content = PdfReader(str(path)).pages[0].get_contents().get_data().decode("latin-1")
        return sum(
            1
            for line in content.splitlines()
            if line.endswith(" RG") and _close(line[:-3], (r, g, b))
        )

    assert strokes(True) > strokes(False)


def _close(numbers: str, rgb: tuple[float, float, float]) -> bool:
    try:
        values = [float(v) for v in numbers.split()]
    except ValueError:
        return False
    return len(values) == 3 and all(abs(a - b) < 0.01 for a, b in zip(values, rgb, strict=True))
