"""The verbs: each edit is one undo step with a translated text, undo gives
back the same bytes, and widgets change the model only through them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage

from journeydesk import templates
from journeydesk.canvas.palette import Payload, drop
from journeydesk.canvas.placing import Place, place
from journeydesk.document import verbs, verbs_maps, verbs_story, verbs_structure
from journeydesk.document.document import Document
from journeydesk.io import dump_bytes
from journeydesk.layout.engine import layout_map
from journeydesk.model import Asset, Card, Owner, Scene, Team, check_project
from journeydesk.model.images import encode_image
from journeydesk.ui.i18n import install_translators

PACKAGE = Path(__file__).resolve().parents[2] / "journeydesk"


@pytest.fixture
def doc(qapp) -> Document:  # type: ignore[no-untyped-def]
    return Document(templates.new_project("sample", "en"))


@pytest.fixture
def italian(qapp):  # type: ignore[no-untyped-def]
    installed = install_translators(qapp, "it")
    assert installed, "the Italian .qm did not load"
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def _one_step(doc: Document, before: bytes) -> None:
    """One undo step was pushed; the project checks clean; undo restores it."""
    assert doc.undo_stack.count() == 1
    assert check_project(doc.project) == []
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == before


def _asset() -> Asset:
    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    info, encoded = encode_image(bytes(data.data()))
    return Asset(name="a.png", type=info.type, width=info.width, height=info.height, data=encoded)


def test_add_stage_step_lane_are_one_step_each(doc: Document) -> None:
    jmap = doc.project.maps[0]
    before = dump_bytes(doc.project)
    n = len(jmap.stages)
    verbs_structure.add_stage(doc, jmap, 1)
    assert len(jmap.stages) == n + 1 and jmap.stages[1].name == "New stage"
    assert [s.name for s in jmap.stages[1].steps] == ["New step"]
    assert doc.undo_stack.undoText() == "Add stage"
    _one_step(doc, before)

    doc.undo_stack.clear()
    verbs_structure.add_step(doc, jmap.stages[0], 0)
    assert jmap.stages[0].steps[0].name == "New step"
    _one_step(doc, before)

    doc.undo_stack.clear()
    verbs_structure.add_lane(doc, jmap, "emotion", 0)
    assert jmap.lanes[0].display == "curve"
    _one_step(doc, before)


def test_the_palette_drop_and_the_keyboard_place_add_a_stage_the_same_way(doc: Document) -> None:
    """Add stage was written twice (drop and placing): both now end in one verb."""
    jmap = doc.project.maps[0]
    layout = layout_map(doc.project, jmap)
    stage = jmap.stages[0]
    step = stage.steps[0]
    command, why = place(doc, jmap, Payload("stage"), Place(step.id, None))
    assert command is not None and why == ""
    by_keys = jmap.stages[1]
    doc.undo_stack.undo()
    header = next(i for i in layout.items if i.kind == "stage" and i.element == stage.id)
    b = header.bounds
    dropped = drop(doc, jmap, Payload("stage"), None, layout, b.x + b.w - 2, b.y + 2)
    assert dropped is not None
    by_drop = jmap.stages[1]
    assert (by_keys.name, [s.name for s in by_keys.steps]) == (
        by_drop.name,
        [s.name for s in by_drop.steps],
    )
    assert doc.undo_stack.undoText() == "Add stage"


def test_undo_texts_are_translated(doc: Document, italian: None) -> None:
    jmap = doc.project.maps[0]
    verbs_structure.add_stage(doc, jmap)
    assert doc.undo_stack.undoText() == "Aggiungi fase"
    card = jmap.cards[0]
    verbs.remove(doc, [card.id])
    assert doc.undo_stack.undoText().startswith("Elimina scheda '")
    cards = [c.id for c in jmap.cards[:2]]
    verbs.cut_cards(doc, cards)
    assert doc.undo_stack.undoText() == "Taglia 2 schede"
    point = next(p for c in jmap.curves for p in c.points)
    verbs.remove(doc, [point.id])
    assert doc.undo_stack.undoText().startswith("Elimina punto emotivo")


def test_set_image_inserts_the_asset_and_sets_it_in_one_step(doc: Document) -> None:
    card = doc.project.maps[0].cards[0]
    before = dump_bytes(doc.project)
    asset = _asset()
    verbs.set_image(doc, card.id, asset)
    assert card.image == asset.id and doc.project.assets[-1] is asset
    assert doc.undo_stack.undoText().startswith("Set image of card '")
    _one_step(doc, before)


def test_image_card_is_one_step(doc: Document) -> None:
    jmap = doc.project.maps[0]
    lane = next(ln for ln in jmap.lanes if ln.display == "cards")
    step = jmap.steps()[0]
    before = dump_bytes(doc.project)
    card = Card(step=step.id, lane=lane.id, kind="image", title="photo")
    verbs.add_image_card(doc, jmap, _asset(), card)
    assert card in jmap.cards and card.image == doc.project.assets[-1].id
    _one_step(doc, before)


def test_removing_a_team_clears_the_owners_and_undo_puts_them_back(doc: Document) -> None:
    project = doc.project
    team = Team(name="Ops")
    verbs.add_team(doc, team)
    card = project.maps[0].cards[0]
    verbs.set_field(doc, card.id, "owners", [Owner(team=team.id)])
    doc.undo_stack.clear()
    before = dump_bytes(project)
    verbs_maps.remove_project_item(doc, team.id)
    assert card.owners == [] and team not in project.teams
    _one_step(doc, before)


def test_map_verbs_are_one_step_each(doc: Document) -> None:
    project = doc.project
    jmap = project.maps[0]
    before = dump_bytes(project)
    copy = verbs_maps.duplicate_map(doc, jmap, "Copy")
    assert project.maps[1] is copy and copy.name == "Copy"
    assert {c.id for c in copy.cards}.isdisjoint({c.id for c in jmap.cards})
    _one_step(doc, before)

    doc.undo_stack.clear()
    future = verbs_maps.derive_future_state(doc, jmap, "Future")
    assert future.based_on == jmap.id and future.state == "future"
    assert {c.derived_from for c in future.cards} == {c.id for c in jmap.cards}
    _one_step(doc, before)

    doc.undo_stack.clear()
    other = templates.new_project("sample", "en")
    imported = verbs_maps.import_map(doc, other, other.maps[0])
    assert imported in project.maps
    _one_step(doc, before)


def test_set_scenes_is_one_step(doc: Document) -> None:
    jmap = doc.project.maps[0]
    before = dump_bytes(doc.project)
    scene = Scene(kind="custom", title="Hello")
    verbs_story.set_scenes(doc, jmap, [scene], text="Add scene")
    assert jmap.storyline.scenes == [scene]
    verbs_story.set_scene_fields(doc, scene.id, {"title": "Hi"}, "Edit scene")
    assert scene.title == "Hi"
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert dump_bytes(doc.project) == before


def test_a_verb_with_nothing_to_change_pushes_nothing(doc: Document) -> None:
    card = doc.project.maps[0].cards[0]
    assert verbs.set_field(doc, card.id, "title", card.title) is None
    assert verbs.remove(doc, []) is None
    assert doc.undo_stack.count() == 0


# Commands, Qt's undo class, or a push: only document/ may name them.
BYPASS = re.compile(r"document\.commands|document import commands|QUndoCommand|\.push\(")


def test_widgets_change_the_model_only_through_the_verbs() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for folder in ("ui", "canvas")
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BYPASS.search(line)
    ]
    assert offenders == []
    cli = (PACKAGE / "cli.py").read_text(encoding="utf-8")
    assert not BYPASS.search(cli)
