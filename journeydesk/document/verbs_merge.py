"""The verb that applies a merge (File → Merge From…) as one undo step.

Why one verb: the user accepted and rejected changes one by one in the merge
dialog, but the result is one decision; undo gives back the project exactly as
it was before. The merged project (model/merge_plan.py) is put in place field
by field of the project (maps, personas, comments...), only the fields that
differ, through the ``set_fields`` verb (one ``SetFields`` command).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeydesk.model.project import Project

from .document import Document
from .verbs import set_fields

_KEPT = ("id", "format", "format_version", "created")
"""Fields of the open project a merge leaves as they are."""


def apply_merged(doc: Document, merged: Project, source: str = "") -> QUndoCommand | None:
    """Make ``doc``'s project ``merged`` as one undo step; None when nothing differs."""
    project = doc.project
    changes = [
        (project.id, name, getattr(merged, name))
        for name in type(project).model_fields
        if name not in _KEPT and getattr(project, name) != getattr(merged, name)
    ]
    if not changes:
        return None
    if source:
        text = QCoreApplication.translate("Verbs", "Merge from %1").replace("%1", source)
    else:
        text = QCoreApplication.translate("Verbs", "Merge")
    return set_fields(doc, changes, text)
