"""Writing a table (a header row and data rows) as CSV or as an .xlsx sheet.

The cells hold text from a project file, which is untrusted: a cell that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``)
is written as text, and control characters a sheet cannot hold are dropped.
Numbers stay numbers. No Qt.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Sequence
from pathlib import Path

from journeydesk.io.atomic import atomic_write_bytes

TABLE_FORMATS = ("csv", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(value: object) -> object:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return value
    return _CONTROL.sub("", str(value))


def _csv_text(value: object) -> str:
    value = _clean(value)
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def table_format(path: str | os.PathLike[str]) -> str | None:
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in TABLE_FORMATS else None


def csv_bytes(table: Sequence[Sequence[object]]) -> bytes:
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in table:
        writer.writerow([_csv_text(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def xlsx_bytes(table: Sequence[Sequence[object]], sheet: str) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    for r, row in enumerate(table, start=1):
        for c, value in enumerate(row, start=1):
            clean = _clean(value)
            cell = ws.cell(row=r, column=c)
            cell.value = clean
            if isinstance(clean, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
            if r == 1:
                cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    if table:
        ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_table(
    table: Sequence[Sequence[object]], path: str | os.PathLike[str], sheet: str
) -> None:
    """Write ``table`` to ``path`` as CSV or .xlsx, by its suffix, atomically."""
    kind = table_format(path)
    if kind is None:
        raise ValueError(f"{os.fspath(path)}: not a .csv or .xlsx file name")
    data = csv_bytes(table) if kind == "csv" else xlsx_bytes(table, sheet)
    atomic_write_bytes(path, data)
