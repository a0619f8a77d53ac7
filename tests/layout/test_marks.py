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
