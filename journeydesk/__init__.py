"""JourneyDesk: an offline desktop editor for customer journey maps.

The version has one home, ``pyproject.toml``. Run from a source checkout (an
editable install included, whose recorded metadata may be older than the
checkout) it is read from there; installed from a wheel, or frozen in the
desktop bundle (which carries the package's metadata), from the package
metadata.

``__version__`` is worked out on first use (PEP 562 ``__getattr__``): parsing
pyproject.toml, or importing ``importlib.metadata`` in an installed copy, is
start-up time the first window need not wait for (bench/bench_startup.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def source_project() -> dict[str, Any] | None:
    """The ``[project]`` table of pyproject.toml when running from a source
    checkout of JourneyDesk, else None."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if not pyproject.is_file():
        return None
    import tomllib

    try:
        project = tomllib.loads(pyproject.read_text("utf-8")).get("project")
    except (OSError, ValueError):
        return None
    if not isinstance(project, dict) or project.get("name") != "journeydesk":
        return None
    return project


def _version() -> str:
    project = source_project()
    if project is not None and isinstance(project.get("version"), str):
        return str(project["version"])
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("journeydesk")
    except PackageNotFoundError:  # a copy of the package with neither
        return "0+unknown"


__version__: str
"""The version (set on first use by ``__getattr__``)."""


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = globals()["__version__"] = _version()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
