"""What the layout returns: plain drawing primitives in points.

Coordinates are points (1/72 in) with the origin at the top left of the map
and y growing downwards; the PDF backend flips y itself. Every backend draws
exactly these primitives and nothing else: a new look is a change to the
layout or the theme, never to a backend.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from .fonts import Face, metrics

Point = tuple[float, float]
Colour = str
"""``#rrggbb``; ``None`` where a fill or stroke is optional means "none"."""
REGISTRATION: Colour = "registration"
"""Print marks' colour: 100 % of every separation in a PDF, black elsewhere."""


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def __init__(self, x: float, y: float, w: float, h: float) -> None:
        # What the frozen dataclass's own __init__ does (``dataclass`` keeps a
        # class's own), in half the time: it sets each field through
        # ``object.__setattr__``, and an edit that moves the lanes below it
        # makes a box for each of ~18,000 cards.
        fields = self.__dict__
        fields["x"] = x
        fields["y"] = y
        fields["w"] = w
        fields["h"] = h

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def united(self, other: Rect) -> Rect:
        x, y = min(self.x, other.x), min(self.y, other.y)
        return Rect(x, y, max(self.right, other.right) - x, max(self.bottom, other.bottom) - y)

    def adjusted(self, dx1: float, dy1: float, dx2: float, dy2: float) -> Rect:
        return Rect(self.x + dx1, self.y + dy1, self.w - dx1 + dx2, self.h - dy1 + dy2)

    def intersects(self, other: Rect) -> bool:
        return not (
            other.x >= self.right
            or other.right <= self.x
            or other.y >= self.bottom
            or other.bottom <= self.y
        )


@dataclass(frozen=True)
class Box:
    """A rectangle, optionally with rounded corners."""

    rect: Rect
    fill: Colour | None = None
    stroke: Colour | None = None
    stroke_width: float = 0.75
    radius: float = 0.0
    dash: tuple[float, ...] = ()

    def __init__(
        self,
        rect: Rect,
        fill: Colour | None = None,
        stroke: Colour | None = None,
        stroke_width: float = 0.75,
        radius: float = 0.0,
        dash: tuple[float, ...] = (),
    ) -> None:
        # The frozen dataclass's __init__, a field at a time into __dict__ (as
        # Rect's): drawing a card makes a Box, its Texts and its badges' Paths,
        # and a poster draws 5,000 cards (tests/layout/test_primitives_init.py)
        fields = self.__dict__
        fields["rect"] = rect
        fields["fill"] = fill
        fields["stroke"] = stroke
        fields["stroke_width"] = stroke_width
        fields["radius"] = radius
        fields["dash"] = dash


@dataclass(frozen=True)
class Line:
    """An open polyline, optionally ending in an arrow head."""

    points: tuple[Point, ...]
    stroke: Colour
    width: float = 1.0
    dash: tuple[float, ...] = ()
    arrow: bool = False


PathOp = (
    tuple[Literal["M"], float, float]
    | tuple[Literal["L"], float, float]
    | tuple[Literal["C"], float, float, float, float, float, float]
    | tuple[Literal["Z"]]
)


@dataclass(frozen=True)
class Path:
    """Moves, lines and cubic Béziers; closed with ``Z``."""

    ops: tuple[PathOp, ...]
    fill: Colour | None = None
    stroke: Colour | None = None
    width: float = 1.0
    dash: tuple[float, ...] = ()

    def __init__(
        self,
        ops: tuple[PathOp, ...],
        fill: Colour | None = None,
        stroke: Colour | None = None,
        width: float = 1.0,
        dash: tuple[float, ...] = (),
    ) -> None:
        fields = self.__dict__  # (as Box's)
        fields["ops"] = ops
        fields["fill"] = fill
        fields["stroke"] = stroke
        fields["width"] = width
        fields["dash"] = dash


