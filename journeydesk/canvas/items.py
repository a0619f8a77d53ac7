"""Graphics items: each paints what the layout computed for one element.

An item holds its element's id and the primitives to paint, never a copy of
the model (DESIGN.md rule 3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from journeydesk.layout.primitives import Box, Image, Item, Line, Path, Primitive, Text
from journeydesk.render.qpainter import ImageCache, draw, draw_one, draw_path, line_path, qpath

from .long_lines import cut_polyline
from .plain import plain_text

SELECTION_COLOUR = "#1A73E8"
MIN_CONNECTION_PX = 2.0
"""A connection's line is at least this wide on screen, in device pixels, so
the flow between cards reads from the back of a room at a low zoom."""
MAX_CONNECTION_WIDTH = 16.0
"""...but never wider than this in points (at the lowest zooms)."""
CULL_OVER = 64
"""An item with more primitives than this (the map's grid: a line per step,
900 on a wide map) paints only those near the part of it to repaint: a card
dragged over it repainted every line of the grid on each mouse move."""
_DRAWN_ON_FIRST_USE = frozenset({"card", "curve", "curve_point", "step"})
"""Kinds whose layout Items make their primitives when first read (layout/
primitives.py ``Item``): not read to set an item up, only to paint it."""
_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_EXTENDED = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
SELECTABLE_KINDS = frozenset(
    {"card", "stage", "step", "lane", "curve_point", "connection", "separator", "curve"}
)


_NO_PEN = QPen(Qt.PenStyle.NoPen)
_CONTAINS = QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape


class Band(QGraphicsRectItem):
    """A parent of the cards of one part of one lane, at the lane's top.

    An edit that adds a line to a card moves every lane below it, ~18,000
    cards of a 20,000-card map: each card's rectangle set again cost ~2.5 µs
    of Qt's (and a Python call) per card. The cards of a band are placed
    relative to the lane's top (``top``), so a lane that only moved moves its
    bands (``setPos``: Qt moves their children in C++) and its cards keep
    their rectangles. A band draws nothing and takes no mouse button, drop
    or hover: hit tests list it (in the gaps between its cards too), and
    every caller passes over what is not an ``ElementItem``. It holds the
    cards of one ``BAND_SPAN`` square of its lane (Qt paints a parent's
    children without its index: a band of a dense lane's 10,000 cards would be
    walked whole for a repaint of one card).

    Qt's index files a band's rectangle, not its cards
    (``ItemContainsChildrenInShape``: hit tests find them through the band),
    so moving a lane's bands costs the index nothing per card: filing the
    ~24,600 items of a wide 20,000-card map anew after each edit adding a
    line was ~15 ms of Qt's. The rectangle therefore holds every card given
    a rectangle in the band (``hold``); a card dragged out of it is let go
    first (``loosen``)."""

    def __init__(self, lane: str, top: float) -> None:
        super().__init__()
        self.setPen(_NO_PEN)
        # (not ``ItemHasNoContents``: Qt then repaints a moved band's region
        # once, its cards not one by one, and passes over the cards of a band
        # out of the repainted part; it paints nothing: no pen, no brush)
        self.setFlags(_CONTAINS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.held: tuple[float, float, float, float] | None = None
        """The rectangle it holds its cards in (left, top, right, bottom,
        relative to its top): grown to hold each card given a rectangle in it."""
        self.lane = lane
        self.top = top
        self.count = 0
        """How many cards it holds (the scene counts)."""
        self.seen = 0
        """How many of them an update of the scene has seen moved with it."""
        self.lookup: Callable[[str], Item | None] = lambda _card_id: None
        """A card's Item in the layout shown now (the scene sets it)."""
        self.setPos(0.0, top)

    def hold(self, x: float, y: float, w: float, h: float) -> None:
        """Grow to hold a child's rectangle ``x, y, w, h`` (in its coordinates)."""
        held = self.held
        if held is None:
            new = (x, y, x + w, y + h)
        elif x >= held[0] and y >= held[1] and x + w <= held[2] and y + h <= held[3]:
            return
        else:
            new = (min(x, held[0]), min(y, held[1]), max(x + w, held[2]), max(y + h, held[3]))
        self.held = new
        self.setRect(new[0], new[1], new[2] - new[0], new[3] - new[1])


