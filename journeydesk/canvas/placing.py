"""The palette's keyboard route: Enter on a palette entry puts it where the
keyboard is on the map (the cell cursor, else the selected card's cell, else
the first cell), the way a drop would put it under the pointer.

- a card goes at the end of that cell (a lane that takes cards only), and its
  title editor opens;
- an emotion point goes on the selected curve (or the first curve of the
  curve lane the cell cursor is on, else of the first curve lane) in that
  step, at a neutral score; Up and Down then change its score. Where that
  curve already has a point in the step, that point is moved and selected;
- a stage goes after the stage of that step, a step after that step, a lane
  after that lane (at the end when the keyboard is nowhere yet).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from journeydesk.document import verbs, verbs_structure
from journeydesk.document.curve_points import curves_in_lane
from journeydesk.document.document import Document
from journeydesk.model import Card, JourneyMap

from .palette import Payload, emotion_point


@dataclass(frozen=True)
class Place:
    """Where the keyboard is: a step and a lane (either may be unknown)."""

    step: str | None
    lane: str | None
    curve: str | None = None
    """A curve the user selected (or one of its points), for emotion points."""


def place(
    doc: Document, jmap: JourneyMap, payload: Payload, place: Place, title: str = ""
) -> tuple[verbs.UndoStep | None, str]:
    """Put ``payload`` at ``place`` (a verb, one undo step) and return its
    command; None and why not (nothing done) when it cannot go there."""
    steps = jmap.steps()
    step = next((s for s in steps if s.id == place.step), None)
    lane = next((ln for ln in jmap.lanes if ln.id == place.lane), None)
    if payload.type == "card":
        if lane is None or lane.display not in ("cards", "images", "channel_grid") or not steps:
            return None, QCoreApplication.translate(
                "MapView", "Move the cell cursor to a lane of cards first (arrow keys on the map)"
            )
        target = step or steps[0]
        card = Card(step=target.id, lane=lane.id, kind=payload.kind or "note", title=title)
        return verbs.add_card(doc, jmap, card), ""
    if payload.type == "emotion_point":
        if not steps:
            return None, QCoreApplication.translate("MapView", "The map has no steps yet")
        curve_lanes = [ln for ln in jmap.lanes if ln.display == "curve"]
        if lane is not None and lane.display == "curve":
            # The cell cursor is on a curve lane: the selected curve when it is
            # drawn there, else that lane's first curve.
            in_lane = curves_in_lane(jmap, lane.id)
            curve = next((c for c in in_lane if c.id == place.curve), None) or next(
                iter(in_lane), None
            )
            lane_id = lane.id
        else:
            curve = next((c for c in jmap.curves if c.id == place.curve), None)
            if curve is None:
                lane_ids = {ln.id for ln in curve_lanes}
                curve = next((c for c in jmap.curves if c.lane in lane_ids or c.lane is None), None)
            if curve is None and not curve_lanes:
                why = QCoreApplication.translate("MapView", "Add an emotion curve lane first")
                return None, why
            lane_id = (curve.lane if curve is not None else None) or (
                curve_lanes[0].id if curve_lanes else ""
            )
        return emotion_point(doc, jmap, curve, lane_id, (step or steps[0]).id, 0.5, 0.0), ""
    if payload.type == "stage":
        index = len(jmap.stages)
        if step is not None:
            index = next(n for n, s in enumerate(jmap.stages) if step in s.steps) + 1
        return verbs_structure.add_stage(doc, jmap, index), ""
    if payload.type == "step":
        if not jmap.stages:
            return None, QCoreApplication.translate("MapView", "Add a stage first")
        owner = jmap.stages[-1]
        index = len(owner.steps)
        if step is not None:
            owner = next(s for s in jmap.stages if step in s.steps)
            index = owner.steps.index(step) + 1
        return verbs_structure.add_step(doc, owner, index), ""
    if payload.type == "lane":
        index = len(jmap.lanes)
        if lane is not None:
            index = jmap.lanes.index(lane) + 1
        return verbs_structure.add_lane(doc, jmap, payload.kind or "notes", index), ""
    return None, QCoreApplication.translate(
        "MapView", "This entry cannot be placed from the keyboard"
    )
