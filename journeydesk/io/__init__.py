"""Project files: safe loading, migrations, atomic saving, recovery snapshots. No Qt.

The names below are loaded on first use (PEP 562 ``__getattr__``): the start
reads ``settings.json`` through ``journeydesk.io.statefile`` before the window
paints, and importing this package must not load the model (pydantic) then.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .errors import (
        EncodingError,
        FileTooLargeError,
        InvalidProjectError,
        JsonSyntaxError,
        MigrationError,
        NewerVersionError,
        NotAProjectError,
        ProjectFileError,
        UnreadableFileError,
        UnsavableProjectError,
    )
    from .project_file import (
        FILE_SUFFIX,
        MAX_FILE_BYTES,
        checked_bytes,
        dump_bytes,
        load_bytes,
        read_project,
        validate_file,
        write_project,
    )

__all__ = [
    "FILE_SUFFIX",
    "MAX_FILE_BYTES",
    "EncodingError",
    "FileTooLargeError",
    "InvalidProjectError",
    "JsonSyntaxError",
    "MigrationError",
    "NewerVersionError",
    "NotAProjectError",
    "ProjectFileError",
    "UnreadableFileError",
    "UnsavableProjectError",
    "checked_bytes",
    "dump_bytes",
    "load_bytes",
    "read_project",
    "validate_file",
    "write_project",
]
_PROJECT_FILE = {
    "FILE_SUFFIX",
    "MAX_FILE_BYTES",
    "checked_bytes",
    "dump_bytes",
    "load_bytes",
    "read_project",
    "validate_file",
    "write_project",
}
_HOME = {name: ".project_file" if name in _PROJECT_FILE else ".errors" for name in __all__}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
