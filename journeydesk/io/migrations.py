"""The chain of format migrations.

``MIGRATIONS[n]`` turns a version-``n`` document (plain JSON data) into a
version-``n + 1`` one. Loading applies the chain from the file's version up to
``FORMAT_VERSION``. A format change that an older JourneyDesk would misread
bumps ``FORMAT_VERSION`` in model/project.py, adds one small function here
and a fixture file of the old version under tests/io/fixtures/. Adding an
optional field with a default needs none of this.

Version 1 is the first format, so the chain is empty today.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journeydesk.model import project as _model

Document = dict[str, Any]
Migration = Callable[[Document], Document]

MIGRATIONS: dict[int, Migration] = {}
"""from-version → function returning the document at from-version + 1."""


class MigrationFailed(Exception):
    def __init__(self, version: int, message: str) -> None:
        self.version = version
        super().__init__(message)


def migrate(document: Document, target: int | None = None) -> Document:
    """Bring ``document`` from its ``format_version`` up to ``target``.

    ``target`` defaults to the current ``FORMAT_VERSION``, looked up at call
    time (so tests can register a throwaway step and version).
    """
    if target is None:
        target = _model.FORMAT_VERSION
    version = document["format_version"]
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationFailed(
                version, f"no migration from format version {version} to {version + 1}"
            )
        try:
            document = step(document)
        except Exception as exc:  # a step meets untrusted data: any failure is the file's
            raise MigrationFailed(
                version,
                f"the file could not be upgraded from format version {version}: {exc!r}",
            ) from None
        if not isinstance(document, dict):
            raise MigrationFailed(
                version,
                f"the upgrade from format version {version} gave {type(document).__name__}, "
                "not a document",
            )
        version += 1
        document["format_version"] = version
    return document
