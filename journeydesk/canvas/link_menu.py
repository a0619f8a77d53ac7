"""Sub-journey links from the map: the card's context menu links it to another
map of the project ("Link to Map", a tick per map; one undo step each) and
opens a linked map ("Open Linked Map"); a double-click on a card's link mark
opens its first linked map. Opening is the view's ``linkFollowed`` signal; the
window switches maps and remembers the way back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import QMenu

from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.document.links import linkable_maps
from journeydesk.layout.engine import link_badge_rect
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model import Card

from .items import ElementItem
from .plain import set_action_text

HIT_MARGIN = 4.0
"""Points around the link mark that still count as on it (it is small)."""


def map_name(doc: Document, map_id: str) -> str:
    jmap = doc.project.map_by_id(map_id)
    if jmap is None:
        return QCoreApplication.translate("MapView", "(missing map)")
    return jmap.name or QCoreApplication.translate("MapView", "(unnamed map)")


def add_link_actions(
    menu: QMenu, doc: Document, card: Card, follow: Callable[[str, str], None]
) -> None:
    """The card's link entries: open each linked map, tick maps to link."""
    for link in card.links:
        name = link.label or map_name(doc, link.map)
        action = menu.addAction("")
        set_action_text(  # the name's & shown, not a mnemonic; a plain tooltip
            action,
            QCoreApplication.translate("MapView", "Open Linked Map “%1”").replace("%1", name),
        )
        action.setEnabled(doc.project.map_by_id(link.map) is not None)
        action.triggered.connect(lambda _c=False, m=link.map: follow(m, card.id))
    choices = linkable_maps(doc.project, card)
    sub = menu.addMenu(QCoreApplication.translate("MapView", "Link to Map"))
    sub.setEnabled(bool(choices))
    linked = {link.map for link in card.links}
    for map_id, name in choices:
        action = sub.addAction("")
        set_action_text(action, name or QCoreApplication.translate("MapView", "(unnamed map)"))
        action.setCheckable(True)
        action.setChecked(map_id in linked)

        def toggle(checked: bool, m: str = map_id) -> None:
            current = doc.element(card.id)
            if not isinstance(current, Card):
                return
            if checked:
                verbs.link_card(doc, current, m)
            else:
                verbs.unlink_card(doc, current, m)

        action.toggled.connect(toggle)


def on_link_mark(item: ElementItem, card: Card, pos: QPointF, theme: Theme = DEFAULT_THEME) -> bool:
    """Whether a scene point is on the card's link mark."""
    if not card.links:
        return False
    r = link_badge_rect(theme, item.layout_item.bounds)
    m = HIT_MARGIN
    return r.x - m <= pos.x() <= r.right + m and r.y - m <= pos.y() <= r.bottom + m
