"""A semantic diff of two projects, element by element, by id.

Why by id and not by text: two copies of a map that went through different hands
differ in order, in ids of new things and in formatting; what a person wants to
know is which card was added, removed, edited (field by field) or moved. The
same flat form (one ``Record`` per element: kind, parent, container, position
and its own fields) is what the three-way merge (``model/merge.py``) works on.

Flattening rule: every element (an object with an id, and the project itself)
is a record; a field holding a list of elements is a container of child
records; a non-element object that holds element lists (a map's storyline) is
flattened into dotted field names (``storyline.mode``, container
``storyline.scenes``); every other field is one value, compared whole.

No Qt here.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .base import Element
from .project import Project

ROOT = "$project"
"""The key of the project's own record (two copies may differ in project id)."""

MISSING: Any = None
"""What a field that one side does not have compares as."""

_KIND: dict[str, str] = {
    "personas": "persona",
    "teams": "team",
    "sources": "source",
    "metrics": "metric",
    "maps": "map",
    "assets": "asset",
    "comments": "comment",
    "export_profiles": "export profile",
    "stages": "stage",
    "steps": "step",
    "lanes": "lane",
    "cards": "card",
    "curves": "curve",
    "points": "curve point",
    "connections": "connection",
    "separators": "separator",
    "storyline.scenes": "scene",
    "evidence": "evidence",
    "replies": "reply",
}

LOCATION_FIELDS: dict[str, tuple[str, ...]] = {"card": ("step", "lane")}
"""Fields that say where an element sits: a change to them is a move, and the
merge treats them as one unit (a card moved two ways is one conflict)."""


@dataclass
class Record:
    """One element, flattened: its place and its own fields (JSON values)."""

    key: str
    kind: str
    parent: str | None
    container: str
    index: int
    fields: dict[str, Any] = field(default_factory=dict)

    def title(self) -> str:
        for name in ("title", "name", "label", "text"):
            value = self.fields.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip().splitlines()[0][:60]
        return ""


Tree = dict[str, Record]


# --- flattening -----------------------------------------------------------------

_SHAPES: dict[type[BaseModel], dict[str, tuple[str, type[BaseModel] | None]]] = {}
_SUB_FIELDS: set[str] = set()
"""Names of the non-element objects flattened into dotted fields (``storyline``)."""


def _shape(cls: type[BaseModel]) -> dict[str, tuple[str, type[BaseModel] | None]]:
    """For each field of ``cls``: ("children", element class), ("sub", model) or ("leaf", None)."""
    found = _SHAPES.get(cls)
    if found is None:
        found = {}
        for name, info in cls.model_fields.items():
            ann = info.annotation
            if typing.get_origin(ann) is list:
                (item,) = typing.get_args(ann) or (None,)
                if isinstance(item, type) and issubclass(item, Element):
                    found[name] = ("children", item)
                    continue
            if (
                isinstance(ann, type)
                and issubclass(ann, BaseModel)
                and not issubclass(ann, Element)
            ) and any(kind == "children" for kind, _c in _shape(ann).values()):
                found[name] = ("sub", ann)
                _SUB_FIELDS.add(name)
                continue
            found[name] = ("leaf", None)
        _SHAPES[cls] = found
    return found


def flatten(project: Project) -> Tree:
    """Every element of ``project`` as a record, keyed by id (the project by ``ROOT``)."""
    data = project.model_dump(mode="json")
    tree: Tree = {}
    root = Record(ROOT, "project", None, "", 0)
    tree[ROOT] = root
    _fill(tree, root, Project, data, "")
    return tree


def _fill(tree: Tree, rec: Record, cls: type[BaseModel], data: dict[str, Any], prefix: str) -> None:
    shape = _shape(cls)
    for name, value in data.items():
        if name == "id" and not prefix:
            if rec.key == ROOT:
                rec.fields["id"] = value
            continue
        kind, child_cls = shape.get(name, ("leaf", None))
        if kind == "children" and isinstance(value, list) and child_cls is not None:
            container = prefix + name
            for i, item in enumerate(value):
                if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                    continue
                child = Record(item["id"], _KIND.get(container, container), rec.key, container, i)
                tree.setdefault(child.key, child)
                _fill(tree, child, child_cls, item, "")
        elif kind == "sub" and isinstance(value, dict) and child_cls is not None:
            _fill(tree, rec, child_cls, value, f"{prefix}{name}.")
        else:
            rec.fields[prefix + name] = value


