"""Laying out and drawing a big map runs no cyclic garbage collection (#14: on
opening a 5,000-card map the collector walked the project's objects again and
again, a third of the layout's time); it runs again afterwards."""

from __future__ import annotations

import gc

import pytest

from journeydesk.canvas.scene import MapScene


@pytest.mark.usefixtures("qapp")
def test_showing_a_big_map_runs_no_collection() -> None:
    from bench_shapes import make_shape

    project = make_shape("current", 1500)
    scene = MapScene()
    collections: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(seen)
    try:
        scene.show_map(project, project.maps[0])
        # (at most the one that comes as the collector is switched on again)
        assert len(collections) <= 1, "the collector ran while the map was laid out"
        assert len(scene.items()) > 1500
        assert gc.isenabled(), "the collector was left off"
        before = len(collections)
        gc.collect(0)
        assert len(collections) == before + 1
    finally:
        gc.callbacks.remove(seen)
