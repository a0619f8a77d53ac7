"""The user's settings: one typed object, one file, defaults for everything.

Stored as ``settings.json`` in ``paths.config_dir()`` (platformdirs, or
``JOURNEYDESK_CONFIG_DIR``), written atomically. A missing, unreadable or
damaged file gives the defaults and is never overwritten until the user
changes a setting. No Qt here: the export code on the command line reads the
same defaults.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from journeydesk import paths
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.io.statefile import read_json

MAX_RECENT = 10


class ExportDefaults(BaseModel):
    model_config = ConfigDict(extra="ignore")

    format: Literal["pdf", "png", "html", "svg", "persona"] = "pdf"
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

    @field_validator("recent_files", mode="before")
    @classmethod
    def _usable_recent(cls, value: object) -> object:
        """Only names that can be paths, at most MAX_RECENT (the file may say anything)."""
        if not isinstance(value, list):
            return value
        return [
            v for v in value if isinstance(v, str) and 0 < len(v) <= 4096 and "\x00" not in v
        ][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        self.recent_files = [path, *[p for p in self.recent_files if p != path]][:MAX_RECENT]


def settings_file() -> Path:
    return paths.config_dir() / "settings.json"


def load_settings() -> Settings:
    """The settings in the file; each value that is missing, of the wrong type
    or out of range falls back to its default (the others are kept)."""
    data = read_json(settings_file())
    if not isinstance(data, dict):
        return Settings()
    try:
        return Settings.model_validate(data)
    except (ValidationError, ValueError, TypeError, RecursionError):
        pass
    return _salvage(data)


def _salvage(data: dict[object, object]) -> Settings:
    """Settings keeping each top-level value (and each export default) that is valid."""
    settings = Settings()
    for name in Settings.model_fields:
        if name not in data:
            continue
        value = data[name]
        if name in ("export", "storyline_export") and isinstance(value, dict):
            value = _salvage_section(type(getattr(settings, name)), value)
        try:
            checked = Settings.model_validate({name: value})
        except (ValidationError, ValueError, TypeError, RecursionError):
            continue
        setattr(settings, name, getattr(checked, name))
    return settings


def _salvage_section(cls: type[BaseModel], data: dict[object, object]) -> dict[str, object]:
    kept: dict[str, object] = {}
    for name in cls.model_fields:
        if name not in data:
            continue
        try:
            cls.model_validate({name: data[name]})
        except (ValidationError, ValueError, TypeError, RecursionError):
            continue
        kept[name] = data[name]
    return kept


def save_settings(settings: Settings) -> None:
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(settings_file(), settings.model_dump_json(indent=2).encode("utf-8"))
