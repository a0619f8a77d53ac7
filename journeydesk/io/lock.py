"""A lock file beside an open project, so a second JourneyDesk knows it is open.

``.NAME.journeydesk-lock`` (hidden on Linux and macOS) sits in the project's
folder while a window has the file open; it holds JSON
``{pid, host, user, boot, started, token}``. Another instance that finds it
says who has the file open and offers a read-only copy instead. A lock whose
pid no longer runs on this machine (or ran before its last restart), or that
cannot be read or parsed (a crash while writing it, garbage, a folder in its
place that we can remove), is stale and taken over, so a crash never blocks
a file for good. A lock from another machine cannot be checked and is
trusted for :data:`FOREIGN_STALE_SECONDS`.

Failing to write a lock (read-only folder, full disk) never stops the file
from opening: the file is then simply unlocked. No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .process import boot_id, from_this_boot, host_name, process_alive, user_name, valid_pid

LOCK_SUFFIX = ".journeydesk-lock"
MAX_LOCK_BYTES = 4096
FOREIGN_STALE_SECONDS = 7 * 24 * 3600
"""A lock from another machine older than this is taken over (its owner cannot be asked)."""


def lock_path(path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock, as the lock file says (plain text from a file: untrusted)."""

    pid: int | None
    host: str
    user: str
    started: str

    def describe(self) -> str:
        who = self.user or "?"
        where = self.host or "?"
        return f"{who}@{where}"


@dataclass
class FileLock:
    """A lock this process holds; ``release`` removes it if it is still ours."""

    path: Path
    """The lock file."""
    token: str

    def still_ours(self) -> bool:
        data = _read(self.path)
        return isinstance(data, dict) and data.get("token") == self.token

    def release(self) -> None:
        if self.still_ours():
            with contextlib.suppress(OSError):
                self.path.unlink()


def _read(path: Path) -> object:
    """The lock file's JSON, or None when it is unreadable or not JSON."""
    try:
        if not path.is_file():  # a FIFO would block the open
            return None
        with open(path, "rb") as handle:
            raw = handle.read(MAX_LOCK_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_LOCK_BYTES:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None


def _text(value: object, limit: int = 200) -> str:
    return value[:limit] if isinstance(value, str) else ""


def owner_of(path: str | os.PathLike[str]) -> LockOwner | None:
    """Who holds the lock of the project at ``path``, if a live holder does."""
    lock = lock_path(path)
    if not os.path.lexists(lock):
        return None
    data = _read(lock)
    if not isinstance(data, dict) or _stale(data, lock):
        return None
    return LockOwner(
        valid_pid(data.get("pid")),
        _text(data.get("host")),
        _text(data.get("user")),
        _text(data.get("started")),
    )


def _stale(data: dict[str, object], lock: Path) -> bool:
    pid = valid_pid(data.get("pid"))
    if pid is None:
        return True
    host = data.get("host")
    if not isinstance(host, str):
        return True
    if host == host_name():
        return not from_this_boot(data.get("boot")) or not process_alive(pid)
    try:
        age = dt.datetime.now().timestamp() - lock.stat().st_mtime
    except OSError:
        return True
    return age > FOREIGN_STALE_SECONDS


def _payload(token: str) -> bytes:
    return json.dumps(
        {
            "pid": os.getpid(),
            "host": host_name(),
            "user": user_name(),
            "boot": boot_id(),
            "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "token": token,
        }
    ).encode("utf-8")


def _create(lock: Path, payload: bytes) -> bool:
    """Create the lock file exclusively; False if it exists."""
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, payload)
    finally:
        os.close(fd)
    if os.name == "nt":  # the leading dot hides it elsewhere
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.windll.kernel32.SetFileAttributesW(str(lock), 0x2)  # type: ignore[attr-defined,unused-ignore]
    return True


def acquire(path: str | os.PathLike[str]) -> FileLock | LockOwner | None:
    """Lock the project at ``path``.

    Returns the :class:`FileLock` on success, the :class:`LockOwner` when a
    live process holds the file, or None when no lock can be written here
    (the file opens unlocked)."""
    lock = lock_path(path)
    token = secrets.token_hex(16)
    payload = _payload(token)
    for _ in range(3):
        try:
            if _create(lock, payload):
                return FileLock(lock, token)
        except OSError:
            return None
        owner = owner_of(path)
        if owner is not None:
            return owner
        # Stale: take it over. Remove and create again, so that of two
        # processes taking over at once only one wins the exclusive create.
        try:
            if lock.is_dir() and not lock.is_symlink():
                lock.rmdir()
            else:
                lock.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            return None
    return None
