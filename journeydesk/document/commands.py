"""Undo commands: one small class per verb, each touching only the model.

Every edit is a command pushed on the document's undo stack. Commands change
the model only through the document (``set_field``, ``insert``, ``remove``),
which tells the views what changed. Removing an object others refer to is one
command with children (the references cleared, the dependants removed), and
undo restores every list in its exact order (DESIGN.md rule 5).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from pydantic import BaseModel
from PySide6.QtGui import QUndoCommand

from journeydesk.model import Card, Connection, JourneyMap
from journeydesk.model.base import Element
from journeydesk.model.refs import RefSite, edits_dropping, element_ids, id_of, iter_refs

from .document import Document

MERGE_SET_FIELD = 1001


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def describe(element: Any) -> str:
    for attr in ("title", "name", "label", "emotion"):
        value = getattr(element, attr, "")
        if value:
            return f"'{_short(str(value))}'"
    return ""


class Macro(QUndoCommand):
    """Several commands as one undo step: redone in order, undone in reverse.

    The children are kept here, not as Qt child commands: Qt would own them,
    and Python subclasses owned only by C++ lose their Python half."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.commands: list[QUndoCommand] = []

    def add(self, command: QUndoCommand) -> QUndoCommand:
        self.commands.append(command)
        return command

    def redo(self) -> None:
        with self._batched():
            for command in self.commands:
                command.redo()

    def undo(self) -> None:
        with self._batched():
            for command in reversed(self.commands):
                command.undo()

    def _batched(self) -> AbstractContextManager[None]:
        """The document's changes signalled once for the whole step (``Document.batched``)."""
        doc = self.document()
        return doc.batched() if doc is not None else nullcontext()

    def document(self) -> Document | None:
        """The document its commands edit (None when none says)."""
        for command in self.commands:
            if isinstance(command, DocumentCommand):
                return command._doc()
            if isinstance(command, Macro):
                doc = command.document()
                if doc is not None:
                    return doc
        return None


class DocumentCommand(QUndoCommand):
    """A command that edits one document, which it holds weakly.

    The document owns its undo stack and the stack its commands, so a command
    holding its document strongly made a cycle through PySide wrappers: freed
    only by a full garbage collection, whose clearing of those wrappers crashed
    the process (a closed document, a later ``gc.collect()``; issue #14). Held
    weakly, a document and its commands go by reference counting when the last
    window or test lets the document go."""

    def __init__(self, doc: Document, text: str) -> None:
        super().__init__(text)
        self._doc = weakref.ref(doc)

    @property
    def doc(self) -> Document:
        doc = self._doc()
        if doc is None:
            raise RuntimeError("the document this command edits is closed")
        return doc


class SetField(DocumentCommand):
    """Set one field of one element. Successive edits of the same field of the
    same element merge into one step (typing, nudges), keeping the oldest
    old value; an edit that ends where it started disappears."""

    def __init__(
        self,
        doc: Document,
        element_id: str,
        field: str,
        value: Any,
        text: str,
        merge: bool = True,
    ) -> None:
        super().__init__(doc, text)
        self.element_id = element_id
        self.field = field
        self.new = value
        self.old = getattr(doc.element(element_id), field)
        self.merge = merge

    def id(self) -> int:
        return MERGE_SET_FIELD if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetField) and other.merge and self.merge):
            return False
        if (other.element_id, other.field) != (self.element_id, self.field):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.doc.set_field(self.element_id, self.field, self.new)

    def undo(self) -> None:
        self.doc.set_field(self.element_id, self.field, self.old)


class SetFields(DocumentCommand):
    """Several fields of several elements as one step (a drag of many cards)."""

    def __init__(
        self,
        doc: Document,
        changes: list[tuple[str, str, Any]],
        text: str,
    ) -> None:
        super().__init__(doc, text)
        self.new = [c for c in changes if getattr(doc.element(c[0]), c[1]) != c[2]]
        self.old = [(i, f, getattr(doc.element(i), f)) for i, f, _ in self.new]

    def redo(self) -> None:
        if self.new:
            self.doc.set_fields(self.new)

    def undo(self) -> None:
        if self.old:
            self.doc.set_fields(self.old)


class Insert(DocumentCommand):
    """Insert an item into a list of the model (a card into a map's cards...)."""

    def __init__(
        self,
        doc: Document,
        owner: BaseModel,
        field: str,
        item: Any,
        index: int | None = None,
        text: str = "",
    ) -> None:
        super().__init__(doc, text)
        self.owner = owner
        self.field = field
        self.item = item
        self.at = index
        """Where it goes; None: at the end of the list when it is done. (Taken at
        the making, every insert of a macro went to the same place, each before
        the last: pasted cards came out reversed, and each moved all those
        after it in the document's index: duplicating 5,000 cards took 18 s.)"""
        self.index = len(getattr(owner, field)) if index is None else index

    def redo(self) -> None:
        if self.at is None:
            self.index = len(getattr(self.owner, self.field))
        self.doc.insert(self.owner, self.field, self.index, self.item)

    def undo(self) -> None:
        self.doc.remove(self.owner, self.field, self.index)


