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


def test_kind_stage_lane_and_persona() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    cards = {c.id: c for c in jmap.cards}
    pains = matching_cards(project, jmap, CardFilter(kind="pain_point"))
    assert pains == [c.id for c in jmap.cards if c.kind == "pain_point"] and pains
    first = jmap.stages[0]
    steps = {s.id for s in first.steps}
    in_first = matching_cards(project, jmap, CardFilter(stage=first.id))
    assert in_first and all(cards[i].step in steps for i in in_first)
    lane = next(ln for ln in jmap.lanes if any(c.lane == ln.id for c in jmap.cards))
    in_lane = matching_cards(project, jmap, CardFilter(lane=lane.id))
    assert in_lane == [c.id for c in jmap.cards if c.lane == lane.id]
    # Combined with each other and with the text: every criterion holds.
    both = matching_cards(project, jmap, CardFilter(kind="pain_point", stage=first.id))
    assert set(both) == set(pains) & set(in_first)
    word = cards[pains[0]].title.split()[0]
    found = matching_cards(project, jmap, CardFilter(text=word, kind="pain_point"))
    assert pains[0] in found and set(found) <= set(pains)
    assert CardFilter(stage="x").active and CardFilter(persona="x").active
    # No persona owns a lane of the sample: filtering by one keeps nothing.
    assert matching_cards(project, jmap, CardFilter(persona=project.personas[0].id)) == []
    # Without the map, place criteria cannot hold.
    assert not CardFilter(lane=lane.id).matches(cards[in_lane[0]], project)


def test_a_card_spanning_into_a_stage_or_lane_matches_it() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    first, second = jmap.stages[0], jmap.stages[1]
    card = next(c for c in jmap.cards if c.step == first.steps[-1].id)
    assert not CardFilter(stage=second.id).matches(card, project, jmap)
    card.span_steps = 2  # into the second stage's first step
    assert CardFilter(stage=second.id).matches(card, project, jmap)
    lanes = jmap.lanes
    row = next(n for n, ln in enumerate(lanes) if ln.id == card.lane)
    below = lanes[row + 1]
    assert not CardFilter(lane=below.id).matches(card, project, jmap)
    card.span_lanes = 2
    assert CardFilter(lane=below.id).matches(card, project, jmap)
    persona = project.personas[1].id
    below.persona = persona
    assert CardFilter(persona=persona).matches(card, project, jmap)
    card.span_lanes = 1
    assert not CardFilter(persona=persona).matches(card, project, jmap)


def _fold_char_by_char(text: str) -> str:
    """The fold as first written: every character decomposed and filtered."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_fold_fast_paths_equal_the_character_by_character_fold() -> None:
    """ASCII and text that decomposes to ASCII take short cuts (the find bar
    folds every card's text after each edit): the result must not change."""
    import unicodedata

    from hypothesis import given, settings
    from hypothesis import strategies as st

    samples = [
        "Plain ASCII Title 42 ~!@#",
        "Perché CITTÀ più",
        "ﬁne ligature",  # NFKD makes it ASCII
        "Straße ΣΊΣΥΦΟΣ",  # casefold is not lower here
        "KELVIN \u212a and \u00c5ngstr\u00f6m",
        "",
        "tab\tand\nnewline",
    ] + [chr(c) for c in range(0x80)]
    for text in samples:
        assert fold(text) == _fold_char_by_char(text), text
    assert unicodedata.normalize("NFKD", "ﬁ").isascii()  # the second short cut is taken

    @settings(deadline=None, max_examples=300)
    @given(st.text())
    def agrees(text: str) -> None:
        assert fold(text) == _fold_char_by_char(text)

    agrees()
