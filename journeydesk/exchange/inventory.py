"""The card inventory: one row per card of a map, to CSV/XLSX and back.

Export writes the columns of ``base_columns`` (plus ``score:<key>`` for every
other score the map's cards use); import reads them back by name, in any order,
case or accents, English or Italian. A row with a known ``id`` updates that
card (every column present is set, an empty cell clears the field); a row
without one adds a card. Stages, steps, lanes, teams, sources and unknown
vocabulary values are created as they first appear. Export then import gives
back the same cards, cell by cell. Problems are reported per row and column
(``report.ImportReport``); the other rows still import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from journeydesk.model.base import MAX_NAME, MAX_SHORT, MAX_SMALL_LIST, MAX_TEXT
from journeydesk.model.checks import iter_elements
from journeydesk.model.project import (
    Card,
    Evidence,
    JourneyMap,
    Lane,
    Owner,
    Project,
    ScoreDefinition,
    Source,
    Stage,
    Step,
    Team,
    VocabularyEntry,
)
from journeydesk.model.vocab import BUILT_IN

from .report import ImportReport
from .table import MAX_ROWS, Table, fold_header, format_number, parse_number

BASE_BEFORE_SCORES = (
    "id", "map", "stage", "step", "lane", "lane_kind", "kind", "title", "body", "channel",
    "sentiment", "status", "owners", "tags", "impact", "effort",
)  # fmt: skip
BASE_AFTER_SCORES = (
    "evidence_confidence", "evidence_method", "evidence_source", "evidence_quote",
    "evidence_figure", "order", "span_steps", "span_lanes",
)  # fmt: skip

ALIASES = {
    "mappa": "map", "fase": "stage", "passo": "step", "corsia": "lane",
    "tipo_corsia": "lane_kind", "tipo": "kind", "titolo": "title", "testo": "body",
    "descrizione": "body", "canale": "channel", "sentimento": "sentiment", "stato": "status",
    "responsabili": "owners", "etichette": "tags", "impatto": "impact", "sforzo": "effort",
    "ordine": "order",
}  # fmt: skip

CARD_KIND_LANE = {
    "touchpoint": "touchpoints", "action": "actions", "thought": "thoughts",
    "feeling": "feelings", "pain_point": "pain_points", "opportunity": "opportunities",
    "moment_of_truth": "moments_of_truth", "process": "backstage",
    "evidence": "physical_evidence", "metric": "metrics", "note": "notes", "image": "notes",
}  # fmt: skip

SENTIMENTS = {
    "positive": "positive", "positivo": "positive", "positiva": "positive", "+": "positive",
    "neutral": "neutral", "neutro": "neutral", "neutra": "neutral", "neutrale": "neutral",
    "0": "neutral", "problematic": "problematic", "problematico": "problematic",
    "problematica": "problematic", "negative": "problematic", "negativo": "problematic",
    "-": "problematic",
}  # fmt: skip
CONFIDENCES = {
    "observed": "observed", "osservato": "observed", "osservata": "observed",
    "assumed": "assumed", "ipotizzato": "assumed", "ipotizzata": "assumed", "presunto": "assumed",
    "proposed": "proposed", "proposto": "proposed", "proposta": "proposed",
}  # fmt: skip

_VOCAB_OF = {
    "kind": "card_kinds",
    "channel": "channels",
    "lane_kind": "lane_kinds",
    "status": "statuses",
    "evidence_method": "evidence_methods",
}
_LIMIT = {"title": MAX_NAME, "step": MAX_NAME, "stage": MAX_NAME, "lane": MAX_NAME,
          "evidence_figure": MAX_NAME, "map": MAX_NAME, "evidence_source": MAX_NAME}  # fmt: skip
_KEPT_AS_WRITTEN = frozenset(
    ("stage", "step", "lane", "title", "body", "evidence_source", "evidence_quote",
     "evidence_figure", "map")
)  # fmt: skip
_PLACES = frozenset(("stage", "step", "lane", "map"))
"""Names that place a card: a blank-only cell means none."""
_NIL = "00000000-0000-0000-0000-000000000000"
"""Placeholder step and lane of a new card until the row places it."""
_Named = TypeVar("_Named", Stage, Step, Lane, Team)
UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)


# --- export ------------------------------------------------------------------


def score_keys(jmap: JourneyMap) -> list[str]:
    """Score keys the map's cards use besides impact and effort, sorted."""
    keys = {k for card in jmap.cards for k in card.scores}
    return sorted(keys - {"impact", "effort"})


