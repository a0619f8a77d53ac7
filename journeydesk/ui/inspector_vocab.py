"""The project's score definitions and open vocabularies, as tables in the
project form of the inspector.

Scores: ``impact`` and ``effort`` are built in; a project may relabel them or
change their range (an entry with the same key in ``score_definitions``, which
Reset removes) and add its own. Removing a score also removes its value from
every card, as one undo step: a card may only hold scores the project defines
(``model/checks.py``), and undo brings every value back. A range that would
leave a card's score outside it is refused, with the reason under the table.

Vocabularies (DESIGN.md rule 6): every built-in entry is listed and may be
relabelled, recoloured or given another icon (the project then holds an entry
with the built-in key, which Reset removes); the project's own entries are
added from a name (the key is derived from it once and never changes) and
removed without touching what uses them: a card whose channel nobody defines
keeps it and shows it as written, like a value written by a newer version.
Values in use that nobody defines are listed, read-only, as "(unknown)".
Only what the map draws is offered (colours of channels and card kinds,
icons of channels); other attributes a file holds are kept as they are.

Every edit is one named command (``Rename channel 'Website'``); the tables
are built again from the model after it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.layout import icons
from journeydesk.model import Project, ScoreDefinition, VocabularyEntry
from journeydesk.model.base import MAX_NAME
from journeydesk.model.project import BUILT_IN_SCORES
from journeydesk.model.vocab import BUILT_IN, Term

from .inspector_table import RecordTable, number_text, parse_number

VOCABULARY_NAMES = (
    "channels",
    "card_kinds",
    "lane_kinds",
    "evidence_methods",
    "connection_kinds",
    "statuses",
)
DRAWN_COLOUR = frozenset({"channels", "card_kinds"})
"""Vocabularies whose colour the map draws (a channel's icon, a card's fill)."""
DRAWN_ICON = frozenset({"channels"})
"""Vocabularies whose icon the map draws."""


# --- pure helpers ------------------------------------------------------------


def content_language(project: Project) -> str:
    """The language tag labels are written under: the project's, without region."""
    return project.language.split("-", 1)[0].lower() or "en"


def label_languages(project: Project) -> list[str]:
    """The label columns: English, Italian, and the project's language."""
    languages = ["en", "it"]
    own = content_language(project)
    if own not in languages:
        languages.append(own)
    return languages


def derive_key(label: str, taken: Collection[str], fallback: str) -> str:
    """A key for a new entry named ``label``: lower-case ASCII words joined by
    underscores (accents dropped), unique among ``taken``."""
    text = unicodedata.normalize("NFKD", label)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    key = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40].strip("_") or fallback
    candidate, n = key, 2
    while candidate in taken:
        candidate = f"{key}_{n}"
        n += 1
    return candidate


def values_in_use(project: Project, vocabulary: str) -> Counter[str]:
    """How many times each value of ``vocabulary`` is used in the project."""
    uses: Counter[str] = Counter()

    def count(values: Iterable[str | None]) -> None:
        uses.update(v for v in values if v)

    for jmap in project.maps:
        if vocabulary == "channels":
            count(c.channel for c in jmap.cards)
        elif vocabulary == "card_kinds":
            count(c.kind for c in jmap.cards)
            count(lane.default_card_kind for lane in jmap.lanes)
        elif vocabulary == "lane_kinds":
            count(lane.kind for lane in jmap.lanes)
        elif vocabulary == "evidence_methods":
            count(e.method for c in jmap.cards for e in c.evidence)
        elif vocabulary == "connection_kinds":
            count(c.kind for c in jmap.connections)
        elif vocabulary == "statuses":
            count(c.status for c in jmap.cards)
    if vocabulary == "lane_kinds":
        for profile in project.export_profiles:
            count(profile.hide_lane_kinds)
    return uses


def score_values(project: Project, key: str) -> list[float]:
    """Every card's value of the score ``key``."""
    return [c.scores[key] for m in project.maps for c in m.cards if key in c.scores]


