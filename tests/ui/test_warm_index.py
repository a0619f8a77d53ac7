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
