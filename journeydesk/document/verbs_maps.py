"""Verbs for a project's maps: add, duplicate, derive a future state, import
from another project, move, delete. Copies get a fresh id for every element
inside, with their references remapped (see ``verbs`` for the verb rules).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeydesk.model import JourneyMap, Project, new_id
from journeydesk.model.checks import iter_elements

from .commands import Insert, Macro
from .document import Document
from .verbs import move_in_list, push, remove


def _replace_ids(value: Any, mapping: dict[str, str]) -> Any:
    if isinstance(value, str):
        return mapping.get(value, value)
    if isinstance(value, dict):
        return {k: _replace_ids(v, mapping) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_ids(v, mapping) for v in value]
    return value


def copy_map(jmap: JourneyMap) -> tuple[JourneyMap, dict[str, str]]:
    """A copy of ``jmap`` with a fresh id for every element in it, references
    inside the map remapped to the copies; references outside (personas...)
    are kept. Returns the copy and the old-to-new id mapping."""
    mapping = {element.id: new_id() for _path, element in iter_elements(jmap)}
    data = _replace_ids(jmap.model_dump(mode="json"), mapping)
    return JourneyMap.model_validate(data), mapping


def derive_future(jmap: JourneyMap) -> JourneyMap:
    """A future-state copy: ``based_on`` the source map, every card
    ``derived_from`` its source card."""
    copy, mapping = copy_map(jmap)
    new_to_old = {new: old for old, new in mapping.items()}
    copy.based_on = jmap.id
    copy.state = "future"
    for card in copy.cards:
        card.derived_from = new_to_old[card.id]
    return copy


def import_map_command(
    doc: Document, source: Project, jmap: JourneyMap, text: str
) -> tuple[Macro, JourneyMap]:
    """One command adding a copy of ``jmap`` (from project ``source``) to the
    document's project, with the personas, teams, sources, metrics, assets and
    score definitions it refers to copied in when missing (matched by id, or by
    key for scores). References the copy cannot keep are dropped."""
    project = doc.project
    copy, _mapping = copy_map(jmap)
    macro = Macro(text)
    maps_here = {m.id for m in project.maps}
    if copy.based_on not in maps_here:
        copy.based_on = None
    for card in copy.cards:
        if copy.based_on is None:
            card.derived_from = None
        card.links = [link for link in card.links if link.map in maps_here]

    used: set[str] = set(copy.personas)
    for lane in copy.lanes:
        if lane.persona:
            used.add(lane.persona)
    for curve in copy.curves:
        if curve.persona:
            used.add(curve.persona)
    for card in copy.cards:
        used |= {o.team for o in card.owners}
        used |= {e.source for e in card.evidence if e.source}
        if card.image:
            used.add(card.image)
    for stage in copy.stages:
        used |= {k.metric for k in stage.kpis}
    for scene in copy.storyline.scenes:
        if scene.image:
            used.add(scene.image)
    personas = [p for p in source.personas if p.id in used]
    used |= {p.photo for p in personas if p.photo}

    here = {e.id for _path, e in iter_elements(project)}
    for field in ("personas", "teams", "sources", "metrics", "assets"):
        for element in getattr(source, field):
            if element.id in used and element.id not in here:
                macro.add(Insert(doc, project, field, element.model_copy(deep=True)))
    keys_here = {d.key for d in project.score_definitions}
    wanted = {k for card in copy.cards for k in card.scores}
    for definition in source.score_definitions:
        if definition.key in wanted and definition.key not in keys_here:
            macro.add(Insert(doc, project, "score_definitions", definition.model_copy()))
    macro.add(Insert(doc, project, "maps", copy))
    return macro, copy


def _quoted(text: str, name: str) -> str:
    return text.replace("%1", name)


def add_map(doc: Document, jmap: JourneyMap, index: int | None = None) -> QUndoCommand:
    text = QCoreApplication.translate("Verbs", "Add map")
    return push(doc, Insert(doc, doc.project, "maps", jmap, index, text))


def duplicate_map(doc: Document, jmap: JourneyMap, name: str) -> JourneyMap:
    """A copy of ``jmap`` named ``name``, right after it; returns the copy."""
    copy, _mapping = copy_map(jmap)
    copy.name = name[:500]
    text = _quoted(QCoreApplication.translate("Verbs", "Duplicate map '%1'"), jmap.name)
    index = doc.project.maps.index(jmap) + 1
    push(doc, Insert(doc, doc.project, "maps", copy, index, text))
    return copy


def derive_future_state(doc: Document, jmap: JourneyMap, name: str) -> JourneyMap:
    """A future-state copy of ``jmap`` named ``name``, right after it."""
    future = derive_future(jmap)
    future.name = name[:500]
    text = _quoted(QCoreApplication.translate("Verbs", "Derive future state of '%1'"), jmap.name)
    index = doc.project.maps.index(jmap) + 1
    push(doc, Insert(doc, doc.project, "maps", future, index, text))
    return future


def import_map(doc: Document, source: Project, jmap: JourneyMap) -> JourneyMap:
    """A copy of ``jmap`` from another project, with what it refers to."""
    text = _quoted(QCoreApplication.translate("Verbs", "Import map '%1'"), jmap.name)
    macro, copy = import_map_command(doc, source, jmap, text)
    push(doc, macro)
    return copy


def move_map(doc: Document, jmap: JourneyMap, new_index: int) -> QUndoCommand | None:
    old = doc.project.maps.index(jmap)
    if new_index < old:
        text = QCoreApplication.translate("Verbs", "Move map '%1' up")
    else:
        text = QCoreApplication.translate("Verbs", "Move map '%1' down")
    return move_in_list(doc, jmap.id, new_index, _quoted(text, jmap.name))


def remove_map(doc: Document, map_id: str) -> QUndoCommand | None:
    """Delete a map with its cards; links from cards of other maps go too."""
    jmap = doc.project.map_by_id(map_id)
    if jmap is None:
        return None
    fixes: list[tuple[str, str, Any]] = []
    for other in doc.project.maps:
        if other.id == map_id:
            continue
        for card in other.cards:
            if any(link.map == map_id for link in card.links):
                keep = [link for link in card.links if link.map != map_id]
                fixes.append((card.id, "links", keep))
    text = _quoted(QCoreApplication.translate("Verbs", "Delete map '%1'"), jmap.name)
    return remove(doc, [map_id], text, fixes)


def remove_persona(doc: Document, persona_id: str) -> QUndoCommand | None:
    persona = doc.element(persona_id)
    text = QCoreApplication.translate("Verbs", "Delete persona '%1'")
    return remove(doc, [persona_id], _quoted(text, getattr(persona, "name", "")))


def remove_project_item(
    doc: Document, element_id: str, text: str | None = None
) -> QUndoCommand | None:
    """Remove a team, source or metric, and clear what refers to it: one step."""
    from journeydesk.model import MetricDefinition, Source, Team

    element = doc.element(element_id)
    fixes: list[tuple[str, str, Any]] = []
    for jmap in doc.project.maps:
        for card in jmap.cards:
            if isinstance(element, Team) and any(o.team == element_id for o in card.owners):
                keep = [o for o in card.owners if o.team != element_id]
                fixes.append((card.id, "owners", keep))
            if isinstance(element, Source):
                for ev in card.evidence:
                    if ev.source == element_id:
                        fixes.append((ev.id, "source", None))
        if isinstance(element, MetricDefinition):
            for stage in jmap.stages:
                if any(k.metric == element_id for k in stage.kpis):
                    keep_k = [k for k in stage.kpis if k.metric != element_id]
                    fixes.append((stage.id, "kpis", keep_k))
    return remove(doc, [element_id], text, fixes)
