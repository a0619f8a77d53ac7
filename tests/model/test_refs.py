"""References are declared once, on the model's fields (DESIGN.md rule 13).

These tests walk the model classes, so a new id field cannot be forgotten:
a field typed as an id, or named like a reference, must carry a ``Ref``.
They also pin the list of declared references (a change to it is a change
to what checks, removals, copies and merges do) and the walker's output.
"""

from __future__ import annotations

import re
import typing

import pytest
from pydantic import BaseModel, Field, StringConstraints

from journeydesk import templates
from journeydesk.model import Card, Owner, Project, check_project
from journeydesk.model.base import ID_PATTERN, Element
from journeydesk.model.ref import Ref
from journeydesk.model.refs import (
    DEFINITIONS,
    Targets,
    drop_refs,
    element_ids,
    fresh_copy,
    iter_refs,
    model_classes,
    problem,
    project_refs,
    ref_fields,
    with_fresh_ids,
)

# Names that say "this holds another object's id".
REF_NAME = re.compile(
    r"(_id|_ids|^ids$|^target$|^source$|^owner|^team|^persona|^photo$|^image$|^logo$|"
    r"^metric$|^step$|^lane$|^stage$|^map$|^card|^based_on$|^derived_from$|^relates_to$|"
    r"^after_lane$|^hidden_lanes$|_lane$|_map$|_card$|_stage$|_step$|_team$|_persona$)"
)
# Fields with such a name that hold no id (a list of objects holding the ids,
# or text), each for a reason.
NOT_A_REFERENCE = {
    ("JourneyMap", "owner"): "a name as written (a person or a team), not an id",
    ("Card", "owners"): "a list of Owner objects; Owner.team is the reference",
    ("JourneyMap", "cards"): "the map's own cards (objects), not ids",
    ("JourneyMap", "stages"): "objects",
    ("JourneyMap", "lanes"): "objects",
    ("Project", "personas"): "the personas themselves (objects)",
    ("Project", "teams"): "objects",
    ("Project", "maps"): "objects",
    ("Stage", "steps"): "objects",
    ("ExportProfile", "hide_lane_kinds"): "vocabulary keys, not ids",
    ("Lane", "default_card_kind"): "a vocabulary key",
    ("EmotionCurve", "points"): "objects",
    ("KpiValue", "target"): "a target value (a number)",
    ("MetricDefinition", "target"): "a target value (a number)",
    ("Vocabularies", "card_kinds"): "vocabulary entries",
}

EXPECTED = {
    ("Persona", "photo"): Ref("assets"),
    ("Comment", "target"): Ref("elements", on_remove="cascade"),
    ("KpiValue", "metric"): Ref("metrics", on_remove="remove_item"),
    ("Lane", "persona"): Ref("personas"),
    ("Owner", "team"): Ref("teams", on_remove="remove_item"),
    ("Evidence", "source"): Ref("sources"),
    ("MapLink", "map"): Ref("maps", on_remove="remove_item"),
    ("Card", "step"): Ref("steps", scope="map", on_remove="cascade"),
    ("Card", "lane"): Ref("lanes", scope="map", on_remove="cascade"),
    ("Card", "image"): Ref("assets"),
    ("Card", "relates_to"): Ref("cards", scope="map", no_self="a card cannot relate to itself"),
    ("Card", "derived_from"): Ref("cards", scope="base"),
    ("CurvePoint", "step"): Ref("steps", scope="map", on_remove="cascade"),
    ("EmotionCurve", "persona"): Ref("personas"),
    ("EmotionCurve", "lane"): Ref("lanes", scope="map"),
    ("Connection", "source"): Ref("cards", scope="map", on_remove="cascade"),
    ("Connection", "target"): Ref("cards", scope="map", on_remove="cascade"),
    ("Separator", "after_lane"): Ref("lanes", scope="map", on_remove="cascade"),
    ("Scene", "stage"): Ref("stages", scope="map", on_remove="cascade"),
    ("Scene", "image"): Ref("assets"),
    ("JourneyMap", "personas"): Ref("personas"),
    ("JourneyMap", "based_on"): Ref("maps", no_self="a map cannot be based on itself"),
    ("ExportProfile", "hidden_lanes"): Ref("lanes", scope="any_map", checked=False),
    ("ExportProfile", "logo"): Ref("assets"),
}


