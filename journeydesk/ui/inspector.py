"""The inspector: editable properties of the selection (or of the shown map, or
of the project).

Every edit pushes a command (DESIGN.md rule 4): typing in a text field pushes
a merging ``SetField`` per keystroke, so a typing run is one undo step; a
choice, a tick or a list edit pushes one step. The inspector never writes the
model; it redraws its fields from the model on ``Document.changed``, leaving
alone a field whose text already says what the model says (the one being
typed in keeps its cursor).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import plain_label, plain_text
from journeydesk.document.commands import Insert, Macro, SetField, describe, remove_elements
from journeydesk.document.document import Change, Document
from journeydesk.document.language import shown_language
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import (
    Card,
    Connection,
    CurvePoint,
    EmotionCurve,
    Evidence,
    JourneyMap,
    KpiValue,
    Lane,
    MetricDefinition,
    Owner,
    Persona,
    Project,
    Separator,
    Source,
    Stage,
    Step,
    Team,
)
from journeydesk.model.base import MAX_NAME, MAX_TEXT

from .inspector_extras import InspectorExtras
from .inspector_multi import MultiSelectionForm
from .inspector_table import RecordTable as _Table
from .inspector_table import number_text as _number_text
from .inspector_table import parse_number as _parse_number
from .inspector_vocab import ScoresEditor, VocabulariesEditor

Options = list[tuple[Any, str]]
COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
FIELD_ROLE = Qt.ItemDataRole.UserRole
USAGE_FIELDS = frozenset(
    {"kind", "channel", "status", "method", "default_card_kind", "hide_lane_kinds"}
)
"""Fields whose values the vocabulary tables count: an edit of one rebuilds them."""


@dataclass
class _Binding:
    """One form widget showing one field of one element."""

    element_id: str
    field: str
    widget: QWidget
    get: Callable[[], Any]
    """The widget's value, in the model's terms."""
    put: Callable[[Any], None]
    """Show a model value in the widget (signals are blocked around it)."""


def _parse_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _parse_date(text: Any) -> dt.date | None:
    """A KPI's date as typed (YYYY-MM-DD), or None."""
    try:
        return dt.date.fromisoformat(str(text).strip()) if str(text).strip() else None
    except ValueError:
        return None


def _parse_tags(text: str) -> list[str]:
    return list(dict.fromkeys(t.strip()[:100] for t in text.split(",") if t.strip()))


def choice_combo(options: Options, current: object) -> QComboBox:
    """A combo of ``(value, text)`` choices with ``current`` selected; a current
    value not among them (a dangling reference, a value this version does not
    know) is added as itself, so it shows and is kept."""
    combo = QComboBox()
    for key, text in options:
        if key is None or combo.findData(key) < 0:
            combo.addItem(text, key)
    if combo.findData(current) < 0:
        combo.addItem(str(current), current)
    combo.setCurrentIndex(combo.findData(current))
    return combo


