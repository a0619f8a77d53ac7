"""Turning a map into decisions: the backlog, the touchpoint inventory, what has
gone stale and what a finished map still lacks.

Plain functions over the model (no Qt): the command line's ``export backlog``,
``export inventory``, ``validate --stale-after`` and ``check`` print or write
them, and the app's panels show the same rows. Rows carry ids (map, card) so a
panel can find the card again; the words in them are the project's own text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .project import Card, JourneyMap, Project, Source, Stage, Step

BACKLOG_KINDS: tuple[str, ...] = ("opportunity", "pain_point")
"""The card kinds the backlog lists unless asked for others."""

CONFIDENCE_RANK: dict[str, int] = {"observed": 3, "assumed": 2, "proposed": 1}
"""Strongest first: seen in research beats believed, which beats an idea."""

ACCEPTED_STATUS = "accepted"
"""A pain point with this status is known and accepted: ``check`` does not ask for
an opportunity."""


def placement(jmap: JourneyMap) -> dict[str, tuple[Stage, Step]]:
    """Step id -> (its stage, the step)."""
    return {step.id: (stage, step) for stage in jmap.stages for step in stage.steps}


def strongest_confidence(card: Card) -> str:
    """The strongest confidence among the card's evidence ('' with none)."""
    best = max((e.confidence for e in card.evidence), key=CONFIDENCE_RANK.__getitem__, default="")
    return best


# --- backlog --------------------------------------------------------------


@dataclass(frozen=True)
class BacklogRow:
    map_id: str
    card_id: str
    map: str
    stage: str
    step: str
    title: str
    kind: str
    status: str
    owners: tuple[str, ...]
    scores: dict[str, float]
    evidence: int
    confidence: str
    related: tuple[str, ...]


def backlog_rows(project: Project, kinds: Iterable[str] = BACKLOG_KINDS) -> list[BacklogRow]:
    """One row per card of the given kinds, every map, in map then reading order."""
    wanted = set(kinds)
    teams = {t.id: t.name for t in project.teams}
    rows: list[BacklogRow] = []
    for jmap in project.maps:
        where = placement(jmap)
        step_index = {step.id: i for i, step in enumerate(jmap.steps())}
        titles = {c.id: c.title for c in jmap.cards}
        incoming = _incoming(jmap)
        cards = sorted(
            (c for c in jmap.cards if c.kind in wanted),
            key=lambda c: (step_index.get(c.step, 1 << 30), c.order),
        )
        for card in cards:
            rows.append(_backlog_row(jmap, card, where, teams, titles, incoming))
    return rows


def _incoming(jmap: JourneyMap) -> dict[str, list[str]]:
    """Card id -> the cards of the map that relate to it, in map order."""
    incoming: dict[str, list[str]] = {}
    for c in jmap.cards:
        for target in c.relates_to:
            incoming.setdefault(target, []).append(c.id)
    return incoming


def _backlog_row(
    jmap: JourneyMap,
    card: Card,
    where: dict[str, tuple[Stage, Step]],
    teams: dict[str, str],
    titles: Mapping[str, str],
    incoming: dict[str, list[str]],
) -> BacklogRow:
    stage, step = where.get(card.step, (None, None))
    related_ids = list(dict.fromkeys([*card.relates_to, *incoming.get(card.id, [])]))
    return BacklogRow(
        map_id=jmap.id,
        card_id=card.id,
        map=jmap.name,
        stage=stage.name if stage else "",
        step=step.name if step else "",
        title=card.title,
        kind=card.kind,
        status=card.status or "",
        owners=tuple(teams.get(o.team, o.team) for o in card.owners),
        scores=dict(card.scores),
        evidence=len(card.evidence),
        confidence=strongest_confidence(card),
        related=tuple(titles[i] for i in related_ids if i in titles),
    )