def swatch(colour: str | None, size: int = 14) -> QIcon:
    """A small square of ``colour`` (an empty frame for none)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#6b7280"), 1))
    if colour:
        painter.setBrush(QColor(colour))
    painter.drawRect(QRectF(0.5, 0.5, size - 1, size - 1))
    painter.end()
    return QIcon(pixmap)


_ICONS: dict[tuple[str | None, str], QIcon] = {}


def icon_image(name: str | None, colour: str | None) -> QIcon:
    """The built-in icon ``name`` drawn as the map draws it (a dot when unknown)."""
    key = (name, colour or "#374151")
    found = _ICONS.get(key)
    if found is None:
        from journeydesk.render.qpainter import draw

        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(2, 2)
        draw(painter, icons.icon(name, 1, 1, 14, key[1]))
        painter.end()
        found = _ICONS[key] = QIcon(pixmap)
    return found


# --- shared by both editors ----------------------------------------------------


class _Editor(QWidget):
    """A table editing a list held by the project, through the document."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.project = document.project
        self.languages = label_languages(self.project)
        self.table: RecordTable | None = None

    def language_header(self, language: str) -> str:
        names = {"en": self.tr("English"), "it": self.tr("Italian")}
        return names.get(language) or self.tr("Label (%1)").replace("%1", language)

    def refuse(self, text: str, row: int = -1, col: int = -1, shown: str = "") -> None:
        """Say why an edit is refused, and put the cell back as it was."""
        assert self.table is not None
        if row >= 0:
            self.table.set_text(row, col, shown)
        self.table.show_problem(text)

    @staticmethod
    def named(template: str, name: str) -> str:
        return template.replace("%1", f"'{name}'" if name else "")


# --- scores ----------------------------------------------------------------------


@dataclass
class _ScoreRow:
    key: str
    built_in: ScoreDefinition | None
    own: ScoreDefinition | None
    index: int
    """Index of ``own`` in the project's score_definitions (-1: none)."""

    @property
    def definition(self) -> ScoreDefinition:
        found = self.own or self.built_in
        assert found is not None
        return found


