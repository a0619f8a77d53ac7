"""The Decide panel: the backlog (sortable, filterable, title and status edited
in place), what a finished map still lacks (the check) and what has gone stale.

Rows come from the Qt-free ``model/decide.py`` (the same rows the command
line exports); every edit is one undo step through ``_set_field`` — the one
place that changes the model. Double-clicking a row shows the card (or stage)
on its map: ``elementActivated(map_id, element_id)``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journeydesk.document import verbs
from journeydesk.document.document import Change, Document
from journeydesk.model import Card
from journeydesk.model.decide import (
    BACKLOG_KINDS,
    BacklogFollower,
    BacklogRow,
    Gap,
    StaleItem,
    backlog_rows,
    score_keys,
    team_stage_table,
)
from journeydesk.model.decide_lists import CheckStaleLists, Splice

from .matrix_view import MatrixView
from .row_list import ELEMENT_ROLE, MAP_ROLE, RowList

if TYPE_CHECKING:
    from .context import EditingContext

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
STALE_TAB = 2
_NOT_IN_BACKLOG_OF_OTHERS = frozenset(
    {"body", "step", "lane", "order", "span_steps", "span_lanes", "channel", "sentiment"}
    | {"colour", "image", "tags", "links", "evidence", "owners", "scores", "status"}
)
"""Card fields the backlog shows only on the card's own row (not its title,
which other rows name as related, nor its kind, which decides whether it is listed)."""
_ROW_FIELDS = frozenset(
    {"title", "body", "status", "owners", "evidence", "lane", "span_steps", "span_lanes"}
    | {"channel", "sentiment", "colour", "image", "tags", "links"}
)
"""Card fields whose change keeps the backlog's rows and columns in place (not
its kind, cell, order, scores or relations): the changed rows are made again."""
_TAB_PARTS = {0: "backlog", 1: "lists", 2: "lists", 3: "owners", 4: "matrix"}
"""The panel's tabs by index and the part of it that fills each (the check and
stale lists are filled together)."""
_MATRIX_TAB = 4
EDITABLE = {"title": "title", "status": "status"}
"""Backlog columns edited in place -> the card field they set."""


def _set_field(doc: Document, element_id: str, field: str, value: Any, text: str) -> None:
    """One undo step setting one field, through the document's verb."""
    verbs.set_field(doc, element_id, field, value, text, merge=False)