@dataclass(frozen=True)
class Text:
    """Lines already broken by the layout, drawn top-down from ``(x, y)``.

    The baseline of line ``i`` is ``y + ascent * size + i * leading``, where
    ``ascent`` is the face's (fonts.metrics). ``align`` places each line in
    ``[x, x + width]``. ``rotation`` turns the whole text clockwise by that
    many degrees about ``(x, y)`` (sheet labels along a sheet's side edges).
    """

    x: float
    y: float
    width: float
    lines: tuple[str, ...]
    face: Face
    size: float
    colour: Colour
    leading: float
    align: Literal["left", "center", "right"] = "left"
    rotation: float = 0.0

    def __init__(
        self,
        x: float,
        y: float,
        width: float,
        lines: tuple[str, ...],
        face: Face,
        size: float,
        colour: Colour,
        leading: float,
        align: Literal["left", "center", "right"] = "left",
        rotation: float = 0.0,
    ) -> None:
        fields = self.__dict__  # (as Box's)
        fields["x"] = x
        fields["y"] = y
        fields["width"] = width
        fields["lines"] = lines
        fields["face"] = face
        fields["size"] = size
        fields["colour"] = colour
        fields["leading"] = leading
        fields["align"] = align
        fields["rotation"] = rotation

    @property
    def height(self) -> float:
        return self.leading * len(self.lines)

    def runs(self, line: str) -> list[tuple[str, bool]]:
        """``line`` as runs of ``(text, drawn with the fallback font)``: every
        backend switches to the fallback face (fonts.fallback_name) for the
        characters the bundled font lacks."""
        return metrics(self.face).runs(line)


@dataclass(frozen=True)
class Image:
    """An embedded asset drawn into ``rect`` (aspect kept, centred)."""

    asset: str
    rect: Rect


Primitive = Box | Line | Path | Text | Image


class Item:
    """The drawing of one model element (or of a piece of chrome: title, legend).

    ``element`` is the model id, or ``None`` for chrome; ``kind`` says what it
    is (``card``, ``lane``, ``stage``, ``step``, ``curve``, ``connection``...).
    The canvas makes one graphics item per ``Item``.

    ``primitives`` may be made on first use: an Item given ``make`` (and no
    primitives) calls it once when they are first read. A 5,000-card map opens
    with a few dozen cards on screen, and Qt paints only those, so the others'
    drawings are never made unless an export or a hit test asks for them.
    ``drawn_from`` is then a value the drawing is made from and only from
    (the layout's card state, box, words and theme): two Items with equal
    bounds and equal ``drawn_from`` have equal primitives, so comparing them
    makes neither drawing.
    """

    __slots__ = ("_make", "_primitives", "bounds", "drawn_from", "element", "kind", "z")

    def __init__(
        self,
        kind: str,
        element: str | None,
        bounds: Rect,
        z: float,
        primitives: list[Primitive] | None = None,
        *,
        make: Callable[[], list[Primitive]] | None = None,
        drawn_from: object = None,
    ) -> None:
        self.kind = kind
        self.element = element
        self.bounds = bounds
        self.z = z
        if primitives is None and make is None:
            primitives = []
        self._primitives = primitives
        self._make = make if primitives is None else None
        self.drawn_from = drawn_from

    @property
    def primitives(self) -> list[Primitive]:
        prims = self._primitives
        if prims is None:
            make = self._make
            assert make is not None
            prims = self._primitives = make()
            # (the call is kept: a card only moved is drawn by it with its new
            # box, ``unsettled.moved_card``)
        return prims

    @primitives.setter
    def primitives(self, prims: list[Primitive]) -> None:
        self._primitives = prims
        self._make = None

    @property
    def recipe(self) -> Callable[[], list[Primitive]] | None:
        """The call that will make the primitives on first read; None once they exist."""
        return self._make if self._primitives is None else None

    @property
    def made(self) -> bool:
        """The primitives exist (given, or made by a first read)."""
        return self._primitives is not None

    def __eq__(self, other: object) -> bool:
        if self is other:
            return True
        if not isinstance(other, Item):
            return NotImplemented
        if (
            self.kind != other.kind
            or self.element != other.element
            or self.bounds != other.bounds
            or self.z != other.z
        ):
            return False
        if self.drawn_from is not None and self.drawn_from == other.drawn_from:
            return True
        return self.primitives == other.primitives

    __hash__ = None  # type: ignore[assignment]  # (mutable, as the dataclass it was)

    def __repr__(self) -> str:
        prims = self._primitives if self._primitives is not None else "<not made>"
        return (
            f"Item(kind={self.kind!r}, element={self.element!r}, bounds={self.bounds!r}, "
            f"z={self.z!r}, primitives={prims!r})"
        )

    def replaced(self, primitives: list[Primitive]) -> Item:
        """This Item drawn with ``primitives`` instead."""
        return Item(self.kind, self.element, self.bounds, self.z, primitives)


