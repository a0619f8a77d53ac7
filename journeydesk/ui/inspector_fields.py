"""The inspector's field widgets: a line, a text, a list of lines, tags, a
closed choice, an open vocabulary, a number, a tick, a colour, an image; each
shows one field of one element (a binding the inspector refreshes from the
model) and sets it through a verb. ``field`` builds the widget a field spec
(``inspector_specs``) asks for.

Texts are in the ``Inspector`` translation context: the widget is an
``Inspector`` at run time, which is the context Qt looks them up in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
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
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from journeydesk.canvas.plain import plain_label, plain_text
from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.document.language import shown_language
from journeydesk.document.verbs import describe
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import (
    Card,
    Connection,
    CurvePoint,
    EmotionCurve,
    Evidence,
    JourneyMap,
    Lane,
    MetricDefinition,
    Persona,
    Project,
    Separator,
    Source,
    Stage,
    Step,
    Team,
)
from journeydesk.model.base import MAX_NAME

from .inspector_extras import InspectorExtras
from .inspector_specs import FieldSpec, option_list, verb_for
from .inspector_table import RecordTable as _Table

Options = list[tuple[Any, str]]
COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
FIELD_ROLE = Qt.ItemDataRole.UserRole


def put_line(edit: QLineEdit, value: str | None) -> None:
    """Show ``value`` from its start unless the user is typing in ``edit``.

    ``setText`` leaves the cursor at the end, and a line edit shows the part around
    its cursor: a long name would read "e purchase — current state" until clicked.
    """
    edit.setText(value or "")
    if not edit.hasFocus():
        edit.setCursorPosition(0)


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


class InspectorFields(QWidget):
    """The field widgets of the inspector (see the module's docstring)."""

    document: Document | None
    form: QFormLayout
    extras: InspectorExtras
    _bindings: list[_Binding]
    _table_keys: set[tuple[str, str]]
    _usage_fields: set[str]

    def field(self, element: Any, spec: FieldSpec) -> QWidget:
        """The widget for one field spec of ``element``."""
        label = spec.label_text()
        widget: QWidget
        if spec.widget == "choice":
            assert self.document is not None
            options = option_list(spec.choices, self.document.project, shown_language())
            widget = self.choice(element, spec.field, label, options)
        elif spec.widget == "vocab":
            widget = self.vocab(element, spec.field, label, spec.choices, spec.optional)
        else:
            builder: Callable[[Any, str, str], QWidget] = getattr(self, spec.widget)
            widget = builder(element, spec.field, label)
        if spec.tip:
            widget.setToolTip(QCoreApplication.translate("Inspector", str(spec.tip)))
        return widget

    def kind_name(self, element: Any) -> str:
        names: dict[type, str] = {
            Project: QCoreApplication.translate("Inspector", "project"),
            Persona: QCoreApplication.translate("Inspector", "persona"),
            JourneyMap: QCoreApplication.translate("Inspector", "map"),
            Stage: QCoreApplication.translate("Inspector", "stage"),
            Step: QCoreApplication.translate("Inspector", "step"),
            Lane: QCoreApplication.translate("Inspector", "lane"),
            Card: QCoreApplication.translate("Inspector", "card"),
            CurvePoint: QCoreApplication.translate("Inspector", "emotion point"),
            Connection: QCoreApplication.translate("Inspector", "connection"),
            EmotionCurve: QCoreApplication.translate("Inspector", "emotion curve"),
            Separator: QCoreApplication.translate("Inspector", "separator"),
            Team: QCoreApplication.translate("Inspector", "team"),
            Source: QCoreApplication.translate("Inspector", "source"),
            MetricDefinition: QCoreApplication.translate("Inspector", "metric"),
            Evidence: QCoreApplication.translate("Inspector", "evidence"),
        }
        return names.get(type(element), type(element).__name__.lower())

    def _edit_text(self, element: Any, field_label: str) -> str:
        return (
            QCoreApplication.translate("Inspector", "Edit %1 of %2 %3")
            .replace("%1", field_label.lower())
            .replace("%2", self.kind_name(element))
            .replace("%3", describe(element))
            .strip()
        )

    def _vocabulary(self) -> Vocabulary:
        assert self.document is not None
        project = self.document.project
        return Vocabulary(project, shown_language())

    def set_value(
        self, element_id: str, field: str, value: Any, field_label: str, merge: bool = True
    ) -> None:
        """Set a field through the verb its spec names (``verbs.set_field``
        unless the spec says otherwise), unless the model already holds ``value``."""
        if self.document is None:
            return
        element = self.document.element(element_id)
        if getattr(element, field) == value:
            return
        text = self._edit_text(element, field_label)
        verb = verb_for(type(element), field)
        verb(self.document, element_id, field, value, text, merge)

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
        self._bind(element, field, label, edit, edit.text, lambda v: put_line(edit, v))
        return edit

    def date(self, element: Any, field: str, label: str) -> QLineEdit:
        """A date typed as YYYY-MM-DD; empty clears it; anything else is left unset."""
        edit = QLineEdit()
        edit.setMaxLength(10)
        edit.setPlaceholderText("YYYY-MM-DD")
        eid = element.id

        def commit() -> None:
            text = edit.text().strip()
            value = _parse_date(text)
            if value is not None or not text:
                self.set_value(eid, field, value, label, merge=False)

        edit.editingFinished.connect(commit)
        self._bind(
            element,
            field,
            label,
            edit,
            lambda: _parse_date(edit.text()),
            lambda v: edit.setText(v.isoformat() if v else ""),
        )
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
        edit.setToolTip(QCoreApplication.translate("Inspector", "One per line"))
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
        edit.setToolTip(QCoreApplication.translate("Inspector", "Separated by commas"))
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
            combo.addItem(QCoreApplication.translate("Inspector", "(none)"), None)
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
        edit.setPlaceholderText(QCoreApplication.translate("Inspector", "default"))
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
        pick.setToolTip(QCoreApplication.translate("Inspector", "Choose a colour"))
        pick.setAccessibleName(QCoreApplication.translate("Inspector", "Choose a colour"))

        def choose() -> None:
            current = QColor(edit.text()) if edit.text() else QColor("#ffffff")
            chosen = QColorDialog.getColor(
                current, self, QCoreApplication.translate("Inspector", "Colour")
            )
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
                return QCoreApplication.translate("Inspector", "(none)")
            asset = next((a for a in self.document.project.assets if a.id == value), None)
            if asset is None:
                return str(value)
            return (
                asset.name or QCoreApplication.translate("Inspector", "image")
            ) + f" ({asset.width}×{asset.height})"

        current: list[Any] = [getattr(element, field)]

        def put(value: Any) -> None:
            current[0] = value
            shown.setText(name_of(value))

        put(current[0])  # (a form made anew shows the value it is made with)

        choose = QPushButton(QCoreApplication.translate("Inspector", "Choose…"))
        choose.setAccessibleName(
            QCoreApplication.translate("Inspector", "Choose an image for %1").replace(
                "%1", label.lower()
            )
        )
        choose.clicked.connect(lambda: self.choose_image(eid, field, label))
        clear = QPushButton(QCoreApplication.translate("Inspector", "Remove"))
        clear.setAccessibleName(QCoreApplication.translate("Inspector", "Remove the image"))
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
            self,
            QCoreApplication.translate("Inspector", "Choose an image"),
            "",
            QCoreApplication.translate("Inspector", "Images (*.png *.jpg *.jpeg)"),
        )
        if not name:
            return
        try:
            data = Path(name).read_bytes()
            info, encoded = encode_image(data)
        except (OSError, ImageError) as exc:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("Inspector", "Cannot use this image"),
                plain_text(str(exc)),
            )
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
        verbs.set_image(doc, element_id, asset, field, self._edit_text(element, label))

    def _personas(self, none_text: str | None = None) -> Options:
        assert self.document is not None
        options: Options = [
            (None, none_text or QCoreApplication.translate("Inspector", "(all personas)"))
        ]
        options += [
            (p.id, p.name or QCoreApplication.translate("Inspector", "(unnamed persona)"))
            for p in self.document.project.personas
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
        table = _Table(
            headers,
            on_add,
            on_remove,
            QCoreApplication.translate("Inspector", "Add"),
            QCoreApplication.translate("Inspector", "Remove"),
        )
        table.table.setAccessibleName(title)
        self.form.addRow(table)
        return table