class BacklogModel(QAbstractTableModel):
    """The backlog rows of a project as a table; title and status editable."""

    def __init__(self) -> None:
        super().__init__()
        self.doc: Document | None = None
        self.rows: list[BacklogRow] = []
        self.keys: list[str] = []
        self.columns: list[str] = []
        self._follower: BacklogFollower | None = None
        """What ``update_cards`` looks rows up by, made for ``rows`` when first needed."""

    def headings(self) -> dict[str, str]:
        return {
            "map": self.tr("Map"),
            "stage": self.tr("Stage"),
            "step": self.tr("Step"),
            "title": self.tr("Title"),
            "kind": self.tr("Kind"),
            "status": self.tr("Status"),
            "owners": self.tr("Owners"),
            "evidence": self.tr("Evidence"),
            "confidence": self.tr("Confidence"),
            "related": self.tr("Related"),
        }

    def set_document(self, doc: Document | None) -> None:
        self.doc = doc
        self.refresh()

    def refresh(self) -> None:
        project = self.doc.project if self.doc is not None else None
        rows = backlog_rows(project) if project is not None else []
        self._reset(rows, score_keys(project, rows) if project is not None else [])

    def _reset(self, rows: list[BacklogRow], keys: list[str]) -> None:
        self.beginResetModel()
        self._follower = None
        self.rows = rows
        self.keys = keys
        self.columns = ["map", "stage", "step", "title", "kind", "status", "owners"]
        self.columns += [f"score:{k}" for k in self.keys]
        self.columns += ["evidence", "confidence", "related"]
        self.endResetModel()

    def update(self) -> None:
        """The rows again after an edit. When the same cards are listed under
        the same columns, only the rows that differ are signalled changed (a
        reset made the view sort and measure every row again: 0.8 s for the
        4,444 rows of a 20,000-card map); else the model is reset."""
        project = self.doc.project if self.doc is not None else None
        if project is None:
            self.refresh()
            return
        rows = backlog_rows(project)
        keys = score_keys(project, rows)
        same = keys == self.keys and len(rows) == len(self.rows)
        if not same or any(a.card_id != b.card_id for a, b in zip(rows, self.rows, strict=True)):
            self._reset(rows, keys)
            return
        old, self.rows = self.rows, rows
        self._follower = None
        last = len(self.columns) - 1
        for n, (was, now) in enumerate(zip(old, rows, strict=True)):
            if was != now:
                self.dataChanged.emit(self.index(n, 0), self.index(n, last))

    def update_cards(self, changed: set[str]) -> None:
        """The rows again after edits of the cards ``changed`` that kept every
        card listed in its place (``backlog_rows_again``): only their rows and
        the rows naming them as related are made again."""
        if self.doc is None:
            self.refresh()
            return
        follower = self._follower
        if follower is None or follower.project is not self.doc.project:
            follower = self._follower = BacklogFollower(self.doc.project, self.rows)
        last = len(self.columns) - 1
        for n in follower.again(changed):
            now = follower.rows[n]
            if now != self.rows[n]:
                self.rows[n] = now
                self.dataChanged.emit(self.index(n, 0), self.index(n, last))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if column.startswith("score:"):
            key = column[6:]
            project = self.doc.project if self.doc is not None else None
            d = project.scores().get(key) if project is not None else None
            return (d.label.get("en") if d is not None and d.label else None) or key
        return self.headings()[column]

    def value(self, row: BacklogRow, column: str) -> Any:
        if column.startswith("score:"):
            return row.scores.get(column[6:])
        if column in ("owners", "related"):
            return "; ".join(getattr(row, column))
        return getattr(row, column)

    def data(self, index: AnyIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == MAP_ROLE:
            return row.map_id
        if role == ELEMENT_ROLE:
            return row.card_id
        value = self.value(row, column)
        if role == SORT_ROLE:
            if column.startswith("score:") or column == "evidence":
                return float("-inf") if value is None else float(value)
            return str(value).casefold()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if value is None:
                return ""
            return f"{value:g}" if isinstance(value, float) else value
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = 0) -> bool:
        if self.doc is None or role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        if column not in EDITABLE:
            return False
        row = self.rows[index.row()]
        text = str(value).strip()
        new: str | None = text if column == "title" else (text or None)
        if getattr(self.doc.element(row.card_id), EDITABLE[column]) == new:
            return False
        what = self.tr("Edit title") if column == "title" else self.tr("Set status")
        _set_field(self.doc, row.card_id, EDITABLE[column], new, what)
        return True


