"""The inspector's small record tables (teams, sources, metrics, KPIs, owners,
evidence, scores, vocabularies): rows of cells that commit themselves, Add and
Remove buttons, and a line under the table that says why an edit was refused.

A table never writes the model: each cell commits through a callback that
pushes a command, and the inspector builds the table again from the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import plain_text

RowState = tuple[bool, str, str]
"""Whether the current row may be removed, the Remove button's text, its tooltip."""


def parse_number(text: str) -> float | None:
    """A number as typed (a comma is a decimal point); None for none or nonsense."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if abs(value) <= 1e9 else None


def number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class RecordTable(QWidget):
    """A small table of records with Add and Remove buttons. Each cell commits
    itself through a callback; the inspector rebuilds the table from the model.

    With ``add_input``, the Add button adds what that line says (a new entry's
    name) and is enabled only while it says something. With ``row_state``, the
    Remove button follows the current row (built-in rows cannot go)."""

    def __init__(
        self,
        headers: list[str],
        on_add: Callable[[], None] | None,
        on_remove: Callable[[int], None] | None,
        add_text: str,
        remove_text: str,
        add_input: QLineEdit | None = None,
        row_state: Callable[[int], RowState] | None = None,
    ) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self._fit()
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table)
        self.problem = QLabel()
        """Why the last edit was refused; hidden while there is nothing to say."""
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self._commits: dict[tuple[int, int], Callable[[Any], None]] = {}
        buttons = QHBoxLayout()
        self.add_input = add_input
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(remove_text)
        self._remove_text = remove_text
        self._row_state = row_state
        if on_add is not None:
            self.add_button.clicked.connect(on_add)
            if add_input is None:
                buttons.addWidget(self.add_button)
        if on_remove is not None:
            self.remove_button.clicked.connect(
                lambda: self.table.currentRow() >= 0 and on_remove(self.table.currentRow())
            )
            buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        if add_input is not None:
            # The name of the new entry, then Add: a row of its own, so that
            # the name has room in a narrow dock.
            adding = QHBoxLayout()
            adding.addWidget(add_input, 1)
            adding.addWidget(self.add_button)
            layout.addLayout(adding)
            self.add_button.setEnabled(False)
            add_input.textChanged.connect(
                lambda text: self.add_button.setEnabled(bool(text.strip()))
            )
            add_input.returnPressed.connect(self.add_button.click)
        if row_state is not None:
            self.table.currentCellChanged.connect(lambda *_: self.follow_current_row())
            self.follow_current_row()

    def follow_current_row(self) -> None:
        """Enable, name and explain Remove for the current row."""
        if self._row_state is None:
            return
        row = self.table.currentRow()
        if row < 0:
            enabled, text, tip = False, self._remove_text, ""
        else:
            enabled, text, tip = self._row_state(row)
        self.remove_button.setEnabled(enabled)
        self.remove_button.setText(text)
        self.remove_button.setToolTip(plain_text(tip))

    def add_row(self) -> int:
        row = self.table.rowCount()
        self.table.setRowCount(row + 1)
        self._fit()
        return row

    def _fit(self) -> None:
        """As tall as its rows (one empty row at least), up to a limit."""
        rows = max(1, self.table.rowCount())
        height = (
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
            + self.table.horizontalScrollBar().sizeHint().height()
        )
        self.table.setFixedHeight(min(height, 260))

    def section_row(self, title: str) -> int:
        """A row across the table naming the rows below it (not a record)."""
        row = self.add_row()
        item = QTableWidgetItem(title)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setBackground(self.palette().alternateBase())
        self.table.blockSignals(True)
        self.table.setItem(row, 0, item)
        self.table.blockSignals(False)
        self.table.setSpan(row, 0, 1, self.table.columnCount())
        return row

    def text_cell(
        self,
        row: int,
        col: int,
        text: str,
        commit: Callable[[Any], None] | None,
        tooltip: str = "",
    ) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if commit is None:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if tooltip:
            item.setToolTip(plain_text(tooltip))
        self.table.blockSignals(True)
        self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        if commit is not None:
            self._commits[(row, col)] = commit
        return item

    def set_text(self, row: int, col: int, text: str) -> None:
        """Show ``text`` in a cell without committing it (a refused edit is undone)."""
        item = self.table.item(row, col)
        if item is not None:
            self.table.blockSignals(True)
            item.setText(text)
            self.table.blockSignals(False)

    def combo_cell(self, row: int, col: int, combo: QComboBox) -> None:
        self.table.setCellWidget(row, col, combo)

    def widget_cell(self, row: int, col: int, widget: QWidget) -> None:
        self.table.setCellWidget(row, col, widget)

    def show_problem(self, text: str) -> None:
        """Say, under the table, why an edit was refused (empty: say nothing)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _item_changed(self, item: QTableWidgetItem) -> None:
        commit = self._commits.get((item.row(), item.column()))
        if commit is not None:
            self.show_problem("")
            commit(item.text())