def backlog_rows_again(
    project: Project, rows: Sequence[BacklogRow], changed: set[str]
) -> list[BacklogRow]:
    """``rows`` (``backlog_rows`` of ``project`` before an edit) after an edit
    of the cards ``changed`` that neither added, removed nor moved a card, nor
    changed a card's kind, scores or relations: their own rows and the rows
    naming one of them as related are made again, the others kept. The same
    rows as ``backlog_rows`` (tests/model/test_decide.py), at a fraction of the
    cost: the backlog of a 20,000-card map took 80 ms after every edit."""
    follower = BacklogFollower(project, rows)
    follower.again(changed)
    return follower.rows


class BacklogFollower:
    """``backlog_rows_again`` for a panel that follows edit after edit: what it
    looks cards up by (rows by card, cards and their relations by map) is made
    once, for ``rows``, so each later edit costs in proportion to its cards
    and their relations (indexing a 20,000-card map per keystroke took 8 ms
    with the backlog in front). It holds while every edit since ``rows`` were
    listed kept the rows in place (``backlog_rows_again``'s condition)."""

    def __init__(self, project: Project, rows: Sequence[BacklogRow]) -> None:
        self.project = project
        self.rows = list(rows)
        self._row_of = {row.card_id: n for n, row in enumerate(self.rows)}
        self._teams = {t.id: t.name for t in project.teams}
        self._cards = {jmap.id: {c.id: c for c in jmap.cards} for jmap in project.maps}
        self._incoming: dict[str, dict[str, list[str]]] = {}
        self._where: dict[str, dict[str, tuple[Stage, Step]]] = {}

    def again(self, changed: Iterable[str]) -> list[int]:
        """Make again the rows of the cards ``changed`` and of the cards related
        to them either way; the numbers of the rows made again."""
        changed = set(changed)
        done: list[int] = []
        for jmap in self.project.maps:
            cards = self._cards.get(jmap.id, {})
            touched = [i for i in changed if i in cards]
            if not touched:
                continue
            incoming = self._incoming.get(jmap.id)
            if incoming is None:
                incoming = self._incoming[jmap.id] = _incoming(jmap)
            redo: set[int] = set()
            for card_id in touched:
                for other in (card_id, *cards[card_id].relates_to, *incoming.get(card_id, ())):
                    n = self._row_of.get(other)
                    if n is not None and self.rows[n].map_id == jmap.id:
                        redo.add(n)
            if not redo:
                continue
            where = self._where.get(jmap.id)
            if where is None:
                where = self._where[jmap.id] = placement(jmap)
            titles = _Titles(cards)
            for n in sorted(redo):
                card = cards[self.rows[n].card_id]
                self.rows[n] = _backlog_row(jmap, card, where, self._teams, titles, incoming)
                done.append(n)
        return done


class _Titles(Mapping[str, str]):
    """The titles of a map's cards by id, read from the cards as they are now."""

    def __init__(self, cards: dict[str, Card]) -> None:
        self._cards = cards

    def __getitem__(self, card_id: str) -> str:
        return self._cards[card_id].title

    def __contains__(self, card_id: object) -> bool:
        return card_id in self._cards

    def __iter__(self) -> Iterator[str]:
        return iter(self._cards)

    def __len__(self) -> int:
        return len(self._cards)


def score_keys(project: Project, rows: Sequence[BacklogRow] = ()) -> list[str]:
    """The score columns: every defined score, then any other key a card uses."""
    keys = list(project.scores())
    for row in rows:
        keys.extend(k for k in row.scores if k not in keys)
    return keys


def backlog_table(project: Project, kinds: Iterable[str] = BACKLOG_KINDS) -> list[list[object]]:
    """The backlog as a header row and data rows, ready for CSV or a sheet."""
    rows = backlog_rows(project, kinds)
    keys = score_keys(project, rows)
    header: list[object] = ["map", "stage", "step", "title", "kind", "status", "owners"]
    header += [*keys, "evidence", "confidence", "related"]
    table: list[list[object]] = [header]
    for r in rows:
        line: list[object] = [r.map, r.stage, r.step, r.title, r.kind, r.status]
        line.append("; ".join(r.owners))
        line += [r.scores.get(k, "") for k in keys]
        line += [r.evidence, r.confidence, "; ".join(r.related)]
        table.append(line)
    return table