class DecidePanel(QWidget):
    """Backlog, check and stale lists in tabs; follows the editing context."""

    elementActivated = Signal(str, str)  # map id, element id

    def __init__(self, context: EditingContext | None = None, *, wait_hidden: bool = False) -> None:
        """``wait_hidden``: while the panel is not on screen, a new document, map
        or edit only marks it out of date; it fills when next shown (issue #14:
        the hidden Decide dock listed a big project's backlog on every open)."""
        super().__init__()
        self.doc: Document | None = None
        self._wait_hidden = wait_hidden
        self._out_of_date = False
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        # backlog
        self.model = BacklogModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter the backlog…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Backlog"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setEditTriggers(
            QTableView.EditTrigger.EditKeyPressed | QTableView.EditTrigger.SelectedClicked
        )
        self.table.doubleClicked.connect(self._backlog_activated)
        backlog = QWidget()
        bl = QVBoxLayout(backlog)
        bl.addWidget(self.filter)
        bl.addWidget(self.table, 1)
        self.tabs.addTab(backlog, self.tr("Backlog"))

        # check
        self.check_list = RowList()
        self.check_list.setAccessibleName(self.tr("What the map still lacks"))
        self.check_list.itemActivated.connect(self._item_activated)
        self.check_list.itemDoubleClicked.connect(self._item_activated)
        self.tabs.addTab(self.check_list, self.tr("Check"))

        # stale
        stale = QWidget()
        sl = QVBoxLayout(stale)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Stale after (days):")))
        self.stale_days = QSpinBox()
        self.stale_days.setRange(1, 3650)
        self.stale_days.setValue(90)
        self.stale_days.valueChanged.connect(self.refresh)
        row.addWidget(self.stale_days)
        row.addStretch(1)
        sl.addLayout(row)
        self.stale_list = RowList()
        self.stale_list.setAccessibleName(self.tr("Stale items"))
        self.stale_list.itemActivated.connect(self._item_activated)
        self.stale_list.itemDoubleClicked.connect(self._item_activated)
        sl.addWidget(self.stale_list, 1)
        self.tabs.addTab(stale, self.tr("Stale"))

        # who touches the customer: the shown map's team x stage table
        owners = QWidget()
        ol = QVBoxLayout(owners)
        self.owners_table = QTableWidget()
        self.owners_table.setAccessibleName(self.tr("Touchpoints by team and stage"))
        self.owners_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.owners_table.setWordWrap(True)
        self.unowned_list = QListWidget()
        self.unowned_list.setAccessibleName(self.tr("Touchpoints with no owner"))
        ol.addWidget(self.owners_table, 3)
        ol.addWidget(QLabel(self.tr("Touchpoints with no owner:")))
        ol.addWidget(self.unowned_list, 1)
        self.tabs.addTab(owners, self.tr("Owners"))

        # matrix: the shown map's opportunities and pain points
        self.matrix_view = MatrixView()
        self.matrix_view.elementActivated.connect(self.elementActivated)
        self.tabs.addTab(self.matrix_view, self.tr("Matrix"))
        self._matrix_timer = QTimer(self.matrix_view)
        self._matrix_timer.setSingleShot(True)
        self._matrix_timer.setInterval(0)
        self._matrix_timer.timeout.connect(self.matrix_view.refresh)
        self.map_id: str | None = None
        self._stale_tabs: set[int] = set()
        self._backlog_changes: set[str] | None = set()
        """Cards edited since the backlog was listed, when ``update_cards`` will
        do; None when it must be listed again whole."""
        """Tabs an edit made out of date while another tab was in front."""
        self._lists: CheckStaleLists | None = None
        """The rows the check and stale lists show (None before the first listing)."""
        self._lists_changes: tuple[dict[str, Card], set[str]] | None = ({}, set())
        """Cards (and their fields) edited since the lists were made, when only
        their rows need making again; None when both must be listed again."""
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(0)
        self._change_timer.timeout.connect(self._catch_up)
        self.tabs.currentChanged.connect(lambda _index: self._catch_up())

        # A tab among the docks: its pages never set the window's or the dock's size.
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None:
                page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        for view in (
            self.table,
            self.check_list,
            self.stale_list,
            self.owners_table,
            self.unowned_list,
        ):
            view.setMinimumSize(60, 40)  # a tab among the docks: never the window's height
        self.today = dt.date.today
        if context is not None:
            context.documentReplaced.connect(self.set_document)
            context.mapChanged.connect(self.set_map)
            self.map_id = context.map_id
            self.set_document(context.document)

    def _postponed(self) -> bool:
        """True (and remembered) when the work can wait until the panel is shown."""
        if self._wait_hidden and not self.isVisible():
            self._out_of_date = True
            return True
        return False

    def showEvent(self, event: QShowEvent) -> None:
        if self._out_of_date:
            self._out_of_date = False
            self._fill()
        super().showEvent(event)

    def set_map(self, map_id: str | None) -> None:
        self.map_id = map_id
        if self._postponed():
            return
        self.matrix_view.set_document(self.doc, map_id)
        self.refresh_owners()

    def refresh_owners(self) -> None:
        self.owners_table.clear()
        self.unowned_list.clear()
        project = self.doc.project if self.doc is not None else None
        jmap = project.map_by_id(self.map_id) if project and self.map_id else None
        if jmap is None and project is not None and project.maps:
            jmap = project.maps[0]
        if project is None or jmap is None:
            self.owners_table.setRowCount(0)
            self.owners_table.setColumnCount(0)
            return
        table, unowned = team_stage_table(project, jmap)
        stages = [s.name for s in jmap.stages]
        teams = sorted(table)
        self.owners_table.setRowCount(len(teams))
        self.owners_table.setColumnCount(len(stages))
        self.owners_table.setHorizontalHeaderLabels(stages)
        self.owners_table.setVerticalHeaderLabels(teams)
        for r, team in enumerate(teams):
            for c, stage in enumerate(stages):
                cell = table[team].get(stage)
                if cell is None:
                    continue
                lines = [f"• {t}" for t in cell.touchpoints]
                if cell.channels:
                    lines.append(", ".join(cell.channels))
                if cell.pain_points:
                    lines.append(self.tr("Pain points: %1").replace("%1", str(cell.pain_points)))
                self.owners_table.setItem(r, c, QTableWidgetItem("\n".join(lines)))
        self.owners_table.resizeRowsToContents()
        for title in unowned:
            self.unowned_list.addItem(title)

    def set_document(self, doc: Document | None) -> None:
        if self.doc is not None:
            self.doc.changed.disconnect(self._changed)
        self.doc = doc
        if doc is not None:
            doc.changed.connect(self._changed)
        if self._postponed():
            if self.model.doc is not None:  # let go of the previous project now
                self.model.set_document(None)
                self.matrix_view.set_document(None)
                self.owners_table.clear()
                self.unowned_list.clear()
                self.check_list.clear()
                self.stale_list.clear()
                self._lists = None
            return
        self._fill()

    def _fill(self) -> None:
        self._stale_tabs.clear()
        self._backlog_changes = set()
        doc = self.doc
        self.model.set_document(doc)
        self.matrix_view.set_document(doc, self.map_id)
        self.refresh_owners()
        self.refresh()

    def _changed(self, change: Change) -> None:
        if self._postponed():
            return
        stale = set(_TAB_PARTS)
        # Found once per change (each look-up walks the document's index: a
        # card moved on a dense map renumbers ~550 cards).
        cards = self.doc.changed_cards(change) if self.doc is not None else None
        if self._matrix_keeps(change, cards):
            stale.discard(_MATRIX_TAB)
        if self._backlog_keeps(change, cards):
            stale.discard(0)
        elif self._backlog_changes is not None and self._rows_stay(change, cards):
            self._backlog_changes |= set(change.ids)
        else:
            self._backlog_changes = None  # listed again whole
        self._note_for_lists(change, cards)
        self._stale_tabs |= stale
        if not self._wait_hidden:
            self._catch_up()
            return
        # In the window: the tab in front follows once the command is done (a
        # command may signal several changes); the others when brought to the
        # front. Every tab on each edit took 1.5-2.3 s at 20,000 cards.
        self._change_timer.start()

    def _note_for_lists(self, change: Change, cards: list[Card] | None) -> None:
        """Remember what the check and stale lists must make again (``cards``:
        ``Document.changed_cards`` of the change)."""
        if self._lists_changes is None:
            return
        if cards is None:
            self._lists_changes = None
            return
        self._lists_changes[0].update((card.id, card) for card in cards)
        self._lists_changes[1].update(change.fields)

    def _rows_stay(self, change: Change, cards: list[Card] | None) -> bool:
        """Whether an edit kept every card listed in its place, with its kind and
        scores (the columns): then ``BacklogModel.update_cards`` will do."""
        return cards is not None and set(change.fields) <= _ROW_FIELDS

    def _backlog_keeps(self, change: Change, cards: list[Card] | None) -> bool:
        """Whether the backlog's rows surely stay as they are: fields that no
        row shows changed on cards that are not listed (listing the backlog of
        a 20,000-card map takes 80 ms)."""
        return set(change.fields) <= _NOT_IN_BACKLOG_OF_OTHERS and _only_unlisted(cards)

    def _matrix_keeps(self, change: Change, cards: list[Card] | None) -> bool:
        """Whether the matrix surely stays as it is: only cards it does not plot
        changed, and not their kind (its dots are the backlog's kinds). Laying out
        the matrix of a 20,000-card map takes 2 s, and a title typed anywhere on
        the map, with the Matrix tab in front, laid it out again per keystroke."""
        return "kind" not in change.fields and _only_unlisted(cards)

    def _catch_up(self) -> None:
        """Fill again what an edit made out of date: every part for the
        standalone panel, only the tab in front for the window's."""
        if not self._stale_tabs or self._postponed():
            return
        if self._wait_hidden:
            wanted = {self.tabs.currentIndex()} & self._stale_tabs
        else:
            wanted = set(self._stale_tabs)
        parts = {_TAB_PARTS[tab] for tab in wanted}
        self._stale_tabs -= {tab for tab in self._stale_tabs if _TAB_PARTS[tab] in parts}
        if "backlog" in parts:
            changed, self._backlog_changes = self._backlog_changes, set()
            if changed is None:
                self.model.update()
            else:
                self.model.update_cards(changed)
        if "lists" in parts:
            self._update_lists()
        if "owners" in parts:
            self.refresh_owners()
        if "matrix" in parts:
            # later: a dragged dot is still handling its mouse release
            self._matrix_timer.start()

    def stale_after(self) -> int:
        return self.stale_days.value()

    def refresh(self) -> None:
        """List the check and stale lists again whole (the rows that differ
        from those shown are changed in the widgets)."""
        self._lists_changes = ({}, set())
        project = self.doc.project if self.doc is not None else None
        if project is None:
            self._lists = None
            self.check_list.clear()
            self.stale_list.clear()
            return
        old, today = self._lists, self.today()
        if old is None or old.today != today:  # the stale rows' ages changed too
            self.check_list.clear()
            self.stale_list.clear()
            old_gaps: list[Gap] = []
            old_stale: list[StaleItem] = []
        else:
            old_gaps, old_stale = old.gaps.rows, old.stale.rows
        self._lists = lists = CheckStaleLists(project, self.stale_after(), today)
        self._splice_gaps([_difference(old_gaps, lists.gaps.rows)])
        self._splice_stale([_difference(old_stale, lists.stale.rows)])

    def _update_lists(self) -> None:
        """The check and stale lists after edits: only the edited cards' rows
        made again when the edits changed only cards' own fields (an edit of a
        20,000-card map listed both again: 120-160 ms), else listed whole."""
        changes, self._lists_changes = self._lists_changes, ({}, set())
        lists = self._lists
        project = self.doc.project if self.doc is not None else None
        if (
            changes is None
            or lists is None
            or project is None
            or not lists.follows(project, self.stale_after(), self.today())
        ):
            self.refresh()
            return
        splices = lists.cards_changed(changes[0].values(), changes[1])
        if splices is None:
            self.refresh()
            return
        self._splice_gaps(splices[0])
        self._splice_stale(splices[1])

    def _splice_gaps(self, splices: list[Splice[Gap]]) -> None:
        self.check_list.splice(
            splices,
            lambda gap: (
                f"{gap.map}: {self._gap_text(gap.code, gap.subject)}",
                gap.map_id,
                gap.target_id,
            ),
        )

    def _splice_stale(self, splices: list[Splice[StaleItem]]) -> None:
        today = self.today()
        self.stale_list.splice(
            splices,
            lambda item: (
                self.tr("%1: %2 (%3 days ago)")
                .replace("%1", item.map)
                .replace("%2", self._stale_text(item))
                .replace("%3", str(item.age(today))),
                item.map_id,
                item.target_id,
            ),
        )

    def _stale_text(self, item: StaleItem) -> str:
        when = item.date.isoformat()
        if item.code == "kpi":
            return (
                self.tr("stage “%1”, metric “%2”: value as of %3")
                .replace("%1", item.names[0])
                .replace("%2", item.names[1])
                .replace("%3", when)
            )
        if item.code == "evidence":
            return (
                self.tr("card “%1”: evidence from “%2”, %3")
                .replace("%1", item.names[0])
                .replace("%2", item.names[1])
                .replace("%3", when)
            )
        return self.tr("review due by %1").replace("%1", when)

    def _gap_text(self, code: str, subject: str) -> str:
        words = {
            "stage_without_touchpoints": self.tr("stage “%1” has no touchpoints"),
            "pain_without_opportunity": self.tr(
                "pain point “%1” has no opportunity and is not accepted"
            ),
            "only_assumed_evidence": self.tr("card “%1” has only assumed evidence"),
            "persona_without_curve": self.tr("persona “%1” has no emotion curve"),
        }
        return words[code].replace("%1", subject)

    def _backlog_activated(self, index: QModelIndex) -> None:
        # Double-click shows the card; F2 or a click on a selected cell edits.
        self.elementActivated.emit(index.data(MAP_ROLE), index.data(ELEMENT_ROLE))

    def _item_activated(self, item: QListWidgetItem) -> None:
        self.elementActivated.emit(item.data(MAP_ROLE), item.data(ELEMENT_ROLE))


