"""File → Import… / Export… for data: card inventories, Mermaid journeys, KPI CSVs.

An import runs the Qt-free importer (``journeydesk/exchange``) on a copy of the
project, shows what it would add, update and refuse (``ImportPreview``), and on
Import applies the result through ``verbs_import.apply_import``: one undo step.
A Mermaid journey can also come from the clipboard. Exports write the shown map.
Every text from the file is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from journeydesk.exchange.report import ImportReport
    from journeydesk.model import Project

    from .main_window import MainWindow

# The importers' modules (document/verbs_import.py, exchange/) are imported
# when an import first runs: the File and Edit menus are built before a map's
# first paint (bench/bench_open_process.py).

MAX_IMPORT_BYTES = 50 * 1024 * 1024


class ImportPreview(QDialog):
    """What an import would do: counts, what it creates, each problem; Import or Cancel."""

    def __init__(self, report: ImportReport, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("DataExchange", "Import %1").replace("%1", source)
        )
        layout = QVBoxLayout(self)
        self.summary = QLabel(
            QCoreApplication.translate(
                "DataExchange", "Added: %1   Updated: %2   Unchanged: %3   Refused: %4"
            )
            .replace("%1", str(len(report.added)))
            .replace("%2", str(len(report.updated)))
            .replace("%3", str(len(report.unchanged)))
            .replace("%4", str(len(report.refused)))
        )
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        lines = [
            QCoreApplication.translate("DataExchange", "Created: %1").replace("%1", c)
            for c in report.created
        ]
        lines += report.changes
        lines += [m.line(source) for m in report.messages]
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(QCoreApplication.translate("DataExchange", "Import"))
        self.import_button.setEnabled(
            bool(report.added or report.updated or report.changes)
            and not any(m.where.startswith("$") and not m.warning for m in report.messages)
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)


class DataExchange(QObject):
    """The window's data import and export actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_action = QAction(QCoreApplication.translate("DataExchange", "&Import…"), window)
        self.import_action.triggered.connect(self.import_file)
        self.paste_mermaid_action = QAction(
            QCoreApplication.translate("DataExchange", "Paste &Mermaid Journey"), window
        )
        self.paste_mermaid_action.triggered.connect(self.paste_mermaid)
        self.export_actions = {
            "csv": QAction(
                QCoreApplication.translate("DataExchange", "Export Cards as &CSV…"), window
            ),
            "xlsx": QAction(
                QCoreApplication.translate("DataExchange", "Export Cards as E&xcel Workbook…"),
                window,
            ),
            "mermaid": QAction(
                QCoreApplication.translate("DataExchange", "Export as Mer&maid Journey…"), window
            ),
        }
        for kind, action in self.export_actions.items():
            action.triggered.connect(lambda _=False, k=kind: self.export(k))
        self.last_preview: ImportPreview | None = None

    def add_to_file_menu(self, menu: QMenu) -> None:
        menu.addAction(self.import_action)
        for action in self.export_actions.values():
            menu.addAction(action)

    def add_to_edit_menu(self, menu: QMenu) -> None:
        menu.addAction(self.paste_mermaid_action)

    # --- hooks a test replaces (they open dialogs) ---

    def choose_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("DataExchange", "Import"),
            "",
            QCoreApplication.translate(
                "DataExchange",
                "Cards, Mermaid or KPIs (*.csv *.xlsx *.mmd *.mermaid *.txt);;All files (*)",
            ),
        )
        return path

    def choose_save_path(self, kind: str) -> str:
        filters = {
            "csv": QCoreApplication.translate("DataExchange", "CSV (*.csv)"),
            "xlsx": QCoreApplication.translate("DataExchange", "Excel workbook (*.xlsx)"),
            "mermaid": QCoreApplication.translate("DataExchange", "Mermaid (*.mmd)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self.window, QCoreApplication.translate("DataExchange", "Export"), "", filters[kind]
        )
        return path

    def confirm(self, preview: ImportPreview) -> bool:
        return preview.exec() == QDialog.DialogCode.Accepted

    def tell(self, text: str) -> None:
        QMessageBox.warning(self.window, QCoreApplication.translate("DataExchange", "Import"), text)

    # --- import ---

    def import_file(self) -> None:
        path = self.choose_open_path()
        if path:
            self.import_path(Path(path))

    def paste_mermaid(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.tell(QCoreApplication.translate("DataExchange", "The clipboard holds no text."))
            return
        self.import_text(text, QCoreApplication.translate("DataExchange", "clipboard"))

    def import_path(self, path: Path) -> bool:
        """Read ``path`` (kind by its extension, and for CSV by its header), preview, apply."""
        try:
            if path.stat().st_size > MAX_IMPORT_BYTES:
                self.tell(
                    QCoreApplication.translate(
                        "DataExchange", "%1 is too large to import."
                    ).replace("%1", path.name)
                )
                return False
            data = path.read_bytes()
        except OSError as exc:
            self.tell(f"{path.name}: {exc.strerror or exc}")
            return False
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            return self._run(path.name, "xlsx", path=path)
        if suffix == ".csv":
            return self._run(path.name, "csv", data=data)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.tell(
                QCoreApplication.translate("DataExchange", "%1 is not UTF-8 text.").replace(
                    "%1", path.name
                )
            )
            return False
        return self.import_text(text, path.name)

    def import_text(self, text: str, source: str) -> bool:
        return self._run(source, "mermaid", text=text)

    def _run(
        self,
        source: str,
        kind: str,
        data: bytes = b"",
        text: str = "",
        path: Path | None = None,
    ) -> bool:
        from journeydesk.document import verbs_import
        from journeydesk.exchange.table import TableError

        document = self.window.document
        if document is None:
            return False
        project = verbs_import.import_copy(document)
        shown = self.window.current_map()
        try:
            report = _import(project, kind, data, text, path, shown.id if shown else None)
        except (TableError, ValueError) as exc:
            where = getattr(exc, "where", "")
            self.tell(f"{source}: {where + ': ' if where else ''}{exc}")
            return False
        report.check(project)
        preview = ImportPreview(report, source, self.window)
        self.last_preview = preview
        # Shown even when there is nothing to import (every row refused, or the
        # file says what the map says already): the user reads why, then closes it.
        if not self.confirm(preview) or not preview.import_button.isEnabled():
            return False
        verbs_import.apply_import(document, project, source)
        return True

    # --- export ---

    def export(self, kind: str) -> bool:
        project, jmap = self.window.project, self.window.current_map()
        if project is None or jmap is None:
            return False
        path = self.choose_save_path(kind)
        if not path:
            return False
        from journeydesk.exchange import cli

        try:
            if kind == "csv":
                cli.write_inventory_csv(project, jmap, path)
            elif kind == "xlsx":
                cli.write_inventory_xlsx(project, jmap, path)
            else:
                from journeydesk.exchange.mermaid import to_mermaid

                Path(path).write_text(to_mermaid(project, jmap), encoding="utf-8")
        except OSError as exc:
            self.tell(f"{path}: {exc.strerror or exc}")
            return False
        self.window.statusBar().showMessage(
            QCoreApplication.translate("DataExchange", "Exported to %1").replace("%1", str(path)),
            10000,
        )
        return True


def _import(
    project: Project,
    kind: str,
    data: bytes,
    text: str,
    path: Path | None,
    shown_map: str | None,
) -> ImportReport:
    """Run the importer ``kind`` on ``project`` (a copy). A CSV whose header names a
    metric column and no title is a KPI file."""
    from journeydesk.exchange.inventory import apply_inventory
    from journeydesk.exchange.table import fold_header, read_csv_bytes

    if kind == "mermaid":
        from journeydesk.exchange.mermaid import apply_mermaid

        return apply_mermaid(project, text)
    if kind == "xlsx":
        from journeydesk.exchange.table import read_xlsx_sheets
        from journeydesk.exchange.workbook import apply_workbook

        assert path is not None
        return apply_workbook(
            project, read_xlsx_sheets(path), new_map_name=path.stem, default_map_id=shown_map
        )
    table = read_csv_bytes(data)
    header = {fold_header(h) for h in table.header}
    if header & {"metric", "metrica", "kpi"} and not header & {"title", "titolo"}:
        from journeydesk.exchange.metrics import apply_metrics

        named = header & {"map", "mappa"}
        return apply_metrics(project, table, map_ref=None if named else shown_map)
    return apply_inventory(project, table, default_map_id=shown_map)
