"""The navigator: the project's personas and its maps, grouped by persona.

Every action is one undoable command (DESIGN.md rules 4–5): add, rename and
delete personas; add, rename, duplicate, delete, reorder maps; derive a
future-state map from a current one; import a map from another project file.
Copies get fresh ids for everything inside, with their references remapped.

The main window keeps a flat ``QListWidget`` of the maps (``MainWindow.maps``)
whose current row is the shown map; the navigator keeps it in step with the
project and with the tree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import plain_text
from journeydesk.document.commands import Insert, Macro, Reorder, SetField, remove_elements
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
from journeydesk.model.checks import iter_elements
from journeydesk.model.project import LaneDisplay
from journeydesk.model.refs import DEFINITIONS, Targets, drop_refs, fresh_copy, iter_refs

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

_CONTENT_WORDS: dict[str, tuple[str, str]] = {
    "map": ("New map", "Nuova mappa"),
    "stage": ("Stage {n}", "Fase {n}"),
    "step": ("Step {n}", "Passo {n}"),
    "copy": ("{name} (copy)", "{name} (copia)"),
    "future": ("{name} — future state", "{name} — stato futuro"),
}
"""Words written into the project (its content language), not the UI's."""


def _content(key: str, language: str, **values: str) -> str:
    en, it = _CONTENT_WORDS[key]
    text = it if language.split("-", 1)[0].lower() == "it" else en
    return text.format(**values)


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


def copy_map(jmap: JourneyMap) -> tuple[JourneyMap, dict[str, str]]:
    """A copy of ``jmap`` with a fresh id for every element in it, references
    between them remapped; references outside (personas, teams, other maps)
    are kept. Returns the copy and the old-to-new id mapping."""
    return fresh_copy(jmap)


def derive_future(jmap: JourneyMap) -> JourneyMap:
    """A future-state copy: ``based_on`` the source map, every card
    ``derived_from`` its source card."""
    copy, mapping = copy_map(jmap)
    new_to_old = {new: old for old, new in mapping.items()}
    copy.based_on = jmap.id
    copy.state = "future"
    for card in copy.cards:
        card.derived_from = new_to_old[card.id]
    return copy


def import_map_command(
    doc: Document, source: Project, jmap: JourneyMap, text: str
) -> tuple[Macro, JourneyMap]:
    """One command adding a copy of ``jmap`` (from project ``source``) to the
    document's project, with the personas, teams, sources, metrics, assets and
    score definitions it refers to copied in when missing (matched by id, or by
    key for scores). References the copy cannot keep are dropped."""
    project = doc.project
    copy, _mapping = copy_map(jmap)
    macro = Macro(text)

    # The definitions the copy refers to, and those they refer to in turn
    # (a persona's photo), by the references declared on the model.
    by_id = {e.id: e for kind in DEFINITIONS for e in getattr(source, kind)}
    used: set[str] = set()
    todo: list[BaseModel] = [copy]
    while todo:
        for site in iter_refs(todo.pop()):
            if site.ref.kind in DEFINITIONS and site.target not in used:
                used.add(site.target)
                if site.target in by_id:
                    todo.append(by_id[site.target])
    here = {e.id for _path, e in iter_elements(project)}
    for field in ("personas", "teams", "sources", "metrics", "assets"):
        for element in getattr(source, field):
            if element.id in used and element.id not in here:
                macro.add(Insert(doc, project, field, element.model_copy(deep=True)))
    keys_here = {d.key for d in project.score_definitions}
    wanted = {k for card in copy.cards for k in card.scores}
    for definition in source.score_definitions:
        if definition.key in wanted and definition.key not in keys_here:
            macro.add(Insert(doc, project, "score_definitions", definition.model_copy()))
    # References the copy cannot keep in this project (a base map or linked
    # maps it does not hold...) are dropped, as removing their targets would.
    arriving: dict[str, Any] = {
        kind: [*getattr(project, kind), *(e for e in getattr(source, kind) if e.id in used)]
        for kind in DEFINITIONS
    }
    after = project.model_copy(update={**arriving, "maps": [*project.maps, copy]})
    targets = Targets(after)
    drop_refs(s for s in iter_refs(copy) if not targets.resolves(s))
    macro.add(Insert(doc, project, "maps", copy))
    return macro, copy


