"""The pictures of the Storyline panel: the thumbnails of the scenes and the
preview of the selected one, slides drawn small by the export's QPainter
backend.

They are drawn lazily, one per turn of the event loop, the selected scene and
the visible rows first, only while the panel is shown, and kept until a change
to the map makes them stale (a change to one scene makes only its own stale:
``_look`` is what a slide is drawn from). ``ScenePictures`` is a mixin of
``StorylinePanel``, whose state (``_thumbs``, ``_stale``...) it draws.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QListWidget

from journeydesk.layout.storyline import compares, resolve_scene, slide_layout
from journeydesk.model import JourneyMap, Project, Scene
from journeydesk.render.qpainter import ImageCache, render_layout

from .storyline_scene_form import PREVIEW_WIDTH, SLIDE, SlidePreview

THUMB = QSize(128, 72)
SAME_LOOK = frozenset({"hidden", "duration", "auto_duration"})
"""Scene fields that do not change its slide."""
ID_ROLE = Qt.ItemDataRole.UserRole


class ScenePictures:
    """Thumbnails and preview of the panel's scenes, drawn lazily."""

    if TYPE_CHECKING:  # the panel's (StorylinePanel), for the type checker only
        list: QListWidget
        preview: SlidePreview
        _thumbs: dict[str, QPixmap]
        _stale: set[str]
        _drawn: dict[str, object]
        _preview_look: object
        _preview_id: str | None
        _preview_stale: bool
        _images: ImageCache | None
        _render_timer: QTimer

        @property
        def project(self) -> Project | None: ...
        def current_map(self) -> JourneyMap | None: ...
        def current_scene(self) -> Scene | None: ...
        def scenes(self) -> builtins.list[Scene]: ...
        def shown(self) -> bool: ...
        def devicePixelRatioF(self) -> float: ...

    def _thumb_icon(self, scene: Scene) -> QPixmap:
        pixmap = self._thumbs.get(scene.id)
        if pixmap is None:
            pixmap = QPixmap(THUMB)
            pixmap.fill(QColor("#E9ECF2"))
            self._stale.add(scene.id)
        return pixmap

    def _look(self, scene: Scene) -> object:
        """What a scene's slide is drawn from, besides the map: the scene's
        fields that show and the storyline's mode."""
        jmap = self.current_map()
        mode = jmap.storyline.mode if jmap is not None else ""
        return mode, scene.model_dump(exclude=set(SAME_LOOK))

    def _forget_pictures(self) -> None:
        self._thumbs.clear()
        self._drawn.clear()
        self._preview_look = None
        self._stale.clear()
        self._images = None
        self._preview_id = None
        self._preview_stale = True

    def _schedule(self, delay: int) -> None:
        if self._stale or self._preview_stale:
            self._render_timer.start(delay)

    def _render(self, scene: Scene, width: int) -> QPixmap:
        project, jmap = self.project, self.current_map()
        assert project is not None and jmap is not None
        if self._images is None:
            self._images = ImageCache(project.assets)
        resolved = resolve_scene(jmap, scene, compares(project, jmap))
        layout = slide_layout(project, jmap, resolved, *SLIDE)
        ratio = self.devicePixelRatioF()
        image = render_layout(layout, 72.0 * width * ratio / layout.width, self._images)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def _render_next(self) -> None:
        """Draw one picture: the preview first, then the visible thumbnails."""
        if not self.shown() or self.current_map() is None:
            return
        scenes = {s.id: s for s in self.scenes()}
        self._stale &= set(scenes)
        current = self.current_scene()
        if self._preview_stale or self._preview_id != (current.id if current else None):
            if current is not None:
                width = max(PREVIEW_WIDTH, self.preview.width())
                self.preview.set_pixmap(self._render(current, width))
                self._preview_id = current.id
                self._preview_look = self._look(current)
            self._preview_stale = False
        else:
            visible = self.list.viewport().rect()
            rows = [self.list.item(r) for r in range(self.list.count())]
            ordered = [i for i in rows if self.list.visualItemRect(i).intersects(visible)]
            ordered += [i for i in rows if i not in ordered]
            target = next((i for i in ordered if i.data(ID_ROLE) in self._stale), None)
            if target is not None:
                scene_id = target.data(ID_ROLE)
                pixmap = self._render(scenes[scene_id], THUMB.width())
                self._thumbs[scene_id] = pixmap
                self._drawn[scene_id] = self._look(scenes[scene_id])
                self._stale.discard(scene_id)
                target.setIcon(pixmap)
        if self._stale or self._preview_stale:
            self._render_timer.start(0)

    def pictures_pending(self) -> bool:
        """Whether thumbnails or the preview are still to be drawn."""
        return bool(self._stale) or self._preview_stale
