"""The document's element index follows a nested object swapped by SetField
(a map's storyline replaced by a copy with another list of scenes)."""

from __future__ import annotations

import pytest

from journeydesk.document.commands import Remove, SetField
from journeydesk.document.document import Document
from journeydesk.model import Scene
from journeydesk.templates import new_project


@pytest.mark.usefixtures("qapp")
def test_swapping_a_storyline_keeps_the_index_right() -> None:
    project = new_project("sample", "en")
    jmap = project.maps[0]
    a, b, c = Scene(title="A"), Scene(title="B"), Scene(title="C")
    jmap.storyline.scenes = [a, b]
    doc = Document(project)
    assert doc.element(b.id) is b and doc.location(b.id).index == 1
    old = jmap.storyline
    swapped = old.model_copy(update={"scenes": [c, b]})
    doc.push(SetField(doc, jmap.id, "storyline", swapped, "Swap", merge=False))
    with pytest.raises(KeyError):
        doc.element(a.id)  # gone with the old list
    assert doc.element(c.id) is c and doc.location(b.id).index == 1
    assert doc.location(b.id).owner is swapped
    doc.push(Remove(doc, b.id, "Remove"))  # commands find the new list
    assert jmap.storyline.scenes == [c] and old.scenes == [a, b]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert jmap.storyline is old and doc.element(a.id) is a
    with pytest.raises(KeyError):
        doc.element(c.id)
    # an edit far from the swap still finds its element without a rebuild
    card = jmap.cards[0]
    doc.push(SetField(doc, card.id, "title", "New", "Edit"))
    assert card.title == "New"


def _snapshot(index):
    return {k: (id(e), id(loc.owner), loc.field, loc.index) for k, (e, loc) in index.items()}


@pytest.mark.usefixtures("qapp")
def test_inserts_removes_and_reorders_keep_the_index_equal_to_a_fresh_one() -> None:
    """The index is updated in place on insert and remove (not rebuilt): after
    each of many random edits, and their undo, it equals a fresh walk."""
    import random

    from journeydesk.document.commands import Reorder, add_card, remove_elements
    from journeydesk.model import Card

    project = new_project("sample", "en")
    doc = Document(project)
    doc.element(project.maps[0].cards[0].id)  # build the index once
    rng = random.Random(7)
    jmap = project.maps[0]
    for n in range(60):
        choice = rng.random()
        if choice < 0.35 or not jmap.cards:
            lane = rng.choice([lane for lane in jmap.lanes if lane.display == "cards"])
            step = rng.choice(jmap.steps())
            card = Card(step=step.id, lane=lane.id, kind="note", title=f"Card {n}")
            doc.push(add_card(doc, jmap, card))
        elif choice < 0.6:
            doc.push(remove_elements(doc, [rng.choice(jmap.cards).id]))
        elif choice < 0.75:
            stage = rng.choice(jmap.stages)
            doc.push(Reorder(doc, stage.id, rng.randrange(len(jmap.stages)), "Move stage"))
        elif choice < 0.85 and len(jmap.lanes) > 1:
            lane = rng.choice(jmap.lanes)
            doc.push(remove_elements(doc, [lane.id]))
        else:
            doc.undo_stack.undo()
        assert doc._index is not None
        assert _snapshot(doc._index) == _snapshot(doc._build_index()), n
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
        assert _snapshot(doc._index) == _snapshot(doc._build_index())


@pytest.mark.usefixtures("qapp")
def test_maps_and_the_project_are_found_without_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """The inspector shows the map when nothing is selected: that look-up walks
    nothing (#14: opening a 5,000-card map walked 120,000 values for it)."""
    project = new_project("sample", "en")
    doc = Document(project)
    walks: list[int] = []
    real = Document._build_index
    monkeypatch.setattr(Document, "_build_index", lambda self: walks.append(1) or real(self))
    for jmap in project.maps:
        assert doc.element(jmap.id) is jmap
    assert doc.element(project.id) is project
    assert walks == [] and doc._index is None
    card = project.maps[1].cards[0]
    assert doc.element(card.id) is card and walks == [1]


