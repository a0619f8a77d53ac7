"""The benches' generated maps (``bench/generate.py`` ``make_shape``: the
shapes current, wide and dense) for tests that hold a shortcut to the full
path on big, varied maps. Loaded from its file under a name of its own, so no
folder of scripts goes on ``sys.path``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from journeydesk.model.project import Project

_NAME = "journeydesk_bench_generate"
_PATH = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def _generate() -> ModuleType:
    module = sys.modules.get(_NAME)
    if module is None:
        spec = importlib.util.spec_from_file_location(_NAME, _PATH)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[_NAME] = module
        spec.loader.exec_module(module)
    return module


def make_shape(shape: str, n: int) -> Project:
    """A project whose first map has ``n`` cards laid out as ``shape``."""
    project: Project = _generate().make_shape(shape, n)
    return project
