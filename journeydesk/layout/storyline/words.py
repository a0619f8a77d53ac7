"""The words slides print, in the map's content language (the catalogue's
``SLIDE_WORDS``; any other key is a map label)."""

from __future__ import annotations

from journeydesk.model.catalogue import SLIDE_WORDS, translate

from ..labels import label


def word(key: str, language: str, **fields: object) -> str:
    if key not in SLIDE_WORDS:
        return label(key, language)
    return translate(SLIDE_WORDS[key], language, **fields)
