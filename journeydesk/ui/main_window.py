"""The main window.

Until the map view lands it shows a project's maps as lists: each map with
its type, state and size, and for the selected map its stages and steps,
lanes, personas and emotion curves. A colleague who receives a file can open
it and see what it contains.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeydesk import templates
from journeydesk.io import ProjectFileError, read_project
from journeydesk.model import JourneyMap, Project

MAX_SHOWN_PROBLEMS = 12


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.path: Path | None = None
        self.resize(1100, 700)

        self.maps = QListWidget()
        self.maps.setAccessibleName(self.tr("Maps"))
        self.maps.currentRowChanged.connect(self._show_map)
        self.details = QTreeWidget()
        self.details.setAccessibleName(self.tr("Map contents"))
        self.details.setHeaderLabels([self.tr("Element"), self.tr("Details")])
        self.details.setColumnWidth(0, 380)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 6, 6)
        heading = QLabel(self.tr("Maps"))
        heading.setStyleSheet("font-weight: bold")
        layout.addWidget(heading)
        layout.addWidget(self.maps)
        layout.addWidget(self.summary)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 780])
        self.setCentralWidget(splitter)
        self._make_menus()
        self._update_title()

    # --- menus ------------------------------------------------------------

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_action = QAction(self.tr("&Open…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._choose_file)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.addAction(quit_action)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), "", self.tr("JourneyDesk projects (*.journey);;All files (*)")
        )
        if name:
            self.open_path(name)

    # --- documents --------------------------------------------------------

    def open_sample(self, language: str) -> None:
        self._set_project(templates.new_project(templates.DEFAULT_TEMPLATE, language), None)

    def open_path(self, name: str) -> bool:
        """Open a project file; on failure say what is wrong and keep what is open."""
        try:
            project = read_project(name)
        except ProjectFileError as exc:
            self._show_load_error(name, exc)
            return False
        self._set_project(project, Path(name))
        return True

    def _show_load_error(self, name: str, exc: ProjectFileError) -> None:
        lines = [f"{p.path}: {p.message}" for p in exc.problems[:MAX_SHOWN_PROBLEMS]]
        if len(exc.problems) > MAX_SHOWN_PROBLEMS:
            lines.append(self.tr("… and %n more problem(s)", "", len(exc.problems) - MAX_SHOWN_PROBLEMS))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Cannot open project"))
        box.setText(self.tr("“%1” cannot be opened.").replace("%1", Path(name).name))
        box.setInformativeText("\n".join(lines))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _set_project(self, project: Project, path: Path | None) -> None:
        self.project = project
        self.path = path
        self.maps.clear()
        for jmap in project.maps:
            item = QListWidgetItem(f"{jmap.name or self.tr('(unnamed map)')}")
            item.setToolTip(self._map_line(jmap))
            self.maps.addItem(item)
        personas = ", ".join(p.name for p in project.personas) or "—"
        self.summary.setText(
            "\n".join(
                [
                    project.title or self.tr("(untitled project)"),
                    self.tr("Personas: %1").replace("%1", personas),
                    self.tr("%n map(s)", "", len(project.maps)),
                ]
            )
        )
        if project.maps:
            self.maps.setCurrentRow(0)
        else:
            self.details.clear()
        self._update_title()

    def _update_title(self) -> None:
        if self.project is None:
            name = self.tr("No project")
        elif self.path is None:
            name = self.tr("Untitled")
        else:
            name = self.path.name
        self.setWindowTitle(f"{name} — JourneyDesk")

    # --- the selected map -------------------------------------------------

    def _map_line(self, jmap: JourneyMap) -> str:
        return self.tr("%1 · %2 · %3 stages · %4 cards").replace("%1", jmap.type).replace(
            "%2", jmap.state).replace("%3", str(len(jmap.stages))).replace("%4", str(len(jmap.cards)))

    def _show_map(self, row: int) -> None:
        self.details.clear()
        if self.project is None or not 0 <= row < len(self.project.maps):
            return
        jmap = self.project.maps[row]
        cards_in_step: dict[str, int] = {}
        for card in jmap.cards:
            cards_in_step[card.step] = cards_in_step.get(card.step, 0) + 1

        def node(parent: QTreeWidget | QTreeWidgetItem, text: str, detail: str = "") -> QTreeWidgetItem:
            item = QTreeWidgetItem(parent, [text, detail])
            item.setToolTip(1, detail)
            return item

        top = node(self.details, jmap.name, self._map_line(jmap))
        if jmap.objective:
            node(top, self.tr("Objective"), jmap.objective)
        if jmap.scenario:
            node(top, self.tr("Scenario"), jmap.scenario)
        stages = node(self.details, self.tr("Stages"), str(len(jmap.stages)))
        for stage in jmap.stages:
            s = node(stages, stage.name, stage.description)
            for step in stage.steps:
                node(s, step.name, self.tr("%n card(s)", "", cards_in_step.get(step.id, 0)))
        lanes = node(self.details, self.tr("Lanes"), str(len(jmap.lanes)))
        for lane in jmap.lanes:
            count = sum(1 for c in jmap.cards if c.lane == lane.id)
            node(lanes, lane.name, f"{lane.kind} · {lane.display} · " + self.tr("%n card(s)", "", count))
        personas = {p.id: p for p in self.project.personas}
        if jmap.personas:
            group = node(self.details, self.tr("Personas"), str(len(jmap.personas)))
            for pid in jmap.personas:
                persona = personas.get(pid)
                if persona:
                    node(group, persona.name, persona.segment)
        if jmap.curves:
            group = node(self.details, self.tr("Emotion curves"), str(len(jmap.curves)))
            for curve in jmap.curves:
                points = " → ".join(f"{p.score:+g}" for p in curve.points)
                node(group, curve.label or self.tr("(curve)"), points)
        self.details.expandToDepth(1)
