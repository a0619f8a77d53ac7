"""A card moved to another cell: its lane placed again from its last plan.

``layout/cells.py`` (``replace_cells``) keeps the last plan's slots, states and
measures of a re-placed lane's cards that the window's hint does not name and
merges in slots for the hinted ones. After random moves (to other steps, other
lanes, other places in a cell, several cards at once; cards spanning steps and
lanes), title and span edits, undo, redo and structural edits, redrawn as the
window does on the three bench shapes, every layout must equal a fresh one item
for item (drawings, overflows), and each kept lane's plan, states, measures and
card lists must be those a fresh layouter makes.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest
from hints import Hints

from journeydesk.document import verbs
from journeydesk.document.commands import cell_cards
from journeydesk.document.document import Document
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import MapLayout
from journeydesk.model.project import JourneyMap

_MODULES: dict[str, ModuleType] = {}


def _module(name: str) -> ModuleType:
    """A sibling test module (loaded once): its edits and checks."""
    if name not in _MODULES:
        path = Path(__file__).with_name(f"{name}.py")
        spec = importlib.util.spec_from_file_location(f"cell_moves_{name}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _MODULES[name] = module
    return _MODULES[name]


def shape_project(shape: str, n: int) -> tuple[Document, JourneyMap]:
    """A bench shape (cards spanning two steps: 5 %) with some cards spanning
    two lanes, and a few spanning three steps."""
    doc, jmap = _module("test_incremental")._shape_project(shape, n)
    for card in jmap.cards[::13]:
        card.span_lanes = 2
    for card in jmap.cards[5::23]:
        card.span_steps = 3
    return doc, jmap


def move_edit(doc: Document, jmap: JourneyMap, rng: random.Random) -> str:
    """Mostly a move (another step of the lane, another lane, another place in
    the same cell, several cards of a lane at once), now and then a title, a
    span, undo, redo or a structural edit (no hint)."""
    inc = _module("test_incremental")
    steps = jmap.steps()
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    cards = [c for c in jmap.cards if c.lane in lanes]
    card = rng.choice(cards)
    what = rng.random()
    if what < 0.62:
        if what < 0.35:
            step, lane = rng.choice(steps).id, card.lane
        elif what < 0.5:
            step, lane = rng.choice(steps).id, rng.choice(lanes)
        else:
            step, lane = card.step, card.lane
        moving = [card.id]
        if rng.random() < 0.15:  # several cards of the lane
            moving += [c.id for c in rng.sample(cards, 3) if c.lane == card.lane]
        size = len(cell_cards(jmap, step, lane))
        index = rng.choice([0, size, rng.randint(0, size)])
        verbs.move_cards(doc, jmap, moving, step, lane, index)
        return f"move {moving} to {step} {lane} at {index}"
    if what < 0.72:
        title = rng.choice(["Short", "A title that is long enough to wrap to a second line"])
        verbs.edit_card_title(doc, card, title)
        return f"title {card.id}"
    if what < 0.75:  # a channel: the legend's channels counted, not walked
        channel = rng.choice([None, "email", "phone", "web", "a_new_channel"])
        verbs.set_field(doc, card.id, "channel", channel)
        return f"channel {card.id} {channel}"
    if what < 0.78:
        field = rng.choice(["span_steps", "span_lanes"])
        value = rng.randint(1, 3)
        verbs.set_field(doc, card.id, field, value)
        return f"{field} {card.id} {value}"
    if what < 0.87 and doc.undo_stack.canUndo():
        doc.undo_stack.undo()
        return "undo"
    if what < 0.94 and doc.undo_stack.canRedo():
        doc.undo_stack.redo()
        return "redo"
    return str(inc.random_edit(doc, jmap, rng))


def assert_same_lanes(kept: MapLayouter, fresh: MapLayouter, history: list[str]) -> None:
    """What the next edit starts from: each lane's plan, states, measures,
    card ids, cards (the same objects), spanning cards, height and boxes."""
    assert kept._lanes.keys() == fresh._lanes.keys(), history
    for lane_id, mine in kept._lanes.items():
        theirs = fresh._lanes[lane_id]
        assert mine.plan == theirs.plan, (history, lane_id)
        assert mine.states == theirs.states, (history, lane_id)
        assert mine.key == theirs.key, (history, lane_id)
        assert mine.measures == theirs.measures, (history, lane_id)
        assert mine.ids == theirs.ids, (history, lane_id)
        assert all(a is b for a, b in zip(mine.cards, theirs.cards, strict=True)), history
        assert [c.id for c in mine.spanning] == [c.id for c in theirs.spanning], history
        assert mine.height == theirs.height and mine.top == theirs.top, (history, lane_id)
        assert list(mine.boxes.items()) == list(theirs.boxes.items()), (history, lane_id)


def assert_same_walk(layouter: MapLayouter, jmap: JourneyMap, history: list[str]) -> None:
    """The kept cards by lane (lists, their order and the lanes' order), the
    channels and lanes in use equal a walk over the map's cards now."""
    kept = layouter._map_cards
    if kept._made_from is None:
        return
    steps = {s.id for s in jmap.steps()}
    shown = kept._made_from[3]
    by_lane: dict[str, list[object]] = {}
    for card in jmap.cards:
        if card.lane in shown and card.step in steps:  # type: ignore[operator]
            by_lane.setdefault(card.lane, []).append(card)
    assert list(kept._by_lane) == list(by_lane), history
    for lane_id, cards in by_lane.items():
        assert all(a is b for a, b in zip(kept._by_lane[lane_id], cards, strict=True)), history
    assert kept.channels(jmap) == sorted({c.channel for c in jmap.cards if c.channel}), history
    assert kept.lanes(jmap) == {c.lane for c in jmap.cards}, history


def run_moves(
    doc: Document, jmap: JourneyMap, seed: int, edits: int, check_lanes: bool = True
) -> MapLayouter:
    """Random ``move_edit``s, each change redrawn with the window's hint and
    checked against a fresh layout (and its lanes)."""

    inc = _module("test_incremental")
    rng = random.Random(seed)
    layouter = MapLayouter()
    history: list[str] = []
    hints = Hints(doc, jmap)

    def redraw(change: object) -> None:
        hint = hints.after(change)
        kept = layouter.layout(doc.project, jmap, inc.OPTIONS[0], hint)
        other = MapLayouter(layouter.theme)
        fresh = other.layout(doc.project, jmap, inc.OPTIONS[0])
        inc.assert_same(kept, fresh, [*history, f"hint {sorted(hint.cards)}"])
        assert kept.overflows == fresh.overflows, history
        if check_lanes:
            assert_same_lanes(layouter, other, history)
        assert_same_walk(layouter, jmap, history)

    redraw(None)
    doc.changed.connect(redraw)
    try:
        for _ in range(edits):
            history.append(move_edit(doc, jmap, rng))
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
    return layouter


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_moves_placed_from_the_last_plan_equal_a_fresh_layout(shape: str) -> None:
    doc, jmap = shape_project(shape, 260 if shape != "wide" else 200)
    layouter = run_moves(doc, jmap, len(shape), 40 if shape != "wide" else 22)
    assert layouter.celled > 15  # the path was taken (a move re-places one or two lanes)
    assert layouter._map_cards.kept > 15  # the cards by lane kept, not walked


def test_moves_on_the_sample_equal_a_fresh_layout() -> None:
    """The sample map (a channel grid lane, an images lane), piled cells."""
    inc = _module("test_incremental")
    celled = 0
    for seed in range(3):
        doc, jmap = inc.make_project(seed)
        celled += run_moves(doc, jmap, seed, 30).celled
    assert celled > 20


def test_cards_of_a_cell_tied_in_order_keep_the_lane_list_order() -> None:
    """Cards with the same order in a cell are stacked in the map's list order
    (the plan's sort is stable); a hinted card sorted in among them must land
    where a fresh sort puts it."""
    doc, jmap = shape_project("dense", 200)
    for card in jmap.cards:
        card.order = card.order % 3  # many ties in every cell
    run_moves(doc, jmap, 7, 30)


def test_a_card_spanning_steps_moved_in_pushes_the_next_column_down() -> None:
    """A card spanning two steps moved to the top of a cell pushes down the
    cards of the next column (none of which the hint names); spanned back to
    one step, they move up again. Each layout equals a fresh one."""

    inc = _module("test_incremental")
    doc, jmap = inc._shape_project("dense", 200)
    steps = [s.id for s in jmap.steps()]
    lane = jmap.cards[0].lane
    in_lane = [c for c in jmap.cards if c.lane == lane]
    moving = next(c for c in in_lane if c.step == steps[0])
    target = steps[3]
    pushed = [c for c in in_lane if c.step == steps[4]]
    assert pushed and all(c.span_steps == 1 for c in pushed)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    shown: list[object] = []

    def redraw(change: object) -> None:
        hint = hints.after(change)
        kept = layouter.layout(doc.project, jmap, inc.OPTIONS[0], hint)
        inc.assert_same(kept, MapLayouter().layout(doc.project, jmap, inc.OPTIONS[0]), [])
        shown[:] = [{i.element: i.bounds for i in kept.items if i.kind == "card"}]

    redraw(None)
    doc.changed.connect(redraw)
    try:
        before = shown[0]
        verbs.set_field(doc, moving.id, "span_steps", 2)
        verbs.move_cards(doc, jmap, [moving.id], target, lane, 0)
        after = shown[0]
        assert all(after[c.id].y > before[c.id].y for c in pushed)  # type: ignore[index]
        assert layouter.celled >= 2
        verbs.set_field(doc, moving.id, "span_steps", 1)
        assert all(shown[0][c.id] == before[c.id] for c in pushed)  # type: ignore[index]
        doc.undo_stack.undo()
        doc.undo_stack.undo()
        doc.undo_stack.redo()
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()


def test_a_card_spanning_lanes_stretches_when_the_cell_below_empties() -> None:
    """A card spanning two lanes stops above a lane whose cell under it holds
    cards; those moved up into its own lane (whose plan is then kept), it
    stretches down: drawn again though the hint does not name it and its lane
    placed it in the same box."""

    inc = _module("test_incremental")
    doc, jmap = inc._shape_project("dense", 200)
    steps = [s.id for s in jmap.steps()]
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    upper, lower = lanes[0], lanes[1]
    spanning = next(c for c in jmap.cards if c.lane == upper and c.step == steps[2])
    spanning.span_lanes, spanning.span_steps = 2, 1
    below = [c for c in jmap.cards if c.lane == lower and c.step == steps[2]]
    assert below
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    heights: list[float] = []

    def redraw(change: object) -> None:
        hint = hints.after(change)
        kept = layouter.layout(doc.project, jmap, inc.OPTIONS[0], hint)
        inc.assert_same(kept, MapLayouter().layout(doc.project, jmap, inc.OPTIONS[0]), [])
        heights.append(next(i.bounds.h for i in kept.items if i.element == spanning.id))

    redraw(None)
    doc.changed.connect(redraw)
    try:
        verbs.move_cards(doc, jmap, [c.id for c in below], steps[5], upper, 0)
        assert heights[-1] > heights[0]  # stretched down into the lower lane
        assert layouter.celled >= 2
        doc.undo_stack.undo()
        assert heights[-1] == heights[0]
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()


def test_cards_by_lane_kept_through_moves_between_lanes() -> None:
    """Moves between lanes counted, not walked: the map's first card to another
    lane (the lanes' order changes: a walk lists a lane at its first card), the
    last card of a lane out (the lane goes), a card into an empty lane (a new
    list); each layout equals a fresh one, the kept lists a walk's."""
    from journeydesk import templates
    from journeydesk.model.project import Card

    inc = _module("test_incremental")
    project = templates.new_project("blank", "en")
    jmap = project.maps[0]
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    steps = [s.id for s in jmap.steps()]
    for n in range(12):
        jmap.cards.append(Card(step=steps[n % 3], lane=lanes[n % 2], order=n, title=f"Card {n}"))
    lone = Card(step=steps[1], lane=lanes[2], title="Alone")
    jmap.cards.append(lone)
    doc = Document(project, None)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    history: list[str] = []

    def redraw(change: object) -> None:
        hint = hints.after(change)
        kept = layouter.layout(doc.project, jmap, inc.OPTIONS[0], hint)
        inc.assert_same(kept, MapLayouter().layout(doc.project, jmap, inc.OPTIONS[0]), history)
        assert_same_walk(layouter, jmap, history)

    redraw(None)
    doc.changed.connect(redraw)
    try:
        verbs.edit_card_title(doc, lone, "Alone still")  # (the first hinted pass walks)
        kept = layouter._map_cards.kept
        first = jmap.cards[0]
        moves = [
            ([first.id], steps[2], lanes[1], 0),  # the first card: lanes reordered
            ([lone.id], steps[0], lanes[0], 1),  # the last of its lane
            ([jmap.cards[3].id], steps[1], lanes[3], 0),  # into an empty lane
            ([first.id], steps[0], lanes[0], 0),  # back to the front
        ]
        for ids, step, lane, index in moves:
            history.append(f"move {ids} {step} {lane} {index}")
            verbs.move_cards(doc, jmap, ids, step, lane, index)
        assert layouter._map_cards.kept == kept + len(moves)
        for _ in moves:
            history.append("undo")
            doc.undo_stack.undo()
        assert layouter._map_cards.kept == kept + 2 * len(moves)
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()


def _items(layout: object) -> dict[str, object]:
    return {i.element: i for i in layout.items if i.kind == "card"}  # type: ignore[attr-defined]


def test_cards_only_renumbered_are_drawn_by_their_kept_call() -> None:
    """A card moved to the top of a cell pushes that cell's cards down and
    renumbers them: each gets its Item from its kept drawing call in its new
    box (the same face object), and equals a fresh layout's; a card moved down
    and changed in the same edit (its colour) is drawn anew."""

    inc = _module("test_incremental")
    doc, jmap = inc._shape_project("dense", 200)
    cells = {(c.step, c.lane) for c in jmap.cards}
    step, lane = max(sorted(cells), key=lambda at: len(cell_cards(jmap, *at)))
    cell = cell_cards(jmap, step, lane)
    moving = next(c for c in jmap.cards if c.lane == lane and c.step != step)
    assert len(cell) >= 4
    cell[2].scores = {"effort": 1.0}
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    shown: list[MapLayout] = []

    def redraw(change: object) -> None:
        hint = hints.after(change)
        kept = layouter.layout(doc.project, jmap, inc.OPTIONS[0], hint)
        inc.assert_same(kept, MapLayouter().layout(doc.project, jmap, inc.OPTIONS[0]), [])
        shown[:] = [kept]

    redraw(None)
    doc.changed.connect(redraw)
    try:
        before = _items(shown[0])
        faces = {card.id: layouter._card_items[card.id][4].args[3] for card in cell}
        verbs.move_cards(doc, jmap, [moving.id], step, lane, 0)
        after = _items(shown[0])
        for card in cell:
            assert after[card.id].bounds.y > before[card.id].bounds.y  # type: ignore[attr-defined]
            assert layouter._card_items[card.id][4].args[3] is faces[card.id]
        # the cell's first card taller, the second recoloured: drawn anew
        # the cell's first card taller, the next recoloured, the next scored
        # otherwise (the same badges): both moved down, and drawn anew
        first, second, third = cell_cards(jmap, step, lane)[1:4]
        assert third.scores
        before = after
        changes = [
            (first.id, "title", "A title long enough to wrap " * 3),
            (second.id, "colour", "#FF0000"),
            (third.id, "scores", {"effort": -1.0}),
        ]
        verbs.set_fields(doc, changes)
        after = _items(shown[0])
        for card in (second, third):
            assert after[card.id].bounds.y > before[card.id].bounds.y  # type: ignore[attr-defined]
        assert layouter._card_items[second.id][4].args[3].colour == "#FF0000"
        assert layouter._card_items[third.id][4].args[3].scores == (("effort", -1.0),)
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()


def test_renumbered_is_an_order_change_alone() -> None:
    """``cells.renumbered``: True when the states differ in the card's order
    alone (or not at all), False for any other field, the evidence, links,
    scores, the comment count or the image's aspect."""
    from journeydesk.layout.cells import card_state, renumbered
    from journeydesk.model import Evidence
    from journeydesk.model.base import new_id
    from journeydesk.model.project import Card, MapLink

    card = Card(step=new_id(), lane=new_id(), order=2, title="A card", channel="email")
    card.evidence = [Evidence(confidence="observed")]
    was = card_state(card, 1, 0.0)
    card.order = 5
    assert renumbered(was, card_state(card, 1, 0.0), card)
    assert renumbered(was, was, card)
    assert not renumbered(was, card_state(card, 2, 0.0), card)  # a comment more
    assert not renumbered(was, card_state(card, 1, 0.5), card)  # another image
    card.evidence[0].confidence = "assumed"  # (in place: the list the same object)
    assert not renumbered(was, card_state(card, 1, 0.0), card)
    card.evidence[0].confidence = "observed"
    card.links.append(MapLink(map=new_id()))
    assert not renumbered(was, card_state(card, 1, 0.0), card)
    card.links.clear()
    card.scores["effort"] = 1.0
    assert not renumbered(was, card_state(card, 1, 0.0), card)
    card.scores.clear()
    assert renumbered(was, card_state(card, 1, 0.0), card)
    for field, value in [("id", new_id()), ("step", new_id()), ("title", "B"), ("tags", ["new"])]:
        other = card.model_copy()
        setattr(other, field, value)
        assert not renumbered(was, card_state(other, 1, 0.0), other), field


def test_cards_swapped_into_and_out_of_a_collapsed_lane_are_drawn() -> None:
    """One edit moves a card into a collapsed lane (it gets no box) and another
    out of it (it gets one): as many cards placed as before, other ones; the
    layout equals a fresh one."""

    inc = _module("test_incremental")
    doc, jmap = inc._shape_project("current", 120)
    lanes = [lane for lane in jmap.lanes if lane.display == "cards"]
    folded, shown = lanes[1], lanes[0]
    folded.collapsed = True
    inside = next(c for c in jmap.cards if c.lane == folded.id)
    outside = next(c for c in jmap.cards if c.lane == shown.id)
    layouter = MapLayouter()
    hints = Hints(doc, jmap)
    counts: list[int] = []

    def redraw(change: object) -> None:
        hint = hints.after(change)
        kept = layouter.layout(doc.project, jmap, inc.OPTIONS[0], hint)
        inc.assert_same(kept, MapLayouter().layout(doc.project, jmap, inc.OPTIONS[0]), [])
        counts.append(sum(1 for i in kept.items if i.kind == "card"))

    redraw(None)
    doc.changed.connect(redraw)
    try:
        verbs.edit_card_title(doc, outside, "Titled")
        hinted = layouter.hinted
        verbs.set_fields(doc, [(inside.id, "lane", shown.id), (outside.id, "lane", folded.id)])
        assert layouter.hinted == hinted + 1 and counts[-1] == counts[0]
        doc.undo_stack.undo()
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()


def test_the_hint_from_the_index_equals_the_hint_checked_card_by_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``layout_hint`` looks each changed id up once in the document's index
    when it is right about them; the hint equals the one made by looking each
    id up as an element and then as a card of the map (the index unused), after
    moves, titles, channels, evidence edited by its own id, structural edits,
    undo and redo, for the shown map and another."""
    from journeydesk.ui.layout_hint import layout_hint

    inc = _module("test_incremental")
    doc, jmap = inc.make_project(4)
    other = doc.project.maps[1] if len(doc.project.maps) > 1 else jmap
    rng = random.Random(11)
    changes: list[object] = []
    doc.changed.connect(changes.append)
    fast = 0
    try:
        for n in range(50):
            at = doc.generation
            if n % 4 == 3:
                inc.card_edit(doc, jmap, rng)  # (evidence by its own id among them)
            else:
                move_edit(doc, jmap, rng)
            if doc.generation != at + 1:
                continue
            for shown in (jmap, other):
                hint = layout_hint(doc, shown, changes[-1], at)  # type: ignore[arg-type]
                ids = changes[-1].ids  # type: ignore[attr-defined]
                fast += all(doc.indexed(i) is not None for i in ids)
                with monkeypatch.context() as m:
                    m.setattr(Document, "indexed", lambda self, element_id: None)
                    checked = layout_hint(doc, shown, changes[-1], at)  # type: ignore[arg-type]
                assert hint == checked, (n, shown is jmap)
    finally:
        doc.changed.disconnect(changes.append)
        doc.undo_stack.clear()
    assert fast > 25
