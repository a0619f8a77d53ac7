"""The Storyline panel: the shown map's scenes in order, with thumbnails, and
their editing.

A map with no storyline of its own tells the default one (title, a scene per
stage, closing); the panel shows it, and the first edit writes those scenes
into the map together with the edit, as one undo step (``verbs_story.set_scenes``). The
default scenes keep stable ids and point at their stages by id, with their
titles and narration left empty so the stage's own name and narration show
through. Every edit is one named command: reorder (drag in the list, or Move
Up/Down), show/hide (the tick), add or delete a custom scene, its title,
text and image, the duration (automatic: the narration's reading time) and
the narration; typing merges into one step, as in the inspector.

The selected scene's fields and the preview of its slide are a widget of
their own (``storyline_scene_form.py``: it shows a scene and says what was
typed; the edits stay here). Thumbnails and the preview are slides drawn small,
lazily, only while the panel is shown (``storyline_pictures.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QPaintEvent,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import action_text
from journeydesk.document import verbs, verbs_story
from journeydesk.document.document import Change, Document
from journeydesk.layout.storyline import (
    DEFAULT_DURATION,
    compares,
    comparison_pair,
    default_scenes,
    missing_stages,
    scene_duration,
    scene_title,
    scenes_for,
    stored_scenes,
    with_missing_stages,
)
from journeydesk.model import JourneyMap, Project, Scene
from journeydesk.model.base import MAX_NAME
from journeydesk.render.qpainter import ImageCache

from .storyline_pictures import ID_ROLE, THUMB, ScenePictures
from .storyline_scene_form import SceneForm, SlidePreview

RENDER_DELAY_MS = 200
"""Wait this long after the last change before drawing again (typing)."""


def storyline_only(doc: Document, change: Change) -> bool:
    """True when a change touched nothing but storylines (scenes, their order,
    a map's storyline mode): the map's drawing stays as it is."""
    if change.fields and set(change.fields) <= {"storyline", "scenes"}:
        return True
    if not change.ids:
        return False
    for element_id in change.ids:
        try:
            element = doc.element(element_id)
        except KeyError:
            return False
        if not isinstance(element, Scene):
            return False
    return True


class StorylinePanel(ScenePictures, QWidget):
    """The scenes of the shown map's storyline and the selected scene's fields."""

    presentationStarted = Signal(object)  # the Presentation window

    def __init__(self, parent: QWidget | None = None, *, wait_hidden: bool = False) -> None:
        """``wait_hidden``: while the panel is out of sight (a dock behind another
        dock's tab), a new document, map or edit only marks the list out of date;
        it is filled when the panel comes into sight (#14: 68 ms of an open of a
        258-stage map went to a list nobody saw)."""
        super().__init__(parent)
        self._wait_hidden = wait_hidden
        self._waiting = False
        """The list and form are out of date (filled when the panel shows)."""
        self.setAccessibleName(self.tr("Storyline"))
        self.document: Document | None = None
        self.map_id: str | None = None
        self._thumbs: dict[str, QPixmap] = {}
        self._stale: set[str] = set()
        self._drawn: dict[str, object] = {}
        """What each thumbnail was drawn from (``_look``)."""
        self._preview_look: object = None
        self._preview_id: str | None = None
        self._preview_stale = True
        self._images: ImageCache | None = None
        self._presentation: Any = None
        self._filling = False
        self._keep: str | None = None
        self._scenes: list[Scene] = []
        self._scenes_key: tuple[int, int, str] | None = None
        """The scene the user selected (kept while a command refills the list)."""
        self._dock: QDockWidget | None = None

        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Storyline mode"))
        self.mode.addItem(self.tr("One map"), "single")
        self.mode.addItem(self.tr("Compare"), "compare")
        self.mode.currentIndexChanged.connect(lambda _i: self.set_mode(self.mode.currentData()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.mode, 1)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Scenes"))
        self.list.setIconSize(THUMB)
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setWordWrap(True)
        self.list.setSpacing(1)
        self.list.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(self._rows_moved)
        self.list.verticalScrollBar().valueChanged.connect(lambda _v: self._schedule(0))

        self.up = QPushButton(self.tr("Up"))
        self.up.setToolTip(self.tr("Move the scene up"))
        self.up.clicked.connect(lambda: self._move_selected(-1))
        self.down = QPushButton(self.tr("Down"))
        self.down.setToolTip(self.tr("Move the scene down"))
        self.down.clicked.connect(lambda: self._move_selected(1))
        self.add = QPushButton(self.tr("Add"))
        self.add.setToolTip(self.tr("Add a scene of your own after the selected one"))
        self.add.clicked.connect(self.add_scene)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.setToolTip(self.tr("Delete the scene (scenes of your own only)"))
        self.delete.clicked.connect(self._delete_selected)
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setToolTip(self.tr("Go back to the default storyline"))
        self.reset.clicked.connect(self.reset_to_defaults)
        self.add_missing = QPushButton()
        self.add_missing.setToolTip(
            self.tr("Stages added since the storyline was written have no scene yet")
        )
        self.add_missing.clicked.connect(self.add_missing_stages)
        self.add_missing.hide()
        # Two rows, so the panel fits a narrow dock beside the map.
        buttons = QGridLayout()
        buttons.setSpacing(2)
        for n, b in enumerate((self.up, self.down, self.add, self.delete, self.reset)):
            buttons.addWidget(b, n // 3, n % 3)

        self.scene_form = SceneForm()
        self.scene_form.edited.connect(self._edit_field)
        self.scene_form.autoToggled.connect(self._auto_toggled)
        self.scene_form.chooseImage.connect(self._ask_image)
        form = self.scene_form  # its fields, by name (the tests type into them)
        self.title, self.text, self.narration = form.title, form.text, form.narration
        self.auto, self.duration, self.form = form.auto, form.duration, form.form

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #B03A2E")
        self.message.hide()
        self.preview = SlidePreview()
        self.preview.setAccessibleName(self.tr("Preview of the scene"))
        self.present = QPushButton(self.tr("Present from Here"))
        self.present.setToolTip(self.tr("Present the storyline from the selected scene"))
        self.present.clicked.connect(self.present_from_here)

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.scene_form)
        editor_layout.addWidget(self.message)
        editor_layout.addWidget(self.preview)
        editor_layout.addWidget(self.present)
        editor_layout.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(editor)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.list, 1)
        upper_layout.addWidget(self.add_missing)
        upper_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self._render_next)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self.refresh()

    # --- what is shown ----------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._model_changed)
        self.document = document
        self.map_id = None
        if document is not None:
            document.changed.connect(self._model_changed)
        self._forget_pictures()
        self.refresh()
        self._schedule(0)

    def set_map(self, map_id: str | None) -> None:
        if map_id == self.map_id:
            return
        self.map_id = map_id
        self._keep = None
        self._forget_pictures()
        self.refresh()
        self._schedule(0)

    @property
    def project(self) -> Project | None:
        return self.document.project if self.document is not None else None

    def current_map(self) -> JourneyMap | None:
        project = self.project
        if project is None or self.map_id is None:
            return None
        return project.map_by_id(self.map_id)

    def scenes(self) -> list[Scene]:
        """Every scene the panel lists, hidden ones included.

        Kept while the document's generation stays (an edit asked for them
        three times, and a map without a storyline of its own makes its default
        scenes each time: 15 ms for 260 stages)."""
        project, jmap, doc = self.project, self.current_map(), self.document
        if project is None or jmap is None or doc is None:
            return []
        key = (id(doc), doc.generation, jmap.id)
        if self._scenes_key != key:
            self._scenes = stored_scenes(project, jmap)
            self._scenes_key = key
        return list(self._scenes)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def current_scene(self) -> Scene | None:
        wanted = self.current_id()
        return next((s for s in self.scenes() if s.id == wanted), None)

    def select(self, scene_id: str) -> None:
        self._keep = scene_id
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == scene_id:
                self.list.setCurrentRow(row)
                return

    def label_of(self, scene: Scene) -> str:
        project, jmap = self.project, self.current_map()
        assert project is not None and jmap is not None
        return scene_title(project, jmap, scene, project.language) or self.tr("(untitled)")

    # --- filling the widgets ------------------------------------------------

    def refresh(self) -> None:
        """Show the model: the mode, the list of scenes, the selected scene."""
        self._refresh_timer.stop()
        self._fill_mode()
        if self._wait_hidden and not self.shown():
            self._waiting = True
            self.list.blockSignals(True)
            self.list.clear()  # nothing of the previous document stays listed
            self.list.blockSignals(False)
            return
        self._waiting = False
        self._fill_list()
        self._fill_form()

    def _fill_mode(self) -> None:
        project, jmap = self.project, self.current_map()
        pair = comparison_pair(project, jmap) if project and jmap else None
        self.mode.blockSignals(True)
        if pair is not None:
            other = pair[0] if pair[1] is jmap else pair[1]
            self.mode.setItemText(
                1, self.tr("Compare with “%1”").replace("%1", other.name or self.tr("(unnamed)"))
            )
        else:
            self.mode.setItemText(1, self.tr("Compare (no map derived from or for this one)"))
        self.mode.setCurrentIndex(1 if jmap is not None and jmap.storyline.mode == "compare" else 0)
        self.mode.setEnabled(pair is not None or self.mode.currentIndex() == 1)
        self.mode.blockSignals(False)

    def _kind_name(self, scene: Scene, comparing: bool) -> str:
        names = {
            "title": self.tr("Title"),
            "stage": self.tr("Comparison") if comparing else self.tr("Stage"),
            "comparison": self.tr("Comparison"),
            "closing": self.tr("Closing"),
            "custom": self.tr("Your scene"),
        }
        return names.get(scene.kind, scene.kind)

    def _fill_list(self) -> None:
        """List the scenes. When the same scenes are listed already (an edit of
        the map, not of the storyline), their rows are updated in place: the
        list was made again on every edit while in sight."""
        project, jmap = self.project, self.current_map()
        rows: list[tuple[Scene, str]] = []
        if project is not None and jmap is not None:
            comparing = compares(project, jmap)
            n = 0
            for scene in self.scenes():
                seconds = scene_duration(jmap, scene)
                number = "–" if scene.hidden else str(n + 1)
                n += 0 if scene.hidden else 1
                auto = " " + self.tr("(auto)") if scene.auto_duration else ""
                text = (
                    f"{number}. {self.label_of(scene)}\n"
                    f"{self._kind_name(scene, comparing)} · {seconds:g} s{auto}"
                )
                rows.append((scene, text))
        self._filling = True
        self.list.blockSignals(True)
        listed = [self.list.item(r).data(ID_ROLE) for r in range(self.list.count())]
        if listed and listed == [scene.id for scene, _text in rows]:
            for row, (scene, text) in enumerate(rows):
                item = self.list.item(row)
                self._show_row(item, scene, text)
                if scene.id not in self._thumbs:  # forgotten while out of sight
                    item.setIcon(self._thumb_icon(scene))
        else:
            self.list.clear()
            for scene, text in rows:
                item = QListWidgetItem()
                item.setData(ID_ROLE, scene.id)
                item.setFlags(
                    Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsDragEnabled
                )
                item.setToolTip(self.tr("Untick to leave the scene out"))
                self._show_row(item, scene, text)
                item.setIcon(self._thumb_icon(scene))
                self.list.addItem(item)
            rows_by_id = {self.list.item(r).data(ID_ROLE): r for r in range(self.list.count())}
            self.list.setCurrentRow(rows_by_id.get(self._keep, 0) if rows_by_id else -1)
        self.list.blockSignals(False)
        self._filling = False

    @staticmethod
    def _show_row(item: QListWidgetItem, scene: Scene, text: str) -> None:
        """A row's text, tick and colour (only what differs is set)."""
        if item.text() != text:
            item.setText(text)
        check = Qt.CheckState.Unchecked if scene.hidden else Qt.CheckState.Checked
        if item.checkState() != check:
            item.setCheckState(check)
        grey = QColor("#8A8F98") if scene.hidden else None
        if grey is not None and item.foreground().color() != grey:
            item.setForeground(grey)
        elif grey is None and item.data(Qt.ItemDataRole.ForegroundRole) is not None:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def _fill_form(self) -> None:
        scene = self.current_scene()
        jmap = self.current_map()
        has = scene is not None and jmap is not None
        custom = has and scene is not None and scene.kind == "custom"
        self.present.setEnabled(has)
        self.delete.setEnabled(custom)
        stored = jmap is not None and bool(jmap.storyline.scenes)
        self.reset.setEnabled(stored)
        missing = missing_stages(jmap) if jmap is not None else []
        self.add_missing.setVisible(bool(missing))
        if missing:
            self.add_missing.setText(
                self.tr("Add Scenes for %n New Stage(s)", "", len(missing))
                if len(missing) != 1
                else self.tr("Add a Scene for “%1”").replace("%1", action_text(missing[0].name))
            )
        row = self.list.currentRow()
        self.up.setEnabled(has and row > 0)
        self.down.setEnabled(has and 0 <= row < self.list.count() - 1)
        self.add.setEnabled(jmap is not None)
        project = self.project
        if scene is None or jmap is None or project is None:
            self.scene_form.clear()
            self.preview.set_pixmap(None)
            return
        self.scene_form.show_scene(project, jmap, scene)

    def _selection_changed(self) -> None:
        if self._filling:
            return
        self._keep = self.current_id()
        self.message.hide()
        self._fill_form()
        self._preview_id = None
        self._preview_stale = True
        self._schedule(0)

    # --- the model changed ---------------------------------------------------

    def _model_changed(self, change: Change) -> None:
        jmap = self.current_map()
        if self.document is None:
            return
        if jmap is None:
            self.refresh()
            return
        if self._wait_hidden and not self.shown():
            # Out of sight: the list is filled, and the pictures drawn, when it
            # comes into sight (which scenes look otherwise is not worked out).
            self._forget_pictures()
            self._waiting = True
            return
        if "assets" in change.fields:
            self._images = None
        scenes = self.scenes()
        if storyline_only(self.document, change):
            # only the scenes that now look otherwise than when drawn
            self._stale |= {s.id for s in scenes if self._drawn.get(s.id) != self._look(s)}
            current = self.current_scene()
            if current is not None and self._preview_look != self._look(current):
                self._preview_stale = True
        elif change.fields == ("assets",):
            pass  # an image added (or taken back) that no slide shows yet
        elif self._touches_map(change, jmap):
            self._drawn.clear()  # the slides show the whole map: all may have changed
            self._stale |= {s.id for s in scenes}
            self._preview_look = None
            self._preview_stale = True
        # Shown once the command is done (a command may change many scenes).
        self._refresh_timer.start()
        self._schedule(RENDER_DELAY_MS)

    def flush(self) -> None:
        """Show what the last command did now, not on the next turn of the loop."""
        if self._refresh_timer.isActive():
            self.refresh()

    def _touches_map(self, change: Change, jmap: JourneyMap) -> bool:
        """Whether a change may show on this map's slides (not another map's)."""
        doc = self.document
        assert doc is not None
        pair = comparison_pair(doc.project, jmap)
        mine = {jmap.id, *(m.id for m in pair or ())}
        for element_id in change.ids:
            try:
                owner = doc.map_of(element_id)
            except KeyError:
                return True
            if owner is None or owner.id in mine:
                return True
        return not change.ids

    # --- pictures, drawn lazily (storyline_pictures.py) ------------------------

    def shown(self) -> bool:
        """Whether the panel is on screen (a dock behind another dock's tab
        stays "visible" to Qt, moved out of sight)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget) and dock is not self._dock:
            self._dock = dock  # its tab raised: draw what is pending
            dock.visibilityChanged.connect(self._dock_visible)
        self._catch_up()
        self._schedule(0)

    def _dock_visible(self, on: bool) -> None:
        if on:
            self._catch_up()
            self._schedule(0)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._waiting:  # in sight some other way (a window restored...)
            QTimer.singleShot(0, self, self._catch_up)

    def _catch_up(self) -> None:
        """Fill what waited while the panel was out of sight."""
        if self._waiting:
            wait, self._wait_hidden = self._wait_hidden, False
            try:
                self.refresh()
            finally:
                self._wait_hidden = wait

    # --- edits -----------------------------------------------------------------

    def _pushed(self, flush: bool = True) -> None:
        """After a verb: the panel's message goes, the pictures follow."""
        self.message.hide()
        if flush:
            self.flush()

    def _named(self, verb: str, scene: Scene) -> str:
        return verb.replace("%1", f"'{self.label_of(scene)}'")

    def set_fields(
        self,
        scene_id: str,
        changes: dict[str, Any],
        text: str,
        merge: bool = False,
        flush: bool = True,
    ) -> None:
        """Set fields of a scene: one undo step (typing merges: ``merge``)."""
        doc, jmap, project = self.document, self.current_map(), self.project
        if doc is None or jmap is None or project is None:
            return
        written = next((s for s in jmap.storyline.scenes if s.id == scene_id), None)
        if written is not None:
            scene = written
            changes = {f: v for f, v in changes.items() if getattr(scene, f) != v}
            if not changes:
                return
            verbs_story.set_scene_fields(doc, scene_id, changes, text, merge)
            self._pushed(flush)
            return
        if jmap.storyline.scenes:
            return  # not a scene of this map
        # Nothing written yet: the default scenes go into the map with the edit.
        scenes = default_scenes(project, jmap)
        target = next((s for s in scenes if s.id == scene_id), None)
        if target is None:
            return
        if all(getattr(target, f) == v for f, v in changes.items()):
            return
        for field, value in changes.items():
            setattr(target, field, value)
        key = (scene_id, next(iter(changes))) if merge and len(changes) == 1 else None
        verbs_story.set_scenes(doc, jmap, scenes, text=text, follow=key)
        self._pushed(flush)

    def _edit_field(self, field: str, value: Any, field_name: str, merge: bool) -> None:
        scene = self.current_scene()
        if scene is None or self._filling:
            return
        text = self._named(self.tr("Edit %2 of scene %1").replace("%2", field_name), scene)
        self.set_fields(scene.id, {field: value}, text, merge)

    def _auto_toggled(self, on: bool) -> None:
        scene, jmap = self.current_scene(), self.current_map()
        if scene is None or jmap is None:
            return
        changes: dict[str, Any] = {"auto_duration": on}
        if not on:  # from now on the duration shown, which the user may change
            changes["duration"] = scene_duration(jmap, scene)
        text = (
            self.tr("Automatic duration of scene %1") if on else self.tr("Set duration of scene %1")
        )
        self.set_fields(scene.id, changes, self._named(text, scene))

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        scene_id = item.data(ID_ROLE)
        scene = next((s for s in self.scenes() if s.id == scene_id), None)
        if scene is None:
            return
        hidden = item.checkState() != Qt.CheckState.Checked
        if hidden == scene.hidden:
            return
        verb = self.tr("Hide scene %1") if hidden else self.tr("Show scene %1")
        # shown on the next turn of the loop: the list is not refilled under its own signal
        self.set_fields(scene_id, {"hidden": hidden}, self._named(verb, scene), flush=False)

    def move_scene(self, scene_id: str, index: int) -> None:
        """Move a scene to ``index`` of the storyline: one undo step."""
        doc, jmap, project = self.document, self.current_map(), self.project
        if doc is None or jmap is None or project is None:
            return
        scenes = self.scenes()
        old = next((i for i, s in enumerate(scenes) if s.id == scene_id), None)
        index = max(0, min(index, len(scenes) - 1))
        if old is None or old == index:
            return
        text = self._named(
            (self.tr("Move scene %1 up") if index < old else self.tr("Move scene %1 down")),
            scenes[old],
        )
        scenes.insert(index, scenes.pop(old))
        verbs_story.set_scenes(doc, jmap, scenes, text=text)
        self._pushed()
        self.select(scene_id)

    def _move_selected(self, step: int) -> None:
        scene_id = self.current_id()
        if scene_id is not None:
            self.move_scene(scene_id, self.list.currentRow() + step)

    def _rows_moved(
        self, _parent: QModelIndex, start: int, end: int, _dest: QModelIndex, row: int
    ) -> None:
        """A drag in the list moved a row: make it a command, then show the model."""
        if self._filling or start != end:
            return
        item_id = self.list.item(row if row < start else row - 1)
        scene_id = item_id.data(ID_ROLE) if item_id is not None else None
        index = row if row < start else row - 1
        if scene_id is not None:
            QTimer.singleShot(0, lambda: self._finish_drag(scene_id, index))

    def _finish_drag(self, scene_id: str, index: int) -> None:
        self.move_scene(scene_id, index)
        self._fill_list()  # the list shows the model, whatever the drag did
        self.select(scene_id)

    def add_scene(self) -> str | None:
        """Add a scene of one's own after the selected one; returns its id."""
        doc, jmap, project = self.document, self.current_map(), self.project
        if doc is None or jmap is None or project is None:
            return None
        scene = Scene(
            kind="custom", title=self.tr("New scene"), duration=DEFAULT_DURATION, auto_duration=True
        )
        row = self.list.currentRow()
        index = row + 1 if row >= 0 else self.list.count()
        text = self.tr("Add scene %1").replace("%1", f"'{scene.title}'")
        scenes = stored_scenes(project, jmap)
        scenes.insert(index, scene)
        verbs_story.set_scenes(doc, jmap, scenes, text=text)
        self._pushed()
        self.select(scene.id)
        self.title.setFocus()
        self.title.selectAll()
        return scene.id

    def delete_scene(self, scene_id: str) -> None:
        """Delete a scene of one's own (the others are hidden, not deleted)."""
        doc, jmap = self.document, self.current_map()
        if doc is None or jmap is None:
            return
        scene = next((s for s in jmap.storyline.scenes if s.id == scene_id), None)
        if scene is None or scene.kind != "custom":
            return
        row = jmap.storyline.scenes.index(scene)
        scenes = [s for s in jmap.storyline.scenes if s is not scene]
        verbs_story.set_scenes(
            doc, jmap, scenes, text=self._named(self.tr("Delete scene %1"), scene)
        )
        self._pushed()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _delete_selected(self) -> None:
        scene_id = self.current_id()
        if scene_id is not None:
            self.delete_scene(scene_id)

    def add_missing_stages(self) -> None:
        """A scene for each stage added since the storyline was written: one step."""
        doc, jmap, project = self.document, self.current_map(), self.project
        if doc is None or jmap is None or project is None or not missing_stages(jmap):
            return
        scenes = with_missing_stages(project, jmap)
        verbs_story.set_scenes(doc, jmap, scenes, text=self.tr("Add scenes for new stages"))
        self._pushed()

    def reset_to_defaults(self) -> None:
        """The default storyline again (the scenes of one's own go): one undo step."""
        doc, jmap = self.document, self.current_map()
        if doc is None or jmap is None or not jmap.storyline.scenes:
            return
        verbs_story.set_scenes(doc, jmap, [], text=self.tr("Reset storyline"))
        self._pushed()

    def set_mode(self, mode: str) -> None:
        """One map, or each stage compared with the map derived from or for it."""
        doc, jmap = self.document, self.current_map()
        if doc is None or jmap is None or mode == jmap.storyline.mode:
            return
        text = self.tr("Compare stages in the storyline") if mode == "compare" else None
        text = text or self.tr("Show one map in the storyline")
        verbs_story.set_scenes(doc, jmap, mode=mode, text=text)
        self._pushed()

    def _ask_image(self) -> None:
        scene = self.current_scene()
        if scene is None or scene.kind != "custom":
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an image"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            self.set_image(scene.id, Path(name))

    def set_image(self, scene_id: str, path: Path) -> bool:
        """Embed an image file (checked by the size-checked reader) as the
        scene's image: one undo step. Says why not in the panel."""
        from journeydesk.canvas.image_drop import read_asset
        from journeydesk.model.images import ImageError

        doc = self.document
        scene = next((s for s in self.scenes() if s.id == scene_id), None)
        if doc is None or scene is None or scene.kind != "custom":
            return False
        try:
            asset = read_asset(path)
        except (OSError, ImageError) as exc:
            self.message.setText(
                self.tr("Cannot use this image: %1").replace("%1", str(exc) or path.name)
            )
            self.message.show()
            return False
        asset.name = asset.name[:MAX_NAME]
        verbs.set_image(
            doc, scene_id, asset, text=self._named(self.tr("Set image of scene %1"), scene)
        )
        self._pushed()
        return True

    # --- presenting ------------------------------------------------------------

    def present_from_here(self) -> Any:
        """Present the storyline from the selected scene (the next shown one
        when it is hidden)."""
        project, jmap = self.project, self.current_map()
        if project is None or jmap is None:
            return None
        from .presentation import start_presentation

        shown = [s.id for s in scenes_for(project, jmap)]
        current = self.current_id()
        after = [s.id for s in self.scenes()]
        start = 0
        if current in after:
            later = after[after.index(current) :]
            start = next((shown.index(i) for i in later if i in shown), 0)
        self._presentation = start_presentation(project, jmap, start)
        self.presentationStarted.emit(self._presentation)
        return self._presentation


__all__ = ["StorylinePanel", "storyline_only"]
