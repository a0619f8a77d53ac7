"""Merge From…'s engine: each change of theirs accepted or rejected (issue #16)."""

from __future__ import annotations

import pytest

from journeydesk import templates
from journeydesk.model.checks import check_project
from journeydesk.model.diff import diff_projects
from journeydesk.model.merge_plan import plan_merge
from journeydesk.model.project import Project

pytestmark = pytest.mark.timeout(30)


@pytest.fixture(scope="module")
def sample() -> Project:
    return templates.new_project("sample", "en")


def card(p: Project, cid: str):  # type: ignore[no-untyped-def]
    return next((c for m in p.maps for c in m.cards if c.id == cid), None)


def test_accept_some_reject_others(sample: Project) -> None:
    ours, theirs = sample.model_copy(deep=True), sample.model_copy(deep=True)
    ours.maps[0].cards[0].title = "Ours"
    theirs.maps[0].cards[1].body = "Theirs body"
    theirs.maps[0].stages[1].name = "Theirs stage"
    plan = plan_merge(ours, theirs, sample)
    keys = {p.key: p for p in plan.proposals}
    assert set(keys) == {sample.maps[0].cards[1].id, sample.maps[0].stages[1].id}
    assert not any(p.conflict for p in plan.proposals)
    project, _repairs = plan.apply({sample.maps[0].cards[1].id})
    assert card(project, sample.maps[0].cards[1].id).body == "Theirs body"
    assert project.maps[0].stages[1].name == sample.maps[0].stages[1].name  # rejected
    assert card(project, sample.maps[0].cards[0].id).title == "Ours"  # ours kept
    nothing, _ = plan.apply(set())
    assert diff_projects(ours, nothing) == []
    everything, _ = plan.apply(set(keys))
    assert everything.maps[0].stages[1].name == "Theirs stage"


def test_conflicts_come_first_and_accepting_one_takes_theirs(sample: Project) -> None:
    ours, theirs = sample.model_copy(deep=True), sample.model_copy(deep=True)
    ours.maps[0].cards[5].title = "Ours"
    theirs.maps[0].cards[1].body = "Theirs body"
    theirs.maps[0].cards[5].title = "Theirs"
    plan = plan_merge(ours, theirs, sample)
    assert [p.conflict for p in plan.proposals] == [True, False]
    first = plan.proposals[0]
    assert first.key == sample.maps[0].cards[5].id
    assert first.fields["title"] == ("Ours", "Theirs")
    taken, _ = plan.apply({first.key})
    assert card(taken, first.key).title == "Theirs"
    kept, _ = plan.apply(set())
    assert card(kept, first.key).title == "Ours"


def test_without_a_base_every_difference_is_a_proposal(sample: Project) -> None:
    ours, theirs = sample.model_copy(deep=True), sample.model_copy(deep=True)
    removed = theirs.maps[0].cards.pop(0)
    theirs.maps[0].connections = [
        x for x in theirs.maps[0].connections if removed.id not in (x.source, x.target)
    ]
    for c in theirs.maps[1].cards:
        if c.derived_from == removed.id:
            c.derived_from = None
    theirs.maps[0].stages[0].name = "New name"
    plan = plan_merge(ours, theirs)
    ops = {(p.op, p.key) for p in plan.proposals}
    assert ("removed", removed.id) in ops
    assert ("changed", theirs.maps[0].stages[0].id) in ops
    assert not any(p.conflict for p in plan.proposals)
    # accepting only the removal repairs what pointed at the card
    project, repairs = plan.apply({removed.id})
    assert repairs  # the connections and derived cards that pointed at it
    assert card(project, removed.id) is None
    assert check_project(project) == []
    assert project.maps[0].stages[0].name == sample.maps[0].stages[0].name
