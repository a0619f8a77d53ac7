"""Printing the shown map, on one page or as a tiled poster: the main
window's print actions, apart from the window that assembles the panels.

Texts keep the ``MainWindow`` translation context they always had.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from .main_window import MainWindow


def print_map(window: MainWindow) -> None:
    """Print the shown map on one page, fitted, through the system's print dialog."""
    jmap = window.current_map()
    if window.project is None or jmap is None or window.scene.layout is None:
        return
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    layout = window.scene.layout
    landscape = layout.width >= layout.height
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    printer.setDocName(jmap.name)
    dialog = QPrintDialog(printer, window)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    from .printing import print_layout  # the PDF planner loads only when printing

    print_layout(printer, layout, window.project)


def print_poster(window: MainWindow) -> int | None:
    """Print the shown map as a poster (the export paper, A1 by default) cut
    onto the printer's sheets, with overlap and sheet labels."""
    jmap = window.current_map()
    if window.project is None or jmap is None or window.scene.layout is None:
        return None
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from journeydesk.settings import load_settings

    defaults = load_settings().export
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(jmap.name)
    dialog = QPrintDialog(printer, window)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    from .printing import print_tiled

    try:
        sheets = print_tiled(
            printer, window.scene.layout, window.project, defaults.paper, defaults.overlap_mm
        )
    except ValueError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Print"), str(exc))
        return None
    return sheets