def loosen(items: Iterable[QGraphicsItem], free: bool = True) -> None:
    """Let the bands of ``items`` show and hit them anywhere while they are
    dragged (out of the band's rectangle, ``Band``), or (``free`` False,
    dropped or put back) hold them in it again."""
    for band in {item.parentItem() for item in items}:
        if isinstance(band, Band):
            band.setFlag(_CONTAINS, not free)


BAND_SPAN = 2048.0
"""Side, in points, of the square of a lane whose cards share a band."""


class ElementItem(QGraphicsRectItem):
    """One layout Item on the canvas. A rectangle item (never painted as one:
    ``paint`` draws the Item) whose rectangle is the Item's bounds with a margin,
    so its bounding rect and shape are Qt's own, answered in C++: the scene asks
    every item for them when it builds its index (after an edit that moved the
    cards below it, ~20,000 of them) and on hit tests, and a Python
    ``boundingRect`` made each ask a call into Python."""

    def __init__(self, item: Item, images: ImageCache, band: Band | None = None) -> None:
        super().__init__(band)
        self.setPen(_NO_PEN)  # (a pen would widen the bounding rect and the shape)
        self.band = band
        """The card's band (its rectangle is relative to the band's top), or None."""
        self.local: tuple[float, float, float, float] | None = None
        """A card's rectangle as last set (relative to its band's top)."""
        self._at_top = band.top if band is not None else 0.0
        """Its band's top when it took its Item: the band moved since (its lane
        did, the card with it) and the Item is the last layout's but one; the
        layout shown now has the same drawing, moved (``_current``)."""
        self.kind = item.kind
        self.element_id = item.element
        self.key: tuple[str, str | None, int] = (item.kind, item.element, 0)
        """Which layout item this is: kind, element id, and its rank among them."""
        self._images = images
        self._item = item
        self._wide: tuple[float, list[Primitive]] | None = None
        self._bounds: list[tuple[float, float, float, float] | None] | None = None
        self._many = False
        """ItemUsesExtendedStyleOption is set (only ``_take`` sets it)."""
        self._z = 0.0
        """The z value (Qt's default; only ``_take`` sets it)."""
        if item.kind in SELECTABLE_KINDS and item.element is not None:
            self.setFlag(_SELECTABLE, True)
        # (hover events are off by default: a call per item saved on opening)
        if item.kind == "mark":
            # A comparison mark lies over its element: clicks go through to it.
            self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if item.kind == "card":
            # A card's text is the costly part of a repaint; a drag repaints the
            # cards it passes over on every mouse move. Qt keeps each card as a
            # pixmap at the view's resolution and redraws it only when it changes.
            self.setCacheMode(_DEVICE_CACHE)
        self._take(item)

    def set_layout_item(self, item: Item, images: ImageCache | None = None) -> bool:
        """Show what the layout now computes for this element (same kind and id).
        True when only the card's band moved: its rectangle in it is the same."""
        if images is not None:
            self._images = images
        last = self._item
        old, new = last.bounds, item.bounds
        same = old.x == new.x and old.y == new.y and old.w == new.w and old.h == new.h
        if self.kind == "card" and item.z == self._z:
            # ``_take`` for a card, written out (an edit that adds a line moves
            # 18,000 of them): no stroke margin, never culled, same z.
            self._item = item
            self._bounds = None
            band = self.band
            top = band.top if band is not None else 0.0
            self._at_top = top
            if not same:
                local = (new.x - 4, new.y - 8 - top, new.w + 8, new.h + 16)
                if local == self.local:
                    # Only its band moved (its lane did): the same rectangle
                    # in the band; the same picture when drawn from the same
                    # state, words and theme (its cached pixmap is kept).
                    was, now = last.drawn_from, item.drawn_from
                    if not (
                        isinstance(was, tuple)
                        and isinstance(now, tuple)
                        and was[0] is now[0]
                        and was[2] is now[2]
                        and was[3] is now[3]
                    ):
                        self.update()
                    return True
                self.local = local
                self.setRect(*local)
                if band is not None:
                    band.hold(*local)
        else:
            self._take(item)
        if same:
            self.update()  # (else ``setRect`` told the scene, and updated the item)
        return False

    def move_to_band(self, band: Band | None) -> None:
        """Put the item in ``band`` (None: on the scene itself), its rectangle
        made relative to the band's top; its picture does not change."""
        self.setParentItem(band)  # type: ignore[arg-type]  # (None: the scene's own)
        self.band = band
        b = self._item.bounds
        top = self._at_top = band.top if band is not None else 0.0
        self.local = (b.x - 4, b.y - 8 - top, b.w + 8, b.h + 16)
        self.setRect(*self.local)
        if band is not None:
            band.hold(*self.local)

    def _take(self, item: Item) -> None:
        self._item = item
        # Strokes and labels reach a little outside the bounds the layout gives.
        b = item.bounds
        m = MAX_CONNECTION_WIDTH / 2 if item.kind == "connection" else 0.0
        top = self._at_top = self.band.top if self.band is not None else 0.0
        local = (b.x - 4 - m, b.y - 8 - m - top, b.w + 8 + 2 * m, b.h + 16 + 2 * m)
        self.local = local
        self.setRect(*local)
        if self.band is not None:
            self.band.hold(*local)
        self._wide = None
        self._bounds = None
        # (a card has a dozen primitives at most, and reading them would make
        # the drawing of each of a big map's cards on opening: primitives.Item)
        # (nor a curve's points and line, drawn on first use too: curves.curve)
        many = item.kind == "connection" or (
            item.kind not in _DRAWN_ON_FIRST_USE and len(item.primitives) > CULL_OVER
        )
        # the exposed part in the style option, for the many-primitive items
        # and the connections (long_lines) only; flags and z set only when they
        # change (an edit that moves the cards below it updates thousands of items)
        if many != self._many:
            self.setFlag(_EXTENDED, many)
            self._many = many
        if item.z != self._z:
            self.setZValue(item.z)
            self._z = item.z

    def toolTip(self) -> str:
        """A card's text (its first lines), made when asked for: the scene's
        ``helpEvent`` shows it. Made for every card on opening, the tooltips
        of a 5,000-card map cost more than their items' flags."""
        if self.kind != "card":
            return super().toolTip()
        prims = self._current().primitives
        texts = [line for p in prims if isinstance(p, Text) for line in p.lines]
        return plain_text("\n".join(texts[:12]))

    def _thick_enough(self, scale: float) -> list[Primitive]:
        """The connection's strokes widened to MIN_CONNECTION_PX on screen at
        this zoom (``scale`` device pixels per point); as drawn at a high zoom."""
        if scale <= 0:
            return self._item.primitives
        least = min(MAX_CONNECTION_WIDTH, MIN_CONNECTION_PX / scale)
        if self._wide is not None and self._wide[0] == least:
            return self._wide[1]
        prims: list[Primitive] = [
            replace(p, width=least)
            if isinstance(p, (Line, Path)) and p.stroke and p.width < least
            else p
            for p in self._item.primitives
        ]
        self._wide = (least, prims)
        return prims

    def _near(self, option: QStyleOptionGraphicsItem, painter: QPainter) -> list[Primitive]:
        """The primitives that may touch the exposed rectangle, in their order
        (the others would draw nothing there). Bounds are generous: strokes,
        text overhang, and a few device pixels of antialiasing at any zoom."""
        prims = self._item.primitives
        if self._bounds is None:
            self._bounds = [_reach(p) for p in prims]
        exposed = option.exposedRect  # (in the item's coordinates: a band's are from its top)
        lod = option.levelOfDetailFromTransform(painter.worldTransform()) or 1.0
        pad = max(4.0, 4.0 / lod)
        top = self._at_top  # (the top its Item's points are drawn from: ``paint``)
        x1, y1 = exposed.left() - pad, exposed.top() - pad + top
        x2, y2 = exposed.right() + pad, exposed.bottom() + pad + top
        return [
            p
            for p, b in zip(prims, self._bounds, strict=True)
            if b is None or not (b[2] < x1 or b[0] > x2 or b[3] < y1 or b[1] > y2)
        ]

    def _paint_connection(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        """The connection as ``draw`` paints its widened primitives
        (``_thick_enough``), but an undashed line only its part near the exposed
        rectangle (``long_lines``: a route runs across the whole of a dense map,
        and Qt's cost is its length), and what cannot reach it not at all.

        Its paths are made per paint, as ``draw`` makes them: kept, they were
        new objects left alive by the repaint after each edit (~300 on a dense
        map), and with the heap frozen (``io.heap``) that started a young
        collection of everything the edit made, 30-170 ms, in the edit's repaint."""
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        prims = self._thick_enough(lod)
        exposed = option.exposedRect
        cut = not exposed.isEmpty()
        x1 = y1 = x2 = y2 = 0.0
        if cut:
            # farther than a stroke's half width, its miter and antialiasing reach
            pad = 4.0 / lod if lod > 0 else 0.0
            x1, y1 = exposed.left() - pad, exposed.top() - pad
            x2, y2 = exposed.right() + pad, exposed.bottom() + pad
        for prim in prims:
            if isinstance(prim, Line):
                points = prim.points
                if cut:
                    w = 3.0 * prim.width
                    near = cut_polyline(points, x1 - w, y1 - w, x2 + w, y2 + w)
                    if near is None:
                        continue  # (nothing of it near: nothing to see, dashed or not)
                    if not prim.dash:
                        points = near  # type: ignore[assignment]
                draw_path(painter, prim, line_path(points))
            elif isinstance(prim, Path):
                if cut:
                    reach = _reach(prim)  # (the arrow head: far off, most times)
                    if reach is not None and (
                        reach[2] < x1 or reach[0] > x2 or reach[3] < y1 or reach[1] > y2
                    ):
                        continue
                draw_path(painter, prim, qpath(prim))
            else:
                draw_one(painter, prim, self._images)

    @property
    def layout_item(self) -> Item:
        return self._current()

    def _current(self) -> Item:
        """The Item the layout shown now has for this element. A card (or a
        curve's line or point) whose lane only moved kept its last Item (the
        scene did not look at it: ``MapScene._update_items``); its band moved
        with the lane, so it is found now, the same drawing in the moved box."""
        band = self.band
        if band is not None and band.top != self._at_top:
            found = band.lookup(self.element_id or "")
            if found is not None and found.kind == self.kind:
                self._item = found
                self._bounds = None
                self._at_top = band.top
        return self._item

    def set_images(self, images: ImageCache) -> None:
        """Draw images from ``images`` (the project's assets changed)."""
        if images is not self._images:
            self._images = images
            self.update()  # rare (an asset changed): no need to look for images first

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        prims = self._current().primitives
        if self.band is not None:
            # The layout's points are the map's. (From the top the band had when
            # the item took its Item: a card whose lane only moved and that was
            # not found again, ``_current``, still draws where its band is.)
            painter.translate(0.0, -self._at_top)
        if self.kind == "connection":
            self._paint_connection(painter, option)
        else:
            if len(prims) > CULL_OVER:
                prims = self._near(option, painter)
            draw(painter, prims, self._images)
        if self.isSelected():
            b = self._item.bounds
            pen = QPen(QColor(SELECTION_COLOUR))
            pen.setWidthF(2.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(b.x - 2, b.y - 2, b.w + 4, b.h + 4), 4, 4)
            if self.kind == "card":
                # Handles: drag the round one to connect, the square one to resize.
                painter.setBrush(QColor("#FFFFFF"))
                painter.drawEllipse(QRectF(b.right - 4, b.y + b.h / 2 - 4, 8, 8))
                painter.drawRect(QRectF(b.right - 3.5, b.bottom - 3.5, 7, 7))


def _reach(prim: Primitive) -> tuple[float, float, float, float] | None:
    """``(x1, y1, x2, y2)`` a primitive may paint in, in points, generous; None
    for one to paint always (rotated text)."""
    if type(prim) is Line and len(prim.points) == 2:
        # (the map's grid: a line per step, 900 on a wide map, each made anew
        # by an edit that moves the lanes below it, then read on its repaint)
        (ax, ay), (bx, by) = prim.points
        pad = prim.width * 2 + (8.0 if prim.arrow else 0.0)
        if ax > bx:
            ax, bx = bx, ax
        if ay > by:
            ay, by = by, ay
        return (ax - pad, ay - pad, bx + pad, by + pad)
    if isinstance(prim, Text):
        if prim.rotation:
            return None
        pad = prim.size
        return (prim.x - pad, prim.y - pad, prim.x + prim.width + pad, prim.y + prim.height + pad)
    if isinstance(prim, Box | Image):
        r = prim.rect
        pad = prim.stroke_width if isinstance(prim, Box) else 0.0
        return (r.x - pad, r.y - pad, r.right + pad, r.bottom + pad)
    if isinstance(prim, Line):
        xs = [p[0] for p in prim.points]
        ys = [p[1] for p in prim.points]
        pad = prim.width * 2 + (8.0 if prim.arrow else 0.0)
    else:
        xs = [v for op in prim.ops for v in op[1::2] if isinstance(v, float | int)]
        ys = [v for op in prim.ops for v in op[2::2] if isinstance(v, float | int)]
        pad = prim.width * 2
    if not xs:
        return None
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)
