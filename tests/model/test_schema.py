"""The JSON Schema in docs/ is generated from the model and kept current."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from journeydesk import templates
from journeydesk.io import dump_bytes
from journeydesk.model.schema import schema_text

DOCS_SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "project.schema.json"


def test_docs_schema_is_current() -> None:
    assert DOCS_SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "docs/project.schema.json is stale: run "
        "`python -m journeydesk.model.schema docs/project.schema.json`"
    )


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_text()))


@pytest.mark.parametrize("key", templates.template_keys())
@pytest.mark.parametrize("lang", templates.LANGUAGES)
def test_templates_validate_against_the_schema(key: str, lang: str) -> None:
    schema = json.loads(schema_text())
    document = json.loads(dump_bytes(templates.new_project(key, lang)))
    jsonschema.validate(document, schema)


def test_schema_refuses_what_the_model_refuses() -> None:
    schema = json.loads(schema_text())
    document = json.loads(dump_bytes(templates.new_project("blank", "en")))
    document["maps"][0]["type"] = "mind_map"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
