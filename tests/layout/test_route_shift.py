"""Lanes moved by one exact dy (issue #14: an edit that adds a line to a card
moves every lane below it). The heights that sum into lanes' tops and cards'
boxes are on a 1/65,536 pt grid (``stack.up``), so after such an edit every lane
below moves by one exact dy and every box there is exactly its old one + dy.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest

from journeydesk.layout.engine import layout_map
from journeydesk.layout.stack import GRID, up
from journeydesk.model.project import JourneyMap

_HERE = Path(__file__).parent


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHIFT = _load(_HERE / "test_lane_shift.py", "lane_shift_for_routes")


def _nearby_connections(jmap: JourneyMap, rng: random.Random, n: int) -> None:
    """``n`` more connections between cards at most two steps and one lane
    apart (searched around the cards between them), a third labelled."""
    from journeydesk.model.base import new_id
    from journeydesk.model.project import Connection

    steps = {s.id: k for k, s in enumerate(jmap.steps())}
    lanes = {lane.id: k for k, lane in enumerate(jmap.lanes)}
    cards = [c for c in jmap.cards if c.step in steps and c.lane in lanes]
    for k in range(n):
        a = rng.choice(cards)
        near = [
            c
            for c in cards
            if c is not a
            and 0 <= steps[c.step] - steps[a.step] <= 2
            and abs(lanes[c.lane] - lanes[a.lane]) <= 1
        ]
        if near:
            label = "Hand over to the next team" if k % 3 == 0 else ""
            b = rng.choice(near)
            jmap.connections.append(Connection(id=new_id(), source=a.id, target=b.id, label=label))


def _on_grid(value: float) -> bool:
    return (value * GRID).is_integer()


def test_up_is_exact_and_keeps_values_on_the_grid() -> None:
    for value in (0.0, 1.0, 30.0, 10.98, 5 + 3 * 9 * 1.22, 1e6 + 1 / 3, 2.0**-7):
        q = up(value)
        assert q >= value and q - value < 1 / GRID and _on_grid(q)
        assert up(q) == q


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_the_lanes_below_an_edit_move_by_one_exact_dy(shape: str) -> None:
    """After each random title or body edit (and undo, redo) every card of
    another lane that moved without changing size moved by the same dy, each
    box exactly its old one + dy, and every lane and card box is on the grid
    (the heights and tops: ``stack.up``)."""
    doc, jmap = SHIFT.shape_project(shape, 200)
    rng = random.Random(f"dy-{shape}")
    before = layout_map(doc.project, jmap)
    moved_lanes = 0
    for _ in range(14):
        what = SHIFT.line_edit(doc, jmap, rng, before)
        after = layout_map(doc.project, jmap)
        old = {(i.kind, i.element): i.bounds for i in before.items}
        edited = what.split()[1] if what.split()[0] in ("title", "body") else None
        lane_of = {c.id: c.lane for c in jmap.cards}
        for item in after.items:
            if item.kind in ("card", "lane"):
                assert _on_grid(item.bounds.y) and _on_grid(item.bounds.h), (what, item)
        if edited is None:  # (moves, spans, structural edits: not one lane grown)
            before = after
            continue
        dys = set()
        for item in after.items:
            b = item.bounds
            a = old.get((item.kind, item.element))
            if a is None or a.y == b.y or item.kind not in ("card", "lane"):
                continue
            if item.kind == "lane" or (
                lane_of[item.element] != lane_of[edited] and (a.x, a.w, a.h) == (b.x, b.w, b.h)
            ):
                dys.add(b.y - a.y)
                assert a.y + (b.y - a.y) == b.y and b.y - (b.y - a.y) == a.y
        assert len(dys) <= 1, (what, sorted(dys))
        moved_lanes += bool(dys)
        before = after
    doc.undo_stack.clear()
    assert moved_lanes >= 3
