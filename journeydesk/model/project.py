"""The pydantic types of a JourneyDesk project.

The model stores meaning, never geometry (DESIGN.md rule 2): a card says which
step and lane it sits in and its order in that cell; the layout turns that
into boxes. References between objects are ids (rule 1), each declared once
on its field with a ``Ref`` marker (rule 13): ``refs.py`` walks them, and the
check, removals, copies and imports derive what they do from the marker.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import (
    MAX_ITEMS,
    MAX_SMALL_LIST,
    Colour,
    DateTime,
    Element,
    Id,
    JDModel,
    Key,
    LangTag,
    LocalizedText,
    Name,
    Text,
    big_list,
    new_id,
    small_list,
)
from .ref import Ref

FORMAT_NAME = "journeydesk"
FORMAT_VERSION = 1
"""The project file format this version reads and writes. See io/migrations.py."""

Score = Annotated[float, Field(ge=-1e9, le=1e9)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Span = Annotated[int, Field(ge=1, le=10_000)]

MapType = Literal["journey", "day_in_the_life", "service_blueprint", "experience_map", "custom"]
MapState = Literal["current", "future", "ideal"]
LaneDisplay = Literal["cards", "curve", "images", "channel_grid"]
Sentiment = Literal["positive", "neutral", "problematic"]
Confidence = Literal["observed", "assumed", "proposed"]
SeparatorKind = Literal["interaction", "visibility", "internal_interaction", "custom"]
MetricDirection = Literal["higher_is_better", "lower_is_better", "on_target"]
SceneKind = Literal["title", "stage", "closing", "custom", "comparison"]
ImageType = Literal["image/png", "image/jpeg"]


# --- project-level definitions -------------------------------------------


class Team(Element):
    """A department or team that owns touchpoints (marketing, logistics...)."""

    name: Name
    description: Text = ""
    colour: Colour | None = None


class Source(Element):
    """A piece of research that evidence points at.

    ``reference`` is plain text (a citation, a URL, a path); JourneyDesk shows
    it and never follows it.
    """

    title: Name
    kind: Key | None = None
    date: dt.date | None = None
    reference: Text = ""
    note: Text = ""


class MetricDefinition(Element):
    """A metric defined once per project (NPS, CSAT, CES...)."""

    name: Name
    unit: Annotated[str, StringConstraints(max_length=50)] = ""
    direction: MetricDirection = "higher_is_better"
    target: Score | None = None
    description: Text = ""


class ScoreDefinition(JDModel):
    """A way to score opportunities. ``impact`` and ``effort`` are built in."""

    key: Key
    label: LocalizedText = Field(default_factory=dict)
    min: Score = 1
    max: Score = 5

    @model_validator(mode="after")
    def _range(self) -> ScoreDefinition:
        if not self.min < self.max:
            raise ValueError(f"min ({self.min:g}) must be below max ({self.max:g})")
        return self


BUILT_IN_SCORES: tuple[ScoreDefinition, ...] = (
    ScoreDefinition(key="impact", label={"en": "Impact", "it": "Impatto"}, min=1, max=5),
    ScoreDefinition(key="effort", label={"en": "Effort", "it": "Sforzo"}, min=1, max=5),
)


class VocabularyEntry(JDModel):
    """A project's own value for an open vocabulary, or a relabelled default."""

    key: Key
    label: LocalizedText = Field(default_factory=dict)
    icon: Key | None = None
    colour: Colour | None = None


class Vocabularies(JDModel):
    channels: list[VocabularyEntry] = small_list()
    card_kinds: list[VocabularyEntry] = small_list()
    lane_kinds: list[VocabularyEntry] = small_list()
    evidence_methods: list[VocabularyEntry] = small_list()
    connection_kinds: list[VocabularyEntry] = small_list()
    statuses: list[VocabularyEntry] = small_list()


class Persona(Element):
    name: Name
    segment: Name = ""
    quote: Text = ""
    story: Text = ""
    goals: list[Text] = small_list()
    needs: list[Text] = small_list()
    pains: list[Text] = small_list()
    jobs: list[Text] = small_list()
    behaviours: list[Text] = small_list()
    colour: Colour | None = None
    photo: Annotated[Id | None, Ref("assets")] = None
    """An asset id."""


class Asset(Element):
    """An embedded image. ``data`` is base64; see model/images.py."""

    name: Name = ""
    type: ImageType
    width: Annotated[int, Field(ge=1, le=20_000)]
    height: Annotated[int, Field(ge=1, le=20_000)]
    data: Annotated[str, StringConstraints(max_length=30_000_000)]


class Reply(Element):
    author: Name = ""
    created: DateTime
    text: Text


