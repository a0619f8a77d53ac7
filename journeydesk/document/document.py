"""The open document: the project model, its undo stack, and change signals.

One direction of data (DESIGN.md): a gesture makes a command, the command
changes the model through this document, the document emits ``changed``
naming what changed, and the views redraw from the model. Nothing but
commands changes the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from journeydesk.model import Card, JourneyMap, Project
from journeydesk.model.base import Element


@dataclass(frozen=True)
class Change:
    """What a command changed: ``ids`` of the objects, and the ``fields`` touched
    (empty for adds and removals). ``structural`` is true when objects were
    added, removed or reordered."""

    ids: tuple[str, ...]
    fields: tuple[str, ...] = ()
    structural: bool = False


@dataclass(frozen=True)
class Location:
    """Where an element lives: the object holding the list, the list's field
    name, and the element's index in it."""

    owner: BaseModel
    field: str
    index: int

    @property
    def items(self) -> list[Any]:
        items: list[Any] = getattr(self.owner, self.field)
        return items


def merged(changes: list[Change]) -> Change:
    """One change that says what ``changes`` said: their ids and fields, in order
    and once each, structural when any was."""
    if len(changes) == 1:
        return changes[0]
    return Change(
        tuple(dict.fromkeys(i for c in changes for i in c.ids)),
        tuple(dict.fromkeys(f for c in changes for f in c.fields)),
        structural=any(c.structural for c in changes),
    )


