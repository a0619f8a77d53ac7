"""Shared building blocks of the project model: ids, bounded texts, base class.

Every limit here is far above real use (a workshop map has tens of cards, a
large programme a few thousand) and exists so that a hostile file cannot make
the app allocate without bound. ``docs/file-format.md`` lists them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Limits (documented in docs/file-format.md).
MAX_NAME = 500
"""Names, titles, labels, single-line fields (characters)."""
MAX_TEXT = 100_000
"""Multi-line texts: bodies, stories, narration, notes (characters)."""
MAX_SHORT = 100
"""Keys, vocabulary values, language tags, units (characters)."""
MAX_ITEMS = 100_000
"""Items in any one list (cards of a map, points of a curve...)."""
MAX_SMALL_LIST = 1_000
"""Items in lists that are small by nature (tags, owners, steps of a stage)."""

ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""A UUID in its canonical lower-case text form."""

Name = Annotated[str, StringConstraints(max_length=MAX_NAME)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Key = Annotated[str, StringConstraints(min_length=1, max_length=MAX_SHORT)]
"""A value of an open vocabulary (channel, card kind...) or a score key."""
LangTag = Annotated[
    str,
    StringConstraints(max_length=35, pattern=r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"),
]
"""A BCP-47 language tag such as ``en``, ``it`` or ``pt-BR``."""
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
"""An sRGB colour as ``#rrggbb``."""

LocalizedText = Annotated[dict[LangTag, Name], Field(max_length=MAX_SHORT)]
"""A short label in several languages, keyed by language tag."""


RefKind = Literal[
    "personas", "teams", "sources", "metrics", "assets", "maps",
    "stages", "steps", "lanes", "cards", "elements",
]  # fmt: skip
"""What a reference points at: a project definition (personas... assets), a
map, something inside a map (stages, steps, lanes, cards), or any element."""
RefScope = Literal["project", "map", "base", "any_map"]
OnRemove = Literal["clear", "cascade", "remove_item"]


@dataclass(frozen=True)
class Ref:
    """The declaration that a field holds the id of another object (DESIGN.md
    rule 13). Put it on the field, ``Annotated[Id | None, Ref("assets")]``, or
    on a list of ids, ``Annotated[list[Id], Ref("personas")]``; model/refs.py
    reads it from pydantic's field metadata, and the reference check, what a
    removal clears or cascades, id remapping (copy, paste, import, templates)
    and merging all derive from it.

    ``scope``: where the target must be: ``project`` (anywhere in the project),
    ``map`` (the holder's own map), ``base`` (the map the holder's map is
    ``based_on``), ``any_map`` (any map of the project).
    ``on_remove``: what removing the target does to the holder: ``clear``
    (the field becomes None, or the id leaves its list), ``cascade`` (the
    element holding the field goes too), ``remove_item`` (the list item that
    declares the field leaves its list: an owner, a KPI value, a map link).
    ``no_self``: the message when the id is the holder's own (refused), or "".
    ``checked``: False for a reference older versions left dangling and that
    the check must tolerate (a removal still clears it).
    """

    kind: RefKind
    scope: RefScope = "project"
    on_remove: OnRemove = "clear"
    no_self: str = ""
    checked: bool = True


def new_id() -> str:
    """Return a fresh random id."""
    return str(uuid.uuid4())


def small_list(default: Any = None) -> Any:
    """A ``Field`` for a list that is small by nature."""
    return Field(default_factory=list, max_length=MAX_SMALL_LIST)


def big_list() -> Any:
    """A ``Field`` for a list that may be long (cards, points, assets)."""
    return Field(default_factory=list, max_length=MAX_ITEMS)


class JDModel(BaseModel):
    """Base of every model type.

    ``extra="allow"`` keeps keys this version does not know, so a file written
    by a newer JourneyDesk (same format version, new optional field) survives
    a load and save here. NaN and infinities are refused everywhere.
    """

    model_config = ConfigDict(
        extra="allow",
        allow_inf_nan=False,
        validate_assignment=False,
        use_enum_values=True,
        ser_json_timedelta="float",
    )


class Element(JDModel):
    """A model object with a stable id that others may refer to."""

    id: Id = Field(default_factory=new_id)
