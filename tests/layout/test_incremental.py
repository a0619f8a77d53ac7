"""The editor's layout after edits equals a fresh layout of the edited model.

``MapLayouter`` keeps each card's ``Item`` (and its box) between layouts, keyed
by everything the card is drawn from, so an edit on a big map draws only what
changed (issue #14). These tests make random edits through the document's
verbs and undo/redo, change options, language and theme, and check after
every step that the kept layouter gives exactly what a new one gives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from hints import Hints
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeydesk import templates
from journeydesk.document import verbs, verbs_structure
from journeydesk.document.document import Document
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.primitives import Box, MapLayout
from journeydesk.layout.theme import DEFAULT_THEME
from journeydesk.model import Card, Comment, Connection, Evidence
from journeydesk.model.project import JourneyMap, MapLink, Project

WORDS = ["the", "customer", "waits", "for", "a", "delivery", "that", "never", "seems", "to"]
WORDS += ["arrive", "on", "time", "again"]
OPTIONS = (
    LayoutOptions(),
    LayoutOptions(comments=False),
    LayoutOptions(language="it"),
    LayoutOptions(title_block=False, legend=False),
)
THEMES = (DEFAULT_THEME, dataclasses.replace(DEFAULT_THEME, card_title_size=11.0, card_gap=9.0))


def _text(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(lo, hi)))


def make_project(seed: int) -> tuple[Document, JourneyMap]:
    """The sample map with some more cards, piled into a few cells."""
    rng = random.Random(seed)
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    steps = jmap.steps()
    lanes = [lane for lane in jmap.lanes if lane.display == "cards"]
    for n in range(rng.randint(0, 30)):
        step, lane = rng.choice(steps[:4]), rng.choice(lanes)
        jmap.cards.append(Card(step=step.id, lane=lane.id, order=100 + n, title=_text(rng, 1, 12)))
    return Document(project, None), jmap


def random_edit(doc: Document, jmap: JourneyMap, rng: random.Random) -> str:
    """One edit through the document's verbs (or an undo/redo); what it was."""
    project = doc.project
    steps = jmap.steps()
    lanes = [lane for lane in jmap.lanes if lane.display == "cards"]
    cards = jmap.cards
    card = rng.choice(cards) if cards else None
    what = rng.randrange(22)
    if what == 0 and card:
        verbs.edit_card_title(doc, card, _text(rng, 0, 20))
    elif what == 1 and card:
        verbs.set_field(doc, card.id, "body", _text(rng, 0, 40))
    elif what == 2 and card:
        step, lane = rng.choice(steps), rng.choice(lanes)
        verbs.move_cards(doc, jmap, [card.id], step.id, lane.id, rng.randint(0, 3))
    elif what == 3:
        step, lane = rng.choice(steps), rng.choice(lanes)
        verbs.add_card(doc, jmap, Card(step=step.id, lane=lane.id, title=_text(rng, 1, 6)))
    elif what == 4 and card:
        verbs.remove(doc, [card.id])
    elif what == 5:
        verbs_structure.add_step(doc, rng.choice(jmap.stages), 0)
    elif what == 6:
        verbs_structure.add_lane(doc, jmap, rng.choice(["notes", "emotion"]), 1)
    elif what == 7 and len(jmap.stages) > 1:
        stage = rng.choice(jmap.stages)
        verbs_structure.move_step(doc, jmap, rng.choice(steps).id, stage.id, 0)
    elif what == 8:
        lane = rng.choice(jmap.lanes)
        if rng.random() < 0.3:
            verbs.rename(doc, rng.choice([*steps, *jmap.stages]).id, _text(rng, 1, 8))
        elif rng.random() < 0.5:
            verbs.rename(doc, lane.id, _text(rng, 1, 8))
        else:
            verbs.set_field(doc, lane.id, "collapsed", not lane.collapsed)
    elif what == 9 and card:
        now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
        verbs.add_comment(doc, Comment(target=card.id, created=now, text=_text(rng, 1, 5)))
    elif what == 10 and len(cards) > 1:
        a, b = rng.sample(cards, 2)
        if rng.random() < 0.5:
            verbs.add_connection(doc, jmap, a.id, b.id, rng.choice(["flow", "handoff"]))
        else:
            conn = Connection(source=a.id, target=b.id, label=_text(rng, 1, 3))
            verbs.add(doc, jmap, "connections", conn)
    elif what == 11 and jmap.curves and any(c.points for c in jmap.curves):
        curve = rng.choice([c for c in jmap.curves if c.points])
        point = rng.choice(curve.points)
        verbs_structure.move_point(
            doc, point.id, rng.choice(steps).id, rng.random(), rng.choice([-2, -1, 0, 1, 2])
        )
    elif what == 12 and card:
        field, value = rng.choice(
            [
                ("sentiment", rng.choice([None, "positive", "problematic"])),
                ("channel", rng.choice([None, "web", "store", "phone"])),
                ("colour", rng.choice([None, "#FFEEAA"])),
                ("kind", rng.choice(["action", "pain_point", "idea"])),
                ("scores", rng.choice([{}, {"impact": 3.0}, {"impact": 1.0, "effort": 2.0}])),
                ("span_steps", rng.randint(1, 3)),
                ("span_lanes", rng.randint(1, 3)),
            ]
        )
        verbs.set_field(doc, card.id, field, value)
    elif what == 13 and card:
        confidence = rng.choice(["observed", "assumed", "proposed"])
        verbs.add_evidence(doc, card, Evidence(confidence=confidence))
    elif what == 14 and card and card.evidence:
        evidence = rng.choice(card.evidence)
        verbs.set_field(doc, evidence.id, "confidence", rng.choice(["observed", "proposed"]))
    elif what == 15 and card and len(project.maps) > 1:
        if rng.random() < 0.5:
            verbs.link_card(doc, card, project.maps[1].id)
        else:  # the list changed in place: the card object and its list stay the same
            verbs.add(doc, card, "links", MapLink(map=project.maps[1].id))
    elif what == 16 and project.comments:
        comment = rng.choice(project.comments)
        verbs.resolve_comment(doc, comment, not comment.resolved)
    elif what == 17:
        verbs.set_field(doc, project.id, "language", rng.choice(["en", "it"]))
    elif what == 20 and project.personas:
        if jmap.curves and rng.random() < 0.5:  # a curve without a label shows its persona
            verbs.set_field(doc, rng.choice(jmap.curves).id, "label", rng.choice(["", "Ann"]))
        else:
            verbs.rename(doc, rng.choice(project.personas).id, _text(rng, 1, 3))
    elif what == 21 and jmap.curves and any(c.points for c in jmap.curves):
        point = rng.choice([p for c in jmap.curves for p in c.points])
        verbs.set_field(doc, point.id, rng.choice(["emotion", "label"]), _text(rng, 0, 4))
    elif what == 18 and doc.undo_stack.canUndo():
        doc.undo_stack.undo()
        return "undo"
    elif what == 19 and doc.undo_stack.canRedo():
        doc.undo_stack.redo()
        return "redo"
    else:
        return "nothing"
    return f"edit {what}"


