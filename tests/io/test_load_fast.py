"""The loader's fast path (io/project_file.py ``_load_ordinary``, issue #14) and its
careful path (``careful_load_bytes``) give the same project for every file the fast
one takes, and ``load_bytes`` refuses exactly what the careful path refuses, with
the same errors: on the fuzz's byte and structural mutations of the sample, on
hostile files, on older format versions and on files with unknown keys.

The fast path is only safe because the model bounds every list and dict within the
careful reader's limits and nests less deep than it allows; the schema test below
pins that, and ``jiter`` reads numbers and escapes as Python's reader does.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator
from typing import Any
from unittest import mock

import jiter
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from journey_samples import sample_document, sample_project
from test_fuzz import BASE, EDITS, OPS, apply_edits, mutate_bytes

from journeydesk.io import (
    InvalidProjectError,
    JsonSyntaxError,
    ProjectFileError,
    dump_bytes,
    jsonsafe,
    load_bytes,
    migrations,
    project_file,
)
from journeydesk.io.project_file import careful_load_bytes
from journeydesk.model import Project
from journeydesk.model import project as model_project

Outcome = tuple[Any, ...]


def _outcome(load: Any, data: bytes) -> Outcome:
    try:
        with _same_fresh_ids():
            project = load(data, "f.journey")
    except ProjectFileError as exc:
        return ("refused", type(exc), exc.verdict, tuple(exc.problems), tuple(exc.lines()))
    return ("loaded", project.model_dump_json(), _fields_set(project), project)


@contextlib.contextmanager
def _same_fresh_ids() -> Iterator[None]:
    """One "fresh" id for an element without one, whichever path made it and
    however many the fast path made before declining (two such elements are then
    refused as duplicates, by both paths alike)."""
    with mock.patch("uuid.uuid4", lambda: uuid.UUID(int=1)):
        yield


def _fields_set(project: Project) -> list[Any]:
    """Which keys each model read from the file, walked in order (pydantic's ``==``
    does not compare them, and a later save writes only what is set or not default)."""
    out: list[Any] = []
    stack: list[Any] = [project]
    while stack:
        model = stack.pop()
        out.append((type(model).__name__, sorted(model.model_fields_set)))
        for value in model.__dict__.values():
            if isinstance(value, list):
                stack.extend(v for v in value if hasattr(v, "model_fields_set"))
            elif hasattr(value, "model_fields_set"):
                stack.append(value)
    return out


def _note(what: str) -> None:
    """Count outcomes for ``--hypothesis-show-statistics`` (outside a hypothesis test too)."""
    with contextlib.suppress(InvalidArgument):
        event(what)


def assert_paths_agree(data: bytes) -> Project | None:
    """The fast path takes a file only as the careful one reads it; ``load_bytes``
    answers exactly as the careful path does. Returns what the fast path made."""
    careful = _outcome(careful_load_bytes, data)
    with _same_fresh_ids():
        fast = project_file._load_ordinary(data)
    if fast is not None:
        assert careful[0] == "loaded", f"the fast path took what the careful one refuses: {careful}"
        assert fast == careful[3]
        assert fast.model_dump_json() == careful[1]
        assert _fields_set(fast) == careful[2]
        _note("fast path")
    else:
        _note(f"careful path: {careful[0]}")
    ours = _outcome(load_bytes, data)
    assert ours[:3] == careful[:3]
    return fast


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=4))
def test_byte_mutations_load_the_same_both_ways(ops: list[tuple[str, int, Any]]) -> None:
    assert_paths_agree(mutate_bytes(BASE, ops))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=4), st.booleans(), st.booleans())
def test_structural_mutations_load_the_same_both_ways(
    edits: list[tuple[str, tuple[Any, ...], Any]], ascii_only: bool, indent: bool
) -> None:
    text = json.dumps(apply_edits(edits), ensure_ascii=ascii_only, indent=2 if indent else None)
    assert_paths_agree(text.encode("utf-8", "surrogatepass"))


def test_the_sample_and_a_generated_map_take_the_fast_path() -> None:
    """Guards against a fast path that never runs (the tests above would pass)."""
    from bench_shapes import make_shape

    for project in (sample_project(), make_shape("wide", 400)):
        data = dump_bytes(project)
        fast = assert_paths_agree(data)
        assert fast == project
    compact = json.dumps(sample_document(), ensure_ascii=True).encode()  # escapes, no indent
    assert assert_paths_agree(compact) == sample_project()
    assert assert_paths_agree(b"\xef\xbb\xbf" + BASE) == sample_project()  # a BOM


STEP_9 = b'"step": "00000000-0000-4000-8000-9'

HOSTILE: dict[str, bytes] = {
    # jiter refuses these itself
    "duplicate key": BASE.replace(b'"title": ', b'"title": "x", "title": ', 1),
    "duplicate id key": BASE.replace(b'"id": ', b'"id": "x", "id": ', 3),
    "NaN": BASE.replace(b'"span_steps": 1', b'"span_steps": NaN', 1),
    "Infinity in a score": BASE.replace(b'"impact": ', b'"impact": Infinity, "x": ', 1),
    "lone surrogate": BASE.replace(b'"title": "', b'"title": "\\ud800', 1),
    "lone low surrogate in a key": BASE.replace(b'"title": ', b'"\\udc00": 1, "title": ', 1),
    "not UTF-8": BASE.replace("à".encode(), "à".encode("latin-1"), 1),
    "trailing data": BASE + b"{}",
    # the scans before it
    "huge integer": BASE.replace(b'"span_steps": 1', b'"span_steps": 1' + b"0" * 20, 1),
    "huge integer in an unknown key": BASE.replace(b"{", b'{"x": 1' + b"0" * 19 + b",", 1),
    "UTF-16": "\ufeff".encode("utf-16-le") + BASE.decode().encode("utf-16-le"),
    "NUL": b"\x00" + BASE,
    # the model, or the version and unknown-key rules
    "float overflow": BASE.replace(b'"impact": ', b'"impact": 1e400, "x": ', 1),
    "float overflow in an unknown key": BASE.replace(b"{", b'{"x": 1e400,', 1),
    "deep unknown key": BASE.replace(b"{", b'{"x": ' + b"[" * 70 + b"]" * 70 + b",", 1),
    "unknown key kept": BASE.replace(b"{", b'{"from_the_future": {"a": [1, 2]},', 1),
    "unknown key in a card": BASE.replace(b'"span_steps": 1', b'"span_steps": 1, "new": 2', 1),
    "newer version": BASE.replace(b'"format_version": 1', b'"format_version": 99', 1),
    "version true": BASE.replace(b'"format_version": 1', b'"format_version": true', 1),
    "version 1.0": BASE.replace(b'"format_version": 1', b'"format_version": 1.0', 1),
    "not our format": BASE.replace(b'"format": "journeydesk"', b'"format": "other"', 1),
    "a dangling step": BASE.replace(b'"step": "00000000-0000-4000-8000-0', STEP_9, 1),
    "root is a list": b"[" + BASE + b"]",
    "empty": b"",
    "spaces": b" \n ",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_take_the_careful_path(name: str) -> None:
    data = HOSTILE[name]
    assert data != BASE
    assert project_file._load_ordinary(data) is None
    assert_paths_agree(data)


def test_unknown_keys_are_kept_through_the_careful_path() -> None:
    project = load_bytes(HOSTILE["unknown key kept"])
    assert project.__pydantic_extra__ == {"from_the_future": {"a": [1, 2]}}
    card = load_bytes(HOSTILE["unknown key in a card"]).maps[0].cards[0]
    assert card.__pydantic_extra__ == {"new": 2}


def test_a_duplicate_key_is_still_named() -> None:
    with pytest.raises(JsonSyntaxError) as info:
        load_bytes(HOSTILE["duplicate key"])
    assert "appears more than once" in str(info.value)


def test_too_many_values_take_the_careful_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def values(node: Any) -> int:
        items = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        return 1 + sum(values(item) for item in items)

    exact = values(json.loads(BASE))
    monkeypatch.setattr(jsonsafe, "MAX_VALUES", exact - 1)
    assert project_file._load_ordinary(BASE) is None
    with pytest.raises(JsonSyntaxError):
        load_bytes(BASE)
    assert_paths_agree(BASE)
    bound = jsonsafe.count_values(BASE.decode())  # what both paths count first
    monkeypatch.setattr(jsonsafe, "MAX_VALUES", bound)
    assert assert_paths_agree(BASE) == sample_project()  # at the limit: the fast path


def test_an_older_version_is_migrated_by_the_careful_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At a current version 2 with a step 1 → 2 that changes a value, a version-1
    file is migrated (the fast path declines it: it would load it unchanged) and a
    version-2 file goes the fast way."""

    def step(document: dict[str, Any]) -> dict[str, Any]:
        document["title"] = "migrated: " + document["title"]
        return document

    monkeypatch.setattr(model_project, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: step})
    data = json.dumps(sample_document()).encode()
    assert project_file._load_ordinary(data) is None
    project = load_bytes(data)
    assert project.title == "migrated: " + sample_project().title
    assert project.format_version == 2
    assert_paths_agree(data)
    current = dump_bytes(project)
    assert project_file._load_ordinary(current) == project
    assert_paths_agree(current)


