"""The map's form lists its emotion curves and adds one for a persona who has
none: a second persona's curve on the same lane, one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPushButton

from journeydesk import templates
from journeydesk.document.commands import Insert
from journeydesk.model import Lane, Persona
from journeydesk.model.checks import check_project
from journeydesk.ui.main_window import MainWindow


def _window(qtbot, template: str) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.show()
    w.files.show_project(templates.new_project(template, "en"), None)
    return w


def _add_button(w: MainWindow) -> QPushButton:
    return next(
        b for b in w.inspector.form_widget.findChildren(QPushButton) if b.text() == "Add Curve"
    )


def test_a_second_personas_curve_is_added_from_the_map_form(qtbot):
    w = _window(qtbot, "blank")
    doc, project = w.document, w.project
    jmap = w.current_map()
    before = project.model_dump(mode="json")
    doc.push(Insert(doc, project, "personas", Persona(name="Marta Ricci"), None, "Add persona"))
    w.inspector.show_map()
    pick = next(
        c
        for c in w.inspector.form_widget.findChildren(QComboBox)
        if c.accessibleName() == "Persona for a new emotion curve"
    )
    assert pick.currentText() == "Marta Ricci"
    _add_button(w).click()
    assert len(jmap.curves) == 2
    curve = jmap.curves[1]
    assert curve.persona == project.personas[-1].id and curve.lane == jmap.curves[0].lane
    assert curve.label == "Marta Ricci" and curve.persona in jmap.personas
    assert doc.undo_stack.undoText() == "Add emotion curve for 'Marta Ricci'"
    assert check_project(project) == []
    # Everyone has a curve now: no Add button.
    assert not [
        b for b in w.inspector.form_widget.findChildren(QPushButton) if b.text() == "Add Curve"
    ]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert project.model_dump(mode="json") == before


def test_a_map_without_a_curve_lane_gets_one_with_the_curve(qtbot):
    w = _window(qtbot, "blank")
    doc, project = w.document, w.project
    jmap = w.current_map()
    lane = next(ln for ln in jmap.lanes if ln.display == "curve")
    doc.push(
        Insert(doc, project, "personas", Persona(name="Second"), None, "Add persona")
    )
    from journeydesk.document.commands import remove_elements

    doc.push(remove_elements(doc, [lane.id]))
    assert not [ln for ln in jmap.lanes if ln.display == "curve"]
    w.inspector.show_map()
    _add_button(w).click()
    curve_lanes = [ln for ln in jmap.lanes if ln.display == "curve"]
    assert len(curve_lanes) == 1 and isinstance(curve_lanes[0], Lane)
    kinds = [ln.kind for ln in jmap.lanes]
    assert kinds.index("emotion") == kinds.index("thoughts") + 1
    assert any(c.lane == curve_lanes[0].id for c in jmap.curves)
    assert check_project(project) == []
