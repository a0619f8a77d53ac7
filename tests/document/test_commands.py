"""Commands change only the model, undo restores it exactly, and the project
stays valid whatever the sequence of edits."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk import templates
from journeydesk.document.commands import (
    SetField,
    add_card,
    add_connection,
    move_cards,
    remove_elements,
)
from journeydesk.document.document import Change, Document
from journeydesk.io import dump_bytes, read_project, write_project
from journeydesk.model import Card, check_project


@pytest.fixture
def doc(qapp) -> Document:  # type: ignore[no-untyped-def]
    return Document(templates.new_project("sample", "en"))


def test_typing_merges_into_one_step_keeping_the_oldest_value(doc: Document) -> None:
    card = doc.project.maps[0].cards[0]
    original = card.title
    for text in ("C", "Ch", "Che", "Check"):
        doc.push(SetField(doc, card.id, "title", text, f"Rename card '{text}'"))
    assert doc.undo_stack.count() == 1
    assert card.title == "Check"
    doc.undo_stack.undo()
    assert card.title == original
    doc.undo_stack.redo()
    assert card.title == "Check"


def test_an_edit_back_to_the_start_leaves_no_step(doc: Document) -> None:
    card = doc.project.maps[0].cards[0]
    original = card.title
    doc.push(SetField(doc, card.id, "title", "x", "Rename"))
    doc.push(SetField(doc, card.id, "title", original, "Rename"))
    assert doc.undo_stack.count() == 0
    assert not doc.dirty


def test_change_events_name_what_changed(doc: Document) -> None:
    seen: list[Change] = []
    doc.changed.connect(seen.append)
    card = doc.project.maps[0].cards[0]
    doc.push(SetField(doc, card.id, "title", "New", "Rename"))
    assert seen == [Change((card.id,), ("title",))]


def test_move_is_one_step_and_renumbers_both_cells(doc: Document) -> None:
    jmap = doc.project.maps[0]
    before = dump_bytes(doc.project)
    card = jmap.cards[0]
    old_cell = (card.step, card.lane)
    target_step = jmap.steps()[3].id
    target_lane = card.lane
    doc.push(move_cards(doc, jmap, [card.id], target_step, target_lane, 0))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == f"Move card '{card.title}'"
    assert (card.step, card.lane, card.order) == (target_step, target_lane, 0)
    for step, lane in (old_cell, (target_step, target_lane)):
        orders = sorted(c.order for c in jmap.cards if (c.step, c.lane) == (step, lane))
        assert orders == list(range(len(orders)))
    assert check_project(doc.project) == []
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == before


def test_a_spanning_card_moved_near_the_edge_spans_what_is_left(doc: Document) -> None:
    jmap = doc.project.maps[0]
    card = jmap.cards[0]
    card.span_steps, card.span_lanes = 3, 2
    assert check_project(doc.project) == []
    before = dump_bytes(doc.project)
    doc.push(move_cards(doc, jmap, [card.id], jmap.steps()[-2].id, jmap.lanes[-1].id, 0))
    assert (card.span_steps, card.span_lanes) == (2, 1)
    assert check_project(doc.project) == []
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == before


def test_removing_a_stage_takes_its_cards_connections_and_comments(doc: Document) -> None:
    jmap = doc.project.maps[0]
    before = dump_bytes(doc.project)
    stage = jmap.stages[1]
    steps = {s.id for s in stage.steps}
    doomed = {c.id for c in jmap.cards if c.step in steps}
    assert doomed
    doc.push(remove_elements(doc, [stage.id]))
    assert doc.undo_stack.undoText() == f"Delete stage '{stage.name}'"
    assert not {c.id for c in jmap.cards} & doomed
    assert not any(c.source in doomed or c.target in doomed for c in jmap.connections)
    assert not any(c.target in doomed for c in doc.project.comments)
    assert check_project(doc.project) == []
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == before


def test_removing_a_card_clears_what_the_future_map_derived_from_it(doc: Document) -> None:
    current, future = doc.project.maps[0], doc.project.maps[1]
    derived = next(c for c in future.cards if c.derived_from)
    source_id = derived.derived_from
    before = dump_bytes(doc.project)
    doc.push(remove_elements(doc, [source_id]))
    assert derived.derived_from is None
    assert source_id not in {c.id for c in current.cards}
    assert check_project(doc.project) == []
    doc.undo_stack.undo()
    assert derived.derived_from == source_id
    assert dump_bytes(doc.project) == before


def test_removing_a_team_drops_the_owners_naming_it_in_one_step(
    doc: Document, tmp_path: Path
) -> None:
    owned = [c for m in doc.project.maps for c in m.cards if c.owners]
    assert owned
    team = owned[0].owners[0].team
    holders = [c for c in owned if any(o.team == team for o in c.owners)]
    before = dump_bytes(doc.project)
    steps = doc.undo_stack.count()
    doc.push(remove_elements(doc, [team]))
    assert doc.undo_stack.count() == steps + 1
    assert team not in {t.id for t in doc.project.teams}
    assert not any(o.team == team for c in holders for o in c.owners)
    assert check_project(doc.project) == []
    write_project(doc.project, tmp_path / "saved.journey")  # a file the app reads back
    assert read_project(tmp_path / "saved.journey").teams == doc.project.teams
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == before


def test_add_card_in_the_middle_of_a_cell(doc: Document) -> None:
    jmap = doc.project.maps[0]
    first = jmap.cards[0]
    card = Card(step=first.step, lane=first.lane, kind="note", title="Post-it")
    doc.push(add_card(doc, jmap, card, 0))
    cell = sorted(
        (c for c in jmap.cards if (c.step, c.lane) == (first.step, first.lane)),
        key=lambda c: c.order,
    )
    assert cell[0] is card
    assert [c.order for c in cell] == list(range(len(cell)))
    assert check_project(doc.project) == []
    doc.undo_stack.undo()
    assert card not in jmap.cards
    assert first.order == 0


@settings(deadline=None, max_examples=25)
@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=25))
def test_any_sequence_of_edits_keeps_the_project_valid_and_undoes_exactly(
    qapp,
    seeds: list[int],  # type: ignore[no-untyped-def]
) -> None:
    doc = Document(templates.new_project("sample", "it"))
    start = dump_bytes(doc.project)
    for seed in seeds:
        rng = random.Random(seed)
        jmap = doc.project.maps[rng.randrange(len(doc.project.maps))]
        verb = rng.choice(["move", "remove", "add", "rename", "connect", "remove_lane"])
        steps, lanes = jmap.steps(), [lane for lane in jmap.lanes if lane.display == "cards"]
        if verb == "move" and jmap.cards and steps and lanes:
            picked = rng.sample(jmap.cards, k=min(len(jmap.cards), rng.randint(1, 3)))
            doc.push(
                move_cards(
                    doc,
                    jmap,
                    [c.id for c in picked],
                    rng.choice(steps).id,
                    rng.choice(lanes).id,
                    rng.randint(0, 3),
                )
            )
        elif verb == "remove" and jmap.cards:
            doc.push(remove_elements(doc, [rng.choice(jmap.cards).id]))
        elif verb == "remove_lane" and len(jmap.lanes) > 1:
            doc.push(remove_elements(doc, [rng.choice(jmap.lanes).id]))
        elif verb == "add" and steps and lanes:
            card = Card(step=rng.choice(steps).id, lane=rng.choice(lanes).id, title=f"n{seed}")
            doc.push(add_card(doc, jmap, card, rng.randint(0, 4)))
        elif verb == "rename" and jmap.stages:
            doc.push(SetField(doc, rng.choice(jmap.stages).id, "name", f"S{seed}", "Rename"))
        elif verb == "connect" and len(jmap.cards) >= 2:
            a, b = rng.sample(jmap.cards, 2)
            doc.push(add_connection(doc, jmap, a.id, b.id))
        assert check_project(doc.project) == [], verb
    end = dump_bytes(doc.project)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert dump_bytes(doc.project) == start
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert dump_bytes(doc.project) == end


def test_a_macro_signals_one_merged_change(doc: Document) -> None:
    """Deleting many cards is one step and one change signal (the window laid
    the map out again for each removed card: 5,000 selected cards took minutes)."""
    from journeydesk.document import verbs

    seen: list[Change] = []
    doc.changed.connect(seen.append)
    cards = doc.project.maps[0].cards[:6]
    ids = [c.id for c in cards]
    verbs.remove(doc, ids)
    assert len(seen) == 1 and seen[0].structural
    assert set(ids) <= set(seen[0].ids)
    assert len(seen[0].ids) == len(set(seen[0].ids))  # each once
    assert not any(c.id in ids for c in doc.project.maps[0].cards)
    doc.undo_stack.undo()
    assert len(seen) == 2 and seen[1].structural and set(ids) <= set(seen[1].ids)
    assert [c.id for c in doc.project.maps[0].cards[:6]] == ids
    doc.undo_stack.redo()
    assert len(seen) == 3


def test_a_macro_inside_a_macro_signals_once_and_a_failure_still_signals(doc: Document) -> None:
    from journeydesk.document.commands import Macro
    from journeydesk.document.document import merged

    seen: list[Change] = []
    doc.changed.connect(seen.append)
    a, b, c = doc.project.maps[0].cards[:3]
    inner = Macro("inner")
    inner.add(SetField(doc, b.id, "title", "B", "t"))
    inner.add(SetField(doc, c.id, "body", "C", "t"))
    outer = Macro("outer")
    outer.add(SetField(doc, a.id, "title", "A", "t"))
    outer.add(inner)
    doc.push(outer)
    assert seen == [Change((a.id, b.id, c.id), ("title", "body"))]
    assert merged([seen[0]]) is seen[0]

    class Broken(SetField):
        def redo(self) -> None:
            raise RuntimeError("broken on purpose")

    failing = Macro("failing")
    failing.add(SetField(doc, a.id, "title", "A2", "t"))
    failing.add(Broken(doc, b.id, "title", "x", "t"))
    with pytest.raises(RuntimeError):
        failing.redo()
    assert seen[-1] == Change((a.id,), ("title",))  # what was done is still signalled
    assert doc._batch is None  # and the next change is signalled at once
    doc.set_field(c.id, "title", "now")
    assert seen[-1] == Change((c.id,), ("title",))
