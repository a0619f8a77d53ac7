"""Find and filters in the window: matches stay bright, the rest dims."""

from __future__ import annotations

import pytest

from journeydesk.canvas.scene import DIMMED_OPACITY
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("it")
    return w


def _opacity(window: MainWindow, card_id: str) -> float:
    item = next(i for i in window.scene.element_items(card_id) if i.kind == "card")
    return item.opacity()


def test_find_dims_the_rest_and_goes_to_matches(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    jmap = project.maps[0]
    window.find_bar.open_bar()
    window.find_bar.text.setText("perche")  # no accent: finds "Perché"
    matches = window.find_bar.matches
    assert matches and len(matches) < len(jmap.cards)
    other = next(c.id for c in jmap.cards if c.id not in matches)
    assert _opacity(window, matches[0]) == 1.0
    assert _opacity(window, other) == pytest.approx(DIMMED_OPACITY)
    assert window.find_bar.count.text().startswith(f"{len(matches)} of {len(jmap.cards)}")
    window.find_bar.next_match()
    assert window.selected_ids() == [matches[0]]
    window.find_bar.close_bar()
    assert _opacity(window, other) == 1.0


def test_filter_by_sentiment_survives_an_edit(window: MainWindow) -> None:
    project = window.project
    assert project is not None and window.document is not None
    jmap = project.maps[0]
    bar = window.find_bar
    bar.open_bar()
    bar.sentiment.setCurrentIndex(bar.sentiment.findData("problematic"))
    bad = {c.id for c in jmap.cards if c.sentiment == "problematic"}
    assert set(bar.matches) == bad
    from journeydesk.document.commands import SetField

    good = next(c for c in jmap.cards if c.sentiment == "positive")
    window.document.push(SetField(window.document, good.id, "sentiment", "problematic", "x"))
    assert good.id in bar.matches
    assert _opacity(window, good.id) == 1.0
    window.document.undo_stack.undo()
    assert good.id not in bar.matches
    assert _opacity(window, good.id) == pytest.approx(DIMMED_OPACITY)


def test_an_edit_rechecks_only_its_cards_and_agrees_with_a_full_match(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title typed with the text filter on: only that card is matched again
    (a 20,000-card map matched every card after each edit), and the bar, the
    count and the map's dimming are what a full match says."""
    from journeydesk.document.commands import SetField, move_cards
    from journeydesk.model.query import CardFilter, matching_cards
    from journeydesk.ui import findbar

    project = window.project
    assert project is not None and window.document is not None
    doc, jmap, bar = window.document, project.maps[0], window.find_bar
    bar.open_bar()
    bar.text.setText("perche")
    full_matches: list[int] = []

    def counting(*args):  # type: ignore[no-untyped-def]
        full_matches.append(1)
        return matching_cards(*args)

    monkeypatch.setattr(findbar, "matching_cards", counting)

    def agrees() -> None:
        expected = matching_cards(project, jmap, CardFilter(text="perche"))
        assert bar.matches == expected
        assert bar.count.text().startswith(f"{len(expected)} of {len(jmap.cards)}")
        for card in jmap.cards:
            wanted = 1.0 if card.id in expected else pytest.approx(DIMMED_OPACITY)
            assert _opacity(window, card.id) == wanted, card.title

    other = next(c for c in jmap.cards if c.id not in bar.matches)
    matched = next(c for c in jmap.cards if c.id in bar.matches)
    doc.push(SetField(doc, other.id, "title", "Perché no", "x", merge=False))
    agrees()
    assert other.id in bar.matches
    doc.push(SetField(doc, matched.id, "title", "nothing", "x", merge=False))
    doc.push(SetField(doc, matched.id, "body", "here", "x", merge=False))
    doc.push(SetField(doc, matched.id, "evidence", [], "x", merge=False))
    agrees()
    steps = jmap.steps()
    doc.push(move_cards(doc, jmap, [other.id], steps[-1].id, other.lane, 0))
    agrees()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    agrees()
    assert full_matches == []  # none of these edits matched the whole map again
    doc.push(SetField(doc, other.id, "tags", ["perche"], "x", merge=False))  # lists change
    assert full_matches
    agrees()
    doc.undo_stack.setClean()
