"""The decision tables: backlog, inventory, team x stage, staleness and the check."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from journeydesk.model.decide import (
    backlog_rows,
    backlog_table,
    check_project,
    inventory_rows,
    parse_age,
    stale_items,
    team_stage_table,
)
from journeydesk.model.project import (
    Card,
    EmotionCurve,
    Evidence,
    JourneyMap,
    KpiValue,
    Lane,
    MetricDefinition,
    Owner,
    Persona,
    Project,
    ScoreDefinition,
    Source,
    Stage,
    Step,
    Team,
)


def build() -> Project:
    s1, s2, s3 = Step(name="Search"), Step(name="Compare"), Step(name="Pay")
    lane = Lane(name="Everything", kind="notes")
    ops, web = Team(name="Ops"), Team(name="Web")
    old = Source(title="Interviews 2024", date=dt.date(2024, 1, 10))
    new = Source(title="Survey 2026", date=dt.date(2026, 11, 1))
    nps = MetricDefinition(name="NPS")
    pain = Card(
        step=s1.id,
        lane=lane.id,
        kind="pain_point",
        title="Slow search",
        evidence=[Evidence(confidence="observed", source=old.id), Evidence(confidence="assumed")],
    )
    lone_pain = Card(
        step=s2.id,
        lane=lane.id,
        kind="pain_point",
        title="Confusing table",
        evidence=[Evidence(confidence="assumed")],
    )
    accepted = Card(step=s2.id, lane=lane.id, kind="pain_point", title="Price", status="accepted")
    opp = Card(
        step=s1.id,
        lane=lane.id,
        kind="opportunity",
        title="Faster index",
        order=1,
        scores={"impact": 4, "effort": 2, "reach": 7},
        status="planned",
        owners=[Owner(team=web.id)],
        relates_to=[pain.id],
        evidence=[Evidence(confidence="proposed", source=new.id)],
    )
    tp1 = Card(
        step=s1.id,
        lane=lane.id,
        kind="touchpoint",
        title="Search box",
        channel="web",
        owners=[Owner(team=web.id), Owner(team=ops.id)],
        order=2,
    )
    tp2 = Card(step=s3.id, lane=lane.id, kind="touchpoint", title="Till", channel="store")
    persona, other = Persona(name="Ann"), Persona(name="Bo")
    jmap = JourneyMap(
        name="Buy",
        owner="Carla",
        review_by=dt.date(2026, 12, 1),
        stages=[
            Stage(
                name="Find",
                steps=[s1, s2],
                kpis=[KpiValue(metric=nps.id, value=30, as_of=dt.date(2026, 1, 1))],
            ),
            Stage(name="Decide", steps=[s3]),
            Stage(name="Empty", steps=[Step(name="Nothing")]),
        ],
        lanes=[lane],
        cards=[tp2, lone_pain, pain, opp, tp1, accepted],
        personas=[persona.id, other.id],
        curves=[EmotionCurve(persona=persona.id)],
    )
    return Project(
        title="T",
        maps=[jmap],
        teams=[ops, web],
        sources=[old, new],
        metrics=[nps],
        personas=[persona, other],
        score_definitions=[ScoreDefinition(key="reach", min=0, max=10)],
    )


def test_backlog_rows_in_reading_order_with_every_column() -> None:
    rows = backlog_rows(build())
    assert [r.title for r in rows] == ["Slow search", "Faster index", "Confusing table", "Price"]
    opp = rows[1]
    assert (opp.map, opp.stage, opp.step, opp.status) == ("Buy", "Find", "Search", "planned")
    assert opp.owners == ("Web",)
    assert opp.scores == {"impact": 4, "effort": 2, "reach": 7}
    assert (opp.evidence, opp.confidence) == (1, "proposed")
    assert opp.related == ("Slow search",)
    # related both ways; strongest confidence wins
    assert rows[0].related == ("Faster index",) and rows[0].confidence == "observed"
    assert [r.title for r in backlog_rows(build(), ["touchpoint"])] == ["Search box", "Till"]


def test_backlog_table_has_a_column_per_score() -> None:
    table = backlog_table(build())
    header = table[0]
    assert header[7:10] == ["impact", "effort", "reach"]
    line = table[2]
    assert line[header.index("reach")] == 7 and line[header.index("owners")] == "Web"
    assert table[1][header.index("impact")] == ""


def test_inventory_and_team_stage_table() -> None:
    project = build()
    rows = inventory_rows(project)
    assert [(r.title, r.channel, r.owners, r.stage) for r in rows] == [
        ("Search box", "web", ("Web", "Ops"), "Find"),
        ("Till", "store", (), "Decide"),
    ]
    table, unowned = team_stage_table(project, project.maps[0])
    assert unowned == ["Till"]
    assert set(table) == {"Web", "Ops"}
    cell = table["Web"]["Find"]
    assert cell.touchpoints == ["Search box"] and cell.channels == ["web"]
    assert cell.pain_points == 1


@pytest.mark.parametrize(
    ("text", "days"), [("90d", 90), ("90", 90), ("2w", 14), ("6m", 180), ("1Y", 365)]
)
def test_parse_age(text: str, days: int) -> None:
    assert parse_age(text) == days


@pytest.mark.parametrize("text", ["", "d", "-3d", "90 days", "1.5m"])
def test_parse_age_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_age(text)


def test_stale_items_name_what_and_when() -> None:
    items = stale_items(build(), 90, today=dt.date(2026, 12, 6))
    found = {(i.what, i.where, i.date) for i in items}
    assert found == {
        ("review by", "map", dt.date(2026, 12, 1)),
        ("KPI as of", "stage 'Find', metric 'NPS'", dt.date(2026, 1, 1)),
        ("evidence from", "card 'Slow search', source 'Interviews 2024'", dt.date(2024, 1, 10)),
    }
    # a year later the 2026 survey is stale too; before the review date, no review warning
    assert len(stale_items(build(), 90, today=dt.date(2027, 12, 6))) == 4
    early = stale_items(build(), 90, today=dt.date(2026, 4, 2))
    assert {i.what for i in early} == {"KPI as of", "evidence from"}
    assert stale_items(build(), 90, today=dt.date(2026, 3, 31))[0].what == "evidence from"


def test_check_lists_what_is_missing() -> None:
    gaps = {(g.code, g.subject) for g in check_project(build())}
    assert gaps == {
        ("stage_without_touchpoints", "Empty"),
        ("pain_without_opportunity", "Confusing table"),
        ("only_assumed_evidence", "Confusing table"),
        ("persona_without_curve", "Bo"),
    }


def _shape(name: str) -> Project:
    from bench_shapes import make_shape

    return make_shape(name, 400)


def test_rows_made_again_equal_a_fresh_listing_after_edits() -> None:
    """``backlog_rows_again`` (the Decide dock after an edit that keeps every
    card in its place) gives what ``backlog_rows`` gives, on the small project
    and on the three generated shapes, titles of related cards included."""
    import random

    from journeydesk.model.decide import backlog_rows_again

    for project in (build(), _shape("current"), _shape("wide"), _shape("dense")):
        rnd = random.Random(7)
        cards = [c for m in project.maps for c in m.cards]
        for jmap in project.maps[:1] if len(cards) > 100 else []:  # relations, both ways
            for a, b in zip(rnd.sample(jmap.cards, 40), rnd.sample(jmap.cards, 40), strict=True):
                if a is not b:
                    a.relates_to = [b.id]
        related = [c for c in cards if c.relates_to] + [
            c for c in cards if any(c.id in d.relates_to for d in cards)
        ]
        assert related, "a project without relations tests too little"
        rows = backlog_rows(project)
        for n in range(40):
            changed = rnd.sample(related, 2) + rnd.sample(cards, 2)
            for card in changed:
                _edit(card, rnd.choice(["title", "status", "evidence", "owners"]), n, rnd)
            rows = backlog_rows_again(project, rows, {c.id for c in changed})
            assert rows == backlog_rows(project), n


def test_a_follower_kept_through_edits_equals_a_fresh_listing() -> None:
    """``BacklogFollower`` (the Decide dock's backlog, kept from one edit to
    the next) gives what ``backlog_rows`` gives after each edit, and makes again
    only the edited cards' rows and those of the cards related to them."""
    import random

    from journeydesk.model.decide import BacklogFollower

    for project in (build(), _shape("current"), _shape("wide"), _shape("dense")):
        rnd = random.Random(9)
        cards = [c for m in project.maps for c in m.cards]
        for jmap in project.maps[:1] if len(cards) > 100 else []:
            for a, b in zip(rnd.sample(jmap.cards, 40), rnd.sample(jmap.cards, 40), strict=True):
                if a is not b:
                    a.relates_to = [b.id]
        follower = BacklogFollower(project, backlog_rows(project))
        for n in range(40):
            changed = rnd.sample(cards, rnd.randint(1, 3))
            for card in changed:
                what = rnd.choice(["title", "title", "status", "evidence", "owners", "body"])
                _edit(card, what, n, rnd)
            done = follower.again({c.id for c in changed})
            assert follower.rows == backlog_rows(project), n
            ids = {c.id for c in changed}
            related = ids | {r for c in changed for r in c.relates_to}
            related |= {c.id for c in cards if ids & set(c.relates_to)}
            assert {follower.rows[i].card_id for i in done} <= related, n


def _edit(card: Card, what: str, n: int, rnd: random.Random) -> None:
    """One edit of a card's field that the backlog lists (the ``n``-th)."""
    if what == "title":
        card.title = f"Edited {n}"
    elif what == "status":
        card.status = rnd.choice([None, "accepted", "open"])
    elif what == "evidence":
        card.evidence = card.evidence[:-1]
    elif what == "owners":
        card.owners = card.owners[:-1]
    else:
        card.body = f"body {n}"
