"""Cards moved to other cells, redrawn with the window's hint: a lane's plan kept
(layout/cells.py), the cards by lane and the lanes and channels in use counted
rather than walked (layout/mapcards.py), the overlays' starter questions from
those counts. After random moves, titles, channels, undo and redo on the three
bench shapes the scene must show what a fresh scene of the model shows: every
item's Item and drawing, the overflows, the starter questions, the pixels.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hints import Hints
from modules import load

from journeydesk import templates
from journeydesk.canvas.scene import MapScene
from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.model.project import Card, JourneyMap

_HERE = Path(__file__).parent
SCENE_TESTS = load(_HERE / "test_scene_incremental.py", "scene_incremental_cells")
SHIFT_SCENE = load(_HERE / "test_scene_lane_shift.py", "scene_lane_shift_cells")
MOVES = load(_HERE.parent / "layout" / "test_cell_moves.py", "cell_moves_edits")


def _starters(scene: MapScene) -> dict[str, str]:
    return {i.data(1): i.text() for i in scene.overlays.of_kind("starter")}  # type: ignore[attr-defined]


def _redrawn(doc: Document, jmap: JourneyMap, scene: MapScene, history: list[str]):  # type: ignore[no-untyped-def]
    """The window's redraw: the hint from each change, then the checks."""

    hints = Hints(doc, jmap)

    def redraw(change: object) -> None:
        hint = hints.after(change)
        scene.show_map(doc.project, jmap, hint=hint)
        fresh = MapScene()
        fresh.show_map(doc.project, jmap)
        assert fresh.layout is not None and scene.layout is not None
        assert SCENE_TESTS._shown(scene) == SCENE_TESTS._expected(scene, fresh.layout), history
        assert scene.layout.overflows == fresh.layout.overflows, history
        assert _starters(scene) == _starters(fresh), history

    return redraw


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_a_scene_after_random_moves_equals_a_fresh_one(qapp: object, shape: str) -> None:
    doc, jmap = MOVES.shape_project(shape, 200 if shape != "wide" else 150)
    rng = random.Random(f"{shape}-cells")
    scene = MapScene()
    history: list[str] = []
    redraw = _redrawn(doc, jmap, scene, history)
    redraw(None)
    doc.changed.connect(redraw)
    try:
        for _ in range(18 if shape != "wide" else 10):
            history.append(MOVES.move_edit(doc, jmap, rng))
    finally:
        doc.changed.disconnect(redraw)
    assert scene.layouter.celled > 4
    assert scene.layouter._map_cards.kept > 4
    fresh = MapScene()
    fresh.show_map(doc.project, jmap)
    assert SHIFT_SCENE._picture(scene) == SHIFT_SCENE._picture(fresh)
    doc.undo_stack.clear()


def test_a_lane_emptied_by_a_move_asks_its_question(qapp: object) -> None:
    """The last card of a lane moved to another lane: the emptied lane shows
    its starter question, the other loses its own, from the counted lanes;
    undone, back as before."""
    project = templates.new_project("blank", "en")
    jmap = project.maps[0]
    lanes = {lane.kind: lane.id for lane in jmap.lanes}
    steps = jmap.steps()
    for n, step in enumerate(steps[:3]):
        jmap.cards.append(Card(step=step.id, lane=lanes["actions"], order=n, title=f"Do {n}"))
    lone = Card(step=steps[0].id, lane=lanes["thoughts"], title="Hmm")
    jmap.cards.append(lone)
    doc = Document(project, None)
    scene = MapScene()
    history: list[str] = []
    redraw = _redrawn(doc, jmap, scene, history)
    redraw(None)
    doc.changed.connect(redraw)
    try:
        verbs.edit_card_title(doc, lone, "Hmm, well")  # (the first hinted pass walks)
        before = _starters(scene)
        assert lanes["thoughts"] not in before and lanes["touchpoints"] in before
        kept = scene.layouter._map_cards.kept
        verbs.move_cards(doc, jmap, [lone.id], steps[1].id, lanes["touchpoints"], 0)
        assert scene.layout is not None and scene.layout.card_lanes is not None  # counted
        assert scene.layouter._map_cards.kept == kept + 1  # (not walked)
        after = _starters(scene)
        assert lanes["thoughts"] in after and lanes["touchpoints"] not in after
        doc.undo_stack.undo()
        assert _starters(scene) == before
    finally:
        doc.changed.disconnect(redraw)
        doc.undo_stack.clear()