class Navigator(QWidget):
    """Personas and maps. ``maps`` is the main window's flat list of maps (one
    row per map, in project order); its current row is the shown map."""

    mapActivated = Signal(str)
    """The user picked a map (its id); the navigator has already shown it."""
    personaActivated = Signal(str)
    """The user picked a persona (its id)."""

    def __init__(self, maps: QListWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Navigator"))
        self.document: Document | None = None
        self.maps = maps if maps is not None else QListWidget()
        self.maps.currentRowChanged.connect(self._row_changed)
        self._syncing = False
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
        self._shown_id = None
        self._sync(None, redraw=False)

    @property
    def project(self) -> Project | None:
        return self.document.project if self.document is not None else None

    def current_map_id(self) -> str | None:
        project = self.project
        row = self.maps.currentRow()
        if project is None or not 0 <= row < len(project.maps):
            return None
        return project.maps[row].id

    def select_map(self, map_id: str) -> None:
        """Show this map (sets the main window's current row)."""
        project = self.project
        if project is None:
            return
        for row, jmap in enumerate(project.maps):
            if jmap.id == map_id:
                self.maps.setCurrentRow(row)
                return

    def _model_changed(self, change: Change) -> None:
        project = self.project
        if project is None:
            return
        mine = {project.id} | {m.id for m in project.maps} | {p.id for p in project.personas}
        if not mine & set(change.ids):
            return  # an edit inside a map, or a removed map or persona (see below)
        if {"maps", "personas", "name", "state", "segment"} & set(change.fields):
            self._sync(self._shown_id)

    # --- keeping the list and the tree in step --------------------------------

    _shown_id: str | None = None

    def _sync(self, keep: str | None, redraw: bool = True) -> None:
        """Rebuild the list and the tree from the project; keep showing ``keep``
        (the map shown before) if it still exists, else a neighbour. With
        ``redraw``, make the window show it when what it drew is another map."""
        project = self.project
        old_row = self.maps.currentRow()
        self._syncing = True
        try:
            self.maps.blockSignals(True)
            self.maps.clear()
            if project is not None:
                for jmap in project.maps:
                    item = QListWidgetItem(jmap.name or self.tr("(unnamed map)"))
                    item.setData(ID_ROLE, jmap.id)
                    self.maps.addItem(item)
            self.maps.blockSignals(False)
            self._fill_tree()
        finally:
            self._syncing = False
        if project is None or not project.maps:
            self.maps.setCurrentRow(-1)
            return
        ids = [m.id for m in project.maps]
        row = ids.index(keep) if keep in ids else max(0, min(old_row, len(ids) - 1))
        # The window drew the map at the old row (its index into the changed
        # list of maps) before this ran: redraw when that is another map.
        drawn = ids[old_row] if 0 <= old_row < len(ids) else None
        self.maps.blockSignals(True)
        if redraw and drawn != ids[row]:
            self.maps.setCurrentRow(-1)
            self.maps.blockSignals(False)
            self.maps.setCurrentRow(row)
        else:
            self.maps.setCurrentRow(row)
            self.maps.blockSignals(False)
            self._shown_id = ids[row]
            self._select_in_tree(self._shown_id)
        if keep is not None and keep not in ids:
            # Gone for now: a reorder removes and re-inserts, an undo brings a
            # deleted map back; show it again when it returns.
            self._shown_id = keep

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
        self._select_in_tree(self._shown_id)

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

    def _row_changed(self, row: int) -> None:
        if self._syncing:
            return
        self._shown_id = self.current_map_id()
        self._select_in_tree(self._shown_id)
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

    def _push(self, command: Any) -> None:
        if self.document is not None:
            self.document.push(command)

    def add_persona(self) -> None:
        project = self.project
        if self.document is None or project is None:
            return
        name = self.tr("New persona")
        persona = Persona(name=name)
        self._push(
            Insert(self.document, project, "personas", persona, None, self.tr("Add persona"))
        )
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
        self._push(Insert(self.document, project, "maps", new, None, self.tr("Add map")))
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
        self._push(SetField(self.document, element_id, "name", name, text, False))

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
        copy, _mapping = copy_map(jmap)
        copy.name = _content("copy", project.language, name=jmap.name)[:500]
        index = project.maps.index(jmap) + 1
        self._push(
            Insert(
                self.document,
                project,
                "maps",
                copy,
                index,
                self.tr("Duplicate map '%1'").replace("%1", jmap.name),
            )
        )
        self.select_map(copy.id)

    def derive_future_state(self) -> None:
        jmap = self._current_map()
        project = self.project
        if self.document is None or project is None or jmap is None:
            return
        future = derive_future(jmap)
        future.name = _content("future", project.language, name=jmap.name)[:500]
        index = project.maps.index(jmap) + 1
        self._push(
            Insert(
                self.document,
                project,
                "maps",
                future,
                index,
                self.tr("Derive future state of '%1'").replace("%1", jmap.name),
            )
        )
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
        # Links from cards of other maps to this one go too (remove_elements
        # follows the references declared on the model).
        self._push(
            remove_elements(
                self.document, [map_id], self.tr("Delete map '%1'").replace("%1", jmap.name)
            )
        )

    def delete_persona(self, persona_id: str) -> None:
        if self.document is None:
            return
        persona = self.document.element(persona_id)
        text = self.tr("Delete persona '%1'").replace("%1", getattr(persona, "name", ""))
        self._push(remove_elements(self.document, [persona_id], text))

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
        text = self.tr("Move map '%1' up") if delta < 0 else self.tr("Move map '%1' down")
        self._push(Reorder(self.document, jmap.id, new_index, text.replace("%1", jmap.name)))
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
        macro, copy = import_map_command(
            self.document, other, chosen, self.tr("Import map '%1'").replace("%1", chosen.name)
        )
        self._push(macro)
        self.select_map(copy.id)
