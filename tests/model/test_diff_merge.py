"""The semantic diff and the three-way merge, by id and field (issue #16)."""

from __future__ import annotations

import base64
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeydesk import templates
from journeydesk.model.diff import diff_projects, flatten, textconv_lines, unflatten
from journeydesk.model.merge import MERGE_AUTHOR, merge_projects, repair_document
from journeydesk.model.project import Asset, Project

pytestmark = pytest.mark.timeout(30)


@pytest.fixture(scope="module")
def sample() -> Project:
    return templates.new_project("sample", "en")


def copy(p: Project) -> Project:
    return p.model_copy(deep=True)


def by_id(p: Project, cid: str):  # type: ignore[no-untyped-def]
    return next((c for m in p.maps for c in m.cards if c.id == cid), None)


def test_flatten_and_back_is_the_same_project(sample: Project) -> None:
    assert Project.model_validate(unflatten(flatten(sample))) == sample


def test_identical_files_have_no_differences(sample: Project) -> None:
    assert diff_projects(sample, copy(sample)) == []


def test_diff_names_added_removed_changed_moved(sample: Project) -> None:
    b = copy(sample)
    jmap = b.maps[0]
    jmap.cards[0].title = "Edited"
    removed = jmap.cards.pop(3)
    added = jmap.cards[1].model_copy(update={"id": "00000000-0000-4000-8000-0000000000aa"})
    jmap.cards.append(added)
    other_step = jmap.steps()[-1].id
    jmap.cards[2].step = other_step
    jmap.stages[0].steps.reverse()
    changes = diff_projects(sample, b)
    ops = {(c.op, c.id) for c in changes}
    assert ("changed", jmap.cards[0].id) in ops
    edit = next(c for c in changes if c.op == "changed" and c.id == jmap.cards[0].id)
    assert edit.fields == {"title": (sample.maps[0].cards[0].title, "Edited")}
    assert ("removed", removed.id) in ops
    assert ("added", added.id) in ops
    move = next(c for c in changes if c.op == "moved" and c.id == jmap.cards[2].id)
    assert move.fields["step"][1] == other_step
    assert move.map_id == jmap.id
    if len(jmap.stages[0].steps) > 1:
        assert any(c.op == "moved" and c.kind == "step" for c in changes)
    # nothing else is reported as changed
    assert {c.op for c in changes} <= {"added", "removed", "changed", "moved"}
    assert all(c.id != jmap.cards[5].id for c in changes)


def _png(colour: tuple[int, int, int]) -> str:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buf, "PNG")
    return base64.b64encode(buf.getvalue()).decode()


def test_assets_are_compared_by_content(sample: Project) -> None:
    a, b = copy(sample), copy(sample)
    data = _png((200, 10, 10))
    a.assets.append(Asset(type="image/png", width=4, height=4, data=data))
    b.assets.append(Asset(type="image/png", width=4, height=4, data=data))
    b.maps[0].cards[0].image = b.assets[-1].id
    a.maps[0].cards[0].image = a.assets[-1].id
    assert a.assets[-1].id != b.assets[-1].id
    assert diff_projects(a, b) == []


def test_textconv_is_stable_and_shows_asset_digests(sample: Project) -> None:
    p = copy(sample)
    p.assets.append(Asset(type="image/png", width=4, height=4, data=_png((1, 2, 3))))
    lines = textconv_lines(p)
    assert lines == textconv_lines(copy(p))
    assert any('data: "sha256:' in line for line in lines)
    assert not any(p.assets[-1].data[:40] in line for line in lines)
    assert any(sample.maps[0].cards[0].title in line for line in lines)


# --- merge -----------------------------------------------------------------------


def loose_card(sample: Project) -> int:
    """Index of a card of the first map nothing but ``derived_from`` refers to."""
    used = {
        x
        for m in sample.maps
        for x in (
            *(v for c in m.cards for v in c.relates_to),
            *(v for x in m.connections for v in (x.source, x.target)),
        )
    } | {c.target for c in sample.comments}
    return next(i for i, c in enumerate(sample.maps[0].cards) if i > 1 and c.id not in used)


