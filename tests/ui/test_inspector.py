"""The inspector edits the selection through commands: typing is one undo step,
every edit is named, the model and the canvas follow, undo restores, and values
this version does not know are shown and kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

from journeydesk import templates
from journeydesk.model import Card, check_project
from journeydesk.ui.inspector import Inspector
from journeydesk.ui.main_window import MainWindow


def forget_changes(w: MainWindow) -> None:
    """Closing a window with unsaved changes asks; these tests discard them."""
    if w.document is not None:
        w.document.undo_stack.setClean()


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()  # closed here, not by qtbot: the unsaved changes go first
    w.open_sample("en")
    w.show()
    qtbot.waitExposed(w)
    yield w
    forget_changes(w)
    w.close()
    w.deleteLater()


def field(inspector: Inspector, name: str, cls: type[QWidget] = QWidget) -> Any:
    widget = inspector.form_widget.findChild(cls, f"field_{name}")
    assert widget is not None, f"no field {name} ({cls.__name__})"
    return widget


def select(window: MainWindow, qtbot, element_id: str) -> None:  # type: ignore[no-untyped-def]
    window.scene.clearSelection()
    for item in window.scene.element_items(element_id):
        item.setSelected(True)
    qtbot.waitUntil(lambda: window.inspector.target == element_id, timeout=2000)


def first_card(window: MainWindow) -> Card:
    assert window.project is not None
    return window.project.maps[0].cards[0]


def test_typing_a_card_title_is_one_undo_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    card = first_card(window)
    original = card.title
    select(window, qtbot, card.id)
    edit = field(window.inspector, "title", QLineEdit)
    assert edit.text() == original
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Zanzibar")
    assert card.title == "Zanzibar"
    assert edit.text() == "Zanzibar"
    assert edit is field(window.inspector, "title", QLineEdit)  # the form was not rebuilt
    stack = window.document.undo_stack  # type: ignore[union-attr]
    assert stack.count() == 1
    assert stack.undoText() == f"Edit title of card '{original}'"
    # the canvas follows the model
    assert any("Zanzibar" in i.toolTip() for i in window.scene.element_items(card.id))
    # the card stays selected, and shown
    assert window.inspector.target == card.id
    window.undo_action.trigger()
    assert card.title == original
    assert edit.text() == original
    assert any(original.split()[0] in i.toolTip() for i in window.scene.element_items(card.id))
    window.redo_action.trigger()
    assert card.title == "Zanzibar"


def test_nothing_selected_shows_the_map_and_the_project_button(
    window: MainWindow, qtbot  # type: ignore[no-untyped-def]
) -> None:
    jmap = window.current_map()
    assert jmap is not None and window.project is not None
    window.update_inspector()
    assert window.inspector.target == jmap.id
    assert field(window.inspector, "name", QLineEdit).text() == jmap.name
    window.inspector.project_button.click()
    assert window.inspector.target == window.project.id
    assert field(window.inspector, "title", QLineEdit).text() == window.project.title
    window.inspector.map_button.click()
    assert window.inspector.target == jmap.id


def _edit(widget: QWidget, value: Any) -> None:
    """Edit a field the way a user would, through its own signals."""
    if isinstance(widget, QLineEdit):
        widget.setText(value)
        widget.textEdited.emit(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0:
            widget.setEditText(value)
            line = widget.lineEdit()
            assert line is not None
            line.editingFinished.emit()
        else:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value)
    else:
        raise AssertionError(type(widget))


def _targets(window: MainWindow) -> dict[str, Any]:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    return {
        "project": project,
        "persona": project.personas[0],
        "map": jmap,
        "stage": jmap.stages[0],
        "step": jmap.stages[0].steps[0],
        "lane": jmap.lanes[0],
        "card": jmap.cards[0],
        "emotion point": jmap.curves[0].points[0],
        "connection": jmap.connections[0],
    }


EDITS = [
    ("project", "title", "New title"),
    ("project", "description", "About it"),
    ("project", "authors", ["Ann", "Bo"]),
    ("persona", "name", "Giulia"),
    ("persona", "goals", ["save money", "quick delivery"]),
    ("persona", "colour", "#123abc"),
    ("map", "name", "Renamed map"),
    ("map", "type", "service_blueprint"),
    ("map", "state", "ideal"),
    ("map", "scenario", "A rainy day"),
    ("stage", "name", "Discover"),
    ("stage", "narration", "Once upon a time"),
    ("step", "name", "Browse"),
    ("step", "description", "Looks around"),
    ("lane", "name", "Doing"),
    ("lane", "kind", "backstage"),
    ("lane", "display", "images"),
    ("lane", "collapsed", True),
    ("lane", "default_card_kind", "pain_point"),
    ("card", "body", "More words"),
    ("card", "kind", "opportunity"),
    ("card", "channel", "phone"),
    ("card", "sentiment", "problematic"),
    ("card", "status", "planned"),
    ("card", "tags", ["alpha", "beta"]),
    ("card", "colour", "#ff0000"),
    ("emotion point", "score", 1.5),
    ("emotion point", "emotion", "annoyed"),
    ("emotion point", "note", "long wait"),
    ("connection", "kind", "handoff"),
    ("connection", "label", "then"),
]


def _widget_value(value: Any) -> Any:
    if isinstance(value, list):
        return (", " if value and value[0] in ("alpha",) else "\n").join(value)
    return value


@pytest.mark.parametrize(("kind", "name", "value"), EDITS, ids=[f"{k}.{f}" for k, f, _ in EDITS])
def test_each_kind_of_element_is_edited_by_a_named_command(
    window: MainWindow, kind: str, name: str, value: Any
) -> None:
    assert window.document is not None and window.project is not None
    element = _targets(window)[kind]
    window.inspector.show_selection([element.id], window.project.maps[0].id)
    assert window.inspector.target == element.id
    before = getattr(element, name)
    assert before != value
    _edit(field(window.inspector, name), _widget_value(value))
    assert getattr(element, name) == value
    stack = window.document.undo_stack
    assert stack.count() == 1
    label = {"default_card_kind": "default card kind", "goals": "goals"}.get(name, name)
    assert stack.undoText().startswith(f"Edit {label} of {kind}"), stack.undoText()
    assert check_project(window.project) == []
    stack.undo()
    assert getattr(element, name) == before
    assert window.inspector.target == element.id


def test_scores_owners_evidence_and_kpis(window: MainWindow) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    jmap = project.maps[0]
    card = next(c for c in jmap.cards if not c.owners and not c.evidence)
    inspector = window.inspector
    inspector.show_selection([card.id], jmap.id)
    impact = inspector.form_widget.findChild(QDoubleSpinBox, "")  # any spin
    spins = [w for w in inspector.form_widget.findChildren(QDoubleSpinBox)
             if w.accessibleName() == "Impact"]
    assert spins, impact
    spins[0].setValue(4)
    assert card.scores["impact"] == 4
    assert doc.undo_stack.undoText() == f"Edit scores of card '{card.title}'"
    # owners: add a row, change its role
    tables = {t.accessibleName(): t for t in inspector.form_widget.findChildren(QTableWidget)}
    owners = tables["Owners"]
    owners.parent().add_button.click()  # type: ignore[attr-defined]
    assert [o.team for o in card.owners] == [project.teams[0].id]
    tables = {t.accessibleName(): t for t in inspector.form_widget.findChildren(QTableWidget)}
    tables["Owners"].item(0, 1).setText("front desk")
    assert card.owners[0].role == "front desk"
    assert doc.undo_stack.undoText() == f"Edit owners of card '{card.title}'"
    # evidence: add, then quote it
    tables["Evidence"].parent().add_button.click()  # type: ignore[attr-defined]
    assert len(card.evidence) == 1
    tables = {t.accessibleName(): t for t in inspector.form_widget.findChildren(QTableWidget)}
    tables["Evidence"].item(0, 3).setText("It took ages")
    assert card.evidence[0].quote == "It took ages"
    source_combo = tables["Evidence"].cellWidget(0, 2)
    assert isinstance(source_combo, QComboBox)
    source_combo.setCurrentIndex(source_combo.findData(project.sources[0].id))
    assert card.evidence[0].source == project.sources[0].id
    assert check_project(project) == []
    # KPIs of a stage
    stage = jmap.stages[0]
    inspector.show_selection([stage.id], jmap.id)
    tables = {t.accessibleName(): t for t in inspector.form_widget.findChildren(QTableWidget)}
    tables["KPIs"].item(0, 1).setText("42")
    assert stage.kpis[0].value == 42
    assert doc.undo_stack.undoText() == f"Edit kpis of stage '{stage.name}'"
    # undo all of it
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert card.owners == [] and card.evidence == [] and "impact" not in card.scores
    assert check_project(project) == []


def test_project_teams_add_rename_remove_keep_the_project_valid(window: MainWindow) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    window.inspector.show_project()
    tables = {t.accessibleName(): t for t in window.inspector.form_widget.findChildren(
        QTableWidget)}
    teams = tables["Teams"]
    assert teams.rowCount() == len(project.teams)
    used = next(t for t in project.teams
                if any(o.team == t.id for m in project.maps for c in m.cards for o in c.owners))
    row = project.teams.index(used)
    teams.item(row, 0).setText("Renamed team")
    assert used.name == "Renamed team"
    tables = {t.accessibleName(): t for t in window.inspector.form_widget.findChildren(
        QTableWidget)}
    tables["Teams"].setCurrentCell(row, 0)
    tables["Teams"].parent().remove_button.click()  # type: ignore[attr-defined]
    assert used not in project.teams
    assert check_project(project) == []
    doc.undo_stack.undo()
    assert used in project.teams
    assert check_project(project) == []
    # metrics and sources go with their references too
    window.inspector.show_project()
    for name, items in (("Metrics", project.metrics), ("Research sources", project.sources)):
        gone = items[0]
        tables = {t.accessibleName(): t for t in window.inspector.form_widget.findChildren(
            QTableWidget)}
        tables[name].setCurrentCell(0, 0)
        tables[name].parent().remove_button.click()  # type: ignore[attr-defined]
        assert gone not in items
        assert check_project(project) == []
    count = doc.undo_stack.count()
    tables = {t.accessibleName(): t for t in window.inspector.form_widget.findChildren(
        QTableWidget)}
    tables["Teams"].parent().add_button.click()  # type: ignore[attr-defined]
    assert doc.undo_stack.count() == count + 1
    assert project.teams[-1].name == "New team"


def test_map_personas_checklist(window: MainWindow) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    jmap = project.maps[0]
    window.inspector.show_selection([], jmap.id)
    checklist = field(window.inspector, "personas", QListWidget)
    first = checklist.item(0)
    assert first.checkState() == Qt.CheckState.Checked
    first.setCheckState(Qt.CheckState.Unchecked)
    assert project.personas[0].id not in jmap.personas
    doc.undo_stack.undo()
    assert jmap.personas[0] == project.personas[0].id
    assert checklist.item(0).checkState() == Qt.CheckState.Checked


def test_unknown_vocabulary_values_are_shown_and_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    card, lane = jmap.cards[0], jmap.lanes[0]
    card.kind = "sticky_thing"
    card.channel = "carrier_pigeon"
    lane.kind = "dreams"
    w = MainWindow()
    w.files.show_project(project, None)
    w.inspector.show_selection([card.id], jmap.id)
    kind = field(w.inspector, "kind", QComboBox)
    assert kind.currentText() == "sticky_thing"
    assert field(w.inspector, "channel", QComboBox).currentText() == "carrier_pigeon"
    _edit(field(w.inspector, "title", QLineEdit), "Other title")
    assert card.kind == "sticky_thing" and card.channel == "carrier_pigeon"
    # a new value can be typed in, and is kept as written
    _edit(kind, "brand_new_kind")
    assert card.kind == "brand_new_kind"
    w.inspector.show_selection([lane.id], jmap.id)
    assert field(w.inspector, "kind", QComboBox).currentText() == "dreams"
    _edit(field(w.inspector, "name", QLineEdit), "Wishes")
    assert lane.kind == "dreams"
    forget_changes(w)
    w.close()
    w.deleteLater()


def test_refresh_follows_other_edits_and_removal(window: MainWindow) -> None:
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    jmap = project.maps[0]
    card = jmap.cards[0]
    window.inspector.show_selection([card.id], jmap.id)
    from journeydesk.document.commands import SetField, remove_elements

    doc.push(SetField(doc, card.id, "title", "From elsewhere", "x", False))
    assert field(window.inspector, "title", QLineEdit).text() == "From elsewhere"
    doc.push(remove_elements(doc, [card.id]))
    assert window.inspector.target == jmap.id
    doc.undo_stack.undo()
    assert card in jmap.cards


def test_choose_an_image_for_a_card_and_a_persona(
    window: MainWindow, tmp_path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    picture = QImage(8, 6, QImage.Format.Format_RGB32)
    picture.fill(QColor("#336699"))
    path = tmp_path / "photo.png"
    assert picture.save(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    doc, project = window.document, window.project
    assert doc is not None and project is not None
    assets = len(project.assets)
    for element, name in ((project.maps[0].cards[0], "image"), (project.personas[0], "photo")):
        window.inspector.show_selection([element.id], project.maps[0].id)
        buttons = [b for b in window.inspector.form_widget.findChildren(QPushButton)
                   if b.text() == "Choose…"]
        buttons[0].click()
        value = getattr(element, name)
        assert value is not None and project.assets[-1].id == value
        assert (project.assets[-1].width, project.assets[-1].height) == (8, 6)
        assert "8×6" in field(window.inspector, name, QLabel).text()
        assert check_project(project) == []
        doc.undo_stack.undo()
        assert getattr(element, name) is None and len(project.assets) == assets


def test_a_long_name_is_shown_from_its_start_until_typed_in(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The map's long name reads from its first word, not its last ones."""
    name = field(window.inspector, "name", QLineEdit)
    assert window.project is not None
    long = window.project.maps[0].name
    assert name.text() == long
    assert name.fontMetrics().horizontalAdvance(long) > name.width()  # too wide to show whole
    assert name.cursorPosition() == 0
    name.setFocus()
    qtbot.waitUntil(name.hasFocus, timeout=2000)
    name.end(False)
    qtbot.keyClicks(name, " x")
    assert name.text() == long + " x"
    assert name.cursorPosition() == len(long) + 2  # typing is not thrown back to the start
