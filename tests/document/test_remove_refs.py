"""What a removal clears or cascades comes from the declared references.

Before references were declared once, ``remove_elements`` knew some of them
by hand and the inspector and navigator patched the rest: removing a team
through the document left owners pointing at it, a removed metric left KPI
values, a removed map left links to it. Each test removes one kind of
target through the document alone and asserts the project checks clean,
then that undo gives back the same bytes.
"""

from __future__ import annotations

import pytest

from journeydesk import templates
from journeydesk.document.commands import remove_elements
from journeydesk.document.document import Document
from journeydesk.document.links import add_link
from journeydesk.io import dump_bytes
from journeydesk.model import check_project


@pytest.fixture
def doc(qapp) -> Document:  # type: ignore[no-untyped-def]
    return Document(templates.new_project("sample", "en"))


def _remove_and_undo(doc: Document, element_id: str) -> bytes:
    before = dump_bytes(doc.project)
    doc.push(remove_elements(doc, [element_id]))
    assert check_project(doc.project) == []
    after = dump_bytes(doc.project)
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == before
    doc.undo_stack.redo()
    assert dump_bytes(doc.project) == after
    return after


def test_removing_a_team_takes_it_off_every_card_it_owned(doc: Document) -> None:
    project = doc.project
    team = next(t for t in project.teams if any(
        o.team == t.id for m in project.maps for c in m.cards for o in c.owners
    ))  # fmt: skip
    owned = [c for m in project.maps for c in m.cards if any(o.team == team.id for o in c.owners)]
    others = {c.id: [o.team for o in c.owners if o.team != team.id] for c in owned}
    _remove_and_undo(doc, team.id)
    for card in owned:
        assert [o.team for o in card.owners] == others[card.id]


def test_removing_a_metric_takes_its_kpi_values(doc: Document) -> None:
    project = doc.project
    metric = next(m for m in project.metrics if any(
        k.metric == m.id for jm in project.maps for s in jm.stages for k in s.kpis
    ))  # fmt: skip
    _remove_and_undo(doc, metric.id)
    assert not any(k.metric == metric.id for jm in project.maps for s in jm.stages for k in s.kpis)


def test_removing_a_source_clears_the_evidence_pointing_at_it(doc: Document) -> None:
    project = doc.project
    evidence = [e for m in project.maps for c in m.cards for e in c.evidence if e.source]
    source = evidence[0].source
    assert source is not None
    _remove_and_undo(doc, source)
    assert all(e.source != source for e in evidence)
    assert any(e.source is None for e in evidence)  # kept, with no source


def test_removing_a_map_drops_links_to_it_and_what_was_derived_from_it(doc: Document) -> None:
    current, future = doc.project.maps
    card = future.cards[0]
    command = add_link(doc, card, current.id, "as it is")
    assert command is not None
    doc.push(command)
    _remove_and_undo(doc, current.id)
    assert card.links == []
    assert future.based_on is None
    assert all(c.derived_from is None for c in future.cards)


def test_removing_a_persona_clears_it_from_maps_lanes_and_curves(doc: Document) -> None:
    persona = doc.project.personas[0]
    _remove_and_undo(doc, persona.id)
    for jmap in doc.project.maps:
        assert persona.id not in jmap.personas
        assert all(c.persona != persona.id for c in jmap.curves)
        assert all(lane.persona != persona.id for lane in jmap.lanes)


def test_removing_a_lane_cascades_cards_their_connections_and_comments(doc: Document) -> None:
    jmap = doc.project.maps[0]
    connection = jmap.connections[0]
    card = next(c for c in jmap.cards if c.id == connection.source)
    lane = card.lane
    _remove_and_undo(doc, lane)
    assert all(c.lane != lane for c in jmap.cards)
    assert connection not in jmap.connections
    # The future map's cards derived from the removed cards lose derived_from only.
    gone = {card.id}
    assert all(c.derived_from not in gone for c in doc.project.maps[1].cards)


def test_removing_a_step_a_card_spans_shrinks_the_span(doc: Document) -> None:
    jmap = doc.project.maps[0]
    stage = next(s for s in jmap.stages if len(s.steps) >= 2)
    first, second = stage.steps[0], stage.steps[1]
    card = next(c for c in jmap.cards if c.step == first.id and c.lane != jmap.lanes[-1].id)
    card.span_steps = 2
    lane_index = [lane.id for lane in jmap.lanes].index(card.lane)
    card.span_lanes = len(jmap.lanes) - lane_index  # down to the last lane
    assert card.span_lanes >= 2
    spans_lanes = card.span_lanes
    _remove_and_undo(doc, second.id)
    assert card.span_steps == 1
    _remove_and_undo(doc, jmap.lanes[-1].id)
    assert card.span_lanes == spans_lanes - 1
