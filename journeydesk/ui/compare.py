"""File → Compare With…, Compare with Original Map and Merge From….

Why one module: the three share the machinery of model/diff.py and
model/merge_plan.py. A comparison puts marks on the canvas (added, changed,
moved: ``MapScene.marks``, drawn by the layout) and lists every change in a
dock to step through; a change only the other side has (removed here) is in the
list. A merge lists each change of the other file, conflicts first, to accept
or reject, and applies the result as one undo step (document/verbs_merge.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeydesk.model.project import Project

if TYPE_CHECKING:
    from journeydesk.document.document import Change as DocChange
    from journeydesk.model.diff import Change, Tree
    from journeydesk.model.diff_live import LiveDiff
    from journeydesk.model.merge_plan import MergePlan

    from .main_window import MainWindow

# The diff and merge machinery (model/diff.py, model/merge_plan.py,
# document/verbs_merge.py) is imported when a comparison or a merge is first
# made: the window's menus are built before a map's first paint, and these
# imports were ~10 ms of it (bench/bench_open_process.py).

ROLE_ID = Qt.ItemDataRole.UserRole
ROLE_MAP = Qt.ItemDataRole.UserRole + 1


def _read(path: str) -> tuple[Project | None, str]:
    from journeydesk.io import ProjectFileError, read_project

    try:
        return read_project(path), ""
    except ProjectFileError as exc:
        return None, "\n".join(exc.lines()[:5])
    except OSError as exc:
        return None, str(exc)


class ComparePanel(QWidget):
    """The list of changes of a comparison, with previous / next and close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.previous = QPushButton(self.tr("&Previous"))
        self.next = QPushButton(self.tr("&Next"))
        self.close_button = QPushButton(self.tr("&Close Comparison"))
        buttons = QHBoxLayout()
        for button in (self.previous, self.next, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))

    def step(self, delta: int) -> None:
        n = self.list.count()
        if n:
            row = (self.list.currentRow() + delta) % n if self.list.currentRow() >= 0 else 0
            self.list.setCurrentRow(row)
            self.list.itemActivated.emit(self.list.currentItem())


