"""Atomic file writes: the old file stays intact until the new one is whole.

Write to a temporary file in the same folder, flush, fsync, then
``os.replace`` over the target and fsync the folder, so a crash or a kill at
any moment leaves either the old file or the new one, never a mix. The saved
file keeps the permission bits (and, where the system allows, the owner and
group) of the one it replaces.

A kill during the write leaves the temporary file behind, beside the user's
file. Its name says it is ours and who wrote it
(``.NAME.jd-HOSTTAG-PID-RANDOM.tmp``), so the next save or open of that file
removes the ones whose writer is gone (:func:`remove_stale_temps`): a pid
no longer running on this machine, or any of ours older than
:data:`STALE_SECONDS`. Temporary files of older versions
(``.NAME.XXXXXXXX.tmp``, from ``tempfile.mkstemp``) go by age alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .process import host_tag, process_alive

STALE_SECONDS = 3600
"""A temporary file of ours this old is litter whoever wrote it (no save takes an hour)."""

_OURS = re.compile(r"^jd-(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]{1,10})-[0-9a-f]{8,32}$")
_LEGACY = re.compile(r"^[a-z0-9_]{8}$")


def temp_name(target_name: str) -> str:
    """A fresh name for the temporary file of a write to ``target_name``."""
    return f".{target_name}.jd-{host_tag()}-{os.getpid()}-{secrets.token_hex(8)}.tmp"


def _create_temp(folder: Path, target_name: str) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = os.path.join(folder, temp_name(target_name))
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into, piece by piece (a
    PNG of a few hundred megabytes is written band by band, never held whole):
    it replaces ``path`` when the block ends, and is removed, leaving ``path``
    as it was, when the block raises."""
    target = Path(path)
    if target.is_symlink():
        # Write through the link, as editors do: replacing the link itself would
        # leave the linked file (on a shared drive, say) with the old content.
        target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temps(target)
    mode: int | None = None
    owner: tuple[int, int] | None = None
    with contextlib.suppress(FileNotFoundError):
        old = os.stat(target)
        mode = stat.S_IMODE(old.st_mode)
        owner = (old.st_uid, old.st_gid)
    fd, tmp_name = _create_temp(folder, target.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if owner is not None and hasattr(os, "chown"):
            # Keep the file's owner and group (a shared folder's group, or
            # another user's file saved by an administrator), where allowed.
            with contextlib.suppress(OSError):
                os.chown(tmp_name, *owner)
        if mode is not None:
            os.chmod(tmp_name, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)


def is_stale_temp(entry_name: str, target_name: str, mtime: float, now: float) -> bool:
    """Whether ``entry_name`` is a temporary file a write to ``target_name`` left behind."""
    prefix, suffix = f".{target_name}.", ".tmp"
    if not (entry_name.startswith(prefix) and entry_name.endswith(suffix)):
        return False
    middle = entry_name[len(prefix) : -len(suffix)]
    old = now - mtime > STALE_SECONDS
    ours = _OURS.match(middle)
    if ours is not None:
        if old:
            return True
        return ours["host"] == host_tag() and not process_alive(int(ours["pid"]))
    return bool(_LEGACY.match(middle)) and old


def remove_stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files that killed writes to ``path`` left beside it.
    Never raises: a folder that cannot be listed, or a file that cannot be
    removed, is left as it is."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    now = time.time()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if not is_stale_temp(entry.name, target.name, entry.stat().st_mtime, now):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
