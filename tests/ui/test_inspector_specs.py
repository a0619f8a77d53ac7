"""The inspector's field specs: one table per element type drives both the
single-selection form and the multi-selection form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from journeydesk import templates
from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.model import Card, Lane, Team
from journeydesk.ui import inspector_specs
from journeydesk.ui.i18n import install_translators
from journeydesk.ui.inspector import Inspector
from journeydesk.ui.inspector_extras import InspectorExtras
from journeydesk.ui.inspector_multi import MultiSelectionForm
from journeydesk.ui.inspector_specs import SPECS, FieldSpec, Hook

UI = Path(__file__).resolve().parents[2] / "journeydesk" / "ui"


@pytest.fixture
def doc(qapp) -> Document:  # type: ignore[no-untyped-def]
    return Document(templates.new_project("sample", "en"))


@pytest.fixture
def inspector(qtbot, doc: Document) -> Inspector:  # type: ignore[no-untyped-def]
    widget = Inspector()
    qtbot.addWidget(widget)
    widget.set_document(doc)
    return widget


def _field(inspector: Inspector, name: str) -> Any:
    return inspector.form_widget.findChild(QWidget, f"field_{name}")


def _labels(form: QFormLayout) -> list[str]:
    found = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            found.append(item.widget().text())
    return found


def test_every_spec_names_a_real_field_and_every_hook_a_builder() -> None:
    for kind, rows in SPECS.items():
        for row in rows:
            if isinstance(row, FieldSpec):
                assert row.field in kind.model_fields, (kind.__name__, row.field)
            elif row.name.startswith("extras."):
                assert hasattr(InspectorExtras, row.name.removeprefix("extras.")), row.name
            else:
                assert hasattr(Inspector, f"_hook_{row.name}"), row.name
                if row.multi:
                    assert hasattr(MultiSelectionForm, row.name), row.name


def test_the_single_form_shows_every_field_of_the_card_spec(
    inspector: Inspector, doc: Document
) -> None:
    jmap = doc.project.maps[0]
    card = jmap.cards[0]
    inspector.show_selection([card.id], jmap.id)
    for row in SPECS[Card]:
        if isinstance(row, FieldSpec):
            assert _field(inspector, row.field) is not None, row.field


def test_the_multi_form_shows_the_fields_marked_multi_and_only_those(
    inspector: Inspector, doc: Document
) -> None:
    jmap = doc.project.maps[0]
    inspector.show_selection([c.id for c in jmap.cards[:2]], jmap.id)
    multi = [r.field for r in SPECS[Card] if isinstance(r, FieldSpec) and r.multi]
    single_only = [r.field for r in SPECS[Card] if isinstance(r, FieldSpec) and not r.multi]
    assert multi and single_only
    for name in multi:
        assert _field(inspector, name) is not None, name
    for name in single_only:
        assert _field(inspector, name) is None, name


def test_one_new_spec_line_shows_in_both_forms_and_sets_through_a_verb(
    inspector: Inspector, doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Teams have no multi-selection fields; one spec line gives them one."""
    extra = FieldSpec("colour", "colour", "Colour", multi=True)
    monkeypatch.setitem(SPECS, Team, (*SPECS[Team], extra))
    a, b = Team(name="A"), Team(name="B")
    verbs.add_team(doc, a)
    verbs.add_team(doc, b)
    inspector.show_selection([a.id, b.id])
    edit = _field(inspector, "colour")
    assert edit is not None
    edit.setText("#123456")
    edit.editingFinished.emit()
    assert (a.colour, b.colour) == ("#123456", "#123456")
    assert doc.undo_stack.undoText() == "Set colour of 2 teams"
    inspector.show_selection([a.id])
    assert _field(inspector, "colour") is not None


def test_both_forms_label_the_fields_in_the_users_language(
    inspector: Inspector, doc: Document, qapp
) -> None:  # type: ignore[no-untyped-def]
    installed = install_translators(qapp, "it")
    try:
        jmap = doc.project.maps[0]
        lanes = jmap.lanes[:2]
        inspector.show_selection([lanes[0].id], jmap.id)
        single = _labels(inspector.form)
        inspector.show_selection([ln.id for ln in lanes], jmap.id)
        form = inspector.form_widget.findChild(MultiSelectionForm)
        assert form is not None
        multi = _labels(form.form)
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
    wanted = [
        QCoreApplication.translate("Inspector", str(r.label))
        for r in SPECS[Lane]
        if isinstance(r, FieldSpec) and r.multi
    ]
    assert "Tipo" in single and "Visualizzazione" in single
    assert multi == [label for label in single if label in multi]
    assert "Tipo" in multi and "Kind" not in multi
    assert len(multi) == len(wanted)


def test_the_inspector_modules_stay_under_800_lines() -> None:
    for path in sorted(UI.glob("inspector*.py")):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 800, path.name


def test_hooks_and_specs_are_the_only_rows() -> None:
    assert all(isinstance(r, (FieldSpec, Hook)) for rows in SPECS.values() for r in rows)
    assert inspector_specs.multi_rows(Card)


def test_the_single_form_sets_a_field_through_the_verb_its_spec_names(
    inspector: Inspector, doc: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[tuple[str, Any]] = []

    def spy(document: Document, element_id: str, field: str, value: Any, *rest: Any) -> Any:
        called.append((field, value))
        return verbs.set_field(document, element_id, field, value, *rest)

    spec = FieldSpec("name", "line", "Name", verb=spy)
    monkeypatch.setitem(SPECS, Team, (spec,))
    team = Team(name="A")
    verbs.add_team(doc, team)
    inspector.show_selection([team.id])
    edit = _field(inspector, "name")
    edit.textEdited.emit("Ops")
    assert called == [("name", "Ops")] and team.name == "Ops"