def assert_same(kept: MapLayout, fresh: MapLayout, history: list[str]) -> None:
    assert len(kept.items) == len(fresh.items), history
    for a, b in zip(kept.items, fresh.items, strict=True):
        assert a == b, (history, a.kind, a.element)
        # the drawings themselves (Items drawn from equal values are equal
        # without a drawing: layout/primitives.py ``Item``)
        assert a.primitives == b.primitives, (history, a.kind, a.element)
    assert kept == fresh, history


def run_edits(seed: int, edits: int) -> None:
    rng = random.Random(seed)
    doc, jmap = make_project(seed)
    layouter = MapLayouter()
    history: list[str] = []
    project: Project = doc.project
    for _ in range(edits):
        history.append(random_edit(doc, jmap, rng))
        options = OPTIONS[0] if rng.random() < 0.7 else rng.choice(OPTIONS)
        if rng.random() < 0.08:
            layouter.theme = rng.choice(THEMES)
            history.append("theme")
        kept = layouter.layout(project, jmap, options)
        fresh = MapLayouter(layouter.theme).layout(project, jmap, options)
        assert_same(kept, fresh, history)
    doc.undo_stack.clear()


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
@given(seed=st.integers(0, 2**31), edits=st.integers(3, 10))
def test_layout_after_random_edits_equals_a_fresh_layout(seed: int, edits: int) -> None:
    run_edits(seed, edits)


