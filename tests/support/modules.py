"""Test files that share another test file's helpers (or a bench script's)
load it by path under a name of their own: the test folders are not
packages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load(path: Path, name: str, register: bool = False) -> ModuleType:
    """The module at ``path``, run once under ``name`` (``register``: also put
    in ``sys.modules``, for a module whose dataclasses or pickles look
    themselves up there)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    if register:
        sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