class Remove(DocumentCommand):
    """Remove an element from its list; undo puts it back at the same index."""

    def __init__(self, doc: Document, element_id: str, text: str = "") -> None:
        super().__init__(doc, text)
        self.element_id = element_id
        self.owner: BaseModel | None = None
        self.field = ""
        self.index = -1
        self.item: Any = None

    def redo(self) -> None:
        loc = self.doc.location(self.element_id)
        self.owner, self.field, self.index = loc.owner, loc.field, loc.index
        self.item = self.doc.remove(loc.owner, loc.field, loc.index)

    def undo(self) -> None:
        assert self.owner is not None
        self.doc.insert(self.owner, self.field, self.index, self.item)


class Reorder(DocumentCommand):
    """Move an element to another index of its own list (stages, steps, lanes)."""

    def __init__(
        self,
        doc: Document,
        element_id: str,
        new_index: int,
        text: str,
    ) -> None:
        super().__init__(doc, text)
        self.element_id = element_id
        loc = doc.location(element_id)
        self.old_index = loc.index
        self.new_index = max(0, min(new_index, len(loc.items) - 1))

    def _move(self, to: int) -> None:
        loc = self.doc.location(self.element_id)
        item = self.doc.remove(loc.owner, loc.field, loc.index)
        self.doc.insert(loc.owner, loc.field, to, item)

    def redo(self) -> None:
        self._move(self.new_index)

    def undo(self) -> None:
        self._move(self.old_index)


# --- verbs -------------------------------------------------------------------


def remove_elements(doc: Document, ids: list[str], text: str | None = None) -> QUndoCommand:
    """One command that removes elements and keeps the project valid. What else
    goes and what is cleared comes from the references declared on the model
    (model/refs.py): an element holding a ``cascade`` reference to something
    removed goes too (cards in a removed step or lane, connections to a removed
    card, curve points on a removed step, comments on anything removed...),
    ``clear`` references become None or leave their list (a card's image, a
    lane's persona, relates_to, based_on...), ``remove_item`` ones take their
    list item with them (a card's owner of a removed team, a KPI value of a
    removed metric, a link to a removed map)."""
    project = doc.project
    elements = [doc.element(i) for i in ids]
    if text is None:
        text = (
            f"Delete {type(elements[0]).__name__.lower()} {describe(elements[0])}".strip()
            if len(elements) == 1
            else f"Delete {len(elements)} items"
        )
    macro = Macro(text)
    gone: set[str] = set()
    for e in elements:
        gone |= element_ids(e)

    # Dependants that cannot exist without what is removed: widen the set,
    # following cascading references until nothing more goes.
    sites = list(iter_refs(project))
    pointing: dict[str, list[RefSite]] = {}
    for site in sites:
        pointing.setdefault(site.target, []).append(site)
    extra: list[str] = []
    todo = list(gone)
    while todo:
        for site in pointing.get(todo.pop(), ()):
            holder = site.holder_id
            if site.ref.on_remove == "cascade" and holder not in gone:
                dependants = element_ids(site.holder)
                gone |= dependants
                todo.extend(dependants)
                extra.append(holder)

    # References to what is removed are cleared first (undone last).
    dropped = [
        s
        for s in sites
        if s.target in gone and s.holder_id not in gone and s.ref.on_remove != "cascade"
    ]
    for owner, field, value in edits_dropping(dropped):
        macro.add(SetField(doc, id_of(owner), field, value, "", False))

    # A card that spans removed steps or lanes (but keeps its own) spans fewer.
    for jmap in project.maps:
        if jmap.id not in gone:
            for card_id, span, value in _shrunk_spans(jmap, gone):
                macro.add(SetField(doc, card_id, span, value, "", False))

    # Remove dependants, then the elements; highest index first within a list
    # so every recorded index stays right on undo.
    to_remove = [*extra, *[e.id for e in elements]]
    removed = set(to_remove)
    to_remove = [i for i in dict.fromkeys(to_remove) if not _inside_removed(doc, i, removed)]
    to_remove.sort(key=lambda i: _sort_key(doc, i), reverse=True)
    for element_id in to_remove:
        macro.add(Remove(doc, element_id, ""))
    return macro


def _cells_from(ids: Iterable[str]) -> dict[str, int]:
    """How many cells there are from each of ``ids`` to the end, itself included."""
    order = list(ids)
    return {cell: len(order) - n for n, cell in enumerate(order)}


def _shrunk_spans(jmap: JourneyMap, gone: set[str]) -> list[tuple[str, str, int]]:
    steps = [s.id for s in jmap.steps()]
    lanes = [lane.id for lane in jmap.lanes]
    if not any(s in gone for s in steps) and not any(lane in gone for lane in lanes):
        return []
    changes = []
    for card in jmap.cards:
        if card.id in gone:
            continue
        for field, span, order, anchor in (
            ("span_steps", card.span_steps, steps, card.step),
            ("span_lanes", card.span_lanes, lanes, card.lane),
        ):
            if span > 1 and anchor in order:
                start = order.index(anchor)
                lost = sum(1 for i in order[start : start + span] if i in gone)
                if lost:
                    changes.append((card.id, field, span - lost))
    return changes


