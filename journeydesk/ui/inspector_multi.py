"""The inspector's form for several selected elements.

Elements of one kind show the fields they share: a choice whose values differ
shows "(mixed)", a text field shows "(mixed)" as its placeholder, a tick box
is partly ticked. Setting a value sets it on every selected element, as one
undo step named for all of them ("Set channel of 3 cards"). Tags and owners
are added to and taken from every card, leaving alone those only some cards
have. A selection of several kinds shows how many of each.

Which fields show comes from the field specs (``inspector_specs``, the rows
marked ``multi``), the table the single-selection form is built from too.
The form never writes the model: it calls the verbs, and ``refresh`` shows
the model again after any change (keeping the widgets, and so the focus).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.document.language import shown_language
from journeydesk.model import (
    Card,
    Connection,
    CurvePoint,
    EmotionCurve,
    Evidence,
    JourneyMap,
    Lane,
    MetricDefinition,
    Owner,
    Persona,
    Separator,
    Source,
    Stage,
    Step,
    Team,
)

from .inspector_specs import Hook, Row, multi_rows, option_list, vocab_options

MIXED = "\x00mixed"
"""The data of the "(mixed)" entry of a choice: no value of the model's."""
COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
Options = list[tuple[Any, str]]


def parse_tags(text: str) -> list[str]:
    return list(dict.fromkeys(t.strip()[:100] for t in text.split(",") if t.strip()))


def common_tags(tag_lists: list[list[str]]) -> list[str]:
    """The tags every list has, in the order of the first."""
    if not tag_lists:
        return []
    rest = [set(t) for t in tag_lists[1:]]
    return [t for t in tag_lists[0] if all(t in s for s in rest)]


