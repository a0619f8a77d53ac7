"""Cards' drawings made on first use equal drawings made as the card is laid out.

``MapLayouter`` gives each card's ``Item`` a ``make`` instead of primitives
(layout/primitives.py ``Item``): a 5,000-card map opens with a few dozen cards
on screen and Qt paints only those. Every consumer still reads
``item.primitives``; these tests hold the lazy drawings to eager ones on
generated maps of every shape and on the sample, also when the model was
edited in place before a drawing was made.
"""

from __future__ import annotations

import pytest

from journeydesk import templates
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import Box, Item, MapLayout, Rect
from journeydesk.model.project import Project

SHAPES = ("current", "wide", "dense")


def _project(shape: str) -> Project:
    if shape == "sample":
        return templates.new_project("sample", "en")
    from bench_shapes import make_shape

    project: Project = make_shape(shape, 300)
    return project


def _layout(project: Project, lazy: bool) -> MapLayout:
    layouter = MapLayouter()
    layouter.lazy = lazy
    return layouter.layout(project, project.maps[0])


def _drawn(layout: MapLayout) -> list[tuple[object, ...]]:
    """Every item as plain values, its primitives made."""
    return [(i.kind, i.element, i.bounds, i.z, list(i.primitives)) for i in layout.items]


@pytest.mark.parametrize("shape", [*SHAPES, "sample"])
def test_lazy_drawings_equal_eager_ones(shape: str) -> None:
    project = _project(shape)
    lazy = _layout(project, True)
    cards = [i for i in lazy.items if i.kind == "card"]
    assert cards and not any(i.made for i in cards)  # nothing drawn yet
    eager = _layout(project, False)
    assert all(i.made for i in eager.items)
    assert lazy.overflows == eager.overflows  # complete before any drawing
    assert _drawn(lazy) == _drawn(eager)
    assert lazy.missing_glyphs() == eager.missing_glyphs()


@pytest.mark.parametrize("shape", ["current", "sample"])
def test_a_card_edited_in_place_after_the_layout_is_drawn_as_laid_out(shape: str) -> None:
    """The drawing is made from the card as it was laid out, not as it is when
    first read (commands change the model in place)."""
    project = _project(shape)
    lazy = _layout(project, True)
    eager = _layout(project, False)
    for card in project.maps[0].cards:
        card.title = "changed " + card.title
        card.body = ""
        card.sentiment = None
        card.channel = None
        card.evidence.clear()
        card.scores.clear()
        card.links.clear()
    assert _drawn(lazy) == _drawn(eager)


def test_item_equality_needs_no_drawing_when_drawn_from_the_same() -> None:
    made: list[int] = []

    def make() -> list[Box]:
        made.append(1)
        return [Box(Rect(0, 0, 1, 1))]

    box = Rect(0, 0, 10, 10)
    a = Item("card", "c", box, 1.0, make=make, drawn_from=("state", box))
    b = Item("card", "c", box, 1.0, make=make, drawn_from=("state", box))
    assert a == b and made == []
    moved = Item("card", "c", Rect(5, 0, 10, 10), 1.0, make=make, drawn_from=("state", 2))
    assert a != moved and made == []  # bounds differ: no drawing either
    other = Item("card", "c", box, 1.0, make=make, drawn_from=("other", box))
    assert a == other and len(made) == 2  # compared by their drawings
    assert a != Item("card", "c", box, 1.0, [Box(Rect(0, 0, 2, 1))])
    assert Item("card", "c", box, 1.0).primitives == []
