"""The user's settings: one typed object, one file, defaults for everything.

Stored as ``settings.json`` in ``paths.config_dir()`` (platformdirs, or
``JOURNEYDESK_CONFIG_DIR``), written atomically. A missing, unreadable or
damaged file gives the defaults and is never overwritten until the user
changes a setting. No Qt here: the export code on the command line reads the
same defaults.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from journeydesk import paths
from journeydesk.io.atomic import atomic_write_bytes

MAX_RECENT = 10


class ExportDefaults(BaseModel):
    model_config = ConfigDict(extra="ignore")

    format: Literal["pdf", "png"] = "pdf"
    paper: str = "A1"
    orientation: Literal["auto", "landscape", "portrait"] = "auto"
    tile: str | None = None
    overlap_mm: Annotated[float, Field(ge=0, le=100)] = 10.0
    bleed: bool = False
    crop_marks: bool = False
    dpi: Annotated[int, Field(ge=36, le=1200)] = 150
    hide_lane_kinds: list[str] = Field(default_factory=list)
    comments: bool = True
    legend: bool = True
    folder: str = ""


class StorylineExportDefaults(BaseModel):
    """The last choices of File > Export Storyline."""

    model_config = ConfigDict(extra="ignore")

    format: Literal["slides", "video", "pptx"] = "video"
    size: Literal["1280x720", "1920x1080", "3840x2160"] = "1920x1080"
    crossfade: Annotated[float, Field(ge=0, le=2)] = 0.5
    captions: bool = False
    folder: str = ""


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    language: Literal["system", "en", "it"] = "system"
    autosave_seconds: Annotated[int, Field(ge=5, le=3600)] = 30
    recent_files: list[str] = Field(default_factory=list)
    save_folder: str = ""
    """The folder of the last Save As: where the next one starts."""
    export: ExportDefaults = Field(default_factory=ExportDefaults)
    storyline_export: StorylineExportDefaults = Field(default_factory=StorylineExportDefaults)

    def add_recent(self, path: str) -> None:
        self.recent_files = [path, *[p for p in self.recent_files if p != path]][:MAX_RECENT]


def settings_file() -> Path:
    return paths.config_dir() / "settings.json"


def load_settings() -> Settings:
    try:
        data = json.loads(settings_file().read_text(encoding="utf-8"))
        return Settings.model_validate(data)
    except (OSError, ValueError, ValidationError):
        return Settings()


def save_settings(settings: Settings) -> None:
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(settings_file(), settings.model_dump_json(indent=2).encode("utf-8"))
