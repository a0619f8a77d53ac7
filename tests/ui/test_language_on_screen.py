"""One language on screen: the interface language names the app's own
vocabulary (card kinds, statuses, Impact/Effort, map types) whatever the
project's content language; the map drawing follows the content language,
which the Project form shows and sets (one undo step, saved in the file)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel

from journeydesk.document.language import shown_language
from journeydesk.io import dump_bytes, load_bytes
from journeydesk.layout.primitives import Text
from journeydesk.ui import i18n
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def italian(qapp):  # type: ignore[no-untyped-def]
    translators = i18n.install_translators(qapp, "it")
    assert translators
    yield
    for t in translators:
        QCoreApplication.removeTranslator(t)


@pytest.fixture
def window(italian, qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")  # an English project in the Italian interface
    return w


def _drawn_words(window: MainWindow) -> set[str]:
    layout = window.scene.layout
    assert layout is not None
    return {
        line for i in layout.items for p in i.primitives if isinstance(p, Text) for line in p.lines
    }


def _select(window: MainWindow, qtbot, element_id: str) -> None:  # type: ignore[no-untyped-def]
    window.scene.clearSelection()
    for item in window.scene.element_items(element_id):
        item.setSelected(True)
    qtbot.waitUntil(lambda: window.inspector.target == element_id, timeout=2000)


def test_the_interface_language_names_built_in_kinds_statuses_and_scores(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert shown_language() == "it"
    project = window.project
    assert project.language == "en"
    card = next(c for c in project.maps[0].cards if c.kind == "pain_point")
    card.status = "planned"  # a status to show (set before the form is built)
    _select(window, qtbot, card.id)
    form = window.inspector.form_widget
    kind = form.findChild(QComboBox, "field_kind")
    status = form.findChild(QComboBox, "field_status")
    assert kind.currentText() == "Punto critico"
    assert status.currentText() == "Pianificata"
    labels = {w.text() for w in form.findChildren(QLabel)}
    assert {"Impatto", "Sforzo"} <= labels and "Impact" not in labels
    # The context menu's card kinds too.
    item = next(i for i in window.scene.element_items(card.id) if i.kind == "card")
    menu = window.view.edit_actions.context_menu(
        window.view.mapToGlobal(window.view.rect().center()), item
    )
    kinds = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Tipo di scheda")
    assert "Punto critico" in {a.text() for a in kinds.actions()}
    # The navigator's map tooltip names the map's state in Italian.
    tree = window.navigator.tree
    assert tree.topLevelItem(0).child(0).toolTip(0) == "stato attuale"
    # The drawing stays in the project's language.
    words = _drawn_words(window)
    assert "Legend" in words and "Legenda" not in words


def test_the_project_form_sets_the_content_language(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    project = window.project
    window.inspector.show_project()
    combo = window.inspector.form_widget.findChild(QComboBox, "field_language")
    assert combo.currentData() == "en" and combo.currentText() == "Inglese"
    combo.setCurrentIndex(combo.findData("it"))
    assert project.language == "it"
    stack = window.document.undo_stack
    assert stack.count() == 1
    words = _drawn_words(window)
    assert "Legenda" in words and "Legend" not in words
    assert load_bytes(dump_bytes(project)).language == "it"  # saved in the file
    stack.undo()
    assert project.language == "en" and "Legend" in _drawn_words(window)