def _only_unlisted(cards: list[Card] | None) -> bool:
    """Whether a change set fields of ``cards`` only (``Document.changed_cards``),
    none of a backlog kind."""
    return cards is not None and not any(card.kind in BACKLOG_KINDS for card in cards)


def _difference(old: list[T], new: list[T]) -> Splice[T]:
    """The one splice making ``old`` into ``new``: what lies between their
    common start and their common end."""
    start, limit = 0, min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return Splice(start, len(old) - start - end, tuple(new[start : len(new) - end]))


def stale_badges_action(window: Any) -> QAction:
    """View > Stale Badges: badges on the canvas on what is older than the
    Decide panel's age (never printed)."""
    action = QAction(QCoreApplication.translate("DecidePanel", "Stale &Badges"), window)
    action.setCheckable(True)

    def toggled(on: bool) -> None:
        overlays = window.scene.overlays
        overlays.stale_badges = on
        overlays.stale_after_days = window.decide.stale_after()
        if on:
            window.decide.tabs.setCurrentIndex(STALE_TAB)
        project, jmap = window.context.project, window.context.current_map()
        if project is not None and jmap is not None and window.scene.layout is not None:
            overlays.show(project, jmap, window.scene.layout)

    action.toggled.connect(toggled)
    window.decide.stale_days.valueChanged.connect(
        lambda _days: toggled(True) if action.isChecked() else None
    )
    return action
