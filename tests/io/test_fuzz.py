"""A bounded fuzz of the loader: whatever the bytes, load_bytes returns a
Project or raises a ProjectFileError, never anything else.

Two mutators start from a valid file built with the model (the sample
project): one works on the bytes (flip, insert, delete, duplicate, splice in
JSON fragments), one on the parsed JSON (replace values with values of other
types, ids of other elements, drop keys, duplicate list items). A file that
loads must also save and load again to the same project, and a refusal must
be printable one line per problem.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from journey_samples import sample_project

from journeydesk.io import ProjectFileError, checked_bytes, dump_bytes, load_bytes
from journeydesk.model import Project, check_project

BASE = dump_bytes(sample_project())
BASE_DOC = json.loads(BASE)

FRAGMENTS = [
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b'"',
    b"\\",
    b"null",
    b"true",
    b"false",
    b"0",
    b"-1",
    b"1.5",
    b"1e999",
    b"-1e999",
    b"NaN",
    b"Infinity",
    b"-Infinity",
    b"1" * 40,
    b"-" + b"9" * 25,
    b'"\\ud800"',
    b'"\\udc00\\ud800"',
    b'"\\u0000"',
    b'"format"',
    b'"format_version": 2',
    b'"format_version": 99',
    b'"id": "00000000-0000-4000-8000-000000001401"',
    b"[" * 100,
    b"{" * 80,
    b'"x": ' * 5,
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    "é".encode("latin-1"),
    "città".encode(),
    "🎉".encode(),
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\r\n",
    b"\t",
    b" " * 50,
]

OPS = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 2**20), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 2**20), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 2**20), st.integers(1, 64)),
    st.tuples(st.just("splice"), st.integers(0, 2**20), st.sampled_from(FRAGMENTS)),
    st.tuples(st.just("duplicate"), st.integers(0, 2**20), st.integers(1, 300)),
    st.tuples(st.just("truncate"), st.integers(0, 2**20), st.just(0)),
)


def mutate_bytes(data: bytes, ops: list[tuple[str, int, Any]]) -> bytes:
    buf = bytearray(data)
    for kind, where, arg in ops:
        pos = where % (len(buf) + 1)
        if kind == "flip" and buf:
            buf[pos % len(buf)] ^= arg
        elif kind in ("insert", "splice"):
            buf[pos:pos] = arg
        elif kind == "delete":
            del buf[pos : pos + arg]
        elif kind == "duplicate":
            buf[pos:pos] = buf[pos : pos + arg]
        elif kind == "truncate":
            del buf[pos:]
    return bytes(buf)


def assert_loads_or_refuses(data: bytes) -> None:
    try:
        project = load_bytes(data, source="fuzz.journey")
    except ProjectFileError as exc:
        event(type(exc).__name__)  # --hypothesis-show-statistics shows the mix of outcomes
        assert exc.problems, "a refusal without a problem"
        for line in exc.lines():
            assert line.startswith("fuzz.journey: ")
            assert "\n" not in line
            line.encode("utf-8")  # printable
        return
    # Anything else raised above fails the test. A file that loads is whole:
    event("loaded")
    assert isinstance(project, Project)
    assert check_project(project) == []
    saved = checked_bytes(project)  # it can be saved, through the app's Save's check,
    assert saved == dump_bytes(project)
    again = load_bytes(saved)  # to the same model,
    assert again == project
    assert checked_bytes(again) == saved  # and the bytes are stable


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=6))
def test_byte_mutations_load_or_are_refused(ops: list[tuple[str, int, Any]]) -> None:
    assert_loads_or_refuses(mutate_bytes(BASE, ops))


# --- structural mutations ----------------------------------------------------------


def _locations(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [loc]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _locations(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _locations(item, (*loc, i))
    return found


def _ids(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [i for item in value.values() for i in _ids(item)]
    if isinstance(value, list):
        return [i for item in value for i in _ids(item)]
    if isinstance(value, str) and len(value) == 36 and value.count("-") == 4:
        return [value]
    return []


def _at(document: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        document = document[part]
    return document


LOCATIONS = [loc for loc in _locations(BASE_DOC) if loc]
OBJECTS = [loc for loc in _locations(BASE_DOC) if isinstance(_at(BASE_DOC, loc), dict)]
"""Where a key can be added: the root and every object (a card, a map, an evidence...)."""
IDS = sorted(set(_ids(BASE_DOC)))

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and infinities included: json.dumps writes them as NaN / Infinity
    st.text(max_size=30),
    st.text(min_size=490, max_size=520),
    st.sampled_from(IDS),
    st.sampled_from(["", "journeydesk", "image/png", "curve", "future", "#ff00aa", "it", "-0"]),
    st.sampled_from(["\ud800", "a\udc00b", "\ud83d", "😀"]),  # lone surrogates, and a pair
    st.sampled_from([0, -1, 1, 2, 5, 9, 1.5, 10_000, 10**18, -(10**19), 1e308, 5e-324]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["id", "step", "lane", "name", "x", "kind"]) | st.text(max_size=5),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=8,
)
EDITS = st.one_of(
    st.tuples(st.just("replace"), st.sampled_from(LOCATIONS), VALUES),
    st.tuples(st.just("drop"), st.sampled_from(LOCATIONS), st.none()),
    st.tuples(st.just("copy_item"), st.sampled_from(LOCATIONS), st.none()),
    st.tuples(
        st.just("add_key"),
        st.sampled_from(OBJECTS),
        st.tuples(st.text(max_size=12) | st.text(max_size=6).map("x_{}".format), VALUES),
    ),
)


def _parent(document: Any, loc: tuple[Any, ...]) -> tuple[Any, Any] | None:
    node = document
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    try:
        node[loc[-1]]
    except (KeyError, IndexError, TypeError):
        return None
    return node, loc[-1]


def apply_edits(edits: list[tuple[str, tuple[Any, ...], Any]]) -> Any:
    document = copy.deepcopy(BASE_DOC)
    for kind, loc, arg in edits:
        if kind == "add_key":  # an unknown key, or a known one with an odd value
            try:
                node = _at(document, loc)
            except (KeyError, IndexError, TypeError):
                continue
            if isinstance(node, dict):
                name, value = arg
                node[name] = copy.deepcopy(value)
            continue
        found = _parent(document, loc)
        if found is None:
            continue  # an earlier edit removed this place
        node, key = found
        if kind == "replace":
            node[key] = copy.deepcopy(arg)
        elif kind == "drop":
            del node[key]
        elif kind == "copy_item" and isinstance(node, list):
            node.insert(key, copy.deepcopy(node[key]))  # duplicate ids follow
    return document


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=4), st.booleans())
def test_structural_mutations_load_or_are_refused(
    edits: list[tuple[str, tuple[Any, ...], Any]], ascii_only: bool
) -> None:
    document = apply_edits(edits)
    # ensure_ascii writes lone surrogates as \udXXX escapes, which JSON allows;
    # without it they become bytes that are not UTF-8.
    text = json.dumps(document, ensure_ascii=ascii_only)
    assert_loads_or_refuses(text.encode("utf-8", "surrogatepass"))


def test_the_mutators_do_change_the_file() -> None:
    # Guards against a fuzz target that only ever sees the untouched sample.
    assert mutate_bytes(BASE, [("delete", 10, 5)]) != BASE
    assert mutate_bytes(BASE, [("splice", 0, b"[")]).startswith(b"[{")
    changed = apply_edits([("replace", ("maps", 0, "cards", 0, "step"), None)])
    assert changed["maps"][0]["cards"][0]["step"] is None
    assert len(apply_edits([("copy_item", ("maps", 0, "cards", 1), None)])["maps"][0]["cards"]) == 5
    assert len(LOCATIONS) > 300 and len(IDS) > 30
