"""The map scene: one graphics item per element of the layout, by id.

The scene is a picture of the model (STYLE.md): it is rebuilt from a layout
and keeps ``dict[id, items]`` so the editor can find and update an element's
drawing when the model says it changed.
"""

from __future__ import annotations

import collections
import dataclasses
import operator
from bisect import bisect_right
from typing import cast

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsView,
    QToolTip,
)

from journeydesk.io.heap import gc_paused
from journeydesk.layout.context import LayoutHint
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.primitives import Item, MapLayout, Rect
from journeydesk.layout.stack import PlacedLane
from journeydesk.layout.theme import Z_CARD, Z_CONNECTION, Z_CURVE, Z_CURVE_POINT
from journeydesk.model.project import JourneyMap, Project
from journeydesk.render.qpainter import ImageCache

from .items import BAND_SPAN, Band, ElementItem
from .overlays import Overlays

DIMMED_OPACITY = 0.18
REINDEX_OVER = 2000
"""Indexed items changing bounds in one update (a moved band counts one, its
cards none: ``items.Band``) past which the scene's index is made anew
rather than updated item by item (``MapScene._change``). Qt's index holds
the items outside bands only (~2,000 on a wide 20,000-card map: its
headers, lanes and bands; ``_wires`` holds the connections), but
dropping and making it anew sorts every item of the scene twice
(``setItemIndexMethod``): ~6-12 ms there, against ~2-4 ms for the ~600
bands an edit adding a line moves, taken out and filed again one by one."""
BSP_DEPTH = 10
"""Depth of the scene's BSP index (2**depth leaves). Qt's own guess grows with
the items (15 at 20,000 items: 32,768 leaves), and an item is filed in every
leaf it covers: the background, the grid, the lanes and long connections cover
thousands each, so building the index (on opening, and again after an edit
that moved the cards below it) took ~100-160 ms at 20,000 cards, against ~10
at depth 10, where a leaf of a 20,000-card map still holds a few dozen items."""
_BAND = operator.attrgetter("band")
_Counts = collections.Counter[Band]
_LaneCount = tuple[list[str], tuple[str, ...], int, _Counts]
"""A lane's card ids, its cards spanning lanes, ``MapScene._placings`` when
counted, and its cards counted by band (``MapScene._lane_counts``)."""
_CURVE_Z = (Z_CURVE, Z_CURVE_POINT)
"""The z of a curve's line and of its points' items: each in its lane's band of that z."""
_BANDED = frozenset({"card", "curve", "curve_point"})
"""Kinds whose items are in bands (``items.Band``): moved with their lanes."""
SETTLE_AFTER_MS = 600
"""Quiet time after an edit that moved lanes before their cards' Items are put
in place (``MapScene._settle``; ~40 ms at 20,000 cards, paid while idle)."""


