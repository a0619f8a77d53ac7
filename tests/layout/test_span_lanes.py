"""A card spanning lanes stretches down through the empty cells below it, and
stops above a lane whose cell under it holds a card."""

from __future__ import annotations

from journeydesk import templates
from journeydesk.layout.engine import MapLayouter
from journeydesk.model import Card
from journeydesk.model.checks import check_project


def _box(layout, element_id):
    return next(i.bounds for i in layout.items if i.kind == "card" and i.element == element_id)


def _lane(layout, lane_id):
    return next(i.bounds for i in layout.items if i.kind == "lane" and i.element == lane_id)


def test_a_card_spans_down_through_empty_cells_and_stops_above_a_card():
    project = templates.new_project("blank", "en")
    jmap = project.maps[0]
    card_lanes = [lane for lane in jmap.lanes if lane.display == "cards"]
    touch, pain, opp = (next(ln for ln in card_lanes if ln.kind == k) for k in
                        ("touchpoints", "pain_points", "opportunities"))
    steps = jmap.steps()
    tall = Card(step=steps[0].id, lane=touch.id, kind="process", title="Order system",
                span_lanes=3)
    jmap.cards.append(tall)
    assert check_project(project) == []
    layout = MapLayouter().layout(project, jmap)
    box = _box(layout, tall.id)
    assert box.y < _lane(layout, touch.id).bottom
    # Down through pain points and opportunities: both cells are empty.
    padding = MapLayouter().theme.lane_padding
    assert abs(box.bottom - (_lane(layout, opp.id).bottom - padding)) < 0.01

    # A card in the pain point cell under it: the span stops in its own lane.
    blocker = Card(step=steps[0].id, lane=pain.id, kind="pain_point", title="Slow")
    jmap.cards.append(blocker)
    layout = MapLayouter().layout(project, jmap)
    box = _box(layout, tall.id)
    assert box.bottom <= _lane(layout, touch.id).bottom
    assert not box.intersects(_box(layout, blocker.id))

    # In another column the pain point does not block it.
    blocker.step = steps[1].id
    layout = MapLayouter().layout(project, jmap)
    assert _box(layout, tall.id).bottom > _lane(layout, pain.id).y


def test_nothing_covered_on_any_template_with_spans():
    """Every card of every template given span_lanes=2: no two card boxes overlap."""
    for key in templates.template_keys():
        project = templates.new_project(key, "en")
        for jmap in project.maps:
            lanes = [ln.id for ln in jmap.lanes]
            for card in jmap.cards:
                if lanes.index(card.lane) < len(lanes) - 1:
                    card.span_lanes = 2
            layout = MapLayouter().layout(project, jmap)
            boxes = [i.bounds for i in layout.items if i.kind == "card"]
            for a in range(len(boxes)):
                for b in range(a + 1, len(boxes)):
                    overlap = boxes[a].intersects(boxes[b])
                    assert not overlap, (key, jmap.name, boxes[a], boxes[b])
