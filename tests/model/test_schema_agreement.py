"""The published JSON Schema agrees with the loader.

Instances generated from the schema (hypothesis-jsonschema) must load, unless the
loader refuses them for one of the checks JSON Schema cannot express, which
docs/file-format.md lists under "What the schema does not check". Each such refusal
is matched here against that list, so a new kind of refusal fails this test until it
is documented (or the schema learns it). The other direction: files the schema
refuses and the loader used to accept or the reverse ({} at the root, a future
format_version, a label keyed by something that is not a language tag).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema

from journeydesk import templates
from journeydesk.io import ProjectFileError, dump_bytes, load_bytes
from journeydesk.model import project as model
from journeydesk.model.schema import project_json_schema

SCHEMA = project_json_schema()
DOC = Path(__file__).resolve().parents[2] / "docs" / "file-format.md"

# What the loader may refuse in a schema-valid instance: (where, message) patterns, one
# group per line of the list in docs/file-format.md.
SEMANTIC = {
    "references": [r"\b(\w+) [0-9a-f-]{36} does not exist", r"has no based_on"],
    "unique ids": [r"^id [0-9a-f-]{36} is already used at "],
    "self-references": [
        r"^a map cannot be based on itself$",
        r"^a card cannot relate to itself$",
        r"^a connection cannot join a card to itself$",
    ],
    "spans past the map": [r"^spans \d+ (steps|lanes) but only \d+ follow"],
    "score keys": [
        r"^score '.*' is not defined$",
        r"^score key '.*' is defined twice$",
        r"is outside the range",
    ],
    "curve scores within the scale": [r"is outside the curve's scale"],
    "min below max": [r"^min \(.*\) must be below max \(.*\)$"],
    "images": [r"^\$\.assets\[\d+\]\.data$"],  # matched on the path: the asset's bytes
    "JSON limits": [
        r"numbers this large are refused",
        r"nesting is deeper than",
        r"may hold at most [\d,]+$",
        r"JSON values",
    ],
}
PATTERNS = [re.compile(p) for group in SEMANTIC.values() for p in group]


def unexpressible(path: str, message: str) -> bool:
    return any(p.search(message) or p.search(path) for p in PATTERNS)


def test_every_group_is_listed_in_the_format_doc() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## What the schema does not check", 1)[1].split("\n## ", 1)[0]
    for group in SEMANTIC:
        assert f"**{group}**" in section, group


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(from_schema(SCHEMA))
def test_instances_of_the_schema_load_unless_a_listed_check_refuses(instance: Any) -> None:
    data = json.dumps(instance, ensure_ascii=False).encode("utf-8")
    try:
        load_bytes(data)
    except ProjectFileError as exc:
        unexplained = [p for p in exc.problems if not unexpressible(p.path, p.message)]
        assert not unexplained, unexplained


DEFS = sorted(SCHEMA["$defs"])


@pytest.mark.parametrize("name", DEFS)
def test_instances_of_each_definition_validate(name: str) -> None:
    # Each type on its own, so deep ones (cards, curve points, scenes) are generated
    # often; pydantic's validation is the loader's stage for types and ranges.
    schema = {**SCHEMA["$defs"][name], "$defs": SCHEMA["$defs"]}
    cls = getattr(model, name)

    @settings(
        max_examples=6,
        deadline=None,
        # hypothesis-jsonschema discards drafts its own patterns and unique lists
        # refuse (a Stage's nested steps, cards and ids): not our filtering, and
        # it failed the run now and then
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )
    @given(from_schema(schema))
    def check(instance: Any) -> None:
        try:
            cls.model_validate_json(json.dumps(instance, ensure_ascii=False))
        except ValueError as exc:
            errors = exc.errors() if hasattr(exc, "errors") else []
            unexplained = [
                e
                for e in errors
                if not unexpressible("", str(e["msg"]).removeprefix("Value error, "))
            ]
            assert not unexplained, unexplained

    check()


def blank() -> dict[str, Any]:
    return json.loads(dump_bytes(templates.new_project("blank", "en")))


def schema_accepts(document: Any) -> bool:
    return jsonschema.Draft202012Validator(SCHEMA).is_valid(document)


def loader_accepts(document: Any) -> bool:
    try:
        load_bytes(json.dumps(document).encode())
    except ProjectFileError:
        return False
    return True


def _label(document: dict[str, Any], key: str) -> dict[str, Any]:
    document["vocabularies"]["channels"] = [{"key": "kiosk", "label": {key: "Chiosco"}}]
    return document


@pytest.mark.parametrize(
    ("document", "accepted"),
    [
        ({}, False),
        ({"format": "journeydesk"}, False),
        ({"format_version": 1}, False),
        ({"format": "journeydesk", "format_version": 1}, True),
        ({"format": "journeydesk", "format_version": model.FORMAT_VERSION + 1}, False),
        ({"format": "journeydesk", "format_version": 0}, False),
        ({"format": "drawio", "format_version": 1}, False),
        (_label(blank(), "not a tag"), False),
        (_label(blank(), "pt-BR"), True),
        (_label(blank(), ""), False),
        ({**blank(), "created": "2024-03-01T09:00:00+01:00"}, True),
    ],
    ids=[
        "empty",
        "no-version",
        "no-format",
        "minimal",
        "future-version",
        "version-0",
        "other-format",
        "label-key-not-a-tag",
        "label-key-tag",
        "label-key-empty",
        "created-with-offset",
    ],
)
def test_schema_and_loader_agree_on_the_root_and_labels(
    document: dict[str, Any], accepted: bool
) -> None:
    assert schema_accepts(document) == accepted
    assert loader_accepts(document) == accepted
