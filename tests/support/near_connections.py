"""More connections on a test map, between cards close to each other: most
need the router's search around the cards between them."""

from __future__ import annotations

import random

from journeydesk.model.base import new_id
from journeydesk.model.project import Connection, JourneyMap


def add_near_connections(jmap: JourneyMap, rng: random.Random, n: int) -> None:
    """``n`` more connections (fewer where a card has no neighbour), each from
    a card to one at most two steps on and one lane away, a third labelled."""
    steps = {s.id: k for k, s in enumerate(jmap.steps())}
    lanes = {lane.id: k for k, lane in enumerate(jmap.lanes)}
    cards = [c for c in jmap.cards if c.step in steps and c.lane in lanes]
    for k in range(n):
        a = rng.choice(cards)
        near = [
            c
            for c in cards
            if c is not a
            and 0 <= steps[c.step] - steps[a.step] <= 2
            and abs(lanes[c.lane] - lanes[a.lane]) <= 1
        ]
        if near:
            b = rng.choice(near)
            label = "Hand over to the next team" if k % 3 == 0 else ""
            jmap.connections.append(Connection(id=new_id(), source=a.id, target=b.id, label=label))
