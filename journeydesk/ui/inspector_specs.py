"""The inspector's field specs: for each element type, the fields it shows, in
order, and how: the widget kind, the label, the choices, and the verb that sets
the field. One table drives both the single-selection form (``inspector.py``)
and the multi-selection form (``inspector_multi.py``: the specs marked
``multi``), so a new field is one line here.

Rows that are more than one field (tables of owners, the KPIs, a map's
personas...) are ``Hook`` entries naming a builder of the inspector's.

Labels are English source texts in the ``Inspector`` translation context
(``QT_TRANSLATE_NOOP`` marks them for lupdate); ``label()`` gives them in the
user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journeydesk.document import verbs
from journeydesk.layout.labels import label as content_label
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import (
    Card,
    Connection,
    CurvePoint,
    EmotionCurve,
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
from journeydesk.model.vocab import BUILT_IN

Options = list[tuple[Any, str]]
Widget = Literal[
    "line", "text", "lines", "tags", "choice", "vocab", "check", "colour", "image", "date"
]
CONTEXT = "Inspector"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class FieldSpec:
    """One field of one element type in the inspector."""

    field: str
    widget: Widget
    label: Any
    """English source text (context ``Inspector``; a str: QT_TRANSLATE_NOOP's
    return is typed ``object``)."""
    choices: str = ""
    """For ``choice``: the name of an option list (``option_list``); for
    ``vocab``: the vocabulary (card_kinds, channels...)."""
    optional: bool = False
    """A ``vocab`` that may be empty: "(none)" is offered."""
    multi: bool = False
    """Shown in the multi-selection form too (set on every selected element)."""
    tip: Any = ""
    """A tooltip (English source text, context ``Inspector``)."""
    verb: Callable[..., Any] = verbs.set_field
    """The verb that sets the field of one element (the multi-selection form
    sets it on all of them in one step: ``verbs.set_fields``)."""

    def label_text(self) -> str:
        return tr(str(self.label))


@dataclass(frozen=True)
class Hook:
    """Rows a builder of the inspector makes (``_hook_<name>``, or a method of
    the inspector's extras for ``extras.<name>``)."""

    name: str
    multi: bool = False
    """Also in the multi-selection form (its method ``name`` builds it there)."""
    label: Any = ""
    """The rows' label where the multi-selection form shows them."""


Row = FieldSpec | Hook

SPECS: dict[type, tuple[Row, ...]] = {
    Project: (
        FieldSpec("title", "line", QT_TRANSLATE_NOOP("Inspector", "Title")),
        FieldSpec("description", "text", QT_TRANSLATE_NOOP("Inspector", "Description")),
        FieldSpec(
            "language",
            "choice",
            QT_TRANSLATE_NOOP("Inspector", "Content language"),
            "languages",
            tip=QT_TRANSLATE_NOOP(
                "Inspector",
                "The language the project is written in: the map and the exports use it",
            ),
        ),
        FieldSpec("authors", "lines", QT_TRANSLATE_NOOP("Inspector", "Authors")),
        Hook("extras.project_rows"),
        Hook("teams"),
        Hook("sources"),
        Hook("metrics"),
        Hook("scores_table"),
        Hook("vocabularies"),
    ),
    Persona: (
        FieldSpec("name", "line", QT_TRANSLATE_NOOP("Inspector", "Name")),
        FieldSpec("segment", "line", QT_TRANSLATE_NOOP("Inspector", "Segment")),
        FieldSpec("quote", "text", QT_TRANSLATE_NOOP("Inspector", "Quote")),
        FieldSpec("story", "text", QT_TRANSLATE_NOOP("Inspector", "Story")),
        FieldSpec("goals", "lines", QT_TRANSLATE_NOOP("Inspector", "Goals")),
        FieldSpec("needs", "lines", QT_TRANSLATE_NOOP("Inspector", "Needs")),
        FieldSpec("pains", "lines", QT_TRANSLATE_NOOP("Inspector", "Pains")),
        FieldSpec("jobs", "lines", QT_TRANSLATE_NOOP("Inspector", "Jobs to be done")),
        FieldSpec("behaviours", "lines", QT_TRANSLATE_NOOP("Inspector", "Behaviours")),
        FieldSpec("colour", "colour", QT_TRANSLATE_NOOP("Inspector", "Colour")),
        FieldSpec("photo", "image", QT_TRANSLATE_NOOP("Inspector", "Photo")),
    ),
    JourneyMap: (
        FieldSpec("name", "line", QT_TRANSLATE_NOOP("Inspector", "Name")),
        FieldSpec("type", "choice", QT_TRANSLATE_NOOP("Inspector", "Type"), "map_types"),
        FieldSpec("state", "choice", QT_TRANSLATE_NOOP("Inspector", "State"), "map_states"),
        FieldSpec("objective", "text", QT_TRANSLATE_NOOP("Inspector", "Objective")),
        FieldSpec("scenario", "text", QT_TRANSLATE_NOOP("Inspector", "Scenario")),
        FieldSpec(
            "owner",
            "line",
            QT_TRANSLATE_NOOP("Inspector", "Owner"),
            tip=QT_TRANSLATE_NOOP("Inspector", "Who answers for the map being true"),
        ),
        FieldSpec("reviewed", "date", QT_TRANSLATE_NOOP("Inspector", "Last reviewed")),
        FieldSpec(
            "review_by",
            "date",
            QT_TRANSLATE_NOOP("Inspector", "Review by"),
            tip=QT_TRANSLATE_NOOP(
                "Inspector", "After this date the map is listed as stale (YYYY-MM-DD)"
            ),
        ),
        Hook("based_on"),
        Hook("map_personas"),
        Hook("curves"),
    ),
    Stage: (
        FieldSpec("name", "line", QT_TRANSLATE_NOOP("Inspector", "Name")),
        FieldSpec("description", "text", QT_TRANSLATE_NOOP("Inspector", "Description")),
        FieldSpec("narration", "text", QT_TRANSLATE_NOOP("Inspector", "Narration")),
        Hook("kpis"),
    ),
    Step: (
        FieldSpec("name", "line", QT_TRANSLATE_NOOP("Inspector", "Name")),
        FieldSpec("description", "text", QT_TRANSLATE_NOOP("Inspector", "Description")),
    ),
    Lane: (
        FieldSpec("name", "line", QT_TRANSLATE_NOOP("Inspector", "Name")),
        FieldSpec(
            "kind", "vocab", QT_TRANSLATE_NOOP("Inspector", "Kind"), "lane_kinds", multi=True
        ),
        FieldSpec(
            "display",
            "choice",
            QT_TRANSLATE_NOOP("Inspector", "Display"),
            "lane_displays",
            multi=True,
        ),
        FieldSpec(
            "persona", "choice", QT_TRANSLATE_NOOP("Inspector", "Persona"), "personas", multi=True
        ),
        FieldSpec(
            "default_card_kind",
            "vocab",
            QT_TRANSLATE_NOOP("Inspector", "Default card kind"),
            "card_kinds",
            optional=True,
            multi=True,
        ),
        FieldSpec("collapsed", "check", QT_TRANSLATE_NOOP("Inspector", "Collapsed"), multi=True),
    ),
    Card: (
        FieldSpec("title", "line", QT_TRANSLATE_NOOP("Inspector", "Title")),
        FieldSpec("body", "text", QT_TRANSLATE_NOOP("Inspector", "Body")),
        FieldSpec(
            "kind", "vocab", QT_TRANSLATE_NOOP("Inspector", "Kind"), "card_kinds", multi=True
        ),
        FieldSpec(
            "channel",
            "vocab",
            QT_TRANSLATE_NOOP("Inspector", "Channel"),
            "channels",
            optional=True,
            multi=True,
        ),
        FieldSpec(
            "sentiment",
            "choice",
            QT_TRANSLATE_NOOP("Inspector", "Sentiment"),
            "sentiments",
            multi=True,
        ),
        FieldSpec(
            "status",
            "vocab",
            QT_TRANSLATE_NOOP("Inspector", "Status"),
            "statuses",
            optional=True,
            multi=True,
        ),
        FieldSpec("tags", "tags", QT_TRANSLATE_NOOP("Inspector", "Tags"), multi=True),
        FieldSpec("colour", "colour", QT_TRANSLATE_NOOP("Inspector", "Colour"), multi=True),
        FieldSpec("image", "image", QT_TRANSLATE_NOOP("Inspector", "Image")),
        Hook("scores"),
        Hook("owners", multi=True, label=QT_TRANSLATE_NOOP("Inspector", "Owners")),
        Hook("evidence"),
        Hook("extras.card_rows"),
    ),
    CurvePoint: (
        Hook("extras.point_curve"),
        Hook("score"),
        FieldSpec("emotion", "line", QT_TRANSLATE_NOOP("Inspector", "Emotion")),
        FieldSpec("label", "line", QT_TRANSLATE_NOOP("Inspector", "Label")),
        FieldSpec("note", "text", QT_TRANSLATE_NOOP("Inspector", "Note")),
    ),
    Connection: (
        FieldSpec(
            "kind", "vocab", QT_TRANSLATE_NOOP("Inspector", "Kind"), "connection_kinds", multi=True
        ),
        FieldSpec("label", "line", QT_TRANSLATE_NOOP("Inspector", "Label")),
    ),
    EmotionCurve: (
        FieldSpec("label", "line", QT_TRANSLATE_NOOP("Inspector", "Label")),
        FieldSpec(
            "persona", "choice", QT_TRANSLATE_NOOP("Inspector", "Persona"), "personas_or_none"
        ),
        FieldSpec("colour", "colour", QT_TRANSLATE_NOOP("Inspector", "Colour")),
        Hook("extras.curve_rows"),
    ),
    Separator: (
        FieldSpec("kind", "choice", QT_TRANSLATE_NOOP("Inspector", "Kind"), "separator_kinds"),
        FieldSpec("label", "line", QT_TRANSLATE_NOOP("Inspector", "Label")),
        Hook("extras.separator_rows"),
    ),
    Team: (
        FieldSpec("name", "line", QT_TRANSLATE_NOOP("Inspector", "Name")),
        FieldSpec("description", "text", QT_TRANSLATE_NOOP("Inspector", "Description")),
        FieldSpec("colour", "colour", QT_TRANSLATE_NOOP("Inspector", "Colour")),
    ),
    Source: (
        FieldSpec("title", "line", QT_TRANSLATE_NOOP("Inspector", "Title")),
        FieldSpec("reference", "text", QT_TRANSLATE_NOOP("Inspector", "Reference")),
        FieldSpec("note", "text", QT_TRANSLATE_NOOP("Inspector", "Note")),
        Hook("extras.source_rows"),
    ),
    MetricDefinition: (
        FieldSpec("name", "line", QT_TRANSLATE_NOOP("Inspector", "Name")),
        FieldSpec("unit", "line", QT_TRANSLATE_NOOP("Inspector", "Unit")),
        FieldSpec("description", "text", QT_TRANSLATE_NOOP("Inspector", "Description")),
    ),
}
"""The fields of each element type, in the order the forms show them."""


def verb_for(kind: type, field: str) -> Callable[..., Any]:
    """The verb that sets ``field`` of an element of ``kind`` (the spec's, else
    ``verbs.set_field``): called as ``verb(doc, id, field, value, text, merge)``."""
    for row in SPECS.get(kind, ()):
        if isinstance(row, FieldSpec) and row.field == field:
            return row.verb
    return verbs.set_field


def multi_rows(kind: type | None) -> tuple[Row, ...]:
    """The rows the multi-selection form shows for several elements of ``kind``."""
    return tuple(row for row in SPECS.get(kind, ()) if row.multi)  # type: ignore[arg-type]


def option_list(name: str, project: Project, language: str) -> Options:
    """The choices of a ``choice`` field, in the user's words."""
    if name == "languages":
        return [
            ("en", QCoreApplication.translate("Inspector", "English")),
            ("it", QCoreApplication.translate("Inspector", "Italian")),
        ]
    if name == "map_types":
        keys = ["journey", "day_in_the_life", "service_blueprint", "experience_map", "custom"]
        return [(k, content_label(k, language)) for k in keys]
    if name == "map_states":
        return [(k, content_label(k, language)) for k in ("current", "future", "ideal")]
    if name == "lane_displays":
        return [
            ("cards", QCoreApplication.translate("Inspector", "Cards")),
            ("curve", QCoreApplication.translate("Inspector", "Emotion curve")),
            ("images", QCoreApplication.translate("Inspector", "Images")),
            ("channel_grid", QCoreApplication.translate("Inspector", "Channel grid")),
        ]
    if name == "sentiments":
        return [
            (None, QCoreApplication.translate("Inspector", "(none)")),
            ("positive", QCoreApplication.translate("Inspector", "Positive")),
            ("neutral", QCoreApplication.translate("Inspector", "Neutral")),
            ("problematic", QCoreApplication.translate("Inspector", "Problematic")),
        ]
    if name == "separator_kinds":
        return [
            ("interaction", QCoreApplication.translate("Inspector", "Line of interaction")),
            ("visibility", QCoreApplication.translate("Inspector", "Line of visibility")),
            (
                "internal_interaction",
                QCoreApplication.translate("Inspector", "Line of internal interaction"),
            ),
            ("custom", QCoreApplication.translate("Inspector", "Custom")),
        ]
    if name in ("personas", "personas_or_none"):
        none = (
            QCoreApplication.translate("Inspector", "(all personas)")
            if name == "personas"
            else QCoreApplication.translate("Inspector", "(none)")
        )
        options: Options = [(None, none)]
        return options + [
            (p.id, p.name or QCoreApplication.translate("Inspector", "(unnamed persona)"))
            for p in project.personas
        ]
    raise KeyError(name)


def vocab_options(vocabulary: str, project: Project, language: str, optional: bool) -> Options:
    """The built-in values of an open vocabulary, then the project's own."""
    vocab = Vocabulary(project, language)
    keys = [t.key for t in BUILT_IN[vocabulary]]
    keys += [e.key for e in getattr(project.vocabularies, vocabulary) if e.key not in keys]
    options: Options = (
        [(None, QCoreApplication.translate("Inspector", "(none)"))] if optional else []
    )
    return options + [(k, vocab.label(vocabulary, k)) for k in keys]