def test_kept_cards_keep_their_item_objects() -> None:
    """What makes an edit cheap: the cards an edit did not touch come back as
    the very same Item objects (the canvas then skips them)."""
    doc, jmap = make_project(1)
    layouter = MapLayouter()
    before = {i.element: i for i in layouter.layout(doc.project, jmap).items if i.kind == "card"}
    card = jmap.cards[0]
    verbs.set_field(doc, card.id, "colour", "#ABCDEF")
    after = {i.element: i for i in layouter.layout(doc.project, jmap).items if i.kind == "card"}
    assert after[card.id] is not before[card.id]
    assert after[card.id].primitives[0].fill == "#ABCDEF"  # type: ignore[union-attr]
    same = [cid for cid in after if cid != card.id and after[cid] is before[cid]]
    assert len(same) >= len(after) // 2  # the cards the recoloured one did not move
    doc.undo_stack.clear()


def test_router_columns_after_moves_equal_columns_made_anew() -> None:
    """The router re-sorts only the columns a moved card left or joined: the
    cards in each column (the same objects), their tops and the tallest must
    be as if made anew."""
    from journeydesk.layout import routing
    from journeydesk.layout.primitives import Rect

    rng = random.Random(7)
    col = 160.0

    def box(x: int, y: float, span: int, h: float) -> Rect:
        return Rect(x * col + 5, y, col * span - 10, h)

    cards = [
        box(rng.randrange(30), rng.random() * 3000, rng.choice([1, 1, 2]), 40 + rng.random() * 60)
        for _ in range(1500)
    ]
    columns = routing._columns(cards, col)
    for _ in range(60):
        new = list(cards)
        for _ in range(rng.randint(1, 12)):
            i = rng.randrange(len(new))
            r = new[i]
            if rng.random() < 0.3:
                new[i] = Rect(r.x, r.y, r.w, r.h)  # the same box, a new object
            else:
                new[i] = Rect(rng.randrange(30) * col + 5, r.y + rng.random() * 50, r.w, r.h)
        moved = [(a, b) for a, b in zip(cards, new, strict=True) if a is not b]
        routing._update_columns(columns, moved, col)  # type: ignore[arg-type]
        made = routing._columns(new, col)
        assert set(columns[0]) == set(made[0])
        for c in made[0]:
            assert sorted(map(id, columns[0][c])) == sorted(map(id, made[0][c]))
            assert columns[1][c] == made[1][c] and columns[2][c] == made[2][c]
        cards = new


def _with_near_connections(jmap: JourneyMap, rng: random.Random, n: int) -> None:
    """Connections between cards of nearby cells (searched around the cards
    between them), a third of them labelled."""
    steps = {s.id: i for i, s in enumerate(jmap.steps())}
    lanes = {lane.id: i for i, lane in enumerate(jmap.lanes)}
    cards = [c for c in jmap.cards if c.step in steps and c.lane in lanes]
    for k in range(n):
        a = rng.choice(cards)
        near = [
            c
            for c in cards
            if c is not a
            and abs(steps[c.step] - steps[a.step]) <= 2
            and abs(lanes[c.lane] - lanes[a.lane]) <= 2
        ]
        if near:
            label = _text(rng, 1, 3) if k % 3 == 0 else ""
            jmap.connections.append(
                Connection(source=a.id, target=rng.choice(near).id, label=label)
            )


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_connections_kept_after_moves_equal_fresh_layouts(shape: str) -> None:
    """Routes and labels the router and ``connections`` keep across card moves,
    titles, undo and redo (hinted as the window does, and now and then not)
    equal a fresh layout's, on every shape, with connections between nearby
    cards (searched routes) and labels; both kept and new routes were made."""
    doc, jmap = _shape_project(shape, 180)
    _with_near_connections(jmap, random.Random(len(shape)), 40)
    layouter = run_hinted_edits(doc, jmap, 5 + len(shape), 16 if shape == "wide" else 24)
    router = layouter._router
    # (fewer routes found than asked for: some were kept)
    assert 0 < router.searched < router.calls * len(jmap.connections) // 2