def unflatten(tree: Tree) -> dict[str, Any]:
    """The project document (JSON) the records describe; children in ``index`` order."""
    children: dict[str, dict[str, list[Record]]] = {}
    for rec in tree.values():
        if rec.parent is not None:
            children.setdefault(rec.parent, {}).setdefault(rec.container, []).append(rec)
    for groups in children.values():
        for items in groups.values():
            items.sort(key=lambda r: (r.index, r.key))

    def build(rec: Record) -> dict[str, Any]:
        out: dict[str, Any] = {} if rec.key == ROOT else {"id": rec.key}
        for name, value in rec.fields.items():
            _put(out, name, value)
        for container, items in children.get(rec.key, {}).items():
            _put(out, container, [build(r) for r in items])
        return out

    return build(tree[ROOT])


def _put(out: dict[str, Any], dotted: str, value: Any) -> None:
    head, _dot, rest = dotted.partition(".")
    if rest and head in _SUB_FIELDS:
        _put(out.setdefault(head, {}), rest, value)
    else:
        out[dotted] = value


# --- assets by content ------------------------------------------------------------


def asset_digest(rec: Record) -> str:
    return hashlib.sha256(str(rec.fields.get("data", "")).encode("ascii", "replace")).hexdigest()


def same_content_ids(ref_tree: Tree, other: Tree) -> dict[str, str]:
    """Ids of ``other``'s assets that ``ref_tree`` holds with the same content under
    another id: {other id: ref id}. Assets are compared by content, not id."""
    known: dict[str, str] = {}
    for rec in ref_tree.values():
        if rec.kind == "asset":
            known.setdefault(asset_digest(rec), rec.key)
    out: dict[str, str] = {}
    for rec in other.values():
        if rec.kind == "asset" and rec.key not in ref_tree:
            twin = known.get(asset_digest(rec))
            if twin is not None and twin not in other:
                out[rec.key] = twin
    return out


def renamer(mapping: dict[str, str]) -> typing.Callable[[Any], Any]:
    """A JSON value with every string that is a key of ``mapping`` renamed."""

    def sub(value: Any) -> Any:
        if isinstance(value, str):
            return mapping.get(value, value)
        if isinstance(value, list):
            return [sub(v) for v in value]
        if isinstance(value, dict):
            return {k: sub(v) for k, v in value.items()}
        return value

    return sub


def rename_ids(tree: Tree, mapping: dict[str, str]) -> Tree:
    """``tree`` with ids (and every field value equal to one, in any list or
    object) renamed through ``mapping``. Ids are UUIDs: a string equal to one is
    a reference to it."""
    if not mapping:
        return tree
    sub = renamer(mapping)
    out: Tree = {}
    for rec in tree.values():
        key = mapping.get(rec.key, rec.key)
        parent = None if rec.parent is None else mapping.get(rec.parent, rec.parent)
        out[key] = Record(
            key,
            rec.kind,
            parent,
            rec.container,
            rec.index,
            {k: sub(v) for k, v in rec.fields.items()},
        )
    return out


# --- the diff ----------------------------------------------------------------------


@dataclass
class Change:
    """One difference: ``op`` is added, removed, changed or moved."""

    op: str
    kind: str
    id: str
    title: str
    map_id: str | None
    stage_id: str | None
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "map": self.map_id,
            "stage": self.stage_id,
            "fields": {k: {"old": o, "new": n} for k, (o, n) in self.fields.items()},
        }


def map_and_stage(tree: Tree, key: str) -> tuple[str | None, str | None]:
    """The map and stage an element belongs to (a card: the stage of its step)."""
    rec = tree.get(key)
    stage: str | None = None
    seen = 0
    while rec is not None and seen < 50:
        seen += 1
        if rec.kind == "stage" and stage is None:
            stage = rec.key
        if rec.kind == "step" and stage is None:
            stage = rec.parent
        if rec.kind in ("card",) and stage is None:
            step = tree.get(str(rec.fields.get("step")))
            stage = step.parent if step is not None else None
        if rec.kind == "map":
            return rec.key, stage
        rec = tree.get(rec.parent) if rec.parent else None
    return None, stage


