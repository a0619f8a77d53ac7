"""The Decide panel's check and stale lists, kept up to date edit by edit.

Listing both for a 20,000-card map takes ~35 ms, and the panel filled its two
list widgets again after every edit while either was in front (120-160 ms with
the widgets). Most edits change a few cards' own fields; a card's rows in the
two lists depend on its own title, status and evidence (and the project's
sources), on which cards an opportunity answers (kinds and relations) and, for
the stage rows, on which steps hold touchpoints. So after an edit of cards'
titles, status or evidence only those cards' rows are made again, and after a
touchpoint moved only its map's stage rows; edits of fields no row depends on
change nothing. Each change is given back as splices of the lists, so the
panel changes only those rows. Anything else lists both again (``relist``).

Every row has a key (``decide.ListKey``) giving its place; a card's rows are
found by bisecting the keys. The rows always equal ``check_project`` and
``stale_items`` of the project (tests/model/test_decide_lists.py).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .decide import (
    Gap,
    ListKey,
    StaleItem,
    answered_pains,
    assumed_gap,
    card_stale_items,
    check_map_keyed,
    pain_gap,
    stage_gaps,
    stale_items_keyed,
)
from .project import Card, JourneyMap, Project, Source

T = TypeVar("T")

NO_ROW_FIELDS = frozenset(
    {"body", "lane", "order", "span_steps", "span_lanes", "channel", "sentiment"}
    | {"colour", "image", "tags", "links", "owners", "scores"}
)
"""Card fields no row of either list depends on."""
OWN_ROW_FIELDS = frozenset({"title", "status", "evidence"})
"""Card fields only the card's own rows depend on."""
RELATION_FIELDS = frozenset({"kind", "relates_to", "derived_from"})
"""Card fields which pain points an opportunity answers depends on (and a kind,
which stages have touchpoints)."""


@dataclass(frozen=True)
class Splice(Generic[T]):
    """``rows[start:start + removed] = added``, applied in the order given."""

    start: int
    removed: int
    added: tuple[T, ...]


class KeyedRows(Generic[T]):
    """Rows in key order; a key range replaced at once."""

    def __init__(self, keyed: list[tuple[ListKey, T]]) -> None:
        self.keys = [k for k, _ in keyed]
        self.rows = [r for _, r in keyed]

    def replace(self, lo: ListKey, hi: ListKey, keyed: list[tuple[ListKey, T]]) -> Splice[T] | None:
        """Put ``keyed`` (keys in [lo, hi), in order) in place of the rows keyed there."""
        start = bisect_left(self.keys, lo)
        end = bisect_left(self.keys, hi, start)
        added = tuple(r for _, r in keyed)
        if tuple(self.rows[start:end]) == added:
            self.keys[start:end] = [k for k, _ in keyed]
            return None
        self.keys[start:end] = [k for k, _ in keyed]
        self.rows[start:end] = added
        return Splice(start, end - start, added)


class CheckStaleLists:
    """``check_project`` and ``stale_items`` of a project, followed through edits."""

    def __init__(self, project: Project, max_age_days: int, today: dt.date) -> None:
        self.relist(project, max_age_days, today)

    def relist(self, project: Project, max_age_days: int, today: dt.date) -> None:
        """Both lists made again whole."""
        self.project = project
        self.max_age_days = max_age_days
        self.today = today
        self.limit = today - dt.timedelta(days=max_age_days)
        keyed_gaps: list[tuple[ListKey, Gap]] = []
        for m, jmap in enumerate(project.maps):
            keyed_gaps += check_map_keyed(project, jmap, m)
        self.gaps = KeyedRows(keyed_gaps)
        self.stale = KeyedRows(stale_items_keyed(project, max_age_days, today))
        self._maps: list[JourneyMap] = list(project.maps)
        self._places: dict[str, tuple[int, int]] = {
            card.id: (m, n)
            for m, jmap in enumerate(project.maps)
            for n, card in enumerate(jmap.cards)
        }
        self._answered = [answered_pains(jmap) for jmap in project.maps]
        self._sources: dict[str, Source] = {s.id: s for s in project.sources}

    def follows(self, project: Project, max_age_days: int, today: dt.date) -> bool:
        """Whether the lists were made for this project, age and day."""
        return (
            project is self.project
            and max_age_days == self.max_age_days
            and today == self.today
            and len(self._maps) == len(project.maps)
            and all(a is b for a, b in zip(self._maps, project.maps, strict=True))
        )

    def cards_changed(
        self, cards: Iterable[Card], fields: set[str]
    ) -> tuple[list[Splice[Gap]], list[Splice[StaleItem]]] | None:
        """The lists after ``fields`` of ``cards`` changed (nothing added, removed
        or reordered); the splices made of each list. None when the change
        needs both listed again (``relist``): a field the lists do not follow,
        or a card they do not know."""
        if not fields <= NO_ROW_FIELDS | OWN_ROW_FIELDS | RELATION_FIELDS | {"step"}:
            return None
        places: dict[tuple[int, int], Card] = {}
        for card in cards:
            place = self._places.get(card.id)
            if place is None:
                return None
            m, n = place
            cards_of_map = self._maps[m].cards
            if n >= len(cards_of_map) or cards_of_map[n] is not card:
                return None
            places[place] = card
        gap_splices: list[Splice[Gap]] = []
        stale_splices: list[Splice[StaleItem]] = []

        def keep(splice: Splice[T] | None, into: list[Splice[T]]) -> None:
            if splice is not None:
                into.append(splice)

        maps = sorted({m for m, _n in places})
        # The stage rows: where touchpoints are (a step), or which cards are (a kind).
        restage = maps if "kind" in fields else []
        if "step" in fields and not restage:
            restage = sorted({m for (m, _n), card in places.items() if card.kind == "touchpoint"})
        for m in restage:
            jmap = self._maps[m]
            keyed = [((m, 0, i, 0), gap) for i, gap in enumerate(stage_gaps(jmap))]
            keep(self.gaps.replace((m, 0, 0, 0), (m, 1, 0, 0), keyed), gap_splices)
        redo = dict(places) if fields & (OWN_ROW_FIELDS | RELATION_FIELDS) else {}
        if fields & RELATION_FIELDS:
            # Which pain points an opportunity answers, again: the cards whose
            # answer changed have their rows made again too.
            for m in maps:
                jmap = self._maps[m]
                answered = answered_pains(jmap)
                for card_id in answered ^ self._answered[m]:
                    place = self._places.get(card_id)
                    if place is not None and place[0] == m:
                        redo[place] = jmap.cards[place[1]]
                self._answered[m] = answered
        for (m, n), card in sorted(redo.items(), key=lambda p: p[0]):
            jmap = self._maps[m]
            pain = pain_gap(jmap, card, self._answered[m])
            keyed = [((m, 1, n, 0), pain)] if pain is not None else []
            keep(self.gaps.replace((m, 1, n, 0), (m, 1, n + 1, 0), keyed), gap_splices)
            assumed = assumed_gap(jmap, card)
            keyed = [((m, 2, n, 0), assumed)] if assumed is not None else []
            keep(self.gaps.replace((m, 2, n, 0), (m, 2, n + 1, 0), keyed), gap_splices)
            items = card_stale_items(jmap, card, self._sources, self.limit)
            keyed_items = [((m, 2, n, k), item) for k, item in enumerate(items)]
            keep(
                self.stale.replace((m, 2, n, 0), (m, 2, n + 1, 0), keyed_items),
                stale_splices,
            )
        return gap_splices, stale_splices
