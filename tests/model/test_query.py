"""Finding and filtering cards."""

from __future__ import annotations

from journeydesk import templates
from journeydesk.model.query import CardFilter, fold, matching_cards


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Perché CITTÀ più") == "perche citta piu"


def test_text_finds_titles_bodies_and_owners_without_accents() -> None:
    project = templates.new_project("sample", "it")
    jmap = project.maps[0]
    found = matching_cards(project, jmap, CardFilter(text="perche"))
    assert found
    for card_id in found:
        card = next(c for c in jmap.cards if c.id == card_id)
        text = fold(card.title + " " + card.body + " ".join(e.quote for e in card.evidence))
        assert "perche" in text or any("perche" in fold(t.name) for t in project.teams)
    assert matching_cards(project, jmap, CardFilter(text="zzzz nothing")) == []


def test_filters_combine() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    web = matching_cards(project, jmap, CardFilter(channel="web"))
    assert web and all(next(c for c in jmap.cards if c.id == i).channel == "web" for i in web)
    bad_web = matching_cards(project, jmap, CardFilter(channel="web", sentiment="problematic"))
    assert set(bad_web) <= set(web)
    assert all(next(c for c in jmap.cards if c.id == i).sentiment == "problematic" for i in bad_web)
    team = project.teams[0].id
    owned = matching_cards(project, jmap, CardFilter(team=team))
    assert all(
        any(o.team == team for o in next(c for c in jmap.cards if c.id == i).owners) for i in owned
    )
    observed = matching_cards(project, jmap, CardFilter(confidence="observed"))
    assert observed and len(observed) < len(jmap.cards)
    assert not CardFilter().active and CardFilter(tag="x").active