def two_colleagues(sample: Project) -> tuple[Project, Project]:
    """Different cards edited, one stage renamed, one card deleted."""
    ours, theirs = copy(sample), copy(sample)
    ours.maps[0].cards[0].title = "Ours: new title"
    ours.maps[0].stages[1].name = "Renamed stage"
    theirs.maps[0].cards[1].body = "Theirs: new body"
    gone = sample.maps[0].cards[loose_card(sample)].id
    theirs.maps[0].cards = [c for c in theirs.maps[0].cards if c.id != gone]
    for card in theirs.maps[1].cards:  # as the app's removal does
        if card.derived_from == gone:
            card.derived_from = None
    return ours, theirs


def test_merge_combines_both_sides(sample: Project) -> None:
    ours, theirs = two_colleagues(sample)
    result = merge_projects(sample, ours, theirs)
    out = result.project
    assert result.conflicts == []
    assert by_id(out, sample.maps[0].cards[0].id).title == "Ours: new title"
    assert by_id(out, sample.maps[0].cards[1].id).body == "Theirs: new body"
    assert by_id(out, sample.maps[0].cards[loose_card(sample)].id) is None
    assert out.maps[0].stages[1].name == "Renamed stage"
    assert len(out.maps[0].cards) == len(sample.maps[0].cards) - 1
    # the same the other way round
    back = merge_projects(sample, theirs, ours).project
    assert diff_projects(out, back) == [] or all(c.op == "moved" for c in diff_projects(out, back))


def test_additions_on_both_sides_keep_their_place(sample: Project) -> None:
    ours, theirs = copy(sample), copy(sample)
    new_a = ours.maps[0].cards[0].model_copy(update={"id": "00000000-0000-4000-8000-00000000000a"})
    new_b = (
        theirs.maps[0].cards[4].model_copy(update={"id": "00000000-0000-4000-8000-00000000000b"})
    )
    ours.maps[0].cards.insert(1, new_a)
    theirs.maps[0].cards.insert(5, new_b)
    out = merge_projects(sample, ours, theirs).project
    ids = [c.id for c in out.maps[0].cards]
    assert ids.index(new_a.id) == 1
    assert ids[ids.index(new_b.id) - 1] == sample.maps[0].cards[4].id


def test_same_field_two_ways_is_a_named_conflict_kept_as_a_comment(sample: Project) -> None:
    ours, theirs = copy(sample), copy(sample)
    card = sample.maps[0].cards[0]
    ours.maps[0].cards[0].title = "Ours wins"
    theirs.maps[0].cards[0].title = "Theirs loses"
    result = merge_projects(sample, ours, theirs)
    (conflict,) = result.conflicts
    line = conflict.line()
    assert card.id in line and "card" in line and "Ours wins" in line and "Theirs loses" in line
    assert by_id(result.project, card.id).title == "Ours wins"
    comments = [c for c in result.project.comments if c.author == MERGE_AUTHOR]
    assert len(comments) == 1
    assert comments[0].target == card.id and not comments[0].resolved
    assert "Theirs loses" in comments[0].text


def test_delete_on_one_side_edit_on_the_other_keeps_the_element(sample: Project) -> None:
    ours, theirs = copy(sample), copy(sample)
    card = sample.maps[0].cards[0]
    ours.maps[0].cards.pop(0)
    theirs.maps[0].cards[0].body = "Edited while the other deleted it"
    result = merge_projects(sample, ours, theirs)
    assert [c.what for c in result.conflicts] == ["delete/edit"]
    kept = by_id(result.project, card.id)
    assert kept is not None and kept.body == "Edited while the other deleted it"
    assert any(c.target == card.id for c in result.project.comments if c.author == MERGE_AUTHOR)


