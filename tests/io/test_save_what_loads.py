"""Everything that loads can be saved, and nothing is saved that would not load.

- a text the loader accepts can always be written as UTF-8 (the escaped-backslash
  case: ``"\\\\ud800\\udc00"`` once passed the pre-scan and held a lone surrogate);
- save then load gives the same model, and a second save the same bytes, for any
  file the loader accepts (here: arbitrary texts in text fields and keys; the
  fuzzers in test_fuzz.py check the same for their mutations);
- write_project refuses a project the loader would refuse, and writes nothing;
- date-times are written with their UTC offset;
- the number of JSON values is limited before the parser allocates them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import time
import types
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from journey_samples import sample_document, sample_project

from journeydesk.io import (
    JsonSyntaxError,
    ProjectFileError,
    UnsavableProjectError,
    checked_bytes,
    dump_bytes,
    jsonsafe,
    load_bytes,
    read_project,
    write_project,
)
from journeydesk.model import Owner
from journeydesk.model.schema import project_json_schema

MISSING = "00000000-0000-4000-8000-999999999999"


def saves_to_the_same_model(data: bytes, tmp_path: Path) -> None:
    """``data`` loads; its save (the app's path) loads to an equal model, and saving
    that again gives the same bytes."""
    project = load_bytes(data)
    path = tmp_path / "saved.journey"
    write_project(project, path)
    again = read_project(path)
    assert again == project
    assert checked_bytes(again) == path.read_bytes()


# --- the escaped backslash before "ud800" --------------------------------------------


def test_escaped_backslash_then_ud800_then_a_low_surrogate_is_refused() -> None:
    # JSON text: a backslash (escaped), the letters ud800, then the escape of a lone
    # low surrogate. The old pre-scan took "\ud800\udc00" for a pair.
    document = sample_document()
    document["title"] = "MARK"
    document["x_note"] = "MARK2"
    text = json.dumps(document).replace('"MARK2"', r'"a\\ud800\udc00b"')
    with pytest.raises(JsonSyntaxError) as info:
        load_bytes(text.encode("utf-8"))
    assert info.value.problems[0].path == "$.x_note"
    assert "surrogate" in info.value.problems[0].message


def test_escaped_backslash_then_a_real_pair_loads_and_saves(tmp_path: Path) -> None:
    document = sample_document()
    document["x_note"] = "MARK"
    text = json.dumps(document).replace('"MARK"', r'"\\ud800\ud83d\ude00"')
    saves_to_the_same_model(text.encode("utf-8"), tmp_path)
    assert load_bytes(text.encode("utf-8")).model_extra == {"x_note": "\\ud800😀"}


UNITS = st.sampled_from(
    ["a", "é", "😀", "\\", "\\\\", "\\ud800", "ud800", "udc00", "uD83D", "\ud800",
     "\udc00", "\ud83d", "\ude00", '"', "\n", "\x00", "\u2028", "\ufeff", "{", ","]
)  # fmt: skip
TEXTS = st.lists(UNITS, max_size=8).map("".join)
PLACES = st.sampled_from(
    [
        ("title",),
        ("maps", 0, "cards", 0, "body"),
        ("maps", 0, "cards", 1, "title"),
        ("personas", 0, "quote"),
        ("x_unknown",),
        ("maps", 0, "cards", 0, "x_unknown"),
        ("maps", 0, "cards", 0, "tags"),  # a list of one text
        ("vocabularies", "channels"),  # replaced by a text: refused by validation
    ]
)


def _put(document: dict[str, Any], place: tuple[Any, ...], value: Any) -> None:
    node: Any = document
    for part in place[:-1]:
        node = node[part]
    node[place[-1]] = value


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(PLACES, TEXTS), min_size=1, max_size=3), TEXTS, st.booleans())
@example(edits=[(("x_unknown",), "\\ud800\udc00")], key="", ascii_only=True)  # issue #11
def test_any_text_that_loads_saves_to_the_same_model(
    tmp_path_factory: Any, edits: list[tuple[tuple[Any, ...], str]], key: str, ascii_only: bool
) -> None:
    document = sample_document()
    for place, text in edits:
        _put(document, place, [text] if place[-1] == "tags" else text)
    document["maps"][0][key or "x"] = key  # a text as an unknown key, too
    # ensure_ascii writes lone surrogates (and backslashes) as escapes, which JSON allows
    text = json.dumps(document, ensure_ascii=ascii_only)
    data = text.encode("utf-8", "surrogatepass")
    try:
        load_bytes(data)
    except ProjectFileError:
        return
    saves_to_the_same_model(data, tmp_path_factory.mktemp("save"))


# --- write_project refuses what the loader refuses ---------------------------------


def test_a_dangling_owner_is_not_saved_and_the_file_stays(tmp_path: Path) -> None:
    path = tmp_path / "project.journey"
    project = sample_project()
    write_project(project, path)
    before = path.read_bytes()
    card = next(c for c in project.maps[0].cards if c.owners)
    card.owners.append(Owner(team=MISSING))
    with pytest.raises(UnsavableProjectError) as info:
        write_project(project, path)
    assert path.read_bytes() == before
    assert [p.path for p in info.value.problems] == [
        f"$.maps[0].cards[{project.maps[0].cards.index(card)}].owners[{len(card.owners) - 1}].team"
    ]
    assert f"team {MISSING} does not exist" in str(info.value)
    assert str(info.value).startswith("not saved: the file would be refused when opened")
    assert isinstance(info.value, OSError)  # the app's Save reports it like a write failure,
    shown = info.value.strerror or str(info.value)  # with this text (ui/files.py)
    assert shown.startswith("not saved: the file would be refused when opened")
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda p: setattr(p.maps[0].cards[0], "span_steps", 0), "$.maps[0].cards[0].span_steps"),
        (lambda p: setattr(p.maps[0].cards[0], "title", "x" * 501), "$.maps[0].cards[0].title"),
        (lambda p: setattr(p, "format_version", 7), "$.format_version"),
        (lambda p: p.__pydantic_extra__.update(x={"y": ["a\udc00"]}), "$.x.y[0]"),
    ],
    ids=["span-0", "title-501", "future-version", "lone-surrogate"],
)
def test_values_the_loader_refuses_are_not_saved(change: Any, path: str, tmp_path: Path) -> None:
    project = sample_project()
    change(project)
    with pytest.raises(UnsavableProjectError) as info:
        write_project(project, tmp_path / "out.journey")
    assert info.value.problems[0].path == path
    assert not (tmp_path / "out.journey").exists()
    for line in info.value.lines():
        line.encode("utf-8")


# --- date-times ---------------------------------------------------------------------


def test_dates_are_written_with_their_offset_and_match_the_schema(tmp_path: Path) -> None:
    document = sample_document()
    document["created"] = "2024-03-01"  # a date alone
    document["modified"] = "2024-03-02T10:20:30"  # naive
    document["comments"][0]["created"] = "2024-03-03T08:00:00+02:00"
    project = load_bytes(json.dumps(document).encode())
    assert project.created == dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    project.maps[0].name = "changed"
    project.comments[0].replies[0].created = dt.datetime(2024, 3, 4, 5, 6)  # naive, in code
    written = json.loads(checked_bytes(project))
    assert written["created"] == "2024-03-01T00:00:00Z"
    assert written["modified"] == "2024-03-02T10:20:30Z"
    assert written["comments"][0]["created"] == "2024-03-03T08:00:00+02:00"
    assert written["comments"][0]["replies"][0]["created"] == "2024-03-04T05:06:00Z"
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.validate(written, project_json_schema(), format_checker=checker)
    saves_to_the_same_model(checked_bytes(project), tmp_path)


# --- the number of values ------------------------------------------------------------


def reference_count(value: Any) -> int:
    """Values as count_values defines them: each value once, an empty array or object
    once more (it has a bracket but no item)."""
    if isinstance(value, list):
        return 1 + (not value) + sum(reference_count(v) for v in value)
    if isinstance(value, dict):
        return 1 + (not value) + sum(reference_count(v) for v in value.values())
    return 1


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-9, 99) | st.text(',[{"\\ ]}a', max_size=6),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(',[{"\\a', max_size=3), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None)
@given(JSON, st.integers(0, 40), st.booleans())
def test_value_count_is_exact_up_to_the_limit(value: Any, limit: int, indent: bool) -> None:
    text = json.dumps(value, indent=2 if indent else None, ensure_ascii=False)
    expected = reference_count(value)
    counted = jsonsafe.count_values(text, limit)
    assert (counted > limit) == (expected > limit)
    assert counted >= min(expected, limit + 1)


@pytest.fixture
def no_json_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the text reaches json.loads."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the text was parsed; the value count should have refused it")

    shim = types.SimpleNamespace(**{**vars(json), "loads": refuse})
    monkeypatch.setattr(jsonsafe, "json", shim)


def test_too_many_values_are_refused_before_parsing(no_json_parser: None) -> None:
    # Every array within the length limit, the file far within the size limit:
    # 21 arrays of 100,000 empty arrays under an unknown key.
    inner = "[" + ",".join(["[]"] * 100_000) + "]"
    text = (
        '{"format": "journeydesk", "format_version": 1, "x_big": [' + ",".join([inner] * 21) + "]}"
    )
    with pytest.raises(JsonSyntaxError) as info:
        load_bytes(text.encode())
    problem = info.value.problems[0]
    assert problem.path == "$"
    assert f"more than {jsonsafe.MAX_VALUES:,} JSON values" in problem.message


def test_an_unclosed_string_is_counted_in_linear_time() -> None:
    # Each escaped quote could start a string that never closes: a tokenizer that
    # retries from each one takes quadratic time (minutes here); ours one pass.
    text = '"' + '\\"' * 200_000 + "," * (jsonsafe.MAX_VALUES + 10)
    started = time.perf_counter()
    assert jsonsafe.count_values(text) <= jsonsafe.MAX_VALUES  # all inside the string
    assert time.perf_counter() - started < 5
    with pytest.raises(JsonSyntaxError):
        load_bytes(text.encode())


def test_the_value_limit_has_room_for_the_benchmarks_biggest_map_three_times() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from generate import make_big_project

    text = dump_bytes(make_big_project(5000)).decode()
    # 20,000 cards (four times this map) three times over
    assert 3 * 4 * jsonsafe.count_values(text) < jsonsafe.MAX_VALUES


def test_a_file_at_the_value_limit_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    document = copy.deepcopy(sample_document())
    text = json.dumps(document)
    values = reference_count(document)
    monkeypatch.setattr(jsonsafe, "MAX_VALUES", values)
    load_bytes(text.encode())
    monkeypatch.setattr(jsonsafe, "MAX_VALUES", values - 1)
    with pytest.raises(JsonSyntaxError):
        load_bytes(text.encode())
