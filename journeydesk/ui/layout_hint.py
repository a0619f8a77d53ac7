"""The hint the window gives the layout with a redraw after a model change.

A title typed or a card moved on a 20,000-card map changes a few cards' own
fields; the layouter (``MapLayouter.layout``) can then reuse every lane none of
those cards is in without comparing each card (issue #14). Only the window
knows what changed (the document's ``Change``), so it says so here, and only
when it is sure: not structural, every id a card of the shown map, and the
document's generation one past the last redraw's (no change missed between).
"""

from __future__ import annotations

from journeydesk.document.document import Change, Document
from journeydesk.layout.context import LayoutHint
from journeydesk.model.project import Card, JourneyMap


def layout_hint(
    doc: Document | None, jmap: JourneyMap | None, change: Change | None, since: int | None
) -> LayoutHint | None:
    """The hint for redrawing ``jmap`` after ``change``, the window's last
    redraw having been at generation ``since``: only ``now`` (the full path)
    unless the change is known to touch only these cards' own fields."""
    if doc is None:
        return None
    now = doc.generation
    if change is None or since is None or jmap is None or now != since + 1:
        return LayoutHint(None, now)
    if change.structural or not change.ids:
        return LayoutHint(None, now)
    # Each id looked up once in the document's index when it is built and right
    # about them (a move names every card of the cells it renumbers: hundreds
    # on a dense map, each looked up twice below); else the checks below.
    for element_id in change.ids:
        known = doc.indexed(element_id)
        if known is None:
            break
        element, where = known
        if not isinstance(element, Card) or where.owner is not jmap or where.field != "cards":
            return LayoutHint(None, now)
    else:
        return LayoutHint(since, now, frozenset(change.ids))
    # (an evidence item or link of a card has its own id: not a card's)
    cards = doc.changed_cards(change)
    if cards is None:
        return LayoutHint(None, now)
    for card in cards:
        where = doc.location(card.id)
        if where.owner is not jmap or where.field != "cards":
            return LayoutHint(None, now)
    return LayoutHint(since, now, frozenset(change.ids))
