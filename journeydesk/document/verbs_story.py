"""Verbs for a map's storyline: its scenes written, moved, added, deleted,
reset, its mode switched, a scene's fields set (see ``verbs`` for the rules).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeydesk.model import JourneyMap, Scene

from .commands import MERGE_SET_FIELD, SetField, SetFields
from .document import Document
from .verbs import push


class SetScenes(SetField):
    """A map's scenes (and mode) replaced: scenes written for the first time,
    moved, added, deleted, reset. The map's storyline object is swapped for a
    copy holding the new list, so the command is one undo step and one change
    event, and undo puts the very same object (and list) back.

    ``follow`` names a scene and field the user is typing in (the default
    scenes written together with a first keystroke): the typing that follows
    merges into this step. The typed text is already in the scene object this
    command put in the list, so redo brings it back too."""

    def __init__(
        self,
        doc: Document,
        jmap: JourneyMap,
        text: str,
        scenes: list[Scene] | None = None,
        mode: str | None = None,
        follow: tuple[str, str] | None = None,
    ) -> None:
        update: dict[str, Any] = {}
        if scenes is not None:
            update["scenes"] = list(scenes)
        if mode is not None:
            update["mode"] = mode
        # A shallow copy: the scenes list is shared unless a new one is given.
        super().__init__(
            doc, jmap.id, "storyline", jmap.storyline.model_copy(update=update), text, merge=False
        )
        self.follow = follow

    def id(self) -> int:
        return MERGE_SET_FIELD if self.follow is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        return (
            self.follow is not None
            and isinstance(other, SetField)
            and other.merge
            and (other.element_id, other.field) == self.follow
        )


def set_scenes(
    doc: Document,
    jmap: JourneyMap,
    scenes: list[Scene] | None = None,
    mode: str | None = None,
    text: str | None = None,
    follow: tuple[str, str] | None = None,
) -> QUndoCommand:
    """Replace a map's scenes and/or its storyline mode: one undo step."""
    if text is None:
        text = QCoreApplication.translate("Verbs", "Edit storyline")
    return push(doc, SetScenes(doc, jmap, text, scenes, mode, follow))


def set_scene_fields(
    doc: Document, scene_id: str, changes: dict[str, Any], text: str, merge: bool = False
) -> QUndoCommand | None:
    """Fields of a written scene: one step (typing in one field merges)."""
    scene = doc.element(scene_id)
    changes = {f: v for f, v in changes.items() if getattr(scene, f) != v}
    if not changes:
        return None
    if len(changes) == 1:
        ((field, value),) = changes.items()
        return push(doc, SetField(doc, scene_id, field, value, text, merge))
    return push(doc, SetFields(doc, [(scene_id, f, v) for f, v in changes.items()], text))