def test_a_renamed_persona_renames_its_curve_in_the_key() -> None:
    """A curve without a label is keyed by its persona's name: a rename alone
    (the curves unchanged) must reach the kept curve lane."""
    doc, jmap = make_project(2)
    curve = jmap.curves[0]
    verbs.set_field(doc, curve.id, "label", "")
    layouter = MapLayouter()
    layouter.layout(doc.project, jmap)
    verbs.rename(doc, curve.persona or "", "Someone Else")
    kept = layouter.layout(doc.project, jmap)
    assert_same(kept, MapLayouter().layout(doc.project, jmap), ["label", "rename"])
    doc.undo_stack.clear()


def test_a_renamed_step_is_drawn_renamed() -> None:
    """A step renamed inside its stage (the stage's list the same object) must
    reach the kept headers."""
    doc, jmap = make_project(4)
    layouter = MapLayouter()
    layouter.layout(doc.project, jmap)
    verbs.rename(doc, jmap.steps()[1].id, "A much longer name for this step than before")
    kept = layouter.layout(doc.project, jmap)
    assert_same(kept, MapLayouter().layout(doc.project, jmap), ["rename step"])
    doc.undo_stack.clear()


# --- with the hint the editor window gives (ui/layout_hint.py) ----------------


def _shape_project(shape: str, n: int = 240) -> tuple[Document, JourneyMap]:
    from bench_shapes import make_shape

    project: Project = make_shape(shape, n)
    return Document(project, None), project.maps[0]


def card_edit(doc: Document, jmap: JourneyMap, rng: random.Random) -> str:
    """An edit of cards' own fields (what the window hints), or of a card's
    nested evidence by its own id (which it must not)."""
    card = rng.choice(jmap.cards)
    lanes = [lane for lane in jmap.lanes if lane.display == "cards"]
    what = rng.randrange(8)
    if what == 0:
        verbs.edit_card_title(doc, card, _text(rng, 0, 24))
    elif what == 1:
        verbs.set_field(doc, card.id, "body", _text(rng, 0, 40))
    elif what in (2, 3):
        step = rng.choice(jmap.steps())
        lane = card.lane if rng.random() < 0.5 else rng.choice(lanes).id
        verbs.move_cards(doc, jmap, [card.id], step.id, lane, rng.randint(0, 3))
    elif what == 4:
        field = rng.choice(["span_lanes", "span_steps"])
        verbs.set_field(doc, card.id, field, rng.randint(1, 3))
    elif what == 5 and card.evidence:
        evidence = rng.choice(card.evidence)
        verbs.set_field(doc, evidence.id, "confidence", rng.choice(["observed", "proposed"]))
    elif what == 6:
        verbs.set_field(doc, card.id, "kind", rng.choice(["action", "pain_point", "idea"]))
    elif what == 7 and doc.undo_stack.canUndo():
        doc.undo_stack.undo()
        return "undo"
    else:
        return "nothing"
    return f"card edit {what}"


def run_hinted_edits(doc: Document, jmap: JourneyMap, seed: int, edits: int) -> MapLayouter:
    """Random edits, each change redrawn as the window does (its hint, built
    by ``layout_hint`` from the document's Change), checked against a fresh
    layout after every change; now and then another caller lays the map out
    with other options, or the theme changes (the next hint must not be used)."""

    rng = random.Random(seed)
    project: Project = doc.project
    layouter = MapLayouter()
    history: list[str] = []
    hints = Hints(doc, jmap)

    def redraw(change: object) -> None:
        hint = hints.after(change)
        kept = layouter.layout(project, jmap, OPTIONS[0], hint)
        fresh = MapLayouter(layouter.theme).layout(project, jmap, OPTIONS[0])
        assert_same(kept, fresh, [*history, f"hint {sorted(hint.cards)}"])

    redraw(None)
    doc.changed.connect(redraw)
    try:
        for _ in range(edits):
            if rng.random() < 0.7:
                history.append(card_edit(doc, jmap, rng))
            else:
                history.append(random_edit(doc, jmap, rng))
            if rng.random() < 0.05:
                layouter.layout(project, jmap, rng.choice(OPTIONS[1:]))
                history.append("other options")
            if rng.random() < 0.03:
                layouter.theme = rng.choice(THEMES)
                history.append("theme")
                redraw(None)
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
    return layouter


