"""Find and Filter by card kind ("pain points only" in one step), stage, lane
and persona, combined with the text; labels follow the interface language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from journeydesk.canvas.scene import DIMMED_OPACITY
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    w.find_bar.open_bar()
    return w


def _choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findText(text)
    assert index > 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def _opacity(window: MainWindow, card_id: str) -> float:
    return next(i for i in window.scene.element_items(card_id) if i.kind == "card").opacity()


def test_pain_points_only_in_one_step(window: MainWindow) -> None:
    jmap = window.current_map()
    assert jmap is not None
    bar = window.find_bar
    assert bar.kind.isVisibleTo(bar) and not bar.more.isVisibleTo(bar)  # on the bar itself
    _choose(bar.kind, "Pain point")
    pains = [c.id for c in jmap.cards if c.kind == "pain_point"]
    assert bar.matches == pains
    assert bar.count.text() == f"{len(pains)} of {len(jmap.cards)} cards"
    other = next(c.id for c in jmap.cards if c.kind != "pain_point")
    assert _opacity(window, pains[0]) == 1.0
    assert _opacity(window, other) == pytest.approx(DIMMED_OPACITY)
    # Only the kinds the map uses are offered, each once.
    offered = [bar.kind.itemData(i) for i in range(1, bar.kind.count())]
    assert sorted(offered) == sorted({c.kind for c in jmap.cards})


def test_stage_and_lane_combine_with_kind_and_text(window: MainWindow) -> None:
    jmap = window.current_map()
    assert jmap is not None
    bar = window.find_bar
    bar.more_button.click()
    assert bar.more.isVisible()
    stage = jmap.stages[1]
    _choose(bar.stage, stage.name)
    steps = {s.id for s in stage.steps}
    in_stage = [c.id for c in jmap.cards if c.step in steps]
    assert bar.matches == in_stage
    assert bar.more_button.text() == "More Filters (1)"
    lane = next(ln for ln in jmap.lanes if any(c.lane == ln.id and c.id in in_stage
                                                 for c in jmap.cards))
    _choose(bar.lane, lane.name)
    cell = [c.id for c in jmap.cards if c.step in steps and c.lane == lane.id]
    assert bar.matches == cell and bar.more_button.text() == "More Filters (2)"
    card = next(c for c in jmap.cards if c.id == cell[0])
    bar.text.setText(card.title)
    assert bar.matches and set(bar.matches) <= set(cell)
    bar.text.setText("zzzz no such words")
    assert bar.matches == []
    # Folded away, the filters still hold and the button says how many.
    bar.text.clear()
    bar.more_button.click()
    assert not bar.more.isVisible() and bar.matches == cell


def test_persona_filters_the_personas_lanes(window: MainWindow) -> None:
    project, jmap = window.project, window.current_map()
    assert project is not None and jmap is not None and window.document is not None
    bar = window.find_bar
    assert not bar.persona.isEnabled()  # no lane of the sample belongs to a persona
    assert bar.persona.toolTip()
    from journeydesk.document.commands import SetField

    persona = project.personas[0]
    lane = next(ln for ln in jmap.lanes if any(c.lane == ln.id for c in jmap.cards))
    window.document.push(SetField(window.document, lane.id, "persona", persona.id, "x"))
    assert bar.persona.isEnabled()
    _choose(bar.persona, persona.name)
    assert bar.matches == [c.id for c in jmap.cards if c.lane == lane.id]


def test_the_bar_fits_a_laptop(window: MainWindow) -> None:
    bar = window.find_bar
    assert bar.minimumSizeHint().width() < 500
    bar.more_button.click()
    assert bar.minimumSizeHint().width() < 760


def test_labels_in_italian(qtbot) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.ui.i18n import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "it")
    try:
        w = MainWindow()
        qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
        w.open_sample("it")
        bar = w.find_bar
        texts = [c.itemText(0) for c in bar.combos()] + [bar.more_button.text()]
        assert "Qualsiasi tipo" in texts and "Altri filtri" in texts
        assert not any(t.startswith("Any ") for t in texts), texts
        kinds = [bar.kind.itemText(i) for i in range(1, bar.kind.count())]
        assert "Punto critico" in kinds or any("critic" in k.lower() for k in kinds), kinds
    finally:
        for t in translators:
            app.removeTranslator(t)