_new = object.__new__


def drawn_later(
    kind: str,
    element: str | None,
    bounds: Rect,
    z: float,
    make: Callable[[], list[Primitive]],
    drawn_from: object,
) -> Item:
    """``Item(kind, element, bounds, z, make=make, drawn_from=drawn_from)``, made
    without the call's keyword handling (half the time: an edit that moves the
    lanes below it makes one for each of ~18,000 cards, layout/stack.py)."""
    item: Item = _new(Item)
    item.kind = kind
    item.element = element
    item.bounds = bounds
    item.z = z
    item._primitives = None
    item._make = make
    item.drawn_from = drawn_from
    return item


@dataclass(frozen=True)
class Overflow:
    """Text that did not fit and was cut with an ellipsis."""

    element: str | None
    field: str
    text: str


@dataclass
class MapLayout:
    """Everything drawn for one map."""

    map_id: str
    width: float
    height: float
    items: list[Item]
    overflows: list[Overflow] = field(default_factory=list)
    min_body_size: float = 0.0
    """Smallest font size used for body text (the PDF warns below 6 pt at print scale)."""
    card_lanes: set[str] | None = field(default=None, compare=False, repr=False)
    """The lanes the map's cards were in when laid out, when the layouter knew
    them without a walk (the canvas's overlays ask; None: look at the cards)."""
    lane_tops: dict[str, float] | None = field(default=None, compare=False, repr=False)
    """Each shown lane's top, by lane id (the canvas keeps its cards relative
    to them); None when not known."""
    unsettled: Callable[[], None] | None = field(default=None, compare=False, repr=False)
    """What puts the cards of lanes that only moved in their places in
    ``items``, before ``items`` is first read (None: nothing to do). An edit
    that adds a line to a card moves the ~18,000 cards below it at 20,000
    cards; their Items are made when someone reads them (the layouter: see
    layout/unsettled.py), and the canvas moves their lanes' bands instead."""

    def peek_items(self) -> list[Item]:
        """``items`` as they are, the cards of lanes that only moved perhaps
        still at their last places (their kind and element are right): for the
        canvas, which moves those cards with their bands, and for a walk that
        reads no card's bounds or drawing."""
        return self.__dict__["items"]  # type: ignore[no-any-return]

    def by_element(self) -> dict[str, list[Item]]:
        out: dict[str, list[Item]] = {}
        for item in self.items:
            if item.element is not None:
                out.setdefault(item.element, []).append(item)
        return out

    def missing_glyphs(self) -> list[str]:
        """Characters of the drawn texts the bundled font cannot draw (they
        print as empty boxes), sorted; exporters warn about them."""
        from .text import missing_glyphs

        # the distinct characters of each face first (a set update runs in C),
        # then each looked up once: a 5,000-card map has 30,000 lines
        chars: dict[Face, set[str]] = {}
        for item in self.items:
            for p in item.primitives:
                if isinstance(p, Text):
                    seen = chars.setdefault(p.face, set())
                    for line in p.lines:
                        seen.update(line)
        found: set[str] = set()
        for face, seen in chars.items():
            found |= missing_glyphs(seen, face)
        return sorted(found)

    def sorted_items(self) -> list[Item]:
        return sorted(self.items, key=lambda i: i.z)


def _settled_items(layout: MapLayout) -> list[Item]:
    settle = layout.__dict__.get("unsettled")
    if settle is not None:
        settle()  # (it may be run again: it passes over the cards in place)
        layout.__dict__["unsettled"] = None
    return layout.__dict__["items"]  # type: ignore[no-any-return]


def _set_items(layout: MapLayout, items: list[Item]) -> None:
    layout.__dict__["items"] = items


MapLayout.items = property(_settled_items, _set_items)  # type: ignore[assignment]
"""(a property added after the dataclass made its __init__, which sets it)"""
