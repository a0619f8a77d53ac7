"""Several selected elements: the inspector shows the fields they share, a
"(mixed)" state where they differ, and a value set there goes to all of them
as one named undo step; undo restores every one exactly, redo applies it
again."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from journeydesk.model import Card, check_project
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    w.open_sample("en")
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.document is not None:
        w.document.undo_stack.setClean()  # closing would ask about unsaved changes
    w.close()
    w.deleteLater()


def field(window: MainWindow, name: str, cls: type[QWidget] = QWidget) -> Any:
    widget = window.inspector.form_widget.findChild(cls, f"field_{name}")
    assert widget is not None, f"no field {name}"
    return widget


def three_cards(window: MainWindow) -> list[Card]:
    assert window.project is not None
    jmap = window.project.maps[0]
    cards = jmap.cards[:3]
    window.inspector.show_selection([c.id for c in cards], jmap.id)
    return cards


def dump(window: MainWindow) -> dict[str, Any]:
    assert window.project is not None
    return window.project.model_dump()


def round_trip(window: MainWindow, before: dict[str, Any], text: str) -> None:
    stack = window.document.undo_stack  # type: ignore[union-attr]
    assert stack.undoText() == text
    after = dump(window)
    stack.undo()
    assert dump(window) == before
    stack.redo()
    assert dump(window) == after
    assert check_project(window.project) == []  # type: ignore[arg-type]


def test_selecting_cards_on_the_canvas_shows_what_they_share(
    window: MainWindow, qtbot  # type: ignore[no-untyped-def]
) -> None:
    assert window.project is not None
    cards = window.project.maps[0].cards[:3]
    window.scene.clearSelection()
    for card in cards:
        for item in window.scene.element_items(card.id):
            item.setSelected(True)
    qtbot.waitUntil(lambda: window.inspector.multi is not None, timeout=2000)
    assert set(window.inspector.multi) == {c.id for c in cards}  # type: ignore[arg-type]
    assert window.inspector.heading.text() == "3 cards"
    # every field says what it is, and that it applies to all
    for widget in window.inspector.form_widget.findChildren(QWidget):
        if widget.objectName().startswith("field_"):
            assert widget.accessibleName(), widget.objectName()
            assert widget.accessibleDescription() == "Applies to all 3 cards"


CHOICES = [
    ("kind", "opportunity", "Set kind of 3 cards"),
    ("channel", "phone", "Set channel of 3 cards"),
    ("channel", None, "Set channel of 3 cards"),
    ("sentiment", "problematic", "Set sentiment of 3 cards"),
    ("status", "planned", "Set status of 3 cards"),
]


@pytest.mark.parametrize(("name", "value", "text"), CHOICES)
def test_a_choice_applies_to_every_card_in_one_step(
    window: MainWindow, name: str, value: Any, text: str
) -> None:
    cards = three_cards(window)
    cards[0].channel, cards[1].channel = "web", "app"  # mixed, whatever the sample says
    cards[0].kind, cards[1].kind = "action", "thought"
    cards[0].sentiment, cards[1].sentiment = "positive", None
    cards[0].status, cards[1].status = "idea", None
    window.inspector.show_project()
    three_cards(window)
    combo = field(window, name, QComboBox)
    assert combo.currentText() == "(mixed)"
    before = dump(window)
    count = window.document.undo_stack.count()  # type: ignore[union-attr]
    combo.setCurrentIndex(combo.findData(value))
    assert [getattr(c, name) for c in cards] == [value] * 3
    assert window.document.undo_stack.count() == count + 1  # type: ignore[union-attr]
    round_trip(window, before, text)
    # the same widget now shows the one value, and no "(mixed)"
    assert combo is field(window, name, QComboBox)
    assert combo.currentData() == value and combo.findData("\x00mixed") < 0
    window.document.undo_stack.undo()  # type: ignore[union-attr]
    assert combo.currentText() == "(mixed)"
    # choosing "(mixed)" again changes nothing
    assert dump(window) == before
    index = window.document.undo_stack.index()  # type: ignore[union-attr]
    combo.setCurrentIndex(combo.count() - 1)
    combo.setCurrentIndex(combo.findData("\x00mixed"))  # gone: nothing is chosen
    combo.setCurrentIndex(-1)
    window.document.undo_stack.setIndex(index)  # type: ignore[union-attr]
    assert dump(window) == before


def test_unknown_values_are_shown_among_the_mixed(window: MainWindow) -> None:
    cards = three_cards(window)
    cards[0].channel = "carrier_pigeon"
    window.inspector.show_project()
    three_cards(window)
    combo = field(window, "channel", QComboBox)
    assert combo.findData("carrier_pigeon") >= 0
    assert combo.currentText() == "(mixed)"
    assert cards[0].channel == "carrier_pigeon"


def test_tags_are_added_to_and_removed_from_every_card(window: MainWindow) -> None:
    cards = three_cards(window)
    cards[0].tags = ["early", "common"]
    cards[1].tags = ["common"]
    cards[2].tags = ["common", "late"]
    window.inspector.show_project()
    three_cards(window)
    edit = field(window, "tags", QLineEdit)
    assert edit.text() == "common"
    assert edit.placeholderText() == "(mixed)"
    before = dump(window)
    edit.setText("common, caff\u00e8")
    edit.editingFinished.emit()
    assert [c.tags for c in cards] == [
        ["early", "common", "caffè"],
        ["common", "caffè"],
        ["common", "late", "caffè"],
    ]
    round_trip(window, before, "Set tags of 3 cards")
    assert edit.text() == "common, caffè"
    before = dump(window)
    edit.setText("caff\u00e8")
    edit.editingFinished.emit()
    assert [c.tags for c in cards] == [["early", "caffè"], ["caffè"], ["late", "caffè"]]
    round_trip(window, before, "Set tags of 3 cards")
    # finishing with nothing changed pushes nothing
    count = window.document.undo_stack.count()  # type: ignore[union-attr]
    edit.editingFinished.emit()
    assert window.document.undo_stack.count() == count  # type: ignore[union-attr]


def test_colour_typed_or_picked_for_every_card(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = three_cards(window)
    cards[0].colour = "#ff0000"
    window.inspector.show_project()
    three_cards(window)
    edit = field(window, "colour", QLineEdit)
    assert edit.text() == "" and edit.placeholderText() == "(mixed)"
    count = window.document.undo_stack.count()  # type: ignore[union-attr]
    edit.editingFinished.emit()  # empty while mixed: nothing changes
    for bad in ("#12", "red", "#12345g"):
        edit.setText(bad)
        edit.editingFinished.emit()
        assert cards[0].colour == "#ff0000" and cards[1].colour is None
    assert window.document.undo_stack.count() == count  # type: ignore[union-attr]
    before = dump(window)
    edit.setText("#AbCdEf")
    edit.editingFinished.emit()
    assert [c.colour for c in cards] == ["#abcdef"] * 3
    round_trip(window, before, "Set colour of 3 cards")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#102030"))
    pick = next(b for b in window.inspector.form_widget.findChildren(QToolButton)
                if b.accessibleName() == "Choose a colour")
    before = dump(window)
    pick.click()
    assert [c.colour for c in cards] == ["#102030"] * 3
    round_trip(window, before, "Set colour of 3 cards")
    # cleared when they all agree: the default colour for all
    before = dump(window)
    edit.setText("")
    edit.editingFinished.emit()
    assert [c.colour for c in cards] == [None] * 3
    round_trip(window, before, "Set colour of 3 cards")


def test_a_team_is_added_to_and_removed_from_every_card(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    cards = three_cards(window)
    team = project.teams[1]
    summary = field(window, "owners", QLabel)
    teams = next(c for c in window.inspector.form_widget.findChildren(QComboBox)
                 if c.accessibleName() == "Team")
    teams.setCurrentIndex(teams.findData(team.id))
    buttons = {b.text(): b for b in window.inspector.form_widget.findChildren(QPushButton)}
    before = dump(window)
    buttons["Add to all"].click()
    assert all(any(o.team == team.id for o in c.owners) for c in cards)
    assert team.name in summary.text() and f"{team.name} (" not in summary.text()
    round_trip(window, before, f"Add owner '{team.name}' to 3 cards")
    count = window.document.undo_stack.count()  # type: ignore[union-attr]
    buttons["Add to all"].click()  # they all have it: nothing to do
    assert window.document.undo_stack.count() == count  # type: ignore[union-attr]
    before = dump(window)
    buttons["Remove from all"].click()
    assert all(all(o.team != team.id for o in c.owners) for c in cards)
    round_trip(window, before, f"Remove owner '{team.name}' from 3 cards")


def test_lanes_share_kind_display_persona_and_collapsed(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    lanes = jmap.lanes[:3]
    lanes[0].collapsed = True
    window.inspector.show_selection([lane.id for lane in lanes], jmap.id)
    assert window.inspector.heading.text() == "3 lanes"
    box = field(window, "collapsed", QCheckBox)
    assert box.checkState() == Qt.CheckState.PartiallyChecked
    before = dump(window)
    box.click()
    assert [lane.collapsed for lane in lanes] == [True] * 3
    round_trip(window, before, "Set collapsed of 3 lanes")
    assert box.checkState() == Qt.CheckState.Checked
    persona = field(window, "persona", QComboBox)
    before = dump(window)
    persona.setCurrentIndex(persona.findData(project.personas[0].id))
    assert [lane.persona for lane in lanes] == [project.personas[0].id] * 3
    round_trip(window, before, "Set persona of 3 lanes")


def test_a_mixed_selection_shows_counts_and_nothing_to_edit(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    ids = [jmap.cards[0].id, jmap.cards[1].id, jmap.lanes[0].id, jmap.stages[0].id]
    window.inspector.show_selection(ids, jmap.id)
    assert window.inspector.heading.text() == "4 items"
    counts = window.inspector.form_widget.findChild(QLabel, "counts")
    assert counts.text() == "2 cards, 1 lane, 1 stage"
    assert not [w for w in window.inspector.form_widget.findChildren(QWidget)
                if w.objectName().startswith("field_")]
    # several stages: counted, nothing shared to edit
    window.inspector.show_selection([s.id for s in jmap.stages[:2]], jmap.id)
    assert window.inspector.heading.text() == "2 stages"


def test_the_form_follows_removals_and_other_edits(window: MainWindow) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    from journeydesk.document.commands import SetField, remove_elements

    cards = three_cards(window)
    combo = field(window, "channel", QComboBox)
    doc.push(set_all(doc, cards, "channel", "email"))
    assert combo.currentData() == "email"
    doc.push(SetField(doc, cards[0].id, "channel", "chat", "x", False))
    assert combo.currentText() == "(mixed)"
    doc.push(remove_elements(doc, [cards[2].id]))
    assert window.inspector.heading.text() == "2 cards"
    doc.push(remove_elements(doc, [cards[1].id]))
    assert window.inspector.multi is None and window.inspector.target == cards[0].id
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert check_project(project) == []
    # back to one: the single form
    window.inspector.show_selection([cards[0].id], project.maps[0].id)
    assert window.inspector.target == cards[0].id
    assert field(window, "title", QLineEdit).text() == cards[0].title


def set_all(doc: Any, cards: list[Card], name: str, value: Any) -> Any:
    from journeydesk.document.commands import SetFields

    return SetFields(doc, [(c.id, name, value) for c in cards], "x")