def moved_keys(a: Tree, b: Tree) -> set[str]:
    """Elements whose order among their surviving siblings changed (or that
    changed parent or container)."""
    out: set[str] = set()
    groups_a: dict[tuple[str | None, str], list[Record]] = {}
    groups_b: dict[tuple[str | None, str], list[Record]] = {}
    for tree, groups in ((a, groups_a), (b, groups_b)):
        for rec in tree.values():
            if rec.parent is not None:
                groups.setdefault((rec.parent, rec.container), []).append(rec)
    for key, rec in b.items():
        old = a.get(key)
        if old is not None and (old.parent, old.container) != (rec.parent, rec.container):
            out.add(key)
    for group, items_b in groups_b.items():
        items_a = groups_a.get(group, [])
        common = {r.key for r in items_a} & {r.key for r in items_b}
        seq_a = [r.key for r in sorted(items_a, key=lambda r: r.index) if r.key in common]
        seq_b = [r.key for r in sorted(items_b, key=lambda r: r.index) if r.key in common]
        if seq_a == seq_b:
            continue
        matcher = difflib.SequenceMatcher(a=seq_a, b=seq_b, autojunk=False)
        kept = {k for blk in matcher.get_matching_blocks() for k in seq_b[blk.b : blk.b + blk.size]}
        out |= set(seq_b) - kept
    return out


def diff_trees(a: Tree, b: Tree) -> list[Change]:
    """The differences from ``a`` to ``b``, in ``b``'s file order (removals in ``a``'s)."""
    b = rename_ids(b, same_content_ids(a, b))
    return diff_renamed(a, b, moved_keys(a, b))


def diff_renamed(a: Tree, b: Tree, moved: set[str]) -> list[Change]:
    """``diff_trees`` once ``b``'s assets are renamed to ``a``'s and ``moved`` is known."""
    changes: list[Change] = []
    for key, rec in b.items():
        changes += key_changes(a, b, key, rec, moved)
    for key, rec in a.items():
        if key not in b and (rec.parent is None or rec.parent in b):
            changes.append(Change("removed", rec.kind, key, rec.title(), *map_and_stage(a, key)))
    return changes


def key_changes(a: Tree, b: Tree, key: str, rec: Record, moved: set[str]) -> list[Change]:
    """The changes of ``b``'s element ``key`` (its record ``rec``) from ``a``: added,
    or changed and / or moved; none when the same."""
    old = a.get(key)
    where = map_and_stage(b, key)
    if old is None:
        if rec.parent is None or rec.parent in a:  # children of a new element come along
            return [Change("added", rec.kind, key, rec.title(), *where)]
        return []
    diffs = {
        name: (old.fields.get(name, MISSING), rec.fields.get(name, MISSING))
        for name in sorted(set(old.fields) | set(rec.fields))
        if old.fields.get(name, MISSING) != rec.fields.get(name, MISSING)
    }
    location = set(LOCATION_FIELDS.get(rec.kind, ())) | {"order"}
    moves = {k: v for k, v in diffs.items() if k in location}
    edits = {k: v for k, v in diffs.items() if k not in location}
    out: list[Change] = []
    if edits:
        out.append(Change("changed", rec.kind, key, rec.title(), *where, edits))
    if moves or key in moved:
        out.append(Change("moved", rec.kind, key, rec.title(), *where, moves))
    return out


def diff_projects(a: Project, b: Project) -> list[Change]:
    return diff_trees(flatten(a), flatten(b))


# --- text forms ---------------------------------------------------------------------

_SIGN = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}