def _inside_removed(doc: Document, element_id: str, removed: set[str]) -> bool:
    """True when an ancestor of the element is itself being removed."""
    owner = doc.location(element_id).owner
    for _ in range(8):
        if isinstance(owner, Element):
            if owner.id in removed:
                return True
            owner = doc.location(owner.id).owner
        else:
            return False
    return False


def _sort_key(doc: Document, element_id: str) -> tuple[int, str, int]:
    loc = doc.location(element_id)
    return (id(loc.owner), loc.field, loc.index)


def cell_cards(
    jmap: JourneyMap, step: str, lane: str, exclude: frozenset[str] | set[str] = frozenset()
) -> list[Card]:
    return sorted(
        (c for c in jmap.cards if c.step == step and c.lane == lane and c.id not in exclude),
        key=lambda c: c.order,
    )


def add_card(doc: Document, jmap: JourneyMap, card: Card, index: int | None = None) -> QUndoCommand:
    """Add ``card`` to its cell at ``index`` (default: last), renumbering the cell."""
    macro = Macro(f"Add card {describe(card)}".strip())
    others = cell_cards(jmap, card.step, card.lane)
    index = len(others) if index is None else max(0, min(index, len(others)))
    card.order = index
    macro.add(Insert(doc, jmap, "cards", card, None, ""))
    changes = [(c.id, "order", n if n < index else n + 1) for n, c in enumerate(others)]
    if changes:
        macro.add(SetFields(doc, changes, ""))
    return macro


def move_cards(
    doc: Document,
    jmap: JourneyMap,
    card_ids: list[str],
    step: str,
    lane: str,
    index: int | None = None,
) -> QUndoCommand:
    """Move cards (keeping their relative order) into a cell at ``index``; the
    cells they leave and the cell they join are renumbered. One undo step."""
    wanted = set(card_ids)
    moving = _cards_of(doc, jmap, wanted)
    moving.sort(key=lambda c: (c.step, c.lane, c.order))
    ids = {c.id for c in moving}
    # The cells touched, each listed in one walk over the map's cards (a walk
    # per cell, and a set made per card, cost a move on a 20,000-card map;
    # lane and step first: a key made for each card was most of the walk).
    left = {(c.step, c.lane) for c in moving} - {(step, lane)}
    cells: dict[tuple[str, str], list[Card]] = {cell: [] for cell in (*left, (step, lane))}
    lanes, steps = {cell[1] for cell in cells}, {cell[0] for cell in cells}
    for c in jmap.cards:
        if c.lane in lanes and c.step in steps:
            found = cells.get((c.step, c.lane))
            if found is not None and c.id not in ids:
                found.append(c)
    for cell_list in cells.values():
        cell_list.sort(key=lambda c: c.order)
    target = cells[(step, lane)]
    index = len(target) if index is None else max(0, min(index, len(target)))
    final = target[:index] + moving + target[index:]
    changes: list[tuple[str, str, Any]] = []
    # A spanning card keeps its span as far as the map goes from its new cell
    # (moved to the last step, a card spanning two steps spans one).
    steps_after = _cells_from(s.id for s in jmap.steps()).get(step, 1)
    lanes_after = _cells_from(x.id for x in jmap.lanes).get(lane, 1)
    for c in moving:
        changes += [(c.id, "step", step), (c.id, "lane", lane)]
        if c.span_steps > steps_after:
            changes.append((c.id, "span_steps", steps_after))
        if c.span_lanes > lanes_after:
            changes.append((c.id, "span_lanes", lanes_after))
    changes += [(c.id, "order", n) for n, c in enumerate(final)]
    for cell in sorted(left):
        changes += [(c.id, "order", n) for n, c in enumerate(cells[cell])]
    text = f"Move card {describe(moving[0])}" if len(moving) == 1 else f"Move {len(moving)} cards"
    return SetFields(doc, changes, text.strip())


def _cards_of(doc: Document, jmap: JourneyMap, ids: set[str]) -> list[Card]:
    """The map's cards with these ids, in the map's order: from the document's
    index when it knows each of them as a card of ``jmap`` (a few cards moved
    on a 20,000-card map), else by a walk over the map's cards."""
    found: list[tuple[int, Card]] = []
    for card_id in ids:
        known = doc.indexed(card_id)
        if (
            known is None
            or not isinstance(known[0], Card)
            or known[1].owner is not jmap
            or known[1].field != "cards"
        ):
            return [c for c in jmap.cards if c.id in ids]
        found.append((known[1].index, known[0]))
    found.sort(key=lambda at: at[0])
    return [card for _, card in found]


def add_connection(
    doc: Document, jmap: JourneyMap, source: str, target: str, kind: str = "flow"
) -> QUndoCommand:
    conn = Connection(source=source, target=target, kind=kind)
    return Insert(doc, jmap, "connections", conn, None, "Add connection")