def columns(jmap: JourneyMap) -> list[str]:
    return [
        *BASE_BEFORE_SCORES,
        *(f"score:{k}" for k in score_keys(jmap)),
        *BASE_AFTER_SCORES,
    ]


def export_rows(project: Project, jmap: JourneyMap) -> tuple[list[str], list[list[object]]]:
    """The header and one row per card, in the map's card order.

    Text cells are strings; numbers are numbers (``format_number`` them for CSV)."""
    header = columns(jmap)
    keys = score_keys(jmap)
    place = {s.id: (stage, s) for stage in jmap.stages for s in stage.steps}
    lanes = {lane.id: lane for lane in jmap.lanes}
    teams = {t.id: t.name for t in project.teams}
    sources = {s.id: s.title for s in project.sources}
    rows: list[list[object]] = []
    for card in jmap.cards:
        stage, step = place.get(card.step, (None, None))
        lane = lanes.get(card.lane)
        ev = card.evidence[0] if card.evidence else None
        owners = "; ".join(
            teams[o.team] + (f":{o.role}" if o.role else "") for o in card.owners if o.team in teams
        )
        row: list[object] = [
            card.id, jmap.name, stage.name if stage else "", step.name if step else "",
            lane.name if lane else "", lane.kind if lane else "", card.kind, card.title,
            card.body, card.channel or "", card.sentiment or "", card.status or "", owners,
            ";".join(card.tags), card.scores.get("impact", ""), card.scores.get("effort", ""),
            *(card.scores.get(k, "") for k in keys),
            ev.confidence if ev else "", (ev.method or "") if ev else "",
            sources.get(ev.source, "") if ev and ev.source else "",
            ev.quote if ev else "", ev.figure if ev else "",
            card.order, card.span_steps, card.span_lanes,
        ]  # fmt: skip
        rows.append(row)
    return header, rows


def csv_cells(rows: list[list[object]]) -> list[list[str]]:
    return [[format_number(c) if isinstance(c, int | float) else str(c) for c in r] for r in rows]


# --- import ------------------------------------------------------------------


def canonical_header(name: str) -> str | None:
    """The column a header names, or None when it names none we know."""
    folded = fold_header(name)
    if folded.startswith("score:") or folded.startswith("punteggio:"):
        key = name.split(":", 1)[1].strip()
        return f"score:{key}" if key else None
    folded = ALIASES.get(folded, folded)
    known = set(BASE_BEFORE_SCORES) | set(BASE_AFTER_SCORES)
    return folded if folded in known else None


def apply_inventory(
    project: Project,
    table: Table,
    *,
    map_ref: str | None = None,
    new_map_name: str = "",
    default_map_id: str | None = None,
) -> ImportReport:
    """Add and update cards of ``project`` (changed in place) from an inventory table.

    ``map_ref`` (a map's name or id) takes every row; without it a row's ``map``
    cell picks a map by name or id, creating one when none matches, and an empty
    cell means the map ``default_map_id`` or else the first map (created with
    ``new_map_name`` when there is none)."""
    importer = _Importer(project, table, map_ref, new_map_name)
    importer.default_map_id = default_map_id
    return importer.run()


