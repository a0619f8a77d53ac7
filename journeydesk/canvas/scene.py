"""The map scene: one graphics item per element of the layout, by id.

The scene is a picture of the model (STYLE.md): it is rebuilt from a layout
and keeps ``dict[id, items]`` so the editor can find and update an element's
drawing when the model says it changed.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from journeydesk.io.heap import gc_paused
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.primitives import MapLayout
from journeydesk.model.project import JourneyMap, Project
from journeydesk.render.qpainter import ImageCache

from .items import ElementItem
from .overlays import Overlays

DIMMED_OPACITY = 0.18


class MapScene(QGraphicsScene):
    rebuilt = Signal()
    """Emitted after the scene was rebuilt from the model (all items are new)."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.layouter = MapLayouter()
        self.layout: MapLayout | None = None
        self.items_by_id: dict[str, list[ElementItem]] = {}
        self.emphasis: set[str] | None = None
        """Card ids a find or filter picked; the other cards are dimmed. None: all."""
        self.setBackgroundBrush(QColor("#E4E7EC"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._images: ImageCache | None = None
        self._images_key: tuple[tuple[str, int], ...] = ()
        self.marks: tuple[tuple[str, str], ...] = ()
        """Comparison marks (element id, kind) every map shown here is laid out
        with (ui/compare.py sets them); () for none."""
        self.overlays = Overlays(self)
        """Starter questions and stale badges: on the canvas only, never printed."""

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
        self, project: Project, jmap: JourneyMap | None, options: LayoutOptions | None = None
    ) -> None:
        """Show ``jmap`` as the model has it now. Showing the same map again
        (after an edit) keeps the items whose drawing did not change, updates
        the changed ones in place and adds or removes the rest, so selection
        and the view stay put and a big map redraws quickly."""
        self.overlays.remove()
        if jmap is None:
            self.clear()
            self.items_by_id.clear()
            self.layout = None
            self.setSceneRect(QRectF(0, 0, 100, 100))
            return
        if self.marks:
            options = dataclasses.replace(options or LayoutOptions(), marks=self.marks)
        layout = self.layouter.layout(project, jmap, options)
        images, new_images = self._image_cache(project)
        same_map = self.layout is not None and self.layout.map_id == jmap.id
        old: dict[tuple[str, str | None, int], ElementItem] = {}
        if same_map:
            for existing in self.items():
                if isinstance(existing, ElementItem):
                    old[existing.key] = existing
        else:
            self.clear()
        self.items_by_id.clear()
        seen: dict[tuple[str, str | None], int] = {}
        for item in layout.items:
            n = seen.get((item.kind, item.element), 0)
            seen[(item.kind, item.element)] = n + 1
            key = (item.kind, item.element, n)
            kept = old.pop(key, None)
            if kept is None:
                graphic = ElementItem(item, images)
                graphic.key = key
                self.addItem(graphic)
            else:
                graphic = kept
                if graphic.layout_item != item:
                    graphic.set_layout_item(item, images)
                elif new_images:
                    graphic.set_images(images)
            if item.element is not None:
                self.items_by_id.setdefault(item.element, []).append(graphic)
        for gone in old.values():
            self.removeItem(gone)
        self.layout = layout
        margin = 40.0
        self.setSceneRect(
            QRectF(-margin, -margin, layout.width + 2 * margin, layout.height + 2 * margin)
        )
        self.apply_emphasis()
        self.overlays.show(project, jmap, layout)
        self.rebuilt.emit()

    def set_emphasis(self, ids: set[str] | None) -> None:
        self.emphasis = ids
        self.apply_emphasis()

    def apply_emphasis(self) -> None:
        dim = DIMMED_OPACITY
        for element_id, items in self.items_by_id.items():
            for item in items:
                if item.kind == "card":
                    shown = self.emphasis is None or element_id in self.emphasis
                    item.setOpacity(1.0 if shown else dim)

    def element_items(self, element_id: str) -> list[ElementItem]:
        return self.items_by_id.get(element_id, [])