def _typed_as_id(annotation: object, metadata: list[object]) -> bool:
    """True when the field's type is ``Id`` (alone, optional, or in a list or dict)."""
    for m in metadata:
        if isinstance(m, StringConstraints) and m.pattern == ID_PATTERN:
            return True
    if typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        return _typed_as_id(args[0], list(args[1:]))
    return any(_typed_as_id(arg, []) for arg in typing.get_args(annotation))


def _all_fields() -> list[tuple[type[BaseModel], str]]:
    return [(cls, name) for cls in model_classes() for name in cls.model_fields]


def test_the_walk_of_the_model_classes_reaches_every_kind_of_object() -> None:
    names = {cls.__name__ for cls in model_classes()}
    assert {"Project", "JourneyMap", "Card", "Owner", "KpiValue", "Scene", "MapLink"} <= names
    assert {"CurvePoint", "Evidence", "Reply", "ExportProfile", "Separator"} <= names


def test_every_field_typed_as_an_id_is_a_declared_reference() -> None:
    missing = []
    for cls, name in _all_fields():
        info = cls.model_fields[name]
        if name == "id" and issubclass(cls, (Element, Project)):
            continue  # an object's own id
        if _typed_as_id(info.annotation, list(info.metadata)) and not any(
            rf.name == name for rf in ref_fields(cls)
        ):
            missing.append(f"{cls.__name__}.{name}")
    assert missing == [], f"id fields without a Ref declaration: {missing}"


def test_every_field_named_like_a_reference_is_declared_or_explained() -> None:
    missing = []
    for cls, name in _all_fields():
        if not REF_NAME.search(name) or (cls.__name__, name) in NOT_A_REFERENCE:
            continue
        if not any(rf.name == name for rf in ref_fields(cls)):
            missing.append(f"{cls.__name__}.{name}")
    assert missing == [], f"fields named like references but not declared: {missing}"


def test_the_declared_references_are_exactly_these() -> None:
    declared = {
        (cls.__name__, rf.name): rf.ref for cls in model_classes() for rf in ref_fields(cls)
    }
    assert declared == EXPECTED


def test_the_coverage_test_catches_a_forgotten_id_field() -> None:
    """The detector sees an undeclared ``Id`` field (so the test above can fail)."""
    from journeydesk.model.base import Id

    class Sneaky(Element):
        buddy: Id | None = None
        pals: list[Id] = Field(default_factory=list)

    info = Sneaky.model_fields
    assert _typed_as_id(info["buddy"].annotation, list(info["buddy"].metadata))
    assert _typed_as_id(info["pals"].annotation, list(info["pals"].metadata))
    assert ref_fields(Sneaky) == ()
    assert REF_NAME.search("buddy_id") and REF_NAME.search("persona")


def test_declarations_fit_the_places_they_sit_in() -> None:
    """``cascade`` removes the holder, so it must be an element; ``remove_item``
    drops a list item, so its class must only ever sit in lists; ``base`` and
    map scopes only point at things inside maps."""
    holders_in_lists: dict[str, set[bool]] = {}
    for cls in model_classes():
        for name in cls.model_fields:
            annotation = cls.model_fields[name].annotation
            for inner in typing.get_args(annotation) or (annotation,):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    in_list = typing.get_origin(annotation) is list
                    holders_in_lists.setdefault(inner.__name__, set()).add(in_list)
    for cls in model_classes():
        for rf in ref_fields(cls):
            where = f"{cls.__name__}.{rf.name}"
            if rf.ref.on_remove == "cascade":
                assert issubclass(cls, Element), where
                assert not rf.many, where
            if rf.ref.on_remove == "remove_item":
                assert not issubclass(cls, Element), where
                assert holders_in_lists[cls.__name__] == {True}, where
            if rf.ref.scope in ("map", "base", "any_map"):
                assert rf.ref.kind in ("stages", "steps", "lanes", "cards"), where
            if rf.ref.on_remove == "clear" and not rf.many:
                assert cls.model_fields[rf.name].default is None, where


