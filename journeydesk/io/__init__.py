"""Project files: safe loading, migrations, atomic saving, recovery snapshots. No Qt."""

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