class ScoresEditor(_Editor):
    """Score definitions: key, label per language, range."""

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.new_name = QLineEdit()
        self.new_name.setMaxLength(MAX_NAME)
        self.new_name.setPlaceholderText(self.tr("New score…"))
        self.new_name.setAccessibleName(self.tr("Name of a new score"))
        headers = [self.tr("Key")] + [self.language_header(lang) for lang in self.languages]
        headers += [self.tr("Min"), self.tr("Max")]
        table = RecordTable(
            headers,
            self._add,
            self._remove,
            self.tr("Add"),
            self.tr("Remove"),
            self.new_name,
            self._row_state,
        )
        self.table = table
        table.table.setAccessibleName(self.tr("Scores"))
        layout.addWidget(table)
        self.rows = self._rows()
        self.row_at: dict[int, _ScoreRow] = {}
        self._min_col = 1 + len(self.languages)
        sections = ((True, self.tr("Built in")), (False, self.tr("This project's")))
        for built_in, title in sections:
            rows = [r for r in self.rows if (r.built_in is not None) == built_in]
            if rows:
                table.section_row(title)
            for row in rows:
                n = table.add_row()
                self.row_at[n] = row
                self._fill(n, row)
        table.table.resizeColumnsToContents()

    def _rows(self) -> list[_ScoreRow]:
        own = {d.key: (i, d) for i, d in enumerate(self.project.score_definitions)}
        rows = []
        for d in BUILT_IN_SCORES:
            index, mine = own.get(d.key, (-1, None))
            rows.append(_ScoreRow(d.key, d, mine, index))
        built = {d.key for d in BUILT_IN_SCORES}
        for i, d in enumerate(self.project.score_definitions):
            if d.key not in built and own[d.key][0] == i:
                rows.append(_ScoreRow(d.key, None, d, i))
        return rows

    def name_of(self, row: _ScoreRow) -> str:
        label = row.definition.label
        return label.get(content_language(self.project)) or label.get("en") or row.key

    def _fill(self, n: int, row: _ScoreRow) -> None:
        assert self.table is not None
        key = row.key
        if row.built_in is not None and row.own is not None:
            key += " " + self.tr("(changed)")
        uses = len(score_values(self.project, row.key))
        tip = self.tr("Given on %1 card(s)").replace("%1", str(uses))
        self.table.text_cell(n, 0, key, None, tip)
        for col, lang in enumerate(self.languages, start=1):
            self.table.text_cell(
                n,
                col,
                row.definition.label.get(lang, ""),
                partial(self._set_label, row, lang, n, col),
            )
        for col, which in ((self._min_col, "min"), (self._min_col + 1, "max")):
            self.table.text_cell(
                n,
                col,
                number_text(getattr(row.definition, which)),
                partial(self._set_range, row, which, n, col),
            )

    def _row_state(self, n: int) -> tuple[bool, str, str]:
        row = self.row_at.get(n)
        if row is None:
            return (False, self.tr("Remove"), "")
        if row.built_in is not None and row.own is None:
            return (
                False,
                self.tr("Remove"),
                self.tr("Built-in scores can be relabelled, not removed"),
            )
        if row.built_in is not None:
            return (True, self.tr("Reset"), self.tr("Back to the built-in labels and range"))
        uses = len(score_values(self.project, row.key))
        return (
            True,
            self.tr("Remove"),
            self.tr("Removes the score and its value on %1 card(s); Undo brings them back").replace(
                "%1", str(uses)
            ),
        )

    # --- edits ---------------------------------------------------------

    def _replaced(self, row: _ScoreRow, definition: ScoreDefinition) -> list[ScoreDefinition]:
        defs = list(self.project.score_definitions)
        if row.index >= 0:
            defs[row.index] = definition
        else:
            defs.append(definition)
        return defs

    def _push_defs(self, defs: list[ScoreDefinition], text: str) -> None:
        verbs.set_field(self.document, self.project.id, "score_definitions", defs, text, False)

    def _validated(self, data: dict[str, Any]) -> ScoreDefinition | None:
        try:
            return ScoreDefinition.model_validate(data)
        except ValidationError as exc:
            self.refuse(
                self.tr("Not a valid score: %1").replace(
                    "%1", "; ".join(str(e["msg"]) for e in exc.errors())
                )
            )
            return None

    def _set_label(self, row: _ScoreRow, lang: str, n: int, col: int, text: str) -> None:
        labels = dict(row.definition.label)
        text = " ".join(text.split())[:MAX_NAME]
        if text:
            labels[lang] = text
        else:
            labels.pop(lang, None)
        if labels == row.definition.label:
            return
        data = row.definition.model_dump()
        data["label"] = labels
        definition = self._validated(data)
        if definition is not None:
            title = self.named(self.tr("Rename score %1"), self.name_of(row))
            self._push_defs(self._replaced(row, definition), title)

    def _out_of_range(self, key: str, lo: float, hi: float) -> str:
        """Why cards forbid the range ``lo``..``hi`` for ``key`` ("" when they don't)."""
        values = score_values(self.project, key)
        if all(lo <= v <= hi for v in values):
            return ""
        return (
            self.tr(
                "Cards already give this score values from %1 to %2; the range must include them."
            )
            .replace("%1", number_text(min(values)))
            .replace("%2", number_text(max(values)))
        )

    def _set_range(self, row: _ScoreRow, which: str, n: int, col: int, text: str) -> None:
        shown = number_text(getattr(row.definition, which))
        value = parse_number(text)
        if value is None:
            self.refuse(self.tr("“%1” is not a number.").replace("%1", text[:40]), n, col, shown)
            return
        if value == getattr(row.definition, which):
            self.refuse("", n, col, shown)  # "5.0" for 5: show it as the model holds it
            return
        lo = value if which == "min" else row.definition.min
        hi = value if which == "max" else row.definition.max
        if not lo < hi:
            self.refuse(
                self.tr("The minimum (%1) must be below the maximum (%2).")
                .replace("%1", number_text(lo))
                .replace("%2", number_text(hi)),
                n,
                col,
                shown,
            )
            return
        why = self._out_of_range(row.key, lo, hi)
        if why:
            self.refuse(why, n, col, shown)
            return
        data = row.definition.model_dump()
        data[which] = value
        definition = self._validated(data)
        if definition is not None:
            title = self.named(self.tr("Change range of score %1"), self.name_of(row))
            self._push_defs(self._replaced(row, definition), title)

    def _add(self) -> None:
        name = " ".join(self.new_name.text().split())[:MAX_NAME]
        if not name:
            return
        taken = set(self.project.scores())
        taken |= {k for m in self.project.maps for c in m.cards for k in c.scores}
        key = derive_key(name, taken, "score")
        definition = ScoreDefinition(key=key, label={content_language(self.project): name})
        defs = [*self.project.score_definitions, definition]
        self._push_defs(defs, self.named(self.tr("Add score %1"), name))

    def _remove(self, n: int) -> None:
        row = self.row_at.get(n)
        if row is None or row.own is None:
            return
        defs = [d for i, d in enumerate(self.project.score_definitions) if i != row.index]
        name = self.name_of(row)
        if row.built_in is not None:
            why = self._out_of_range(row.key, row.built_in.min, row.built_in.max)
            if why:
                self.refuse(why)
                return
            self._push_defs(defs, self.named(self.tr("Reset score %1"), name))
            return
        changes: list[tuple[str, str, Any]] = []
        for jmap in self.project.maps:
            for card in jmap.cards:
                if row.key in card.scores:
                    kept = {k: v for k, v in card.scores.items() if k != row.key}
                    changes.append((card.id, "scores", kept))
        changes.append((self.project.id, "score_definitions", defs))
        verbs.set_fields(self.document, changes, self.named(self.tr("Remove score %1"), name))


