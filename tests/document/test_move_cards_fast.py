"""``commands.move_cards`` finds the moved cards through the document's index
and lists the touched cells in one walk that looks at a card's lane and step
before making a key (issue #14: the command was ~10 ms of a move on a
20,000-card map). Its changes must be exactly those of the plain walks it
replaced (kept below as the reference), with the index built or not, stale
or not, for ids of other maps, unknown ids and repeated ids."""

from __future__ import annotations

import random
from typing import Any

import pytest

from journeydesk import templates
from journeydesk.document import commands
from journeydesk.document.document import Document
from journeydesk.model import Card
from journeydesk.model.project import JourneyMap, Project


def reference_changes(
    jmap: JourneyMap, card_ids: list[str], step: str, lane: str, index: int | None
) -> list[tuple[str, str, Any]]:
    """``move_cards``' list of changes as the command made it before."""
    wanted = set(card_ids)
    moving = [c for c in jmap.cards if c.id in wanted]
    moving.sort(key=lambda c: (c.step, c.lane, c.order))
    ids = {c.id for c in moving}
    left = {(c.step, c.lane) for c in moving} - {(step, lane)}
    cells: dict[tuple[str, str], list[Card]] = {cell: [] for cell in (*left, (step, lane))}
    for c in jmap.cards:
        found = cells.get((c.step, c.lane))
        if found is not None and c.id not in ids:
            found.append(c)
    for cell_list in cells.values():
        cell_list.sort(key=lambda c: c.order)
    target = cells[(step, lane)]
    index = len(target) if index is None else max(0, min(index, len(target)))
    final = target[:index] + moving + target[index:]
    changes: list[tuple[str, str, Any]] = []
    steps_after = commands._cells_from(s.id for s in jmap.steps()).get(step, 1)
    lanes_after = commands._cells_from(x.id for x in jmap.lanes).get(lane, 1)
    for c in moving:
        changes += [(c.id, "step", step), (c.id, "lane", lane)]
        if c.span_steps > steps_after:
            changes.append((c.id, "span_steps", steps_after))
        if c.span_lanes > lanes_after:
            changes.append((c.id, "span_lanes", lanes_after))
    changes += [(c.id, "order", n) for n, c in enumerate(final)]
    for cell in sorted(left):
        changes += [(c.id, "order", n) for n, c in enumerate(cells[cell])]
    return changes


def _project(seed: int) -> Project:
    rng = random.Random(seed)
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    steps, lanes = jmap.steps(), [lane for lane in jmap.lanes if lane.display == "cards"]
    for n in range(rng.randint(5, 40)):
        # piled into few cells, orders with gaps and repeats
        jmap.cards.append(
            Card(
                step=rng.choice(steps[:3]).id,
                lane=rng.choice(lanes[:3]).id,
                order=rng.choice([n, n * 3, 1]),
                title=f"c{n}",
                span_steps=rng.choice([1, 1, 2]),
            )
        )
    return project


@pytest.mark.parametrize("seed", range(8))
def test_move_cards_makes_the_changes_of_the_plain_walks(seed: int) -> None:
    rng = random.Random(seed)
    project = _project(seed)
    doc = Document(project, None)
    jmap = project.maps[0]
    other = project.maps[1] if len(project.maps) > 1 else None
    steps, lanes = jmap.steps(), [lane for lane in jmap.lanes if lane.display == "cards"]
    indexed = 0
    for n in range(30):
        picked = [c.id for c in rng.sample(jmap.cards, rng.randint(1, 4))]
        ties: dict[tuple[str, str, int], list[str]] = {}
        for c in jmap.cards:
            ties.setdefault((c.step, c.lane, c.order), []).append(c.id)
        tied = [ids for ids in ties.values() if len(ids) > 1]
        if tied and rng.random() < 0.5:  # cards alike in cell and order: the map's order decides
            picked = rng.choice(tied)[::-1] + picked[:1]
        if rng.random() < 0.2:
            picked.append(picked[0])  # an id twice
        if rng.random() < 0.15:
            picked.append("no-such-card")
        if other is not None and other.cards and rng.random() < 0.15:
            picked.append(rng.choice(other.cards).id)  # a card of another map
        if rng.random() < 0.1:
            picked.append(jmap.lanes[0].id)  # not a card at all
        step, lane = rng.choice(steps).id, rng.choice(lanes).id
        at = rng.choice([None, 0, 1, 3, 99])
        if n == 10:  # the model changed behind the document's back: the index is stale
            jmap.cards.insert(0, jmap.cards.pop())
        expected = reference_changes(jmap, picked, step, lane, at)
        indexed += doc._index is not None
        command = commands.move_cards(doc, jmap, picked, step, lane, at)
        assert command.new == [c for c in expected if getattr(doc.element(c[0]), c[1]) != c[2]]
        doc.push(command)
        if rng.random() < 0.2:
            doc.undo_stack.undo()
    doc.undo_stack.clear()
    assert indexed > 20  # the index was there to use most of the time


def test_the_index_is_used_only_while_it_is_right() -> None:
    """``Document.indexed``: None before the index is built, and for an element
    that is no longer where the index says."""
    project = _project(1)
    doc = Document(project, None)
    jmap = project.maps[0]
    card = jmap.cards[-1]
    assert doc.indexed(card.id) is None  # nothing walked to answer
    doc.element(card.id)  # builds the index
    found = doc.indexed(card.id)
    assert found is not None and found[0] is card and found[1].owner is jmap
    jmap.cards.insert(0, jmap.cards.pop())  # moved behind the document's back
    assert doc.indexed(card.id) is None
    assert doc.indexed("no-such-id") is None