class MultiSelectionForm(QWidget):
    """Fields shared by several selected elements."""

    def __init__(self, document: Document, ids: list[str]) -> None:
        super().__init__()
        self.document = document
        self.ids = list(ids)
        self._refreshers: list[Callable[[], None]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        kinds = Counter(type(e) for e in self.elements())
        self.kind = next(iter(kinds)) if len(kinds) == 1 else None
        """The one type of every selected element, or None for a mixed selection."""
        if self.kind is None:
            counts = QLabel(", ".join(self.count_text(t, n) for t, n in kinds.most_common()))
            counts.setObjectName("counts")
            counts.setTextFormat(Qt.TextFormat.PlainText)
            counts.setWordWrap(True)
            counts.setAccessibleName(self.tr("Selected items"))
            self.form.addRow(counts)
            self._note(self.tr("Select items of one kind to edit what they share."))
        elif multi_rows(self.kind):
            self._build(multi_rows(self.kind))
        else:
            self._note(self.tr("Select one of them to edit its properties."))
        self.refresh()

    # --- the selection ------------------------------------------------------

    def elements(self) -> list[Any]:
        found = []
        for i in self.ids:
            try:
                found.append(self.document.element(i))
            except KeyError:
                continue
        return found

    def count_text(self, kind: type | None, n: int) -> str:
        """ "3 cards", "1 lane": in the words of the user interface."""
        names: dict[type, tuple[str, str]] = {
            Card: (self.tr("%1 card"), self.tr("%1 cards")),
            Lane: (self.tr("%1 lane"), self.tr("%1 lanes")),
            Stage: (self.tr("%1 stage"), self.tr("%1 stages")),
            Step: (self.tr("%1 step"), self.tr("%1 steps")),
            Connection: (self.tr("%1 connection"), self.tr("%1 connections")),
            CurvePoint: (self.tr("%1 emotion point"), self.tr("%1 emotion points")),
            EmotionCurve: (self.tr("%1 emotion curve"), self.tr("%1 emotion curves")),
            Separator: (self.tr("%1 separator"), self.tr("%1 separators")),
            Persona: (self.tr("%1 persona"), self.tr("%1 personas")),
            JourneyMap: (self.tr("%1 map"), self.tr("%1 maps")),
            Team: (self.tr("%1 team"), self.tr("%1 teams")),
            Source: (self.tr("%1 source"), self.tr("%1 sources")),
            MetricDefinition: (self.tr("%1 metric"), self.tr("%1 metrics")),
            Evidence: (self.tr("%1 evidence"), self.tr("%1 evidence items")),
        }
        one, many = names.get(kind, (self.tr("%1 item"), self.tr("%1 items")))  # type: ignore[arg-type]
        return (one if n == 1 else many).replace("%1", str(n))

    def heading(self) -> str:
        return self.count_text(self.kind, len(self.ids))

    def _note(self, text: str) -> None:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(note)

    # --- commands -------------------------------------------------------------

    def apply(self, field: str, label: str, value_for: Callable[[Any], Any]) -> None:
        """Set ``field`` of every selected element to ``value_for(element)``, as
        one undo step; nothing when no element changes."""
        elements = self.elements()
        changes = [
            (e.id, field, value_for(e)) for e in elements if getattr(e, field) != value_for(e)
        ]
        if not changes:
            return
        text = (
            self.tr("Set %1 of %2")
            .replace("%1", label.lower())
            .replace("%2", self.count_text(self.kind, len(elements)))
        )
        verbs.set_fields(self.document, changes, text)

    def _describe(self, widget: QWidget, label: str) -> None:
        widget.setAccessibleName(label)
        widget.setAccessibleDescription(
            self.tr("Applies to all %1").replace("%1", self.count_text(self.kind, len(self.ids)))
        )

    # --- field builders -------------------------------------------------------

    def choice(self, field: str, label: str, options: Options) -> QComboBox:
        """A choice among ``options``; values nobody lists are shown as written."""
        combo = QComboBox()
        combo.setObjectName(f"field_{field}")
        self._describe(combo, label)
        for key, text in options:
            combo.addItem(text, key)

        def refresh() -> None:
            values = [getattr(e, field) for e in self.elements()]
            combo.blockSignals(True)
            try:
                mixed_at = combo.findData(MIXED)
                if len(set(map(repr, values))) > 1:
                    if mixed_at < 0:
                        combo.insertItem(0, self.tr("(mixed)"), MIXED)
                    for value in values:  # every value shown, even one nobody defines
                        if combo.findData(value) < 0:
                            combo.addItem(str(value), value)
                    combo.setCurrentIndex(combo.findData(MIXED))
                else:
                    if mixed_at >= 0:
                        combo.removeItem(mixed_at)
                    index = combo.findData(values[0]) if values else -1
                    if index < 0 and values:
                        combo.addItem(str(values[0]), values[0])
                        index = combo.count() - 1
                    combo.setCurrentIndex(index)
            finally:
                combo.blockSignals(False)

        def chosen(index: int) -> None:
            if index < 0:
                return  # nothing chosen (an emptied list), not "none"
            value = combo.itemData(index)
            if value != MIXED:
                self.apply(field, label, lambda _e: value)

        combo.currentIndexChanged.connect(chosen)
        self._refreshers.append(refresh)
        self.form.addRow(label, combo)
        return combo

    def check(self, field: str, label: str) -> QCheckBox:
        """A tick box, partly ticked while the elements differ."""
        box = QCheckBox()
        box.setObjectName(f"field_{field}")
        self._describe(box, label)

        def refresh() -> None:
            values = {bool(getattr(e, field)) for e in self.elements()}
            box.blockSignals(True)
            if len(values) > 1:
                box.setTristate(True)
                box.setCheckState(Qt.CheckState.PartiallyChecked)
            else:
                box.setTristate(False)
                box.setChecked(values == {True})
            box.blockSignals(False)

        def clicked() -> None:
            # From a partly ticked box a click ticks everything.
            on = box.checkState() != Qt.CheckState.Unchecked
            self.apply(field, label, lambda _e: on)

        box.clicked.connect(lambda _checked: clicked())
        self._refreshers.append(refresh)
        self.form.addRow(label, box)
        return box

    def colour(self, field: str, label: str) -> QLineEdit:
        """A colour as #rrggbb, typed or picked; empty: the default colour."""
        edit = QLineEdit()
        edit.setObjectName(f"field_{field}")
        self._describe(edit, label)
        valid = QRegularExpression(COLOUR_PATTERN)
        mixed = [False]

        def refresh() -> None:
            if edit.hasFocus() and edit.isModified():
                return  # being typed in: the model is shown again when it is done
            values = {getattr(e, field) for e in self.elements()}
            mixed[0] = len(values) > 1
            edit.setText("" if mixed[0] else (next(iter(values), None) or ""))
            edit.setPlaceholderText(self.tr("(mixed)") if mixed[0] else self.tr("default"))

        def finished() -> None:
            edit.setModified(False)
            text = edit.text().strip()
            if not text:
                if not mixed[0]:
                    self.apply(field, label, lambda _e: None)
            elif valid.match(text).hasMatch():
                self.apply(field, label, lambda _e: text.lower())
            else:
                refresh()  # not a colour: show the model's again

        def choose() -> None:
            current = QColor(edit.text()) if edit.text() else QColor("#ffffff")
            chosen = QColorDialog.getColor(current, self, label)
            if chosen.isValid():
                self.apply(field, label, lambda _e: chosen.name().lower())

        edit.editingFinished.connect(finished)
        pick = QToolButton()
        pick.setText("…")
        pick.setToolTip(self.tr("Choose a colour"))
        pick.setAccessibleName(self.tr("Choose a colour"))
        pick.clicked.connect(choose)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(pick)
        self._refreshers.append(refresh)
        self.form.addRow(label, holder)
        return edit

    def tags(self, label: str) -> QLineEdit:
        """The tags every card has; a tag added here goes to every card, one
        removed leaves every card; tags only some cards have stay."""
        edit = QLineEdit()
        edit.setObjectName("field_tags")
        self._describe(edit, label)
        edit.setToolTip(
            self.tr(
                "Tags all selected cards have, separated by commas. A tag added here "
                "is added to each of them, one removed is removed from each; tags only "
                "some of them have are kept."
            )
        )
        shown: list[list[str]] = [[]]

        def refresh() -> None:
            if edit.hasFocus() and edit.isModified():
                return  # being typed in: the model is shown again when it is done
            lists = [list(e.tags) for e in self.elements()]
            shown[0] = common_tags(lists)
            edit.setText(", ".join(shown[0]))
            some = any(set(t) - set(shown[0]) for t in lists)
            edit.setPlaceholderText(self.tr("(mixed)") if some else "")

        def finished() -> None:
            edit.setModified(False)
            wanted = parse_tags(edit.text())
            removed = set(shown[0]) - set(wanted)
            added = [t for t in wanted if t not in shown[0]]

            def tags_of(card: Any) -> list[str]:
                kept = [t for t in card.tags if t not in removed]
                return kept + [t for t in added if t not in kept]

            self.apply("tags", label, tags_of)

        edit.editingFinished.connect(finished)
        self._refreshers.append(refresh)
        self.form.addRow(label, edit)
        return edit

    def owners(self, label: str) -> None:
        """Which teams own the cards; a team added to or taken from all of them."""
        project = self.document.project
        summary = QLabel()
        summary.setObjectName("field_owners")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self._describe(summary, label)
        teams = QComboBox()
        teams.setAccessibleName(self.tr("Team"))
        for team in project.teams:
            teams.addItem(team.name or self.tr("(unnamed team)"), team.id)
        add = QPushButton(self.tr("Add to all"))
        add.setAccessibleName(self.tr("Add the team to all"))
        remove = QPushButton(self.tr("Remove from all"))
        remove.setAccessibleName(self.tr("Remove the team from all"))
        for widget in (teams, add, remove):
            widget.setEnabled(bool(project.teams))
        if not project.teams:
            teams.setToolTip(self.tr("Define teams in the project first"))
        names = {t.id: t.name or self.tr("(unnamed team)") for t in project.teams}

        def refresh() -> None:
            cards = self.elements()
            counts = Counter(t for c in cards for t in dict.fromkeys(o.team for o in c.owners))
            parts = [
                names.get(team, team)
                if n == len(cards)
                else self.tr("%1 (%2 of %3)")
                .replace("%1", names.get(team, team))
                .replace("%2", str(n))
                .replace("%3", str(len(cards)))
                for team, n in counts.items()
            ]
            summary.setText(", ".join(parts) or self.tr("(none)"))

        def text(template: str) -> str:
            return template.replace("%1", f"'{teams.currentText()}'").replace(
                "%2", self.count_text(Card, len(self.ids))
            )

        def set_owners(changes: list[tuple[str, str, Any]], title: str) -> None:
            if changes:
                verbs.set_fields(self.document, changes, title)

        def add_team() -> None:
            team = teams.currentData()
            changes: list[tuple[str, str, Any]] = [
                (c.id, "owners", [*c.owners, Owner(team=team)])
                for c in self.elements()
                if all(o.team != team for o in c.owners)
            ]
            set_owners(changes, text(self.tr("Add owner %1 to %2")))

        def remove_team() -> None:
            team = teams.currentData()
            changes: list[tuple[str, str, Any]] = [
                (c.id, "owners", [o for o in c.owners if o.team != team])
                for c in self.elements()
                if any(o.team == team for o in c.owners)
            ]
            set_owners(changes, text(self.tr("Remove owner %1 from %2")))

        add.clicked.connect(add_team)
        remove.clicked.connect(remove_team)
        self._refreshers.append(refresh)
        self.form.addRow(label, summary)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(teams, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.form.addRow("", holder)
        self.form.addRow("", _layout_widget(buttons))

    # --- the form, from the field specs ------------------------------------------

    def _build(self, rows: tuple[Row, ...]) -> None:
        """The rows the field specs mark ``multi``, set on every element at once."""
        project = self.document.project
        language = shown_language()
        for row in rows:
            if isinstance(row, Hook):
                getattr(self, row.name)(QCoreApplication.translate("Inspector", str(row.label)))
                continue
            label = row.label_text()
            if row.widget == "vocab":
                options = vocab_options(row.choices, project, language, row.optional)
                self.choice(row.field, label, options)
            elif row.widget == "choice":
                self.choice(row.field, label, option_list(row.choices, project, language))
            elif row.widget == "check":
                self.check(row.field, label)
            elif row.widget == "colour":
                self.colour(row.field, label)
            elif row.widget == "tags":
                self.tags(label)
            else:
                raise ValueError(f"no multi-selection widget for {row.widget}")

    def refresh(self) -> None:
        """Show the model again (after any change), keeping the widgets."""
        for refresh in self._refreshers:
            refresh()


def _layout_widget(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    holder.setLayout(layout)
    return holder
