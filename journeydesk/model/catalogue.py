"""The words JourneyDesk itself writes in a project's content language, in one
catalogue: map types and states, the legend and title block, emotion score
names, the slides' words, the PDF poster's chrome and the words of a new map.

They are printed by layers without Qt (the layout; the PDF export and the
command line run with no QApplication), so they cannot go through ``tr()``, and
the language is the project's content language, not the UI's.

Translation works like every other string all the same: each word is written
``QT_TRANSLATE_NOOP("Context", "English")`` (a marker defined here, not Qt's;
``pyside6-lupdate`` recognises the name), so ``python -m journeydesk.ui.i18n
update`` collects them into ``resources/translations/journeydesk_it.ts`` and
translators see them in Qt Linguist with the rest; ``build`` compiles them into
the ``.qm`` with the rest. At run time the Italian is read from that compiled
``.qm`` — the file the UI loads, and the one the wheel and the bundle ship (the
bundle leaves the ``.ts`` out) — by a small reader of Qt's documented ``.qm``
layout in plain Python, once, on first use: no Qt, no QApplication, and no
second, generated copy of the words. ``tests/model/test_catalogue.py`` fails
when a word has no finished Italian translation in the ``.ts`` or is missing
from the ``.qm``.

A context per table: the same English may need different Italian in two
tables ("Neutral": *Neutro* as a sentiment, *Neutra* as an emotion score).
The built-in vocabularies' labels (``model/vocab.py``) are marked the same way,
beside their icons and colours, a context per vocabulary.
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

QM_NAME = "journeydesk_it.qm"
"""The compiled Italian translations, in ``journeydesk.resources.translations``."""


@dataclass(frozen=True)
class Word:
    """A word of the catalogue: its translation context and its English text."""

    context: str
    source: str


def QT_TRANSLATE_NOOP(context: str, source: str) -> Word:  # the name lupdate knows
    """Mark ``source`` for translation in ``context`` (found by lupdate)."""
    return Word(context, source)


MAP_LABELS: dict[str, Word] = {
    "journey": QT_TRANSLATE_NOOP("MapLabels", "Customer journey"),
    "day_in_the_life": QT_TRANSLATE_NOOP("MapLabels", "Day in the life"),
    "service_blueprint": QT_TRANSLATE_NOOP("MapLabels", "Service blueprint"),
    "experience_map": QT_TRANSLATE_NOOP("MapLabels", "Experience map"),
    "custom": QT_TRANSLATE_NOOP("MapLabels", "Map"),
    "current": QT_TRANSLATE_NOOP("MapLabels", "Current state"),
    "future": QT_TRANSLATE_NOOP("MapLabels", "Future state"),
    "ideal": QT_TRANSLATE_NOOP("MapLabels", "Ideal state"),
    "personas": QT_TRANSLATE_NOOP("MapLabels", "Personas"),
    "legend": QT_TRANSLATE_NOOP("MapLabels", "Legend"),
    "channels": QT_TRANSLATE_NOOP("MapLabels", "Channels"),
    "sentiment": QT_TRANSLATE_NOOP("MapLabels", "Sentiment"),
    "positive": QT_TRANSLATE_NOOP("MapLabels", "Positive"),
    "neutral": QT_TRANSLATE_NOOP("MapLabels", "Neutral"),
    "problematic": QT_TRANSLATE_NOOP("MapLabels", "Problematic"),
    "evidence": QT_TRANSLATE_NOOP("MapLabels", "Evidence"),
    "observed": QT_TRANSLATE_NOOP("MapLabels", "Observed"),
    "assumed": QT_TRANSLATE_NOOP("MapLabels", "Assumed"),
    "proposed": QT_TRANSLATE_NOOP("MapLabels", "Proposed"),
    "emotion": QT_TRANSLATE_NOOP("MapLabels", "Emotion"),
    "connections": QT_TRANSLATE_NOOP("MapLabels", "Connections"),
    "kpis": QT_TRANSLATE_NOOP("MapLabels", "KPIs"),
    "target": QT_TRANSLATE_NOOP("MapLabels", "target"),
    "impact": QT_TRANSLATE_NOOP("MapLabels", "Impact"),
    "effort": QT_TRANSLATE_NOOP("MapLabels", "Effort"),
    "comments": QT_TRANSLATE_NOOP("MapLabels", "comments"),
    "updated": QT_TRANSLATE_NOOP("MapLabels", "Updated"),
    "interaction": QT_TRANSLATE_NOOP("MapLabels", "Line of interaction"),
    "visibility": QT_TRANSLATE_NOOP("MapLabels", "Line of visibility"),
    "internal_interaction": QT_TRANSLATE_NOOP("MapLabels", "Line of internal interaction"),
    "separator": QT_TRANSLATE_NOOP("MapLabels", "Separator"),
    "based_on": QT_TRANSLATE_NOOP("MapLabels", "Derived from"),
}
"""Words the map drawing prints: map types and states, the legend, the title block."""

SCORE_LABELS: dict[str, Word] = {
    "score_-2": QT_TRANSLATE_NOOP("ScoreLabels", "Very negative"),
    "score_-1": QT_TRANSLATE_NOOP("ScoreLabels", "Negative"),
    "score_0": QT_TRANSLATE_NOOP("ScoreLabels", "Neutral"),
    "score_1": QT_TRANSLATE_NOOP("ScoreLabels", "Positive"),
    "score_2": QT_TRANSLATE_NOOP("ScoreLabels", "Very positive"),
}
"""Names of the emotion scores -2..2 (feminine in Italian: an emotion)."""

SLIDE_WORDS: dict[str, Word] = {
    "objective": QT_TRANSLATE_NOOP("SlideWords", "Objective"),
    "scenario": QT_TRANSLATE_NOOP("SlideWords", "Scenario"),
    "stage_of": QT_TRANSLATE_NOOP("SlideWords", "Stage {n} of {total}"),
    "touchpoint": QT_TRANSLATE_NOOP("SlideWords", "Touchpoints"),
    "pain_point": QT_TRANSLATE_NOOP("SlideWords", "Pain points"),
    "moment_of_truth": QT_TRANSLATE_NOOP("SlideWords", "Moments of truth"),
    "closing": QT_TRANSLATE_NOOP("SlideWords", "In summary"),
    "top_pains": QT_TRANSLATE_NOOP("SlideWords", "Top pain points"),
    "ranked": QT_TRANSLATE_NOOP("SlideWords", "Opportunities by impact and effort"),
    "more": QT_TRANSLATE_NOOP("SlideWords", "+ {n} more"),
    "none": QT_TRANSLATE_NOOP("SlideWords", "None recorded"),
    "emotion_curve": QT_TRANSLATE_NOOP("SlideWords", "Emotion curve"),
    "current": QT_TRANSLATE_NOOP("SlideWords", "Today"),
    "future": QT_TRANSLATE_NOOP("SlideWords", "Future"),
    "ideal": QT_TRANSLATE_NOOP("SlideWords", "Ideal"),
    "new": QT_TRANSLATE_NOOP("SlideWords", "New"),
    "changed": QT_TRANSLATE_NOOP("SlideWords", "Changed"),
    "removed": QT_TRANSLATE_NOOP("SlideWords", "Removed"),
    "no_stage": QT_TRANSLATE_NOOP("SlideWords", "No matching stage"),
    "no_cards": QT_TRANSLATE_NOOP("SlideWords", "No cards"),
}
"""Words the storyline's slides print."""

