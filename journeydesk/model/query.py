"""Finding and filtering cards: plain functions over the model (no Qt).

Text matching ignores case and accents, so "perche" finds "Perché".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .project import Card, JourneyMap, Project


def fold(text: str) -> str:
    """Lower case without accents: the form both sides are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class CardFilter:
    text: str = ""
    channel: str | None = None
    team: str | None = None
    sentiment: str | None = None
    tag: str | None = None
    confidence: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.text.strip()) or any(
            v is not None
            for v in (self.channel, self.team, self.sentiment, self.tag, self.confidence)
        )

    def matches(self, card: Card, project: Project) -> bool:
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
        needle = fold(self.text.strip())
        if needle:
            teams = {t.id: t.name for t in project.teams}
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


def matching_cards(project: Project, jmap: JourneyMap, card_filter: CardFilter) -> list[str]:
    """Ids of the map's cards that pass the filter, in the map's order."""
    return [c.id for c in jmap.cards if card_filter.matches(c, project)]


def tags_of(jmap: JourneyMap) -> list[str]:
    return sorted({t for c in jmap.cards for t in c.tags}, key=fold)


def channels_of(jmap: JourneyMap) -> list[str]:
    return sorted({c.channel for c in jmap.cards if c.channel}, key=fold)
