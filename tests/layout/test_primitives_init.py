"""The primitives' own ``__init__`` (Rect, Box, Path, Text: each field written into
``__dict__``, twice as fast as the frozen dataclass's ``object.__setattr__`` per
field) makes what the dataclass's would: same parameters and defaults as the
fields, same values, equality, hash and repr, still frozen."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk.layout.fonts import Face
from journeydesk.layout.primitives import Box, Path, Rect, Text

CLASSES = [Rect, Box, Path, Text]
numbers = st.floats(-1e6, 1e6, allow_nan=False)


def _reference(cls: type, values: dict[str, Any]) -> Any:
    """What the dataclass's generated __init__ does: each field (its default
    when not given) set through object.__setattr__."""
    obj = object.__new__(cls)
    for f in dataclasses.fields(cls):
        object.__setattr__(obj, f.name, values.get(f.name, f.default))
    return obj


@pytest.mark.parametrize("cls", CLASSES)
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        assert p.default == (
            inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        )
    assert not hasattr(cls, "__post_init__")


rects = st.builds(Rect, numbers, numbers, numbers, numbers)
colours = st.none() | st.sampled_from(["#000000", "#2F6FB3", "#ffffff"])
dashes = st.sampled_from([(), (3.0, 2.0), (1.0,)])
values = {
    Rect: st.fixed_dictionaries({"x": numbers, "y": numbers, "w": numbers, "h": numbers}),
    Box: st.fixed_dictionaries(
        {"rect": rects},
        optional={
            "fill": colours,
            "stroke": colours,
            "stroke_width": numbers,
            "radius": numbers,
            "dash": dashes,
        },
    ),
    Path: st.fixed_dictionaries(
        {"ops": st.sampled_from([(), (("M", 1.0, 2.0), ("L", 3.0, 4.0), ("Z",))])},
        optional={"fill": colours, "stroke": colours, "width": numbers, "dash": dashes},
    ),
    Text: st.fixed_dictionaries(
        {
            "x": numbers,
            "y": numbers,
            "width": numbers,
            "lines": st.lists(st.text(max_size=8), max_size=3).map(tuple),
            "face": st.sampled_from(list(Face)),
            "size": numbers,
            "colour": st.sampled_from(["#000000", "#2F6FB3"]),
            "leading": numbers,
        },
        optional={"align": st.sampled_from(["left", "center", "right"]), "rotation": numbers},
    ),
}


@settings(deadline=None, max_examples=200)
@given(data=st.data(), cls=st.sampled_from(CLASSES), positional=st.booleans())
def test_init_makes_what_the_dataclass_init_made(
    data: st.DataObject, cls: type, positional: bool
) -> None:
    given_values = data.draw(values[cls])
    if positional:  # every field up to the last one given, in order, by position
        names = [f.name for f in dataclasses.fields(cls)]
        last = max(names.index(n) for n in given_values)
        given_values = {n: _reference(cls, given_values).__dict__[n] for n in names[: last + 1]}
        obj = cls(*given_values.values())
    else:
        obj = cls(**given_values)
    ref = _reference(cls, given_values)
    assert vars(obj) == vars(ref)
    assert obj == ref and hash(obj) == hash(ref) and repr(obj) == repr(ref)
    with pytest.raises(dataclasses.FrozenInstanceError):
        obj.x = 1  # type: ignore[attr-defined]
