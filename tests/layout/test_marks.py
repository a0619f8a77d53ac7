"""Comparison marks come from the layout (a LayoutOptions field), drawn once."""

from __future__ import annotations

import pytest

from journeydesk import templates
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.marks import MARK_COLOURS
from journeydesk.layout.primitives import Box, Text

pytestmark = pytest.mark.timeout(30)


def test_marks_frame_and_badge_the_marked_elements_only() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    added, changed = jmap.cards[0].id, jmap.cards[1].id
    stage = jmap.stages[0].id
    layouter = MapLayouter()
    plain = layouter.layout(project, jmap)
    assert not [i for i in plain.items if i.kind == "mark"]
    options = LayoutOptions(marks=((added, "added"), (changed, "changed"), (stage, "moved")))
    marked = layouter.layout(project, jmap, options)
    marks = [i for i in marked.items if i.kind == "mark"]
    assert len(marks) == 3
    boxes = {i.element: i.bounds for i in marked.items if i.kind in ("card", "stage")}
    for element, kind in ((added, "added"), (changed, "changed"), (stage, "moved")):
        colour = MARK_COLOURS[kind]
        (mark,) = [
            m for m in marks if any(isinstance(p, Box) and p.stroke == colour for p in m.primitives)
        ]
        frame = next(p for p in mark.primitives if isinstance(p, Box))
        card = boxes[element]
        assert frame.rect.x < card.x and frame.rect.right > card.right
        glyph = next(p for p in mark.primitives if isinstance(p, Text))
        assert glyph.lines == ({"added": "+", "changed": "~", "moved": ">"}[kind],)
    # the rest of the drawing is unchanged
    assert [i for i in marked.items if i.kind != "mark"] == plain.items


@pytest.mark.parametrize("shape", ["current", "wide"])
def test_marks_follow_cards_whose_lane_only_moved(shape: str) -> None:
    """An edit that adds a line above marked cards moves their lanes; the
    layout leaves those cards' Items at their old places until it is read
    (layout/unsettled.py): their marks still frame where they are now, as a
    fresh layout's do (before round 10 they framed the old places)."""
    from pathlib import Path

    from hints import Hints
    from modules import load


    shift = load(Path(__file__).with_name("test_lane_shift.py"), "lane_shift_for_marks")
    doc, jmap = shift.shape_project(shape, 300)
    lanes = [lane.id for lane in jmap.lanes if lane.display == "cards"]
    marked = [c for c in jmap.cards if c.lane == lanes[-1]][:5]
    marked += [c for c in jmap.cards if c.lane == lanes[1]][:3]
    options = LayoutOptions(marks=tuple((c.id, "changed") for c in marked))
    layouter, hints = MapLayouter(), Hints(doc, jmap)
    first = layouter.layout(doc.project, jmap, options, hints.after(None))
    boxes = {i.element: i.bounds for i in first.items}
    card = shift.lowest_of_first_lane(jmap, boxes)
    for text in (shift.LONG * 3, "Short", shift.LONG * 2):
        change = shift.retitle(doc, card, text)
        after = layouter.layout(doc.project, jmap, options, hints.after(change))
        assert after.unsettled is not None  # (the lanes below only moved)
        now = [i for i in after.peek_items() if i.kind == "mark"]
        fresh = [
            i for i in MapLayouter().layout(doc.project, jmap, options).items if i.kind == "mark"
        ]
        assert len(now) == len(marked)
        assert [m.bounds for m in now] == [m.bounds for m in fresh]
        assert now == fresh
