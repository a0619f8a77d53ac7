"""The references of a project, read from their one declaration (DESIGN.md rule 13).

A field that holds another object's id says so on the field itself with a
``Ref`` marker (model/base.py). This module reads those markers from
pydantic's field metadata and offers the walks everything else derives from:

- ``ref_fields(cls)``: the declared reference fields of a model class;
- ``iter_refs(obj)``: every reference under an object, as a ``RefSite``
  (the element holding it, the field path, the id, the ``Ref``), the list the
  reference check, removals and the coming three-way merge work from;
- ``Targets`` / ``problem``: whether a reference resolves, in the right place;
- ``remap_ids`` / ``with_fresh_ids``: new ids for copies (paste, import,
  templates), with the references between the copied objects following;
- ``edits_dropping`` / ``drop_refs``: what "the target is gone" does to a
  holder (clear the field, take the id out of its list, drop the list item).

No Qt here.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from .base import Element
from .project import JourneyMap, Project
from .ref import Ref, RefKind

DEFINITIONS: tuple[RefKind, ...] = ("personas", "teams", "sources", "metrics", "assets")
"""Kinds that are project-level definitions: they travel with a copied card
or an imported map when the target project has (or gets) them."""
PROJECT_KINDS: tuple[RefKind, ...] = (*DEFINITIONS, "maps")
MAP_KINDS: tuple[RefKind, ...] = ("stages", "steps", "lanes", "cards")

_SINGULAR: dict[str, str] = {
    "personas": "persona",
    "teams": "team",
    "sources": "source",
    "metrics": "metric",
    "assets": "asset",
    "maps": "map",
    "stages": "stage",
    "steps": "step",
    "lanes": "lane",
    "cards": "card",
    "elements": "element",
}

Path = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class RefField:
    """A declared reference field of a model class; ``many`` for a list of ids."""

    name: str
    ref: Ref
    many: bool


@dataclass(slots=True)
class RefSite:
    """One reference in a project.

    ``holder`` is the nearest element (or the project) above the id; ``path``
    leads from it to the id (``("owners", 0, "team")``, ``("personas", 2)``,
    ``("derived_from",)``), so ``holder`` and ``path[0]`` name the field a
    command sets. ``owner`` is the object that declares the field (an
    ``Owner``, a ``Card``...), ``jmap`` the map it sits in (None outside
    maps), ``json_path`` where it is in the file."""

    holder: BaseModel
    path: Path
    target: str
    ref: Ref
    owner: BaseModel
    jmap: JourneyMap | None
    json_path: str

    @property
    def holder_id(self) -> str:
        return id_of(self.holder)


def id_of(obj: BaseModel) -> str:
    """The id of an element or the project; "" for anything else."""
    return obj.id if isinstance(obj, (Element, Project)) else ""


# --- reading the declarations ------------------------------------------------

_REF_FIELDS: dict[type[BaseModel], tuple[RefField, ...]] = {}
_MODEL_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {}


def ref_fields(cls: type[BaseModel]) -> tuple[RefField, ...]:
    """The fields of ``cls`` declared as references, from pydantic's field metadata."""
    found = _REF_FIELDS.get(cls)
    if found is None:
        out = []
        for name, info in cls.model_fields.items():
            refs = [m for m in info.metadata if isinstance(m, Ref)]
            if refs:
                out.append(RefField(name, refs[0], typing.get_origin(info.annotation) is list))
        found = _REF_FIELDS[cls] = tuple(out)
    return found