def test_moved_two_ways_is_one_conflict(sample: Project) -> None:
    ours, theirs = copy(sample), copy(sample)
    steps = sample.maps[0].steps()
    ours.maps[0].cards[0].step = steps[-1].id
    theirs.maps[0].cards[0].step = steps[-2].id
    result = merge_projects(sample, ours, theirs)
    assert [c.what for c in result.conflicts] == ["move"]
    assert by_id(result.project, sample.maps[0].cards[0].id).step == steps[-1].id


def test_a_deletion_that_orphans_references_is_repaired_and_reported(sample: Project) -> None:
    ours, theirs = copy(sample), copy(sample)
    # theirs deletes a card (and what referred to it in their copy)
    victim = sample.maps[0].cards[0].id
    theirs.maps[0].cards.pop(0)
    theirs.maps[0].connections = [
        x for x in theirs.maps[0].connections if victim not in (x.source, x.target)
    ]
    # ours, meanwhile, connects another card to it
    from journeydesk.model.project import Connection

    ours.maps[0].connections.append(Connection(source=ours.maps[0].cards[3].id, target=victim))
    result = merge_projects(sample, ours, theirs)
    assert by_id(result.project, victim) is None
    assert all(victim not in (x.source, x.target) for x in result.project.maps[0].connections)
    assert any("connections" in line for line in result.repairs)
    from journeydesk.model.checks import check_project

    assert check_project(result.project) == []


def test_marks_for_the_canvas(sample: Project) -> None:
    from journeydesk.model.diff import marks_for

    b = copy(sample)
    b.maps[0].cards[0].title = "Edited"
    b.maps[0].cards[0].step = b.maps[0].steps()[-1].id
    gone = b.maps[0].cards.pop(1)
    marks = dict(marks_for(diff_projects(sample, b)))
    assert marks == {b.maps[0].cards[0].id: "changed"}
    assert gone.id not in marks


def test_a_future_state_map_against_its_base_card_by_card(sample: Project) -> None:
    from journeydesk.model.diff import derived_changes

    p = copy(sample)
    future = next(m for m in p.maps if m.based_on)
    assert derived_changes(p, future.id) == derived_changes(copy(p), future.id)
    derived = next(c for c in future.cards if c.derived_from)
    derived.title = "Changed in the future"
    new = future.cards[0].model_copy(
        update={"id": "00000000-0000-4000-8000-0000000000cc", "derived_from": None}
    )
    future.cards.append(new)
    base = p.map_by_id(future.based_on or "")
    assert base is not None
    taken = {c.derived_from for c in future.cards}
    before = {c.id for c in base.cards if c.id not in taken}
    changes = derived_changes(p, future.id)
    ops = {(c.op, c.id) for c in changes}
    assert ("added", new.id) in ops
    edit = next(c for c in changes if c.id == derived.id)
    assert edit.op == "changed" and edit.fields["title"][1] == "Changed in the future"
    assert {c.id for c in changes if c.op == "removed"} == before
    assert derived_changes(p, base.id) == []


def test_a_list_reordered_two_ways_is_a_conflict_on_its_holder(sample: Project) -> None:
    ours, theirs = copy(sample), copy(sample)
    stage = next(s for s in sample.maps[0].stages if len(s.steps) >= 3)
    i = sample.maps[0].stages.index(stage)
    o_steps, t_steps = ours.maps[0].stages[i].steps, theirs.maps[0].stages[i].steps
    o_steps.reverse()
    t_steps.append(t_steps.pop(0))
    result = merge_projects(sample, ours, theirs)
    (conflict,) = result.conflicts
    assert conflict.id == stage.id and conflict.field == "order of steps"
    assert [s.id for s in result.project.maps[0].stages[i].steps] == [s.id for s in o_steps]
    # only one side reorders: that order, no conflict
    clean = merge_projects(sample, copy(sample), theirs)
    assert clean.conflicts == []
    assert [s.id for s in clean.project.maps[0].stages[i].steps] == [s.id for s in t_steps]