def test_hinted_layouts_after_random_edits_equal_fresh_layouts() -> None:
    """The sample map, piled cells, spans: every hinted redraw equals a fresh
    layout (items in order, their drawings, the overflows)."""
    used = 0
    for seed in range(6):
        doc, jmap = make_project(seed)
        used += run_hinted_edits(doc, jmap, seed, 25).hinted
    assert used > 40  # the hint was taken, not only the full path


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_hinted_layouts_on_every_shape_equal_fresh_layouts(shape: str) -> None:
    doc, jmap = _shape_project(shape, 180)
    # some cards spanning lanes, so a kept lane's span may reach further
    for card in jmap.cards[::17]:
        card.span_lanes = 2
    assert run_hinted_edits(doc, jmap, len(shape), 16).hinted > 5


def test_a_nested_or_structural_change_gives_no_hint() -> None:
    """An evidence item edited by its own id, a card added, a comment: no hint;
    a title: a hint naming the card; a generation skipped: no hint."""
    from journeydesk.ui.layout_hint import layout_hint

    doc, jmap = make_project(3)
    changes: list[object] = []
    doc.changed.connect(changes.append)
    card = jmap.cards[0]
    at = doc.generation
    verbs.edit_card_title(doc, card, "A new title")
    hint = layout_hint(doc, jmap, changes[-1], at)  # type: ignore[arg-type]
    assert hint is not None and hint.since == at and hint.cards == {card.id}
    assert layout_hint(doc, jmap, changes[-1], at - 1).since is None  # type: ignore[arg-type, union-attr]
    verbs.add_evidence(doc, card, Evidence(confidence="assumed"))
    at = doc.generation
    verbs.set_field(doc, card.evidence[0].id, "confidence", "observed")
    assert layout_hint(doc, jmap, changes[-1], at).since is None  # type: ignore[arg-type, union-attr]
    at = doc.generation
    verbs.add_card(doc, jmap, Card(step=card.step, lane=card.lane, title="x"))
    assert layout_hint(doc, jmap, changes[-1], at).since is None  # type: ignore[arg-type, union-attr]
    at = doc.generation
    now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
    verbs.add_comment(doc, Comment(target=card.id, created=now, text="hm"))
    assert layout_hint(doc, jmap, changes[-1], at).since is None  # type: ignore[arg-type, union-attr]
    other = doc.project.maps[1] if len(doc.project.maps) > 1 else None
    if other is not None:
        at = doc.generation
        verbs.edit_card_title(doc, card, "Again")
        assert layout_hint(doc, other, changes[-1], at).since is None  # type: ignore[arg-type, union-attr]
    doc.undo_stack.clear()


