"""The Storyline panel in the window while the map is edited (#14): in sight,
an edit of the map updates the rows in place (the list was made again after
every edit); out of sight, an edit costs nothing and the panel shows the
current document when it comes into sight."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from journeydesk.document import verbs
from journeydesk.ui import storyline_panel
from journeydesk.ui.main_window import MainWindow
from journeydesk.ui.storyline_panel import StorylinePanel


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.open_sample("en")
    return w


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def texts(panel: StorylinePanel) -> list[str]:
    return [panel.list.item(r).text() for r in range(panel.list.count())]


def fresh_texts(window: MainWindow) -> list[str]:
    """What a new panel lists for the window's document and map."""
    other = StorylinePanel()
    other.set_document(window.document)
    other.set_map(window.context.map_id)
    listed = texts(other)
    other.set_document(None)
    other.deleteLater()
    return listed


def test_an_edit_in_sight_updates_the_rows_in_place(window: MainWindow) -> None:
    window.storyline_dock.raise_()
    settle()
    panel = window.storyline
    assert panel.shown() and panel.list.count() > 2
    items = [panel.list.item(r) for r in range(panel.list.count())]
    panel.list.setCurrentRow(2)
    doc, jmap = window.document, window.current_map()
    assert doc is not None and jmap is not None
    card = jmap.cards[0]
    assert verbs.set_field(doc, card.id, "title", "A card renamed", "t")
    settle()
    # the same rows (not made again), the same selection
    assert [panel.list.item(r) for r in range(panel.list.count())] == items
    assert panel.list.currentRow() == 2
    stage = jmap.stages[0]
    assert verbs.set_field(doc, stage.id, "name", "Stage renamed", "t")
    settle()
    assert [panel.list.item(r) for r in range(panel.list.count())] == items
    assert any("Stage renamed" in t for t in texts(panel))
    assert texts(panel) == fresh_texts(window)
    doc.undo_stack.undo()
    settle()
    assert texts(panel) == fresh_texts(window)
    assert not any("Stage renamed" in t for t in texts(panel))
    doc.undo_stack.setClean()


def test_out_of_sight_an_edit_lists_nothing_and_the_panel_catches_up(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.storyline_dock.raise_()
    settle()
    panel = window.storyline
    assert panel.list.count() > 0
    window.inspector_dock.raise_()
    settle()
    assert not panel.shown()
    made: list[int] = []
    real = storyline_panel.stored_scenes

    def counting(*args):  # type: ignore[no-untyped-def]
        made.append(1)
        return real(*args)

    monkeypatch.setattr(storyline_panel, "stored_scenes", counting)
    doc, jmap = window.document, window.current_map()
    assert doc is not None and jmap is not None
    for n in range(3):
        assert verbs.set_field(doc, jmap.stages[0].id, "name", f"Hidden rename {n}", "t")
    settle()
    assert made == []  # nothing worked out for a panel out of sight
    window.storyline_dock.raise_()
    settle()
    assert panel.shown()
    assert any("Hidden rename 2" in t for t in texts(panel))
    assert texts(panel) == fresh_texts(window)
    # the pictures drawn before are drawn again (the map changed under them)
    assert panel.pictures_pending() or panel._drawn
    first = panel.scenes()[0]
    assert panel._drawn.get(first.id) in (None, panel._look(first))
    doc.undo_stack.setClean()
