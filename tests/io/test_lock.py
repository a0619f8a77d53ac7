"""The lock file beside an open project: who holds it, stale locks taken over."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from journeydesk.io.lock import (
    FOREIGN_STALE_SECONDS,
    FileLock,
    LockOwner,
    acquire,
    lock_path,
    owner_of,
)
from journeydesk.io.process import boot_id, host_name

DEAD_PID = 999_999_999


def test_lock_is_hidden_beside_the_file_and_says_who(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    lock = acquire(path)
    assert isinstance(lock, FileLock)
    assert lock.path == tmp_path / ".p.journey.journeydesk-lock"
    data = json.loads(lock.path.read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["host"] == host_name()
    assert set(data) == {"pid", "host", "user", "boot", "started", "token"}
    # a second holder (another window, another process) is told who has it
    other = acquire(path)
    assert isinstance(other, LockOwner) and other.pid == os.getpid()
    lock.release()
    assert not lock.path.exists()
    again = acquire(path)
    assert isinstance(again, FileLock)
    again.release()


def test_release_leaves_a_lock_that_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    lock = acquire(path)
    assert isinstance(lock, FileLock)
    lock.path.write_text(json.dumps({"pid": os.getpid(), "host": host_name(), "token": "x"}))
    lock.release()
    assert lock.path.exists()


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"pid": DEAD_PID, "host": host_name(), "user": "u", "started": "x"}),
        json.dumps({"pid": 2**70, "host": host_name()}),
        json.dumps({"pid": -1, "host": host_name()}),
        json.dumps({"pid": True, "host": host_name()}),
        json.dumps({"pid": "123", "host": host_name()}),
        json.dumps({"pid": os.getpid(), "host": ["not", "a", "name"]}),
        json.dumps([1, 2, 3]),
        "[" * 100_000,
        "",
        "\x00\xff garbage",
        "x" * 100_000,
    ],
)
def test_stale_or_garbage_locks_are_taken_over(tmp_path: Path, content: str) -> None:
    path = tmp_path / "p.journey"
    lock_path(path).write_bytes(content.encode("utf-8", "surrogateescape"))
    assert owner_of(path) is None
    lock = acquire(path)
    assert isinstance(lock, FileLock)
    assert json.loads(lock.path.read_text())["pid"] == os.getpid()


def test_a_folder_in_the_locks_place_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    lock_path(path).mkdir()
    assert isinstance(acquire(path), FileLock)


def test_another_machines_lock_is_trusted_for_a_while(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    lock = lock_path(path)
    lock.write_text(json.dumps({"pid": 12, "host": "elsewhere", "user": "ann", "started": "s"}))
    owner = acquire(path)
    assert isinstance(owner, LockOwner) and owner.describe() == "ann@elsewhere"
    old = time.time() - FOREIGN_STALE_SECONDS - 60
    os.utime(lock, (old, old))
    assert isinstance(acquire(path), FileLock)


def test_no_lock_possible_opens_unlocked(tmp_path: Path) -> None:
    # A lock that cannot be written (here: its folder is a file, which stops
    # root as well as anyone) leaves the file to open unlocked.
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    assert acquire(not_a_folder / "p.journey") is None


@pytest.mark.timeout(30)
def test_a_second_process_sees_the_lock_until_it_dies(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    code = textwrap.dedent(
        f"""
        import sys, time
        from journeydesk.io.lock import acquire
        lock = acquire({str(path)!r})
        print(type(lock).__name__, flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "FileLock"
        owner = acquire(path)
        assert isinstance(owner, LockOwner) and owner.pid == proc.pid
        proc.kill()  # a crash: the lock file stays ...
        proc.wait(timeout=10)
        assert lock_path(path).exists()
        lock = acquire(path)  # ... and is taken over, never blocking for good
        assert isinstance(lock, FileLock)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


@pytest.mark.skipif(not boot_id(), reason="the system gives no boot id")
def test_a_lock_from_before_a_restart_is_stale_even_if_its_pid_runs(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    # the pid is alive now (ours), but the lock was written in an earlier boot
    mine = {"pid": os.getpid(), "host": host_name(), "user": "u", "started": "s"}
    lock_path(path).write_text(json.dumps(dict(mine, boot="an-earlier-boot")))
    assert owner_of(path) is None
    assert isinstance(acquire(path), FileLock)
    lock_path(path).write_text(json.dumps(dict(mine, boot=boot_id())))
    assert isinstance(acquire(path), LockOwner)