POSTER_WORDS: dict[str, Word] = {
    "assembly": QT_TRANSLATE_NOOP("PosterWords", "Assembly"),
    "assembly_title": QT_TRANSLATE_NOOP("PosterWords", "Assembly: {name}"),
    "of": QT_TRANSLATE_NOOP("PosterWords", "{label} of {rows}×{cols}"),
    "landscape": QT_TRANSLATE_NOOP("PosterWords", "landscape"),
    "portrait": QT_TRANSLATE_NOOP("PosterWords", "portrait"),
    "summary": QT_TRANSLATE_NOOP(
        "PosterWords",
        "{poster} poster ({w} × {h} mm) on {n} {tile} sheets ({orient}), {rows} × {cols}, "
        "overlap {ov} mm",
    ),
    "how": QT_TRANSLATE_NOOP(
        "PosterWords",
        "Cut each sheet along the cut marks of its left and top edges, lay it over its "
        "neighbours and line those edges up with their alignment marks (triangles).",
    ),
    "sheet_info": QT_TRANSLATE_NOOP(
        "PosterWords", "{poster} poster · {tile} sheet · overlap {ov} mm · page {page}"
    ),
    "cropped": QT_TRANSLATE_NOOP("PosterWords", ", cropped to the map ({w} × {h} mm)"),
    "bleed": QT_TRANSLATE_NOOP("PosterWords", "bleed 3 mm"),
    "page": QT_TRANSLATE_NOOP("PosterWords", "page {page}"),
}
"""The PDF poster's chrome: tile labels, the assembly page."""

NEW_MAP_WORDS: dict[str, Word] = {
    "map": QT_TRANSLATE_NOOP("NewMapWords", "New map"),
    "stage": QT_TRANSLATE_NOOP("NewMapWords", "Stage {n}"),
    "step": QT_TRANSLATE_NOOP("NewMapWords", "Step {n}"),
    "copy": QT_TRANSLATE_NOOP("NewMapWords", "{name} (copy)"),
    "future": QT_TRANSLATE_NOOP("NewMapWords", "{name} — future state"),
}
"""Words written into the project when a map is made (its content language)."""

