"""The cards near a connection, found by bisection in y-sorted column buckets
(issue #14: every connection used to walk whole columns, so routing grew with
cards × connections), are exactly those a walk of every card finds; past the
search's limit none are listed (the plain route is drawn there either way)."""

from __future__ import annotations

import random

import pytest

from journeydesk.layout import routing
from journeydesk.layout.primitives import Rect


def _cards(rng: random.Random, n: int, column: float) -> list[Rect]:
    out = []
    for _ in range(n):
        col = rng.randrange(12)
        span = 2 if rng.random() < 0.1 else 1
        out.append(
            Rect(
                col * column + 10, rng.uniform(0, 20_000), span * column - 20, rng.uniform(20, 300)
            )
        )
    return out


@pytest.mark.parametrize("seed", range(6))
def test_near_cards_match_a_walk_of_every_card(seed: int) -> None:
    rng = random.Random(seed)
    column = 150.0
    cards = _cards(rng, 2_000, column)
    buckets: dict[int, list[Rect]] = {}
    for r in cards:
        for c in range(int(r.x // column), int(r.right // column) + 1):
            buckets.setdefault(c, []).append(r)
    tops, tallest = {}, {}
    for c, rs in buckets.items():
        rs.sort(key=lambda r: r.y)
        tops[c] = [r.y for r in rs]
        tallest[c] = max(r.h for r in rs)
    branches = {"listed": 0, "past the limit": 0}
    for k in range(60):
        # half the pairs close together (listed), half anywhere (mostly past the limit)
        a = rng.choice(cards)
        b = min(cards, key=lambda r: abs(r.y - a.y - 40) + abs(r.x - a.x)) if k % 2 else a
        while b is a:
            b = rng.choice(cards)
        region = a.united(b).adjusted(-column, -column, column, column)
        cols = range(int(region.x // column), int(region.right // column) + 1)
        expected = {id(r) for r in cards if r is not a and r is not b and r.intersects(region)}
        got = routing._near(buckets, tops, tallest, cols, region, a, b)
        if len(expected) > routing.MAX_OBSTACLES:
            assert got is None
            branches["past the limit"] += 1
        else:
            assert got is not None
            assert {id(r) for r in got} == expected
            branches["listed"] += 1
    assert all(branches.values()), branches
