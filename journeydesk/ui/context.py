"""A window's editing context: what it edits and where the user is in it.

One :class:`EditingContext` per window holds the document (the project and
its undo stack), the id of the map shown, the settled selection and the
file's path. The scene and the panels read it and subscribe to its signals;
the main window assembles them and keeps no copy of its own. Code that
changes the model from outside a widget (the file side, links, a future
import) goes through the document it holds.

Why a separate object: before it, the shown map was the current row of a
hidden list widget in the window, the project and path were copied into the
window beside the document, and the file controller reached into the
window's private methods to keep those copies in step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from journeydesk.document.document import Document
    from journeydesk.model import JourneyMap, Project


class EditingContext(QObject):
    """The document, the shown map, the selection and the path of one window."""

    documentReplaced = Signal(object)
    """Another document (or None) is edited now; the shown map is its first."""
    mapChanged = Signal(object)
    """The id of the map shown now (None: no map)."""
    selectionChanged = Signal(list)
    """The selected element ids, once the selection has settled (a redraw
    clears and restores it: one signal after, not one per item)."""
    pathChanged = Signal(object)
    """The document's file is another one now (saved under a name, or opened)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._map_id: str | None = None
        self._wanted: str | None = None
        """The map the user chose last: shown again when an undo brings it back."""
        self._map_ids: list[str] = []
        self._selection: list[str] = []
        self._selection_source: Callable[[], list[str]] | None = None
        self._selection_stale = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._selection_settled)

    # --- the document -------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def project(self) -> Project | None:
        return self._document.project if self._document is not None else None

    @property
    def path(self) -> Path | None:
        return self._document.path if self._document is not None else None

    def set_document(self, document: Document | None) -> None:
        """Edit ``document`` now: its first map shown, nothing selected."""
        old = self._document
        if old is not None:
            old.changed.disconnect(self._document_changed)
        self._document = document
        if document is not None:
            # Connected before any panel: the shown map is right when they redraw.
            document.changed.connect(self._document_changed)
        project = self.project
        self._map_ids = [m.id for m in project.maps] if project is not None else []
        self._map_id = self._wanted = self._map_ids[0] if self._map_ids else None
        self._selection = []
        self._selection_stale = False
        self.documentReplaced.emit(document)
        self.pathChanged.emit(self.path)
        self.mapChanged.emit(self._map_id)

    def saved_as(self, path: Path) -> None:
        """The document was written to ``path``: it is the document's file now."""
        if self._document is None:
            return
        self._document.mark_saved(path)
        self.pathChanged.emit(path)

    # --- the shown map --------------------------------------------------------

    @property
    def map_id(self) -> str | None:
        return self._map_id

    def current_map(self) -> JourneyMap | None:
        project = self.project
        if project is None or self._map_id is None:
            return None
        return project.map_by_id(self._map_id)

    def set_map(self, map_id: str | None) -> None:
        """Show the map ``map_id`` (an id not in the project is ignored)."""
        if map_id is not None and map_id not in self._map_ids:
            return
        self._wanted = map_id
        if map_id == self._map_id:
            return
        self._map_id = map_id
        self.mapChanged.emit(map_id)

    def _document_changed(self, _change: object) -> None:
        """Keep showing the shown map; when it went, its neighbour; when the
        map the user chose comes back (an undo, a reorder), that one again."""
        project = self.project
        if project is None:
            return
        ids = [m.id for m in project.maps]
        old_ids, self._map_ids = self._map_ids, ids
        if self._map_id in ids and (self._wanted == self._map_id or self._wanted not in ids):
            return
        if self._wanted in ids:
            new = self._wanted
        elif not ids:
            new = None
        else:
            old_row = old_ids.index(self._map_id) if self._map_id in old_ids else 0
            new = ids[max(0, min(old_row, len(ids) - 1))]
        if new != self._map_id:
            self._map_id = new
            self.mapChanged.emit(new)

    # --- the selection --------------------------------------------------------

    def follow_selection(self, source: Callable[[], list[str]]) -> None:
        """Where the selection is read from (the scene's selected items)."""
        self._selection_source = source
        self._selection_stale = True

    def selection_touched(self) -> None:
        """The selection may have changed: it is read again when asked for, and
        :attr:`selectionChanged` follows once the event loop is back."""
        self._selection_stale = True
        self._settle.start()

    @property
    def selection(self) -> list[str]:
        """The selected element ids, in selection order, without repeats."""
        if self._selection_stale and self._selection_source is not None:
            self._selection = list(dict.fromkeys(self._selection_source()))
            self._selection_stale = False
        return list(self._selection)

    def _selection_settled(self) -> None:
        self.selectionChanged.emit(self.selection)


__all__ = ["EditingContext"]