DECIDE_WORDS: dict[str, Word] = {
    "matrix": QT_TRANSLATE_NOOP("DecideWords", "Priority matrix"),
    "quick_wins": QT_TRANSLATE_NOOP("DecideWords", "Quick wins"),
    "big_bets": QT_TRANSLATE_NOOP("DecideWords", "Big bets"),
    "fill_ins": QT_TRANSLATE_NOOP("DecideWords", "Fill-ins"),
    "money_pits": QT_TRANSLATE_NOOP("DecideWords", "Money pits"),
    "unscored": QT_TRANSLATE_NOOP("DecideWords", "Not scored"),
    "none": QT_TRANSLATE_NOOP("DecideWords", "(none)"),
    "reviewed": QT_TRANSLATE_NOOP("DecideWords", "Last reviewed {date}"),
    "owner": QT_TRANSLATE_NOOP("DecideWords", "Owner: {name}"),
    "inventory": QT_TRANSLATE_NOOP("DecideWords", "Who touches the customer"),
    "pain_points": QT_TRANSLATE_NOOP("DecideWords", "Pain points"),
    "unowned": QT_TRANSLATE_NOOP("DecideWords", "Touchpoints with no owner"),
}
"""The priority matrix's words and the title block's review line."""

TABLES: tuple[dict[str, Word], ...] = (
    MAP_LABELS,
    SCORE_LABELS,
    SLIDE_WORDS,
    POSTER_WORDS,
    NEW_MAP_WORDS,
    DECIDE_WORDS,
)
"""Every table of the catalogue."""


def is_italian(language: str) -> bool:
    """``it``, ``it-IT``, ``it_CH``...: the content language is Italian."""
    return language.replace("_", "-").split("-", 1)[0].lower() == "it"


def italian_from_ts(data: bytes) -> dict[tuple[str, str], str]:
    """``{(context, English): Italian}`` of a ``.ts`` file's bytes; unfinished,
    vanished and obsolete translations left out."""
    found: dict[tuple[str, str], str] = {}
    root = ET.fromstring(data)
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or not translation.text:
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            found[(name, source)] = translation.text
    return found


QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_MESSAGES = 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT = 1, 3, 6, 7
_TAG_OBSOLETE1, _TAG_OBSOLETE2 = 5, 9
_TAG_LENGTHS = {2, 3, 4, 6, 7, 8}
"""Tags followed by a 32-bit length and that many bytes (the others stand alone)."""


def italian_from_qm(data: bytes) -> dict[tuple[str, str], str]:
    """``{(context, English): Italian}`` of a compiled ``.qm`` file's bytes.

    As ``lrelease`` writes it: a magic number, then sections of a tag byte and a
    32-bit big-endian length; in the messages section each message is tagged
    fields up to an end tag: the translation in UTF-16BE, the source text and
    the context in UTF-8."""
    if not data.startswith(QM_MAGIC):
        raise ValueError("not a Qt .qm file")
    found: dict[tuple[str, str], str] = {}
    pos = len(QM_MAGIC)
    while pos + 5 <= len(data):
        tag = data[pos]
        (size,) = struct.unpack_from(">I", data, pos + 1)
        start, pos = pos + 5, pos + 5 + size
        if tag != _QM_MESSAGES:
            continue
        translation: str | None = None
        source = context = ""
        at = start
        while at < pos:
            field = data[at]
            at += 1
            if field == _TAG_END:
                if translation:
                    found[(context, source)] = translation
                translation, source, context = None, "", ""
                continue
            if field in (_TAG_OBSOLETE1, _TAG_OBSOLETE2):
                at += 4 if field == _TAG_OBSOLETE1 else 0
                continue
            if field not in _TAG_LENGTHS:
                raise ValueError(f"unknown .qm message tag {field}")
            (length,) = struct.unpack_from(">I", data, at)
            at += 4
            if length == 0xFFFFFFFF:  # a null translation
                continue
            raw = data[at : at + length]
            at += length
            if field == _TAG_TRANSLATION:
                translation = raw.decode("utf-16-be")
            elif field == _TAG_SOURCE:
                source = raw.decode("utf-8")
            elif field == _TAG_CONTEXT:
                context = raw.decode("utf-8")
    return found


@cache
def _italian() -> dict[tuple[str, str], str]:
    entry = resources.files("journeydesk.resources").joinpath("translations", QM_NAME)
    return italian_from_qm(entry.read_bytes())


def missing_italian(
    italian: dict[tuple[str, str], str] | None = None, words: Iterable[Word] | None = None
) -> list[Word]:
    """``words`` (default: the catalogue's) without an Italian translation in
    ``italian`` (default: the shipped ``.qm``)."""
    known = _italian() if italian is None else italian
    if words is None:
        words = [w for table in TABLES for w in table.values()]
    return [w for w in words if (w.context, w.source) not in known]


def translate(word: Word, language: str, **fields: object) -> str:
    """``word`` in ``language`` (Italian when it is Italian and translated,
    else English), with ``fields`` filled in (``str.format``)."""
    text = word.source
    if is_italian(language):
        text = _italian().get((word.context, word.source), text)
    return text.format(**fields) if fields else text