class MapScene(QGraphicsScene):
    rebuilt = Signal()
    """Emitted after the scene was rebuilt from the model (all items are new)."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.layouter = MapLayouter()
        self.layout: MapLayout | None = None
        self.items_by_id: dict[str, list[ElementItem]] = {}
        self._graphics: dict[tuple[str, str | None, int], ElementItem] = {}
        """The scene's element items by key (kind, element id, rank): an edit
        finds the item to keep or update without asking Qt for all items."""
        self._cards: dict[str, ElementItem] = {}
        """The cards' items (rank 0 of kind "card") by card id: the same items
        as in ``_graphics``, found without making a key."""
        self._placings = 0
        """How many times a card's item was made, dropped or put in another
        band: the counts in ``_lane_counts`` hold while it stays the same."""
        self._lane_counts: dict[int, _LaneCount] = {}
        """For each lane that only moved in the last update (by the id of its
        ``PlacedLane.ids``, the same list while the lane only moves): that list,
        its cards spanning lanes, ``_placings`` then, and its cards counted by
        band (7 ms a 20,000-card edit adding a line, for counts that change
        only when a card's item is made, dropped or put in another band)."""
        self.emphasis: set[str] | None = None
        """Card ids a find or filter picked; the other cards are dimmed. None: all."""
        self._dimmed = False
        """Some card was dimmed by the last ``apply_emphasis``."""
        self.setBackgroundBrush(QColor("#E4E7EC"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBspTreeDepth(BSP_DEPTH)
        self._images: ImageCache | None = None
        self._images_key: tuple[tuple[str, int], ...] = ()
        self.marks: tuple[tuple[str, str], ...] = ()
        """Comparison marks (element id, kind) every map shown here is laid out
        with (ui/compare.py sets them); () for none."""
        self._shown_pass = -1
        """``layouter.passes`` after the layout the items show (-1: unknown)."""
        self.overlays = Overlays(self)
        """Starter questions and stale badges: on the canvas only, never printed."""
        self._bands: dict[tuple[str, int, int], Band] = {}
        """The cards' bands by lane and square (``items.Band``), and the curve
        lanes' by lane, -1 and z (a curve lane's lines, then its points)."""
        self._lane_tops: tuple[list[float], list[str]] = ([], [])
        """The shown layout's lane tops, sorted, and their lanes."""
        self._wire_band: Band | None = None
        """The connections' items' parent (``_wires``)."""
        self._settle_timer = QTimer(self)
        """Settles the shown layout's cards of lanes that only moved when the
        user has stopped editing for a while (layout/unsettled.py): a hit test
        or a print then finds them in their places."""
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_AFTER_MS)
        self._settle_timer.timeout.connect(self._settle)

    def _image_cache(self, project: Project) -> tuple[ImageCache, bool]:
        """One cache of decoded images while the assets stay the same (so an
        edit does not decode every visible image again, and the byte budget
        holds for the whole canvas); a new one when they change. ``hash`` of
        a str is computed once and kept by Python, so the key is cheap."""
        key = tuple((a.id, hash(a.data)) for a in project.assets)
        if self._images is None or key != self._images_key:
            self._images = ImageCache(project.assets)
            self._images_key = key
            return self._images, True
        return self._images, False

    @gc_paused()  # journeydesk.io.heap: the collector's walks grew with the map
    def show_map(
        self,
        project: Project,
        jmap: JourneyMap | None,
        options: LayoutOptions | None = None,
        hint: LayoutHint | None = None,
    ) -> None:
        """Show ``jmap`` as the model has it now (``hint``: what changed since the
        last redraw, for the layouter: ``MapLayouter.layout``). Showing the same map again
        (after an edit) keeps the items whose drawing did not change, updates
        the changed ones in place and adds or removes the rest, so selection
        and the view stay put and a big map redraws quickly."""
        self.overlays.remove()
        if jmap is None:
            self.clear()
            self.layout = None
            self.setSceneRect(QRectF(0, 0, 100, 100))
            return
        if self.marks:
            options = dataclasses.replace(options or LayoutOptions(), marks=self.marks)
        # (the collector waits: see gc_paused)
        shown_pass, self._shown_pass = self._shown_pass, -1
        layout = self.layouter.layout(project, jmap, options, hint)
        kept = self.layouter.kept_cards if shown_pass == self.layouter.passes - 1 else None
        touched = self._update_items(project, jmap, layout, kept)
        self._shown_pass = self.layouter.passes
        self.layout = layout
        margin = 40.0
        self.setSceneRect(
            QRectF(-margin, -margin, layout.width + 2 * margin, layout.height + 2 * margin)
        )
        if touched is not None and self.emphasis is None:
            # Nothing is to be dimmed. If nothing is, every card shows it: a kept
            # or changed item was at full opacity already, a new one is (Qt's
            # default); an edit that moved 18,000 cards set it on each of them.
            if self._dimmed:
                self.apply_emphasis()
        else:
            self.apply_emphasis()
        self.overlays.show(project, jmap, layout)
        if layout.unsettled is not None:
            self._settle_timer.start()  # (again: a run of edits settles once, after)
        self.rebuilt.emit()

    def _settle(self) -> None:
        if self.layout is not None:
            self.layout.items  # noqa: B018  (read: settled)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """The tooltip of the topmost item under the pointer that has one, as
        Qt's own, but read through ``toolTip()`` in Python: a card makes its
        tooltip only now (``ElementItem.toolTip``)."""
        widget = event.widget()
        view = widget.parentWidget() if widget is not None else None
        if isinstance(view, QGraphicsView):
            under = view.items(view.mapFromScene(event.scenePos()))
        else:
            under = self.items(
                event.scenePos(),
                Qt.ItemSelectionMode.IntersectsItemShape,
                Qt.SortOrder.DescendingOrder,
                QTransform(),
            )
        text = ""
        for item in under:
            text = item.toolTip()
            if text or item.isPanel():
                break
        QToolTip.showText(event.screenPos() if text else QPoint(), text, widget)
        event.setAccepted(bool(text))

    def _update_items(
        self,
        project: Project,
        jmap: JourneyMap,
        layout: MapLayout,
        kept: tuple[int, int, list[Item], list[PlacedLane]] | None = None,
    ) -> list[ElementItem] | None:
        """Make the scene's element items show ``layout``: on the map shown
        already, an item whose layout Item is the very same object is left
        alone, one whose Item equals it too, a changed one is updated in place,
        and only what came or went is added or removed (the dicts of items are
        updated in place, not made anew: a new dict of 20,000 entries per edit
        is work for the next garbage collection). Returns the items made or
        changed, or None when the scene was built anew. ``kept`` (the layouter's
        ``kept_cards``, when the items show its previous layout): the card Items
        between start and end are the previous layout's, but those listed, so
        only those are looked at."""
        images, new_images = self._image_cache(project)
        same_map = self.layout is not None and self.layout.map_id == jmap.id
        if not same_map:
            self.clear()
        moved = self._place_bands(layout)
        graphics = self._graphics
        touched: list[ElementItem] = []
        keys: list[tuple[str, str | None, int]] = []
        seen: dict[tuple[str, str | None], int] = {}
        added = False
        changed: list[tuple[ElementItem, Item]] = []
        cards = self._cards
        walked = layout.peek_items()  # (a card only moved is in its band: not read)
        # The curve lanes drawn from the last layout's plans: their items are
        # each lane's bands' (two: lines and points), and each takes its new
        # Item when next asked (``ElementItem._current``, from the layouter:
        # layout/curvelane.py): not looked at (on a wide map 1,800 points).
        curves = self.layouter.kept_curves if kept is not None and same_map else []
        passed = self._without_curves(walked, curves, kept[0]) if kept and curves else walked
        if kept is None or not same_map or new_images or passed is None:
            walked = layout.items  # (every card is looked at: in its place)
        else:
            # The card Items the layouter made anew (after an edit that adds a
            # line, every card below it): taken without comparing them with the
            # shown ones (one made anew is changed or equal, and taking an equal
            # one is harmless); a card without a graphics item goes the long way.
            new_cards = []
            for item in kept[2]:
                graphic = cards.get(item.element)  # type: ignore[arg-type]
                if graphic is None:
                    new_cards.append(item)
                elif graphic._item is not item:
                    changed.append((graphic, item))
            # The cards whose lane only moved: their bands move (``_change``),
            # and each takes its new Item when it is next asked for it
            # (``ElementItem._current``, from the layouter: layout/unsettled.py):
            # nothing per card here but a count, or for a card not in a band.
            card_item = self.layouter.card_item
            counts, self._lane_counts = self._lane_counts, {}
            for lane in kept[3]:
                entry, ids, of_lane = self._counted(lane, counts)
                if entry is not None:
                    self._lane_counts[id(lane.ids)] = entry
                    for held, n in entry[3].items():
                        held.seen += n
                    continue
                for card_id, graphic in zip(ids, of_lane, strict=True):
                    if graphic is None or graphic.band is None:
                        found = card_item(card_id)
                        if found is None:
                            continue
                        if graphic is None:
                            new_cards.append(found)
                        else:
                            changed.append((graphic, found))
                    else:
                        graphic.band.seen += 1
            cut = len(passed) - len(walked)  # (the curve lanes are above the cards)
            walked = [*passed[: kept[0] + cut], *new_cards, *passed[kept[1] + cut :]]
        for item in walked:
            if item.kind == "card":  # one per card: its key's rank is always 0
                graphic = cards.get(item.element)  # type: ignore[arg-type]
                if graphic is not None:
                    if graphic._item is item:
                        pass  # most of a big map's items after an edit: left as they are
                    elif graphic._item != item:
                        changed.append((graphic, item))  # (an edit above moved thousands)
                        continue
                    if new_images:
                        graphic.set_images(images)
                    continue
            kind_id = (item.kind, item.element)
            n = seen.get(kind_id, 0)
            seen[kind_id] = n + 1
            key = (item.kind, item.element, n)
            graphic = graphics.get(key)
            if graphic is None:
                if item.kind in _BANDED:
                    band = self._band_for(item.bounds, item)
                elif item.kind == "connection":
                    band = self._wires()
                else:
                    band = None
                graphic = ElementItem(item, images, band)
                graphic.key = key
                if band is None:
                    self.addItem(graphic)
                else:
                    band.count += 1
                graphics[key] = graphic
                if key[0] == "card" and key[2] == 0 and key[1] is not None:
                    cards[key[1]] = graphic
                    self._placings += 1
                touched.append(graphic)
                added = True
            elif graphic._item is not item:  # the same Item object: nothing changed
                if graphic._item != item:
                    changed.append((graphic, item))
                elif new_images:
                    graphic.set_images(images)
            elif new_images:
                graphic.set_images(images)
        if changed or moved:
            self._change(changed, images, moved)
            touched += [graphic for graphic, _item in changed]
        removed = len(graphics) != len(layout.peek_items())  # (every key is in graphics)
        if removed or added or not same_map:
            keys = _keys(layout)
        if removed:
            now = set(keys)
            leaving: list[ElementItem] = []
            for key in [key for key in graphics if key not in now]:
                gone = graphics.pop(key)
                if key[0] == "card" and cards.get(key[1] or "") is gone:
                    del cards[key[1] or ""]
                    self._placings += 1
                leaving.append(gone)
            self._remove(leaving)
        if added or removed or not same_map:
            by_id: dict[str, list[ElementItem]] = {}
            for key in keys:
                element = key[1]
                if element is not None:
                    by_id.setdefault(element, []).append(graphics[key])
            self.items_by_id = by_id
        return touched if same_map else None

    def _counted(
        self, lane: PlacedLane, counts: dict[int, _LaneCount]
    ) -> tuple[_LaneCount | None, list[str], list[ElementItem | None]]:
        """The cards of a lane that only moved counted by band (those spanning
        lanes left out: drawn again), as kept in ``counts`` while no card was
        placed since, or counted now; None when one has no item or no band,
        with the cards' ids and items to look at one by one."""
        ids = lane.ids
        spans = tuple(card.id for card in lane.spanning)
        hit = counts.get(id(ids))
        if hit is not None and hit[0] is ids and hit[1] == spans and hit[2] == self._placings:
            return hit, [], []  # (its cards in the same bands as when counted)
        if spans:
            spanning = set(spans)
            ids = [card_id for card_id in ids if card_id not in spanning]
        # (counted by band in C: a Python loop over 18,000 cards cost 17 ms)
        of_lane = list(map(self._cards.get, ids))
        by_band = None if None in of_lane else collections.Counter(map(_BAND, of_lane))
        if by_band is None or None in by_band:
            return None, ids, of_lane
        counted = cast(_Counts, by_band)  # (no None among its keys)
        return (lane.ids, spans, self._placings, counted), ids, of_lane

    def warm(self) -> None:
        """Idle after an open: the shown lanes' cards counted by band now, as
        the first edit adding a line would count those below it (``_counted``),
        and every band moved down a point and back.

        Qt keeps, for each item, where it was last painted in each view, and
        looks it up for every child of a band that moved (to repaint where
        the child was): an item never painted gets that record the first
        time, ~3 µs each. The first edit adding a line at 20,000 cards moves
        ~18,000 cards never painted: ~55 ms of Qt's in that edit's repaint,
        and none in the later ones. Moved and put back before the next paint,
        each band leaves its cards as they were, their records made now."""
        counts = self._lane_counts
        for lane in self.layouter.placed_lanes():
            entry = self._counted(lane, counts)[0]
            if entry is not None:
                counts[id(lane.ids)] = entry
        for band in self._bands.values():
            band.setPos(0.0, band.top + 1.0)
            band.setPos(0.0, band.top)

    def _remove(self, leaving: list[ElementItem]) -> None:
        """Take ``leaving`` off the scene. Qt signals the selection's change for
        each selected item it removes, and the window answers each by listing
        the selection: deleting 5,000 selected cards took 10 s of that alone, so
        it is signalled once. Past ``REINDEX_OVER`` items the index is dropped
        and built anew, as in ``_change``."""
        selected = any(graphic.isSelected() for graphic in leaving)
        reindex = sum(graphic.band is None for graphic in leaving) > REINDEX_OVER
        if reindex:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        was_blocked = self.blockSignals(True) if selected else False
        try:
            for graphic in leaving:
                if graphic.band is not None:
                    graphic.band.count -= 1
                self.removeItem(graphic)
        finally:
            if selected:
                self.blockSignals(was_blocked)
            if reindex:
                self._index_anew()
        if selected and not was_blocked:
            self.selectionChanged.emit()

    def _without_curves(
        self, items: list[Item], lanes: list[tuple[int, int, str]], end: int
    ) -> list[Item] | None:
        """``items`` without the slots of the curve lanes ``lanes`` (sorted,
        all before ``end``), each lane's bands holding as many items, now
        counted as moved with them (``_change``); None if not so."""
        out: list[Item] = []
        at = 0
        bands = []
        for start, stop, lane in lanes:
            found = [self._bands.get((lane, -1, int(z))) for z in _CURVE_Z]
            held = [band for band in found if band is not None]
            if start < at or stop > end or sum(band.count for band in held) != stop - start:
                return None
            bands += held
            out += items[at:start]
            at = stop
        out += items[at:]
        for band in bands:
            band.seen = band.count
        return out

    def _place_bands(self, layout: MapLayout) -> list[tuple[Band, float]]:
        """Note ``layout``'s lane tops; return the bands whose lane moved,
        with their new tops (``_change`` moves them)."""
        tops = layout.lane_tops or {}
        order = sorted((top, lane) for lane, top in tops.items())
        self._lane_tops = ([top for top, _lane in order], [lane for _top, lane in order])
        moved = []
        for band in self._bands.values():
            top = tops.get(band.lane)
            if top is not None and top != band.top:
                band.seen = 0
                moved.append((band, top))
        return moved

    def _band_for(self, bounds: Rect, item: Item | None = None) -> Band | None:
        """The band of a card with these bounds: of the lane it lies in, and
        of its square there (made when first needed); None without lanes.
        With ``item`` a curve's or point's (``_CURVE_Z``): its lane's band of
        its z, one for the lane (the points of a lane's curves overlap, and a
        band's children are painted in their order: as a fresh scene's)."""
        tops, lanes = self._lane_tops
        n = bisect_right(tops, bounds.y) - 1
        if n < 0:
            return None
        top, lane = tops[n], lanes[n]
        curve = item is not None and item.kind != "card"
        if curve:
            assert item is not None
            if item.z not in _CURVE_Z:
                return None
            key = (lane, -1, int(item.z))
        else:
            key = (lane, int(bounds.x // BAND_SPAN), int((bounds.y - top) // BAND_SPAN))
        band = self._bands.get(key)
        if band is None:
            band = self._bands[key] = Band(lane, top)
            band.lookup = self.layouter.curve_item if curve else self.layouter.card_item
            band.setZValue(item.z if curve and item is not None else Z_CARD)
            self.addItem(band)
        return band

    def _wires(self) -> Band:
        """The parent of every connection's item, never moved: Qt's index
        files it, not them (``items.Band``), so the ~800 connections an edit
        adding a line reroutes or moves on a 20,000-card map change no leaf
        of the index. All connections share one z, and the connections'
        paint order among themselves is the order their items were made in,
        as on the scene itself."""
        band = self._wire_band
        if band is None:
            band = self._wire_band = Band("", 0.0)
            band.setZValue(Z_CONNECTION)
            band.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
            self.addItem(band)
        return band

    def _change(
        self,
        changed: list[tuple[ElementItem, Item]],
        images: ImageCache,
        moved: list[tuple[Band, float]] = (),  # type: ignore[assignment]
    ) -> None:
        """Give each graphics item its new layout Item, after moving the bands
        of lanes that moved (``moved``). Each indexed item whose bounds change
        (not a band's: ``items.Band``) leaves the scene's BSP index and comes
        back on the next lookup; leaving costs a search of the tree per item
        (60 µs each when the index held the 18,000 cards an edit adding a line
        moves: over a second). Past ``REINDEX_OVER`` items, the scene drops its
        index while it updates them and builds it anew after.

        A card whose band moved and whose rectangle in the band is the same
        is only given its Item (``set_layout_item``); any other card changed
        is put in the band its new bounds say (its lane may be another). A
        moved band's card not changed at all (its lane is now another one,
        at the same place) is found by counting and put right too."""
        # (a band's cards are not in the index: ``items.Band``)
        indexed = sum(graphic.band is None for graphic, _item in changed)
        reindex = indexed + len(moved) > REINDEX_OVER
        if reindex:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        try:
            for band, top in moved:
                band.top = top
                band.setPos(0.0, top)
            for graphic, item in changed:
                if graphic.band is not None:
                    graphic.band.seen += 1
                if not graphic.set_layout_item(item, images) and graphic.kind in _BANDED:
                    self._reband(graphic)
            for band, _top in moved:
                if band.seen != band.count:
                    for child in band.childItems():
                        if isinstance(child, ElementItem):
                            self._refresh(child, images)
        finally:
            if reindex:
                self._index_anew()

    def _index_anew(self) -> None:
        """A new BSP index, after ``_change`` or ``_remove`` dropped the old one.
        Its depth is Qt's guess again: set. And Qt's new index knows no scene
        rect until the scene's ``sceneRectChanged``: an edit that left the map's
        size as it was (a card moved on a dense map) left every item filed in
        one leaf, so each lookup (a repaint, a hit test: several per mouse move
        of a drag) sorted and tested all 20,000 items, 3 ms each. The signal,
        given the rect the scene has, tells it."""
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBspTreeDepth(BSP_DEPTH)  # (a new index: Qt's guess again)
        self.sceneRectChanged.emit(self.sceneRect())

    def set_emphasis(self, ids: set[str] | None) -> None:
        if ids is None and self.emphasis is None:
            return  # nothing was dimmed (the closed find bar says so after every edit)
        self.emphasis = ids
        self.apply_emphasis()

    def _refresh(self, graphic: ElementItem, images: ImageCache) -> None:
        """A card of a band that moved, not looked at by this update: it takes
        the layout's Item for it now and goes where that Item says."""
        band = graphic.band
        item = None if band is None else band.lookup(graphic.element_id or "")
        moved_only = item is not None and item is not graphic._item
        if not (moved_only and graphic.set_layout_item(item, images)):  # type: ignore[arg-type]
            self._reband(graphic)

    def _reband(self, graphic: ElementItem) -> None:
        """Put a card in the band its bounds say, if it is not there, with
        its rectangle relative to that band's top."""
        band = self._band_for(graphic._item.bounds, graphic._item)
        if band is graphic.band:
            b = graphic._item.bounds
            top = band.top if band is not None else 0.0
            if graphic.local == (b.x - 4, b.y - 8 - top, b.w + 8, b.h + 16):
                return
        if graphic.band is not None:
            graphic.band.count -= 1
        if band is not None:
            band.count += 1
        self._placings += 1
        graphic.move_to_band(band)

    def clear(self) -> None:
        """Every item goes (Qt deletes them): none is kept for the next map."""
        super().clear()
        self._bands = {}
        self._wire_band = None
        self._shown_pass = -1  # (no item shows the last layout now)
        self._graphics = {}
        self._cards = {}
        self._lane_counts = {}
        self._placings += 1
        self.items_by_id = {}

    def apply_emphasis(self) -> None:
        if self.emphasis is None and not self._dimmed:
            # Nothing is dimmed and nothing is to be: every card is at full
            # opacity already (opening a map set it on 5,000 cards, twice).
            return
        self._dimmed = self._emphasise(
            [item for items in self.items_by_id.values() for item in items]
        )

    def _emphasise(self, items: list[ElementItem]) -> bool:
        """Each card of ``items`` at full or dimmed opacity; True if one is dimmed."""
        emphasis = self.emphasis
        dimmed = False
        for item in items:
            if item.kind == "card":
                shown = emphasis is None or item.element_id in emphasis
                item.setOpacity(1.0 if shown else DIMMED_OPACITY)
                dimmed = dimmed or not shown
        return dimmed

    def element_items(self, element_id: str) -> list[ElementItem]:
        return self.items_by_id.get(element_id, [])


def _keys(layout: MapLayout) -> list[tuple[str, str | None, int]]:
    """Each layout item's key: its kind, element id, and rank among the items
    of that kind and element (the same whether its cards are settled or not)."""
    keys: list[tuple[str, str | None, int]] = []
    seen: dict[tuple[str, str | None], int] = {}
    for item in layout.peek_items():
        kind_id = (item.kind, item.element)
        n = seen.get(kind_id, 0)
        seen[kind_id] = n + 1
        keys.append((item.kind, item.element, n))
    return keys
