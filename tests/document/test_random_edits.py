"""Random edits through the document's commands keep the project valid.

A hypothesis state machine applies random verbs (add and remove cards,
stages, steps, lanes, teams, personas, sources, metrics, assets, curves,
points, connections, comments, scenes, separators; set references; paste,
duplicate, move; derive a future map; import a map; undo and redo) to random
elements of a template project. After every step the project checks clean
and its bytes load back to the same bytes; at the end, undoing everything
gives back the starting bytes and redoing it the final ones. Which
references exist, and what a removal does to them, comes from their
declaration on the model (model/refs.py): a reference the declaration
forgets shows up here as a check failure.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import struct
import zlib
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from journeydesk import templates
from journeydesk.document.clipboard import copy_cards, duplicate_cards, paste_cards, read_cards
from journeydesk.document.commands import (
    Insert,
    SetField,
    add_card,
    add_connection,
    move_cards,
    remove_elements,
)
from journeydesk.document.curve_points import place_point
from journeydesk.document.document import Document
from journeydesk.document.links import add_link
from journeydesk.document.verbs_maps import derive_future, import_map_command
from journeydesk.io import dump_bytes, load_bytes
from journeydesk.model import (
    Asset,
    Card,
    Comment,
    EmotionCurve,
    Evidence,
    ExportProfile,
    JourneyMap,
    KpiValue,
    Lane,
    MetricDefinition,
    Owner,
    Persona,
    Scene,
    Separator,
    Source,
    Stage,
    Step,
    Team,
    check_project,
)
from journeydesk.model.base import Element
from journeydesk.model.images import encode_image
from journeydesk.model.refs import iter_elements

STATS: Counter[str] | None = Counter() if os.environ.get("REFS_STATS") else None
"""Set REFS_STATS=1 to print how often each verb ran (to see the test reaches them)."""
WHEN = dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.UTC)
OTHER = templates.new_project("service-blueprint", "en")


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        return struct.pack(">I", len(body)) + kind + body + crc

    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 6, 0, 0, 0)
    raw = b"".join(b"\x00" + b"\x00" * 8 for _ in range(2))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw))


_INFO, _DATA = encode_image(_png() + b"\x00\x00\x00\x00IEND\xaeB`\x82")


class RandomEdits(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.doc = Document(templates.new_project("sample", "en"))
        self.start = dump_bytes(self.doc.project)
        self.n = 0
        self.verbs: list[str] = []

    # --- helpers -----------------------------------------------------------

    @property
    def project(self) -> Any:
        return self.doc.project

    def push(self, command: Any, verb: str) -> None:
        if command is not None:
            self.doc.push(command)
            self.verbs.append(verb)

    def name(self) -> str:
        self.n += 1
        return f"x{self.n}"

    def a_map(self, rnd: random.Random) -> JourneyMap | None:
        return rnd.choice(self.project.maps) if self.project.maps else None

    # --- adding ------------------------------------------------------------

    @rule(rnd=st.randoms(use_true_random=False))
    def add_card(self, rnd: random.Random) -> None:
        jmap = self.a_map(rnd)
        if jmap is None or not jmap.lanes or not jmap.steps():
            return
        card = Card(step=rnd.choice(jmap.steps()).id, lane=rnd.choice(jmap.lanes).id)
        card.title = self.name()
        self.push(add_card(self.doc, jmap, card, rnd.randint(0, 3)), "add card")

    @rule(rnd=st.randoms(use_true_random=False))
    def add_stage_step_or_lane(self, rnd: random.Random) -> None:
        jmap = self.a_map(rnd)
        if jmap is None:
            return
        what = rnd.choice(["stage", "step", "lane"])
        if what == "stage":
            stage = Stage(name=self.name(), steps=[Step(name=self.name())])
            at = rnd.randint(0, len(jmap.stages))
            self.push(Insert(self.doc, jmap, "stages", stage, at), "add stage")
        elif what == "step" and jmap.stages:
            stage = rnd.choice(jmap.stages)
            at = rnd.randint(0, len(stage.steps))
            self.push(Insert(self.doc, stage, "steps", Step(name=self.name()), at), "add step")
        else:
            lane = Lane(name=self.name(), kind=rnd.choice(["actions", "touchpoints", "emotions"]))
            at = rnd.randint(0, len(jmap.lanes))
            self.push(Insert(self.doc, jmap, "lanes", lane, at), "add lane")

    @rule(rnd=st.randoms(use_true_random=False))
    def add_definition(self, rnd: random.Random) -> None:
        kind = rnd.choice(["teams", "personas", "sources", "metrics", "assets"])
        item: Element
        if kind == "teams":
            item = Team(name=self.name())
        elif kind == "personas":
            item = Persona(name=self.name())
        elif kind == "sources":
            item = Source(title=self.name())
        elif kind == "metrics":
            item = MetricDefinition(name=self.name())
        else:
            item = Asset(type="image/png", width=_INFO.width, height=_INFO.height, data=_DATA)
        self.push(Insert(self.doc, self.project, kind, item), f"add {kind}")

    @rule(rnd=st.randoms(use_true_random=False))
    def add_curve_or_point(self, rnd: random.Random) -> None:
        jmap = self.a_map(rnd)
        if jmap is None:
            return
        if not jmap.curves or rnd.random() < 0.3:
            persona = rnd.choice([None, *[p.id for p in self.project.personas]])
            lane = rnd.choice([None, *[lane.id for lane in jmap.lanes]])
            self.push(
                Insert(self.doc, jmap, "curves", EmotionCurve(persona=persona, lane=lane)),
                "add curve",
            )
        elif jmap.steps():
            curve = rnd.choice(jmap.curves)
            step = rnd.choice(jmap.steps()).id
            score = rnd.uniform(curve.scale.min, curve.scale.max)
            command, _message = place_point(
                self.doc, jmap, curve, curve.lane or "", step, rnd.random(), score
            )
            self.push(command, "add point")

    @rule(rnd=st.randoms(use_true_random=False))
    def add_connection_comment_scene_or_separator(self, rnd: random.Random) -> None:
        jmap = self.a_map(rnd)
        what = rnd.choice(["connection", "comment", "scene", "separator"])
        if what == "connection" and jmap is not None and len(jmap.cards) >= 2:
            a, b = rnd.sample(jmap.cards, 2)
            self.push(add_connection(self.doc, jmap, a.id, b.id), "add connection")
        elif what == "comment":
            ids = [self.project.id, *(e.id for _p, e in iter_elements(self.project))]
            comment = Comment(target=rnd.choice(ids), created=WHEN, text=self.name())
            self.push(Insert(self.doc, self.project, "comments", comment), "add comment")
        elif what == "scene" and jmap is not None and jmap.stages:
            scene = Scene(kind="stage", stage=rnd.choice(jmap.stages).id)
            if self.project.assets and rnd.random() < 0.5:
                scene.image = rnd.choice(self.project.assets).id
            self.push(Insert(self.doc, jmap.storyline, "scenes", scene), "add scene")
        elif what == "separator" and jmap is not None and jmap.lanes:
            sep = Separator(kind="custom", after_lane=rnd.choice(jmap.lanes).id)
            self.push(Insert(self.doc, jmap, "separators", sep), "add separator")

    # --- setting references --------------------------------------------------

    @rule(
        rnd=st.randoms(use_true_random=False),
        what=st.sampled_from(
            ["owner", "evidence", "image", "relates", "lane_persona", "curve_persona",
             "map_persona", "kpi", "photo", "link", "profile", "derived"]
        ),
    )  # fmt: skip
    def set_reference(self, rnd: random.Random, what: str) -> None:
        project = self.project
        jmap = self.a_map(rnd)
        if jmap is None:
            return
        card = rnd.choice(jmap.cards) if jmap.cards else None
        doc = self.doc
        if what == "owner" and card and project.teams:
            owners = [*card.owners, Owner(team=rnd.choice(project.teams).id)]
            self.push(SetField(doc, card.id, "owners", owners, "owner", False), what)
        elif what == "evidence" and card:
            source = rnd.choice([None, *[s.id for s in project.sources]])
            self.push(Insert(doc, card, "evidence", Evidence(source=source)), what)
        elif what == "image" and card and project.assets:
            self.push(SetField(doc, card.id, "image", rnd.choice(project.assets).id, "i"), what)
        elif what == "relates" and card and len(jmap.cards) >= 2:
            other = rnd.choice([c for c in jmap.cards if c.id != card.id]).id
            if other not in card.relates_to:
                related = [*card.relates_to, other]
                self.push(SetField(doc, card.id, "relates_to", related, "r", False), what)
        elif what == "lane_persona" and jmap.lanes and project.personas:
            lane = rnd.choice(jmap.lanes)
            self.push(SetField(doc, lane.id, "persona", rnd.choice(project.personas).id, "p"), what)
        elif what == "curve_persona" and jmap.curves and project.personas:
            curve = rnd.choice(jmap.curves)
            persona = rnd.choice(project.personas).id
            self.push(SetField(doc, curve.id, "persona", persona, "p"), what)
        elif what == "map_persona" and project.personas:
            persona = rnd.choice(project.personas).id
            if persona not in jmap.personas:
                personas = [*jmap.personas, persona]
                self.push(SetField(doc, jmap.id, "personas", personas, "p", False), what)
        elif what == "kpi" and jmap.stages and project.metrics:
            stage = rnd.choice(jmap.stages)
            kpis = [*stage.kpis, KpiValue(metric=rnd.choice(project.metrics).id, value=1)]
            self.push(SetField(doc, stage.id, "kpis", kpis, "k", False), what)
        elif what == "photo" and project.personas and project.assets:
            persona = rnd.choice(project.personas)
            self.push(SetField(doc, persona.id, "photo", rnd.choice(project.assets).id, "f"), what)
        elif what == "link" and card and len(project.maps) >= 2:
            other = rnd.choice([m for m in project.maps if m is not jmap])
            self.push(add_link(doc, card, other.id, self.name()), what)
        elif what == "profile":
            lanes = [lane.id for m in project.maps for lane in m.lanes]
            profile = ExportProfile(
                name=self.name(),
                hidden_lanes=rnd.sample(lanes, min(2, len(lanes))),
                logo=rnd.choice(project.assets).id if project.assets else None,
            )
            self.push(Insert(doc, project, "export_profiles", profile), what)
        elif what == "derived" and card and jmap.based_on:
            base = project.map_by_id(jmap.based_on)
            if base is not None and base.cards:
                source_card = rnd.choice(base.cards).id
                self.push(SetField(doc, card.id, "derived_from", source_card, "d"), what)

    # --- removing ------------------------------------------------------------

    @rule(rnd=st.randoms(use_true_random=False))
    def remove_something(self, rnd: random.Random) -> None:
        # A kind first, then one of its elements: a team or a metric is as
        # likely to go as a card, though cards are a hundred times more.
        by_kind: dict[str, list[Element]] = {}
        for _p, e in iter_elements(self.project):
            if self._removable(e):
                by_kind.setdefault(type(e).__name__, []).append(e)
        if not by_kind:
            return
        element = rnd.choice(by_kind[rnd.choice(sorted(by_kind))])
        ids = [element.id]
        if isinstance(element, Card) and rnd.random() < 0.5:
            jmap = self.doc.map_of(element.id)
            assert jmap is not None
            ids += [c.id for c in rnd.sample(jmap.cards, min(2, len(jmap.cards)))]
        verb = f"remove {type(element).__name__}"
        self.push(remove_elements(self.doc, list(dict.fromkeys(ids))), verb)

    @rule(
        rnd=st.randoms(use_true_random=False),
        kind=st.sampled_from(["teams", "personas", "sources", "metrics", "assets", "maps"]),
    )
    def remove_a_definition_or_map(self, rnd: random.Random, kind: str) -> None:
        items = getattr(self.project, kind)
        if items and (kind != "maps" or len(items) > 1):
            self.push(remove_elements(self.doc, [rnd.choice(items).id]), f"remove {kind}")

    def _removable(self, element: Element) -> bool:
        if isinstance(element, JourneyMap):
            return len(self.project.maps) > 1  # the rules that edit a map need one
        if isinstance(element, Step):
            stage = self.doc.location(element.id).owner
            return len(stage.steps) > 1  # type: ignore[attr-defined]
        return True

    # --- copying -------------------------------------------------------------

    @rule(rnd=st.randoms(use_true_random=False))
    def paste_duplicate_or_move(self, rnd: random.Random) -> None:
        jmap = self.a_map(rnd)
        source = self.a_map(rnd)
        if jmap is None or source is None or not source.cards or not jmap.lanes:
            return
        picked = rnd.sample(source.cards, min(len(source.cards), rnd.randint(1, 3)))
        step, lane = rnd.choice(jmap.steps()).id, rnd.choice(jmap.lanes).id
        what = rnd.choice(["paste", "duplicate", "move"])
        if what == "paste":
            cards = read_cards(copy_cards(picked))
            self.push(paste_cards(self.doc, jmap, cards, step, lane), what)
        elif what == "duplicate":
            self.push(duplicate_cards(self.doc, source, [c.id for c in picked]), what)
        elif all(c.span_steps == 1 and c.span_lanes == 1 for c in picked):
            ids = [c.id for c in picked]
            sstep, slane = rnd.choice(source.steps()).id, rnd.choice(source.lanes).id
            self.push(move_cards(self.doc, source, ids, sstep, slane, rnd.randint(0, 2)), what)

    @rule(rnd=st.randoms(use_true_random=False))
    def derive_or_import_a_map(self, rnd: random.Random) -> None:
        if rnd.random() < 0.5:
            jmap = self.a_map(rnd)
            if jmap is not None:
                self.push(Insert(self.doc, self.project, "maps", derive_future(jmap)), "derive")
        else:
            source = rnd.choice([OTHER, self.project])
            if source.maps:
                jmap = rnd.choice(source.maps)
                command, _copy = import_map_command(self.doc, source, jmap, "Import")
                self.push(command, "import")

    # --- undo and redo -------------------------------------------------------

    @rule()
    def undo(self) -> None:
        if self.doc.undo_stack.canUndo():
            self.doc.undo_stack.undo()
            self.verbs.append("undo")

    @rule()
    def redo(self) -> None:
        if self.doc.undo_stack.canRedo():
            self.doc.undo_stack.redo()
            self.verbs.append("redo")

    # --- after every step ----------------------------------------------------

    @invariant()
    def checks_clean_and_saves(self) -> None:
        assert check_project(self.project) == [], self.verbs[-1:]
        data = dump_bytes(self.project)
        assert dump_bytes(load_bytes(data)) == data

    def teardown(self) -> None:
        if STATS is not None:
            STATS.update(v.split(" [")[0] for v in self.verbs)
        stack = self.doc.undo_stack
        end = dump_bytes(self.project)
        done = stack.index()
        while stack.canUndo():
            stack.undo()
        assert dump_bytes(self.project) == self.start
        for _ in range(done):
            stack.redo()
        assert dump_bytes(self.project) == end


@pytest.mark.timeout(300)  # ~20 s alone; more on two busy cores
def test_random_edits_keep_the_project_valid_and_undo_exactly(qapp) -> None:  # type: ignore[no-untyped-def]
    run_state_machine_as_test(
        RandomEdits,
        settings=settings(
            max_examples=30,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    if STATS is not None:
        print(sorted(STATS.items()))
