"""The map view speaks for its items: its accessible description names the
selection, or the cell under the keyboard cursor, in the UI language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from journeydesk.document.commands import SetField
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.open_sample("en")
    w.show()
    return w


def _select(window, card_id: str) -> None:
    window.scene.clearSelection()
    for item in window.scene.element_items(card_id):
        item.setSelected(True)


def test_a_selected_card_is_described_with_its_kind_place_and_channel(window):
    jmap = window.current_map()
    card = next(c for c in jmap.cards if c.channel and c.title)
    _select(window, card.id)
    text = window.view.accessibleDescription()
    assert card.title[:40] in text
    lane = next(lane for lane in jmap.lanes if lane.id == card.lane)
    assert lane.name in text
    stage = next(s for s in jmap.stages if any(st.id == card.step for st in s.steps))
    assert stage.name in text
    assert "channel" in text


def test_the_description_follows_an_edit_and_undo(window):
    jmap = window.current_map()
    card = jmap.cards[0]
    _select(window, card.id)
    doc = window.document
    doc.push(SetField(doc, card.id, "title", "Renamed for the reader", "Edit title"))
    assert "Renamed for the reader" in window.view.accessibleDescription()
    doc.undo_stack.undo()
    assert "Renamed for the reader" not in window.view.accessibleDescription()


def test_nothing_selected_describes_the_map_and_many_are_counted(window):
    jmap = window.current_map()
    window.scene.clearSelection()
    text = window.view.accessibleDescription()
    assert jmap.name in text and str(len(jmap.cards)) in text
    for card in jmap.cards[:3]:
        for item in window.scene.element_items(card.id):
            item.setSelected(True)
    assert window.view.accessibleDescription().startswith("3 ")


def test_other_elements_are_described(window):
    jmap = window.current_map()
    stage = jmap.stages[0]
    _select(window, stage.id)
    assert stage.name in window.view.accessibleDescription()
    assert window.view.accessibleDescription().startswith("Stage")
    point = jmap.curves[0].points[0]
    _select(window, point.id)
    assert window.view.accessibleDescription().startswith("Emotion point")
    if jmap.connections:
        _select(window, jmap.connections[0].id)
        assert window.view.accessibleDescription().startswith("Connection from")


def test_the_keyboard_cursor_cell_is_described(window):
    view = window.view
    window.scene.clearSelection()
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)
    text = view.accessibleDescription()
    assert text.startswith("Cell:")
    assert "lane" in text


def test_hostile_titles_are_shortened(window):
    jmap = window.current_map()
    card = jmap.cards[0]
    doc = window.document
    doc.push(SetField(doc, card.id, "title", "x" * 400 + "\n\t<b>", "Edit title"))
    _select(window, card.id)
    text = window.view.accessibleDescription()
    assert "x" * 79 in text and "x" * 81 not in text and "\n" not in text


def test_descriptions_are_italian_in_the_italian_ui(qtbot):
    from PySide6.QtWidgets import QApplication

    from journeydesk.ui.i18n import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "it")
    try:
        w = MainWindow()
        qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
        w.open_sample("it")
        jmap = w.current_map()
        card = next(c for c in jmap.cards if c.channel and c.title)
        _select(w, card.id)
        text = w.view.accessibleDescription()
        assert "corsia" in text and "canale" in text and "Scheda" in text
        assert card.title[:40] in text
    finally:
        for t in translators:
            app.removeTranslator(t)


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_the_words_equal_a_fresh_describers_after_random_edits(qtbot, shape):
    """The view's describer finds a few selected elements through the document's
    index instead of indexing the map, and is made again per generation instead
    of per layout: after random edits (titles, moves, removals, duplicates,
    connections, undo) it says what a describer made afresh, indexing the whole
    map, says, for selections of every size and for ids of other things."""
    import random

    from bench_shapes import make_shape

    from journeydesk.canvas.accessible import FOUND_ONE_BY_ONE, Describer
    from journeydesk.document import verbs
    from journeydesk.document.document import Document

    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.show()
    w.context.set_document(Document(make_shape(shape, 400), None))
    doc, jmap = w.document, w.current_map()
    rnd = random.Random(17)
    view = w.view
    for n in range(40):
        cards = jmap.cards
        what = rnd.choice(["title", "title", "move", "remove", "duplicate", "connect", "stage"])
        card = rnd.choice(cards)
        if what == "title":
            verbs.set_field(doc, card.id, "title", f"Edited {n}", "t")
        elif what == "move":
            step = rnd.choice(jmap.steps())
            verbs.move_cards(doc, jmap, [card.id], step.id, rnd.choice(jmap.lanes).id, 0)
        elif what == "remove":
            verbs.remove(doc, [card.id] + [c.id for c in jmap.connections[:1]])
        elif what == "duplicate":
            verbs.duplicate_cards(doc, jmap, [card.id])
        elif what == "connect":
            other = rnd.choice(cards)
            if other is not card:
                verbs.add_connection(doc, jmap, card.id, other.id)
        else:
            verbs.rename(doc, rnd.choice(jmap.stages).id, f"Stage {n}")
        if rnd.random() < 0.25:
            doc.undo_stack.undo()
        elements = [
            *jmap.cards,
            *jmap.stages,
            *jmap.steps(),
            *jmap.lanes,
            *jmap.connections,
            *jmap.separators,
            *jmap.curves,
            *(p for c in jmap.curves for p in c.points),
        ]
        others = [doc.project.id, jmap.id, "not-an-id"]
        others += [e.id for c in jmap.cards[:20] for e in c.evidence][:3]
        fresh = Describer(doc.project, jmap)
        describer = view.describer()
        assert describer is not None
        for size in (0, 1, 1, 2, 5, FOUND_ONE_BY_ONE + 1):
            ids = [e.id for e in rnd.sample(elements, size)]
            if rnd.random() < 0.5:
                ids.append(rnd.choice(others))
            rnd.shuffle(ids)
            assert describer.selection(ids) == fresh.selection(ids), (n, ids)
        # and the view says it for what the scene selects
        w.scene.clearSelection()
        picked = rnd.sample(jmap.cards, rnd.choice([1, 3]))
        for c in picked:
            for item in w.scene.element_items(c.id):
                item.setSelected(True)
        assert view.accessibleDescription() == fresh.selection([c.id for c in picked])
