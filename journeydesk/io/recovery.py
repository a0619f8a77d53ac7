"""Recovery snapshots for the editor's autosave.

While a document has unsaved changes the editor writes a snapshot here every
so often; the user's own file is never touched. After a crash the next start
lists the snapshots and offers to restore, compare or discard them.

A snapshot is two files in ``paths.recovery_dir()``: ``<key>.journey`` (the
project, written atomically) and ``<key>.meta.json`` (where it came from and
when), written after the project so a listed snapshot always has its data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from journeydesk import paths
from journeydesk.model.project import Project

from .atomic import atomic_write_bytes
from .project_file import dump_bytes, read_project

_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class Snapshot:
    key: str
    path: Path
    """The snapshot's project file."""
    original: str | None
    """The file the user was editing, or None for an untitled document."""
    title: str
    saved_at: dt.datetime
    pid: int | None


def _check_key(key: str) -> str:
    if not _KEY.match(key):
        raise ValueError(f"bad snapshot key {key!r}")
    return key


def write_snapshot(
    project: Project, key: str, original: str | os.PathLike[str] | None = None
) -> Snapshot:
    """Write (or overwrite) the snapshot ``key`` of a document."""
    folder = paths.recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    data_path = folder / f"{_check_key(key)}.journey"
    atomic_write_bytes(data_path, dump_bytes(project))
    saved_at = dt.datetime.now(dt.UTC)
    original_name = os.fspath(original) if original is not None else None
    meta = {
        "original": original_name,
        "title": project.title,
        "saved_at": saved_at.isoformat(),
        "pid": os.getpid(),
    }
    atomic_write_bytes(
        folder / f"{key}.meta.json", json.dumps(meta, ensure_ascii=False, indent=2).encode()
    )
    return Snapshot(key, data_path, original_name, project.title, saved_at, os.getpid())


def list_snapshots() -> list[Snapshot]:
    """Snapshots on disk, newest first. Unreadable metadata is skipped, not deleted."""
    folder = paths.recovery_dir()
    if not folder.is_dir():
        return []
    found: list[Snapshot] = []
    for meta_path in folder.glob("*.meta.json"):
        key = meta_path.name.removesuffix(".meta.json")
        data_path = folder / f"{key}.journey"
        if not _KEY.match(key) or not data_path.is_file():
            continue
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            saved_at = dt.datetime.fromisoformat(meta["saved_at"])
            original = meta.get("original")
            title = str(meta.get("title", ""))
            pid = meta.get("pid")
        except (OSError, ValueError, KeyError, TypeError):
            continue
        found.append(
            Snapshot(
                key,
                data_path,
                original if isinstance(original, str) else None,
                title,
                saved_at,
                pid if isinstance(pid, int) else None,
            )
        )
    found.sort(key=lambda s: s.saved_at, reverse=True)
    return found


def load_snapshot(snapshot: Snapshot) -> Project:
    """The snapshot's project; raises ProjectFileError like any project file."""
    return read_project(snapshot.path)


def discard_snapshot(key: str) -> None:
    folder = paths.recovery_dir()
    for name in (f"{_check_key(key)}.meta.json", f"{key}.journey"):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