def test_spans_from_the_placed_lanes_equal_spans_found_anew(monkeypatch: object) -> None:
    """``span_lanes`` takes each placed lane's spanning cards from the layouter:
    the same stretched boxes as when it looks for them in every lane."""
    from journeydesk.layout import lanes as lanes_

    real = lanes_.span_lanes

    def anew(*args: object) -> None:
        real(*args[:6])  # type: ignore[arg-type]  # (without the lanes' spanning cards)

    for seed in range(4):
        doc, jmap = make_project(seed)
        rng = random.Random(seed)
        for card in rng.sample(jmap.cards, max(1, len(jmap.cards) // 3)):
            card.span_lanes = rng.randint(2, 3)
        layouter = MapLayouter()
        kept = [layouter.layout(doc.project, jmap)]
        for _ in range(6):
            random_edit(doc, jmap, rng)
            kept.append(layouter.layout(doc.project, jmap))
        doc.undo_stack.clear()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(lanes_, "span_lanes", anew)
            fresh = MapLayouter().layout(doc.project, jmap)
        assert_same(kept[-1], fresh, [f"seed {seed}"])


def test_a_kept_label_moves_when_a_card_comes_under_it() -> None:
    """A long connection keeps its plain route while cards move around it; its
    label is kept only while nothing changed where it was looked for: a card
    moved into the label's cell (its route the same) moves the label as in a
    fresh layout, and moved out again (undo) brings it back."""
    doc, jmap = _shape_project("current", 180)
    rng = random.Random(2)
    t = DEFAULT_THEME
    step_at = {s.id: i for i, s in enumerate(jmap.steps())}
    steps = jmap.steps()
    cards = [c for c in jmap.cards if c.step in step_at]
    ends: set[str] = set()
    for _ in range(30):
        a, b = rng.sample(cards, 2)
        if abs(step_at[a.step] - step_at[b.step]) >= 12:
            jmap.connections.append(Connection(source=a.id, target=b.id, label="a long label"))
            ends |= {a.id, b.id}
    labelled = [c for c in jmap.connections if c.label]
    assert len(labelled) >= 5
    movable = [c for c in cards if c.id not in ends]
    layouter = MapLayouter()
    moved_labels = 0
    for conn in labelled:
        layout = layouter.layout(doc.project, jmap)
        item = next(i for i in layout.items if i.element == conn.id)
        boxes = [p for p in item.primitives if isinstance(p, Box)]
        if not boxes:
            continue
        rect = boxes[0].rect
        cx, cy = rect.x + rect.w / 2, rect.y + rect.h / 2
        step = int((cx - t.margin - t.lane_header_width) // t.column_width)
        lane = next(
            (
                i.element
                for i in layout.items
                if i.kind == "lane" and i.bounds.y <= cy < i.bounds.bottom
            ),
            None,
        )
        if lane is None or not 0 <= step < len(steps):
            continue
        card = rng.choice(movable)
        verbs.move_cards(doc, jmap, [card.id], steps[step].id, lane, rng.choice([0, 99]))
        kept = layouter.layout(doc.project, jmap)
        assert_same(kept, MapLayouter().layout(doc.project, jmap), [conn.id])
        after = next(i for i in kept.items if i.element == conn.id)
        if after.primitives[0] == item.primitives[0] and after.primitives != item.primitives:
            moved_labels += 1  # the same route, the label elsewhere
        # and back: the card gone from the place the label first tried
        doc.undo_stack.undo()
        kept = layouter.layout(doc.project, jmap)
        assert_same(kept, MapLayouter().layout(doc.project, jmap), [conn.id, "undo"])
        doc.undo_stack.redo()
    doc.undo_stack.clear()
    assert moved_labels >= 1


def test_cards_only_renumbered_keep_their_items() -> None:
    """A move renumbers the ``order`` of the cards of the cells it touches; a
    card whose box, face, comments and measure stay the same keeps its very
    Item (its drawing does not show the order: the canvas passes over it),
    and the layout equals a fresh one."""
    doc, jmap = make_project(4)
    steps = jmap.steps()
    lanes = [lane for lane in jmap.lanes if lane.display == "cards"]
    step, lane = steps[1].id, lanes[0].id
    for n in range(6):  # a cell numbered with gaps, as a file may have it
        jmap.cards.append(Card(step=step, lane=lane, order=10 * n + 5, title=f"gap {n}"))
    layouter = MapLayouter()
    before = {i.element: i for i in layouter.layout(doc.project, jmap).items if i.kind == "card"}
    cell = sorted(
        (c for c in jmap.cards if c.step == step and c.lane == lane), key=lambda c: c.order
    )
    mover = next(c for c in jmap.cards if c.step != step)
    verbs.move_cards(doc, jmap, [mover.id], step, lane, len(cell))  # to the cell's end
    kept = layouter.layout(doc.project, jmap)
    assert_same(kept, MapLayouter().layout(doc.project, jmap), ["renumbered"])
    after = {i.element: i for i in kept.items if i.kind == "card"}
    renumbered = [c for c in cell if c.order != before[c.id].drawn_from[0][0][3]]  # type: ignore[index]
    assert len(renumbered) >= 5
    assert all(after[c.id] is before[c.id] for c in renumbered)
    verbs.edit_card_title(doc, cell[0], "Another title")  # the face changed: drawn again
    again = layouter.layout(doc.project, jmap)
    assert_same(again, MapLayouter().layout(doc.project, jmap), ["renumbered", "title"])
    doc.undo_stack.clear()
