"""Where JourneyDesk keeps the user's settings, recovery snapshots and caches.

One place knows the folders (platformdirs); tests and portable setups point
them elsewhere with ``JOURNEYDESK_CONFIG_DIR``, ``JOURNEYDESK_STATE_DIR`` and
``JOURNEYDESK_CACHE_DIR``. No Qt here.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "JourneyDesk"
APP_AUTHOR = "JourneyDesk"


def _dir(env: str, default: str) -> Path:
    value = os.environ.get(env)
    return Path(value) if value else Path(default)


def config_dir() -> Path:
    return _dir("JOURNEYDESK_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def state_dir() -> Path:
    return _dir("JOURNEYDESK_STATE_DIR", platformdirs.user_state_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    return _dir("JOURNEYDESK_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def recovery_dir() -> Path:
    """Autosave snapshots, kept apart from the user's own files."""
    return state_dir() / "recovery"
