"""A stage slide's context strip: the whole map when it is short, else the stage
and its neighbours up to ``STRIP_STEPS`` steps; laid out without the cards."""

from __future__ import annotations

import random

import pytest
from bench_shapes import make_shape
from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk import templates
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.storyline.scenes import scenes_for
from journeydesk.layout.storyline.slide import STRIP_STEPS, strip_stages
from journeydesk.layout.storyline.slides import slide_layout
from journeydesk.model.project import Stage, Step


def stages_of(sizes: list[int]) -> list[Stage]:
    return [
        Stage(name=f"S{i}", steps=[Step(name=f"s{i}.{j}") for j in range(n)])
        for i, n in enumerate(sizes)
    ]


@settings(deadline=None, max_examples=150)
@given(st.lists(st.integers(1, 20), min_size=1, max_size=40), st.data())
def test_the_window_holds_the_stage_and_as_many_neighbours_as_fit(
    sizes: list[int], data: st.DataObject
) -> None:
    stages = stages_of(sizes)
    at = data.draw(st.integers(0, len(stages) - 1))
    shown = strip_stages(stages, stages[at])
    assert strip_stages(stages, None) is stages  # the closing slide: the whole map
    if sum(sizes) <= STRIP_STEPS:
        assert shown is stages
        return
    lo = stages.index(shown[0])
    assert shown == stages[lo : lo + len(shown)]  # a run of neighbours
    assert stages[at] in shown
    steps = sum(len(s.steps) for s in shown)
    assert steps <= max(STRIP_STEPS, len(stages[at].steps))
    hi = lo + len(shown)
    for side in (lo - 1, hi):  # neither neighbour fits beside them
        if 0 <= side < len(stages):
            assert steps + len(stages[side].steps) > STRIP_STEPS


def test_a_stage_alone_wider_than_the_window_is_shown_alone() -> None:
    stages = stages_of([3, STRIP_STEPS + 5, 3])
    assert strip_stages(stages, stages[1]) == [stages[1]]


@pytest.mark.parametrize("shape", ["current", "wide"])
def test_the_curve_lanes_are_laid_out_the_same_without_the_cards(shape: str) -> None:
    """The strip shows the curve lanes only: dropping the cards and connections
    (the layout walked them for every slide) changes nothing drawn."""
    project = make_shape(shape, 600)
    jmap = project.maps[0]
    curve_lanes = frozenset(lane.id for lane in jmap.lanes if lane.display == "curve")
    assert curve_lanes and jmap.connections and jmap.curves
    options = LayoutOptions(lanes=curve_lanes, title_block=False, legend=False, comments=False)
    whole = MapLayouter().layout(project, jmap, options)
    bare = jmap.model_copy(update={"cards": [], "connections": []})
    alone = MapLayouter().layout(project, bare, options)
    assert (whole.width, whole.height) == (alone.width, alone.height)
    assert [(i.kind, i.element, i.bounds, i.primitives) for i in whole.sorted_items()] == [
        (i.kind, i.element, i.bounds, i.primitives) for i in alone.sorted_items()
    ]


def test_a_wide_maps_stage_slides_show_a_legible_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each strip is laid out from the window's stages, without the cards: a
    slide's cost does not grow with the map."""
    from journeydesk.layout.storyline import slide as slide_module

    laid_out: list[tuple[int, int, int]] = []
    real = slide_module.MapLayouter.layout

    def counted(self, project, jmap, options=None):  # type: ignore[no-untyped-def]
        laid_out.append((len(jmap.steps()), len(jmap.cards), len(jmap.connections)))
        return real(self, project, jmap, options)

    monkeypatch.setattr(slide_module.MapLayouter, "layout", counted)
    project = make_shape("wide", 1200)
    jmap = project.maps[0]
    assert len(jmap.steps()) > 4 * STRIP_STEPS
    scenes = [s for s in scenes_for(project, jmap) if s.kind == "stage"]
    rng = random.Random(7)
    for scene in [scenes[0], scenes[-1], *rng.sample(scenes, 4)]:
        stage = next(s for s in jmap.stages if s.id == scene.stage)
        layout = slide_layout(project, jmap, scene, 1920, 1080)
        (strip,) = [i for i in layout.items if i.kind == "context"]
        (frame,) = [i for i in layout.items if i.kind == "context_stage"]
        assert frame.element == stage.id
        assert strip.bounds.h > 100  # not a hairline: ~160 px at 1080p, as the sample's
        assert frame.bounds.w > 1920 / (STRIP_STEPS + 1) * len(stage.steps) * 0.5
    assert len(laid_out) == 6
    assert all(steps <= STRIP_STEPS and cards == links == 0 for steps, cards, links in laid_out)


def test_short_maps_keep_their_whole_strip() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    assert len(jmap.steps()) <= STRIP_STEPS
    for stage in jmap.stages:
        assert strip_stages(jmap.stages, stage) is jmap.stages
