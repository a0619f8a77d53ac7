"""The comparison kept up to date card edit by card edit equals the whole diff."""

from __future__ import annotations

import base64
import io
import random

import pytest
from bench_shapes import make_shape
from PIL import Image as PilImage

from journeydesk import templates
from journeydesk.model.diff import diff_trees, flatten
from journeydesk.model.diff_live import LiveDiff
from journeydesk.model.project import Asset, Evidence, Project


def edit(rng: random.Random, project: Project) -> tuple[list, list[str]]:  # type: ignore[type-arg]
    """Set a few fields of one to three cards, as the app's card verbs do."""
    jmap = project.maps[0]
    cards = rng.sample(jmap.cards, rng.randint(1, 3))
    what = rng.choice(["title", "body", "move", "scores", "status", "tags", "kind", "back"])
    fields: list[str] = []
    for card in cards:
        if what == "title":
            card.title = card.title + rng.choice([" x", "!", " nuovo"])
            fields = ["title"]
        elif what == "body":
            card.body = rng.choice(["", "a body", card.body + " more"])
            fields = ["body"]
        elif what == "move":
            step = rng.choice(jmap.steps())
            card.step, card.order = step.id, rng.randint(0, 5)
            fields = ["step", "order"]
        elif what == "scores":
            card.scores = {"impact": rng.randint(0, 5)} if rng.random() < 0.8 else {}
            fields = ["scores"]
        elif what == "status":
            card.status = rng.choice([None, "accepted", "rejected"])
            fields = ["status"]
        elif what == "tags":
            card.tags = rng.sample(["a", "b", "c"], rng.randint(0, 2))
            fields = ["tags"]
        elif what == "kind":
            card.kind = rng.choice(["thought", "opportunity", "pain_point"])
            fields = ["kind"]
        else:  # a card edited back as it was in the other file: its change goes
            continue
    return cards, fields


@pytest.mark.parametrize("source", ["sample", "current", "wide"], ids=["sample", "current", "wide"])
def test_card_edits_followed_give_the_whole_diff(source: str) -> None:
    project = (
        templates.new_project("sample", "en") if source == "sample" else make_shape(source, 400)
    )
    original = project.model_copy(deep=True)
    rng = random.Random(hash(source) % 1000)
    # the other file: a few differences already (edits, a removal, an addition)
    other = project.model_copy(deep=True)
    other.maps[0].cards[0].title = "Changed there"
    del other.maps[0].cards[1]
    live = LiveDiff(flatten(other), project)
    assert live.changes == diff_trees(flatten(other), flatten(project))
    followed = 0
    for _ in range(60):
        if rng.random() < 0.1:  # edited back to the other file's values
            card = rng.choice(project.maps[0].cards[2:])
            twin = next(c for c in original.maps[0].cards if c.id == card.id)
            card.title, card.step, card.order = twin.title, twin.step, twin.order
            cards, fields = [card], ["title", "step", "order"]
        else:
            cards, fields = edit(rng, project)
        assert live.cards_edited(cards, fields)
        followed += 1
        assert live.changes == diff_trees(flatten(other), flatten(project))
    assert followed == 60


def test_evidence_follows_its_card_to_another_stage() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    card = next(c for c in jmap.cards if c.evidence)
    other = project.model_copy(deep=True)
    mine = card.evidence[0]
    card.evidence[0] = Evidence(id=mine.id, confidence="observed", method=mine.method)
    live = LiveDiff(flatten(other), project)
    (ev,) = [c for c in live.changes if c.id == mine.id]
    home = next(st for st in jmap.stages if any(s.id == card.step for s in st.steps))
    assert ev.stage_id == home.id
    there = next(st for st in jmap.stages if st.id != home.id)
    card.step = there.steps[0].id
    assert live.cards_edited([card], ["step"])
    assert live.changes == diff_trees(flatten(other), flatten(project))
    (ev2,) = [c for c in live.changes if c.id == mine.id]
    assert ev2.stage_id == there.id


def test_element_lists_and_unknown_cards_ask_for_the_whole_diff() -> None:
    project = templates.new_project("sample", "en")
    other = project.model_copy(deep=True)
    live = LiveDiff(flatten(other), project)
    card = project.maps[0].cards[0]
    before = list(live.changes)
    card.evidence = []
    assert not live.cards_edited([card], ["evidence"])
    assert live.changes == before  # nothing half-done
    stranger = card.model_copy(update={"id": "not-in-the-tree"})
    assert not live.cards_edited([stranger], ["title"])
    live.recompute(project)
    assert live.changes == diff_trees(flatten(other), flatten(project))


def test_assets_known_by_content_stay_renamed() -> None:
    """The other file holds the same image under another id: a card's image
    reference is renamed in the followed records too, as in the whole diff."""
    buf = io.BytesIO()
    PilImage.new("RGB", (4, 4), (200, 10, 10)).save(buf, "PNG")
    data = base64.b64encode(buf.getvalue()).decode()
    project = templates.new_project("sample", "en")
    other = project.model_copy(deep=True)
    mine = Asset(type="image/png", width=4, height=4, data=data)
    theirs = Asset(type="image/png", width=4, height=4, data=data)
    assert mine.id != theirs.id
    project.assets.append(mine)
    other.assets.append(theirs)
    card = project.maps[0].cards[0]
    card.image = mine.id
    other.maps[0].cards[0].image = theirs.id
    live = LiveDiff(flatten(other), project)
    assert live.changes == diff_trees(flatten(other), flatten(project)) == []
    card.title = "With its picture"
    assert live.cards_edited([card], ["title"])
    assert live.changes == diff_trees(flatten(other), flatten(project))
    (change,) = live.changes
    assert set(change.fields) == {"title"}  # not the image: the same picture