class Comment(Element):
    """A review comment on any element (by id). Left out of client exports."""

    target: Annotated[Id, Ref("elements", on_remove="cascade")]
    author: Name = ""
    created: DateTime
    text: Text
    replies: list[Reply] = small_list()
    resolved: bool = False


# --- a map ------------------------------------------------------------------


class Step(Element):
    """A column of the map: the cells cards sit in."""

    name: Name
    description: Text = ""


class KpiValue(JDModel):
    """A metric's value for one stage."""

    metric: Annotated[Id, Ref("metrics", on_remove="remove_item")]
    value: Score | None = None
    target: Score | None = None
    as_of: dt.date | None = None


class Stage(Element):
    """A phase of the journey, holding one or more ordered steps."""

    name: Name
    description: Text = ""
    narration: Text = ""
    kpis: list[KpiValue] = small_list()
    steps: list[Step] = Field(min_length=1, max_length=MAX_SMALL_LIST)


class Lane(Element):
    """A row of the map. ``kind`` says what it holds, ``display`` how it is drawn."""

    name: Name
    kind: Key
    display: LaneDisplay = "cards"
    persona: Annotated[Id | None, Ref("personas")] = None
    default_card_kind: Key | None = None
    collapsed: bool = False


class Owner(JDModel):
    team: Annotated[Id, Ref("teams", on_remove="remove_item")]
    role: Name = ""


class Evidence(Element):
    confidence: Confidence = "assumed"
    method: Key | None = None
    source: Annotated[Id | None, Ref("sources")] = None
    quote: Text = ""
    figure: Name = ""
    """A number with its meaning, as written: "38 % abandon at this step"."""
    note: Text = ""


class MapLink(JDModel):
    """A link from a card to another map of the project (a sub-journey...)."""

    map: Annotated[Id, Ref("maps", on_remove="remove_item")]
    label: Name = ""


class Card(Element):
    """A card in a step × lane cell; may span several steps and lanes."""

    step: Annotated[Id, Ref("steps", scope="map", on_remove="cascade")]
    lane: Annotated[Id, Ref("lanes", scope="map", on_remove="cascade")]
    order: Count = 0
    span_steps: Span = 1
    span_lanes: Span = 1
    kind: Key = "note"
    title: Name = ""
    body: Text = ""
    channel: Key | None = None
    owners: list[Owner] = small_list()
    sentiment: Sentiment | None = None
    evidence: list[Evidence] = small_list()
    tags: list[Key] = small_list()
    colour: Colour | None = None
    image: Annotated[Id | None, Ref("assets")] = None
    scores: Annotated[dict[Key, Score], Field(max_length=MAX_SMALL_LIST)] = Field(
        default_factory=dict
    )
    status: Key | None = None
    relates_to: Annotated[
        list[Id], Ref("cards", scope="map", no_self="a card cannot relate to itself")
    ] = small_list()
    derived_from: Annotated[Id | None, Ref("cards", scope="base")] = None
    links: list[MapLink] = small_list()


class ScaleLabel(JDModel):
    value: Score
    label: Name


class Scale(JDModel):
    min: Score = -2
    max: Score = 2
    labels: list[ScaleLabel] = small_list()

    @model_validator(mode="after")
    def _range(self) -> Scale:
        if not self.min < self.max:
            raise ValueError(f"min ({self.min:g}) must be below max ({self.max:g})")
        return self


def default_scale() -> Scale:
    """−2..+2 with no labels of its own: the drawing names the whole scores in
    the map's language (layout/labels.py) unless the curve's scale says otherwise."""
    return Scale(min=-2, max=2)


class CurvePoint(Element):
    step: Annotated[Id, Ref("steps", scope="map", on_remove="cascade")]
    offset: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    """Where in the step's column the point sits: 0 left edge, 1 right edge."""
    score: Score
    emotion: Name = ""
    label: Name = ""
    note: Text = ""


class EmotionCurve(Element):
    persona: Annotated[Id | None, Ref("personas")] = None
    lane: Annotated[Id | None, Ref("lanes", scope="map")] = None
    """The curve lane it is drawn in; None: the map's first curve lane."""
    label: Name = ""
    colour: Colour | None = None
    scale: Scale = Field(default_factory=default_scale)
    points: list[CurvePoint] = big_list()


class Connection(Element):
    source: Annotated[Id, Ref("cards", scope="map", on_remove="cascade")]
    target: Annotated[Id, Ref("cards", scope="map", on_remove="cascade")]
    kind: Key = "flow"
    label: Name = ""


class Separator(Element):
    kind: SeparatorKind
    after_lane: Annotated[Id, Ref("lanes", scope="map", on_remove="cascade")]
    label: Name = ""


