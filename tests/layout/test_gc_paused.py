"""The layout and the canvas scene are built with the cyclic garbage collector
paused (journeydesk.io.heap): its walks of the whole heap were the part of
both that grew faster than the map (bench/bench_growth.py). It is back on
after, also when the block fails, and a nested pause does not turn it on."""

from __future__ import annotations

import gc

import pytest

from journeydesk import templates
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