def test_the_same_image_added_on_both_sides_is_one_asset(sample: Project) -> None:
    ours, theirs = copy(sample), copy(sample)
    data = _png((10, 200, 10))
    for side, n in ((ours, 0), (theirs, 1)):
        side.assets.append(Asset(type="image/png", width=4, height=4, data=data))
        side.maps[0].cards[n].image = side.assets[-1].id
    result = merge_projects(sample, ours, theirs)
    assert result.conflicts == []
    (asset,) = [a for a in result.project.assets if a.data == data]
    assert asset.id == ours.assets[-1].id
    cards = result.project.maps[0].cards
    assert cards[0].image == asset.id and cards[1].image == asset.id


def test_repairs_follow_the_declared_references(sample: Project) -> None:
    """A card added in a lane the other side deleted goes (cascade); an owner
    naming a deleted team leaves the card's owners (remove_item)."""
    from journeydesk.model.checks import check_project
    from journeydesk.model.project import Owner

    ours, theirs = copy(sample), copy(sample)
    team = theirs.teams.pop(0)
    for m in theirs.maps:
        for c in m.cards:
            c.owners = [o for o in c.owners if o.team != team.id]
    target_lane = theirs.maps[0].lanes[-1]
    theirs.maps[0].lanes.pop()
    theirs.maps[0].cards = [c for c in theirs.maps[0].cards if c.lane != target_lane.id]
    theirs.maps[0].separators = [
        s for s in theirs.maps[0].separators if s.after_lane != target_lane.id
    ]
    for curve in theirs.maps[0].curves:
        if curve.lane == target_lane.id:
            curve.lane = None
    kept = {c.id for c in theirs.maps[0].cards}
    theirs.maps[0].connections = [
        x for x in theirs.maps[0].connections if x.source in kept and x.target in kept
    ]
    for c in theirs.maps[1].cards:
        if c.derived_from and c.derived_from not in kept:
            c.derived_from = None
    for c in theirs.maps[0].cards:
        c.relates_to = [r for r in c.relates_to if r in kept]
    theirs.comments = [
        c
        for c in theirs.comments
        if c.target not in {x.id for x in sample.maps[0].cards if x.id not in kept}
    ]
    new = (
        ours.maps[0]
        .cards[0]
        .model_copy(update={"id": "00000000-0000-4000-8000-0000000000dd", "lane": target_lane.id})
    )
    ours.maps[0].cards.append(new)
    ours.maps[0].cards[1].owners = [Owner(team=team.id, role="lead")]
    result = merge_projects(sample, ours, theirs)
    assert by_id(result.project, new.id) is None
    assert by_id(result.project, ours.maps[0].cards[1].id).owners == []
    assert any(line.endswith(": removed") and ".lane:" in line for line in result.repairs)
    assert any(".owners[0].team" in line and "entry removed" in line for line in result.repairs)
    assert check_project(result.project) == []


@settings(
    deadline=None, max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_merging_with_an_untouched_side_gives_the_edited_side(sample: Project, data) -> None:  # type: ignore[no-untyped-def]
    edited = copy(sample)
    cards = edited.maps[0].cards
    n = len(cards)
    for i in data.draw(st.lists(st.integers(0, n - 1), max_size=6, unique=True)):
        cards[i].title = data.draw(st.text(max_size=20))
    picks = data.draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True))
    for i in sorted(picks, reverse=True):
        del cards[i]
    if data.draw(st.booleans()):
        cards.reverse()
    edited, _ = repair_document(edited.model_dump(mode="json"))  # what pointed at them
    for ours, theirs in ((edited, copy(sample)), (copy(sample), edited)):
        result = merge_projects(sample, ours, theirs)
        assert result.conflicts == []
        assert diff_projects(edited, result.project) == []
