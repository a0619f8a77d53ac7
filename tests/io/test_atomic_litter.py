"""Saves killed midway leave temporary files that the next save or open removes;
a saved file keeps its permission bits."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.io import read_project, write_project
from journeydesk.io.atomic import (
    STALE_SECONDS,
    atomic_write_bytes,
    remove_stale_temps,
    temp_name,
)
from journeydesk.io.process import host_tag

DEAD_PID = 999_999_999  # above Linux's pid_max: never a running process
BIG = 24 * 1024 * 1024


def litter(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}."))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_saved_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    write_project(templates.new_project("blank", "en"), path)
    os.chmod(path, 0o640)
    write_project(templates.new_project("sample", "en"), path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    os.chmod(path, 0o600)
    atomic_write_bytes(path, b"{}")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert litter(tmp_path, "p.journey") == []


def test_only_our_stale_temp_files_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "p.journey"
    target.write_bytes(b"user")
    old = time.time() - STALE_SECONDS - 60
    names = {
        "dead": f".p.journey.jd-{host_tag()}-{DEAD_PID}-0123456789abcdef.tmp",
        "alive": f".p.journey.jd-{host_tag()}-{os.getpid()}-0123456789abcdef.tmp",
        "other_host": f".p.journey.jd-ffffffff-{DEAD_PID}-0123456789abcdef.tmp",
        "other_host_old": f".p.journey.jd-ffffffff-{DEAD_PID}-fedcba9876543210.tmp",
        "legacy_old": ".p.journey.ab_cd123.tmp",
        "legacy_new": ".p.journey.zz_cd123.tmp",
        "users_own": ".p.journey.notes.tmp",
        "other_file": f".q.journey.jd-{host_tag()}-{DEAD_PID}-0123456789abcdef.tmp",
    }
    for key, name in names.items():
        (tmp_path / name).write_bytes(b"x" * 10)
        if key.endswith("_old"):
            os.utime(tmp_path / name, (old, old))
    removed = {p.name for p in remove_stale_temps(target)}
    assert removed == {names["dead"], names["other_host_old"], names["legacy_old"]}
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {"p.journey"} | {names[k] for k in
                                    ("alive", "other_host", "legacy_new", "users_own",
                                     "other_file")}
    assert target.read_bytes() == b"user"


def test_temp_names_say_whose_they_are() -> None:
    name = temp_name("p.journey")
    assert name.startswith(f".p.journey.jd-{host_tag()}-{os.getpid()}-")
    assert name.endswith(".tmp")


_CHILD = textwrap.dedent(
    """
    import os, sys, time
    from journeydesk.io import atomic

    target, size, stall = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "stall"
    real_fsync = os.fsync

    def fsync(fd):
        if stall:
            print("WRITING", flush=True)
            time.sleep(60)  # killed here: the temp file is whole, the replace not done
        real_fsync(fd)

    atomic.os.fsync = fsync
    n = 0
    while True:
        n += 1
        data = bytes([n % 251]) * size
        if not stall:
            print("WRITING", flush=True)
        atomic.atomic_write_bytes(target, data)
    """
)


def _kill_mid_save(target: Path, mode: str, delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(target), str(BIG), mode],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "WRITING"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=20)


def _intact(path: Path, original: bytes) -> None:
    data = path.read_bytes()
    if data == original:
        return
    assert len(data) == BIG and data == bytes([data[0]]) * BIG, "a torn file"


@pytest.mark.timeout(60)
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_saves_leave_litter_that_the_next_save_removes(tmp_path: Path) -> None:
    target = tmp_path / "p.journey"
    original = b'{"the user\'s": "file"}'
    target.write_bytes(original)
    # Killed while the temporary file is being written: always litter, and each
    # new save (a new process) first removes what the killed one left.
    for _ in range(3):
        _kill_mid_save(target, "stall", 0.05)
        left = litter(tmp_path, "p.journey")
        assert len(left) == 1, left
        assert (tmp_path / left[0]).stat().st_size == BIG  # 24 MB wasted until then
    # Killed at whatever moment a real large write is in (litter or not)
    for delay in (0.0, 0.03, 0.08):
        _kill_mid_save(target, "run", delay)
        _intact(target, original)
        assert len(litter(tmp_path, "p.journey")) <= 1
    atomic_write_bytes(target, b"next save")
    assert litter(tmp_path, "p.journey") == []
    assert target.read_bytes() == b"next save"


@pytest.mark.timeout(60)
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_opening_removes_the_litter_and_the_file_is_intact(tmp_path: Path) -> None:
    from journeydesk.io.project_file import dump_bytes

    target = tmp_path / "p.journey"
    project = templates.new_project("sample", "en")
    target.write_bytes(dump_bytes(project))
    before = target.read_bytes()
    _kill_mid_save(target, "stall", 0.05)
    assert len(litter(tmp_path, "p.journey")) == 1
    assert target.read_bytes() == before and read_project(target) == project
    assert len(remove_stale_temps(target)) == 1  # what opening does (ui/file_guard.py)
    assert litter(tmp_path, "p.journey") == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_saved_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    path.write_bytes(b"{}")
    os.chown(path, 12345, 23456)
    os.chmod(path, 0o640)
    atomic_write_bytes(path, b'{"new": 1}')
    st = os.stat(path)
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (12345, 23456, 0o640)
