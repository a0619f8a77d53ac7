"""Sub-journey links: a card of one map points at another map of the project
(``Card.links``), the way a "Checkout" step opens the checkout journey.

Each verb is one undo step (a SetField of the card's whole ``links`` list, so
undo restores the list exactly). A link to the card's own map, a link twice
to one map or a link to a map the project does not hold is never made here;
a dangling one from a file is kept and shown (model/checks.py reports it).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from journeydesk.model import Card, MapLink, Project

from .commands import SetField, describe
from .document import Document


def map_of_card(project: Project, card_id: str) -> str | None:
    return next((m.id for m in project.maps if any(c.id == card_id for c in m.cards)), None)


def linkable_maps(project: Project, card: Card) -> list[tuple[str, str]]:
    """The maps a card may link to: every other map of the project, as (id, name)."""
    own = map_of_card(project, card.id)
    return [(m.id, m.name) for m in project.maps if m.id != own]


def add_link(doc: Document, card: Card, map_id: str, label: str = "") -> QUndoCommand | None:
    """Link ``card`` to map ``map_id`` (None when it cannot or already does)."""
    if doc.project.map_by_id(map_id) is None or map_of_card(doc.project, card.id) == map_id:
        return None
    if any(link.map == map_id for link in card.links):
        return None
    links = [*card.links, MapLink(map=map_id, label=label[:500])]
    text = " ".join(f"Link card {describe(card)} to a map".split())
    return SetField(doc, card.id, "links", links, text, False)


def remove_link(doc: Document, card: Card, map_id: str) -> QUndoCommand | None:
    links = [link for link in card.links if link.map != map_id]
    if len(links) == len(card.links):
        return None
    return SetField(doc, card.id, "links", links, f"Unlink card {describe(card)}".strip(), False)


def set_link_label(doc: Document, card: Card, map_id: str, label: str) -> QUndoCommand | None:
    links = [
        link.model_copy(update={"label": label[:500]}) if link.map == map_id else link
        for link in card.links
    ]
    if links == card.links:
        return None
    return SetField(doc, card.id, "links", links, f"Edit link of card {describe(card)}".strip())
