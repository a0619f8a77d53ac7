"""Copies follow the declared references: an imported map brings what it refers
to (a persona's photo too) and drops what the project cannot resolve; a pasted
card keeps its teams, sources and image only where the project has them."""

from __future__ import annotations

from journeydesk import templates
from journeydesk.document.clipboard import copy_cards, paste_cards, read_cards
from journeydesk.document.document import Document
from journeydesk.document.verbs_maps import import_map_command
from journeydesk.io import dump_bytes
from journeydesk.model import Asset, MapLink, check_project
from journeydesk.model.images import encode_image
from journeydesk.model.refs import element_ids

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


def test_an_imported_map_brings_its_definitions_and_drops_what_cannot_resolve(qapp) -> None:  # type: ignore[no-untyped-def]
    source = templates.new_project("sample", "en")
    info, data = encode_image(PNG)
    asset = Asset(type="image/png", width=info.width, height=info.height, data=data)
    source.assets.append(asset)
    current, future = source.maps
    persona = source.personas[0]
    assert persona.id in future.personas
    persona.photo = asset.id
    card = future.cards[0]
    card.links = [MapLink(map=current.id)]
    assert check_project(source) == []

    doc = Document(templates.new_project("blank", "en"))
    before = dump_bytes(doc.project)
    command, copy = import_map_command(doc, source, future, "Import")
    doc.push(command)
    project = doc.project
    assert check_project(project) == []
    assert copy.based_on is None and all(c.derived_from is None for c in copy.cards)
    assert all(c.links == [] for c in copy.cards)  # the linked map is not here
    assert persona.id in {p.id for p in project.personas}
    assert asset.id in {a.id for a in project.assets}  # the persona's photo came along
    teams = {o.team for c in copy.cards for o in c.owners}
    assert teams and teams <= {t.id for t in project.teams}
    assert not element_ids(copy) & element_ids(future)  # fresh ids
    doc.undo_stack.undo()
    assert dump_bytes(project) == before


def test_a_pasted_card_keeps_only_the_definitions_the_project_has(qapp) -> None:  # type: ignore[no-untyped-def]
    source = templates.new_project("sample", "en")
    card = next(c for c in source.maps[0].cards if c.owners and c.evidence)
    card.relates_to = [next(c.id for c in source.maps[0].cards if c is not card)]
    target = Document(templates.new_project("sample", "en"))  # other ids: no team matches
    jmap = target.project.maps[0]
    target.project.teams.append(source.teams[0].model_copy())
    command = paste_cards(
        target,
        jmap,
        read_cards(copy_cards([card])),
        jmap.steps()[0].id,
        jmap.lanes[0].id,
    )
    assert command is not None
    target.push(command)
    pasted = jmap.cards[-1]
    assert check_project(target.project) == []
    assert pasted.id != card.id
    assert [o.team for o in pasted.owners] == [
        o.team for o in card.owners if o.team == source.teams[0].id
    ]
    assert all(e.source is None for e in pasted.evidence)
    assert pasted.relates_to == [] and pasted.links == [] and pasted.derived_from is None
