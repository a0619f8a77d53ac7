"""Curve lanes drawn on first use equal curve lanes drawn as they are laid out.

``MapLayouter`` gives a curve lane's curve and point Items a ``make`` (as it
does cards: layout/curves.py ``curve``); the points' words are still placed
during the layout (the connections are routed around them, and the overflows
are complete right after it), and ``connections.emotion_marks`` reads a word's
box from the point's ``drawn_from`` without drawing it. These tests hold the
lazy lanes to the eager path (``lazy = False``) on generated maps of every
shape and on the sample, after random edits made with one layouter kept across
them, with a second curve lane, with words that are cut or find no place, and
when the model is edited in place before anything is drawn.
"""

from __future__ import annotations

import random

import pytest

from journeydesk import templates
from journeydesk.layout.connections import emotion_marks
from journeydesk.layout.engine import MapLayouter
from journeydesk.layout.primitives import MapLayout
from journeydesk.model.base import new_id
from journeydesk.model.project import CurvePoint, EmotionCurve, Lane, Project

SHAPES = ("current", "wide", "dense")
CURVE_KINDS = ("curve", "curve_point")


def _project(shape: str, n: int = 200) -> Project:
    if shape == "sample":
        return templates.new_project("sample", "en")
    from bench_shapes import make_shape

    project: Project = make_shape(shape, n)
    return project


def _layout(project: Project, lazy: bool, layouter: MapLayouter | None = None) -> MapLayout:
    layouter = layouter or MapLayouter()
    layouter.lazy = lazy
    return layouter.layout(project, project.maps[0])


def _drawn(layout: MapLayout) -> list[tuple[object, ...]]:
    """Every item as plain values, its primitives made."""
    return [(i.kind, i.element, i.bounds, i.z, list(i.primitives)) for i in layout.items]


def _emotion_overflows(layout: MapLayout) -> int:
    return sum(o.field == "emotion" for o in layout.overflows)


def _crowd(project: Project, rng: random.Random) -> None:
    """Long words (cut) and many points in a few columns (words with no place)."""
    jmap = project.maps[0]
    steps = jmap.steps()
    curve = jmap.curves[0]
    for p in curve.points[:3]:
        p.emotion = "una emozione davvero molto lunga che non entra nella colonna"
    for _ in range(12):
        curve.points.append(
            CurvePoint(
                id=new_id(),
                step=steps[0].id,
                offset=rng.random(),
                score=round(rng.uniform(-2, 2), 2),
                emotion=rng.choice(("curiosa", "confusa", "felice", "")),
                label="",
            )
        )


@pytest.mark.parametrize("shape", [*SHAPES, "sample"])
def test_lazy_curve_lanes_equal_eager_ones(shape: str) -> None:
    project = _project(shape)
    _crowd(project, random.Random(1))
    lazy = _layout(project, True)
    curves = [i for i in lazy.items if i.kind in CURVE_KINDS]
    # nothing drawn yet, though the connections were routed around the words
    assert curves and not any(i.made for i in curves)
    eager = _layout(project, False)
    assert all(i.made for i in eager.items)
    assert _emotion_overflows(eager) >= 3  # cut ones, and (crowded) unplaced ones
    assert lazy.overflows == eager.overflows  # complete before any drawing
    marks = emotion_marks(lazy.items)
    assert not any(i.made for i in curves)
    assert marks == emotion_marks(eager.items)
    assert _drawn(lazy) == _drawn(eager)
    assert lazy.missing_glyphs() == eager.missing_glyphs()


def _random_edit(project: Project, rng: random.Random) -> None:
    """An edit of what a curve lane draws (or of what is around it), in place
    as the commands make them."""
    jmap = project.maps[0]
    steps = jmap.steps()
    curve = rng.choice(jmap.curves)
    what = rng.randrange(9)
    if what == 0 and curve.points:
        rng.choice(curve.points).emotion = rng.choice(
            ("", "felice", "arrabbiata e delusa dal servizio ricevuto oggi")
        )
    elif what == 1 and curve.points:
        rng.choice(curve.points).score = rng.choice([-2, -1, 0, 1, 2])
    elif what == 2 and curve.points:
        p = rng.choice(curve.points)
        p.step, p.offset = rng.choice(steps).id, rng.random()
    elif what == 3:
        curve.points.append(
            CurvePoint(
                id=new_id(), step=rng.choice(steps[:3]).id, score=1, emotion="curiosa", label="x"
            )
        )
    elif what == 4 and curve.points:
        curve.points.remove(rng.choice(curve.points))
    elif what == 5:
        curve.colour = rng.choice([None, "#AA3300"])
    elif what == 6:
        # a second curve lane with a curve of its own, or the curve moved there
        lanes = [lane for lane in jmap.lanes if lane.display == "curve"]
        if len(lanes) < 2:
            lane = Lane(id=new_id(), name="Seconda", kind="emotion", display="curve")
            jmap.lanes.insert(rng.randrange(len(jmap.lanes) + 1), lane)
            lanes.append(lane)
        curve.lane = rng.choice(lanes).id
    elif what == 7:
        jmap.curves.append(
            EmotionCurve(
                id=new_id(),
                label="nuova",
                points=[
                    CurvePoint(id=new_id(), step=s.id, score=0, emotion="confusa")
                    for s in steps[: rng.randint(1, 6)]
                ],
            )
        )
    else:
        # something else moves the lane: a step's name or a card's title
        card = rng.choice(jmap.cards)
        card.title = card.title + " e ancora altre parole per una riga in piu"


