"""The inspector: editable properties of the selection (or of the shown map, or
of the project).

Every edit is a verb of ``document/verbs*.py`` (DESIGN.md rule 4): typing in a
text field sets the field per keystroke, merging, so a typing run is one undo
step; a choice, a tick or a list edit is one step. The inspector never writes the
model; it redraws its fields from the model on ``Document.changed``, leaving
alone a field whose text already says what the model says (the one being
typed in keeps its cursor).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journeydesk.document.document import Change, Document
from journeydesk.document.verbs import describe

from .inspector_extras import InspectorExtras
from .inspector_fields import _Binding
from .inspector_multi import MultiSelectionForm
from .inspector_sections import InspectorSections
from .inspector_specs import SPECS, FieldSpec, Row


class Inspector(InspectorSections):
    """Properties of the selection, the shown map or the project."""

    linkFollowed = Signal(str, str)
    """Open a card's linked map: (the map's id, the card's id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Inspector"))
        self.document: Document | None = None
        self.target: str | None = None
        """The id of what is shown (an element, a map, the project), or None
        (nothing, or several selected elements)."""
        self.multi: list[str] | None = None
        """The ids of several selected elements shown together, or None."""
        self._multi_form: MultiSelectionForm | None = None
        self._map_id: str | None = None
        self._selection: list[str] = []
        self._bindings: list[_Binding] = []
        self._table_keys: set[tuple[str, str]] = set()
        self._usage_fields: set[str] = set()
        """Fields of any element whose change rebuilds the form (usage counts)."""
        self.vocabulary_shown = "channels"
        """The vocabulary the project form shows."""
        self.extras = InspectorExtras(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        top.addWidget(self.heading, 1)
        self.project_button = QPushButton(self.tr("Project"))
        self.project_button.setToolTip(self.tr("Show the project's properties"))
        self.project_button.clicked.connect(self.show_project)
        top.addWidget(self.project_button)
        self.map_button = QPushButton(self.tr("Map"))
        self.map_button.setToolTip(self.tr("Show the shown map's properties"))
        self.map_button.clicked.connect(self.show_map)
        top.addWidget(self.map_button)
        layout.addLayout(top)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        layout.addWidget(self.scroller, 1)
        self.form_widget = QWidget()
        self.form = QFormLayout()
        self.scroller.setWidget(self.form_widget)

    # --- what is shown ----------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._model_changed)
        self.document = document
        self.target = None
        self.multi = None
        self._selection = []
        self._map_id = None
        if document is not None:
            document.changed.connect(self._model_changed)
        self._rebuild()

    def show_selection(self, ids: list[str], map_id: str | None = None) -> None:
        """Show the selected element, the fields several selected elements
        share, or the map when nothing is selected."""
        self._map_id = map_id
        ids = list(dict.fromkeys(ids))
        self._selection = ids
        if len(ids) > 1:
            if self.multi is None or set(self.multi) != set(ids):
                self.multi = ids
                self.target = None
                self._rebuild()
            return
        self.multi = None
        target = ids[0] if ids else map_id
        if target is None and self.document is not None:
            target = self.document.project.id
        if target != self.target:
            self.target = target
            self._rebuild()

    def show_project(self) -> None:
        if self.document is not None and self.target != self.document.project.id:
            self.multi = None
            self.target = self.document.project.id
            self._rebuild()

    def show_map(self) -> None:
        if self._map_id is not None and self.target != self._map_id:
            self.multi = None
            self.target = self._map_id
            self._rebuild()

    def _exists(self, element_id: str | None) -> bool:
        if self.document is None or element_id is None:
            return False
        try:
            self.document.element(element_id)
        except KeyError:
            return False
        return True

    def _model_changed(self, change: Change) -> None:
        if self.document is None:
            return
        if self.multi is not None:
            self._multi_changed(change)
            return
        if not self._exists(self.target):
            self._selection = [i for i in self._selection if self._exists(i)]
            fallback = self._selection[0] if self._selection else self._map_id
            self.target = fallback if self._exists(fallback) else self.document.project.id
            self._rebuild()
            return
        touched = {(i, f) for i in change.ids for f in change.fields}
        if (
            change.structural
            or touched & self._table_keys
            or self._usage_fields.intersection(change.fields)
        ):
            self._rebuild()
        else:
            self._refresh(change)

    def _multi_changed(self, change: Change) -> None:
        assert self.document is not None and self.multi is not None
        alive = [i for i in self.multi if self._exists(i)]
        if len(alive) != len(self.multi):
            self._selection = alive
            if len(alive) > 1:
                self.multi = alive
            else:
                self.multi = None
                fallback = alive[0] if alive else self._map_id
                self.target = fallback if self._exists(fallback) else self.document.project.id
            self._rebuild()
        elif change.structural or self._multi_form is None:
            self._rebuild()
        else:
            self._multi_form.refresh()

    def _refresh(self, change: Change | None = None) -> None:
        if self.document is None:
            return
        focus = self.focusWidget()
        for b in self._bindings:
            try:
                value = getattr(self.document.element(b.element_id), b.field)
            except KeyError:
                continue
            if b.get() == value:
                continue
            if (
                focus is not None
                and (b.widget is focus or b.widget.isAncestorOf(focus))
                and change is not None
                and not (b.element_id in change.ids and b.field in change.fields)
            ):
                continue
            b.widget.blockSignals(True)
            try:
                b.put(value)
            finally:
                b.widget.blockSignals(False)

    def _rebuild(self) -> None:
        bar = self.scroller.verticalScrollBar().value()
        old = self.scroller.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        self.form_widget = QWidget()
        outer = QVBoxLayout(self.form_widget)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # rows keep their height; the space left goes below
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._bindings = []
        self._table_keys = set()
        self._usage_fields = set()
        self.heading.setText("")
        self._multi_form = None
        if self.document is not None and self.multi is not None:
            self._multi_form = MultiSelectionForm(self.document, self.multi)
            self.heading.setText(self._multi_form.heading())
            self.form.addRow(self._multi_form)
        elif self.document is not None and self.target is not None and self._exists(self.target):
            element = self.document.element(self.target)
            self.heading.setText(
                f"{self.kind_name(element).capitalize()} {describe(element)}".strip()
            )
            rows = SPECS.get(type(element))
            if rows is not None:
                self._build(element, rows)
            else:
                self.form.addRow(QLabel(self.tr("This item has no properties to edit here.")))
        self.scroller.setWidget(self.form_widget)
        self.scroller.verticalScrollBar().setValue(bar)
        self._refresh()
        self.map_button.setEnabled(self._map_id is not None)

    # --- names --------------------------------------------------------------

    def _build(self, element: Any, rows: tuple[Row, ...]) -> None:
        """The form of one element, from its type's field specs."""
        for row in rows:
            if isinstance(row, FieldSpec):
                self.field(element, row)
            elif row.name.startswith("extras."):
                getattr(self.extras, row.name.removeprefix("extras."))(element)
            else:
                getattr(self, f"_hook_{row.name}")(element)
