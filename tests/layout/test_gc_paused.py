"""The layout and the canvas scene are built with the cyclic garbage collector
paused (journeydesk.io.heap): its walks of the whole heap were the part of
both that grew faster than the map (bench/bench_growth.py). It is back on
after, also when the block fails, and a nested pause does not turn it on."""

from __future__ import annotations

import contextlib
import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from journeydesk import templates
from journeydesk.io import heap
from journeydesk.io.heap import gc_paused
from journeydesk.layout import connections
from journeydesk.layout.engine import MapLayouter


def test_gc_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not turn it back on
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def seen_inside(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector ran while the layout routed the connections."""
    seen: list[bool] = []
    inner = connections.connections

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return inner(*args, **kwargs)

    monkeypatch.setattr(connections, "connections", spy)
    return seen


def test_the_layout_runs_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = seen_inside(monkeypatch)
    project = templates.new_project("sample", "en")
    MapLayouter().layout(project, project.maps[0])
    assert seen == [False]
    assert gc.isenabled()


def test_the_scene_is_built_with_the_collector_paused(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.canvas import scene as scene_module

    seen: list[bool] = []
    inner = scene_module.ElementItem

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return inner(*args, **kwargs)

    monkeypatch.setattr(scene_module, "ElementItem", spy)
    project = templates.new_project("sample", "en")
    scene = scene_module.MapScene()
    scene.show_map(project, project.maps[0])
    assert seen and not any(seen)
    assert gc.isenabled()
    scene.clear()


@contextlib.contextmanager
def _nothing_frozen() -> Iterator[None]:
    """The heap as a fresh process has it (a window test may have frozen it)."""
    frozen = gc.get_freeze_count()
    if frozen:
        heap.thaw()
    try:
        yield
    finally:
        if frozen:
            heap.freeze()


def test_what_a_pause_made_is_not_walked_by_the_next_young_collection() -> None:
    """At the end of the block its survivors sit in the oldest generation and the
    young count starts from zero: the first allocation after it does not start a
    collection of everything the block made (io/heap.py)."""
    with _nothing_frozen():
        walks: list[int] = []

        def spy(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                walks.append(info["generation"])

        with gc_paused():
            kept = [[i] for i in range(50_000)]
        assert gc.get_count()[0] < gc.get_threshold()[0]
        gc.callbacks.append(spy)
        try:
            more = [[i] for i in range(100)]  # tracked allocations after the block
        finally:
            gc.callbacks.remove(spy)
        assert walks == []
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        assert id(kept[0]) in oldest and id(kept[-1]) in oldest
        assert id(more[0]) not in oldest
        # Cycles made inside the block are still found by a full collection.
        with gc_paused():
            cycle: list[object] = []
            cycle.append(cycle)
            probe = weakref_to(cycle)
            del cycle
        assert probe() is not None
        gc.collect()
        assert probe() is None


def test_a_frozen_heap_stays_frozen_across_a_pause() -> None:
    """The app freezes the heap after an open (ui.main_window.settle_heap): a
    later pause must not hand those objects back to the collector, and what
    the pause made joins them, so no young collection walks it after."""
    with _nothing_frozen():
        kept = [[i] for i in range(1000)]
        heap.freeze()
        try:
            frozen = gc.get_freeze_count()
            with gc_paused():
                made = [[i] for i in range(50_000)]
            assert gc.get_freeze_count() >= frozen + len(made)
            tracked = {id(x) for x in gc.get_objects()}
            assert all(id(o) not in tracked for o in [*kept[:3], made[0], made[-1]])
            assert gc.get_count()[0] < gc.get_threshold()[0]  # (no young walk is due)
        finally:
            heap.thaw()


class _Box:
    """A weak-referenceable holder (a list is not)."""

    def __init__(self, value: object) -> None:
        self.value = value


def weakref_to(value: list[object]) -> Any:
    box = _Box(value)
    value.append(box)  # the box is part of the cycle
    return weakref.ref(box)


def test_a_pause_does_not_count_the_frozen_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    """``gc.get_freeze_count()`` walks every frozen object (25 ms after each layout
    of a 20,000-card map once the app froze its heap): the block asks io.heap's
    own flag instead, in both states."""

    def counted() -> int:
        raise AssertionError("gc.get_freeze_count() walks the frozen heap")

    with _nothing_frozen():
        monkeypatch.setattr(gc, "get_freeze_count", counted)
        with gc_paused():
            made = [[i] for i in range(100)]
        heap.freeze()
        try:
            with gc_paused():
                made += [[i] for i in range(100)]
        finally:
            heap.thaw()
        monkeypatch.undo()
    assert len(made) == 200


def test_storyline_slides_are_laid_out_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A slide of a big map makes hundreds of thousands of objects: the
    collector's walks over the map made its time grow 2.8x when the cards
    doubled (bench_growth's slides phase)."""
    from journeydesk.layout.storyline import slides
    from journeydesk.layout.storyline.scenes import scenes_for

    seen: list[bool] = []
    inner = slides.stage_slide

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return inner(*args, **kwargs)

    monkeypatch.setattr(slides, "stage_slide", spy)
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    for scene in scenes_for(project, jmap):
        slides.slide_layout(project, jmap, scene, 480, 270)
    assert seen and not any(seen)
    assert gc.isenabled()
