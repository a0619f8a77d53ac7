"""Fields the app could not reach before are in the inspector: an emotion
point's curve, a curve's lane and scale, a card's lane span, a separator's
lane, a source's kind and date; each edit one undo step. And the Maps
summary follows a persona added at once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from journeydesk.document.commands import Remove
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


def _show(window: MainWindow, qtbot, element_id: str) -> None:  # type: ignore[no-untyped-def]
    map_id = window.current_map().id
    window.inspector.show_selection([element_id], map_id)
    qtbot.waitUntil(lambda: window.inspector.target == element_id, timeout=2000)


def test_a_point_moves_to_another_curve_from_its_curve_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    jmap = window.current_map()
    first, second = jmap.curves[0], jmap.curves[1]
    point = first.points[2]
    _show(window, qtbot, point.id)
    combo = window.inspector.form_widget.findChild(QComboBox, "field_curve")
    assert combo.currentData() == first.id
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    # The other curve has a point in that step: it cannot take this one.
    assert not model.item(combo.findData(second.id)).isEnabled()
    doc = window.document
    doc.push(Remove(doc, next(p.id for p in second.points if p.step == point.step)))
    _show(window, qtbot, jmap.id)
    _show(window, qtbot, point.id)
    combo = window.inspector.form_widget.findChild(QComboBox, "field_curve")
    assert combo.model().item(combo.findData(second.id)).isEnabled()
    count = doc.undo_stack.count()
    combo.setCurrentIndex(combo.findData(second.id))
    assert point in second.points and point not in first.points
    assert doc.undo_stack.count() == count + 1
    assert check_project(window.project) == []
    doc.undo_stack.undo()
    assert point in first.points


def test_a_curve_scale_and_a_card_lane_span(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    jmap = window.current_map()
    curve = jmap.curves[0]
    _show(window, qtbot, curve.id)
    form = window.inspector.form_widget
    low = form.findChild(QDoubleSpinBox, "field_scale_min")
    high = form.findChild(QDoubleSpinBox, "field_scale_max")
    assert (low.value(), high.value()) == (-2, 2)
    high.setValue(3)
    high.editingFinished.emit()
    assert (curve.scale.min, curve.scale.max) == (-2, 3)
    low.setValue(5)  # above the highest: refused, the model keeps its scale
    low.editingFinished.emit()
    assert curve.scale.min == -2
    _show(window, qtbot, jmap.id)
    _show(window, qtbot, curve.id)
    names = window.inspector.form_widget.findChild(QLineEdit, "field_scale_labels")
    names.setText("-2 = Furious; 3 = Delighted; nonsense; 9 = outside")
    names.editingFinished.emit()
    assert [(x.value, x.label) for x in curve.scale.labels] == [(-2, "Furious"), (3, "Delighted")]
    window.document.undo_stack.undo()
    assert [(x.value, x.label) for x in curve.scale.labels] == [
        (-2, "Very negative"),
        (-1, "Negative"),
        (0, "Neutral"),
        (1, "Positive"),
        (2, "Very positive"),
    ]
    window.document.undo_stack.redo()
    card = jmap.cards[0]
    _show(window, qtbot, card.id)
    span = window.inspector.form_widget.findChild(QSpinBox, "field_span_lanes")
    span.setValue(2)
    assert card.span_lanes == 2 and isinstance(card.span_lanes, int)
    assert window.document.undo_stack.count() == 3


def test_a_source_kind_and_date(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    source = window.project.sources[0]
    _show(window, qtbot, source.id)
    form = window.inspector.form_widget
    date = form.findChild(QLineEdit, "field_date")
    date.setText("2026-03-14")
    date.editingFinished.emit()
    assert source.date == dt.date(2026, 3, 14)
    date.setText("14 March")  # not a date: shown in red, not stored
    date.editingFinished.emit()
    assert source.date == dt.date(2026, 3, 14)
    kind = form.findChild(QLineEdit, "field_kind")
    kind.setFocus()
    kind.selectAll()
    qtbot.keyClicks(kind, "interview")
    assert source.kind == "interview"
    kind.selectAll()
    qtbot.keyClick(kind, Qt.Key.Key_Delete)
    assert source.kind is None


def test_the_maps_summary_follows_a_new_persona_at_once(window) -> None:  # type: ignore[no-untyped-def]
    assert "New persona" not in window.summary.text()
    window.navigator.add_persona()
    assert "New persona" in window.summary.text()
    window.document.undo_stack.undo()
    assert "New persona" not in window.summary.text()


def test_a_kpi_date(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTableWidget

    jmap = window.current_map()
    stage = next(s for s in jmap.stages if s.kpis)
    _show(window, qtbot, stage.id)
    tables = {
        t.accessibleName(): t for t in window.inspector.form_widget.findChildren(QTableWidget)
    }
    tables["KPIs"].item(0, 3).setText("2026-01-31")
    assert stage.kpis[0].as_of == dt.date(2026, 1, 31)
    tables = {
        t.accessibleName(): t for t in window.inspector.form_widget.findChildren(QTableWidget)
    }
    tables["KPIs"].item(0, 3).setText("soon")  # no date: nothing changes
    assert stage.kpis[0].as_of == dt.date(2026, 1, 31)
    assert check_project(window.project) == []
