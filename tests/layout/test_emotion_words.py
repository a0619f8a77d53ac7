"""Emotion words never overlap each other, a curve point or a curve line
(issue #18: on the sample's future-state map "Confident" and "Engaged" printed
on top of each other), on every template in both languages and on a crowded
generated lane; a word with no free place is reported, not overprinted.

The geometry is read back from the layout's primitives (the glyph box of each
word as drawn, the markers, the curves' Bézier paths sampled finely here), not
from the placement code's own bookkeeping.
"""

from __future__ import annotations

import random
import uuid

import pytest

from journeydesk import templates
from journeydesk.layout.engine import layout_map
from journeydesk.layout.fonts import metrics
from journeydesk.layout.primitives import MapLayout, Path, Rect, Text
from journeydesk.model import CurvePoint, EmotionCurve, Project

CASES = [
    (key, lang)
    for key in ("sample", "day-in-the-life", "service-blueprint", "blank")
    for lang in ("en", "it")
]


def word_boxes(layout: MapLayout) -> list[tuple[str, Rect]]:
    out = []
    for item in layout.items:
        if item.kind != "curve_point":
            continue
        for p in item.primitives:
            if isinstance(p, Text):
                m = metrics(p.face)
                w = m.width(p.lines[0], p.size)
                cx = p.x + p.width / 2
                out.append((p.lines[0], Rect(cx - w / 2, p.y, w, (m.ascent + m.descent) * p.size)))
    return out


def markers(layout: MapLayout) -> list[Rect]:
    return [i.bounds for i in layout.items if i.kind == "curve_point"]


def curve_samples(layout: MapLayout, steps: int = 64) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for item in layout.items:
        if item.kind != "curve":
            continue
        for p in item.primitives:
            if not isinstance(p, Path):
                continue
            last = (0.0, 0.0)
            for op in p.ops:
                if op[0] in ("M", "L"):
                    last = (op[1], op[2])  # type: ignore[misc]
                    out.append(last)
                elif op[0] == "C":
                    x1, y1, x2, y2, x3, y3 = op[1:]  # type: ignore[misc]
                    x0, y0 = last
                    for i in range(steps + 1):
                        t = i / steps
                        u = 1 - t
                        out.append(
                            (
                                u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                                u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
                            )
                        )
                    last = (x3, y3)
    return out


def overlaps(layout: MapLayout) -> list[str]:
    """Every clash of a word with another word, a point or a curve, described."""
    words = word_boxes(layout)
    found = []
    for i, (a, ra) in enumerate(words):
        for b, rb in words[i + 1 :]:
            if ra.intersects(rb):
                found.append(f"{a!r} on {b!r}")
        for m in markers(layout):
            if ra.intersects(m):
                found.append(f"{a!r} on a point at {m}")
        for x, y in curve_samples(layout):
            # the line is 2 pt wide: its half-width counts
            if ra.x - 1 < x < ra.right + 1 and ra.y - 1 < y < ra.bottom + 1:
                found.append(f"{a!r} on a curve at ({x:.0f}, {y:.0f})")
                break
    return found


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_no_emotion_word_overlaps_a_word_a_point_or_a_curve(key: str, lang: str) -> None:
    project = templates.new_project(key, lang)
    for jmap in project.maps:
        layout = layout_map(project, jmap)
        assert overlaps(layout) == [], jmap.name
        # and every word is shown: none had to be left out
        shown = {w for w, _ in word_boxes(layout)}
        wanted = {p.emotion or p.label for c in jmap.curves for p in c.points} - {""}
        assert wanted <= shown, jmap.name


@pytest.mark.parametrize(("key", "lang"), CASES)
def test_each_word_is_in_its_lane_beside_its_point(key: str, lang: str) -> None:
    """A word's box lies inside its curve's lane and within two lines of its
    point (the words are placed from a lane top at 0 and moved to the lane's
    top: ``curves.curve``)."""
    project = templates.new_project(key, lang)
    for jmap in project.maps:
        layout = layout_map(project, jmap)
        curve_lanes = {lane.id for lane in jmap.lanes if lane.display == "curve"}
        lanes = [i.bounds for i in layout.items if i.kind == "lane" and i.element in curve_lanes]
        for item in layout.items:
            if item.kind != "curve_point":
                continue
            lane = next(r for r in lanes if r.y <= item.bounds.y <= r.bottom)
            for p in item.primitives:
                if isinstance(p, Text):
                    assert lane.y <= p.y and p.y + p.height <= lane.bottom, jmap.name
                    point = item.bounds
                    assert point.y - 2 * p.height - 8 <= p.y <= point.bottom + p.height + 8


def test_the_sample_future_state_words_are_apart() -> None:
    """The case of the issue, by name."""
    project = templates.new_project("sample", "en")
    for jmap in project.maps:
        boxes = [
            r for w, r in word_boxes(layout_map(project, jmap)) if w in ("Confident", "Engaged")
        ]
        for i, a in enumerate(boxes):
            assert not any(a.intersects(b) for b in boxes[i + 1 :])


def _crowded(project: Project, seed: int) -> Project:
    """The sample's first map with three curves of random scores on every step."""
    rng = random.Random(seed)
    jmap = project.maps[0]
    lane = next(lane for lane in jmap.lanes if lane.display == "curve")
    steps = jmap.steps()
    jmap.curves = [
        EmotionCurve(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            lane=lane.id,
            points=[
                CurvePoint(
                    id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    step=s.id,
                    score=rng.choice((-2, -1, 0, 1, 2, rng.uniform(-2, 2))),
                    emotion=rng.choice(("Worried", "Relieved", "Overwhelmed", "Calm", "Ok")),
                )
                for i, s in enumerate(steps)
            ],
        )
        for k in range(3)
    ]
    return project


@pytest.mark.parametrize("seed", range(4))
def test_a_crowded_lane_never_overprints(seed: int) -> None:
    project = _crowded(templates.new_project("sample", "en"), seed)
    jmap = project.maps[0]
    layout = layout_map(project, jmap)
    assert overlaps(layout) == []
    shown = len(word_boxes(layout))
    left_out = [o for o in layout.overflows if o.field == "emotion"]
    total = sum(len(c.points) for c in jmap.curves)
    # every word is either drawn or reported as left out, and most are drawn
    assert shown + len(left_out) >= total
    assert shown >= total // 2


def test_free_space_sees_rects_and_segments_only_nearby() -> None:
    from journeydesk.layout.placement import FreeSpace, segment_hits_rect

    space = FreeSpace(cell=10.0)
    space.add_rect(Rect(0, 0, 5, 5))
    space.add_polyline([(100.0, 0.0), (200.0, 100.0)])
    assert not space.is_free(Rect(4, 4, 3, 3))
    assert space.is_free(Rect(5, 5, 3, 3))  # touching is not overlapping
    assert not space.is_free(Rect(148, 48, 4, 4))  # on the diagonal
    assert space.is_free(Rect(160, 20, 10, 10))  # above it, inside its bounding box
    assert segment_hits_rect((0.0, 0.0), (10.0, 0.0), Rect(4, -1, 2, 2))
    assert not segment_hits_rect((0.0, 0.0), (3.0, 0.0), Rect(4, -1, 2, 2))
