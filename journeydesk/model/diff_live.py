"""The differences from a fixed project to one being edited, kept up to date.

Why: while the window compares its project with another file, every edit asked
for the whole diff again (flatten both trees' worth of records, compare them):
about 1 s at 20,000 cards, on each keystroke. Most edits set a few fields of a
few cards; then only those cards' records and changes are made again, and the
result is what ``diff_trees`` gives for the whole project (tests hold it to it).

No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .diff import (
    Change,
    Record,
    Tree,
    _fill,
    _shape,
    diff_renamed,
    flatten,
    key_changes,
    moved_keys,
    rename_ids,
    renamer,
    same_content_ids,
)
from .project import Card, Project


class LiveDiff:
    """``changes``: ``diff_trees(a, flatten(project))`` for the project last given."""

    def __init__(self, a: Tree, project: Project) -> None:
        self.a = a
        self.changes: list[Change] = []
        self._b: Tree = {}
        self._mapping: dict[str, str] = {}
        self._moved: set[str] = set()
        self._position: dict[str, int] = {}
        self._children: dict[str, list[str]] = {}
        self.recompute(project)

    def recompute(self, project: Project) -> None:
        """The whole diff again (after anything but a few cards' own fields)."""
        raw = flatten(project)
        self._mapping = same_content_ids(self.a, raw)
        self._b = rename_ids(raw, self._mapping)
        self._moved = moved_keys(self.a, self._b)
        self._position = {key: i for i, key in enumerate(self._b)}
        self._children = {}
        for key, rec in self._b.items():
            if rec.parent is not None:
                self._children.setdefault(rec.parent, []).append(key)
        self.changes = diff_renamed(self.a, self._b, self._moved)

    def cards_edited(self, cards: Iterable[Card], fields: Iterable[str]) -> bool:
        """Follow an edit that set ``fields`` of ``cards`` and nothing else (no
        card added, removed or reordered). False, having changed nothing, when
        that is not enough: a field that holds elements (a card's evidence) or a
        card the diff does not know; then call ``recompute``."""
        shape = _shape(Card)
        if any(shape.get(name, ("leaf", None))[0] != "leaf" for name in fields):
            return False
        cards = list(cards)
        if any(card.id not in self._b or self._b[card.id].kind != "card" for card in cards):
            return False
        sub = renamer(self._mapping)
        keys: set[str] = set()
        for card in cards:
            old = self._b[card.id]
            scratch: Tree = {}
            rec = Record(old.key, old.kind, old.parent, old.container, old.index)
            _fill(scratch, rec, Card, card.model_dump(mode="json"), "")
            if self._mapping:
                rec.fields = {k: sub(v) for k, v in rec.fields.items()}
            self._b[card.id] = rec
            keys.add(card.id)
            # its evidence's changes say the card's stage (map_and_stage): again too
            below = list(self._children.get(card.id, ()))
            while below:
                key = below.pop()
                keys.add(key)
                below += self._children.get(key, ())
        kept = [c for c in self.changes if c.id not in keys]
        fresh = [
            change
            for key in sorted(keys, key=self._position.__getitem__)
            for change in key_changes(self.a, self._b, key, self._b[key], self._moved)
        ]
        # in the new tree's order, then the removals (in the old one's), as diff_trees
        present = [c for c in kept if c.op != "removed"]
        removed = [c for c in kept if c.op == "removed"]
        merged = sorted(present + fresh, key=lambda c: self._position[c.id])
        self.changes = merged + removed
        return True
