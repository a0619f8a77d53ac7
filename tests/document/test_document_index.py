"""The document's element index follows a nested object swapped by SetField
(a map's storyline replaced by a copy with another list of scenes)."""

from __future__ import annotations

import pytest

from journeydesk.document.commands import Remove, SetField
from journeydesk.document.document import Document
from journeydesk.model import Scene
from journeydesk.templates import new_project


@pytest.mark.usefixtures("qapp")
def test_swapping_a_storyline_keeps_the_index_right() -> None:
    project = new_project("sample", "en")
    jmap = project.maps[0]
    a, b, c = Scene(title="A"), Scene(title="B"), Scene(title="C")
    jmap.storyline.scenes = [a, b]
    doc = Document(project)
    assert doc.element(b.id) is b and doc.location(b.id).index == 1
    old = jmap.storyline
    swapped = old.model_copy(update={"scenes": [c, b]})
    doc.push(SetField(doc, jmap.id, "storyline", swapped, "Swap", merge=False))
    with pytest.raises(KeyError):
        doc.element(a.id)  # gone with the old list
    assert doc.element(c.id) is c and doc.location(b.id).index == 1
    assert doc.location(b.id).owner is swapped
    doc.push(Remove(doc, b.id, "Remove"))  # commands find the new list
    assert jmap.storyline.scenes == [c] and old.scenes == [a, b]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert jmap.storyline is old and doc.element(a.id) is a
    with pytest.raises(KeyError):
        doc.element(c.id)
    # an edit far from the swap still finds its element without a rebuild
    card = jmap.cards[0]
    doc.push(SetField(doc, card.id, "title", "New", "Edit"))
    assert card.title == "New"
