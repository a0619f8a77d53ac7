"""A three-way merge of projects by id and field.

Why: two colleagues who each edited a copy of a map should get one file with
both sets of changes, and a conflict (the same field changed two ways, an
element deleted on one side and edited on the other, moved two ways) must be
named, never lost. Ours wins in the result; the other value is kept as an open
review comment on the element, so the app shows what is left to decide.

Works on the flat records of ``model/diff.py``. The result is always a valid
project: references are checked after the merge (``check_project``) and what a
deletion orphaned is repaired (an optional reference cleared, an id taken out
of a list, an element that needs its target removed) and reported.

No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from .base import MAX_TEXT, new_id
from .checks import check_project
from .diff import (
    LOCATION_FIELDS,
    MISSING,
    ROOT,
    Record,
    Tree,
    flatten,
    rename_ids,
    same_content_ids,
    short,
    unflatten,
)
from .project import Project
from .refs import Targets, drop_refs, iter_refs, problem

MERGE_AUTHOR = "journeydesk merge"


@dataclass
class Conflict:
    """One conflict: ``what`` is "field", "delete/edit" or "move"."""

    what: str
    kind: str
    id: str
    title: str
    field: str
    ours: Any
    theirs: Any

    def line(self) -> str:
        name = f"{self.kind} {short(self.title, 60)} ({self.id})"
        if self.what == "delete/edit":
            return f"conflict: {name}: {self.field}: ours {self.ours}; theirs {self.theirs}"
        return (
            f"conflict: {name}: {self.field}: ours {short(self.ours)}, theirs {short(self.theirs)}"
        )

    def comment_text(self) -> str:
        if self.what == "delete/edit":
            text = (
                f"Merge conflict: {self.field}: ours {self.ours}; theirs {self.theirs}. "
                "The element is kept; delete it if that is the decision."
            )
        else:
            text = (
                f"Merge conflict on {self.field}: kept ours {short(self.ours, 2000)}; "
                f"theirs was {short(self.theirs, 2000)}."
            )
        return text[:MAX_TEXT]


@dataclass
class MergeResult:
    project: Project
    conflicts: list[Conflict] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)


def _pick(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """The merged value and whether it is a conflict (then ours)."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True


def _changed(base: Record, other: Record) -> bool:
    return (
        base.fields != other.fields
        or base.parent != other.parent
        or base.container != other.container
    )


def merge_trees(base: Tree, ours: Tree, theirs: Tree) -> tuple[Tree, list[Conflict]]:
    """The merged records and the conflicts (ours wins in each)."""
    # Assets by content: the same image added (or kept) under another id is one asset.
    theirs = rename_ids(theirs, same_content_ids(ours, theirs))
    theirs = rename_ids(theirs, same_content_ids(base, theirs))
    ours = rename_ids(ours, same_content_ids(base, ours))
    conflicts: list[Conflict] = []
    out: Tree = {}
    keys = list(dict.fromkeys([*ours, *theirs]))
    for key in keys:
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if o is None and t is None:
            continue
        if o is None or t is None:
            kept = o if o is not None else t
            assert kept is not None
            if b is None:
                out[key] = kept  # added on one side
            elif not _changed(b, kept):
                continue  # deleted on the other side, untouched here: deleted
            else:
                side = "ours" if t is None else "theirs"
                other = "theirs" if side == "ours" else "ours"
                out[key] = kept
                conflicts.append(
                    Conflict(
                        "delete/edit",
                        kept.kind,
                        key,
                        kept.title() or b.title(),
                        "element",
                        f"{'edited' if side == 'ours' else 'deleted'} it",
                        f"{'deleted' if other == 'theirs' else 'edited'} it",
                    )
                )
            continue
        out[key] = _merge_record(b, o, t, conflicts)
    _order_children(base, ours, theirs, out, conflicts)
    return out, conflicts