# --- who touches the customer ---------------------------------------------


@dataclass(frozen=True)
class InventoryRow:
    map_id: str
    card_id: str
    map: str
    stage: str
    step: str
    title: str
    channel: str
    owners: tuple[str, ...]


def inventory_rows(project: Project) -> list[InventoryRow]:
    """One row per touchpoint card of every map, in reading order."""
    teams = {t.id: t.name for t in project.teams}
    rows: list[InventoryRow] = []
    for jmap in project.maps:
        where = placement(jmap)
        step_index = {step.id: i for i, step in enumerate(jmap.steps())}
        cards = sorted(
            (c for c in jmap.cards if c.kind == "touchpoint"),
            key=lambda c: (step_index.get(c.step, 1 << 30), c.order),
        )
        for card in cards:
            stage, step = where.get(card.step, (None, None))
            rows.append(
                InventoryRow(
                    map_id=jmap.id,
                    card_id=card.id,
                    map=jmap.name,
                    stage=stage.name if stage else "",
                    step=step.name if step else "",
                    title=card.title,
                    channel=card.channel or "",
                    owners=tuple(teams.get(o.team, o.team) for o in card.owners),
                )
            )
    return rows


def inventory_table(project: Project) -> list[list[object]]:
    table: list[list[object]] = [["map", "stage", "step", "touchpoint", "channel", "owners"]]
    for r in inventory_rows(project):
        table.append([r.map, r.stage, r.step, r.title, r.channel, "; ".join(r.owners)])
    return table


@dataclass
class TeamCell:
    touchpoints: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    steps: set[str] = field(default_factory=set)
    pain_points: int = 0
    """Pain points in the steps where this team's touchpoints are."""


def team_stage_table(
    project: Project, jmap: JourneyMap
) -> tuple[dict[str, dict[str, TeamCell]], list[str]]:
    """Team name -> stage name -> what that team owns there (touchpoints, their
    channels, the pain points in the same steps); and the touchpoints nobody owns."""
    teams = {t.id: t.name for t in project.teams}
    where = placement(jmap)
    pains_by_step: dict[str, int] = {}
    for c in jmap.cards:
        if c.kind == "pain_point":
            pains_by_step[c.step] = pains_by_step.get(c.step, 0) + 1
    table: dict[str, dict[str, TeamCell]] = {}
    unowned: list[str] = []
    for card in jmap.cards:
        if card.kind != "touchpoint":
            continue
        if not card.owners:
            unowned.append(card.title)
            continue
        stage = where.get(card.step, (None, None))[0]
        stage_name = stage.name if stage else ""
        for owner in card.owners:
            cell = table.setdefault(teams.get(owner.team, owner.team), {}).setdefault(
                stage_name, TeamCell()
            )
            cell.touchpoints.append(card.title)
            if card.channel and card.channel not in cell.channels:
                cell.channels.append(card.channel)
            if card.step not in cell.steps:
                cell.steps.add(card.step)
                cell.pain_points += pains_by_step.get(card.step, 0)
    return table, unowned


# --- freshness ------------------------------------------------------------

_AGE = re.compile(r"^\s*(\d{1,5})\s*([dwmy]?)\s*$", re.IGNORECASE)
_DAYS = {"": 1, "d": 1, "w": 7, "m": 30, "y": 365}


def parse_age(text: str) -> int:
    """``90d``, ``12w``, ``6m``, ``1y`` or a bare number of days -> days."""
    match = _AGE.match(text)
    if not match:
        raise ValueError(f"not an age: {text!r} (write e.g. 90d, 12w, 6m or 1y)")
    return int(match.group(1)) * _DAYS[match.group(2).lower()]


