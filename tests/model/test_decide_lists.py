"""The check and stale lists followed through edits (``model/decide_lists.py``)
give what listing them again gives, and their splices turn the old rows into
the new ones (what the Decide panel's list widgets are changed by)."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

import pytest
from bench_shapes import make_shape

from journeydesk.document.document import Change, Document
from journeydesk.model import Card, Evidence, Project
from journeydesk.model.decide import check_project, stale_items
from journeydesk.model.decide_lists import CheckStaleLists, Splice

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_decide import build

TODAY = dt.date(2026, 12, 6)
EDITS = ("title", "status", "evidence", "evidence", "body", "step", "step", "kind", "lane")
EDITS += ("relates_to", "relates_to", "derived_from")
DAYS = 90


def _apply(rows: list[object], splices: list[Splice[object]]) -> list[object]:
    rows = list(rows)
    for s in splices:
        rows[s.start : s.start + s.removed] = s.added
    return rows


def _project(name: str) -> Project:
    if name == "small":
        return build()
    project = make_shape(name, 400)
    rnd = random.Random(3)
    jmap = project.maps[0]
    # Relations, so that which pain points are answered is tested too.
    for a, b in zip(rnd.sample(jmap.cards, 30), rnd.sample(jmap.cards, 30), strict=True):
        if a is not b:
            a.relates_to = [b.id]
    return project


def _edit(doc: Document, rnd: random.Random, n: int) -> None:
    """One random edit of one to three cards, as the app makes them."""
    from journeydesk.document import verbs

    cards = [c for m in doc.project.maps for c in m.cards]
    sources = [s.id for s in doc.project.sources] + [None]
    changes: list[tuple[str, str, object]] = []
    for card in rnd.sample(cards, rnd.randint(1, 3)):
        what = rnd.choice(EDITS)
        value: object
        if what == "title":
            value = f"Edited {n} {card.title[:10]}"
        elif what == "status":
            value = rnd.choice([None, "accepted", "open"])
        elif what == "evidence":
            value = [
                Evidence(
                    confidence=rnd.choice(["assumed", "observed"]),
                    source=rnd.choice(sources),
                )
                for k in range(rnd.randint(0, 2))
            ]
        elif what == "body":
            value = f"body {n}"
        elif what == "step":
            jmap = next(m for m in doc.project.maps if card in m.cards)
            value = rnd.choice([s.id for stage in jmap.stages for s in stage.steps])
        elif what == "kind":
            value = rnd.choice(["touchpoint", "pain_point", "opportunity", "note"])
        elif what in ("relates_to", "derived_from"):
            jmap = next(m for m in doc.project.maps if card in m.cards)
            others = [c.id for c in rnd.sample(jmap.cards, 2) if c is not card]
            value = others[:1] if what == "relates_to" else (others[0] if others else None)
        else:
            jmap = next(m for m in doc.project.maps if card in m.cards)
            value = rnd.choice(jmap.lanes).id
        changes.append((card.id, what, value))
    verbs.set_fields(doc, changes, "edit")


@pytest.mark.parametrize("name", ["small", "current", "wide", "dense"])
def test_lists_followed_through_edits_equal_a_fresh_listing(name: str) -> None:
    project = _project(name)
    doc = Document(project)
    lists = CheckStaleLists(project, DAYS, TODAY)
    shown_gaps: list[object] = list(lists.gaps.rows)
    shown_stale: list[object] = list(lists.stale.rows)
    pending: list[Change] = []
    doc.changed.connect(pending.append)
    rnd = random.Random(11)
    followed = 0
    for n in range(60):
        _edit(doc, rnd, n)
        if rnd.random() < 0.2:
            doc.undo_stack.undo()
        for change in pending:
            cards = doc.changed_cards(change)
            splices = None if cards is None else lists.cards_changed(cards, set(change.fields))
            if splices is None:
                lists.relist(project, DAYS, TODAY)
                shown_gaps, shown_stale = list(lists.gaps.rows), list(lists.stale.rows)
            else:
                followed += 1
                shown_gaps = _apply(shown_gaps, list(splices[0]))
                shown_stale = _apply(shown_stale, list(splices[1]))
        pending.clear()
        gaps, stale = check_project(project), stale_items(project, DAYS, TODAY)
        assert lists.gaps.rows == gaps, n
        assert lists.stale.rows == stale, n
        assert shown_gaps == gaps and shown_stale == stale, n
        assert lists.gaps.keys == sorted(lists.gaps.keys)
        assert lists.stale.keys == sorted(lists.stale.keys)
    assert followed > 20  # most edits were followed, not listed again


def test_a_card_edit_splices_only_its_rows() -> None:
    """A title typed on a pain point changes its one check row; a field no row
    shows changes nothing; a kind and relations change the rows they answer; a
    field the lists do not know asks for a new listing."""
    project = make_shape("current", 2000)
    lists = CheckStaleLists(project, DAYS, TODAY)
    pain = next(g for g in lists.gaps.rows if g.code == "pain_without_opportunity")
    card = next(c for m in project.maps for c in m.cards if c.id == pain.target_id)
    assert isinstance(card, Card)
    card.title = "Typed"
    splices = lists.cards_changed([card], {"title"})
    assert splices is not None
    gap_splices, _ = splices
    assert len(gap_splices) == 1 and gap_splices[0].removed == 1
    assert [g.subject for g in gap_splices[0].added] == ["Typed"]
    card.body = "Only the body"
    assert lists.cards_changed([card], {"body"}) == ([], [])
    # An opportunity now: its pain row goes, and the cards it relates to are answered.
    others = [c for c in project.maps[0].cards if c.kind == "pain_point" and c is not card][:2]
    card.kind, card.relates_to = "opportunity", [c.id for c in others]
    splices = lists.cards_changed([card], {"kind", "relates_to"})
    assert splices is not None
    assert lists.gaps.rows == check_project(project)
    assert lists.cards_changed([card], {"no such field"}) is None
