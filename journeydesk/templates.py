"""Project templates shipped in ``resources/templates``.

A template is a project file ``{key}.{lang}.journey``. Creating a project
from one gives every object a fresh id, so two projects made from the same
template never share ids (maps imported from one into the other stay
distinct); the references follow the ids by their declaration on the model
(model/refs.py). No Qt here.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from importlib import resources
from typing import Any

from journeydesk.io.project_file import load_bytes
from journeydesk.model.project import Project
from journeydesk.model.refs import with_fresh_ids as with_fresh_ids  # kept here for callers

DEFAULT_TEMPLATE = "sample"
LANGUAGES = ("en", "it")
"""Languages the templates (and the UI) ship in."""
_ORDER = ("sample", "blank", "day-in-the-life", "service-blueprint")


@dataclass(frozen=True)
class TemplateInfo:
    key: str
    language: str
    title: str
    description: str


def _folder() -> Any:
    return resources.files("journeydesk.resources").joinpath("templates")


def template_keys() -> list[str]:
    keys = {
        entry.name.split(".", 1)[0]
        for entry in _folder().iterdir()
        if entry.name.endswith(".journey")
    }
    return sorted(keys, key=lambda k: (_ORDER.index(k) if k in _ORDER else len(_ORDER), k))


def system_language() -> str:
    """``it`` or ``en`` from the environment's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        for part in value.split(":"):
            code = part.split(".", 1)[0].split("_", 1)[0].split("-", 1)[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in ("c", "posix"):
                return "en"
    return "en"


def _resolve_language(key: str, language: str | None) -> str:
    lang = (language or system_language()).split("-", 1)[0].split("_", 1)[0].lower()
    if not _folder().joinpath(f"{key}.{lang}.journey").is_file():
        lang = "en"
    return lang


def template_bytes(key: str, language: str | None = None) -> bytes:
    if key not in template_keys():
        raise KeyError(key)
    lang = _resolve_language(key, language)
    data: bytes = _folder().joinpath(f"{key}.{lang}.journey").read_bytes()
    return data


def template_info(key: str, language: str | None = None) -> TemplateInfo:
    project = load_bytes(template_bytes(key, language), f"template {key}")
    return TemplateInfo(key, project.language, project.title, project.description)


def list_templates(language: str | None = None) -> list[TemplateInfo]:
    return [template_info(key, language) for key in template_keys()]


def new_project(key: str = DEFAULT_TEMPLATE, language: str | None = None) -> Project:
    """A new project from a template: fresh ids, created and modified now."""
    project = load_bytes(template_bytes(key, language), f"template {key}")
    fresh = with_fresh_ids(project)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    fresh.created = now
    fresh.modified = now
    return fresh
