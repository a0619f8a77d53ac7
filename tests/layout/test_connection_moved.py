"""Connections whose route the router moved by the layout's zone (an edit that
adds a line moves every lane below it by one exact dy: ``Router._zoned``) get
an Item made from their last one, its bounds + dy and its drawing made from the
route when first read (``connections.connections``). Held here to a fresh
layout after random line edits, undo and redo on the three bench shapes (with
cards spanning lanes and short connections, a third of them labelled, which
always take the full path) and on the sample maps."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load
from near_connections import add_near_connections

from journeydesk.document.document import Document
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import MapLayout
from journeydesk.model.project import JourneyMap
from journeydesk.render.svg import render_svg

_HERE = Path(__file__).parent
SHIFT = load(_HERE / "test_lane_shift.py", "lane_shift_for_connection_moved")
INC = SHIFT.incremental_module()


def _edits(doc: Document, jmap: JourneyMap, seed: int, edits: int) -> int:
    """``edits`` random line edits, each hinted layout compared with a fresh
    one: first the connections' kind, element, bounds and z (which must make
    no drawing of the moved ones), then every item and drawing. Returns how
    many connection Items were moved (made from their last one, not drawn);
    now and then the SVG export of the hinted layout is the fresh one's."""
    rng = random.Random(seed)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    shown: list[MapLayout] = []
    history: list[str] = []
    moved = 0

    def redraw(change: object) -> None:
        nonlocal moved
        kept = layouter.layout(doc.project, jmap, INC.OPTIONS[0], hints.after(change))
        shown[:] = [kept]
        fresh = MapLayouter(layouter.theme).layout(doc.project, jmap, INC.OPTIONS[0])
        conns = [i for i in kept.peek_items() if i.kind == "connection"]
        fresh_conns = [i for i in fresh.items if i.kind == "connection"]
        lazy = [i for i in conns if not i.made]
        assert len(conns) == len(fresh_conns), history
        for a, b in zip(conns, fresh_conns, strict=True):
            assert (a.element, a.bounds, a.z) == (b.element, b.bounds, b.z), history
        assert not any(i.made for i in lazy), history  # (their bounds made no drawing)
        if lazy and len(history) % 3 == 0:
            # an export reads the layout: its SVG the fresh one's, byte for byte
            assets = doc.project.assets
            assert render_svg(kept, assets)[0] == render_svg(fresh, assets)[0], history
            assert any(i.made for i in lazy), history  # (drawn by it)
        moved += len(lazy)
        INC.assert_same(kept, fresh, history)

    redraw(None)
    doc.changed.connect(redraw)
    try:
        for _ in range(edits):
            history.append(SHIFT.line_edit(doc, jmap, rng, shown[0]))
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
    return moved


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_connections_moved_with_their_lanes_equal_a_fresh_layout(shape: str) -> None:
    doc, jmap = SHIFT.shape_project(shape, 160 if shape != "wide" else 120)
    add_near_connections(jmap, random.Random(f"moved-{shape}"), 60)
    moved = _edits(doc, jmap, len(shape), 12 if shape != "wide" else 8)
    assert moved > (20 if shape != "wide" else 5), moved


def test_the_samples_connections_moved_equal_a_fresh_layout() -> None:
    moved = 0
    for seed in range(3):
        doc, jmap = INC.make_project(seed)
        add_near_connections(jmap, random.Random(seed), 16)
        moved += _edits(doc, jmap, seed, 14)
    assert moved > 10, moved


def test_a_labelled_connection_is_drawn_anew() -> None:
    """A labelled connection's label is placed among the obstacles where it
    goes: never moved with its route (its Item is made, with its label)."""
    doc, jmap = SHIFT.shape_project("current", 160)
    for conn in jmap.connections:
        conn.label = "Hand over"
    assert _edits(doc, jmap, 3, 8) == 0
