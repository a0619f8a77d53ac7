"""Every invariant of model/checks.py reports its problem at the right JSON path.

Each case breaks one rule in the clean sample project (tests/io/journey_samples.py)
and expects exactly one problem, at the path of the offending value, saying
what is wrong.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from journey_samples import (
    A1,
    C2,
    C3,
    C21,
    L1,
    L4,
    L21,
    MAP1,
    MAP2,
    P1,
    PROJECT,
    SP4,
    SP21,
    ST21,
    png_bytes,
    sample_project,
)

from journeydesk.model import (
    Card,
    Connection,
    MapLink,
    Owner,
    Problem,
    Project,
    ScoreDefinition,
    check_project,
)
from journeydesk.model.checks import MAX_PROBLEMS, json_path

MISSING = "00000000-0000-4000-8000-999999999999"


def test_the_sample_is_clean() -> None:
    # Without this, "exactly one problem" below could come from the sample itself.
    assert check_project(sample_project()) == []


def m0(p: Project):
    return p.maps[0]


def m1(p: Project):
    return p.maps[1]


def _jpeg_header(width: int, height: int) -> bytes:
    # SOI, then an SOF0 segment: length 17, precision 8, height, width, 3 components.
    return (
        b"\xff\xd8\xff\xc0\x00\x11\x08"
        + height.to_bytes(2, "big")
        + width.to_bytes(2, "big")
        + b"\x03"
        + b"\x00" * 9
    )


def _set_asset(p: Project, data: bytes | str) -> None:
    p.assets[0].data = data if isinstance(data, str) else base64.b64encode(data).decode()


CASES: list[tuple[str, Callable[[Project], object], str | list[str], tuple[str, ...]]] = [
    # --- ids --------------------------------------------------------------
    (
        "duplicate id",
        lambda p: setattr(m0(p).cards[3], "id", C2),  # nothing refers to the card it was
        "$.maps[0].cards[3].id",
        (C2, "already used at $.maps[0].cards[1]"),
    ),
    (
        "id shared by kinds",
        lambda p: setattr(m0(p).cards[3], "id", L4),
        "$.maps[0].cards[3].id",
        ("already used at $.maps[0].lanes[3]",),
    ),
    (
        "element with the project's id",
        lambda p: setattr(p.teams[1], "id", PROJECT),
        "$.teams[1].id",
        ("already used at $",),
    ),
    (
        "id reused across maps",
        lambda p: (setattr(m1(p).lanes[0], "id", L1), setattr(m1(p).cards[0], "lane", L1)),
        "$.maps[1].lanes[0].id",
        ("already used at $.maps[0].lanes[0]",),
    ),
    # --- project-level ----------------------------------------------------
    (
        "score key defined twice",
        lambda p: p.score_definitions.append(ScoreDefinition(key="reach", min=0, max=10)),
        ["$.score_definitions[0].key", "$.score_definitions[1].key"],
        ("'reach' is defined twice",),
    ),
    (
        "persona photo",
        lambda p: setattr(p.personas[0], "photo", MISSING),
        "$.personas[0].photo",
        (f"asset {MISSING} does not exist",),
    ),
    (
        "asset not base64",
        lambda p: _set_asset(p, "***"),
        "$.assets[0].data",
        ("not valid base64",),
    ),
    (
        "asset not an image",
        lambda p: _set_asset(p, b"GIF89a not what we take"),
        "$.assets[0].data",
        ("not a PNG or JPEG",),
    ),
    (
        "asset type differs from its data",
        lambda p: _set_asset(p, _jpeg_header(1, 1)),
        "$.assets[0].data",
        ("data is image/jpeg but the asset says image/png",),
    ),
    (
        "asset size differs from its data",
        lambda p: _set_asset(p, png_bytes(3, 2)),
        "$.assets[0].data",
        ("3×2 pixels but the asset says 1×1",),
    ),
    (
        "comment target",
        lambda p: setattr(p.comments[0], "target", MISSING),
        "$.comments[0].target",
        (f"element {MISSING} does not exist",),
    ),
    # --- a map --------------------------------------------------------------
    (
        "map persona",
        lambda p: m0(p).personas.append(MISSING),
        "$.maps[0].personas[1]",
        (f"persona {MISSING} does not exist",),
    ),
    (
        "based on itself",
        lambda p: (setattr(m1(p), "based_on", MAP2), setattr(m1(p).cards[0], "derived_from", None)),
        "$.maps[1].based_on",
        ("cannot be based on itself",),
    ),
    (
        "based on a missing map",
        lambda p: (
            setattr(m1(p), "based_on", MISSING),
            setattr(m1(p).cards[0], "derived_from", None),
        ),
        "$.maps[1].based_on",
        (f"map {MISSING} does not exist",),
    ),
    (
        "kpi metric",
        lambda p: setattr(m0(p).stages[0].kpis[0], "metric", MISSING),
        "$.maps[0].stages[0].kpis[0].metric",
        (f"metric {MISSING} does not exist",),
    ),
    (
        "lane persona",
        lambda p: setattr(m0(p).lanes[2], "persona", MISSING),
        "$.maps[0].lanes[2].persona",
        (f"persona {MISSING} does not exist",),
    ),
    # --- cards --------------------------------------------------------------
    (
        "card step",
        lambda p: setattr(m0(p).cards[1], "step", MISSING),
        "$.maps[0].cards[1].step",
        (f"step {MISSING} does not exist in this map",),
    ),
    (
        "card step of another map",
        lambda p: setattr(m0(p).cards[1], "step", SP21),
        "$.maps[0].cards[1].step",
        (f"step {SP21} does not exist in this map",),
    ),
    (
        "card lane of another map",
        lambda p: setattr(m0(p).cards[1], "lane", L21),
        "$.maps[0].cards[1].lane",
        (f"lane {L21} does not exist in this map",),
    ),
    (
        "card image",
        lambda p: setattr(m0(p).cards[0], "image", MISSING),
        "$.maps[0].cards[0].image",
        (f"asset {MISSING} does not exist",),
    ),
    (
        "owner team",
        lambda p: m0(p).cards[1].owners.append(Owner(team=MISSING)),
        "$.maps[0].cards[1].owners[1].team",
        (f"team {MISSING} does not exist",),
    ),
    (
        "evidence source",
        lambda p: setattr(m0(p).cards[1].evidence[0], "source", MISSING),
        "$.maps[0].cards[1].evidence[0].source",
        (f"source {MISSING} does not exist",),
    ),
    (
        "relates to itself",
        lambda p: m0(p).cards[3].relates_to.append(m0(p).cards[3].id),
        "$.maps[0].cards[3].relates_to[1]",
        ("cannot relate to itself",),
    ),
    (
        "relates to a card of another map",
        lambda p: m0(p).cards[3].relates_to.append(C21),
        "$.maps[0].cards[3].relates_to[1]",
        (f"card {C21} does not exist in this map",),
    ),
    (
        "derived without based_on",
        lambda p: setattr(m1(p), "based_on", None),
        "$.maps[1].cards[0].derived_from",
        ("has no based_on",),
    ),
    (
        "derived from a card not in the base map",
        lambda p: setattr(m1(p).cards[0], "derived_from", C21),
        "$.maps[1].cards[0].derived_from",
        (f"card {C21} does not exist in the map this one is based on",),
    ),
    (
        "undefined score",
        lambda p: m0(p).cards[3].scores.update({"wow": 1}),
        "$.maps[0].cards[3].scores.wow",
        ("score 'wow' is not defined",),
    ),
    (
        "undefined score whose key is not a name",
        lambda p: m0(p).cards[3].scores.update({"wow factor": 1}),
        '$.maps[0].cards[3].scores["wow factor"]',
        ("score 'wow factor' is not defined",),
    ),
    (
        "built-in score out of range",
        lambda p: m0(p).cards[3].scores.update({"impact": 9}),
        "$.maps[0].cards[3].scores.impact",
        ("9 is outside the range 1..5",),
    ),
    (
        "project score out of range",
        lambda p: m0(p).cards[3].scores.update({"reach": -0.5}),
        "$.maps[0].cards[3].scores.reach",
        ("-0.5 is outside the range 0..10",),
    ),
    (
        "link to a missing map",
        lambda p: m0(p).cards[0].links.extend([MapLink(map=MAP2), MapLink(map=MISSING)]),
        "$.maps[0].cards[0].links[1].map",
        (f"map {MISSING} does not exist",),
    ),
    (
        "span past the last step",
        lambda p: setattr(m0(p).cards[3], "span_steps", 2),
        "$.maps[0].cards[3].span_steps",
        ("spans 2 steps but only 1 follow",),
    ),
    (
        "span past the last lane",
        lambda p: setattr(m0(p).cards[1], "span_lanes", 4),
        "$.maps[0].cards[1].span_lanes",
        ("spans 4 lanes but only 3 follow",),
    ),
    # --- curves, connections, separators, storyline --------------------------
    (
        "curve persona",
        lambda p: setattr(m0(p).curves[0], "persona", MISSING),
        "$.maps[0].curves[0].persona",
        (f"persona {MISSING} does not exist",),
    ),
    (
        "curve lane of another map",
        lambda p: setattr(m0(p).curves[0], "lane", L21),
        "$.maps[0].curves[0].lane",
        (f"lane {L21} does not exist in this map",),
    ),
    (
        "curve point step",
        lambda p: setattr(m0(p).curves[0].points[3], "step", SP21),
        "$.maps[0].curves[0].points[3].step",
        (f"step {SP21} does not exist in this map",),
    ),
    (
        "curve point above the scale",
        lambda p: setattr(m0(p).curves[0].points[1], "score", 2.5),
        "$.maps[0].curves[0].points[1].score",
        ("2.5 is outside the curve's scale -2..2",),
    ),
    (
        "curve point below a narrowed scale",
        lambda p: setattr(m0(p).curves[0].scale, "min", -1),
        "$.maps[0].curves[0].points[2].score",
        ("-2 is outside the curve's scale -1..2",),
    ),
    (
        "connection source",
        lambda p: setattr(m0(p).connections[1], "source", MISSING),
        "$.maps[0].connections[1].source",
        (f"card {MISSING} does not exist in this map",),
    ),
    (
        "connection target in another map",
        lambda p: setattr(m0(p).connections[0], "target", C21),
        "$.maps[0].connections[0].target",
        (f"card {C21} does not exist in this map",),
    ),
    (
        "connection to itself",
        lambda p: m0(p).connections.append(Connection(source=C2, target=C2)),
        "$.maps[0].connections[2].target",
        ("cannot join a card to itself",),
    ),
    (
        "separator lane",
        lambda p: setattr(m0(p).separators[0], "after_lane", L21),
        "$.maps[0].separators[0].after_lane",
        (f"lane {L21} does not exist in this map",),
    ),
    (
        "scene stage of another map",
        lambda p: setattr(m0(p).storyline.scenes[0], "stage", ST21),
        "$.maps[0].storyline.scenes[0].stage",
        (f"stage {ST21} does not exist in this map",),
    ),
    (
        "scene image",
        lambda p: setattr(m0(p).storyline.scenes[0], "image", MISSING),
        "$.maps[0].storyline.scenes[0].image",
        (f"asset {MISSING} does not exist",),
    ),
]


@pytest.mark.parametrize(
    ("breakage", "path", "says"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_invariant_names_its_path(
    breakage: Callable[[Project], object], path: str | list[str], says: tuple[str, ...]
) -> None:
    project = sample_project()
    breakage(project)
    problems = check_project(project)
    assert [p.path for p in problems] == ([path] if isinstance(path, str) else path), problems
    for problem in problems:
        for words in says:
            assert words in problem.message, problem


def test_project_score_definition_overrides_the_built_in_range() -> None:
    project = sample_project()
    m0(project).cards[3].scores["impact"] = 9
    assert [p.path for p in check_project(project)] == ["$.maps[0].cards[3].scores.impact"]
    project.score_definitions.append(ScoreDefinition(key="impact", min=0, max=10))
    assert check_project(project) == []


def test_references_that_may_cross_maps_are_accepted() -> None:
    project = sample_project()
    m0(project).cards[0].links.append(MapLink(map=MAP2))  # a card may link to another map
    assert m1(project).based_on == MAP1 and m1(project).cards[0].derived_from == C3
    assert check_project(project) == []


def test_span_to_the_very_last_step_and_lane_is_fine() -> None:
    project = sample_project()
    card = m0(project).cards[3]  # in the last step and the last lane
    assert (card.step, card.lane) == (SP4, L4)
    assert check_project(project) == []
    m0(project).cards[0].span_steps = 4  # SP1 + 3 more
    m0(project).cards[0].span_lanes = 4  # L1 + 3 more
    assert check_project(project) == []


def test_problems_are_sorted_by_path_with_numeric_indices() -> None:
    project = sample_project()
    jmap = m0(project)
    for _ in range(12):  # cards[4] .. cards[15]: numeric order, not text order
        jmap.cards.append(Card(step=MISSING, lane=L1))
    project.comments[0].target = MISSING
    project.personas[0].photo = MISSING
    problems = check_project(project)
    # Keys in name order, indices in numeric order (cards[10] after cards[9]).
    assert [p.path for p in problems] == (
        ["$.comments[0].target"]
        + [f"$.maps[0].cards[{n}].step" for n in range(4, 16)]
        + ["$.personas[0].photo"]
    )


def test_problems_are_capped() -> None:
    project = sample_project()
    m0(project).cards.extend(Card(step=MISSING, lane=MISSING) for _ in range(MAX_PROBLEMS))
    problems = check_project(project)
    assert len(problems) == MAX_PROBLEMS
    assert all(isinstance(p, Problem) for p in problems)


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        ((), "$"),
        (("maps", 0, "name"), "$.maps[0].name"),
        (("scores", "wow factor"), '$.scores["wow factor"]'),
        (("label", "pt-BR"), '$.label["pt-BR"]'),
        (("x", ""), '$.x[""]'),
        (("x", 'a"b'), '$.x["a\\"b"]'),
        (("città",), "$.città"),
        (("1st",), '$["1st"]'),
    ],
)
def test_json_path(loc: tuple[int | str, ...], path: str) -> None:
    assert json_path(loc) == path


def test_problem_prints_as_where_and_what() -> None:
    assert str(Problem("$.maps[0].name", "is required")) == "$.maps[0].name: is required"


def test_unused_ids_are_not_problems() -> None:
    # Referencing is one way: a persona no map uses, a team no card names, is fine.
    project = sample_project()
    assert P1 in {p.id for p in project.personas} and project.assets[0].id == A1
    project.maps[0].cards[1].owners.clear()
    project.maps[0].personas.clear()
    assert check_project(project) == []