class Scene(Element):
    """One scene of a storyline.

    ``stage`` links a stage (or comparison) scene to its stage by id. An empty
    ``title`` shows the map's, the stage's or the closing scene's own name; an
    empty ``narration`` of a stage scene speaks the stage's narration, of a title
    scene the map's objective. With ``auto_duration`` the scene stays up as long
    as its narration takes to read and ``duration`` is only the last value
    computed (what an older JourneyDesk uses)."""

    kind: SceneKind = "custom"
    stage: Annotated[Id | None, Ref("stages", scope="map", on_remove="cascade")] = None
    title: Name = ""
    text: Text = ""
    image: Annotated[Id | None, Ref("assets")] = None
    narration: Text = ""
    duration: Annotated[float, Field(ge=0.5, le=3600)] = 6.0
    auto_duration: bool = False
    hidden: bool = False


StorylineMode = Literal["single", "compare"]


class Storyline(JDModel):
    """A map's scenes, in order; empty: the default storyline (layout/storyline.py).

    ``mode`` "compare": each stage scene shows the stage as it is and as it will
    be, side by side, when the map is derived from another (``based_on``) or
    another map is derived from it."""

    mode: StorylineMode = "single"
    scenes: list[Scene] = small_list()


class JourneyMap(Element):
    name: Name
    type: MapType = "journey"
    state: MapState = "current"
    personas: Annotated[list[Id], Ref("personas")] = small_list()
    objective: Text = ""
    scenario: Text = ""
    based_on: Annotated[Id | None, Ref("maps", no_self="a map cannot be based on itself")] = None
    """The map this one was derived from (a future state from a current one)."""
    owner: Name = ""
    """Who answers for the map being true (a person or a team, as written)."""
    reviewed: dt.date | None = None
    """When the map was last checked against reality; the poster's title block says it."""
    review_by: dt.date | None = None
    """When it should be checked again; ``validate --stale-after`` warns once it is past."""
    stages: list[Stage] = small_list()
    lanes: list[Lane] = small_list()
    cards: list[Card] = big_list()
    curves: list[EmotionCurve] = small_list()
    connections: list[Connection] = big_list()
    separators: list[Separator] = small_list()
    storyline: Storyline = Field(default_factory=Storyline)

    def steps(self) -> list[Step]:
        """All steps, left to right."""
        return [step for stage in self.stages for step in stage.steps]


class ExportProfile(Element):
    """Saved choices for a client deliverable: paper, lanes left out, branding."""

    name: Name
    paper: Annotated[str, StringConstraints(max_length=40)] = "A1"
    orientation: Literal["auto", "landscape", "portrait"] = "auto"
    tile: Annotated[str, StringConstraints(max_length=40)] | None = None
    overlap_mm: Annotated[float, Field(ge=0, le=100)] = 10.0
    bleed: bool = False
    crop_marks: bool = False
    hide_lane_kinds: list[Key] = small_list()
    hidden_lanes: Annotated[list[Id], Ref("lanes", scope="any_map", checked=False)] = (
        small_list()
    )
    comments: bool = False
    """Client exports leave review comments out unless asked for."""
    legend: bool = True
    logo: Annotated[Id | None, Ref("assets")] = None
    """An asset id, drawn in the title block."""
    brand_colour: Colour | None = None


class Project(JDModel):
    """The root of a project file. ``format`` and ``format_version`` come first."""

    format: Literal["journeydesk"] = "journeydesk"
    format_version: Annotated[int, Field(ge=1)] = FORMAT_VERSION
    id: Id = Field(default_factory=new_id)
    title: Name = ""
    description: Text = ""
    language: LangTag = "en"
    """The language the content is written in."""
    authors: list[Name] = small_list()
    created: DateTime | None = None
    modified: DateTime | None = None
    personas: list[Persona] = small_list()
    teams: list[Team] = small_list()
    sources: list[Source] = small_list()
    metrics: list[MetricDefinition] = small_list()
    score_definitions: list[ScoreDefinition] = small_list()
    vocabularies: Vocabularies = Field(default_factory=Vocabularies)
    maps: list[JourneyMap] = small_list()
    assets: list[Asset] = Field(default_factory=list, max_length=10_000)
    comments: list[Comment] = Field(default_factory=list, max_length=MAX_ITEMS)
    export_profiles: list[ExportProfile] = small_list()

    def map_by_id(self, map_id: str) -> JourneyMap | None:
        return next((m for m in self.maps if m.id == map_id), None)

    def scores(self) -> dict[str, ScoreDefinition]:
        """Score definitions in force: the built-in ones, overridden or extended."""
        defs = {d.key: d for d in BUILT_IN_SCORES}
        defs.update({d.key: d for d in self.score_definitions})
        return defs
