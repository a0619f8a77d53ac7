"""The navigator: the project's personas and its maps, grouped by persona.

Every action is one undoable command (DESIGN.md rules 4–5): add, rename and
delete personas; add, rename, duplicate, delete, reorder maps; derive a
future-state map from a current one; import a map from another project file.
Copies get fresh ids for everything inside, with their references remapped.

The shown map is the window's editing context's (``ui/context.py``): picking
a map in the tree sets it there, and the tree follows it and the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import plain_text
from journeydesk.document import verbs, verbs_maps
from journeydesk.document.document import Change, Document
from journeydesk.io import ProjectFileError, read_project
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import (
    EmotionCurve,
    JourneyMap,
    Lane,
    Persona,
    Project,
    Stage,
    Step,
)
from journeydesk.model.catalogue import NEW_MAP_WORDS, translate
from journeydesk.model.project import LaneDisplay

if TYPE_CHECKING:
    from .context import EditingContext

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

DEFAULT_LANES: tuple[tuple[str, LaneDisplay], ...] = (
    ("actions", "cards"),
    ("touchpoints", "cards"),
    ("thoughts", "cards"),
    ("emotion", "curve"),
    ("pain_points", "cards"),
    ("opportunities", "cards"),
)
"""The lanes of a new blank map: (lane kind, display)."""


def _content(key: str, language: str, **values: str) -> str:
    """Words written into the project (its content language), not the UI's."""
    return translate(NEW_MAP_WORDS[key], language, **values)


def blank_map(project: Project, persona: str | None = None) -> JourneyMap:
    """A new map: three stages of one step each, the usual lanes, one curve."""
    lang = project.language
    vocab = Vocabulary(project, lang)
    stages = [
        Stage(
            name=_content("stage", lang, n=str(n)),
            steps=[Step(name=_content("step", lang, n=str(n)))],
        )
        for n in (1, 2, 3)
    ]
    lanes = [
        Lane(name=vocab.label("lane_kinds", kind), kind=kind, display=display)
        for kind, display in DEFAULT_LANES
    ]
    curve_lane = next(lane for lane in lanes if lane.display == "curve")
    return JourneyMap(
        name=_content("map", lang),
        personas=[persona] if persona else [],
        stages=stages,
        lanes=lanes,
        curves=[EmotionCurve(persona=persona, lane=curve_lane.id)],
    )


