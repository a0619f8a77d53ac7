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
