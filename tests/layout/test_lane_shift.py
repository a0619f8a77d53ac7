"""A title edit that adds or removes a line moves every lane below it: those
lanes are stacked again from their kept plans and their cards' Items made from
the kept ones when read (layout/stack.py ``moved_lane``, unsettled.py). After random
such edits, undo and redo, on the three bench shapes and the sample, the hinted
layout (as the window redraws) must equal a fresh layout item by item, drawings
and overflows included.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest
from hints import Hints

from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.layout.engine import MapLayouter, layout_map
from journeydesk.layout.primitives import MapLayout, Rect
from journeydesk.model.project import Card, JourneyMap

LONG = "A title long enough to add a line or two to its card "


def line_edit(
    doc: Document, jmap: JourneyMap, rng: random.Random, shown: MapLayout | None = None
) -> str:
    """A title or body that adds or removes lines, mostly on a card of an upper
    lane (so lanes below move), or an undo or redo; now and then another edit
    of cards (a move, a span) or of the map (structural: no hint). ``shown``:
    the map's layout now, if known (else one is made)."""
    inc = incremental_module()
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    upper = set(lanes[: max(1, len(lanes) // 2)])
    cards = [c for c in jmap.cards if c.lane in upper] or jmap.cards
    card = rng.choice(cards)
    if rng.random() < 0.7:  # the lowest card of an upper lane: its lane's height changes
        shown = shown or layout_map(doc.project, jmap)
        boxes = {i.element: i.bounds for i in shown.items}
        lane = lanes[0] if rng.random() < 0.6 else rng.choice(sorted(upper))
        placed = [c for c in jmap.cards if c.lane == lane and c.id in boxes and c.span_lanes == 1]
        if placed:
            card = max(placed, key=lambda c: boxes[c.id].bottom)
    what = rng.randrange(10) if rng.random() < 0.8 else 0
    if what <= 3:
        title = rng.choice([LONG, LONG * 2, LONG * 3, "Short", "Two words"])
        if card.title == "Short":  # (a first lane's card: surely a line more)
            title = LONG * 2
        verbs.edit_card_title(doc, card, title)
        return f"title {card.id} {len(title)}"
    if what == 4:
        verbs.set_field(doc, card.id, "body", rng.choice(["", LONG * 3, "one line"]))
        return f"body {card.id}"
    if what == 5 and doc.undo_stack.canUndo():
        doc.undo_stack.undo()
        return "undo"
    if what == 6 and doc.undo_stack.canRedo():
        doc.undo_stack.redo()
        return "redo"
    if what in (7, 8):
        return str(inc.card_edit(doc, jmap, rng))
    return str(inc.random_edit(doc, jmap, rng))


def lowest_of_first_lane(jmap: JourneyMap, boxes: dict[str | None, Rect]) -> Card:
    """The lowest card of the first lane of cards (spanning one lane): a title
    that adds a line to it moves every lane below."""
    first = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    return max(
        (c for c in jmap.cards if c.lane == first and c.span_lanes == 1),
        key=lambda c: boxes[c.id].bottom,
    )


def retitle(doc: Document, card: Card, text: str = LONG * 3) -> object:
    """``card``'s title set to ``text`` through the verbs; the document's change
    (for ``Hints.after``)."""
    changes: list[object] = []
    doc.changed.connect(changes.append)
    try:
        verbs.edit_card_title(doc, card, text)
    finally:
        doc.changed.disconnect(changes.append)
    return changes[-1]


def shape_project(shape: str, n: int) -> tuple[Document, JourneyMap]:
    """A bench shape of ``n`` cards, some spanning two lanes (stretched after
    placing), the first lane's cards short (on ``wide`` every lane is as tall
    as its tallest card may be: a title or body could then add no line)."""
    doc, jmap = incremental_module()._shape_project(shape, n)
    for card in jmap.cards[::19]:
        card.span_lanes = 2
    first = next(lane.id for lane in jmap.lanes if lane.display == "cards")
    for card in jmap.cards:
        if card.lane == first:
            card.title, card.body = "Short", ""
    return doc, jmap


_MODULE: list[ModuleType] = []


def incremental_module() -> ModuleType:
    """tests/layout/test_incremental.py's edits and checks (loaded once)."""
    if not _MODULE:
        path = Path(__file__).with_name("test_incremental.py")
        spec = importlib.util.spec_from_file_location("incremental_edits_shift", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _MODULE.append(module)
    return _MODULE[0]


def run_line_edits(
    doc: Document, jmap: JourneyMap, seed: int, edits: int, lazy: bool = True
) -> MapLayouter:

    inc = incremental_module()
    rng = random.Random(seed)
    layouter = MapLayouter()
    layouter.lazy = lazy
    history: list[str] = []
    hints = Hints(doc, jmap)
    shown: list[MapLayout] = []

    def redraw(change: object) -> None:
        hint = hints.after(change)
        kept = layouter.layout(doc.project, jmap, inc.OPTIONS[0], hint)
        shown[:] = [kept]
        if not lazy:  # (drawn as laid out, the moved lanes' cards too)
            assert all(i.made for i in kept.items if i.kind == "card"), history
        fresh = MapLayouter(layouter.theme).layout(doc.project, jmap, inc.OPTIONS[0])
        inc.assert_same(kept, fresh, [*history, f"hint {sorted(hint.cards)}"])
        assert kept.overflows == fresh.overflows, history

    redraw(None)
    doc.changed.connect(redraw)
    try:
        for _ in range(edits):
            history.append(line_edit(doc, jmap, rng, shown[0]))
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
    return layouter


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_lanes_moved_by_a_line_added_equal_a_fresh_layout(shape: str) -> None:
    doc, jmap = shape_project(shape, 200)
    layouter = run_line_edits(doc, jmap, len(shape), 16)
    assert layouter.hinted > 5
    assert layouter.shifted > 100  # the moved lanes' path was taken
    assert layouter._router.zoned > 0  # and the routes moved by the layout's zone


def test_a_curve_lane_only_moved_keeps_its_words_places(monkeypatch: pytest.MonkeyPatch) -> None:
    """On ``wide`` the curve lane lies below the edited lanes: a line added
    above moves it, and its 1,800 points' words are not placed again (they
    were placed from a lane top at 0: layout/curves.py), while every layout
    still equals a fresh one (``run_line_edits``)."""
    from journeydesk.layout import curves

    placed: list[int] = []
    place = curves.emotion_words

    def counted(*args: object, **kwargs: object) -> object:
        placed.append(1)
        return place(*args, **kwargs)  # type: ignore[arg-type]

    doc, jmap = shape_project("wide", 150)
    lanes = [lane.display for lane in jmap.lanes]
    assert lanes.index("curve") > lanes.index("cards")  # (the curve lane is below)
    monkeypatch.setattr(curves, "emotion_words", counted)
    assert lanes.count("curve") == 1
    layouter = run_line_edits(doc, jmap, 7, 12)
    assert layouter.passes >= 12
    # (each fresh layout run_line_edits compares with places the words once)
    by_the_edited_layouter = len(placed) - layouter.passes
    assert by_the_edited_layouter <= layouter.passes // 3, (len(placed), layouter.passes)


def test_lanes_moved_on_the_sample_and_drawn_at_once_equal_a_fresh_layout() -> None:
    """The sample map with piled cells, and with drawings made as each card is
    laid out (``lazy`` False) as well as on first use."""
    shifted = 0
    for seed in range(3):
        doc, jmap = incremental_module().make_project(seed)
        shifted += run_line_edits(doc, jmap, seed, 14, lazy=seed != 1).shifted
    assert shifted > 20


def test_a_moved_lane_gives_the_boxes_of_a_fresh_stacking() -> None:
    """The boxes of the lanes moved down by a card above growing are the very
    floats a fresh layout gives, made by the moved lanes' path."""
    from journeydesk.ui.layout_hint import layout_hint

    doc, jmap = incremental_module()._shape_project("current", 200)
    layouter = MapLayouter()
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    before = {i.element: i.bounds for i in layouter.layout(doc.project, jmap, None).items}
    card = max((c for c in jmap.cards if c.lane == lanes[0]), key=lambda c: before[c.id].bottom)
    layouter.layout(doc.project, jmap, None, layout_hint(doc, jmap, None, None))
    since = doc.generation
    changes: list[object] = []
    doc.changed.connect(changes.append)
    verbs.edit_card_title(doc, card, LONG * 4)
    doc.changed.disconnect(changes.append)
    hint = layout_hint(doc, jmap, changes[-1], since)  # type: ignore[arg-type]
    assert hint is not None and hint.since == since
    after = layouter.layout(doc.project, jmap, None, hint)
    assert layouter.shifted > 50
    fresh = MapLayouter().layout(doc.project, jmap)
    moved = [i for i in after.items if i.kind == "card" and i.bounds != before[i.element]]
    assert len(moved) > 50
    for a, b in zip(after.items, fresh.items, strict=True):
        assert a.bounds == b.bounds and a.primitives == b.primitives
    doc.undo_stack.clear()


def test_a_rect_made_by_its_own_init_is_the_frozen_dataclass_one() -> None:
    """``Rect.__init__`` (faster than the generated one) makes what the frozen
    dataclass makes: the same fields, equality, hash, repr, copies, pickles,
    and it stays frozen."""
    import copy
    import dataclasses
    import pickle

    from journeydesk.layout.primitives import Rect

    @dataclasses.dataclass(frozen=True)
    class Reference:
        x: float
        y: float
        w: float
        h: float

    rng = random.Random(3)
    for _ in range(200):
        values = [rng.choice([0.0, -1.5, 1e-9, 3, rng.uniform(-1e6, 1e6)]) for _ in range(4)]
        rect, ref = Rect(*values), Reference(*values)
        assert vars(rect) == vars(ref) and list(vars(rect)) == ["x", "y", "w", "h"]
        assert dataclasses.astuple(rect) == dataclasses.astuple(ref)
        assert hash(rect) == hash(ref)
        assert repr(rect).split("(", 1)[1] == repr(ref).split("(", 1)[1]
        assert rect == Rect(x=values[0], y=values[1], w=values[2], h=values[3])
        assert rect != ref  # type: ignore[comparison-overlap]
        assert rect != Rect(values[0], values[1], values[2], values[3] + 1)
        assert pickle.loads(pickle.dumps(rect)) == rect == copy.deepcopy(rect)
        assert dataclasses.replace(rect, h=7.0) == Rect(values[0], values[1], values[2], 7.0)
        with pytest.raises(dataclasses.FrozenInstanceError):
            rect.x = 1.0  # type: ignore[misc]


def test_an_item_drawn_later_is_the_one_the_constructor_makes() -> None:
    """``drawn_later`` (no keyword handling) sets every slot as ``Item(...)``
    with ``make`` and ``drawn_from`` does, and draws once, on first read."""
    from journeydesk.layout.primitives import Box, Item, Primitive, Rect, drawn_later

    calls: list[int] = []
    box = Rect(1.0, 2.0, 3.0, 4.0)

    def make() -> list[Primitive]:
        calls.append(1)
        return [Box(box, fill="#FFFFFF")]

    made = Item("card", "c1", box, 40.0, make=make, drawn_from=("s", box))
    fast = drawn_later("card", "c1", box, 40.0, make, ("s", box))
    for slot in Item.__slots__:
        assert getattr(fast, slot) == getattr(made, slot), slot
    assert not fast.made and fast == made and not calls
    assert fast.primitives == [Box(box, fill="#FFFFFF")] and fast.primitives is fast.primitives
    assert calls == [1] and fast.made


def test_most_moved_says_anew_only_when_the_routers_update_would() -> None:
    """``routing._most_moved`` (told in C) says the columns and routes are to
    be made anew only when ``Router._update`` listing every change would say
    so (None), and the routes after it are a new router's: random lanes grown
    by a little or a lot, boxes replaced by equal new objects, keys added."""
    import operator

    from journeydesk.layout import routing

    rng = random.Random(11)
    said = {True: 0, False: 0}
    for _ in range(60):
        n = rng.randrange(20, 200)
        old = {
            f"c{k}": Rect(
                rng.randrange(8) * 160 + 10, rng.uniform(0, 3000), 140.0, rng.uniform(30, 90)
            )
            for k in range(n)
        }
        now = dict(old)
        cut = rng.uniform(0, 3000)
        dy = rng.choice([0.0, 1e-12, 10.98, 21.96])
        for k, r in old.items():
            if r.y > cut:
                now[k] = Rect(r.x, r.y + dy, r.w, r.h)  # (dy 0: an equal new object)
            elif rng.random() < 0.05:
                now[k] = Rect(r.x, r.y, r.w, r.h + 5)
        if rng.random() < 0.2:
            now[f"new{n}"] = Rect(10.0, 5.0, 140.0, 40.0)
        if rng.random() < 0.2:
            del now[rng.choice(list(old))]
        more = [Rect(20.0, rng.uniform(0, 3000), 8.0, 8.0) for _ in range(rng.randrange(3))]
        olds = list(map(old.get, now))
        total = len(now) + len(more)
        mask = list(map(operator.is_not, olds, now.values()))
        says = routing._most_moved(olds, list(now.values()), mask, total)
        said[says] += 1
        router = routing.Router()
        pairs_old = [
            (old[a], old[b]) for a, b in zip(list(old)[::3], list(old)[1::3], strict=False)
        ]
        router.route_all(pairs_old, old, 20.0, 16.0, 160.0, more)
        listed = routing.Router()
        listed.route_all(pairs_old, old, 20.0, 16.0, 160.0, more)
        real = routing._most_moved
        routing._most_moved = lambda *_: False  # type: ignore[assignment]
        try:
            full = listed._update(now, list(now.values()), more)
        finally:
            routing._most_moved = real  # type: ignore[assignment]
        if says:
            assert full is None
        pairs = [(now[a], now[b]) for a, b in zip(list(now)[::3], list(now)[1::3], strict=False)]
        got = router.route_all(pairs, now, 20.0, 16.0, 160.0, more)
        assert got == routing.Router().route_all(pairs, now, 20.0, 16.0, 160.0, more)
    assert said[True] > 10 and said[False] > 10


def _stack_as_written_before(theme, plan, n_cols, top, out, kept):  # type: ignore[no-untyped-def]
    """``stack.stack`` as round 6 wrote it (the reference for its floats)."""
    from journeydesk.layout.primitives import Rect

    t = theme
    gap = t.card_gap
    sky = [top + t.lane_padding] * n_cols
    for card_id, i, span, x, w, h in plan:
        y = max(sky[i : i + span]) if span > 1 else sky[i]
        found = kept.get(card_id)
        box = found[1] if found is not None else None
        if box is None or box.y != y or box.x != x or box.w != w or box.h != h:
            box = Rect(x, y, w, h)
        out[card_id] = box
        below = y + h + gap
        for j in range(i, i + span):
            sky[j] = below
    bottom = max(sky, default=top) - (gap if plan else 0) + t.lane_padding
    return max(t.lane_min_height, bottom - top)


def test_stack_gives_the_floats_and_objects_it_gave() -> None:
    """``stack.stack`` (its one-step cards' loop written out) gives the very
    floats of the loop it replaced, and reuses a kept box exactly when that
    did: random plans with cards spanning steps, odd heights and tops."""
    from journeydesk.layout.stack import stack
    from journeydesk.layout.theme import DEFAULT_THEME

    rng = random.Random(5)
    for _ in range(200):
        n_cols = rng.randrange(1, 8)
        plan = []
        for k in range(rng.randrange(0, 40)):
            i = rng.randrange(n_cols)
            span = rng.choice([1, 1, 1, 2, 3])
            span = min(span, n_cols - i)
            h = rng.choice([44.0, 57.3, rng.uniform(30, 200), 1 / 3])
            plan.append((f"c{k}", i, span, 10.0 + 180 * i, 180.0 * span - 12, h))
        top = rng.choice([0.0, 18.7, rng.uniform(0, 1e5), 0.1 + 0.2])
        first: dict[str, Rect] = {}
        _stack_as_written_before(DEFAULT_THEME, plan, n_cols, top, first, {})
        kept = {k: ((), b if rng.random() < 0.6 else _other(rng, b)) for k, b in first.items()}
        top2 = top if rng.random() < 0.5 else top + rng.choice([10.98, 1e-9])
        a: dict[str, Rect] = {}
        b: dict[str, Rect] = {}
        ha = _stack_as_written_before(DEFAULT_THEME, plan, n_cols, top2, a, kept)
        hb = stack(DEFAULT_THEME, plan, n_cols, top2, b, kept)  # type: ignore[arg-type]
        assert ha == hb and list(a) == list(b)
        for key in a:
            assert vars(a[key]) == vars(b[key])
            assert (a[key] is kept[key][1]) == (b[key] is kept[key][1])


def _other(rng: random.Random, b: Rect) -> Rect:
    """``b`` with one of its four fields another."""
    x, y, w, h = b.x, b.y, b.w, b.h
    which = rng.randrange(4)
    return Rect(x + (which == 0), y + (which == 1), w + (which == 2), h + (which == 3))
