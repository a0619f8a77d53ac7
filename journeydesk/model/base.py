"""Shared building blocks of the project model: ids, bounded texts, base class.

Every limit here is far above real use (a workshop map has tens of cards, a
large programme a few thousand) and exists so that a hostile file cannot make
the app allocate without bound. ``docs/file-format.md`` lists them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    WrapSerializer,
)

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


def aware(value: dt.datetime) -> dt.datetime:
    """``value`` with a UTC offset: a naive date-time (or a date alone) is taken as UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _write_aware(value: dt.datetime, handler: SerializerFunctionWrapHandler) -> Any:
    return handler(aware(value))


DateTime = Annotated[
    dt.datetime, AfterValidator(aware), WrapSerializer(_write_aware, when_used="always")
]
"""A moment, always with its UTC offset: the schema's ``date-time`` (RFC 3339) requires
one. A file's naive value (or a date alone) is read as UTC; one set in code without an
offset is written as UTC."""


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

    ``defer_build`` makes a class's validator when it is first used instead of
    when the class is made: opening a file validates a ``Project`` only, whose
    schema takes in every nested class, so the other classes' validators are
    never built unless code makes such an object itself (a first edit). Same
    validation either way (tests/model/test_deferred_build.py); importing the
    model costs ~55 ms less of a start (docs/scale.md, openrest).
    """

    model_config = ConfigDict(
        extra="allow",
        allow_inf_nan=False,
        validate_assignment=False,
        use_enum_values=True,
        ser_json_timedelta="float",
        defer_build=True,
    )


def complete_model_classes() -> int:
    """Build every model class's validator and serializer not built yet (see
    ``JDModel``: they wait for their first use). The app calls this when idle
    after an open, on the UI thread, so no class is first built by an export's
    worker thread while the UI thread uses it too (pydantic does not lock a
    deferred build). Returns how many classes were built."""
    built = 0
    todo: list[type[JDModel]] = [JDModel]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls is not JDModel and not cls.__pydantic_complete__:
            cls.model_rebuild(force=True)
            built += 1
    return built


class Element(JDModel):
    """A model object with a stable id that others may refer to."""

    id: Id = Field(default_factory=new_id)