def short(value: Any, limit: int = 80) -> str:
    """A value in one line, cut to ``limit`` characters."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(tree: Tree, key: str | None) -> str:
    rec = tree.get(key) if key else None
    return short(rec.title(), 60) if rec is not None else "?"


def diff_text(a: Tree, b: Tree, changes: list[Change]) -> list[str]:
    """The changes for people: grouped by map, then stage; one line each, with
    indented ``field: old → new`` lines."""
    groups: dict[tuple[str | None, str | None], list[Change]] = {}
    for ch in changes:
        groups.setdefault((ch.map_id, ch.stage_id), []).append(ch)
    lines: list[str] = []
    last_map: object = object()
    for (map_id, stage_id), items in groups.items():
        if map_id != last_map:
            last_map = map_id
            if map_id is None:
                lines.append("Project")
            else:
                lines.append(
                    f"Map {_name(b, map_id) if map_id in b else _name(a, map_id)} ({map_id})"
                )
        indent = "  "
        if stage_id is not None:
            title = _name(b, stage_id) if stage_id in b else _name(a, stage_id)
            lines.append(f"  Stage {title}")
            indent = "    "
        for ch in items:
            head = f"{_SIGN[ch.op]} {ch.op} {ch.kind} {short(ch.title, 60)} ({ch.id})"
            lines.append(indent + head)
            for name, (old, new) in ch.fields.items():
                lines.append(f"{indent}    {name}: {short(old)} → {short(new)}")
    return lines


def textconv_lines(project: Project) -> list[str]:
    """A stable text form of one project for ``git diff``: every element in file
    order, one ``field: value`` line each; asset data as its SHA-256."""
    tree = flatten(project)
    depth: dict[str, int] = {}
    lines: list[str] = []
    for key, rec in tree.items():
        parent_depth = depth.get(rec.parent, -1) if rec.parent else -1
        depth[key] = parent_depth + 1
        pad = "  " * depth[key]
        lines.append(f"{pad}{rec.kind} {short(rec.title(), 60)} [{key}]")
        for name in sorted(rec.fields):
            value = rec.fields[name]
            if rec.kind == "asset" and name == "data":
                value = "sha256:" + asset_digest(rec)
            lines.append(f"{pad}  {name}: {short(value, 400)}")
    return lines


# --- on the canvas --------------------------------------------------------------------

_MARK_RANK = {"moved": 1, "changed": 2, "added": 3}


def marks_for(changes: list[Change]) -> tuple[tuple[str, str], ...]:
    """(element id, mark) for the layout's ``marks`` option: one per element
    (added over changed over moved); removals have nothing to mark here."""
    out: dict[str, str] = {}
    for ch in changes:
        if ch.op in _MARK_RANK and _MARK_RANK[ch.op] > _MARK_RANK.get(out.get(ch.id, ""), 0):
            out[ch.id] = ch.op
    return tuple(out.items())


_NOT_COMPARED = frozenset({"step", "lane", "order", "derived_from", "relates_to", "links"})
"""A derived card's fields that hold this map's own ids or place: not compared."""


def derived_changes(project: Project, jmap_id: str) -> list[Change]:
    """A future-state map against the map it is based on, card by card: a card
    with no ``derived_from`` is added, one whose fields differ from its origin's
    is changed, a card of the base map no card derives from is removed (with the
    base card's id). Empty when the map has no base."""
    jmap = project.map_by_id(jmap_id)
    base = project.map_by_id(jmap.based_on) if jmap is not None and jmap.based_on else None
    if jmap is None or base is None:
        return []
    origin = {c.id: c for c in base.cards}
    stage_of = {step.id: stage.id for stage in jmap.stages for step in stage.steps}
    base_stage_of = {step.id: stage.id for stage in base.stages for step in stage.steps}
    changes: list[Change] = []
    derived: set[str] = set()
    for card in jmap.cards:
        title = card.title.strip().splitlines()[0][:60] if card.title.strip() else ""
        where = (jmap.id, stage_of.get(card.step))
        source = origin.get(card.derived_from or "")
        if source is None:
            changes.append(Change("added", "card", card.id, title, *where))
            continue
        derived.add(source.id)
        old = source.model_dump(mode="json", exclude=set(_NOT_COMPARED) | {"id"})
        new = card.model_dump(mode="json", exclude=set(_NOT_COMPARED) | {"id"})
        fields = {k: (old.get(k), new.get(k)) for k in sorted(new) if old.get(k) != new.get(k)}
        if fields:
            changes.append(Change("changed", "card", card.id, title, *where, fields))
    for card in base.cards:
        if card.id not in derived:
            title = card.title.strip().splitlines()[0][:60] if card.title.strip() else ""
            changes.append(
                Change("removed", "card", card.id, title, base.id, base_stage_of.get(card.step))
            )
    return changes