# --- vocabularies ------------------------------------------------------------------


@dataclass
class _VocabRow:
    key: str
    term: Term | None
    """The built-in entry with this key, if any."""
    entry: VocabularyEntry | None
    """The project's entry with this key, if any."""
    index: int
    """Index of ``entry`` in the project's list (-1: none)."""
    uses: int

    @property
    def unknown(self) -> bool:
        return self.term is None and self.entry is None

    @property
    def origin(self) -> str:
        if self.term is not None:
            return "built_in"
        return "unknown" if self.entry is None else "project"

    def label(self, lang: str) -> str:
        if self.entry is not None:
            return self.entry.label.get(lang, "")
        return self.term.labels.get(lang, "") if self.term is not None else ""

    @property
    def colour(self) -> str | None:
        own = self.entry.colour if self.entry is not None else None
        return own or (self.term.colour if self.term is not None else None)

    @property
    def icon(self) -> str | None:
        own = self.entry.icon if self.entry is not None else None
        return own or (self.term.icon if self.term is not None else None)


class VocabulariesEditor(_Editor):
    """One vocabulary at a time, chosen above its table."""

    def __init__(
        self,
        document: Document,
        vocabulary: str,
        on_choose: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(document)
        self.vocabulary = vocabulary if vocabulary in VOCABULARY_NAMES else "channels"
        self._on_choose = on_choose
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Vocabulary"))
        for name in VOCABULARY_NAMES:
            self.chooser.addItem(self.title(name), name)
        self.chooser.setCurrentIndex(VOCABULARY_NAMES.index(self.vocabulary))
        self.chooser.currentIndexChanged.connect(
            lambda i: self.choose(str(self.chooser.itemData(i)))
        )
        self._layout.addWidget(self.chooser)
        self.rows: list[_VocabRow] = []
        self._fill()

    # --- names ---------------------------------------------------------

    def title(self, vocabulary: str) -> str:
        return {
            "channels": self.tr("Channels"),
            "card_kinds": self.tr("Card kinds"),
            "lane_kinds": self.tr("Lane kinds"),
            "evidence_methods": self.tr("Evidence methods"),
            "connection_kinds": self.tr("Connection kinds"),
            "statuses": self.tr("Statuses"),
        }[vocabulary]

    def entry_name(self) -> str:
        """One entry of the vocabulary shown, in the words of undo texts."""
        return {
            "channels": self.tr("channel"),
            "card_kinds": self.tr("card kind"),
            "lane_kinds": self.tr("lane kind"),
            "evidence_methods": self.tr("evidence method"),
            "connection_kinds": self.tr("connection kind"),
            "statuses": self.tr("status"),
        }[self.vocabulary]

    def name_of(self, row: _VocabRow) -> str:
        lang = content_language(self.project)
        return row.label(lang) or row.label("en") or row.key

    def _text(self, template: str, row_or_name: _VocabRow | str) -> str:
        name = row_or_name if isinstance(row_or_name, str) else self.name_of(row_or_name)
        return template.replace("%1", self.entry_name()).replace("%2", f"'{name}'")

    # --- the table -----------------------------------------------------

    def choose(self, vocabulary: str) -> None:
        if vocabulary == self.vocabulary or vocabulary not in VOCABULARY_NAMES:
            return
        self.vocabulary = vocabulary
        self.chooser.blockSignals(True)
        self.chooser.setCurrentIndex(VOCABULARY_NAMES.index(vocabulary))
        self.chooser.blockSignals(False)
        self._fill()
        if self._on_choose is not None:
            self._on_choose(vocabulary)

    def _rows(self) -> list[_VocabRow]:
        own_list: list[VocabularyEntry] = getattr(self.project.vocabularies, self.vocabulary)
        own: dict[str, tuple[int, VocabularyEntry]] = {}
        for i, e in enumerate(own_list):
            own.setdefault(e.key, (i, e))  # the first wins, as the map shows it
        uses = values_in_use(self.project, self.vocabulary)
        rows = []
        built = BUILT_IN[self.vocabulary]
        for term in built:
            index, entry = own.get(term.key, (-1, None))
            rows.append(_VocabRow(term.key, term, entry, index, uses[term.key]))
        keys = {t.key for t in built}
        for key, (index, entry) in own.items():
            if key not in keys:
                rows.append(_VocabRow(key, None, entry, index, uses[key]))
                keys.add(key)
        for key in sorted(k for k in uses if k not in keys):
            rows.append(_VocabRow(key, None, None, -1, uses[key]))
        return rows

    def _fill(self) -> None:
        if self.table is not None:
            self._layout.removeWidget(self.table)
            self.table.hide()
            self.table.deleteLater()
        self.rows = self._rows()
        self.new_name = QLineEdit()
        self.new_name.setMaxLength(MAX_NAME)
        self.new_name.setPlaceholderText(self.tr("New %1…").replace("%1", self.entry_name()))
        self.new_name.setAccessibleName(
            self.tr("Name of a new %1").replace("%1", self.entry_name())
        )
        headers = [self.tr("Key")] + [self.language_header(lang) for lang in self.languages]
        self._colour_col = self._icon_col = -1
        if self.vocabulary in DRAWN_COLOUR:
            self._colour_col = len(headers)
            headers.append(self.tr("Colour"))
        if self.vocabulary in DRAWN_ICON:
            self._icon_col = len(headers)
            headers.append(self.tr("Icon"))
        table = RecordTable(
            headers,
            self._add,
            self._remove,
            self.tr("Add"),
            self.tr("Remove"),
            self.new_name,
            self._row_state,
        )
        self.table = table
        table.table.setAccessibleName(self.title(self.vocabulary))
        self.row_at: dict[int, _VocabRow] = {}
        sections = (
            ("built_in", self.tr("Built in")),
            ("project", self.tr("This project's")),
            ("unknown", self.tr("In use, not defined (unknown)")),
        )
        for origin, title in sections:
            rows = [r for r in self.rows if r.origin == origin]
            if rows:
                table.section_row(title)
            for row in rows:
                n = table.add_row()
                self.row_at[n] = row
                self._fill_row(n, row)
        table.table.resizeColumnsToContents()
        self._layout.addWidget(table)

    def _fill_row(self, n: int, row: _VocabRow) -> None:
        assert self.table is not None
        key = row.key
        if row.term is not None and row.entry is not None:
            key += " " + self.tr("(changed)")
        elif row.unknown:
            key += " " + self.tr("(unknown)")
        tip = (
            self.tr("Used %1 time(s) in this project").replace("%1", str(row.uses))
            if row.uses
            else self.tr("Not used in this project")
        )
        if row.unknown:
            tip += "\n" + self.tr(
                "Nobody defines this value (another version wrote it, or it was typed in): "
                "it is kept and shown as written."
            )
        self.table.text_cell(n, 0, key, None, tip)
        for col, lang in enumerate(self.languages, start=1):
            commit = None if row.unknown else partial(self._set_label, row, lang, n, col)
            self.table.text_cell(n, col, row.label(lang), commit)
        if self._colour_col >= 0:
            self.table.widget_cell(n, self._colour_col, self._colour_button(row))
        if self._icon_col >= 0:
            self.table.combo_cell(n, self._icon_col, self._icon_combo(row))

    def _colour_button(self, row: _VocabRow) -> QWidget:
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        colour = row.colour
        button.setIcon(swatch(colour))
        button.setText(colour or self.tr("default"))
        name = self.name_of(row)
        button.setAccessibleName(self.tr("Colour of %1").replace("%1", name))
        button.setEnabled(not row.unknown)
        if row.unknown:
            return button
        button.setToolTip(self.tr("Choose a colour"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.clicked.connect(lambda: self.choose_colour(row))
        menu = QMenu(button)
        menu.addAction(self.tr("Choose…"), lambda: self.choose_colour(row))
        default = menu.addAction(self.tr("Default colour"), lambda: self.set_colour(row, None))
        default.setEnabled(row.entry is not None and row.entry.colour is not None)
        button.setMenu(menu)
        return button

    def _icon_combo(self, row: _VocabRow) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Icon of %1").replace("%1", self.name_of(row)))
        colour = row.colour
        default = row.term.icon if row.term is not None else None
        combo.addItem(icon_image(default, colour), self.tr("(default)"), None)
        for name in sorted(icons.ICONS):
            combo.addItem(icon_image(name, colour), name, name)
        current = row.entry.icon if row.entry is not None else None
        if combo.findData(current) < 0:
            combo.addItem(icon_image(current, colour), str(current), current)  # kept as written
        combo.setCurrentIndex(combo.findData(current))
        combo.setEnabled(not row.unknown)
        combo.currentIndexChanged.connect(
            lambda i: self._update(
                row, self._text(self.tr("Change icon of %1 %2"), row), icon=combo.itemData(i)
            )
        )
        return combo

    def _row_state(self, n: int) -> tuple[bool, str, str]:
        row = self.row_at.get(n)
        if row is None:
            return (False, self.tr("Remove"), "")
        if row.unknown:
            return (
                False,
                self.tr("Remove"),
                self.tr("Not defined in this project: there is nothing to remove"),
            )
        if row.term is not None and row.entry is None:
            return (False, self.tr("Remove"), self.tr("Built-in entries cannot be removed"))
        if row.term is not None:
            return (True, self.tr("Reset"), self.tr("Back to the built-in label, colour and icon"))
        tip = self.tr("Remove this entry")
        if row.uses:
            tip = (
                self.tr("Used %1 time(s): what uses it keeps the value “%2”, shown as unknown")
                .replace("%1", str(row.uses))
                .replace("%2", row.key)
            )
        return (True, self.tr("Remove"), tip)

    # --- edits ---------------------------------------------------------

    def _push_entries(self, entries: list[VocabularyEntry], text: str) -> None:
        vocabularies = self.project.vocabularies.model_copy(update={self.vocabulary: entries})
        verbs.set_field(self.document, self.project.id, "vocabularies", vocabularies, text, False)

    def _update(
        self, row: _VocabRow, text: str, cell: tuple[int, int, str] | None = None, **changes: Any
    ) -> None:
        """Change the project's entry for ``row`` (made from the built-in one if
        there is none yet); refused when the model would not accept it (the
        edited ``cell`` then shows its old text again)."""
        if row.unknown:
            return
        if row.entry is not None:
            data = row.entry.model_dump()
        else:
            assert row.term is not None
            data = {"key": row.key, "label": dict(row.term.labels)}
        data.update(changes)
        try:
            entry = VocabularyEntry.model_validate(data)
        except ValidationError as exc:
            self.refuse(
                self.tr("Not accepted: %1").replace(
                    "%1", "; ".join(str(e["msg"]) for e in exc.errors())
                ),
                *(cell or (-1, -1, "")),
            )
            return
        if row.entry is not None and entry == row.entry:
            return
        entries = list(getattr(self.project.vocabularies, self.vocabulary))
        if row.index >= 0:
            entries[row.index] = entry
        else:
            entries.append(entry)
        self._push_entries(entries, text)

    def _set_label(self, row: _VocabRow, lang: str, n: int, col: int, text: str) -> None:
        before = dict(row.entry.label if row.entry is not None else row.term.labels)  # type: ignore[union-attr]
        labels = dict(before)
        text = " ".join(text.split())[:MAX_NAME]
        if text:
            labels[lang] = text
        else:
            labels.pop(lang, None)
        if labels == before:
            self.refuse("", n, col, row.label(lang))  # show it as the model holds it
            return
        title = self._text(self.tr("Rename %1 %2"), row)
        self._update(row, title, (n, col, row.label(lang)), label=labels)

    def choose_colour(self, row: _VocabRow) -> None:
        current = QColor(row.colour or "#ffffff")
        chosen = QColorDialog.getColor(current, self, self.tr("Colour"))
        if chosen.isValid():
            self.set_colour(row, chosen.name().lower())

    def set_colour(self, row: _VocabRow, colour: str | None) -> None:
        self._update(row, self._text(self.tr("Change colour of %1 %2"), row), colour=colour)

    def _add(self) -> None:
        name = " ".join(self.new_name.text().split())[:MAX_NAME]
        if not name:
            return
        taken = {r.key for r in self.rows}
        key = derive_key(name, taken, "entry")
        entry = VocabularyEntry(key=key, label={content_language(self.project): name})
        entries = [*getattr(self.project.vocabularies, self.vocabulary), entry]
        self._push_entries(entries, self._text(self.tr("Add %1 %2"), name))

    def _remove(self, n: int) -> None:
        row = self.row_at.get(n)
        if row is None or row.entry is None:
            return
        entries = [
            e
            for i, e in enumerate(getattr(self.project.vocabularies, self.vocabulary))
            if i != row.index
        ]
        template = self.tr("Reset %1 %2") if row.term is not None else self.tr("Remove %1 %2")
        self._push_entries(entries, self._text(template, row))