@pytest.mark.usefixtures("qapp")
def test_a_miss_walks_the_project_again_only_after_a_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asking for an id that is not there (a removed selection, over and over)
    walks the project at most once per change, not once per look-up."""
    project = new_project("sample", "en")
    doc = Document(project)
    walks: list[int] = []
    real = Document._build_index
    monkeypatch.setattr(Document, "_build_index", lambda self: walks.append(1) or real(self))
    card = project.maps[0].cards[0]
    doc.element(card.id)
    assert walks == [1]
    for _ in range(5):
        with pytest.raises(KeyError):
            doc.element("no-such-id")
    assert walks == [1], "a miss with nothing changed walked the project again"
    doc.push(Remove(doc, card.id, "Remove"))
    for _ in range(5):
        with pytest.raises(KeyError):
            doc.element(card.id)
    assert len(walks) <= 2
    doc.undo_stack.undo()
    assert doc.element(card.id) is card
    # a change made behind the document's back is found once it says so
    other = project.maps[0].cards[1].model_copy(update={"id": "added-behind-its-back"})
    project.maps[0].cards.append(other)
    doc.invalidate()
    assert doc.element(other.id) is other


def _reference_index(project: object) -> dict[str, tuple[int, int, str, int]]:
    """The index as the field-by-field walk before issue #14 made it, as ids of
    (element, owner) with the field name and position."""
    from pydantic import BaseModel

    from journeydesk.model.base import Element

    out: dict[str, tuple[int, int, str, int]] = {}

    def walk(obj: BaseModel) -> None:
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, BaseModel):
                walk(value)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, Element):
                        out[item.id] = (id(item), id(obj), name, i)
                    if isinstance(item, BaseModel):
                        walk(item)

    walk(project)  # type: ignore[arg-type]
    return out


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("kind", ["sample", "generated"])
def test_the_index_holds_every_element_where_the_field_walk_found_it(kind: str) -> None:
    if kind == "sample":
        project = new_project("sample", "en")
    else:
        from bench_shapes import make_shape

        project = make_shape("wide", 600)
    # elements inside a nested object (a map's storyline) and inside elements
    project.maps[0].storyline.scenes = [Scene(title="A"), Scene(title="B")]
    doc = Document(project)
    index = doc._build_index()
    got = {k: (id(e), id(loc.owner), loc.field, loc.index) for k, (e, loc) in index.items()}
    assert len(got) > 50
    assert got == _reference_index(project)
    scene = project.maps[0].storyline.scenes[1]
    assert got[scene.id][2:] == ("scenes", 1)


def test_changed_cards_names_only_card_field_edits() -> None:
    """What the find bar and the Decide dock ask before following an edit cheaply."""
    from journeydesk.model import Evidence

    doc = Document(new_project("sample", "en"), None)
    jmap = doc.project.maps[0]
    card, other = jmap.cards[0], jmap.cards[1]
    seen = []
    doc.changed.connect(seen.append)
    doc.push(SetField(doc, card.id, "title", "New", "Edit title"))
    assert doc.changed_cards(seen[-1]) == [card]
    doc.set_fields([(card.id, "order", 3), (other.id, "order", 4)])
    assert doc.changed_cards(seen[-1]) == [card, other]
    doc.push(SetField(doc, jmap.id, "name", "Renamed", "Rename"))
    assert doc.changed_cards(seen[-1]) is None  # a map, not a card
    evidence = Evidence(quote="We waited a week")
    doc.insert(card, "evidence", 0, evidence)
    assert doc.changed_cards(seen[-1]) is None  # structural
    doc.set_field(evidence.id, "confidence", "observed")
    assert doc.changed_cards(seen[-1]) is None  # the card's evidence, not the card
    doc.push(Remove(doc, other.id, "Delete"))
    assert doc.changed_cards(seen[-1]) is None


@pytest.mark.usefixtures("qapp")
def test_a_closed_document_and_its_undo_stack_go_without_the_collector() -> None:
    """Commands hold their document weakly (commands.DocumentCommand): a
    document, its undo stack and the commands on it are freed by reference
    counting once the last holder lets the document go. A cycle there was
    left to a full garbage collection, whose clearing of the PySide wrappers
    crashed the process (issue #14)."""
    import gc
    import weakref

    from journeydesk.document.commands import Insert, Reorder, SetFields, remove_elements
    from journeydesk.model import Card

    project = new_project("sample", "en")
    jmap = project.maps[0]
    doc = Document(project)
    card = jmap.cards[0]
    doc.push(SetField(doc, card.id, "title", "Edited", "Edit"))
    doc.push(SetFields(doc, [(card.id, "title", "Again")], "Edit"))
    doc.push(
        Insert(doc, jmap, "cards", Card(step=card.step, lane=card.lane, title="New"), text="Add")
    )
    doc.push(Reorder(doc, jmap.stages[0].id, 1, "Move"))
    doc.push(remove_elements(doc, [jmap.cards[1].id]))
    doc.undo_stack.undo()
    gone = weakref.ref(doc)
    was = gc.isenabled()
    gc.disable()
    try:
        del doc
        assert gone() is None
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("qapp")
def test_a_command_whose_document_is_closed_says_so() -> None:
    doc = Document(new_project("sample", "en"))
    card = doc.project.maps[0].cards[0]
    command = SetField(doc, card.id, "title", "Edited", "Edit", merge=False)
    del doc
    with pytest.raises(RuntimeError, match="closed"):
        command.redo()
