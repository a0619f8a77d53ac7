"""The safe JSON reader on its own: what it refuses, where it says, and that the
fast path-free walk and the reporting pass agree."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk.io import jsonsafe
from journeydesk.model.checks import json_path


def refusal(text: str) -> list[tuple[str, str]]:
    with pytest.raises(jsonsafe.JsonProblem) as info:
        jsonsafe.loads(text)
    return [(p.path, p.message) for p in info.value.problems]


def test_plain_json_is_returned_as_is() -> None:
    value = {"a": [1, 2.5, "tre", None, True, {"b": {}}], "città": "perché"}
    assert jsonsafe.loads(json.dumps(value)) == value


def test_surrogate_pairs_written_as_escapes_are_characters() -> None:
    # Files written with ensure_ascii (by other tools) escape emoji as pairs.
    assert jsonsafe.loads('{"t": "\\ud83d\\ude00 \\uD83C\\uDDEE\\uD83C\\uDDF9"}') == {"t": "😀 🇮🇹"}


@pytest.mark.parametrize(
    ("text", "path", "what"),
    [
        ('{"a": "x\\ud800y"}', "$.a", "the text holds a lone UTF-16 surrogate"),
        ('{"a": ["ok", "\\udc00"]}', "$.a[1]", "the text holds a lone UTF-16 surrogate"),
        ('{"a": "\\ude00\\ud83d"}', "$.a", "the text holds a lone UTF-16 surrogate"),
        ('{"k\\ud800": 1}', '$["k\\ud800"]', "the key holds a lone UTF-16 surrogate"),
    ],
)
def test_lone_surrogates_are_refused(text: str, path: str, what: str) -> None:
    problems = refusal(text)
    assert problems[0][0] == path
    assert what in problems[0][1]
    for where, message in problems:
        (where + message).encode("utf-8")  # the report itself is printable


def test_integers_up_to_18_digits_are_read() -> None:
    assert jsonsafe.loads(str(10**18 - 1)) == 10**18 - 1
    assert jsonsafe.loads(str(-(10**18) + 1)) == -(10**18) + 1
    assert refusal(str(10**18)) == [("$", refusal(str(10**18))[0][1])]
    assert "19 digits" in refusal(str(10**18))[0][1]


def test_several_refusals_are_all_reported_in_document_order() -> None:
    text = '{"a": NaN, "b": {"c": 1, "c": 2}, "d": [1e999, -Infinity]}'
    assert [p for p, _ in refusal(text)] == ["$.a", "$.b.c", "$.d[0]", "$.d[1]"]


def test_reports_are_capped() -> None:
    text = "[" + ",".join(["NaN"] * 5000) + "]"
    assert len(refusal(text)) == jsonsafe.MAX_PROBLEMS


# --- the path-free walk and the reporting pass agree ---------------------------------

SMALL_DEPTH, SMALL_LENGTH = 4, 3

NESTED = st.recursive(
    st.integers(0, 9) | st.text("ab", max_size=2),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text("xyz", max_size=2), inner, max_size=5)
    ),
    max_leaves=30,
)


def violations(value: Any, depth: int = 1, loc: tuple[Any, ...] = ()) -> list[str]:
    """Paths of the containers too deep or too long, in document order (the reference)."""
    if not isinstance(value, (dict, list)):
        return []
    if depth > SMALL_DEPTH or len(value) > SMALL_LENGTH:
        return [json_path(loc)]
    items = value.items() if isinstance(value, dict) else enumerate(value)
    return [p for key, item in items for p in violations(item, depth + 1, (*loc, key))]


@settings(max_examples=200, deadline=None)
@given(NESTED)
def test_depth_and_length_limits_match_a_reference(value: Any) -> None:
    expected = violations(value)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(jsonsafe, "MAX_DEPTH", SMALL_DEPTH)
        patch.setattr(jsonsafe, "MAX_LENGTH", SMALL_LENGTH)
        assert jsonsafe._out_of_bounds(value) == bool(expected)
        try:
            result = jsonsafe.loads(json.dumps(value))
        except jsonsafe.JsonProblem as exc:
            reported = [p.path for p in exc.problems]
            assert expected, f"refused a value within the limits: {reported}"
            assert reported[0] == expected[0]
            assert set(reported) <= set(expected)
        else:
            assert not expected, f"accepted a value past the limits at {expected}"
            assert result == value


ESCAPES = st.lists(
    st.sampled_from(
        [
            "\\ud83d",
            "\\ude00",
            "\\uD800",
            "\\udc00",
            "\\uDBFF",
            "\\uDFFF",
            "a",
            "é",
            "\\\\",
            "\\u00e9",
        ]
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(ESCAPES)
def test_lone_surrogates_are_refused_exactly(units: list[str]) -> None:
    # The fast pre-scan must never miss a lone surrogate, and pairs must pass.
    text = '{"t": "' + "".join(units) + '"}'
    decoded = json.loads(text)["t"]
    try:
        decoded.encode("utf-8")
        lone = False
    except UnicodeEncodeError:
        lone = True
    if lone:
        assert refusal(text)[0][0] == "$.t"
    else:
        assert jsonsafe.loads(text) == {"t": decoded}
