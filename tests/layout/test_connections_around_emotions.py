"""Connections are routed around the emotion curves' points and words, and
their labels are kept off them (issue 18: an arrow over a point hid it)."""

from __future__ import annotations

import random

import pytest

from journeydesk import templates
from journeydesk.layout.engine import layout_map
from journeydesk.layout.fonts import metrics
from journeydesk.layout.primitives import Box, Line, Rect, Text
from journeydesk.layout.routing import route_clear
from journeydesk.model.project import Connection


def _marks(items) -> list[Rect]:  # type: ignore[no-untyped-def]
    """Points and the ink of their words, measured here, not by the code under test."""
    out = []
    for item in items:
        if item.kind != "curve_point":
            continue
        out.append(item.bounds)
        for prim in item.primitives:
            if isinstance(prim, Text) and prim.lines:
                w = max(metrics(prim.face).width(line, prim.size) for line in prim.lines)
                out.append(Rect(prim.x + (prim.width - w) / 2, prim.y, w, prim.height))
    return out


@pytest.mark.parametrize("adjacent", [False, True])
def test_connections_across_the_emotion_lane_miss_its_points_and_words(adjacent: bool) -> None:
    """Random connections between the lanes above and below the emotion lane
    (all of them, or only its two neighbours, in both directions)."""
    project = templates.new_project("sample", "en")
    jmap = project.maps[1]
    k = next(i for i, lane in enumerate(jmap.lanes) if lane.display == "curve")
    lanes = jmap.lanes
    above = {lanes[k - 1].id} if adjacent else {lane.id for lane in lanes[:k]}
    below = {lanes[k + 1].id} if adjacent else {lane.id for lane in lanes[k + 1 :]}
    tops = [c for c in jmap.cards if c.lane in above]
    bottoms = [c for c in jmap.cards if c.lane in below]
    rng = random.Random(1)
    jmap.connections.clear()
    for _ in range(60):
        a, b = rng.choice(tops), rng.choice(bottoms)
        if rng.random() < 0.5:
            a, b = b, a
        jmap.connections.append(Connection(source=a.id, target=b.id, label="handoff"))
    layout = layout_map(project, jmap)
    marks = _marks(layout.items)
    assert len(marks) > 20  # the future-state map has points with words
    drawn = [i for i in layout.items if i.kind == "connection"]
    assert len(drawn) == 60
    for item in drawn:
        line = next(p for p in item.primitives if isinstance(p, Line))
        assert route_clear(line.points, marks), item.element
        for box in (p for p in item.primitives if isinstance(p, Box)):
            assert not any(box.rect.intersects(r) for r in marks)