def _merge_record(b: Record | None, o: Record, t: Record, conflicts: list[Conflict]) -> Record:
    base_fields = b.fields if b is not None else {}
    location = LOCATION_FIELDS.get(o.kind, ())
    fields: dict[str, Any] = {}
    names = list(dict.fromkeys([*o.fields, *t.fields, *base_fields]))
    loc_b = tuple(base_fields.get(n, MISSING) for n in location)
    loc_o = tuple(o.fields.get(n, MISSING) for n in location)
    loc_t = tuple(t.fields.get(n, MISSING) for n in location)
    if location:
        loc, clash = _pick(loc_b, loc_o, loc_t) if b is not None else _pick(loc_o, loc_o, loc_t)
        if clash:
            conflicts.append(
                Conflict("move", o.kind, o.key, o.title(), "/".join(location), loc_o, loc_t)
            )
        fields.update(zip(location, loc, strict=True))
    for name in names:
        if name in location:
            continue
        vb = base_fields.get(name, MISSING) if b is not None else o.fields.get(name, MISSING)
        value, clash = _pick(vb, o.fields.get(name, MISSING), t.fields.get(name, MISSING))
        if clash:
            conflicts.append(
                Conflict(
                    "field",
                    o.kind,
                    o.key,
                    o.title(),
                    name,
                    o.fields.get(name, MISSING),
                    t.fields.get(name, MISSING),
                )
            )
        if name in o.fields or name in t.fields:
            fields[name] = value
    parent_b = (b.parent, b.container) if b is not None else (o.parent, o.container)
    (parent, container), clash = _pick(parent_b, (o.parent, o.container), (t.parent, t.container))
    if clash:
        conflicts.append(Conflict("move", o.kind, o.key, o.title(), "place", o.parent, t.parent))
    return Record(o.key, o.kind, parent, container, o.index, fields)


def _title_of(tree: Tree, key: str) -> str:
    return tree[key].title() or key


def _groups(tree: Tree) -> dict[tuple[str | None, str], list[str]]:
    out: dict[tuple[str | None, str], list[Record]] = {}
    for rec in tree.values():
        if rec.parent is not None:
            out.setdefault((rec.parent, rec.container), []).append(rec)
    return {g: [r.key for r in sorted(items, key=lambda r: r.index)] for g, items in out.items()}


def _order_children(
    base: Tree, ours: Tree, theirs: Tree, out: Tree, conflicts: list[Conflict]
) -> None:
    """Set each merged record's index: ours' order (theirs' when only theirs
    reordered), the other side's additions after the sibling they follow there.
    Both sides reordering the same list differently is a conflict on its holder."""
    gb, go, gt = _groups(base), _groups(ours), _groups(theirs)
    merged = _groups(out)
    for group, members in merged.items():
        present = set(members)
        seq_b = [k for k in gb.get(group, []) if k in present]
        seq_o = [k for k in go.get(group, []) if k in present]
        seq_t = [k for k in gt.get(group, []) if k in present]
        common = set(seq_b) & set(seq_o) & set(seq_t)
        ob = [k for k in seq_b if k in common]
        oo = [k for k in seq_o if k in common]
        ot = [k for k in seq_t if k in common]
        first, second = (seq_t, seq_o) if oo == ob and ot != ob else (seq_o, seq_t)
        if ob not in (oo, ot) and oo != ot and group[0] in out:
            holder = out[group[0]]
            conflicts.append(
                Conflict(
                    "move",
                    holder.kind,
                    holder.key,
                    holder.title(),
                    f"order of {group[1]}",
                    [_title_of(out, k) for k in oo],
                    [_title_of(out, k) for k in ot],
                )
            )
        placed = set(first)
        after: dict[str | None, list[str]] = {}
        anchor: str | None = None
        for key in second:  # the other side's additions follow the sibling before them
            if key in placed:
                anchor = key
            else:
                after.setdefault(anchor, []).append(key)
                placed.add(key)
        order = list(after.get(None, []))
        for key in first:
            order.append(key)
            order.extend(after.get(key, []))
        order.extend(key for key in members if key not in placed)
        for i, key in enumerate(order):
            rec = out[key]
            out[key] = Record(rec.key, rec.kind, rec.parent, rec.container, i, rec.fields)


# --- repair -------------------------------------------------------------------------

_PATH_PART = re.compile(r"\[(\d+)\]|\.([A-Za-z_][A-Za-z0-9_]*)|\[(\"(?:[^\"\\]|\\.)*\")\]")


def _parse(path: str) -> list[int | str]:
    import json

    parts: list[int | str] = []
    for m in _PATH_PART.finditer(path):
        if m.group(1) is not None:
            parts.append(int(m.group(1)))
        elif m.group(2) is not None:
            parts.append(m.group(2))
        else:
            parts.append(json.loads(m.group(3)))
    return parts


