"""Words the drawing itself prints (legend, title block, map types and states,
emotion scores), in the map's content language.

The layout runs without Qt (PDF export from the command line), so these do
not go through Qt's tr(): they live in the catalogue (``model/catalogue.py``),
whose Italian comes from the same ``.ts`` as the UI's.
"""

from __future__ import annotations

from journeydesk.model.catalogue import MAP_LABELS, SCORE_LABELS, translate


def label(key: str, language: str) -> str:
    word = MAP_LABELS.get(key) or SCORE_LABELS.get(key)
    if word is None:
        return key.replace("_", " ")
    return translate(word, language)