def test_a_file_refused_by_the_check_reads_as_before() -> None:
    with pytest.raises(InvalidProjectError) as info:
        load_bytes(HOSTILE["a dangling step"])
    assert "does not exist in this map" in str(info.value)


# --- what the fast path relies on --------------------------------------------------


def _schema_nodes(node: Any) -> list[dict[str, Any]]:
    out = []
    if isinstance(node, dict):
        out.append(node)
        for value in node.values():
            out += _schema_nodes(value)
    elif isinstance(node, list):
        for value in node:
            out += _schema_nodes(value)
    return out


def test_the_model_bounds_every_list_and_dict_within_the_readers_limits() -> None:
    """Without unknown keys, nothing the model accepts is longer or deeper than the
    careful reader allows, so the fast path need not measure them."""
    schema = Project.model_json_schema()
    defs = schema["$defs"]
    arrays = dicts = 0
    for node in _schema_nodes(schema):
        if node.get("type") == "array":
            arrays += 1
            assert node.get("maxItems", jsonsafe.MAX_LENGTH + 1) <= jsonsafe.MAX_LENGTH, node
        if node.get("type") == "object" and "properties" not in node:
            dicts += 1  # a dict field (labels, scores): its own bound
            assert "additionalProperties" in node or "patternProperties" in node, node
            assert node.get("maxProperties", jsonsafe.MAX_LENGTH + 1) <= jsonsafe.MAX_LENGTH
    assert arrays > 30 and dicts >= 2

    def depth(node: Any, seen: tuple[str, ...]) -> int:
        """Containers on the deepest path below ``node`` (a model or dict counts one)."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref is not None:
                name = ref.rsplit("/", 1)[-1]
                assert name not in seen, f"the model nests {name} in itself"
                return depth(defs[name], (*seen, name))
            below = max([depth(v, seen) for v in node.values()] or [0])
            container = node.get("type") in ("object", "array")
            return below + (1 if container else 0)
        if isinstance(node, list):
            return max([depth(v, seen) for v in node] or [0])
        return 0

    deepest = depth({k: v for k, v in schema.items() if k != "$defs"}, ())
    assert 5 <= deepest < jsonsafe.MAX_DEPTH


NUMBER = st.builds(
    lambda sign, whole, frac, exp: f"{sign}{whole}{frac}{exp}",
    st.sampled_from(["", "-"]),
    st.from_regex(r"0|[1-9][0-9]{0,17}", fullmatch=True),
    st.sampled_from([""]) | st.from_regex(r"\.[0-9]{1,17}", fullmatch=True),
    st.sampled_from([""])
    | st.builds(
        lambda e, sign, n: f"{e}{sign}{n}",
        st.sampled_from("eE"),
        st.sampled_from(["", "+", "-"]),
        st.integers(0, 999).map(str) | st.sampled_from(["0308", "00001"]),
    ),
)


@settings(max_examples=600, deadline=None)
@given(NUMBER | st.floats(allow_nan=False, allow_infinity=False).map(repr))
def test_jiter_reads_numbers_as_pythons_reader(number: str) -> None:
    """Numbers of up to 18 digits in a run (longer ones take the careful path): the
    same int or float, to the bit; one too large is an infinity either way."""
    ours = jiter.from_json(number.encode(), allow_inf_nan=False)
    theirs = json.loads(number)
    assert type(ours) is type(theirs)
    assert ours == theirs or (ours != ours and theirs != theirs)
    assert repr(ours) == repr(theirs)  # -0.0, subnormals


def test_the_fast_path_starts_with_an_empty_key_cache() -> None:
    """No cache filled by an earlier load makes a later one cheaper (issue #14's
    rule for honest benchmarks): the parser's key cache is emptied first."""
    load_bytes(BASE)
    assert jiter.cache_usage() > 0  # it did cache this file's keys
    jiter.from_json(b'{"something else": 1}', cache_mode="keys")
    before = jiter.cache_usage()
    project_file._load_ordinary(b'{"format": "x"}')
    assert jiter.cache_usage() < before