def model_fields_of(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` whose type mentions a model (``Scale``, ``list[Card]``...)."""
    names = _MODEL_FIELDS.get(cls)
    if names is None:
        names = tuple(
            name for name, info in cls.model_fields.items() if _mentions_model(info.annotation)
        )
        _MODEL_FIELDS[cls] = names
    return names


def _mentions_model(annotation: object) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    if origin is typing.Annotated:
        return _mentions_model(typing.get_args(annotation)[0])
    args = typing.get_args(annotation)
    if not args:
        return True  # not understood (Any, a forward reference...): walk it to be safe
    return any(_mentions_model(arg) for arg in args)


def model_classes(root: type[BaseModel] = Project) -> list[type[BaseModel]]:
    """Every model class reachable from ``root`` through its fields."""
    seen: list[type[BaseModel]] = []
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.append(cls)
        for name in model_fields_of(cls):
            todo.extend(_models_in(cls.model_fields[name].annotation))
    return seen


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type):
        return [annotation] if issubclass(annotation, BaseModel) else []
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


# --- the walk ----------------------------------------------------------------


def iter_refs(obj: BaseModel, path: str = "$") -> Iterator[RefSite]:
    """Every declared reference under ``obj`` (itself included), in file order.
    Walked from the project, ``json_path`` is the path in the file."""
    found: list[RefSite] = []
    _walk(obj, obj, (), path, None, found)
    return iter(found)


def project_refs(project: Project) -> list[RefSite]:
    """Every reference of a project: (holder, path, id, Ref) and the rest of
    each ``RefSite``. What the three-way merge walks."""
    return list(iter_refs(project))


def _walk(
    obj: BaseModel,
    holder: BaseModel,
    rel: Path,
    path: str,
    jmap: JourneyMap | None,
    found: list[RefSite],
) -> None:
    # One plain recursive function, class facts cached: the check walks every
    # reference of a project on each load and save (5,000 cards: ~20,000).
    cls = type(obj)
    refs, models = _shape(cls)
    if cls is JourneyMap:
        jmap = obj  # type: ignore[assignment]
    for rf in refs:
        value = getattr(obj, rf.name)
        if rf.many:
            for i, target in enumerate(value):
                where = f"{path}.{rf.name}[{i}]"
                found.append(RefSite(holder, (*rel, rf.name, i), target, rf.ref, obj, jmap, where))
        elif value is not None:
            where = f"{path}.{rf.name}"
            found.append(RefSite(holder, (*rel, rf.name), value, rf.ref, obj, jmap, where))
    for name in models:
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            if isinstance(value, Element):
                _walk(value, value, (), f"{path}.{name}", jmap, found)
            else:
                _walk(value, holder, (*rel, name), f"{path}.{name}", jmap, found)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Element):
                    _walk(item, item, (), f"{path}.{name}[{i}]", jmap, found)
                elif isinstance(item, BaseModel):
                    _walk(item, holder, (*rel, name, i), f"{path}.{name}[{i}]", jmap, found)


_SHAPES: dict[type[BaseModel], tuple[tuple[RefField, ...], tuple[str, ...]]] = {}


def _shape(cls: type[BaseModel]) -> tuple[tuple[RefField, ...], tuple[str, ...]]:
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = (ref_fields(cls), model_fields_of(cls))
    return shape


def iter_elements(obj: BaseModel, path: str = "$") -> Iterator[tuple[str, Element]]:
    """Yield every element (object with an id) under ``obj``, with its path, in file order."""
    found: list[tuple[str, Element]] = []
    _collect_elements(obj, path, found)
    return iter(found)


def _collect_elements(obj: BaseModel, path: str, found: list[tuple[str, Element]]) -> None:
    # A plain recursive walk over the fields that can hold models: a chain of
    # generators (one per level) costs several times more on a big project.
    if isinstance(obj, Element):
        found.append((path, obj))
    for name in model_fields_of(type(obj)):
        value = getattr(obj, name)
        if isinstance(value, BaseModel):
            _collect_elements(value, f"{path}.{name}", found)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _collect_elements(item, f"{path}.{name}[{i}]", found)


def element_ids(obj: BaseModel) -> set[str]:
    """The ids of every element under ``obj``, itself included."""
    return {e.id for _p, e in iter_elements(obj)}


# --- resolving ---------------------------------------------------------------


class Targets:
    """What the references of one project may point at, by kind and scope."""

    def __init__(self, project: Project, elements: set[str] | None = None) -> None:
        """``elements``: every element id of the project, when the caller has them."""
        self.project = project
        self.maps = {m.id: m for m in project.maps}
        self.project_kinds: dict[str, set[str]] = {
            kind: {e.id for e in getattr(project, kind)} for kind in PROJECT_KINDS
        }
        self._elements = None if elements is None else elements | {project.id}
        self._in_map: dict[str, dict[str, set[str]]] = {}
        self._any_map: dict[str, set[str]] = {}

    def elements(self) -> set[str]:
        if self._elements is None:
            self._elements = element_ids(self.project) | {self.project.id}
        return self._elements

    def in_map(self, jmap: JourneyMap, kind: str) -> set[str]:
        kinds = self._in_map.get(jmap.id)
        if kinds is None or self.maps.get(jmap.id) is not jmap:
            kinds = {
                "stages": {s.id for s in jmap.stages},
                "steps": {s.id for s in jmap.steps()},
                "lanes": {lane.id for lane in jmap.lanes},
                "cards": {c.id for c in jmap.cards},
            }
            self._in_map[jmap.id] = kinds
        return kinds[kind]

    def any_map(self, kind: str) -> set[str]:
        if kind not in self._any_map:
            self._any_map[kind] = set().union(*(self.in_map(m, kind) for m in self.project.maps))
        return self._any_map[kind]

    def base_of(self, jmap: JourneyMap | None) -> JourneyMap | None:
        if jmap is None or jmap.based_on is None:
            return None
        return self.maps.get(jmap.based_on)

    def resolves(self, site: RefSite) -> bool:
        return problem(site, self) is None


def problem(site: RefSite, targets: Targets) -> str | None:
    """Why ``site`` does not resolve, in the words of ``journeydesk validate``; None if it does."""
    ref, target = site.ref, site.target
    what = _SINGULAR[ref.kind]
    if ref.no_self and target == site.holder_id:
        return ref.no_self
    if ref.kind == "elements":
        known = targets.elements()
    elif ref.kind in PROJECT_KINDS:
        known = targets.project_kinds[ref.kind]
    elif ref.scope == "any_map":
        known = targets.any_map(ref.kind)
    elif ref.scope == "base":
        base = targets.base_of(site.jmap)
        owner = type(site.owner).__name__.lower()
        if base is None:
            return (
                f"the {owner} is derived from another map's {what} but its map has no based_on"
            )
        if target not in targets.in_map(base, ref.kind):
            return f"{what} {target} does not exist in the map this one is based on"
        return None
    else:
        if site.jmap is None or target not in targets.in_map(site.jmap, ref.kind):
            return f"{what} {target} does not exist in this map"
        return None
    return None if target in known else f"{what} {target} does not exist"


# --- what a missing target does to its holder ---------------------------------

Edit = tuple[Path, bool]
"""A path below a field and whether to drop the list item there (True) or set None."""


def edit_for(site: RefSite) -> tuple[str, Edit]:
    """The field of ``site.holder`` to change, and how, when the target goes
    (for a ``clear`` or ``remove_item`` reference; a ``cascade`` removes the holder)."""
    field, sub = str(site.path[0]), site.path[1:]
    if site.ref.on_remove == "remove_item":
        # Cut the path after the index of the list item that declares the field.
        last = max((n for n, part in enumerate(site.path) if isinstance(part, int)), default=-1)
        if last >= 1:
            return field, (site.path[1 : last + 1], True)
    many = bool(sub) and isinstance(sub[-1], int)
    return field, (sub, many)


def edited_value(value: Any, edits: Iterable[Edit]) -> Any:
    """A copy of ``value`` with the edits made, copying only along their paths."""
    edits = list(edits)
    if any(not path for path, _drop in edits):
        return None
    if isinstance(value, list):
        out = []
        for i, item in enumerate(value):
            mine = [(p[1:], drop) for p, drop in edits if p[0] == i]
            if not mine:
                out.append(item)
            elif not any(drop and len(p) == 0 for p, drop in mine):
                out.append(edited_value(item, mine))
        return out
    if isinstance(value, BaseModel):
        names = dict.fromkeys(str(p[0]) for p, _drop in edits)
        update = {
            name: edited_value(
                getattr(value, name), [(p[1:], d) for p, d in edits if p[0] == name]
            )
            for name in names
        }
        return value.model_copy(update=update)
    return value


def edits_dropping(sites: Iterable[RefSite]) -> list[tuple[BaseModel, str, Any]]:
    """(holder, field, new value) that drop the given references (their targets
    are gone or cannot come along), one per holder and field, in walk order."""
    grouped: dict[tuple[int, str], tuple[BaseModel, list[Edit]]] = {}
    for site in sites:
        field, edit = edit_for(site)
        grouped.setdefault((id(site.holder), field), (site.holder, []))[1].append(edit)
    return [
        (holder, field, edited_value(getattr(holder, field), edits))
        for (_key, field), (holder, edits) in grouped.items()
    ]


def drop_refs(sites: Iterable[RefSite]) -> None:
    """Drop references in place (on a detached copy: a card being pasted, a map
    being imported). Cascading references are the caller's business."""
    for holder, field, value in edits_dropping(s for s in sites if s.ref.on_remove != "cascade"):
        setattr(holder, field, value)


# --- new ids -----------------------------------------------------------------


def remap_ids(obj: BaseModel, mapping: dict[str, str]) -> None:
    """In place: every element id under ``obj`` and every declared reference
    to one is replaced through ``mapping`` (ids not in it stay)."""
    sites = list(iter_refs(obj))
    for _path, element in iter_elements(obj):
        element.id = mapping.get(element.id, element.id)
    if isinstance(obj, Project):
        obj.id = mapping.get(obj.id, obj.id)
    for site in sites:
        new = mapping.get(site.target)
        if new is not None:
            _set_at(site.holder, site.path, new)


def _set_at(holder: Any, path: Path, value: str) -> None:
    for part in path[:-1]:
        holder = holder[part] if isinstance(part, int) else getattr(holder, part)
    last = path[-1]
    if isinstance(last, int):
        holder[last] = value
    else:
        setattr(holder, last, value)


def fresh_copy(obj: M) -> tuple[M, dict[str, str]]:
    """A deep copy of ``obj`` in which every element has a new id and the
    references between them follow; references outside are kept. Returns the
    copy and the old-to-new mapping."""
    from .base import new_id

    copy = obj.model_copy(deep=True)
    mapping = {element.id: new_id() for _path, element in iter_elements(copy)}
    if isinstance(copy, Project):
        mapping[copy.id] = new_id()
    remap_ids(copy, mapping)
    return copy, mapping


def with_fresh_ids(project: Project) -> Project:
    """A copy of ``project`` in which every id, and every reference to it, is new."""
    return fresh_copy(project)[0]
