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


@pytest.mark.parametrize("seed", range(6))
def test_a_block_met_says_what_a_walk_of_its_columns_says(seed: int) -> None:
    """``routing._meets`` (round 10: a region above or below all of a block's
    boxes meets none, told from their span) equals ``_any_near``, regions
    ending exactly at the span's top or starting exactly at its bottom too."""
    rng = random.Random(50 + seed)
    column = 150.0
    boxes = _cards(rng, rng.choice([1, 5, 40]), column)
    block = (routing._columns(list(boxes), column), *routing._y_span(boxes))
    lo, hi = block[1], block[2]
    met = {True: 0, False: 0}
    for _ in range(400):
        x, w = rng.uniform(-100, 1_900), rng.uniform(1, 900)
        y, h = rng.choice(
            [
                (lo - 50.0, 50.0),  # ends at the top
                (hi, 40.0),  # starts at the bottom
                (lo - 50.0, 50.5),
                (hi - 0.5, 40.0),
                (hi - 0.001, 40.0),  # overlaps the lowest box by a hair
                (lo - 50.0, 50.001),  # the highest likewise
                (rng.uniform(lo - 500, hi + 500), rng.uniform(1, 900)),
            ]
        )
        rect = Rect(x, y, w, h)
        expected = routing._any_near(block[0], rect, column)
        assert routing._meets(block, rect, column) is expected
        met[expected] += 1
    assert met[True] and met[False]
