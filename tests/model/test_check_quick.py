"""``check_project``'s quick pass (model/checks.py ``surely_clean``, issue #14) says
"clean" exactly when the full check finds nothing, so skipping the full check then
changes no result: on the sample, on generated maps and on projects broken in every
way the check knows (dangling and misplaced references, duplicate ids, a card related
to itself, spans, scores and curve points out of range, a connection to itself,
a score key defined twice, an image that is not what its asset says).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journey_samples import sample_project

from journeydesk.model import Project
from journeydesk.model.checks import check_project, full_check, surely_clean
from journeydesk.model.project import ScoreDefinition
from journeydesk.model.refs import iter_elements, iter_refs

MISSING = "00000000-0000-4000-8000-999999999999"
BASE = sample_project()
SITES = len(list(iter_refs(BASE)))
ELEMENTS = len(list(iter_elements(BASE)))


def _retarget(project: Project, n: int, how: int) -> None:
    """Point the ``n``-th reference elsewhere: nowhere, at its holder, at another map's
    element of the same kind, or at an element of another kind."""
    sites = list(iter_refs(project))
    site = sites[n % len(sites)]
    ids = [e.id for _p, e in iter_elements(project)]
    target = [MISSING, site.holder_id or MISSING, ids[(n * 7) % len(ids)], project.id][how % 4]
    many = isinstance(site.path[-1], int)
    name = site.path[-2] if many else site.path[-1]
    assert isinstance(name, str)
    if many:
        getattr(site.owner, name)[site.path[-1]] = target
    else:
        setattr(site.owner, name, target)


def _copy_id(project: Project, n: int, m: int) -> None:
    elements = [e for _p, e in iter_elements(project)]
    elements[n % len(elements)].id = elements[m % len(elements)].id


def _range(project: Project, n: int, how: int) -> None:
    jmap = project.maps[n % len(project.maps)]
    card = jmap.cards[n % len(jmap.cards)]
    if how % 6 == 0:
        card.span_steps = 10 + n % 50
    elif how % 6 == 1:
        card.span_lanes = 5 + n % 50
    elif how % 6 == 2:
        card.scores = {"impact": 6 + n % 3} if n % 2 else {"undefined key": 1}
    elif how % 6 == 3 and jmap.curves and jmap.curves[0].points:
        jmap.curves[0].points[n % len(jmap.curves[0].points)].score = 3 + n % 4
    elif how % 6 == 4 and jmap.connections:
        jmap.connections[0].target = jmap.connections[0].source
    elif how % 6 == 5:
        project.score_definitions.append(ScoreDefinition(key="impact", min=0, max=9))
        project.score_definitions.append(ScoreDefinition(key="impact", min=0, max=9))


def _asset(project: Project, n: int, how: int) -> None:
    if project.assets:
        asset = project.assets[n % len(project.assets)]
        if how % 2:
            asset.width += 1
        else:
            asset.type = "image/jpeg" if asset.type == "image/png" else "image/png"


BREAKS = st.one_of(
    st.tuples(st.just(_retarget), st.integers(0, 10**6), st.integers(0, 3)),
    st.tuples(st.just(_copy_id), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just(_range), st.integers(0, 10**6), st.integers(0, 5)),
    st.tuples(st.just(_asset), st.integers(0, 10**6), st.integers(0, 1)),
)


def assert_agree(project: Project) -> None:
    full = full_check(project)
    assert surely_clean(project) == (full == [])
    assert check_project(project) == full


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(BREAKS, min_size=0, max_size=3))
def test_the_quick_pass_agrees_with_the_full_check(breaks: list[tuple[Any, int, int]]) -> None:
    project = BASE.model_copy(deep=True)
    for fn, a, b in breaks:
        fn(project, a, b)
    assert_agree(project)


@pytest.mark.parametrize("how", range(4))
def test_every_reference_broken_alone_is_seen(how: int) -> None:
    """Each reference of the sample, pointed wrong in each way, one at a time: the
    quick pass doubts exactly where the full check finds a problem (a reference
    that may point anywhere, or unchecked, stays clean in both)."""
    doubted = 0
    for n in range(SITES):
        project = BASE.model_copy(deep=True)
        _retarget(project, n, how)
        assert_agree(project)
        doubted += not surely_clean(project)
    assert doubted > SITES // 2


def test_every_duplicate_id_is_seen() -> None:
    for n in range(1, ELEMENTS):
        project = BASE.model_copy(deep=True)
        _copy_id(project, n, n - 1)
        assert not surely_clean(project)
        assert_agree(project)


def test_generated_maps_are_clean_both_ways() -> None:
    from bench_shapes import make_shape

    assert surely_clean(BASE) and full_check(BASE) == []
    for shape in ("current", "wide", "dense"):
        project = make_shape(shape, 300)
        assert surely_clean(project, extras_ok=False)
        assert full_check(project) == []


def test_unknown_keys_are_doubted_only_when_asked() -> None:
    project = BASE.model_copy(deep=True)
    card = project.maps[0].cards[1]
    assert card.__pydantic_extra__ is not None
    card.__pydantic_extra__["from_a_newer_version"] = 1
    assert surely_clean(project)
    assert not surely_clean(project, extras_ok=False)