@dataclass(frozen=True)
class StaleItem:
    map_id: str
    map: str
    where: str
    """Stage, metric or card, in words: 'stage Research, metric NPS'."""
    what: str
    """'review by', 'KPI as of' or 'evidence from'."""
    date: dt.date
    target_id: str
    """The card or stage the badge goes on ('' for the map itself)."""
    code: str = ""
    """review, kpi or evidence: what a panel words in its own language."""
    names: tuple[str, ...] = ()
    """For kpi: (stage, metric); for evidence: (card, source)."""

    def age(self, today: dt.date) -> int:
        return (today - self.date).days


def stale_items(project: Project, max_age_days: int, today: dt.date) -> list[StaleItem]:
    """Everything older than ``max_age_days``: KPI values by their ``as_of``,
    evidence by its source's date; and each map whose review-by date has passed."""
    return [item for _key, item in stale_items_keyed(project, max_age_days, today)]


ListKey = tuple[int, int, int, int]
"""Where a row of the check or stale list sits: (map number, part of the map,
number in the part, number under it), increasing down the list. A card's rows
are keyed by its place among the map's cards, so they can be made again alone
(``model/decide_lists.py``)."""


def stale_items_keyed(
    project: Project, max_age_days: int, today: dt.date
) -> list[tuple[ListKey, StaleItem]]:
    """``stale_items`` with each item's key: (map, 0, 0, 0) for the review,
    (map, 1, n, 0) for the n-th stale KPI, (map, 2, card, k) for a card's."""
    limit = today - dt.timedelta(days=max_age_days)
    metrics = {m.id: m.name for m in project.metrics}
    sources = {s.id: s for s in project.sources}
    items: list[tuple[ListKey, StaleItem]] = []
    for m, jmap in enumerate(project.maps):
        if jmap.review_by is not None and jmap.review_by < today:
            items.append(
                (
                    (m, 0, 0, 0),
                    StaleItem(jmap.id, jmap.name, "map", "review by", jmap.review_by, "", "review"),
                )
            )
        for stage in jmap.stages:
            for kpi in stage.kpis:
                if kpi.as_of is not None and kpi.as_of < limit:
                    name = metrics.get(kpi.metric, kpi.metric)
                    where = f"stage {stage.name!r}, metric {name!r}"
                    item = StaleItem(
                        jmap.id,
                        jmap.name,
                        where,
                        "KPI as of",
                        kpi.as_of,
                        stage.id,
                        "kpi",
                        (stage.name, name),
                    )
                    items.append(((m, 1, len(items), 0), item))
        for n, card in enumerate(jmap.cards):
            for k, item in enumerate(card_stale_items(jmap, card, sources, limit)):
                items.append(((m, 2, n, k), item))
    return items


def card_stale_items(
    jmap: JourneyMap, card: Card, sources: dict[str, Source], limit: dt.date
) -> list[StaleItem]:
    """The card's evidence whose source is dated before ``limit``."""
    items: list[StaleItem] = []
    for ev in card.evidence:
        src = sources.get(ev.source) if ev.source else None
        if src is not None and src.date is not None and src.date < limit:
            where = f"card {card.title!r}, source {src.title!r}"
            items.append(
                StaleItem(
                    jmap.id,
                    jmap.name,
                    where,
                    "evidence from",
                    src.date,
                    card.id,
                    "evidence",
                    (card.title, src.title),
                )
            )
    return items


# --- what a finished map still lacks ---------------------------------------