class _Importer:
    def __init__(
        self, project: Project, table: Table, map_ref: str | None, new_map_name: str
    ) -> None:
        self.project = project
        self.table = table
        self.map_ref = map_ref
        self.new_map_name = new_map_name
        self.report = ImportReport()
        self.cols: dict[str, int] = {}
        self.taken = {el.id for _, el in iter_elements(project)}
        self.seen_ids: dict[str, int] = {}
        self.row_of: dict[str, int] = {}
        self.default_map_id: str | None = None
        self.cards_by_map: dict[str, dict[str, Card]] = {}
        """Per map: its cards by id (built once; a row's lookup is then O(1))."""
        self.top_order: dict[tuple[str, str, str], int] = {}
        """(map, step, lane) -> the highest card order in that cell."""
        self.before: dict[str, dict[str, object]] = {}
        """Each existing card a row named, as it was before its first row: a card
        the rows left as it was is reported unchanged, not updated."""
        self.vocab_memo: dict[tuple[str, str], str] = {}
        self.scores = project.scores()
        self.own_scores: set[str] = set()
        """Score keys this import defined (their range widens to hold every value)."""

    # -- the loop --

    def run(self) -> ImportReport:
        for index, name in enumerate(self.table.header):
            if not name:
                continue
            col = canonical_header(name)
            if col is None:
                self.report.warn(f"row 1, column {name}", "unknown column, ignored")
            elif col in self.cols:
                self.report.warn(f"row 1, column {name}", "repeated column, ignored")
            else:
                self.cols[col] = index
        if "stage" not in self.cols and "id" not in self.cols:
            self.report.refuse("row 1", "no stage column (stage or fase is required)")
            return self.report
        if "title" not in self.cols and "body" not in self.cols and "id" not in self.cols:
            self.report.refuse("row 1", "no title or body column")
            return self.report
        if self.map_ref is not None and self._find_map(self.map_ref) is None:
            self.report.refuse("$", f"no map named {self.map_ref!r}")
            return self.report
        for n, (cells, line) in enumerate(zip(self.table.rows, self.table.lines, strict=True)):
            if n >= MAX_ROWS:
                rest = len(self.table.rows) - n
                self.report.refuse(
                    f"row {line}", f"past the limit of {MAX_ROWS} rows; {rest} rows refused"
                )
                self.report.refused.extend(self.table.lines[n:])
                break
            self._row(cells, line)
        self._check_spans()
        self._sort_out_unchanged()
        return self.report

    def _sort_out_unchanged(self) -> None:
        """Cards whose rows changed nothing move from ``updated`` to ``unchanged``
        (importing back the file just exported reports nothing updated)."""
        if not self.before:
            return
        cards = {c.id: c for jmap in self.project.maps for c in jmap.cards if c.id in self.before}
        rep = self.report
        same = {
            card_id
            for card_id, before in self.before.items()
            if card_id in cards and cards[card_id].model_dump() == before
        }
        rep.unchanged = [card_id for card_id in rep.updated if card_id in same]
        rep.updated = [card_id for card_id in rep.updated if card_id not in same]

    def _check_spans(self) -> None:
        """Spans that reach past the map's last step or lane are shortened (once every row
        is in, so that a later row's step counts)."""
        touched = set(self.report.added) | set(self.report.updated)
        for jmap in self.project.maps:
            steps = {s.id: n for n, s in enumerate(jmap.steps())}
            lanes = {la.id: n for n, la in enumerate(jmap.lanes)}
            for card in jmap.cards:
                if card.id not in touched:
                    continue
                room_steps = len(steps) - steps.get(card.step, 0)
                room_lanes = len(lanes) - lanes.get(card.lane, 0)
                where = f"row {self.row_of.get(card.id, '?')}"
                if card.span_steps > room_steps:
                    self.report.warn(
                        f"{where}, column span_steps",
                        f"{card.span_steps} reaches past the last step; {room_steps} kept",
                    )
                    card.span_steps = room_steps
                if card.span_lanes > room_lanes:
                    self.report.warn(
                        f"{where}, column span_lanes",
                        f"{card.span_lanes} reaches past the last lane; {room_lanes} kept",
                    )
                    card.span_lanes = room_lanes

    def cell(self, cells: list[str], col: str) -> str | None:
        """The cell's text, None when the table has no such column. Names and texts are
        kept as written (a blank-only cell is empty); keys and numbers are stripped."""
        index = self.cols.get(col)
        if index is None:
            return None
        value = cells[index] if index < len(cells) else ""
        if col in _KEPT_AS_WRITTEN:
            return value if value.strip() or col not in _PLACES else ""
        return value.strip()

    def _row(self, cells: list[str], line: int) -> None:
        rep = self.report
        where = f"row {line}"
        for col, index in self.cols.items():
            value = cells[index] if index < len(cells) else ""
            limit = _LIMIT.get(col, MAX_SHORT if col in _VOCAB_OF else MAX_TEXT)
            if len(value) > limit:
                rep.refuse(
                    f"{where}, column {self.table.header[index]}",
                    f"longer than {limit} characters; row refused",
                    line,
                )
                return
        jmap = self._map_for(cells, line)
        if jmap is None:
            return
        card, new = self._card_for(jmap, cells, line)
        if card is None:
            return
        if not new and card.id not in self.before:
            self.before[card.id] = card.model_dump()
        stage_name = self.cell(cells, "stage") or ""
        title, body = self.cell(cells, "title"), self.cell(cells, "body")
        if new:
            if not stage_name.strip():
                rep.refuse(f"{where}, column stage", "empty; a card needs a stage", line)
                return
            if not ((title or "").strip() or (body or "").strip()):  # " " and a body: kept
                rep.refuse(f"{where}, column title", "empty, and so is the body", line)
                return
        if stage_name.strip() and not self._place(jmap, card, cells, line):
            return
        self._fields(card, cells, where)
        if new:
            self._cards(jmap)  # the cell orders are known before this card joins
            cell_key = (jmap.id, card.step, card.lane)
            if self.cell(cells, "order") in (None, ""):
                card.order = 1 + self.top_order.get(cell_key, -1)
            self.top_order[cell_key] = max(card.order, self.top_order.get(cell_key, -1))
            if len(jmap.cards) >= 100_000:
                rep.refuse(where, "the map already holds 100,000 cards; row refused", line)
                return
            jmap.cards.append(card)
            self.cards_by_map[jmap.id][card.id] = card
            self.row_of[card.id] = line
            self.taken.add(card.id)
            rep.added.append(card.id)
        elif card.id not in self.row_of:
            rep.updated.append(card.id)
            self.row_of[card.id] = line

    # -- where the card goes --

    def _cards(self, jmap: JourneyMap) -> dict[str, Card]:
        index = self.cards_by_map.get(jmap.id)
        if index is None:
            index = self.cards_by_map[jmap.id] = {c.id: c for c in jmap.cards}
            for c in jmap.cards:
                key = (jmap.id, c.step, c.lane)
                self.top_order[key] = max(c.order, self.top_order.get(key, -1))
        return index

    def _find_map(self, ref: str) -> JourneyMap | None:
        maps = self.project.maps
        return next((m for m in maps if m.id == ref), None) or next(
            (m for m in maps if m.name.strip().casefold() == ref.strip().casefold()), None
        )

    def _map_for(self, cells: list[str], line: int) -> JourneyMap | None:
        if self.map_ref is not None:
            return self._find_map(self.map_ref)
        ref = self.cell(cells, "map") or ""
        if ref:
            found = self._find_map(ref)
            if found is not None:
                return found
            return self._new_map(ref)
        if self.project.maps:
            default = self.project.map_by_id(self.default_map_id or "")
            return default or self.project.maps[0]
        return self._new_map(self.new_map_name)

    def _new_map(self, name: str) -> JourneyMap | None:
        if len(self.project.maps) >= MAX_SMALL_LIST:
            return None
        jmap = JourneyMap(name=name)
        self.project.maps.append(jmap)
        self.taken.add(jmap.id)
        self.report.created.append(f'map "{name}"')
        return jmap

    def _card_for(self, jmap: JourneyMap, cells: list[str], line: int) -> tuple[Card | None, bool]:
        rep = self.report
        raw = self.cell(cells, "id") or ""
        if not raw:
            return Card(step=_NIL, lane=_NIL), True  # placed below
        where = f"row {line}, column id"
        if not UUID_RE.match(raw):
            rep.warn(where, f"{raw!r} is not a JourneyDesk id; the row adds a new card")
            return Card(step=_NIL, lane=_NIL), True
        cid = raw.lower()
        if cid in self.seen_ids:
            rep.refuse(
                where, f"duplicate id, already on row {self.seen_ids[cid]}; row refused", line
            )
            return None, False
        self.seen_ids[cid] = line
        existing = self._cards(jmap).get(cid)
        if existing is not None:
            return existing, False
        if cid in self.taken:
            rep.warn(where, "this id belongs to something else in the project; a new card is added")
            return Card(step=_NIL, lane=_NIL), True
        return Card(id=cid, step=_NIL, lane=_NIL), True

    def _place(self, jmap: JourneyMap, card: Card, cells: list[str], line: int) -> bool:
        rep = self.report
        where = f"row {line}"
        stage_name = self.cell(cells, "stage") or ""
        stage = _by_name(jmap.stages, stage_name)
        step_name = self.cell(cells, "step") or ""
        if stage is None:
            if len(jmap.stages) >= MAX_SMALL_LIST:
                rep.refuse(f"{where}, column stage", "the map has 1,000 stages; row refused", line)
                return False
            stage = Stage(name=stage_name, steps=[Step(name=step_name)])
            jmap.stages.append(stage)
            rep.created.append(f'stage "{stage_name}"')
        if step_name:
            step = _by_name(stage.steps, step_name)
            if step is None:
                if len(stage.steps) >= MAX_SMALL_LIST:
                    rep.refuse(f"{where}, column step", "the stage has 1,000 steps", line)
                    return False
                step = Step(name=step_name)
                stage.steps.append(step)
                rep.created.append(f'step "{step_name}"')
        else:
            step = stage.steps[0]
        kind = self._vocab(self.cell(cells, "kind") or "", "kind", where) or card.kind
        lane_name = self.cell(cells, "lane") or ""
        lane_kind = self._vocab(self.cell(cells, "lane_kind") or "", "lane_kind", where)
        if lane_name:
            lane = _by_name(jmap.lanes, lane_name)
            if lane is None:
                lane = self._new_lane(
                    jmap, lane_name, lane_kind or CARD_KIND_LANE.get(kind, "notes")
                )
        else:
            wanted = lane_kind or CARD_KIND_LANE.get(kind, "notes")
            lane = next((la for la in jmap.lanes if la.default_card_kind == kind), None) or next(
                (la for la in jmap.lanes if la.kind == wanted and la.display == "cards"), None
            )
            if lane is None:
                lane = self._new_lane(jmap, self._label("lane_kinds", wanted), wanted)
        if lane is None:
            rep.refuse(f"{where}, column lane", "the map has 1,000 lanes; row refused", line)
            return False
        card.step, card.lane = step.id, lane.id
        return True

    def _new_lane(self, jmap: JourneyMap, name: str, kind: str) -> Lane | None:
        if len(jmap.lanes) >= MAX_SMALL_LIST:
            return None
        lane = Lane(name=name, kind=kind)
        jmap.lanes.append(lane)
        self.report.created.append(f'lane "{name}"')
        return lane

    def _label(self, vocabulary: str, key: str) -> str:
        lang = self.project.language
        for entry in getattr(self.project.vocabularies, vocabulary):
            if entry.key == key and entry.label:
                return str(entry.label.get(lang) or next(iter(entry.label.values())))
        for term in BUILT_IN[vocabulary]:
            if term.key == key:
                return term.label(lang)
        return key

    def _vocab(self, text: str, col: str, where: str) -> str | None:
        """The vocabulary key a cell names (key or label, any case); an unknown value
        becomes a project entry labelled as written."""
        if not text:
            return None
        vocabulary = _VOCAB_OF[col]
        memo = (vocabulary, text)
        if memo in self.vocab_memo:
            return self.vocab_memo[memo]
        key = self._vocab_key(text, vocabulary)
        self.vocab_memo[memo] = key
        return key

    def _vocab_key(self, text: str, vocabulary: str) -> str:
        entries = getattr(self.project.vocabularies, vocabulary)
        folded = text.casefold()
        for entry in entries:
            if entry.key.casefold() == folded or any(
                str(lbl).casefold() == folded for lbl in entry.label.values()
            ):
                return str(entry.key)
        for term in BUILT_IN[vocabulary]:
            if term.key.casefold() == folded or any(
                lbl.casefold() == folded for lbl in term.labels.values()
            ):
                return term.key
        key = re.sub(r"[^\w]+", "_", folded).strip("_") or folded
        if key != text and len(entries) < MAX_SMALL_LIST:
            entries.append(VocabularyEntry(key=key, label={self.project.language: text}))
            self.report.created.append(f'{vocabulary} value "{text}"')
        return key

    # -- the card's own fields --

    def _fields(self, card: Card, cells: list[str], where: str) -> None:
        rep = self.report
        get: Callable[[str], str | None] = lambda col: self.cell(cells, col)  # noqa: E731

        def at(col: str) -> str:
            return f"{where}, column {self.table.header[self.cols[col]]}"

        if (v := get("kind")) is not None:
            card.kind = self._vocab(v, "kind", where) or "note"
        if (v := get("title")) is not None:
            card.title = v
        if (v := get("body")) is not None:
            card.body = v
        if (v := get("channel")) is not None:
            card.channel = self._vocab(v, "channel", where)
        if (v := get("status")) is not None:
            card.status = self._vocab(v, "status", where)
        if (v := get("sentiment")) is not None:
            if not v:
                card.sentiment = None
            elif v.casefold() in SENTIMENTS:
                card.sentiment = SENTIMENTS[v.casefold()]  # type: ignore[assignment]
            else:
                rep.warn(at("sentiment"), f"{v!r} is not positive, neutral or problematic; ignored")
        if (v := get("tags")) is not None:
            tags = [t.strip() for t in v.split(";") if t.strip()]
            if any(len(t) > MAX_SHORT for t in tags):
                rep.warn(at("tags"), f"a tag longer than {MAX_SHORT} characters is left out")
                tags = [t for t in tags if len(t) <= MAX_SHORT]
            card.tags = list(dict.fromkeys(tags))[:MAX_SMALL_LIST]
        if (v := get("owners")) is not None:
            card.owners = self._owners(v)
        for col in ("impact", "effort", *(c for c in self.cols if c.startswith("score:"))):
            if (v := get(col)) is None:
                continue
            key = col.split(":", 1)[1] if ":" in col else col
            if not v:
                card.scores.pop(key, None)
                continue
            number = parse_number(v)
            if number is None or abs(number) > 1e9:
                rep.warn(at(col), f"{v!r} is not a number; ignored")
            elif self._score_fits(key, number, at(col)):
                card.scores[key] = number
        self._evidence(card, get, at)
        for col, low in (("order", 0), ("span_steps", 1), ("span_lanes", 1)):
            if (v := get(col)) is None:
                continue
            number = parse_number(v) if v else float(low)
            top = 1_000_000 if col == "order" else 10_000
            if number is None or number != int(number) or not low <= number <= top:
                rep.warn(at(col), f"{v!r} is not a whole number from {low} to {top}; ignored")
            else:
                setattr(card, col, int(number))

    def _score_fits(self, key: str, value: float, where: str) -> bool:
        """Whether ``value`` fits score ``key``; an unknown key is defined (1..5, widened)."""
        definition = self.scores.get(key)
        if definition is None:
            if len(self.project.score_definitions) >= MAX_SMALL_LIST:
                self.report.warn(where, f"score {key!r} is not defined; ignored")
                return False
            definition = ScoreDefinition(key=key, label={self.project.language: key})
            self.project.score_definitions.append(definition)
            self.scores[key] = definition
            self.own_scores.add(key)
            self.report.created.append(f'score "{key}"')
        if key in self.own_scores:
            definition.min = min(definition.min, value)
            definition.max = max(definition.max, value)
            return True
        if not definition.min <= value <= definition.max:
            self.report.warn(
                where, f"{value:g} is outside {definition.min:g}..{definition.max:g}; ignored"
            )
            return False
        return True

    def _owners(self, text: str) -> list[Owner]:
        owners: list[Owner] = []
        for part in text.split(";"):
            name, _, role = part.partition(":")
            name, role = name.strip(), role.strip()
            if not name or len(name) > MAX_NAME or len(role) > MAX_NAME:
                continue
            team = _by_name(self.project.teams, name)
            if team is None:
                team = Team(name=name)
                self.project.teams.append(team)
                self.taken.add(team.id)
                self.report.created.append(f'team "{name}"')
            owners.append(Owner(team=team.id, role=role))
        return owners[:MAX_SMALL_LIST]

    def _evidence(
        self, card: Card, get: Callable[[str], str | None], at: Callable[[str], str]
    ) -> None:
        cols = [c for c in BASE_AFTER_SCORES if c.startswith("evidence_") and c in self.cols]
        if not cols:
            return
        values = {c: get(c) or "" for c in cols}
        if not any(values.values()):
            if card.evidence:
                card.evidence.pop(0)
            return
        ev = card.evidence[0] if card.evidence else Evidence()
        if "evidence_confidence" in values:
            v = values["evidence_confidence"]
            if not v:
                ev.confidence = "assumed"
            elif v.casefold() in CONFIDENCES:
                ev.confidence = CONFIDENCES[v.casefold()]  # type: ignore[assignment]
            else:
                self.report.warn(
                    at("evidence_confidence"), f"{v!r} is not observed, assumed or proposed"
                )
        if "evidence_method" in values:
            ev.method = self._vocab(
                values["evidence_method"], "evidence_method", at("evidence_method")
            )
        if "evidence_source" in values:
            v = values["evidence_source"]
            if not v:
                ev.source = None
            else:
                source = next((s for s in self.project.sources if s.id == v), None) or next(
                    (s for s in self.project.sources if s.title.casefold() == v.casefold()), None
                )
                if source is None:
                    source = Source(title=v)
                    self.project.sources.append(source)
                    self.taken.add(source.id)
                    self.report.created.append(f'source "{v}"')
                ev.source = source.id
        if "evidence_quote" in values:
            ev.quote = values["evidence_quote"]
        if "evidence_figure" in values:
            ev.figure = values["evidence_figure"]
        if not card.evidence:
            card.evidence.append(ev)


def _by_name(items: list[_Named], name: str) -> _Named | None:
    """The first item named ``name``: exactly, else ignoring case and surrounding blanks."""
    exact = next((i for i in items if i.name == name), None)
    if exact is not None:
        return exact
    folded = name.strip().casefold()
    return next((i for i in items if i.name.strip().casefold() == folded), None)