def repair_document(document: dict[str, Any]) -> tuple[Project, list[str]]:
    """Validate ``document`` and repair what the reference check finds, as the
    references declare it (model/ref.py ``on_remove``): a dangling reference is
    cleared or leaves its list, an element whose reference ``cascade``s is
    removed (and whatever that orphans in turn, next round); a card spanning
    past the map's end spans one cell, an undefined or out-of-range score is
    dropped. Returns the project and one line per repair."""
    repairs: list[str] = []
    for _round in range(20):
        project = Project.model_validate(document)
        targets = Targets(project)
        dangling = [
            (site, why)
            for site in iter_refs(project)
            if site.ref.checked and (why := problem(site, targets)) is not None
        ]
        if dangling:
            doomed = {s.holder_id for s, _why in dangling if s.ref.on_remove == "cascade"}
            drop_refs(s for s, _why in dangling if s.holder_id not in doomed)
            for site, why in dangling:
                action = {
                    "cascade": "removed",
                    "remove_item": "its entry removed",
                    "clear": "cleared",
                }[site.ref.on_remove]
                if site.ref.on_remove != "cascade" and site.holder_id in doomed:
                    continue
                repairs.append(f"{site.json_path}: {why}: {action}")
            tree = flatten(project)
            for key in doomed:
                tree.pop(key, None)
            document = unflatten(without_orphans(tree))
            continue
        problems = check_project(project)
        if not problems:
            return project, repairs
        document = project.model_dump(mode="json")
        removals: list[tuple[list[int | str], str]] = []
        for prob in problems:
            parts = _parse(prob.path)
            if parts and parts[-1] in ("span_steps", "span_lanes"):
                _set(document, parts, 1)
                repairs.append(f"{prob.path}: {prob.message}: set to 1")
            elif len(parts) >= 2 and parts[-2] == "scores":
                removals.append((parts[:-1], str(parts[-1])))
                repairs.append(f"{prob.path}: {prob.message}: removed")
            else:
                raise ValueError(f"{prob.path}: {prob.message}")
        for holder, key in removals:
            _get(document, holder).pop(key, None)
    raise ValueError("the merged project could not be repaired")


def without_orphans(tree: Tree) -> Tree:
    """``tree`` without the records whose parent is gone (transitively)."""
    out = dict(tree)
    while True:
        gone = [k for k, r in out.items() if r.parent is not None and r.parent not in out]
        if not gone:
            return out
        for key in gone:
            del out[key]


def _get(document: Any, parts: list[int | str]) -> Any:
    for part in parts:
        document = document[part]
    return document


def _set(document: Any, parts: list[int | str], value: Any) -> None:
    _get(document, parts[:-1])[parts[-1]] = value


def _drop_orphans(tree: Tree) -> list[str]:
    """Remove records whose parent is gone (kept by a conflict, or added on one
    side under an element the other deleted); one line each."""
    lines: list[str] = []
    while True:
        gone = [r for r in tree.values() if r.parent is not None and r.parent not in tree]
        if not gone:
            return lines
        for rec in gone:
            del tree[rec.key]
            lines.append(
                f"{rec.kind} {short(rec.title(), 60)} ({rec.key}): removed, "
                f"the element holding it was deleted"
            )


# --- the whole merge ----------------------------------------------------------------


def merge_projects(
    base: Project, ours: Project, theirs: Project, now: dt.datetime | None = None
) -> MergeResult:
    """Merge ``theirs`` into ``ours`` against their common ``base``."""
    tree, conflicts = merge_trees(flatten(base), flatten(ours), flatten(theirs))
    orphans = _drop_orphans(tree)
    when = (now or dt.datetime.now(dt.UTC)).isoformat()
    targets = set(tree) - {ROOT}
    project_id = tree[ROOT].fields.get("id")
    comments = max((r.index for r in tree.values() if r.container == "comments"), default=-1)
    for conflict in conflicts:
        target = conflict.id if conflict.id in targets else project_id
        comments += 1
        key = new_id()
        tree[key] = Record(
            key,
            "comment",
            ROOT,
            "comments",
            comments,
            {
                "target": target,
                "author": MERGE_AUTHOR,
                "created": when,
                "text": conflict.comment_text(),
                "replies": [],
                "resolved": False,
            },
        )
    document = unflatten(tree)
    try:
        project, repairs = repair_document(document)
        repairs = orphans + repairs
    except ValidationError as exc:
        raise ValueError(f"the merged project is not valid: {exc.errors()[0]['msg']}") from None
    return MergeResult(project, conflicts, repairs)
