"""The JSON Schema of the project file, generated from the model.

``docs/project.schema.json`` is this schema; regenerate it with
``python -m journeydesk.model.schema docs/project.schema.json`` after a model
change (tests/model/test_schema.py fails while it is stale).

The schema describes the current format version only (``format_version`` is a
constant): older files are migrated on load, newer ones refused. It checks types,
ranges and lengths, and is tightened here where pydantic's output is looser than
the loader: the root requires ``format`` and ``format_version``, and keys of
labels must be language tags. What JSON Schema cannot express (ids that must
resolve, spans past the map, self-connections, score keys, a minimum below its
maximum, images, the JSON reader's limits) is listed in docs/file-format.md and
checked by JourneyDesk only; tests/model/test_schema_agreement.py generates
instances from the schema and checks the loader agrees.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from .project import FORMAT_NAME, FORMAT_VERSION, Project

SCHEMA_ID = f"https://journeydesk.invalid/schema/project-v{FORMAT_VERSION}.json"


def project_json_schema() -> dict[str, Any]:
    schema = Project.model_json_schema(mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
    schema["title"] = f"JourneyDesk project file, format version {FORMAT_VERSION}"
    properties = schema["properties"]
    properties["format"] = {"const": FORMAT_NAME, "title": "Format", "type": "string"}
    properties["format_version"] = {
        "const": FORMAT_VERSION,
        "title": "Format Version",
        "type": "integer",
        "description": "The current version; older files are migrated when loaded.",
    }
    schema["required"] = ["format", "format_version", *schema.get("required", [])]
    _keys_by_pattern(schema)
    return schema


def _keys_by_pattern(node: Any) -> None:
    """Make ``patternProperties`` (pydantic's form of ``dict[LangTag, ...]``) a rule on
    every key: ``propertyNames`` gets the pattern, so a key that is not a language tag is
    refused rather than allowed as an additional property."""
    if isinstance(node, dict):
        patterns = node.get("patternProperties")
        if isinstance(patterns, dict) and len(patterns) == 1 and node.get("type") == "object":
            ((pattern, value),) = patterns.items()
            del node["patternProperties"]
            node["propertyNames"] = {**node.get("propertyNames", {}), "pattern": pattern}
            node["additionalProperties"] = value
        for child in node.values():
            _keys_by_pattern(child)
    elif isinstance(node, list):
        for child in node:
            _keys_by_pattern(child)


def schema_text() -> str:
    return json.dumps(project_json_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m journeydesk.model.schema OUT.json", file=sys.stderr)
        return 2
    with open(argv[0], "w", encoding="utf-8", newline="\n") as handle:
        handle.write(schema_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