def test_the_walker_lists_holder_path_id_and_declaration() -> None:
    project = templates.new_project("sample", "en")
    sites = project_refs(project)
    card = next(c for c in project.maps[0].cards if c.owners)
    owner_sites = [s for s in sites if s.holder is card and s.path[0] == "owners"]
    assert [(s.path, s.target) for s in owner_sites] == [
        (("owners", i, "team"), o.team) for i, o in enumerate(card.owners)
    ]
    assert all(isinstance(s.owner, Owner) and s.jmap is project.maps[0] for s in owner_sites)
    assert owner_sites[0].json_path.endswith(".owners[0].team")
    future = project.maps[1]
    based = [s for s in sites if s.holder is future and s.path == ("based_on",)]
    assert [s.target for s in based] == [project.maps[0].id]
    # The walk reads every declared reference: each site's value is at its path.
    for site in sites:
        value: object = site.holder
        for part in site.path:
            value = value[part] if isinstance(part, int) else getattr(value, part)  # type: ignore[index]
        assert value == site.target


def test_a_broken_reference_is_reported_with_its_path_and_kind() -> None:
    project = templates.new_project("sample", "en")
    card = next(c for c in project.maps[0].cards if c.owners)
    card.owners[0].team = "00000000-0000-4000-8000-00000000dead"
    ci = project.maps[0].cards.index(card)
    problems = check_project(project)
    assert [(p.path, p.message) for p in problems] == [
        (
            f"$.maps[0].cards[{ci}].owners[0].team",
            "team 00000000-0000-4000-8000-00000000dead does not exist",
        )
    ]
    site = next(s for s in iter_refs(project) if s.target.endswith("dead"))
    assert problem(site, Targets(project)) == problems[0].message


def test_hidden_lanes_that_dangle_are_tolerated_as_before() -> None:
    from journeydesk.model import ExportProfile

    project = templates.new_project("blank", "en")
    project.export_profiles.append(
        ExportProfile(name="p", hidden_lanes=["00000000-0000-4000-8000-00000000dead"])
    )
    assert check_project(project) == []


def test_fresh_ids_renew_every_id_and_the_references_follow() -> None:
    project = templates.new_project("sample", "en")
    # A text that happens to equal an id stays text (only declared fields are ids).
    project.maps[0].cards[0].body = project.maps[0].cards[1].id
    fresh = with_fresh_ids(project)
    assert check_project(fresh) == []
    old_ids = element_ids(project) | {project.id}
    assert not (element_ids(fresh) | {fresh.id}) & old_ids
    assert fresh.maps[0].cards[0].body == project.maps[0].cards[1].id
    assert fresh.maps[1].based_on == fresh.maps[0].id
    # Same shape: the references sit in the same places, now pointing at new ids.
    before = [(s.json_path, s.target in old_ids) for s in project_refs(project)]
    after = [(s.json_path, s.target in old_ids) for s in project_refs(fresh)]
    assert [p for p, _ in before] == [p for p, _ in after]
    assert not any(inside for _, inside in after)


def test_a_fresh_copy_of_a_map_keeps_the_references_that_leave_it() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[1]
    copy, mapping = fresh_copy(jmap)
    assert copy.based_on == jmap.based_on  # the other map: outside, kept
    assert set(copy.personas) == set(jmap.personas)
    card = copy.cards[0]
    original = jmap.cards[0]
    assert mapping[original.id] == card.id
    assert card.step == mapping[original.step] and card.lane == mapping[original.lane]
    assert card.derived_from == original.derived_from


@pytest.mark.parametrize("kind", DEFINITIONS)
def test_dropping_references_does_what_removing_their_target_does(kind: str) -> None:
    card = Card.model_validate(
        {
            "step": "00000000-0000-4000-8000-000000000001",
            "lane": "00000000-0000-4000-8000-000000000002",
            "owners": [{"team": "00000000-0000-4000-8000-000000000003", "role": "r"}],
            "evidence": [{"source": "00000000-0000-4000-8000-000000000004"}],
            "relates_to": ["00000000-0000-4000-8000-000000000005"],
            "image": "00000000-0000-4000-8000-000000000006",
            "links": [{"map": "00000000-0000-4000-8000-000000000007"}],
        }
    )
    drop_refs(s for s in iter_refs(card) if s.ref.kind == kind or s.ref.kind == "cards")
    assert card.relates_to == []
    assert card.step.endswith("1") and card.lane.endswith("2")  # cascades: not ours
    assert (card.owners == []) == (kind == "teams")
    assert (card.evidence[0].source is None) == (kind == "sources")
    assert (card.image is None) == (kind == "assets")
    assert len(card.links) == 1
