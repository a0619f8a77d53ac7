"""Finding and filtering cards: plain functions over the model (no Qt).

Text matching ignores case and accents, so "perche" finds "Perché".
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from .project import Card, JourneyMap, Lane, Project, Step

_T = TypeVar("_T", Lane, Step)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents: the form both sides are compared in.

    Remembered for the last 65,536 texts: with the find bar's filter on, every
    edit matches the map's cards again, and only the edited card's text is new
    (a card's text is folded as one string, so a 20,000-card map fits).

    ASCII text is its own decomposition and has no combining marks, so it only
    needs lowering (what ``casefold`` does to ASCII): with the find bar's text
    filter on, every edit of a 20,000-card map folded each card's text one
    character at a time in Python (0.7 s of CPU); each distinct mark is now
    removed with one ``str.replace``. ``tests/model/test_query.py`` holds
    this to the character-by-character fold."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    for mark in [c for c in set(decomposed) if c > "\x7f" and unicodedata.combining(c)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed


@dataclass(frozen=True)
class CardFilter:
    """What Find and Filter keeps bright: every criterion set must hold (the
    text, and each chosen value). Lane, stage and persona need the map: a
    card matches where any of the cells it spans does."""

    text: str = ""
    channel: str | None = None
    team: str | None = None
    sentiment: str | None = None
    tag: str | None = None
    confidence: str | None = None
    kind: str | None = None
    persona: str | None = None
    """A persona id: cards in that persona's lanes."""
    lane: str | None = None
    stage: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.text.strip()) or any(
            v is not None
            for v in (
                self.channel,
                self.team,
                self.sentiment,
                self.tag,
                self.confidence,
                self.kind,
                self.persona,
                self.lane,
                self.stage,
            )
        )

    def matches(self, card: Card, project: Project, jmap: JourneyMap | None = None) -> bool:
        if self.kind is not None and card.kind != self.kind:
            return False
        if self.channel is not None and card.channel != self.channel:
            return False
        if self.team is not None and all(o.team != self.team for o in card.owners):
            return False
        if self.sentiment is not None and card.sentiment != self.sentiment:
            return False
        if self.tag is not None and self.tag not in card.tags:
            return False
        if self.confidence is not None and all(
            e.confidence != self.confidence for e in card.evidence
        ):
            return False
        placed = self.lane is not None or self.stage is not None or self.persona is not None
        if placed and (jmap is None or not self._in_place(card, jmap)):
            return False
        needle = fold(self.text.strip())
        if needle:
            teams = {t.id: t.name for t in project.teams} if card.owners else {}
            haystack = " ".join(
                [
                    card.title,
                    card.body,
                    " ".join(card.tags),
                    card.channel or "",
                    " ".join(teams.get(o.team, "") for o in card.owners),
                    " ".join(e.quote + " " + e.figure + " " + e.note for e in card.evidence),
                ]
            )
            if needle not in fold(haystack):
                return False
        return True

    def _in_place(self, card: Card, jmap: JourneyMap) -> bool:
        """The lane, stage and persona criteria, over the cells the card spans."""
        lanes = _spanned(jmap.lanes, card.lane, card.span_lanes)
        if self.lane is not None and all(lane.id != self.lane for lane in lanes):
            return False
        if self.persona is not None and all(lane.persona != self.persona for lane in lanes):
            return False
        if self.stage is not None:
            stage = next((s for s in jmap.stages if s.id == self.stage), None)
            if stage is None:
                return False
            inside = {step.id for step in stage.steps}
            steps = _spanned(jmap.steps(), card.step, card.span_steps)
            if all(step.id not in inside for step in steps):
                return False
        return True


def _spanned(row: Sequence[_T], first: str, span: int) -> Sequence[_T]:
    """The ``span`` elements of ``row`` from the one with id ``first`` (none
    when it is not there)."""
    for n, element in enumerate(row):
        if element.id == first:
            return row[n : n + max(1, span)]
    return []


def matching_cards(project: Project, jmap: JourneyMap, card_filter: CardFilter) -> list[str]:
    """Ids of the map's cards that pass the filter, in the map's order."""
    return [c.id for c in jmap.cards if card_filter.matches(c, project, jmap)]


def kinds_of(jmap: JourneyMap) -> list[str]:
    """The card kinds used on the map."""
    return sorted({c.kind for c in jmap.cards}, key=fold)


def lane_personas_of(jmap: JourneyMap) -> list[str]:
    """The personas that have lanes of their own on the map, in lane order."""
    return list(dict.fromkeys(ln.persona for ln in jmap.lanes if ln.persona is not None))


def tags_of(jmap: JourneyMap) -> list[str]:
    return sorted({t for c in jmap.cards for t in c.tags}, key=fold)


def channels_of(jmap: JourneyMap) -> list[str]:
    return sorted({c.channel for c in jmap.cards if c.channel}, key=fold)
