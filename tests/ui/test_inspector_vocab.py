"""The project form edits score definitions and vocabularies: each edit is one
named undo step, undo restores the model exactly, redo applies it again,
what the model refuses is refused visibly, and values nobody defines are
shown and kept (DESIGN.md rules 5 and 6)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QComboBox, QDoubleSpinBox, QToolButton

from journeydesk import templates
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import check_project
from journeydesk.model.base import MAX_NAME
from journeydesk.ui.inspector_vocab import ScoresEditor, VocabulariesEditor, derive_key
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


def scores(window: MainWindow) -> ScoresEditor:
    window.inspector.show_project()
    editor = window.inspector.form_widget.findChild(ScoresEditor)
    assert editor is not None
    return editor


def vocabularies(window: MainWindow, name: str = "channels") -> VocabulariesEditor:
    window.inspector.show_project()
    editor = window.inspector.form_widget.findChild(VocabulariesEditor)
    assert editor is not None
    editor.choose(name)
    return editor


def row_of(editor: ScoresEditor | VocabulariesEditor, key: str) -> int:
    return next(n for n, row in editor.row_at.items() if row.key == key)


def edit_cell(editor: ScoresEditor | VocabulariesEditor, key: str, col: int, text: str) -> None:
    assert editor.table is not None
    item = editor.table.table.item(row_of(editor, key), col)
    assert item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable
    item.setText(text)


def cell_text(editor: ScoresEditor | VocabulariesEditor, key: str, col: int) -> str:
    assert editor.table is not None
    item = editor.table.table.item(row_of(editor, key), col)
    assert item is not None
    return item.text()


def add(editor: ScoresEditor | VocabulariesEditor, name: str) -> None:
    assert editor.table is not None
    editor.new_name.setText(name)
    assert editor.table.add_button.isEnabled()
    editor.table.add_button.click()


def remove(editor: ScoresEditor | VocabulariesEditor, key: str) -> None:
    assert editor.table is not None
    editor.table.table.setCurrentCell(row_of(editor, key), 0)
    assert editor.table.remove_button.isEnabled(), editor.table.remove_button.toolTip()
    editor.table.remove_button.click()


def problem(editor: ScoresEditor | VocabulariesEditor) -> str:
    assert editor.table is not None
    label = editor.table.problem
    return label.text() if not label.isHidden() else ""


def dump(window: MainWindow) -> dict[str, Any]:
    assert window.project is not None
    return window.project.model_dump()


def undo_redo_round_trip(window: MainWindow, before: dict[str, Any]) -> None:
    """Undo restores the model exactly; redo applies the edit again."""
    stack = window.document.undo_stack  # type: ignore[union-attr]
    after = dump(window)
    stack.undo()
    assert dump(window) == before
    stack.redo()
    assert dump(window) == after
    assert check_project(window.project) == []  # type: ignore[arg-type]


# --- scores ---------------------------------------------------------------------


def test_add_a_score_give_it_on_a_card_relabel_range_and_remove(window: MainWindow) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    start = dump(window)
    editor = scores(window)
    name = "Qualit"
    before = dump(window)
    add(editor, name + "\u00e0 percepita")  # typed ASCII, the accent inserted
    definition = project.score_definitions[-1]
    assert definition.key == "qualita_percepita"
    assert definition.label == {"en": "Qualità percepita"}
    assert (definition.min, definition.max) == (1, 5)
    assert doc.undo_stack.undoText() == "Add score 'Qualità percepita'"
    undo_redo_round_trip(window, before)

    # the card form offers it at once
    card = next(c for c in project.maps[0].cards if not c.scores)
    window.inspector.show_selection([card.id], project.maps[0].id)
    spin = next(w for w in window.inspector.form_widget.findChildren(QDoubleSpinBox)
                if w.accessibleName() == "Qualità percepita")
    spin.setValue(4)
    assert card.scores == {"qualita_percepita": 4}

    # the Italian label
    editor = scores(window)
    italian = 2
    before = dump(window)
    edit_cell(editor, "qualita_percepita", italian, "Qualità percepita")
    assert project.score_definitions[-1].label["it"] == "Qualità percepita"
    assert doc.undo_stack.undoText() == "Rename score 'Qualità percepita'"
    undo_redo_round_trip(window, before)

    # ranges the model or the cards forbid are refused, visibly
    editor = scores(window)
    lo, hi = editor._min_col, editor._min_col + 1
    count = doc.undo_stack.count()
    for col, text, why in (
        (lo, "7", "must be below the maximum"),
        (hi, "3", "from 4 to 4"),
        (hi, "lots", "not a number"),
        (lo, "1e12", "not a number"),
    ):
        edit_cell(editor, "qualita_percepita", col, text)
        assert why in problem(editor), problem(editor)
        assert cell_text(editor, "qualita_percepita", col) == ("1" if col == lo else "5")
        assert doc.undo_stack.count() == count
    before = dump(window)
    edit_cell(editor, "qualita_percepita", hi, "10")
    assert project.score_definitions[-1].max == 10
    assert doc.undo_stack.undoText() == "Change range of score 'Qualità percepita'"
    undo_redo_round_trip(window, before)

    # removing it removes the cards' values too, as one step; undo brings them back
    editor = scores(window)
    before = dump(window)
    remove(editor, "qualita_percepita")
    assert all(d.key != "qualita_percepita" for d in project.score_definitions)
    assert "qualita_percepita" not in card.scores
    assert doc.undo_stack.undoText() == "Remove score 'Qualità percepita'"
    undo_redo_round_trip(window, before)

    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert dump(window) == start


def test_built_in_scores_are_relabelled_and_reset_never_removed(window: MainWindow) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    editor = scores(window)
    assert editor.table is not None
    editor.table.table.setCurrentCell(row_of(editor, "impact"), 0)
    assert not editor.table.remove_button.isEnabled()
    assert editor.table.table.item(row_of(editor, "impact") - 1, 0).text() == "Built in"
    assert "relabelled, not removed" in editor.table.remove_button.toolTip()
    before = dump(window)
    edit_cell(editor, "impact", 1, "Value")
    assert [(d.key, d.label) for d in project.score_definitions] == [
        ("impact", {"en": "Value", "it": "Impatto"})
    ]
    assert project.scores()["impact"].max == 5
    undo_redo_round_trip(window, before)
    # the sample's cards score impact up to 5: a smaller range is refused
    editor = scores(window)
    top = max(c.scores["impact"] for m in project.maps for c in m.cards if "impact" in c.scores)
    edit_cell(editor, "impact", editor._min_col + 1, str(top - 1))
    assert "the range must include them" in problem(editor)
    assert project.scores()["impact"].max == 5
    # Reset forgets the project's own version
    editor = scores(window)
    assert cell_text(editor, "impact", 0) == "impact (changed)"
    editor.table.table.setCurrentCell(row_of(editor, "impact"), 0)  # type: ignore[union-attr]
    assert editor.table.remove_button.text() == "Reset"  # type: ignore[union-attr]
    before = dump(window)
    editor.table.remove_button.click()  # type: ignore[union-attr]
    assert project.score_definitions == []
    assert doc.undo_stack.undoText() == "Reset score 'Value'"
    undo_redo_round_trip(window, before)


def test_hostile_score_names(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    editor = scores(window)
    editor.new_name.setText("   ")
    assert not editor.table.add_button.isEnabled()  # type: ignore[union-attr]
    for name in ("Reach", "Reach", "!!!", "x" * 5000, "Impact"):
        add(scores(window), name)
    keys = [d.key for d in project.score_definitions]
    assert keys == ["reach", "reach_2", "score", "x" * 40, "impact_2"]
    assert len(project.score_definitions[3].label["en"]) == MAX_NAME
    assert check_project(project) == []
    # an empty label falls back to the key, and stays valid
    editor = scores(window)
    edit_cell(editor, "reach", 1, "")
    assert project.score_definitions[0].label == {}
    assert check_project(project) == []


def test_derive_key() -> None:
    assert derive_key("Opportunità di vendita", (), "entry") == "opportunita_di_vendita"
    assert derive_key("Web", {"web"}, "entry") == "web_2"
    assert derive_key("Web", {"web", "web_2"}, "entry") == "web_3"
    assert derive_key("日本", (), "entry") == "entry"
    assert len(derive_key("a b " * 100, (), "entry")) <= 40


# --- vocabularies ---------------------------------------------------------------


def test_add_edit_and_remove_a_channel(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    start = dump(window)
    before = dump(window)
    add(vocabularies(window), "Carrier pigeon")
    entry = project.vocabularies.channels[-1]
    assert (entry.key, entry.label) == ("carrier_pigeon", {"en": "Carrier pigeon"})
    assert doc.undo_stack.undoText() == "Add channel 'Carrier pigeon'"
    undo_redo_round_trip(window, before)

    # the card form offers it, with its label
    jmap = project.maps[0]
    card = jmap.cards[0]
    window.inspector.show_selection([card.id], jmap.id)
    combo = window.inspector.form_widget.findChild(QComboBox, "field_channel")
    index = combo.findData("carrier_pigeon")
    assert index >= 0 and combo.itemText(index) == "Carrier pigeon"
    combo.setCurrentIndex(index)
    assert card.channel == "carrier_pigeon"

    # the Italian label, with accents
    editor = vocabularies(window)
    before = dump(window)
    edit_cell(editor, "carrier_pigeon", 2, "Piccione viaggiatore (pi\u00f9 lento)")
    assert project.vocabularies.channels[-1].label["it"] == "Piccione viaggiatore (più lento)"
    assert doc.undo_stack.undoText() == "Rename channel 'Carrier pigeon'"
    undo_redo_round_trip(window, before)

    # colour, from the colour dialog
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#12AB56"))
    editor = vocabularies(window)
    button = editor.table.table.cellWidget(  # type: ignore[union-attr]
        row_of(editor, "carrier_pigeon"), editor._colour_col)
    assert isinstance(button, QToolButton)
    assert button.accessibleName() == "Colour of Carrier pigeon"
    before = dump(window)
    button.click()
    assert project.vocabularies.channels[-1].colour == "#12ab56"
    assert doc.undo_stack.undoText() == "Change colour of channel 'Carrier pigeon'"
    undo_redo_round_trip(window, before)

    # icon, from the built-in set
    editor = vocabularies(window)
    icon = editor.table.table.cellWidget(  # type: ignore[union-attr]
        row_of(editor, "carrier_pigeon"), editor._icon_col)
    assert isinstance(icon, QComboBox)
    before = dump(window)
    icon.setCurrentIndex(icon.findData("truck-delivery"))
    assert project.vocabularies.channels[-1].icon == "truck-delivery"
    assert Vocabulary(project, "en").entry("channels", "carrier_pigeon").icon == "truck-delivery"
    undo_redo_round_trip(window, before)

    # removed: the card keeps its channel, now shown as unknown
    editor = vocabularies(window)
    assert "card" not in problem(editor)
    before = dump(window)
    remove(editor, "carrier_pigeon")
    assert all(e.key != "carrier_pigeon" for e in project.vocabularies.channels)
    assert card.channel == "carrier_pigeon"
    assert doc.undo_stack.undoText() == "Remove channel 'Carrier pigeon'"
    assert check_project(project) == []
    editor = vocabularies(window)
    assert cell_text(editor, "carrier_pigeon", 0) == "carrier_pigeon (unknown)"
    item = editor.table.table.item(row_of(editor, "carrier_pigeon"), 1)  # type: ignore[union-attr]
    assert not item.flags() & Qt.ItemFlag.ItemIsEditable
    editor.table.table.setCurrentCell(row_of(editor, "carrier_pigeon"), 0)  # type: ignore[union-attr]
    assert not editor.table.remove_button.isEnabled()  # type: ignore[union-attr]
    undo_redo_round_trip(window, before)

    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert dump(window) == start


def test_a_built_in_entry_is_relabelled_then_reset(window: MainWindow) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    editor = vocabularies(window)
    editor.table.table.setCurrentCell(row_of(editor, "web"), 0)  # type: ignore[union-attr]
    assert not editor.table.remove_button.isEnabled()  # type: ignore[union-attr]
    before = dump(window)
    edit_cell(editor, "web", 1, "Web site")
    web = next(e for e in project.vocabularies.channels if e.key == "web")
    assert web.label == {"en": "Web site", "it": "Sito web"}
    assert Vocabulary(project, "en").label("channels", "web") == "Web site"
    assert Vocabulary(project, "it").label("channels", "web") == "Sito web"
    assert doc.undo_stack.undoText() == "Rename channel 'Website'"
    undo_redo_round_trip(window, before)
    editor = vocabularies(window)
    assert cell_text(editor, "web", 0) == "web (changed)"
    editor.table.table.setCurrentCell(row_of(editor, "web"), 0)  # type: ignore[union-attr]
    assert editor.table.remove_button.text() == "Reset"  # type: ignore[union-attr]
    before = dump(window)
    editor.table.remove_button.click()  # type: ignore[union-attr]
    assert all(e.key != "web" for e in project.vocabularies.channels)
    assert doc.undo_stack.undoText() == "Reset channel 'Web site'"
    undo_redo_round_trip(window, before)


def test_the_chosen_vocabulary_stays_and_card_kinds_take_colours(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = window.project
    assert project is not None
    editor = vocabularies(window, "card_kinds")
    assert editor.table.table.accessibleName() == "Card kinds"  # type: ignore[union-attr]
    assert editor._icon_col == -1 and editor._colour_col > 0  # card kinds draw no icon
    add(editor, "Sticky")
    editor = window.inspector.form_widget.findChild(VocabulariesEditor)
    assert editor.vocabulary == "card_kinds" and editor.chooser.currentText() == "Card kinds"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#fedcba"))
    editor.choose_colour(editor.row_at[row_of(editor, "sticky")])
    assert project.vocabularies.card_kinds[-1].colour == "#fedcba"
    # the lane form's default card kind offers it too
    lane = project.maps[0].lanes[0]
    window.inspector.show_selection([lane.id], project.maps[0].id)
    combo = window.inspector.form_widget.findChild(QComboBox, "field_default_card_kind")
    assert combo.findData("sticky") >= 0
    # an invalid colour is refused by the model's own rule, visibly
    editor = vocabularies(window, "card_kinds")
    count = window.document.undo_stack.count()  # type: ignore[union-attr]
    editor.set_colour(editor.row_at[row_of(editor, "sticky")], "#12345")
    assert "Not accepted" in problem(editor)
    assert project.vocabularies.card_kinds[-1].colour == "#fedcba"
    assert window.document.undo_stack.count() == count  # type: ignore[union-attr]
    # other vocabularies show no colour
    assert vocabularies(window, "statuses")._colour_col == -1


def test_unknown_values_in_use_are_listed_read_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    jmap.cards[0].channel = "carrier_pigeon"
    jmap.lanes[0].kind = "dreams"
    project.vocabularies.channels[0].icon = "an-icon-from-the-future"
    w = MainWindow()
    w.files.show_project(project, None)
    editor = vocabularies(w)
    assert cell_text(editor, "carrier_pigeon", 0) == "carrier_pigeon (unknown)"
    row = row_of(editor, "carrier_pigeon")
    assert editor.table.table.item(row - 1, 0).text() == "In use, not defined (unknown)"  # type: ignore[union-attr]
    colour = editor.table.table.cellWidget(row, editor._colour_col)  # type: ignore[union-attr]
    assert not colour.isEnabled()
    # an icon name this version does not draw is shown as written, and kept
    icon = editor.table.table.cellWidget(row_of(editor, "sms"), editor._icon_col)  # type: ignore[union-attr]
    assert icon.currentText() == "an-icon-from-the-future"
    edit_cell(editor, "sms", 1, "Texts")
    assert project.vocabularies.channels[0].icon == "an-icon-from-the-future"
    assert cell_text(vocabularies(w, "lane_kinds"), "dreams", 0) == "dreams (unknown)"
    w.document.undo_stack.setClean()  # type: ignore[union-attr]
    w.close()
    w.deleteLater()


def test_hostile_vocabulary_names(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    for name in ("Website", "Carrier pigeon", "Carrier  pigeon", "x" * 5000, "\u00bf?"):
        add(vocabularies(window), name)
    keys = [e.key for e in project.vocabularies.channels[1:]]
    assert keys == ["website", "carrier_pigeon", "carrier_pigeon_2", "x" * 40, "entry"]
    assert project.vocabularies.channels[2].label == {"en": "Carrier pigeon"}
    assert len(project.vocabularies.channels[4].label["en"]) == MAX_NAME
    # a label may be emptied: the key is shown instead, and nothing breaks
    editor = vocabularies(window)
    edit_cell(editor, "website", 1, "   ")
    assert project.vocabularies.channels[1].label == {}
    assert Vocabulary(project, "en").label("channels", "website") == "website"
    assert check_project(project) == []