class Inspector(QWidget):
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
            builders: dict[type, Callable[[Any], None]] = {
                Project: self._project_form,
                Persona: self._persona_form,
                JourneyMap: self._map_form,
                Stage: self._stage_form,
                Step: self._step_form,
                Lane: self._lane_form,
                Card: self._card_form,
                CurvePoint: self._point_form,
                Connection: self._connection_form,
                EmotionCurve: self._curve_form,
                Separator: self._separator_form,
                Team: self._team_form,
                Source: self._source_form,
                MetricDefinition: self._metric_form,
            }
            builder = builders.get(type(element))
            if builder is not None:
                builder(element)
            else:
                self.form.addRow(QLabel(self.tr("This item has no properties to edit here.")))
        self.scroller.setWidget(self.form_widget)
        self.scroller.verticalScrollBar().setValue(bar)
        self._refresh()
        self.map_button.setEnabled(self._map_id is not None)

    # --- names --------------------------------------------------------------

    def kind_name(self, element: Any) -> str:
        names: dict[type, str] = {
            Project: self.tr("project"),
            Persona: self.tr("persona"),
            JourneyMap: self.tr("map"),
            Stage: self.tr("stage"),
            Step: self.tr("step"),
            Lane: self.tr("lane"),
            Card: self.tr("card"),
            CurvePoint: self.tr("emotion point"),
            Connection: self.tr("connection"),
            EmotionCurve: self.tr("emotion curve"),
            Separator: self.tr("separator"),
            Team: self.tr("team"),
            Source: self.tr("source"),
            MetricDefinition: self.tr("metric"),
            Evidence: self.tr("evidence"),
        }
        return names.get(type(element), type(element).__name__.lower())

    def _edit_text(self, element: Any, field_label: str) -> str:
        return (
            self.tr("Edit %1 of %2 %3")
            .replace("%1", field_label.lower())
            .replace("%2", self.kind_name(element))
            .replace("%3", describe(element))
            .strip()
        )

    def _vocabulary(self) -> Vocabulary:
        assert self.document is not None
        project = self.document.project
        return Vocabulary(project, shown_language())

    # --- pushing commands -------------------------------------------------

    def set_value(
        self, element_id: str, field: str, value: Any, field_label: str, merge: bool = True
    ) -> None:
        """Push a SetField unless the model already holds ``value``."""
        if self.document is None:
            return
        element = self.document.element(element_id)
        if getattr(element, field) == value:
            return
        self.document.push(
            SetField(
                self.document,
                element_id,
                field,
                value,
                self._edit_text(element, field_label),
                merge,
            )
        )

    def _push(self, command: Any) -> None:
        if self.document is not None:
            self.document.push(command)

    # --- field builders -----------------------------------------------------

    def _bind(
        self,
        element: Any,
        field: str,
        label: str,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        row: QWidget | None = None,
    ) -> None:
        widget.setAccessibleName(label)
        widget.setObjectName(f"field_{field}")
        self._bindings.append(_Binding(element.id, field, widget, get, put))
        self.form.addRow(label, row or widget)

    def line(self, element: Any, field: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(MAX_NAME)
        eid = element.id
        edit.textEdited.connect(lambda text: self.set_value(eid, field, text, label))
        self._bind(element, field, label, edit, edit.text, lambda v: edit.setText(v or ""))
        return edit

    def text(self, element: Any, field: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(90)
        eid = element.id
        edit.textChanged.connect(lambda: self.set_value(eid, field, edit.toPlainText(), label))
        self._bind(element, field, label, edit, edit.toPlainText, edit.setPlainText)
        return edit

    def lines(self, element: Any, field: str, label: str) -> QPlainTextEdit:
        """A list of short texts, one per line."""
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(80)
        edit.setToolTip(self.tr("One per line"))
        eid = element.id
        edit.textChanged.connect(
            lambda: self.set_value(eid, field, _parse_lines(edit.toPlainText()), label)
        )
        self._bind(
            element,
            field,
            label,
            edit,
            lambda: _parse_lines(edit.toPlainText()),
            lambda v: edit.setPlainText("\n".join(v)),
        )
        return edit

    def tags(self, element: Any, field: str, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setToolTip(self.tr("Separated by commas"))
        eid = element.id
        edit.textEdited.connect(lambda text: self.set_value(eid, field, _parse_tags(text), label))
        self._bind(
            element,
            field,
            label,
            edit,
            lambda: _parse_tags(edit.text()),
            lambda v: edit.setText(", ".join(v)),
        )
        return edit

    def choice(
        self, element: Any, field: str, label: str, options: Options, merge: bool = False
    ) -> QComboBox:
        """A closed list of values; a value not in it is shown and kept."""
        combo = QComboBox()
        for key, text in options:
            combo.addItem(text, key)
        eid = element.id

        def put(value: Any) -> None:
            index = combo.findData(value)
            if index < 0:
                combo.addItem(str(value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)

        combo.currentIndexChanged.connect(
            lambda i: self.set_value(eid, field, combo.itemData(i), label, merge)
        )
        self._bind(element, field, label, combo, combo.currentData, put)
        return combo

    def vocab(
        self, element: Any, field: str, label: str, vocabulary: str, optional: bool
    ) -> QComboBox:
        """An open vocabulary: the built-in values, the project's own, and the
        element's current value even when nobody defines it; a new value can be
        typed."""
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if optional:
            combo.addItem(self.tr("(none)"), None)
        assert self.document is not None
        vocab = self._vocabulary()
        from journeydesk.model.vocab import BUILT_IN

        keys = [t.key for t in BUILT_IN[vocabulary]]
        keys += [
            e.key
            for e in getattr(self.document.project.vocabularies, vocabulary)
            if e.key not in keys
        ]
        for key in keys:
            combo.addItem(vocab.label(vocabulary, key), key)
        eid = element.id

        def get() -> Any:
            text = combo.currentText().strip()
            index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
            if index >= 0:
                return combo.itemData(index)
            if not text:
                return None if optional else getattr(self._safe(eid), field, None)
            return text[:100]

        def put(value: Any) -> None:
            index = combo.findData(value)
            if index < 0:
                combo.addItem(str(value), value)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.setEditText(combo.itemText(index))

        def commit() -> None:
            value = get()
            if value is None and not optional:
                return
            self.set_value(eid, field, value, label, False)

        combo.currentIndexChanged.connect(lambda _i: commit())
        line_edit = combo.lineEdit()
        assert line_edit is not None
        line_edit.editingFinished.connect(commit)
        self._bind(element, field, label, combo, get, put)
        return combo

    def _safe(self, element_id: str) -> Any:
        try:
            return self.document.element(element_id) if self.document else None
        except KeyError:
            return None

    def spin(
        self,
        element: Any,
        field: str,
        label: str,
        minimum: float,
        maximum: float,
        decimals: int = 1,
        step: float = 1.0,
    ) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(minimum, maximum)
        box.setDecimals(decimals)
        box.setSingleStep(step)
        eid = element.id
        box.valueChanged.connect(lambda v: self.set_value(eid, field, float(v), label))
        self._bind(element, field, label, box, box.value, box.setValue)
        return box

    def check(self, element: Any, field: str, label: str) -> QCheckBox:
        box = QCheckBox()
        eid = element.id
        box.toggled.connect(lambda on: self.set_value(eid, field, bool(on), label, False))
        self._bind(element, field, label, box, box.isChecked, box.setChecked)
        return box

    def colour(self, element: Any, field: str, label: str) -> QLineEdit:
        """A colour as #rrggbb (empty: the default), typed or picked."""
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("default"))
        edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^#?[0-9A-Fa-f]{0,6}$"), edit)
        )
        eid = element.id
        valid = QRegularExpression(COLOUR_PATTERN)

        def value_of(text: str) -> Any:
            if not text:
                return None
            return (
                text.lower()
                if valid.match(text).hasMatch()
                else getattr(self._safe(eid), field, None)
            )

        edit.textEdited.connect(lambda text: self.set_value(eid, field, value_of(text), label))
        pick = QToolButton()
        pick.setText("…")
        pick.setToolTip(self.tr("Choose a colour"))
        pick.setAccessibleName(self.tr("Choose a colour"))

        def choose() -> None:
            current = QColor(edit.text()) if edit.text() else QColor("#ffffff")
            chosen = QColorDialog.getColor(current, self, self.tr("Colour"))
            if chosen.isValid():
                self.set_value(eid, field, chosen.name().lower(), label, False)

        pick.clicked.connect(choose)
        holder = QWidget()
        box = QHBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        box.addWidget(pick)
        self._bind(
            element,
            field,
            label,
            edit,
            lambda: value_of(edit.text()),
            lambda v: edit.setText(v or ""),
            holder,
        )
        return edit

    def image(self, element: Any, field: str, label: str) -> QLabel:
        """An embedded image (an asset id): choose a PNG or JPEG file, or remove it."""
        shown = QLabel()
        shown.setTextFormat(Qt.TextFormat.PlainText)
        eid = element.id

        def name_of(value: Any) -> str:
            if value is None or self.document is None:
                return self.tr("(none)")
            asset = next((a for a in self.document.project.assets if a.id == value), None)
            if asset is None:
                return str(value)
            return (asset.name or self.tr("image")) + f" ({asset.width}×{asset.height})"

        current: list[Any] = [getattr(element, field)]

        def put(value: Any) -> None:
            current[0] = value
            shown.setText(name_of(value))

        choose = QPushButton(self.tr("Choose…"))
        choose.setAccessibleName(self.tr("Choose an image for %1").replace("%1", label.lower()))
        choose.clicked.connect(lambda: self.choose_image(eid, field, label))
        clear = QPushButton(self.tr("Remove"))
        clear.setAccessibleName(self.tr("Remove the image"))
        clear.clicked.connect(lambda: self.set_value(eid, field, None, label, False))
        holder = QWidget()
        box = QHBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(shown, 1)
        box.addWidget(choose)
        box.addWidget(clear)
        self._bind(element, field, label, shown, lambda: current[0], put, holder)
        return shown

    def choose_image(self, element_id: str, field: str, label: str) -> None:
        """Ask for a PNG or JPEG file and embed it: one undo step."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from journeydesk.model import Asset
        from journeydesk.model.images import ImageError, encode_image

        if self.document is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an image"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if not name:
            return
        try:
            data = Path(name).read_bytes()
            info, encoded = encode_image(data)
        except (OSError, ImageError) as exc:
            QMessageBox.warning(self, self.tr("Cannot use this image"), plain_text(str(exc)))
            return
        asset = Asset(
            name=Path(name).name[:MAX_NAME],
            type=info.type,
            width=info.width,
            height=info.height,
            data=encoded,
        )
        doc = self.document
        element = doc.element(element_id)
        macro = Macro(self._edit_text(element, label))
        macro.add(Insert(doc, doc.project, "assets", asset))
        macro.add(SetField(doc, element_id, field, asset.id, "", False))
        doc.push(macro)

    def _personas(self, none_text: str | None = None) -> Options:
        assert self.document is not None
        options: Options = [(None, none_text or self.tr("(all personas)"))]
        options += [
            (p.id, p.name or self.tr("(unnamed persona)")) for p in self.document.project.personas
        ]
        return options

    def _label_options(self, keys: list[str]) -> Options:
        from journeydesk.layout.labels import label as content_label

        assert self.document is not None
        lang = shown_language()
        return [(k, content_label(k, lang)) for k in keys]

    def _section(self, title: str) -> None:
        heading = plain_label(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.form.addRow(heading)

    def _table(
        self,
        title: str,
        headers: list[str],
        on_add: Callable[[], None] | None,
        on_remove: Callable[[int], None] | None,
    ) -> _Table:
        self._section(title)
        table = _Table(headers, on_add, on_remove, self.tr("Add"), self.tr("Remove"))
        table.table.setAccessibleName(title)
        self.form.addRow(table)
        return table

    # --- forms ------------------------------------------------------------

    def _project_form(self, project: Project) -> None:
        self.line(project, "title", self.tr("Title"))
        self.text(project, "description", self.tr("Description"))
        # The content language: the words the map drawing and the exports print
        # (legend, score names, built-in kinds); a tag this version does not
        # offer (pt-BR...) is shown as written and kept.
        language = self.choice(
            project,
            "language",
            self.tr("Content language"),
            [("en", self.tr("English")), ("it", self.tr("Italian"))],
        )
        language.setToolTip(
            self.tr("The language the project is written in: the map and the exports use it")
        )
        self.lines(project, "authors", self.tr("Authors"))
        self.extras.project_rows(project)
        self._teams_table(project)
        self._sources_table(project)
        self._metrics_table(project)
        self._scores_table(project)
        self._vocabularies_table(project)

    def _scores_table(self, project: Project) -> None:
        """Score definitions: the built-in ones (relabel, re-range) and the project's."""
        assert self.document is not None
        self._section(self.tr("Scores"))
        self._table_keys.add((project.id, "score_definitions"))
        self._usage_fields.add("scores")
        self.form.addRow(ScoresEditor(self.document))

    def _element_cell(
        self,
        table: _Table,
        row: int,
        col: int,
        element: Any,
        field: str,
        label: str,
        number: bool = False,
        limit: int = MAX_NAME,
    ) -> None:
        assert self.document is not None
        value = getattr(element, field)
        self._table_keys.add((element.id, field))
        eid = element.id
        if number:
            table.text_cell(
                row,
                col,
                _number_text(value),
                lambda text: self.set_value(eid, field, _parse_number(text), label, False),
            )
        else:
            table.text_cell(
                row,
                col,
                value or "",
                lambda text: self.set_value(eid, field, str(text)[:limit], label, False),
            )

    def _remove_with_references(self, element: Any) -> None:
        """Remove a team, source or metric, and what refers to it, as one step."""
        assert self.document is not None
        doc = self.document
        text = (
            self.tr("Delete %1 %2")
            .replace("%1", self.kind_name(element))
            .replace("%2", describe(element))
            .strip()
        )
        # Owners of a removed team, evidence sources, KPI values of a removed
        # metric: remove_elements follows the references declared on the model.
        doc.push(remove_elements(doc, [element.id], text))

    def _teams_table(self, project: Project) -> None:
        def add() -> None:
            assert self.document is not None
            team = Team(name=self.tr("New team"))
            self._push(Insert(self.document, project, "teams", team, None, self.tr("Add team")))

        table = self._table(
            self.tr("Teams"),
            [self.tr("Name"), self.tr("Description")],
            add,
            lambda row: self._remove_with_references(project.teams[row]),
        )
        for team in project.teams:
            row = table.add_row()
            self._element_cell(table, row, 0, team, "name", self.tr("Name"))
            self._element_cell(
                table, row, 1, team, "description", self.tr("Description"), limit=MAX_TEXT
            )

    def _sources_table(self, project: Project) -> None:
        def add() -> None:
            assert self.document is not None
            source = Source(title=self.tr("New source"))
            self._push(
                Insert(self.document, project, "sources", source, None, self.tr("Add source"))
            )

        table = self._table(
            self.tr("Research sources"),
            [self.tr("Title"), self.tr("Reference"), self.tr("Note")],
            add,
            lambda row: self._remove_with_references(project.sources[row]),
        )
        for source in project.sources:
            row = table.add_row()
            self._element_cell(table, row, 0, source, "title", self.tr("Title"))
            self._element_cell(
                table, row, 1, source, "reference", self.tr("Reference"), limit=MAX_TEXT
            )
            self._element_cell(table, row, 2, source, "note", self.tr("Note"), limit=MAX_TEXT)

    def _metrics_table(self, project: Project) -> None:
        def add() -> None:
            assert self.document is not None
            metric = MetricDefinition(name=self.tr("New metric"))
            self._push(
                Insert(self.document, project, "metrics", metric, None, self.tr("Add metric"))
            )

        table = self._table(
            self.tr("Metrics"),
            [self.tr("Name"), self.tr("Unit"), self.tr("Direction"), self.tr("Target")],
            add,
            lambda row: self._remove_with_references(project.metrics[row]),
        )
        directions: Options = [
            ("higher_is_better", self.tr("Higher is better")),
            ("lower_is_better", self.tr("Lower is better")),
            ("on_target", self.tr("On target")),
        ]
        for metric in project.metrics:
            row = table.add_row()
            self._element_cell(table, row, 0, metric, "name", self.tr("Name"))
            self._element_cell(table, row, 1, metric, "unit", self.tr("Unit"))
            combo = QComboBox()
            for key, text in directions:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(metric.direction)))
            mid = metric.id
            combo.currentIndexChanged.connect(
                lambda i, c=combo, m=mid: self.set_value(
                    m, "direction", c.itemData(i), self.tr("Direction"), False
                )
            )
            self._table_keys.add((metric.id, "direction"))
            table.combo_cell(row, 2, combo)
            self._element_cell(table, row, 3, metric, "target", self.tr("Target"), number=True)

    def _vocabularies_table(self, project: Project) -> None:
        """The open vocabularies, one at a time (the last one chosen stays)."""
        assert self.document is not None
        self._section(self.tr("Vocabularies"))
        self._table_keys.add((project.id, "vocabularies"))
        self._usage_fields |= USAGE_FIELDS

        def chosen(name: str) -> None:
            self.vocabulary_shown = name

        self.form.addRow(VocabulariesEditor(self.document, self.vocabulary_shown, chosen))

    def _persona_form(self, persona: Persona) -> None:
        self.line(persona, "name", self.tr("Name"))
        self.line(persona, "segment", self.tr("Segment"))
        self.text(persona, "quote", self.tr("Quote"))
        self.text(persona, "story", self.tr("Story"))
        self.lines(persona, "goals", self.tr("Goals"))
        self.lines(persona, "needs", self.tr("Needs"))
        self.lines(persona, "pains", self.tr("Pains"))
        self.lines(persona, "jobs", self.tr("Jobs to be done"))
        self.lines(persona, "behaviours", self.tr("Behaviours"))
        self.colour(persona, "colour", self.tr("Colour"))
        self.image(persona, "photo", self.tr("Photo"))

    def _map_form(self, jmap: JourneyMap) -> None:
        assert self.document is not None
        self.line(jmap, "name", self.tr("Name"))
        self.choice(
            jmap,
            "type",
            self.tr("Type"),
            self._label_options(
                ["journey", "day_in_the_life", "service_blueprint", "experience_map", "custom"]
            ),
        )
        self.choice(
            jmap, "state", self.tr("State"), self._label_options(["current", "future", "ideal"])
        )
        self.text(jmap, "objective", self.tr("Objective"))
        self.text(jmap, "scenario", self.tr("Scenario"))
        if jmap.based_on is not None:
            base = self.document.project.map_by_id(jmap.based_on)
            based = QLabel(base.name if base is not None else jmap.based_on)
            based.setTextFormat(Qt.TextFormat.PlainText)
            self.form.addRow(self.tr("Derived from"), based)
        checklist = QListWidget()
        checklist.setMaximumHeight(110)
        label = self.tr("Personas")
        for persona in self.document.project.personas:
            item = QListWidgetItem(persona.name or self.tr("(unnamed persona)"))
            item.setData(FIELD_ROLE, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            checklist.addItem(item)
        mid = jmap.id

        def get() -> list[str]:
            ticked = {
                checklist.item(i).data(FIELD_ROLE)
                for i in range(checklist.count())
                if checklist.item(i).checkState() == Qt.CheckState.Checked
            }
            current = getattr(self._safe(mid), "personas", [])
            # Keep the map's order; add newly ticked ones in project order.
            kept = [p for p in current if p in ticked]
            order = [checklist.item(i).data(FIELD_ROLE) for i in range(checklist.count())]
            return kept + [p for p in order if p in ticked and p not in kept]

        def put(value: list[str]) -> None:
            for i in range(checklist.count()):
                item = checklist.item(i)
                on = item.data(FIELD_ROLE) in value
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

        checklist.itemChanged.connect(
            lambda _item: self.set_value(mid, "personas", get(), label, False)
        )
        self._bind(jmap, "personas", label, checklist, get, put)
        self._curves_section(jmap)

    def _curves_section(self, jmap: JourneyMap) -> None:
        """The map's emotion curves, one per persona, and a way to add one for
        a persona who has none yet (in the first curve lane; a curve lane is
        added with it when the map has none)."""
        assert self.document is not None
        project = self.document.project
        self._table_keys.add((jmap.id, "curves"))
        names = {p.id: p.name or self.tr("(unnamed persona)") for p in project.personas}
        nobody = self.tr("(no persona)")
        shown = [
            (c.label or names.get(c.persona or "", nobody))
            + (f" — {names[c.persona]}" if c.label and c.persona in names else "")
            for c in jmap.curves
        ]
        curves = QLabel("\n".join(shown) or self.tr("(none)"))
        curves.setTextFormat(Qt.TextFormat.PlainText)
        curves.setWordWrap(True)
        self.form.addRow(self.tr("Emotion curves"), curves)
        missing = [p for p in project.personas if all(c.persona != p.id for c in jmap.curves)]
        if not missing:
            return
        row = QHBoxLayout()
        pick = QComboBox()
        pick.setAccessibleName(self.tr("Persona for a new emotion curve"))
        for persona in missing:
            pick.addItem(names[persona.id], persona.id)
        add = QPushButton(self.tr("Add Curve"))
        add.setAccessibleName(self.tr("Add an emotion curve for this persona"))
        row.addWidget(pick, 1)
        row.addWidget(add)
        mid = jmap.id

        def add_curve() -> None:
            doc = self.document
            target = self._safe(mid)
            persona_id = pick.currentData()
            if doc is None or not isinstance(target, JourneyMap) or persona_id is None:
                return
            macro = Macro(
                self.tr("Add emotion curve for %1").replace("%1", f"'{names[persona_id]}'")
            )
            lane = next((ln for ln in target.lanes if ln.display == "curve"), None)
            if lane is None:
                lane = Lane(name=self.tr("Emotion curve"), kind="emotion", display="curve")
                # Under what the customer does, thinks and feels, as maps usually have it.
                above = [
                    n
                    for n, ln in enumerate(target.lanes)
                    if ln.kind in ("actions", "thoughts", "feelings")
                ]
                macro.add(Insert(doc, target, "lanes", lane, (above[-1] + 1) if above else 0))
            curve = EmotionCurve(persona=persona_id, lane=lane.id, label=names[persona_id])
            macro.add(Insert(doc, target, "curves", curve))
            if persona_id not in target.personas:
                macro.add(
                    SetField(doc, target.id, "personas", [*target.personas, persona_id], "", False)
                )
            doc.push(macro)

        add.clicked.connect(add_curve)
        self.form.addRow("", row)

    def _stage_form(self, stage: Stage) -> None:
        assert self.document is not None
        project = self.document.project
        self.line(stage, "name", self.tr("Name"))
        self.text(stage, "description", self.tr("Description"))
        self.text(stage, "narration", self.tr("Narration"))
        label = self.tr("KPIs")
        sid = stage.id
        self._table_keys.add((stage.id, "kpis"))

        def replace(index: int, **update: Any) -> None:
            kpis = [k.model_copy() for k in stage.kpis]
            kpis[index] = kpis[index].model_copy(update=update)
            self.set_value(sid, "kpis", kpis, label, False)

        def add() -> None:
            used = {k.metric for k in stage.kpis}
            free = [m for m in project.metrics if m.id not in used]
            if free:
                self.set_value(
                    sid, "kpis", [*stage.kpis, KpiValue(metric=free[0].id)], label, False
                )

        def remove(row: int) -> None:
            self.set_value(
                sid, "kpis", [k for i, k in enumerate(stage.kpis) if i != row], label, False
            )

        table = self._table(
            label,
            [self.tr("Metric"), self.tr("Value"), self.tr("Target"), self.tr("As of")],
            add,
            remove,
        )
        table.add_button.setEnabled(bool(project.metrics))
        if not project.metrics:
            table.add_button.setToolTip(self.tr("Define metrics in the project first"))
        for index, kpi in enumerate(stage.kpis):
            row = table.add_row()
            combo = choice_combo([(m.id, m.name or m.id) for m in project.metrics], kpi.metric)
            combo.currentIndexChanged.connect(
                lambda i, c=combo, n=index: replace(n, metric=c.itemData(i))
            )
            table.combo_cell(row, 0, combo)

            def set_kpi_value(t: Any, n: int = index) -> None:
                replace(n, value=_parse_number(t))

            def set_kpi_target(t: Any, n: int = index) -> None:
                replace(n, target=_parse_number(t))

            def set_kpi_date(t: Any, n: int = index) -> None:
                value = _parse_date(t)
                if value is not None or not str(t).strip():
                    replace(n, as_of=value)  # text that is no date changes nothing

            table.text_cell(row, 1, _number_text(kpi.value), set_kpi_value)
            table.text_cell(row, 2, _number_text(kpi.target), set_kpi_target)
            table.text_cell(row, 3, kpi.as_of.isoformat() if kpi.as_of else "", set_kpi_date)

    def _step_form(self, step: Step) -> None:
        self.line(step, "name", self.tr("Name"))
        self.text(step, "description", self.tr("Description"))

    def _lane_form(self, lane: Lane) -> None:
        self.line(lane, "name", self.tr("Name"))
        self.vocab(lane, "kind", self.tr("Kind"), "lane_kinds", optional=False)
        self.choice(
            lane,
            "display",
            self.tr("Display"),
            [
                ("cards", self.tr("Cards")),
                ("curve", self.tr("Emotion curve")),
                ("images", self.tr("Images")),
                ("channel_grid", self.tr("Channel grid")),
            ],
        )
        self.choice(lane, "persona", self.tr("Persona"), self._personas())
        self.vocab(
            lane, "default_card_kind", self.tr("Default card kind"), "card_kinds", optional=True
        )
        self.check(lane, "collapsed", self.tr("Collapsed"))

    def _card_form(self, card: Card) -> None:
        assert self.document is not None
        project = self.document.project
        self.line(card, "title", self.tr("Title"))
        self.text(card, "body", self.tr("Body"))
        self.vocab(card, "kind", self.tr("Kind"), "card_kinds", optional=False)
        self.vocab(card, "channel", self.tr("Channel"), "channels", optional=True)
        self.choice(
            card,
            "sentiment",
            self.tr("Sentiment"),
            [
                (None, self.tr("(none)")),
                ("positive", self.tr("Positive")),
                ("neutral", self.tr("Neutral")),
                ("problematic", self.tr("Problematic")),
            ],
        )
        self.vocab(card, "status", self.tr("Status"), "statuses", optional=True)
        self.tags(card, "tags", self.tr("Tags"))
        self.colour(card, "colour", self.tr("Colour"))
        self.image(card, "image", self.tr("Image"))
        self._scores(card)
        self._owners_table(card, project)
        self._evidence_table(card, project)
        self.extras.card_rows(card)

    def _scores(self, card: Card) -> None:
        assert self.document is not None
        cid = card.id
        label = self.tr("Scores")
        for key, definition in self.document.project.scores().items():
            lang = shown_language()
            name = definition.label.get(lang) or definition.label.get("en") or key
            box = QDoubleSpinBox()
            box.setDecimals(1)
            box.setRange(definition.min - 1, definition.max)
            box.setSpecialValueText(self.tr("—"))  # below the range: no score

            def get(box: QDoubleSpinBox = box, key: str = key, lo: float = definition.min) -> Any:
                current = dict(getattr(self._safe(cid), "scores", {}))
                if box.value() < lo:
                    current.pop(key, None)
                else:
                    current[key] = float(box.value())
                return current

            def put(
                value: dict[str, float],
                box: QDoubleSpinBox = box,
                key: str = key,
                lo: float = definition.min,
            ) -> None:
                box.setValue(value.get(key, lo - 1))

            box.valueChanged.connect(lambda _v, g=get: self.set_value(cid, "scores", g(), label))
            box.setAccessibleName(name)
            self._bindings.append(_Binding(cid, "scores", box, get, put))
            self.form.addRow(plain_label(name), box)

    def _owners_table(self, card: Card, project: Project) -> None:
        label = self.tr("Owners")
        cid = card.id
        self._table_keys.add((card.id, "owners"))

        def replace(index: int, **update: Any) -> None:
            owners = [o.model_copy() for o in card.owners]
            owners[index] = owners[index].model_copy(update=update)
            self.set_value(cid, "owners", owners, label, False)

        def add() -> None:
            if project.teams:
                self.set_value(
                    cid, "owners", [*card.owners, Owner(team=project.teams[0].id)], label, False
                )

        def remove(row: int) -> None:
            self.set_value(
                cid, "owners", [o for i, o in enumerate(card.owners) if i != row], label, False
            )

        table = self._table(label, [self.tr("Team"), self.tr("Role")], add, remove)
        table.add_button.setEnabled(bool(project.teams))
        if not project.teams:
            table.add_button.setToolTip(self.tr("Define teams in the project first"))
        for index, owner in enumerate(card.owners):
            row = table.add_row()
            combo = choice_combo([(t.id, t.name or t.id) for t in project.teams], owner.team)
            combo.currentIndexChanged.connect(
                lambda i, c=combo, n=index: replace(n, team=c.itemData(i))
            )
            table.combo_cell(row, 0, combo)

            def set_role(t: Any, n: int = index) -> None:
                replace(n, role=str(t)[:MAX_NAME])

            table.text_cell(row, 1, owner.role, set_role)

    def _evidence_table(self, card: Card, project: Project) -> None:
        assert self.document is not None
        label = self.tr("Evidence")
        vocab = self._vocabulary()
        from journeydesk.model.vocab import BUILT_IN

        def add() -> None:
            assert self.document is not None
            self._push(
                Insert(
                    self.document, card, "evidence", Evidence(), None, self._edit_text(card, label)
                )
            )

        def remove(row: int) -> None:
            assert self.document is not None
            self._push(
                remove_elements(
                    self.document, [card.evidence[row].id], self._edit_text(card, label)
                )
            )

        table = self._table(
            label,
            [
                self.tr("Confidence"),
                self.tr("Method"),
                self.tr("Source"),
                self.tr("Quote"),
                self.tr("Figure"),
                self.tr("Note"),
            ],
            add,
            remove,
        )
        confidences: Options = [
            ("observed", self.tr("Observed")),
            ("assumed", self.tr("Assumed")),
            ("proposed", self.tr("Proposed")),
        ]
        methods: Options = (
            [(None, self.tr("(none)"))]
            + [
                (t.key, vocab.label("evidence_methods", t.key))
                for t in BUILT_IN["evidence_methods"]
            ]
            + [
                (e.key, vocab.label("evidence_methods", e.key))
                for e in project.vocabularies.evidence_methods
            ]
        )
        sources: Options = [(None, self.tr("(none)"))] + [
            (s.id, s.title or s.id) for s in project.sources
        ]
        for ev in card.evidence:
            row = table.add_row()
            for col, field, options, title in (
                (0, "confidence", confidences, self.tr("Confidence")),
                (1, "method", methods, self.tr("Method")),
                (2, "source", sources, self.tr("Source")),
            ):
                combo = choice_combo(options, getattr(ev, field))
                combo.currentIndexChanged.connect(
                    lambda i, c=combo, e=ev.id, f=field, t=title: self.set_value(
                        e, f, c.itemData(i), t, False
                    )
                )
                self._table_keys.add((ev.id, field))
                table.combo_cell(row, col, combo)
            self._element_cell(table, row, 3, ev, "quote", self.tr("Quote"), limit=MAX_TEXT)
            self._element_cell(table, row, 4, ev, "figure", self.tr("Figure"))
            self._element_cell(table, row, 5, ev, "note", self.tr("Note"), limit=MAX_TEXT)

    def _point_form(self, point: CurvePoint) -> None:
        assert self.document is not None
        curve = self.document.location(point.id).owner
        lo, hi = (-2.0, 2.0)
        if isinstance(curve, EmotionCurve):
            lo, hi = curve.scale.min, curve.scale.max
        self.extras.point_curve(point)
        self.spin(point, "score", self.tr("Score"), lo, hi, decimals=1, step=1.0)
        self.line(point, "emotion", self.tr("Emotion"))
        self.line(point, "label", self.tr("Label"))
        self.text(point, "note", self.tr("Note"))

    def _connection_form(self, connection: Connection) -> None:
        self.vocab(connection, "kind", self.tr("Kind"), "connection_kinds", optional=False)
        self.line(connection, "label", self.tr("Label"))

    def _curve_form(self, curve: EmotionCurve) -> None:
        self.line(curve, "label", self.tr("Label"))
        self.choice(curve, "persona", self.tr("Persona"), self._personas(self.tr("(none)")))
        self.colour(curve, "colour", self.tr("Colour"))
        self.extras.curve_rows(curve)

    def _separator_form(self, separator: Separator) -> None:
        self.choice(
            separator,
            "kind",
            self.tr("Kind"),
            [
                ("interaction", self.tr("Line of interaction")),
                ("visibility", self.tr("Line of visibility")),
                ("internal_interaction", self.tr("Line of internal interaction")),
                ("custom", self.tr("Custom")),
            ],
        )
        self.line(separator, "label", self.tr("Label"))
        self.extras.separator_rows(separator)

    def _team_form(self, team: Team) -> None:
        self.line(team, "name", self.tr("Name"))
        self.text(team, "description", self.tr("Description"))
        self.colour(team, "colour", self.tr("Colour"))

    def _source_form(self, source: Source) -> None:
        self.line(source, "title", self.tr("Title"))
        self.text(source, "reference", self.tr("Reference"))
        self.text(source, "note", self.tr("Note"))
        self.extras.source_rows(source)

    def _metric_form(self, metric: MetricDefinition) -> None:
        self.line(metric, "name", self.tr("Name"))
        self.line(metric, "unit", self.tr("Unit"))
        self.text(metric, "description", self.tr("Description"))
