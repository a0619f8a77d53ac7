"""A map's owner, last-reviewed and review-by dates are edited in the inspector
(one undo step each, through the verb); a bad date is not stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from journeydesk import templates
from journeydesk.document.document import Document
from journeydesk.ui.inspector import Inspector


def _field(inspector: Inspector, name: str) -> Any:
    return inspector.form_widget.findChild(QWidget, f"field_{name}")


def test_map_review_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = Document(templates.new_project("sample", "en"))
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.set_document(doc)
    jmap = doc.project.maps[0]
    inspector.show_selection([jmap.id], jmap.id)
    review_by = _field(inspector, "review_by")
    assert review_by is not None and review_by.text() == ""
    review_by.setText("2027-02-01")
    review_by.editingFinished.emit()
    assert jmap.review_by == dt.date(2027, 2, 1)
    assert doc.undo_stack.count() == 1
    review_by.setText("next week")
    review_by.editingFinished.emit()
    assert jmap.review_by == dt.date(2027, 2, 1) and doc.undo_stack.count() == 1
    review_by.setText("")
    review_by.editingFinished.emit()
    assert jmap.review_by is None
    owner = _field(inspector, "owner")
    owner.textEdited.emit("Carla")
    assert jmap.owner == "Carla"
    doc.undo_stack.undo()
    assert jmap.owner == ""
    assert _field(inspector, "reviewed") is not None
