"""The document's index is walked when the app is idle after an open
(``main_window.settle_heap``), not by the user's first edit (#14: ~170 ms of
the first edit of a 20,000-card map)."""

from __future__ import annotations

from typing import Any

import pytest

from journeydesk import templates
from journeydesk.document.commands import SetField
from journeydesk.document.document import Document
from journeydesk.ui import main_window


def _counting(doc: Document) -> list[int]:
    walks: list[int] = []
    build = doc._build_index

    def counted() -> Any:
        walks.append(1)
        return build()

    doc._build_index = counted  # type: ignore[method-assign]
    return walks


def test_warm_index_walks_once_and_edits_then_walk_no_more() -> None:
    doc = Document(templates.new_project("sample", "en"))
    walks = _counting(doc)
    assert doc._index is None
    doc.warm_index()
    doc.warm_index()  # (the index stands: nothing walked again)
    assert len(walks) == 1
    card = doc.project.maps[0].cards[-1]
    doc.push(SetField(doc, card.id, "title", "Typed after the idle walk", "Edit title"))
    assert doc.element(card.id).title == "Typed after the idle walk"
    doc.undo_stack.undo()
    assert doc.element(card.id).title != "Typed after the idle walk"
    assert len(walks) == 1  # the edit and its undo found the card in the index
    # the index it built is the one a fresh walk gives
    assert doc._index == Document(doc.project)._build_index()


def test_the_idle_timer_after_an_open_indexes_the_windows_document(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``settle_heap(window)`` schedules the idle work; run what it scheduled
    (instead of waiting 3 s) and the window's document is indexed."""
    scheduled: list[Any] = []
    monkeypatch.setattr(
        main_window.QTimer, "singleShot", lambda _ms, *args: scheduled.append(args[-1])
    )
    window = main_window.MainWindow()
    qtbot.addWidget(window)
    window.context.set_document(Document(templates.new_project("sample", "en"), None))
    doc = window.document
    assert doc is not None
    walks = _counting(doc)
    doc._index = None  # (as after an open: nothing looked up yet)
    scheduled.clear()
    main_window.settle_heap(window)
    assert doc._index is None and len(scheduled) == 1
    scheduled[0]()
    assert doc._index is not None and len(walks) == 1
    # and the shown map's cards walked by the window's layouter (next test)
    assert window.scene.layouter._map_cards._made_from is not None


def test_the_layouters_cards_are_walked_when_idle_not_by_the_first_edit(qapp: Any) -> None:
    """``MapLayouter.warm`` (idle after an open) walks the map's cards once;
    the first hinted layout after it takes its hint's cards from that walk
    (no walk of its own) and lays out what a fresh layouter does."""
    from hints import Hints

    from journeydesk.canvas.scene import MapScene
    from journeydesk.layout.engine import MapLayouter
    from journeydesk.layout.mapcards import MapCards

    doc = Document(templates.new_project("sample", "en"))
    jmap = doc.project.maps[0]
    scene, hints = MapScene(), Hints(doc, jmap)
    scene.show_map(doc.project, jmap, hint=hints.after(None))
    cards = scene.layouter._map_cards
    walks: list[int] = []
    walk = MapCards._walk

    def counted(self: MapCards, *args: Any) -> Any:
        walks.append(1)
        return walk(self, *args)

    MapCards._walk = counted  # type: ignore[method-assign]
    try:
        assert scene.layouter.warm(jmap) and not scene.layouter.warm(jmap)
        assert len(walks) == 1
        changes: list[Any] = []
        doc.changed.connect(changes.append)
        card = jmap.cards[len(jmap.cards) // 2]
        doc.push(SetField(doc, card.id, "title", "A new title, " * 6, "Edit title"))
        kept = cards.kept
        scene.show_map(doc.project, jmap, hint=hints.after(changes[-1]))
        assert cards.kept == kept + 1 and len(walks) == 1
    finally:
        MapCards._walk = walk  # type: ignore[method-assign]
    fresh = MapLayouter().layout(doc.project, jmap)
    assert scene.layout is not None
    assert [(i.kind, i.element, i.bounds) for i in scene.layout.items] == [
        (i.kind, i.element, i.bounds) for i in fresh.items
    ]
    # another map than the one laid out last: nothing walked
    other = templates.new_project("sample", "en").maps[0]
    assert not MapScene().layouter.warm(other)
    doc.undo_stack.clear()


def test_idle_after_an_open_readies_what_an_edit_adding_a_line_reads(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``MapLayouter.warm`` readies the router's columns' order (``Router.warm``)
    and ``MapScene.warm`` counts the lanes' cards by band: the first edit
    adding a line after them works neither out again (round 10: ~17 ms of the
    first such edit at 20,000 cards), and its scene is a fresh one's."""
    from pathlib import Path

    from hints import Hints
    from modules import load

    from journeydesk.canvas.scene import MapScene
    from journeydesk.layout import route_columns
    from journeydesk.layout.engine import MapLayouter

    shift = load(
        Path(__file__).parent.parent / "layout" / "test_lane_shift.py", "lane_shift_for_warm"
    )
    doc, jmap = shift.shape_project("current", 300)
    scene, hints = MapScene(), Hints(doc, jmap)
    scene.show_map(doc.project, jmap, hint=hints.after(None))
    assert scene.layout is not None
    router = scene.layouter._router
    assert router._memo._order is None and not scene._lane_counts
    scene.layouter.warm(jmap)
    scene.warm()
    assert router._memo._order is not None and router._memo._xs is not None
    counted = dict(scene._lane_counts)
    assert len(counted) >= 3
    orders: list[int] = []
    of = route_columns._Order.of
    monkeypatch.setattr(
        route_columns._Order, "of", staticmethod(lambda *a: orders.append(1) or of(*a))
    )
    lowest = shift.lowest_of_first_lane(jmap, {i.element: i.bounds for i in scene.layout.items})
    kept = router._memo.kept
    scene.show_map(doc.project, jmap, hint=hints.after(shift.retitle(doc, lowest)))
    assert router._memo.kept == kept + 1 and not orders  # (the order was ready)
    reused = [k for k, entry in scene._lane_counts.items() if counted.get(k) is entry]
    assert len(reused) >= 2  # (the lanes below counted when idle, not by the edit)
    fresh = MapLayouter().layout(doc.project, jmap)
    assert scene.layout.items == fresh.items
    for item in fresh.items:
        if item.kind == "card":
            graphic = scene.element_items(item.element or "")[0]
            b = item.bounds
            assert graphic.sceneBoundingRect().getRect() == (b.x - 4, b.y - 8, b.w + 8, b.h + 16)
    doc.undo_stack.clear()
