"""Canvas-only marks that are never printed: the starter questions in an empty
lane, and the badges on what has gone stale (View > Stale Badges).

They are graphics items of the scene, not primitives of the layout, so the PDF,
PNG, print and slide exports (which draw the layout) never see them. Remade
each time the scene shows a map; the scene removes them before it clears.
"""

from __future__ import annotations

import datetime as dt
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
)

from journeydesk.layout.primitives import MapLayout
from journeydesk.model.decide import stale_items
from journeydesk.model.project import JourneyMap, Project

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsScene

STARTER_Z = 5.0
BADGE_Z = 900.0
STALE_COLOUR = "#D9822B"


def starter_questions(lane_kind: str) -> str:
    """What to ask the room about an empty lane of this kind, in the UI language."""
    questions = {
        "actions": QCoreApplication.translate(
            "StarterQuestions", "What does the customer do here?"
        ),
        "thoughts": QCoreApplication.translate(
            "StarterQuestions", "What do they think? What do they ask themselves?"
        ),
        "feelings": QCoreApplication.translate("StarterQuestions", "How do they feel here?"),
        "emotion": QCoreApplication.translate("StarterQuestions", "How do they feel here?"),
        "touchpoints": QCoreApplication.translate(
            "StarterQuestions", "Where do they touch us, and through which channel?"
        ),
        "channels": QCoreApplication.translate(
            "StarterQuestions", "Through which channel do they reach us?"
        ),
        "frontstage": QCoreApplication.translate(
            "StarterQuestions", "Who meets the customer here?"
        ),
        "backstage": QCoreApplication.translate(
            "StarterQuestions", "What happens behind the scenes, and who owns it?"
        ),
        "support": QCoreApplication.translate(
            "StarterQuestions", "Which systems and processes support this?"
        ),
        "owners": QCoreApplication.translate("StarterQuestions", "Who owns this step?"),
        "pain_points": QCoreApplication.translate("StarterQuestions", "What gets in their way?"),
        "opportunities": QCoreApplication.translate("StarterQuestions", "What could change?"),
        "moments_of_truth": QCoreApplication.translate(
            "StarterQuestions", "Which moment decides whether they stay?"
        ),
        "physical_evidence": QCoreApplication.translate(
            "StarterQuestions", "What do they see, hold or receive?"
        ),
        "research": QCoreApplication.translate(
            "StarterQuestions", "What do we know, and from which research?"
        ),
        "metrics": QCoreApplication.translate("StarterQuestions", "What do we measure here?"),
    }
    return questions.get(lane_kind, "")


class Overlays:
    """The overlay items of one scene."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = weakref.ref(scene)
        """Weak: the scene holds these overlays, and a cycle between them left
        the scene to the cyclic collector, which deleted it (and its 20,000
        items) at a moment of its own; a PySide wrapper freed that way once
        crashed the process. Now the scene goes when its last reference does."""
        self.items: list[QGraphicsItem] = []
        self.stale_badges = False
        self.stale_after_days = 90
        self.today = dt.date.today

    @property
    def scene(self) -> QGraphicsScene:
        scene = self._scene()
        assert scene is not None, "the overlays outlived their scene"
        return scene

    def remove(self) -> None:
        for item in self.items:
            if item.scene() is self.scene:
                self.scene.removeItem(item)
        self.items.clear()

    def show(self, project: Project, jmap: JourneyMap, layout: MapLayout) -> None:
        self.remove()
        # only the lanes' (a key per item of a 20,000-card map, on every edit, cost 30 ms)
        bounds = {("lane", i.element): i.bounds for i in layout.peek_items() if i.kind == "lane"}
        self._starters(jmap, bounds, layout.card_lanes)
        if self.stale_badges:
            self._badges(project, jmap, layout)

    def _starters(
        self, jmap: JourneyMap, bounds: dict, cards_in: set[str] | None  # type: ignore[type-arg]
    ) -> None:
        """A starter question in each shown lane nothing is in; ``cards_in``:
        the lanes the cards are in, when the layout knew them."""
        if cards_in is None:
            cards_in = {c.lane for c in jmap.cards}
        used = cards_in | {c.lane for c in jmap.curves if c.lane}
        font = QFont()
        font.setItalic(True)
        font.setPointSizeF(8.5)
        for lane in jmap.lanes:
            rect = bounds.get(("lane", lane.id))
            text = starter_questions(lane.kind)
            if rect is None or not text or lane.id in used or lane.collapsed:
                continue
            item = QGraphicsSimpleTextItem(text)
            item.setFont(font)
            item.setBrush(QBrush(QColor("#8A93A3")))
            item.setPos(rect.x + 140, rect.y + 8)
            item.setZValue(STARTER_Z)
            item.setData(0, "starter")
            item.setData(1, lane.id)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.scene.addItem(item)
            self.items.append(item)

    def _badges(self, project: Project, jmap: JourneyMap, layout: MapLayout) -> None:
        by_element: dict[str, list[str]] = {}
        for stale in stale_items(project, self.stale_after_days, self.today()):
            if stale.map_id == jmap.id and stale.target_id:
                by_element.setdefault(stale.target_id, []).append(
                    f"{stale.where}: {stale.what} {stale.date.isoformat()}"
                )
        boxes: dict[str, QRectF] = {}
        # (the layout's cards of lanes that only moved are settled one by one,
        # the stale ones only: layout/unsettled.py; reading ``items`` would
        # settle ~18,000 of them after every edit adding a line)
        shown = layout is getattr(self.scene, "layout", None)
        settled = getattr(self.scene, "layouter", None) if shown else None
        for item in layout.peek_items() if settled is not None else layout.items:
            element = item.element
            if element is not None and element in by_element and item.kind in ("card", "stage"):
                if item.kind == "card" and layout.unsettled is not None and settled is not None:
                    item = settled.card_item(element) or item
                b = item.bounds
                r = QRectF(b.x, b.y, b.w, b.h)
                boxes[element] = boxes[element].united(r) if element in boxes else r
        for element_id, rect in boxes.items():
            badge = QGraphicsEllipseItem(rect.right() - 7, rect.top() - 5, 12, 12)
            badge.setBrush(QBrush(QColor(STALE_COLOUR)))
            badge.setPen(QPen(QColor("#FFFFFF"), 1.2))
            badge.setZValue(BADGE_Z)
            badge.setToolTip("\n".join(by_element[element_id]))
            badge.setData(0, "stale")
            badge.setData(1, element_id)
            badge.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.scene.addItem(badge)
            self.items.append(badge)

    def of_kind(self, kind: str) -> list[QGraphicsItem]:
        return [i for i in self.items if i.data(0) == kind]
