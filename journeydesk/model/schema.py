"""The JSON Schema of the project file, generated from the model.

``docs/project.schema.json`` is this schema; regenerate it with
``python -m journeydesk.model.schema docs/project.schema.json`` after a model
change (tests/model/test_schema.py fails while it is stale). The schema
checks types and ranges; cross-references (ids that must resolve) are
JourneyDesk's own checks and cannot be expressed in JSON Schema.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from .project import FORMAT_VERSION, Project

SCHEMA_ID = f"https://journeydesk.invalid/schema/project-v{FORMAT_VERSION}.json"


def project_json_schema() -> dict[str, Any]:
    schema = Project.model_json_schema(mode="validation")
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
    schema["title"] = f"JourneyDesk project file, format version {FORMAT_VERSION}"
    return schema


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
