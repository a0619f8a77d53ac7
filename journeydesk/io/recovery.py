"""Recovery snapshots for the editor's autosave.

While a document has unsaved changes the editor writes a snapshot here every
so often; the user's own file is never touched. After a crash the next start
lists the snapshots and offers to restore, compare or discard them.

A snapshot is two files in ``paths.recovery_dir()``: ``<key>.journey`` (the
project, written atomically) and ``<key>.meta.json`` (where it came from and
when), written after the project. The metadata only describes: whatever
shape it has, a readable snapshot is listed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from journeydesk import paths
from journeydesk.model.project import Project

from .atomic import atomic_write_bytes
from .errors import ProjectFileError
from .process import boot_id, valid_pid
from .project_file import dump_bytes, read_project
from .statefile import read_json

_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SNAPSHOT_SUFFIX = ".journey"
FRESH_SECONDS = 10.0
"""A snapshot without metadata younger than this may still be being written."""
MAX_TITLE_CHARS = 500
MAX_PATH_CHARS = 4096


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
    boot: str = ""
    """The boot of the machine that wrote it ("" when unknown)."""


def _check_key(key: str) -> str:
    if not _KEY.match(key):
        raise ValueError(f"bad snapshot key {key!r}")
    return key


def write_snapshot(
    project: Project, key: str, original: str | os.PathLike[str] | None = None
) -> Snapshot:
    """Write (or overwrite) the snapshot ``key`` of a document."""
    return write_snapshot_bytes(dump_bytes(project), key, project.title, original)


def write_snapshot_bytes(
    data: bytes,
    key: str,
    title: str,
    original: str | os.PathLike[str] | None = None,
    folder: Path | None = None,
) -> Snapshot:
    """Write (or overwrite) the snapshot ``key`` from a project's file bytes
    (``dump_bytes``) and its title, into ``folder`` (``paths.recovery_dir()``
    by default). Touches no model: the editor calls it on a worker thread
    with bytes made on the UI thread."""
    folder = folder if folder is not None else paths.recovery_dir()
    folder.mkdir(parents=True, exist_ok=True)
    data_path = folder / f"{_check_key(key)}.journey"
    atomic_write_bytes(data_path, data)
    saved_at = dt.datetime.now(dt.UTC)
    original_name = os.fspath(original) if original is not None else None
    meta = {
        "original": original_name,
        "title": title,
        "saved_at": saved_at.isoformat(),
        "pid": os.getpid(),
        "boot": boot_id(),
    }
    atomic_write_bytes(
        folder / f"{key}.meta.json", json.dumps(meta, ensure_ascii=False, indent=2).encode()
    )
    return Snapshot(key, data_path, original_name, title, saved_at, os.getpid(), boot_id())


def list_snapshots() -> list[Snapshot]:
    """Snapshots on disk, newest first.

    Every snapshot whose project file is there is listed, whatever its
    metadata says: missing, damaged or odd metadata (wrong types, naive
    timestamps, impossible pids) gives defaults for what it cannot tell
    (the file's time, no title, no owner), so the work is still offered.
    A project file without metadata that is only seconds old may be one a
    running JourneyDesk is writing right now; it waits for a later look."""
    folder = paths.recovery_dir()
    try:
        data_paths = sorted(folder.glob(f"*{SNAPSHOT_SUFFIX}"))
    except OSError:
        return []
    now = time.time()
    found: list[Snapshot] = []
    for data_path in data_paths:
        key = data_path.name.removesuffix(SNAPSHOT_SUFFIX)
        if not _KEY.match(key):
            continue
        try:
            stat = data_path.stat()
        except OSError:
            continue
        if not S_ISREG(stat.st_mode):
            continue
        meta_path = folder / f"{key}.meta.json"
        if not meta_path.exists() and now - stat.st_mtime < FRESH_SECONDS:
            continue
        meta = read_json(meta_path)
        if not isinstance(meta, dict):
            meta = {}
        title = meta.get("title")
        found.append(
            Snapshot(
                key,
                data_path,
                _original(meta.get("original")),
                _title(title) if isinstance(title, str) else _title_from(data_path),
                _saved_at(meta.get("saved_at"), stat.st_mtime),
                valid_pid(meta.get("pid")),
                _boot(meta.get("boot")),
            )
        )
    found.sort(key=lambda s: s.saved_at, reverse=True)
    return found


def _boot(value: object) -> str:
    return value[:64] if isinstance(value, str) else ""


def _original(value: object) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= MAX_PATH_CHARS and "\x00" not in value:
        return value
    return None


def _title(value: object) -> str:
    return value[:MAX_TITLE_CHARS] if isinstance(value, str) else ""


def _title_from(data_path: Path) -> str:
    """The project's own title, when the metadata cannot say it."""
    try:
        return _title(read_project(data_path).title)
    except ProjectFileError:
        return ""


def _saved_at(value: object, mtime: float) -> dt.datetime:
    """An aware time the dialog can show; the file's time when the metadata has none."""
    fallback = dt.datetime.fromtimestamp(mtime, dt.UTC)
    if not isinstance(value, str) or len(value) > 64:
        return fallback
    try:
        when = dt.datetime.fromisoformat(value)
        if when.tzinfo is None or when.utcoffset() is None:
            when = when.replace(tzinfo=dt.UTC)  # we always wrote UTC
        when = when.astimezone(dt.UTC)
        when.astimezone()  # shown in local time: must convert
    except (ValueError, OverflowError, OSError):
        return fallback
    return when


def load_snapshot(snapshot: Snapshot) -> Project:
    """The snapshot's project; raises ProjectFileError like any project file."""
    return read_project(snapshot.path)


def discard_snapshot(key: str, folder: Path | None = None) -> None:
    folder = folder if folder is not None else paths.recovery_dir()
    for name in (f"{_check_key(key)}.meta.json", f"{key}.journey"):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
