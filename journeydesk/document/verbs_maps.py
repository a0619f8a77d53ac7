"""Verbs for a project's maps: add, duplicate, derive a future state, import
from another project, move, delete. Copies get a fresh id for every element
inside, with their references remapped (see ``verbs`` for the verb rules).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeydesk.model import JourneyMap, Project
from journeydesk.model.checks import iter_elements
from journeydesk.model.refs import DEFINITIONS, Targets, drop_refs, fresh_copy, iter_refs

from .commands import Insert, Macro
from .document import Document
from .verbs import move_in_list, push, remove


def copy_map(jmap: JourneyMap) -> tuple[JourneyMap, dict[str, str]]:
    """A copy of ``jmap`` with a fresh id for every element in it, references
    inside the map remapped to the copies (by the references declared on the
    model); references outside (personas...) are kept. Returns the copy and
    the old-to-new id mapping."""
    return fresh_copy(jmap)


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

    # The definitions the copy refers to, and those they refer to in turn
    # (a persona's photo), by the references declared on the model.
    by_id = {e.id: e for kind in DEFINITIONS for e in getattr(source, kind)}
    used: set[str] = set()
    todo: list[BaseModel] = [copy]
    while todo:
        for site in iter_refs(todo.pop()):
            if site.ref.kind in DEFINITIONS and site.target not in used:
                used.add(site.target)
                if site.target in by_id:
                    todo.append(by_id[site.target])
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
    # References the copy cannot keep in this project (a base map or linked
    # maps it does not hold...) are dropped, as removing their targets would.
    arriving: dict[str, Any] = {
        kind: [*getattr(project, kind), *(e for e in getattr(source, kind) if e.id in used)]
        for kind in DEFINITIONS
    }
    after = project.model_copy(update={**arriving, "maps": [*project.maps, copy]})
    targets = Targets(after)
    drop_refs(s for s in iter_refs(copy) if not targets.resolves(s))
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
    """Delete a map with its cards; links from cards of other maps go too
    (``remove_elements`` follows the references declared on the model)."""
    jmap = doc.project.map_by_id(map_id)
    if jmap is None:
        return None
    text = _quoted(QCoreApplication.translate("Verbs", "Delete map '%1'"), jmap.name)
    return remove(doc, [map_id], text)


def remove_persona(doc: Document, persona_id: str) -> QUndoCommand | None:
    persona = doc.element(persona_id)
    text = QCoreApplication.translate("Verbs", "Delete persona '%1'")
    return remove(doc, [persona_id], _quoted(text, getattr(persona, "name", "")))


def remove_project_item(
    doc: Document, element_id: str, text: str | None = None
) -> QUndoCommand | None:
    """Remove a team, source or metric; what refers to it is cleared in the
    same step, as the references declared on the model say."""
    return remove(doc, [element_id], text)