class Navigator(QWidget):
    """Personas and maps. It edits the context's document and shows, and
    sets, the context's map (a navigator of its own without one)."""

    mapActivated = Signal(str)
    """The user picked a map (its id); the navigator has already shown it."""
    personaActivated = Signal(str)
    """The user picked a persona (its id)."""

    def __init__(
        self, context: EditingContext | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Navigator"))
        self.document: Document | None = None
        if context is None:
            from .context import EditingContext

            context = EditingContext(self)
        self.context = context
        context.documentReplaced.connect(self.set_document)
        context.mapChanged.connect(self._map_changed)
        self._renaming = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Two short menu buttons rather than a toolbar: a narrow dock cut the
        # longer Italian labels off behind an overflow arrow.
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 2)
        layout.addLayout(buttons)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        # Map names differ at their ends ("… — current state", "… — future
        # state"): a narrow dock cuts them in the middle, not the end.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setAccessibleName(self.tr("Personas and maps"))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.setEditTriggers(
            QTreeWidget.EditTrigger.EditKeyPressed | QTreeWidget.EditTrigger.SelectedClicked
        )
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemChanged.connect(self._item_renamed)
        layout.addWidget(self.tree, 1)

        def action(text: str, slot: Any, tip: str = "") -> QAction:
            act = QAction(text, self)
            act.triggered.connect(slot)
            if tip:
                act.setToolTip(tip)
            self.tree.addAction(act)
            return act

        self.add_persona_action = action(self.tr("Add Persona"), self.add_persona)
        self.add_map_action = action(self.tr("Add Map"), self.add_map)
        self.rename_action = action(self.tr("Rename"), self.rename_current)
        self.rename_action.setShortcut(Qt.Key.Key_F2)
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.duplicate_action = action(self.tr("Duplicate Map"), self.duplicate_map)
        self.delete_action = action(self.tr("Delete"), self.delete_current)
        self.move_up_action = action(self.tr("Move Up"), lambda: self.move_map(-1))
        self.move_down_action = action(self.tr("Move Down"), lambda: self.move_map(1))
        self.derive_action = action(
            self.tr("Derive Future State"),
            self.derive_future_state,
            self.tr("Copy this map as a future-state map derived from it"),
        )
        self.import_action = action(
            self.tr("Import Map from Another Project File…"), self.import_map
        )

        def menu_button(text: str, accessible: str, actions: list[QAction]) -> QToolButton:
            button = QToolButton()
            button.setText(text)
            button.setAccessibleName(accessible)
            button.setToolTip(accessible)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            menu = QMenu(button)
            for act in actions:
                menu.addAction(act)
            button.setMenu(menu)
            buttons.addWidget(button)
            return button

        self.add_button = menu_button(
            self.tr("Add"),
            self.tr("Add a persona or a map"),
            [self.add_persona_action, self.add_map_action, self.import_action],
        )
        self.more_button = menu_button(
            self.tr("More"),
            self.tr("More map actions"),
            [
                self.rename_action,
                self.duplicate_action,
                self.delete_action,
                self.move_up_action,
                self.move_down_action,
                self.derive_action,
            ],
        )
        buttons.addStretch(1)

    # --- document -----------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._model_changed)
        self.document = document
        if document is not None:
            document.changed.connect(self._model_changed)
        self._fill_tree()

    @property
    def project(self) -> Project | None:
        return self.document.project if self.document is not None else None

    def current_map_id(self) -> str | None:
        return self.context.map_id

    def select_map(self, map_id: str) -> None:
        """Show this map (the context's map)."""
        self.context.set_map(map_id)

    def _model_changed(self, change: Change) -> None:
        project = self.project
        if project is None:
            return
        mine = {project.id} | {m.id for m in project.maps} | {p.id for p in project.personas}
        if not mine & set(change.ids):
            return  # an edit inside a map, or a removed map or persona (see below)
        if {"maps", "personas", "name", "state", "segment"} & set(change.fields):
            self._fill_tree()

    # --- keeping the tree in step ---------------------------------------------

    def _fill_tree(self) -> None:
        if self._renaming:
            # Not from inside the tree's own itemChanged: the item is in use.
            QTimer.singleShot(0, self, self._fill_tree)
            return
        project = self.project
        self.tree.blockSignals(True)
        self.tree.clear()
        if project is not None:
            persona_items: dict[str, QTreeWidgetItem] = {}
            for persona in project.personas:
                item = QTreeWidgetItem([persona.name or self.tr("(unnamed persona)")])
                item.setData(0, KIND_ROLE, "persona")
                item.setData(0, ID_ROLE, persona.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(0, plain_text(persona.segment))
                self.tree.addTopLevelItem(item)
                persona_items[persona.id] = item
            loose: QTreeWidgetItem | None = None
            for jmap in project.maps:
                parent = next((persona_items[p] for p in jmap.personas if p in persona_items), None)
                if parent is None:
                    if loose is None:
                        loose = QTreeWidgetItem([self.tr("Maps without a persona")])
                        loose.setData(0, KIND_ROLE, "group")
                        loose.setFlags(loose.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                        self.tree.addTopLevelItem(loose)
                    parent = loose
                item = QTreeWidgetItem([jmap.name or self.tr("(unnamed map)")])
                item.setData(0, KIND_ROLE, "map")
                item.setData(0, ID_ROLE, jmap.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                state = {
                    "current": self.tr("current state"),
                    "future": self.tr("future state"),
                    "ideal": self.tr("ideal state"),
                }.get(jmap.state, jmap.state)
                item.setToolTip(0, state)
                parent.addChild(item)
            self.tree.expandAll()
        self.tree.blockSignals(False)
        self._select_in_tree(self.current_map_id())

    def _select_in_tree(self, element_id: str | None) -> None:
        if element_id is None:
            return
        item = self._find_item(element_id)
        if item is not None and self.tree.currentItem() is not item:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(item)
            self.tree.blockSignals(False)

    def _find_item(self, element_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            if top.data(0, ID_ROLE) == element_id:
                return top
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, ID_ROLE) == element_id:
                    return child
        return None

    def _map_changed(self, map_id: str | None) -> None:
        self._select_in_tree(map_id)
        self._update_actions()

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None and current.data(0, KIND_ROLE) == "map":
            map_id = str(current.data(0, ID_ROLE))
            if map_id != self.current_map_id():
                self.select_map(map_id)
            self.mapActivated.emit(map_id)
        elif current is not None and current.data(0, KIND_ROLE) == "persona":
            self.personaActivated.emit(str(current.data(0, ID_ROLE)))
        self._update_actions()

    def _update_actions(self) -> None:
        kind, _id = self._current()
        on_map = kind == "map"
        for act in (
            self.duplicate_action,
            self.move_up_action,
            self.move_down_action,
            self.derive_action,
        ):
            act.setEnabled(on_map)
        self.rename_action.setEnabled(kind in ("map", "persona"))
        self.delete_action.setEnabled(kind in ("map", "persona"))

    def _current(self) -> tuple[str | None, str | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None
        kind = item.data(0, KIND_ROLE)
        element_id = item.data(0, ID_ROLE)
        return (str(kind) if kind else None), (str(element_id) if element_id else None)

    def _current_map(self) -> JourneyMap | None:
        kind, element_id = self._current()
        project = self.project
        if project is None:
            return None
        if kind == "map" and element_id is not None:
            return project.map_by_id(element_id)
        map_id = self.current_map_id()
        return project.map_by_id(map_id) if map_id else None

    # --- actions ------------------------------------------------------------

    def add_persona(self) -> None:
        project = self.project
        if self.document is None or project is None:
            return
        name = self.tr("New persona")
        persona = Persona(name=name)
        verbs.add_persona(self.document, persona)
        item = self._find_item(persona.id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def add_map(self) -> None:
        """A blank map, for the selected persona if a persona is selected."""
        project = self.project
        if self.document is None or project is None:
            return
        kind, element_id = self._current()
        persona = None
        if kind == "persona":
            persona = element_id
        elif kind == "map" and element_id:
            jmap = project.map_by_id(element_id)
            persona = jmap.personas[0] if jmap and jmap.personas else None
        new = blank_map(project, persona)
        verbs_maps.add_map(self.document, new)
        self.select_map(new.id)

    def rename_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, KIND_ROLE) in ("map", "persona"):
            self.tree.editItem(item, 0)

    def rename(self, element_id: str, name: str) -> None:
        """Rename a map or a persona (one undo step)."""
        if self.document is None:
            return
        element = self.document.element(element_id)
        name = name.strip()[:500]
        if not name or getattr(element, "name", None) == name:
            self._fill_tree()
            return
        what = self.tr("map") if isinstance(element, JourneyMap) else self.tr("persona")
        text = self.tr("Rename %1 '%2'").replace("%1", what).replace("%2", name)
        verbs.rename(self.document, element_id, name, text)

    def _item_renamed(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, KIND_ROLE) in ("map", "persona"):
            self._renaming = True
            try:
                self.rename(str(item.data(0, ID_ROLE)), item.text(0))
            finally:
                self._renaming = False

    def duplicate_map(self) -> None:
        jmap = self._current_map()
        project = self.project
        if self.document is None or project is None or jmap is None:
            return
        name = _content("copy", project.language, name=jmap.name)
        copy = verbs_maps.duplicate_map(self.document, jmap, name)
        self.select_map(copy.id)

    def derive_future_state(self) -> None:
        jmap = self._current_map()
        project = self.project
        if self.document is None or project is None or jmap is None:
            return
        name = _content("future", project.language, name=jmap.name)
        future = verbs_maps.derive_future_state(self.document, jmap, name)
        self.select_map(future.id)

    def delete_current(self) -> None:
        kind, element_id = self._current()
        if kind == "map" and element_id:
            self.delete_map(element_id)
        elif kind == "persona" and element_id:
            self.delete_persona(element_id)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            plain_text(text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_map(self, map_id: str, confirm: bool = True) -> None:
        project = self.project
        if self.document is None or project is None:
            return
        jmap = project.map_by_id(map_id)
        if jmap is None:
            return
        if confirm and not self._confirm(
            self.tr("Delete map"),
            self.tr(
                "Delete the map “%1” with its %n card(s)? You can undo this.", "", len(jmap.cards)
            ).replace("%1", jmap.name),
        ):
            return
        verbs_maps.remove_map(self.document, map_id)

    def delete_persona(self, persona_id: str) -> None:
        if self.document is None:
            return
        verbs_maps.remove_persona(self.document, persona_id)

    def move_map(self, delta: int) -> None:
        """Move the map up or down among the maps of its group."""
        jmap = self._current_map()
        project = self.project
        if self.document is None or project is None or jmap is None:
            return
        item = self._find_item(jmap.id)
        siblings: list[str] = []
        parent = item.parent() if item is not None else None
        if parent is not None:
            siblings = [
                str(child.data(0, ID_ROLE))
                for i in range(parent.childCount())
                if (child := parent.child(i)) is not None
            ]
        if jmap.id not in siblings:
            siblings = [m.id for m in project.maps]
        pos = siblings.index(jmap.id) + delta
        if not 0 <= pos < len(siblings):
            return
        ids = [m.id for m in project.maps]
        new_index = ids.index(siblings[pos])
        verbs_maps.move_map(self.document, jmap, new_index)
        self._select_in_tree(jmap.id)

    def import_map(self) -> None:
        """Copy one map from another project file into this one (one undo step)."""
        project = self.project
        if self.document is None or project is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import map from project"),
            "",
            self.tr("JourneyDesk projects (*.journey);;All files (*)"),
        )
        if not name:
            return
        try:
            other = read_project(name)
        except ProjectFileError as exc:
            QMessageBox.warning(
                self,
                self.tr("Cannot import"),
                plain_text(
                    self.tr("“%1” cannot be opened.").replace("%1", Path(name).name)
                    + "\n"
                    + "\n".join(str(p) for p in exc.problems[:8])
                ),
            )
            return
        if not other.maps:
            QMessageBox.information(
                self, self.tr("Import map"), self.tr("That project has no maps.")
            )
            return
        chosen = other.maps[0]
        if len(other.maps) > 1:
            names = [f"{n + 1}. {m.name}" for n, m in enumerate(other.maps)]
            picked, ok = QInputDialog.getItem(
                self, self.tr("Import map"), self.tr("Map to import:"), names, 0, False
            )
            if not ok:
                return
            chosen = other.maps[names.index(picked)]
        copy = verbs_maps.import_map(self.document, other, chosen)
        self.select_map(copy.id)
