"""Copying cards as data: what goes on the clipboard and what a paste makes.

Cards travel as JSON (a private MIME type, so a paste into another window or
another project works); a paste gives every card a fresh id and keeps only
the references to project definitions the target project can resolve (teams,
sources, images), by their declaration on the model (model/refs.py).
"""

from __future__ import annotations

import json

from PySide6.QtGui import QUndoCommand

from journeydesk.model import Card, JourneyMap, Project
from journeydesk.model.refs import DEFINITIONS, Targets, drop_refs, fresh_copy, iter_refs

from .commands import Insert, Macro, SetFields, cell_cards
from .document import Document

MIME = "application/x-journeydesk-cards"
FORMAT = "journeydesk-cards"
MAX_PASTE_BYTES = 20 * 1024 * 1024
MAX_PASTE_CARDS = 1000
"""Cards pasted at a time: they all go into one cell."""


def copy_cards(cards: list[Card]) -> bytes:
    payload = {"format": FORMAT, "cards": [c.model_dump(mode="json") for c in cards]}
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def read_cards(data: bytes) -> list[Card]:
    """Cards from clipboard bytes (the first ``MAX_PASTE_CARDS``); an empty list
    for anything else (it may come from any program, so it is untrusted like a
    file)."""
    return clipboard_cards(data)[0]


def clipboard_cards(data: bytes) -> tuple[list[Card], int]:
    """The first ``MAX_PASTE_CARDS`` cards of clipboard bytes, and how many the
    clipboard holds (the caller says when some are left out); ([], 0) for
    anything but cards."""
    if len(data) > MAX_PASTE_BYTES:
        return [], 0
    try:
        payload = json.loads(data.decode("utf-8"))
        if payload.get("format") != FORMAT:
            return [], 0
        found = payload["cards"]
        if not isinstance(found, list):
            return [], 0
        return [Card.model_validate(c) for c in found[:MAX_PASTE_CARDS]], len(found)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return [], 0


def _clean(card: Card, project: Project, step: str, lane: str) -> Card:
    """A copy of ``card`` for ``step`` × ``lane`` of ``project``: new ids for it and
    what it holds (its evidence); of its declared references it keeps those to
    project definitions the project has (teams, sources, images...) and drops
    the rest (related and derived cards, links to maps) the way removing their
    target would."""
    fresh, _mapping = fresh_copy(card)
    fresh.step, fresh.lane = step, lane
    fresh.span_steps = fresh.span_lanes = 1
    targets = Targets(project)
    drop_refs(
        site
        for site in iter_refs(fresh)
        if site.ref.kind not in DEFINITIONS or not targets.resolves(site)
    )
    return fresh


def paste_cards(
    doc: Document, jmap: JourneyMap, cards: list[Card], step: str, lane: str, text: str = "Paste"
) -> QUndoCommand | None:
    """Cards into one cell, after the cards there, as one undo step."""
    if not cards:
        return None
    macro = Macro(f"{text} {len(cards)} card{'s' if len(cards) != 1 else ''}")
    start = len(cell_cards(jmap, step, lane))
    for n, card in enumerate(cards):
        fresh = _clean(card, doc.project, step, lane)
        fresh.order = start + n
        macro.add(Insert(doc, jmap, "cards", fresh))
    return macro


def duplicate_cards(doc: Document, jmap: JourneyMap, ids: list[str]) -> QUndoCommand | None:
    """Each card copied right after itself in its cell, as one undo step."""
    chosen = set(ids)
    originals = [c for c in jmap.cards if c.id in chosen]
    if not originals:
        return None
    macro = Macro(f"Duplicate {len(originals)} card{'s' if len(originals) != 1 else ''}")
    for step, lane in dict.fromkeys((c.step, c.lane) for c in originals):
        final: list[tuple[Card, bool]] = []  # (card, is_new)
        for card in cell_cards(jmap, step, lane):
            final.append((card, False))
            if card.id in chosen:
                copy = _clean(card, doc.project, step, lane)
                copy.span_steps = card.span_steps
                final.append((copy, True))
        macro.add(
            SetFields(doc, [(c.id, "order", n) for n, (c, new) in enumerate(final) if not new], "")
        )
        for n, (card, new) in enumerate(final):
            if new:
                card.order = n
                macro.add(Insert(doc, jmap, "cards", card))
    return macro
