"""A merge the user decides change by change (File → Merge From…).

Why separate from ``merge.py``: the command line decides for the user (ours
wins each conflict, kept as a comment); in the app each change THEIRS made is
a ``Proposal`` the user accepts or rejects, conflicts first, and the result is
applied as one undo step. Without a common original (``base`` None) ours is
the base: every difference of theirs is a proposal, none a conflict.

A proposal is one element: accepting it takes theirs' version of that element
(all its fields and its place, or its deletion or addition), rejecting keeps
ours. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .diff import (
    MISSING,
    Record,
    Tree,
    flatten,
    map_and_stage,
    rename_ids,
    same_content_ids,
    unflatten,
)
from .merge import merge_trees, repair_document, without_orphans
from .project import Project


@dataclass
class Proposal:
    """One change theirs made to an element; ``op`` added, removed, changed or moved."""

    key: str
    op: str
    kind: str
    title: str
    map_id: str | None
    stage_id: str | None
    conflict: bool
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    """Field: (ours, theirs)."""


@dataclass
class MergePlan:
    base: Tree
    ours: Tree
    theirs: Tree
    proposals: list[Proposal]

    def apply(self, accepted: set[str]) -> tuple[Project, list[str]]:
        """The project with the accepted proposals (by key) taken from theirs,
        references repaired (one line per repair)."""
        ours = dict(self.ours)
        theirs = dict(self.base)
        for p in self.proposals:
            if p.key not in accepted:
                continue
            rec = self.theirs.get(p.key)
            if p.conflict:  # theirs wins this element: put it on our side too
                if rec is None:
                    ours.pop(p.key, None)
                else:
                    ours[p.key] = rec
            if rec is None:
                theirs.pop(p.key, None)
            else:
                theirs[p.key] = rec
                _bring_parents(rec, self.theirs, theirs)
        tree, _conflicts = merge_trees(self.base, ours, theirs)
        return repair_document(unflatten(without_orphans(tree)))


def _bring_parents(rec: Record, source: Tree, into: Tree) -> None:
    """An accepted child (a step of a new stage) needs its parent on that side."""
    parent = rec.parent
    while parent is not None and parent not in into and parent in source:
        into[parent] = source[parent]
        parent = source[parent].parent


def plan_merge(ours: Project, theirs: Project, base: Project | None = None) -> MergePlan:
    """Every change theirs made (against ``base``, or against ours without one)
    as a proposal; conflicts (ours changed the same element differently) first."""
    o = flatten(ours)
    b = flatten(base) if base is not None else o
    t = rename_ids(flatten(theirs), same_content_ids(o, flatten(theirs)))
    proposals: list[Proposal] = []
    for key in dict.fromkeys([*t, *b]):
        rb, rt, ro = b.get(key), t.get(key), o.get(key)
        if rb is None and rt is None:
            continue
        if rt is not None and rb is not None and _same(rb, rt):
            continue
        if rt is not None and rb is None and rt.parent is not None and rt.parent not in b:
            continue  # comes with its new parent
        if rt is None and rb is not None and rb.parent is not None and rb.parent not in t:
            continue  # goes with its removed parent
        op = "added" if rb is None else "removed" if rt is None else _op(rb, rt)
        touched_by_ours = (ro is None) != (rb is None) or (
            ro is not None and rb is not None and not _same(rb, ro)
        )
        conflict = base is not None and touched_by_ours and not (ro and rt and _same(ro, rt))
        shown = rt or rb
        assert shown is not None
        tree = t if rt is not None else b
        fields = {}
        if rt is not None:
            mine = ro.fields if ro is not None else {}
            fields = {
                n: (mine.get(n, MISSING), rt.fields.get(n, MISSING))
                for n in dict.fromkeys([*mine, *rt.fields])
                if mine.get(n, MISSING) != rt.fields.get(n, MISSING)
            }
        proposals.append(
            Proposal(
                key, op, shown.kind, shown.title(), *map_and_stage(tree, key), conflict, fields
            )
        )
    proposals.sort(key=lambda p: not p.conflict)
    return MergePlan(b, o, t, proposals)


def _same(a: Record, b: Record) -> bool:
    return a.fields == b.fields and (a.parent, a.container) == (b.parent, b.container)


def _op(base: Record, theirs: Record) -> str:
    location = {"step", "lane", "order"}
    moved = (base.parent, base.container) != (theirs.parent, theirs.container) or any(
        base.fields.get(n) != theirs.fields.get(n) for n in location
    )
    edited = any(
        base.fields.get(n) != theirs.fields.get(n)
        for n in set(base.fields) | set(theirs.fields)
        if n not in location
    )
    return "changed" if edited or not moved else "moved"
