"""The import verb: what an import computed, applied to the document as ONE undo step.

The importers (``journeydesk/exchange``) change a ``Project`` in place; the app
runs them on a copy of the document's project (``import_copy``), shows what
they did, and then ``apply_import`` puts the difference in: the project-level
lists and vocabularies that changed, each changed field of each existing map
(stages, lanes, cards, curves...), and the new maps — one ``Macro``, so one
Undo takes the whole import back. See ``verbs`` for the verb rules.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeydesk.model import Project

from .commands import Insert, Macro, SetFields
from .document import Document
from .verbs import push

PROJECT_FIELDS = (
    "personas",
    "teams",
    "sources",
    "metrics",
    "score_definitions",
    "vocabularies",
)
MAP_FIELDS = ("name", "scenario", "personas", "stages", "lanes", "cards", "curves")


def import_copy(doc: Document) -> Project:
    """A copy of the document's project for an importer to change."""
    return doc.project.model_copy(deep=True)


def import_changes(
    doc: Document, imported: Project
) -> tuple[list[tuple[str, str, Any]], list[Any]]:
    """(field changes, new maps) that turn the document's project into ``imported``."""
    project = doc.project
    changes: list[tuple[str, str, Any]] = [
        (project.id, field, getattr(imported, field))
        for field in PROJECT_FIELDS
        if getattr(imported, field) != getattr(project, field)
    ]
    here = {m.id: m for m in project.maps}
    new_maps = []
    for jmap in imported.maps:
        old = here.get(jmap.id)
        if old is None:
            new_maps.append(jmap)
            continue
        changes += [
            (jmap.id, field, getattr(jmap, field))
            for field in MAP_FIELDS
            if getattr(jmap, field) != getattr(old, field)
        ]
    return changes, new_maps


def apply_import(doc: Document, imported: Project, source_name: str) -> QUndoCommand | None:
    """Make the document's project what ``imported`` (an importer's result on
    ``import_copy(doc)``) is, as one undo step; None when nothing changed."""
    changes, new_maps = import_changes(doc, imported)
    if not changes and not new_maps:
        return None
    text = QCoreApplication.translate("Verbs", "Import '%1'").replace("%1", source_name)
    macro = Macro(text)
    if changes:
        macro.add(SetFields(doc, changes, text))
    for jmap in new_maps:
        macro.add(Insert(doc, doc.project, "maps", jmap))
    return push(doc, macro)
