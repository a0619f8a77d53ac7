"""What a file on disk was when we last read or wrote it, to notice others' changes.

A project file may sit on a shared drive, in a synced folder or in git: another
program (or colleague) can replace it while it is open here. The identity
(size, modification time in nanoseconds, SHA-256 of the bytes) is recorded at
open and after each save; before saving over the file, and when the folder
watcher fires, the file on disk is compared with it. A different size decides
at once; otherwise the hash does, so a touched-but-same file (``touch``, a sync
tool rewriting identical bytes) is not a change and a same-size change within
a coarse file time is. Callers may skip the hash while (size, mtime) stay what
they last checked. No Qt here.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileIdentity:
    size: int
    mtime_ns: int
    sha256: str

    @staticmethod
    def of_bytes(data: bytes, stat: os.stat_result) -> FileIdentity:
        """The identity of a file whose content is ``data`` and whose stat is ``stat``."""
        return FileIdentity(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


def hash_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def identity_after_write(path: str | os.PathLike[str], data: bytes) -> FileIdentity | None:
    """The identity of a file we just wrote ``data`` to (None when it cannot be stat'ed)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return FileIdentity.of_bytes(data, stat)


def changed_on_disk(path: str | os.PathLike[str], known: FileIdentity | None) -> bool:
    """Whether the file at ``path`` is no longer the one ``known`` describes.

    A missing file counts as changed (someone deleted or renamed it); with no
    identity recorded (a new file) nothing can be said, so it is not changed.
    A file that cannot be read counts as changed, so a save asks first."""
    if known is None:
        return False
    try:
        stat = os.stat(Path(path))
    except FileNotFoundError:
        return True
    except OSError:
        return True
    if stat.st_size != known.size:
        return True
    # Same size: only the bytes tell. The time alone is not trusted either way:
    # a touch changes it without changing the file, and a file system with
    # coarse times (FAT, network shares) may keep it across a real change.
    try:
        return hash_file(path) != known.sha256
    except OSError:
        return True
