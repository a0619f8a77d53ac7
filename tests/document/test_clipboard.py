"""Copy, paste and duplicate cards: fresh ids, valid references, one undo step."""

from __future__ import annotations

import pytest

from journeydesk import templates
from journeydesk.document.clipboard import (
    copy_cards,
    duplicate_cards,
    paste_cards,
    read_cards,
)
from journeydesk.document.document import Document
from journeydesk.io import dump_bytes
from journeydesk.model import check_project


@pytest.fixture
def doc(qapp) -> Document:  # type: ignore[no-untyped-def]
    return Document(templates.new_project("sample", "en"))


def test_copy_paste_into_another_project_keeps_it_valid(doc: Document) -> None:
    source = doc.project.maps[0]
    picked = [c for c in source.cards if c.owners and c.evidence][:3]
    data = copy_cards(picked)
    other = Document(templates.new_project("service-blueprint", "it"))
    target = other.project.maps[0]
    step, lane = target.steps()[0].id, target.lanes[1].id
    before = dump_bytes(other.project)
    command = paste_cards(other, target, read_cards(data), step, lane)
    assert command is not None
    other.push(command)
    pasted = [c for c in target.cards if c.title in {p.title for p in picked}]
    assert len(pasted) == 3
    assert not {c.id for c in pasted} & {c.id for c in picked}
    assert all(not c.owners for c in pasted)  # the other project has other teams
    assert check_project(other.project) == []
    other.undo_stack.undo()
    assert dump_bytes(other.project) == before


def test_paste_within_the_project_keeps_owners_and_orders(doc: Document) -> None:
    jmap = doc.project.maps[0]
    card = next(c for c in jmap.cards if c.owners)
    command = paste_cards(doc, jmap, read_cards(copy_cards([card])), card.step, card.lane)
    assert command is not None
    doc.push(command)
    cell = sorted(
        (c for c in jmap.cards if (c.step, c.lane) == (card.step, card.lane)), key=lambda c: c.order
    )
    assert [c.order for c in cell] == list(range(len(cell)))
    assert cell[-1].owners == card.owners and cell[-1].id != card.id
    assert check_project(doc.project) == []


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json",
        b'{"format": "other"}',
        b'{"format": "journeydesk-cards", "cards": [{"x": 1}]}',
        b"[" * 100000,
    ],
)
def test_foreign_clipboard_content_is_ignored(data: bytes) -> None:
    assert read_cards(data) == []


def test_duplicate_puts_each_copy_after_its_card(doc: Document) -> None:
    jmap = doc.project.maps[0]
    card = jmap.cards[0]
    cell_before = sorted(
        (c for c in jmap.cards if (c.step, c.lane) == (card.step, card.lane)), key=lambda c: c.order
    )
    before = dump_bytes(doc.project)
    command = duplicate_cards(doc, jmap, [c.id for c in cell_before])
    assert command is not None
    doc.push(command)
    cell = sorted(
        (c for c in jmap.cards if (c.step, c.lane) == (card.step, card.lane)), key=lambda c: c.order
    )
    assert [c.title for c in cell] == [t for c in cell_before for t in (c.title, c.title)]
    assert [c.order for c in cell] == list(range(len(cell)))
    assert check_project(doc.project) == []
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == before


def test_pasted_and_duplicated_cards_keep_their_order_and_the_index_its_places(
    qapp, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """Each insert of a macro goes to the end of the list when it is done: the
    cards come out in order, and the index moves none of the cards already there
    (each insert went before the last and moved every card after it: duplicating
    5,000 cards took 18 s)."""
    from bench_shapes import make_shape

    from journeydesk.document import verbs

    doc = Document(make_shape("current", 400))
    jmap = doc.project.maps[0]
    doc.element(jmap.cards[0].id)  # the index built, as after the first edit
    moved: list[int] = []
    real = Document._reindex_from

    def counted(self, owner, field, start):  # type: ignore[no-untyped-def]
        moved.append(len(getattr(owner, field)) - start)
        return real(self, owner, field, start)

    monkeypatch.setattr(Document, "_reindex_from", counted)
    chosen = jmap.cards[:300]
    copies = read_cards(copy_cards(chosen))
    first = jmap.cards[0]
    verbs.paste_cards(doc, jmap, copies, first.step, first.lane)
    assert [c.title for c in jmap.cards[-300:]] == [c.title for c in chosen]
    assert sum(moved) <= 2 * 300  # each new card reindexed alone, not the ones after it
    for card in jmap.cards:
        assert doc.element(card.id) is card
        loc = doc.location(card.id)
        assert loc.items[loc.index] is card
    doc.undo_stack.undo()
    assert len(jmap.cards) == 400
    doc.undo_stack.redo()
    assert [c.title for c in jmap.cards[-300:]] == [c.title for c in chosen]
    moved.clear()
    verbs.duplicate_cards(doc, jmap, [c.id for c in jmap.cards[:300]])
    assert len(jmap.cards) == 1000 and sum(moved) <= 2 * 300
    for card in jmap.cards:
        loc = doc.location(card.id)
        assert loc.items[loc.index] is card
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert len(jmap.cards) == 400
    assert check_project(doc.project) == []