class Document(QObject):
    changed = Signal(object)  # Change
    dirtyChanged = Signal(bool)

    def __init__(self, project: Project, path: Path | None = None) -> None:
        super().__init__()
        self.project = project
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._index: dict[str, tuple[Element, Location]] | None = None
        self._batch: list[Change] | None = None
        """Changes held back while a macro runs (``batched``)."""
        self._generation = 0
        """Bumped by every change made through this document."""
        self._index_generation = -1
        """``_generation`` when the index was last walked whole."""

    def __del__(self) -> None:
        """The undo stack emptied while everything it holds is still whole.

        A document freed by a garbage collection (held by a cycle of other
        objects) had its stack, and the commands on it, deleted by Qt in the
        middle of the collector clearing those same commands' Python wrappers:
        with a macro on the stack that crashed the process. Python runs this
        before the collector clears anything."""
        try:
            self.undo_stack.blockSignals(True)  # nobody is told of a closed document
            self.undo_stack.clear()
        except (AttributeError, RuntimeError):  # never built, or Qt has gone
            pass

    # --- state ------------------------------------------------------------

    def _clean_changed(self, clean: bool) -> None:
        self.dirtyChanged.emit(not clean)

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.undo_stack.setClean()

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    # --- finding things ---------------------------------------------------

    @classmethod
    def _walk(cls, obj: BaseModel, index: dict[str, tuple[Element, Location]]) -> None:
        """Index the elements held (at any depth) in the lists of ``obj``.

        Reads the fields from the model's ``__dict__`` (pydantic keeps exactly
        the field values there) with the checks of ``_walk_value`` inlined: a
        call per field was most of indexing a 20,000-card map (480,000 calls,
        paid by the first edit after opening it)."""
        for name, value in obj.__dict__.items():
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        if isinstance(item, Element):
                            index[item.id] = (item, Location(obj, name, i))
                        cls._walk(item, index)
            elif isinstance(value, BaseModel):
                cls._walk(value, index)

    def _build_index(self) -> dict[str, tuple[Element, Location]]:
        index: dict[str, tuple[Element, Location]] = {}
        self._walk(self.project, index)
        return index

    def _reindex(self) -> dict[str, tuple[Element, Location]]:
        """Walk the whole project again (120,000 values at 5,000 cards)."""
        index = self._index = self._build_index()
        self._index_generation = self._generation
        return index

    def warm_index(self) -> None:
        """Walk the project now, when nothing waits for it: the app calls this
        when idle after an open (``ui.main_window.settle_heap``), so the
        first edit of a big map does not walk it (~170 ms at 20,000 cards).
        A no-op while the index stands."""
        if self._index is None:
            self._reindex()

    def element(self, element_id: str) -> Element:
        """The element with this id; KeyError when there is none. The project's
        own id gives the project, so its fields are set like any element's.

        The project and its maps are found without the index (the inspector
        shows the map when nothing is selected: opening a file builds no index).
        A miss walks the project again only when it changed since the last walk
        (the index follows the document's own changes; the walk is a safety net),
        so asking for gone ids again and again costs nothing."""
        if element_id == self.project.id:
            return self.project  # type: ignore[return-value]  # an id and fields, like an element
        index = self._index
        if index is None:
            for jmap in self.project.maps:
                if jmap.id == element_id:
                    return jmap
            index = self._reindex()
        found = index.get(element_id)
        if found is None:
            if self._index_generation == self._generation:
                raise KeyError(element_id)
            found = self._reindex()[element_id]
        return found[0]

    @property
    def generation(self) -> int:
        """A number that changes with every change of the project made through
        this document (and with ``invalidate``): what a view computed from the
        model at one generation is still right while it stays the same."""
        return self._generation

    def invalidate(self) -> None:
        """The project was changed behind the document's back (not through a
        command): the next look-up walks it again."""
        self._index = None
        self._generation += 1

    def location(self, element_id: str) -> Location:
        if self._index is None:
            self._reindex()
            assert self._index is not None
        element, loc = self._index[element_id]
        if loc.index >= len(loc.items) or loc.items[loc.index] is not element:
            element, loc = self._reindex()[element_id]
        return loc

    def indexed(self, element_id: str) -> tuple[Element, Location] | None:
        """The element and where it lives, when the index is built and still
        right about it; None otherwise (nothing is walked: the caller looks
        itself, as a command on a 20,000-card map can do in one walk)."""
        found = self._index.get(element_id) if self._index is not None else None
        if found is None:
            return None
        element, loc = found
        items = getattr(loc.owner, loc.field)
        if loc.index >= len(items) or items[loc.index] is not element:
            return None
        return found

    def changed_cards(self, change: Change) -> list[Card] | None:
        """The cards whose own fields ``change`` set, or None when it did more:
        added, removed or reordered something, or touched anything but cards
        (an evidence item of a card is not the card). Panels that can follow a
        card edit cheaply ask this first."""
        if change.structural or not change.ids:
            return None
        cards: list[Card] = []
        for element_id in change.ids:
            try:
                element = self.element(element_id)
            except KeyError:
                return None
            if not isinstance(element, Card):
                return None
            cards.append(element)
        return cards

    def map_of(self, element_id: str) -> JourneyMap | None:
        """The map an element belongs to (the map itself for a map id)."""
        for jmap in self.project.maps:
            if jmap.id == element_id:
                return jmap
        loc_owner: BaseModel = self.location(element_id).owner
        seen = 0
        while not isinstance(loc_owner, (JourneyMap, Project)) and seen < 10:
            seen += 1
            if isinstance(loc_owner, Element):
                loc_owner = self.location(loc_owner.id).owner
            else:
                # Non-element containers (a storyline, a scale) hang on an element.
                for jmap in self.project.maps:
                    if loc_owner is jmap.storyline:
                        return jmap
                return None
        return loc_owner if isinstance(loc_owner, JourneyMap) else None

    # --- the only ways commands touch the model ---------------------------

    def _signal(self, change: Change) -> None:
        if self._batch is not None:
            self._batch.append(change)
        else:
            self.changed.emit(change)

    @contextmanager
    def batched(self) -> Iterator[None]:
        """The changes made inside are signalled once, merged, when it ends (a
        macro's: deleting 5,000 selected cards signalled 5,000 changes, and the
        window laid the map out again for each). Nested, the outermost signals."""
        if self._batch is not None:
            yield
            return
        self._batch = []
        try:
            yield
        finally:
            changes, self._batch = self._batch, None
            if changes:
                self.changed.emit(merged(changes))

    def set_field(self, element_id: str, field: str, value: Any) -> None:
        element = self.element(element_id)
        self._generation += 1
        old = getattr(element, field)
        setattr(element, field, value)
        self._swapped(element, field, old, value)
        self._signal(Change((element_id,), (field,)))

    def _swapped(self, owner: BaseModel, field: str, old: Any, value: Any) -> None:
        """A field holding elements was replaced (a map's storyline, a card's
        evidence list...): what it held leaves the index, the new value's
        elements come in; the rest of the index stays as it is."""
        if self._index is None:
            return
        if isinstance(old, (BaseModel, list)):
            gone: dict[str, tuple[Element, Location]] = {}
            self._walk_value(owner, field, old, gone)
            for key in gone:
                self._index.pop(key, None)
        if isinstance(value, (BaseModel, list)):
            self._walk_value(owner, field, value, self._index)

    @classmethod
    def _walk_value(
        cls, owner: BaseModel, field: str, value: Any, index: dict[str, tuple[Element, Location]]
    ) -> None:
        """Index what ``owner.field`` holds: a nested object, or a list of them."""
        if isinstance(value, BaseModel):
            cls._walk(value, index)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Element):
                    index[item.id] = (item, Location(owner, field, i))
                if isinstance(item, BaseModel):
                    cls._walk(item, index)

    def set_fields(self, changes: list[tuple[str, str, Any]]) -> None:
        """Several fields of several elements at once, one change event."""
        self._generation += 1
        for element_id, field, value in changes:
            element = self.element(element_id)
            old = getattr(element, field)
            setattr(element, field, value)
            self._swapped(element, field, old, value)
        self._signal(
            Change(
                tuple(dict.fromkeys(c[0] for c in changes)),
                tuple(dict.fromkeys(c[1] for c in changes)),
            )
        )

    def _reindex_from(self, owner: BaseModel, field: str, start: int) -> None:
        """The elements of one list from ``start`` on moved: their places change.
        (Elements nested in them keep theirs: those are relative to their owner.)"""
        if self._index is None:
            return
        items = getattr(owner, field)
        for i in range(start, len(items)):
            item = items[i]
            if isinstance(item, Element):
                self._index[item.id] = (item, Location(owner, field, i))

    def insert(self, owner: BaseModel, field: str, index: int, item: Any) -> None:
        items = getattr(owner, field)
        items.insert(index, item)
        self._generation += 1
        if self._index is not None and isinstance(item, BaseModel):
            # Only the new subtree and the list's later elements change place;
            # walking the whole project again cost 175 ms on 5,000 cards.
            self._walk(item, self._index)
            self._reindex_from(owner, field, max(0, min(index, len(items) - 1)))
        else:
            self._index = None
        ids = (item.id,) if isinstance(item, Element) else ()
        owner_id = (owner.id,) if isinstance(owner, (Element, Project)) else ()
        self._signal(Change(ids + owner_id, (field,), structural=True))

    def remove(self, owner: BaseModel, field: str, index: int) -> Any:
        items = getattr(owner, field)
        item = items.pop(index)
        self._generation += 1
        if self._index is not None and isinstance(item, BaseModel):
            gone: dict[str, tuple[Element, Location]] = {}
            self._walk(item, gone)
            if isinstance(item, Element):
                gone[item.id] = (item, Location(owner, field, index))
            for key in gone:
                self._index.pop(key, None)
            self._reindex_from(owner, field, index)
        else:
            self._index = None
        ids = (item.id,) if isinstance(item, Element) else ()
        owner_id = (owner.id,) if isinstance(owner, (Element, Project)) else ()
        self._signal(Change(ids + owner_id, (field,), structural=True))
        return item
