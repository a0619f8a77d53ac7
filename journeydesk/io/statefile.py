"""Reading JourneyDesk's own small JSON files (settings, recovery metadata).

They are ours, but anything may be in them: a half-written file, another
version's shape, a hand edit, garbage from a broken disk. Whatever they hold,
reading them must not stop the app from starting, so this reader returns
None instead of raising: it bounds the size, and catches what the standard
parser raises on bad bytes, bad JSON, too deep nesting (RecursionError) and
too long numbers. Callers then check every value's type. No Qt here.
"""

from __future__ import annotations

import json
import os

MAX_STATE_BYTES = 1 << 20
"""Largest settings or metadata file read (1 MiB; ours are a few KB)."""


def read_json(path: str | os.PathLike[str], max_bytes: int = MAX_STATE_BYTES) -> object:
    """The file's JSON value, or None when it is missing, too big or not JSON
    (or not a regular file: opening a FIFO put in its place would block)."""
    try:
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except (OSError, ValueError):
        return None
    if len(raw) > max_bytes:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError, MemoryError):
        return None
