"""The marker that declares a field a reference to another object (DESIGN.md rule 13).

It sits on the field in project.py; refs.py reads it from pydantic's field
metadata. Kept in a module of its own so the model's types and the walker
both import it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RefKind = Literal[
    "personas", "teams", "sources", "metrics", "assets", "maps",
    "stages", "steps", "lanes", "cards", "elements",
]  # fmt: skip
"""What a reference points at: a project definition (personas... assets), a
map, something inside a map (stages, steps, lanes, cards), or any element."""
RefScope = Literal["project", "map", "base", "any_map"]
OnRemove = Literal["clear", "cascade", "remove_item"]


@dataclass(frozen=True)
class Ref:
    """The declaration that a field holds the id of another object (DESIGN.md
    rule 13). Put it on the field, ``Annotated[Id | None, Ref("assets")]``, or
    on a list of ids, ``Annotated[list[Id], Ref("personas")]``; model/refs.py
    reads it from pydantic's field metadata, and the reference check, what a
    removal clears or cascades, id remapping (copy, paste, import, templates)
    and merging all derive from it.

    ``scope``: where the target must be: ``project`` (anywhere in the project),
    ``map`` (the holder's own map), ``base`` (the map the holder's map is
    ``based_on``), ``any_map`` (any map of the project).
    ``on_remove``: what removing the target does to the holder: ``clear``
    (the field becomes None, or the id leaves its list), ``cascade`` (the
    element holding the field goes too), ``remove_item`` (the list item that
    declares the field leaves its list: an owner, a KPI value, a map link).
    ``no_self``: the message when the id is the holder's own (refused), or "".
    ``checked``: False for a reference older versions left dangling and that
    the check must tolerate (a removal still clears it).
    """

    kind: RefKind
    scope: RefScope = "project"
    on_remove: OnRemove = "clear"
    no_self: str = ""
    checked: bool = True