@dataclass(frozen=True)
class Gap:
    map_id: str
    map: str
    code: str
    """stage_without_touchpoints, pain_without_opportunity, only_assumed_evidence,
    persona_without_curve: the panel translates by it."""
    subject: str
    """The stage, card or persona named, as written in the project."""
    target_id: str

    def message(self) -> str:
        return {
            "stage_without_touchpoints": "stage {!r} has no touchpoints",
            "pain_without_opportunity": "pain point {!r} has no opportunity and is not accepted",
            "only_assumed_evidence": "card {!r} has only assumed evidence",
            "persona_without_curve": "persona {!r} has no emotion curve",
        }[self.code].format(self.subject)


def check_map(project: Project, jmap: JourneyMap) -> list[Gap]:
    return [gap for _key, gap in check_map_keyed(project, jmap)]


def check_map_keyed(
    project: Project, jmap: JourneyMap, number: int = 0
) -> list[tuple[ListKey, Gap]]:
    """``check_map`` with each gap's key (``number`` is the map's): (map, 0, n, 0)
    for the stages, (map, 1, card, 0) and (map, 2, card, 0) for a card's pain
    point and evidence gaps, (map, 3, n, 0) for the personas."""
    keyed: list[tuple[ListKey, Gap]] = [
        ((number, 0, n, 0), gap) for n, gap in enumerate(stage_gaps(jmap))
    ]
    answered = answered_pains(jmap)
    for n, c in enumerate(jmap.cards):
        gap = pain_gap(jmap, c, answered)
        if gap is not None:
            keyed.append(((number, 1, n, 0), gap))
    for n, c in enumerate(jmap.cards):
        gap = assumed_gap(jmap, c)
        if gap is not None:
            keyed.append(((number, 2, n, 0), gap))
    personas = {p.id: p.name for p in project.personas}
    curved = {curve.persona for curve in jmap.curves}
    curved |= {lane.persona for lane in jmap.lanes if lane.display == "curve"}
    n = 0
    for pid in jmap.personas:
        if pid in personas and pid not in curved:
            gap = Gap(jmap.id, jmap.name, "persona_without_curve", personas[pid], pid)
            keyed.append(((number, 3, n, 0), gap))
            n += 1
    return keyed


def stage_gaps(jmap: JourneyMap) -> list[Gap]:
    """The stages of the map with no touchpoint card in any of their steps."""
    step_stage = {step.id: stage.id for stage in jmap.stages for step in stage.steps}
    with_touchpoints = {step_stage.get(c.step) for c in jmap.cards if c.kind == "touchpoint"}
    return [
        Gap(jmap.id, jmap.name, "stage_without_touchpoints", stage.name, stage.id)
        for stage in jmap.stages
        if stage.id not in with_touchpoints
    ]


def answered_pains(jmap: JourneyMap) -> set[str]:
    """The cards an opportunity answers: related to or derived from one (its
    cards' kinds and relations decide it, not their titles, status or evidence)."""
    kinds = {c.id: c.kind for c in jmap.cards}
    answered: set[str] = set()
    for c in jmap.cards:
        if c.kind == "opportunity":
            answered.update(c.relates_to)
            if c.derived_from:
                answered.add(c.derived_from)
        elif c.kind == "pain_point" and any(kinds.get(t) == "opportunity" for t in c.relates_to):
            answered.add(c.id)
    return answered


def pain_gap(jmap: JourneyMap, card: Card, answered: set[str]) -> Gap | None:
    """A pain point no opportunity answers and not accepted."""
    if card.kind == "pain_point" and card.id not in answered and card.status != ACCEPTED_STATUS:
        return Gap(jmap.id, jmap.name, "pain_without_opportunity", card.title, card.id)
    return None


def assumed_gap(jmap: JourneyMap, card: Card) -> Gap | None:
    """A card whose evidence is all assumed."""
    if card.evidence and all(e.confidence == "assumed" for e in card.evidence):
        return Gap(jmap.id, jmap.name, "only_assumed_evidence", card.title, card.id)
    return None


def check_project(project: Project) -> list[Gap]:
    return [gap for jmap in project.maps for gap in check_map(project, jmap)]
