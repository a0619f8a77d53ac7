"""What can be dragged from the palette onto the map, and what a drop makes.

The payload is a small JSON object in a private MIME type; ``drop`` turns a
payload and a place on the map into a verb (one undo step), or does nothing
and returns None when the thing cannot go there (the view then shows the
drop as refused).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from journeydesk.document import verbs, verbs_structure
from journeydesk.document.curve_points import nearest_curve
from journeydesk.document.document import Document
from journeydesk.layout.hit import CellHit, header_index_at
from journeydesk.layout.primitives import MapLayout
from journeydesk.model import Card, EmotionCurve, JourneyMap

MIME = "application/x-journeydesk-palette"


@dataclass(frozen=True)
class Payload:
    type: str
    """``card``, ``emotion_point``, ``stage``, ``step`` or ``lane``."""
    kind: str = ""
    """The card kind or lane kind."""

    def encode(self) -> bytes:
        return json.dumps({"type": self.type, "kind": self.kind}).encode()

    @staticmethod
    def decode(data: bytes) -> Payload | None:
        try:
            value = json.loads(bytes(data).decode())
            return Payload(str(value["type"]), str(value.get("kind", "")))
        except (ValueError, KeyError, TypeError):
            return None


def allowed(
    jmap: JourneyMap, payload: Payload, hit: CellHit | None, layout: MapLayout, x: float, y: float
) -> bool:
    if payload.type in ("card", "emotion_point"):
        if hit is None:
            return False
        lane = next((lane for lane in jmap.lanes if lane.id == hit.lane), None)
        if lane is None:
            return False
        if payload.type == "card":
            return lane.display in ("cards", "images", "channel_grid")
        return lane.display == "curve"
    if payload.type == "stage":
        return header_index_at(layout, "stage", x, y) is not None or not jmap.stages
    if payload.type == "step":
        return header_index_at(layout, "step", x, y) is not None
    if payload.type == "lane":
        return header_index_at(layout, "lane", x, y) is not None or not jmap.lanes
    return False


def emotion_point(
    doc: Document,
    jmap: JourneyMap,
    curve: EmotionCurve | None,
    lane_id: str,
    step_id: str,
    offset: float,
    score: float,
) -> verbs.UndoStep:
    """A point on ``curve`` (in step order), or a new curve in the lane holding
    it. Where the curve already has a point in that step, that point moves
    instead; the command's ``status`` then says so (for the status bar)."""
    command, _message = verbs_structure.place_point(
        doc, jmap, curve, lane_id, step_id, offset, score
    )
    return command


def drop(
    doc: Document,
    jmap: JourneyMap,
    payload: Payload,
    hit: CellHit | None,
    layout: MapLayout,
    x: float,
    y: float,
    title: str = "",
    curve_id: str | None = None,
) -> verbs.UndoStep | None:
    """Make what a drop makes (one undo step) and return its command; None,
    and nothing done, when the payload cannot go there.
    An emotion point goes on the lane's curve drawn nearest the drop
    (``curve_id``, the selected curve, wins a tie and is the one chosen when
    no curve of the lane has points yet)."""
    if not allowed(jmap, payload, hit, layout, x, y):
        return None
    if payload.type == "card" and hit is not None:
        card = Card(step=hit.step, lane=hit.lane, kind=payload.kind or "note", title=title)
        return verbs.add_card(doc, jmap, card, hit.index)
    if payload.type == "emotion_point" and hit is not None:
        step_rect = hit.rect
        offset = min(1.0, max(0.0, (x - step_rect.x) / step_rect.w)) if step_rect.w else 0.5
        lane_top, lane_h = hit.rect.y + 14, hit.rect.h - 28
        rel = min(1.0, max(0.0, (y - lane_top) / lane_h)) if lane_h > 0 else 0.5
        curve = nearest_curve(jmap, hit.lane, hit.step, offset, rel, curve_id)
        lo, hi = (curve.scale.min, curve.scale.max) if curve else (-2.0, 2.0)
        score = round(hi - rel * (hi - lo))
        return emotion_point(doc, jmap, curve, hit.lane, hit.step, offset, score)
    if payload.type == "stage":
        found = header_index_at(layout, "stage", x, y)
        index = len(jmap.stages)
        if found is not None:
            index = [s.id for s in jmap.stages].index(found[0]) + found[1]
        return verbs_structure.add_stage(doc, jmap, index)
    if payload.type == "step":
        found = header_index_at(layout, "step", x, y)
        if found is None:
            return None
        for stage in jmap.stages:
            ids = [s.id for s in stage.steps]
            if found[0] in ids:
                return verbs_structure.add_step(doc, stage, ids.index(found[0]) + found[1])
        return None
    if payload.type == "lane":
        found = header_index_at(layout, "lane", x, y)
        index = len(jmap.lanes)
        if found is not None:
            index = [lane.id for lane in jmap.lanes].index(found[0]) + found[1]
        return verbs_structure.add_lane(doc, jmap, payload.kind or "notes", index)
    return None
