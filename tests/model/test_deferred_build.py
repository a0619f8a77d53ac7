"""The model's classes build their validators when first used (``defer_build``,
model/base.py), not when they are made: importing the model builds none but the
one its module-level constants need, and a deferred ``Project`` validates every
document exactly as the same classes built at once do (same JSON schema, same
objects, same errors) on the sample and on several hundred documents with one
value replaced by an odd one.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from journey_samples import sample_document
from pydantic import BaseModel, ValidationError

import journeydesk.model as model
from journeydesk.model import Project

ODD_VALUES: list[Any] = [None, "", "x", -1, 0, 2.5, 1e300, True, [], {}, "#12345", "2026-13-01"]

EAGER = r"""
import json, sys, types
import journeydesk
# base.py alone first (the package's __init__ would make every class at once) ...
package = types.ModuleType("journeydesk.model")
package.__path__ = [journeydesk.__path__[0] + "/model"]
sys.modules["journeydesk.model"] = package
import journeydesk.model.base as base
del sys.modules["journeydesk.model"]  # ... the package itself comes below
# The same classes built at once: every class made after this inherits the flag.
for cls in (base.JDModel, base.Element):
    cls.model_config["defer_build"] = False
CHANGE = sys.argv[2]
if CHANGE:  # the test's own check that a different model is noticed
    base.JDModel.model_config[CHANGE] = True
    base.Element.model_config[CHANGE] = True
from journeydesk.model import Project
sys.path[:0] = [sys.argv[3], sys.argv[3] + "/../io"]
from test_deferred_build import outcomes, schemas
with open(sys.argv[1], encoding="utf-8") as f:
    documents = json.load(f)
built_at_import = Project.__pydantic_complete__
print(json.dumps({"complete": built_at_import, "schemas": schemas(),
                  "outcomes": outcomes(documents)}))
"""


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaves(v, (*path, k))] + [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _leaves(v, (*path, i))] + [path]
    return [path]


def odd_documents(count: int = 300) -> list[Any]:
    """The sample, then ``count`` copies with one value (leaf, list or object) replaced."""
    base = sample_document()
    paths = [p for p in _leaves(base) if p]
    rng = random.Random(14)
    out: list[Any] = [base]
    for _ in range(count):
        doc = json.loads(json.dumps(base))
        *parent_path, last = rng.choice(paths)
        parent = doc
        for key in parent_path:
            parent = parent[key]
        parent[last] = rng.choice(ODD_VALUES)
        out.append(doc)
    return out


def outcomes(documents: list[Any]) -> list[Any]:
    """What validating each document gives: its dump, or its errors."""
    out: list[Any] = []
    for doc in documents:
        try:
            project = Project.model_validate(doc)
        except ValidationError as exc:
            out.append(["refused", [[e["type"], list(e["loc"]), e["msg"]] for e in exc.errors()]])
        else:
            out.append(["loaded", project.model_dump(mode="json")])
    return out


def schemas() -> dict[str, Any]:
    """Every model class's JSON schema (validation mode)."""
    found = {
        name: cls.model_json_schema()
        for name, cls in sorted(vars(model).items())
        if isinstance(cls, type) and issubclass(cls, BaseModel)
    }
    return found


def _eager(documents: list[Any], tmp_path: Path, change: str = "") -> dict[str, Any]:
    source = tmp_path / "documents.json"
    source.write_text(json.dumps(documents), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", EAGER, str(source), change, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_deferred_and_eager_classes_validate_alike(tmp_path: Path) -> None:
    documents = odd_documents()
    eager = _eager(documents, tmp_path)
    assert eager["complete"] is True  # the other side really was built at once
    ours = outcomes(documents)
    assert sum(1 for o in ours if o[0] == "refused") > 100  # the odd values do get refused
    assert sum(1 for o in ours if o[0] == "loaded") > 20
    assert json.loads(json.dumps(ours)) == eager["outcomes"]
    assert json.loads(json.dumps(schemas())) == eager["schemas"]


def test_the_comparison_notices_a_different_model(tmp_path: Path) -> None:
    """The check above can fail: classes built with another option differ."""
    documents = odd_documents(60)
    eager = _eager(documents, tmp_path, change="strict")
    assert json.loads(json.dumps(outcomes(documents))) != eager["outcomes"]


def test_importing_the_model_builds_no_validator_of_a_map() -> None:
    code = (
        "import journeydesk.model as m\n"
        "print(sorted(n for n, c in vars(m).items() if isinstance(c, type)"
        " and hasattr(c, '__pydantic_complete__') and c.__pydantic_complete__))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    # ScoreDefinition: the built-in scores are made when the model is imported.
    assert done.stdout.split() == ["['ScoreDefinition']"]


def test_complete_model_classes_builds_every_deferred_class_once() -> None:
    """What the app runs when idle after an open (ui.main_window._collect_and_freeze):
    afterwards no class waits for its first use, and a second call builds nothing."""
    from journeydesk.model.base import JDModel, complete_model_classes

    complete_model_classes()
    todo, classes = [JDModel], []
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        classes.append(cls)
    assert len(classes) > 20
    assert all(c.__pydantic_complete__ for c in classes if c is not JDModel)
    assert type(model.Card.__pydantic_validator__).__name__ == "SchemaValidator"
    assert complete_model_classes() == 0