class CompareController(QObject):
    """The window's comparisons and merges."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.other: Project | None = None
        """The file compared with; None for the original-map comparison or none."""
        self.original_of: str | None = None
        """The map compared with its original (based_on); None otherwise."""
        self.changes: list[Change] = []
        self._other_tree: Tree = {}
        self._live: LiveDiff | None = None
        """The comparison with ``other``, followed card edit by card edit."""
        self.panel = ComparePanel()
        self.dock = QDockWidget(self.tr("Differences"), window)
        self.dock.setObjectName("differences_dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.panel.list.itemActivated.connect(self._reveal)
        self.panel.list.itemClicked.connect(self._reveal)
        self.panel.close_button.clicked.connect(self.clear)
        self._watched: Any = None

    def add_actions(self, menu: QMenu) -> None:
        for text, slot in (
            (self.tr("Compare &With…"), self.choose_and_compare),
            (self.tr("Compare with Ori&ginal Map"), self.compare_with_original),
            (self.tr("&Merge From…"), self.choose_and_merge),
        ):
            action = QAction(text, self.window)
            action.triggered.connect(slot)
            menu.addAction(action)

    # --- comparing ------------------------------------------------------------

    def _choose(self, title: str) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self.window, title, "", self.tr("JourneyDesk projects (*.journey);;All files (*)")
        )
        return name

    def _refuse(self, path: str, why: str) -> None:
        QMessageBox.warning(
            self.window,
            self.tr("Cannot read the file"),
            self.tr("%1 cannot be read:\n%2").replace("%1", Path(path).name).replace("%2", why),
        )

    def choose_and_compare(self) -> None:
        name = self._choose(self.tr("Compare with"))
        if name:
            other, why = _read(name)
            if other is None:
                self._refuse(name, why)
            else:
                self.compare_with(other, Path(name).name)

    def compare_with(self, other: Project, label: str) -> None:
        """Mark what this project has that ``other`` has not, or differently."""
        from journeydesk.model.diff import flatten

        self.other, self.original_of = other, None
        self._other_tree = flatten(other)
        self._live = None
        self.panel.heading.setText(self.tr("Compared with %1").replace("%1", label))
        self._recompute()

    def compare_with_original(self) -> None:
        """The shown map against the map it is derived from, card by card."""
        jmap = self.window.current_map()
        project = self.window.project
        if jmap is None or project is None or not jmap.based_on:
            self.panel.heading.setText(self.tr("This map is not derived from another map."))
            self.changes = []
            self._fill()
            self.dock.show()
            return
        base = project.map_by_id(jmap.based_on)
        self.other, self.original_of = None, jmap.id
        name = base.name if base is not None else "?"
        self.panel.heading.setText(self.tr("Compared with the original map %1").replace("%1", name))
        self._recompute()

    def _recompute(self) -> None:
        from journeydesk.model.diff import derived_changes, marks_for

        project = self.window.project
        if project is None:
            return
        if self.other is not None:
            if self._live is None:
                from journeydesk.model.diff_live import LiveDiff

                self._live = LiveDiff(self._other_tree, project)
            else:
                self._live.recompute(project)
            self.changes = self._live.changes
        elif self.original_of is not None:
            self.changes = derived_changes(project, self.original_of)
        else:
            self.changes = []
        self._watch()
        self._fill()
        self._redraw(marks_for(self.changes))
        self.dock.show()
        self.dock.raise_()

    def _watch(self) -> None:
        doc = self.window.document
        if doc is not self._watched:
            if self._watched is not None:
                self._watched.changed.disconnect(self._document_changed)
            self._watched = doc
            if doc is not None:
                doc.changed.connect(self._document_changed)

    def _document_changed(self, change: DocChange) -> None:
        doc = self.window.document
        if self.other is not None and self._live is not None and doc is not None:
            cards = doc.changed_cards(change)
            if cards is not None and self._live.cards_edited(cards, change.fields):
                from journeydesk.model.diff import marks_for

                # a few cards' fields: their changes again, not the whole diff
                # (1 s at 20,000 cards, on every keystroke)
                self.changes = self._live.changes
                self._fill()
                self._redraw(marks_for(self.changes))
                return
        if self.other is not None or self.original_of is not None:
            self._recompute()

    def clear(self) -> None:
        self.other, self.original_of, self.changes = None, None, []
        self._other_tree = {}
        self._live = None
        self.panel.list.clear()
        self.dock.hide()
        self._redraw(())

    def _redraw(self, marks: tuple[tuple[str, str], ...]) -> None:
        scene = self.window.scene
        if scene.marks == marks:
            return
        scene.marks = marks
        if self.window.project is not None:
            scene.show_map(self.window.project, self.window.current_map())

    def _label(self, change: Change) -> str:
        from journeydesk.model.diff import short

        ops = {
            "added": self.tr("New"),
            "removed": self.tr("Gone"),
            "changed": self.tr("Changed"),
            "moved": self.tr("Moved"),
        }
        text = f"{ops.get(change.op, change.op)}: {change.kind} {short(change.title, 60)}"
        if change.fields:
            text += " — " + ", ".join(change.fields)
        return text

    def _fill(self) -> None:
        self.panel.list.clear()
        for change in self.changes:
            item = QListWidgetItem(self._label(change))
            item.setData(ROLE_ID, change.id)
            item.setData(ROLE_MAP, change.map_id)
            self.panel.list.addItem(item)

    def _reveal(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        map_id = item.data(ROLE_MAP)
        current = self.window.current_map()
        project = self.window.project
        if (
            map_id
            and project is not None
            and project.map_by_id(map_id) is not None
            and (current is None or current.id != map_id)
        ):
            self.window.context.set_map(map_id)
        self.window.reveal_element(item.data(ROLE_ID))

    # --- merging -------------------------------------------------------------

    def choose_and_merge(self) -> None:
        name = self._choose(self.tr("Merge from"))
        if not name:
            return
        other, why = _read(name)
        if other is None:
            self._refuse(name, why)
            return
        dialog = self.merge_dialog(other, Path(name).name)
        if dialog is not None:
            dialog.open()

    def merge_dialog(self, other: Project, label: str) -> MergeDialog | None:
        """The dialog to merge ``other`` into this project (not shown)."""
        if self.window.document is None:
            return None
        dialog = MergeDialog(self.window.document.project, other, label, self.window)
        dialog.accepted.connect(lambda: self.apply(dialog))
        return dialog

    def apply(self, dialog: MergeDialog) -> None:
        doc = self.window.document
        if doc is None:
            return
        from journeydesk.document.verbs_merge import apply_merged

        merged, _repairs = dialog.plan.apply(dialog.accepted_keys())
        apply_merged(doc, merged, dialog.label)


class MergeDialog(QDialog):
    """Each change of the other file, conflicts first: checked ones are taken."""

    def __init__(self, ours: Project, theirs: Project, label: str, parent: QWidget | None) -> None:
        from journeydesk.model.merge_plan import plan_merge

        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge from %1").replace("%1", label))
        self.ours, self.theirs, self.label = ours, theirs, label
        self.plan: MergePlan = plan_merge(ours, theirs)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        base = QPushButton(self.tr("Common &Original…"))
        base.setToolTip(
            self.tr(
                "The file both copies started from: then changes made on both sides "
                "show as conflicts."
            )
        )
        base.clicked.connect(self._choose_base)
        take_all = QPushButton(self.tr("Accept &All"))
        take_all.clicked.connect(lambda: self._check_all(True))
        none = QPushButton(self.tr("&Reject All"))
        none.clicked.connect(lambda: self._check_all(False))
        row = QHBoxLayout()
        for button in (base, take_all, none):
            row.addWidget(button)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(box)
        self.resize(560, 480)
        self._fill()

    def set_base(self, base: Project | None) -> None:
        """Compare against the copies' common original (conflicts become visible)."""
        from journeydesk.model.merge_plan import plan_merge

        self.plan = plan_merge(self.ours, self.theirs, base)
        self._fill()

    def _choose_base(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Common original"), "", self.tr("JourneyDesk projects (*.journey)")
        )
        if name:
            base, _why = _read(name)
            if base is not None:
                self.set_base(base)

    def _fill(self) -> None:
        from journeydesk.model.diff import short

        self.list.clear()
        conflicts = sum(1 for p in self.plan.proposals if p.conflict)
        self.heading.setText(
            self.tr(
                "%1 change(s), %2 conflict(s). Checked changes are taken; "
                "conflicts keep yours unless checked."
            )
            .replace("%1", str(len(self.plan.proposals)))
            .replace("%2", str(conflicts))
        )
        ops = {
            "added": self.tr("Added"),
            "removed": self.tr("Removed"),
            "changed": self.tr("Changed"),
            "moved": self.tr("Moved"),
        }
        for p in self.plan.proposals:
            text = f"{ops.get(p.op, p.op)}: {p.kind} {short(p.title, 60)}"
            if p.fields:
                text += " — " + ", ".join(
                    f"{name}: {short(old, 30)} → {short(new, 30)}"
                    for name, (old, new) in list(p.fields.items())[:3]
                )
            if p.conflict:
                text = self.tr("Conflict: %1").replace("%1", text)
            item = QListWidgetItem(text)
            item.setData(ROLE_ID, p.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if p.conflict else Qt.CheckState.Checked)
            self.list.addItem(item)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def accepted_keys(self) -> set[str]:
        return {
            self.list.item(i).data(ROLE_ID)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        }