@pytest.mark.parametrize("shape", SHAPES)
def test_lazy_curve_lanes_after_random_edits_equal_a_fresh_eager_layout(shape: str) -> None:
    rng = random.Random(shape)
    project = _project(shape, 120)
    _crowd(project, rng)
    kept = MapLayouter()  # its curve lanes' Items kept across the edits
    for n in range(12):
        lazy = _layout(project, True, kept)
        if n % 3 == 1:  # some layouts never drawn nor asked for their overflows
            _random_edit(project, rng)
            continue
        eager = _layout(project, False)
        assert lazy.overflows == eager.overflows, n
        assert _drawn(lazy) == _drawn(eager), n
        _random_edit(project, rng)


def test_two_curve_lanes_put_their_overflows_in_the_eager_order() -> None:
    project = _project("current", 150)
    jmap = project.maps[0]
    second = Lane(id=new_id(), name="Seconda", kind="emotion", display="curve")
    jmap.lanes.insert(1, second)
    jmap.curves[1].lane = second.id
    for c in jmap.curves:
        for p in c.points[:2]:
            p.emotion = "una emozione davvero molto lunga che non entra nella colonna"
    lazy, eager = _layout(project, True), _layout(project, False)
    assert len({o.element for o in eager.overflows if o.field == "emotion"}) == 4
    assert lazy.overflows == eager.overflows
    assert _drawn(lazy) == _drawn(eager)


def test_a_curve_edited_in_place_after_the_layout_is_drawn_as_laid_out() -> None:
    """Commands change the model in place: a lane drawn after such an edit is
    drawn, and its overflows are, as the lane was laid out."""
    project = _project("wide", 150)
    _crowd(project, random.Random(2))
    lazy, eager = _layout(project, True), _layout(project, False)
    for c in project.maps[0].curves:
        c.colour = "#123456"
        c.scale.min, c.scale.max = -5, 5
        for p in c.points:
            p.emotion = "tutt'altra parola molto lunga che verrebbe tagliata"
            p.score = 0
    assert lazy.overflows == eager.overflows
    assert _drawn(lazy) == _drawn(eager)


# --- step headers, drawn on first use too (chrome.headers) ---------------


@pytest.mark.parametrize("shape", [*SHAPES, "sample"])
def test_lazy_step_headers_equal_eager_ones(shape: str) -> None:
    project = _project(shape)
    steps = project.maps[0].steps()
    steps[0].name = "Un passo dal nome lunghissimo che non sta su due righe della testata"
    steps[-1].name = "Precipitevolissimevolmente"  # one word wider than the column
    lazy, eager = _layout(project, True), _layout(project, False)
    headers = [i for i in lazy.items if i.kind == "step"]
    assert len(headers) == len(steps) and not any(i.made for i in headers)
    assert any(o.field == "name" and o.element == steps[0].id for o in eager.overflows)
    assert lazy.overflows == eager.overflows
    assert _drawn(lazy) == _drawn(eager)


def test_a_step_renamed_in_place_after_the_layout_is_drawn_as_laid_out() -> None:
    project = _project("wide", 120)
    kept = MapLayouter()
    lazy, eager = _layout(project, True, kept), _layout(project, False)
    for step in project.maps[0].steps():
        step.name = "tutt'altro nome, molto piu lungo di quello che aveva prima"
    assert _drawn(lazy) == _drawn(eager)
    # and the next layout (the headers' key changed) draws the new names
    again, fresh = _layout(project, True, kept), _layout(project, False)
    assert again.overflows == fresh.overflows
    assert _drawn(again) == _drawn(fresh)
