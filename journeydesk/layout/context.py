"""What one layout pass shares: the options a caller chose, a card's measure,
and the context the layouter's parts (``engine``, ``chrome``, ``curves``,
``connections``) draw into. No Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from journeydesk.model.project import Card, JourneyMap, Project

from .primitives import Item, Overflow
from .theme import Theme
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class LayoutHint:
    """What changed since a layout, told by whoever owns the model (the editor
    window, from its document's changes): the model was at token ``since`` when
    the last layout was made and is at ``now``; in between only the own fields
    of the ``cards`` (by id) changed. ``since`` None: nothing is known, the
    layout takes the full path and remembers ``now``. A plain value: the layout
    layer knows no document. ``MapLayouter.layout`` trusts it only when its last
    layout was made at ``since`` from the same project, map, options and theme."""

    since: int | None
    now: int
    cards: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LayoutOptions:
    language: str | None = None
    """Language of the drawing's own words; default: the project's."""
    lanes: frozenset[str] | None = None
    """Lane ids to show; None: all."""
    hide_lane_kinds: frozenset[str] = frozenset()
    """Lane kinds left out (e.g. {"backstage", "notes"} for a client poster)."""
    title_block: bool = True
    legend: bool = True
    comments: bool = True
    """Show comment counts on cards (client exports leave them out)."""
    date: dt.date | None = None
    """Date printed in the title block; default: the project's modified date."""
    logo: str | None = None
    """Asset id of a logo for the title block (export profiles)."""
    brand_colour: str | None = None
    """Rule under the title block in the client's colour (export profiles)."""
    marks: tuple[tuple[str, str], ...] = ()
    """(element id, "added" | "changed" | "moved") pairs a comparison found:
    drawn as a frame and a badge on the element (layout/marks.py)."""


@dataclass(frozen=True)
class CardMeasure:
    width: float
    height: float
    title_lines: int
    body_lines: int
    """Lines of the title and of the body (0: no body); the lines themselves
    are broken when the card is drawn (card_face.card_primitives)."""
    title_cut: bool
    body_cut: bool
    image_height: float = 0.0


@dataclass
class LayoutContext:
    """One map being laid out: its project, options and language, and the items
    and overflows drawn so far."""

    project: Project
    jmap: JourneyMap
    theme: Theme
    options: LayoutOptions
    language: str
    vocab: Vocabulary
    items: list[Item] = field(default_factory=list)
    overflows: list[Overflow] = field(default_factory=list)
    comments: dict[str, int] = field(default_factory=dict)
    """Open review comments per element (empty when the options leave them out)."""

    def image_aspect(self, card: Card) -> float:
        if card.image is None:
            return 0.0
        asset = next((a for a in self.project.assets if a.id == card.image), None)
        return asset.height / asset.width if asset else 0.0
