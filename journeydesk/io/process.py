"""Which JourneyDesk process, on which machine, left a file behind.

Lock files and temporary files carry the writer's pid and a tag of its host,
so a later process can tell "still being used" from "left by a crash". A pid
is only meaningful on the machine it came from, and only until it restarts:
after a reboot the same pid is soon some other process, so lock files and
recovery metadata also carry the boot's id where the system has one (Linux).
A pid from a file may be any JSON number (2**70, -1, True), so every check
bounds it first. No Qt here.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import socket

MAX_PID = 2**31 - 1


def host_name() -> str:
    try:
        return socket.gethostname() or "localhost"
    except OSError:
        return "localhost"


def host_tag() -> str:
    """A short, file-name-safe tag of this machine."""
    return hashlib.sha1(host_name().encode("utf-8", "replace")).hexdigest()[:8]


def boot_id() -> str:
    """This boot of the machine ("" where the system does not say)."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            return handle.read(64).strip()
    except (OSError, ValueError):
        return ""


def from_this_boot(recorded: object) -> bool:
    """Whether a boot id read from a file may be this boot (unknown counts as yes)."""
    current = boot_id()
    if not current or not isinstance(recorded, str) or not recorded:
        return True
    return recorded == current


def user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def valid_pid(value: object) -> int | None:
    """``value`` as a pid, or None when it cannot be one (wrong type, out of range)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 < value <= MAX_PID else None


def process_alive(pid: object) -> bool:
    """Whether a process with that id runs on this machine. A process of
    another user counts as alive (it may be a JourneyDesk we cannot see into)."""
    checked = valid_pid(pid)
    if checked is None:
        return False
    if checked == os.getpid():
        return True
    if os.name == "nt":
        return _windows_process_alive(checked)
    try:
        os.kill(checked, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError, ValueError):
        return False
    return True


def _windows_process_alive(pid: int) -> bool:
    # os.kill(pid, 0) would terminate the process on Windows.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
