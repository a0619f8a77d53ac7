"""Tables as spreadsheets really send them, and as they can safely be written.

Reading: CSV in UTF-8 (with or without a BOM) or Windows-1252, separated by
``,`` ``;`` or tabs (Italian Excel writes ``;``), CRLF or LF, quoted cells over
several lines; XLSX through openpyxl. Headers are matched in any case, with or
without accents, and in Italian. Numbers may use a decimal comma.

Writing: a text cell a spreadsheet would run as a formula (starting with
``= + - @``, a tab or a CR) gets a ``'`` in front, and reading strips exactly
that prefix, so a round trip gives the same text back (see ``guard``/``unguard``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

MAX_TABLE_BYTES = 50 * 1024 * 1024
"""A table file larger than this is refused before it is read."""
MAX_ROWS = 100_000
"""Rows past this many are refused (a map holds at most 100,000 cards)."""
MAX_CELL = 100_000
"""A cell longer than this (characters) is refused."""

FORMULA_START = frozenset("=+-@\t\r")


def guard(text: str) -> str:
    """``text`` as a cell no spreadsheet runs as a formula.

    A leading ``'`` is added when the text starts with a formula character, or
    when it already starts with apostrophes followed by one (so that ``unguard``
    can tell the added apostrophe from the author's own)."""
    if text[:1] in FORMULA_START or (text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_START):
        return "'" + text
    return text


def unguard(text: str) -> str:
    """Undo ``guard``: strip exactly the one apostrophe it adds."""
    if text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_START and text.lstrip("'"):
        return text[1:]
    return text


@dataclass
class Table:
    """Rows of cells under a header, with where each row starts in the file."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    """The file line (CSV) or sheet row (XLSX) each row starts on, 1-based."""
    delimiter: str = ","


class TableError(Exception):
    """The file cannot be read as a table at all."""


def read_csv_bytes(data: bytes) -> Table:
    """Parse CSV bytes as spreadsheets write them (see the module docstring)."""
    if len(data) > MAX_TABLE_BYTES:
        raise TableError(f"the file is larger than {MAX_TABLE_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data[:4096]:
        raise TableError("not a text file (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise TableError("the file is empty")
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    table = Table(header=[], delimiter=delimiter)
    try:
        first = True
        line = 1
        for cells in reader:
            start = line
            line = reader.line_num + 1
            if first:
                table.header = [c.strip() for c in cells]
                first = False
                continue
            if not any(c.strip() for c in cells):
                continue
            table.rows.append([unguard(c.replace("\r\n", "\n")) for c in cells])
            table.lines.append(start)
    except csv.Error as exc:
        raise TableError(f"line {reader.line_num}: {exc}") from None
    return table


def _sniff_delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of ``;`` ``,`` tab outside quotes."""
    head = text.split("\n", 1)[0]
    head = re.sub(r'"[^"]*"', "", head)
    counts = {d: head.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_xlsx_sheets(path: str | Path) -> dict[str, Table]:
    """Every sheet of a workbook as a table (values only; formulas are not run)."""
    import zipfile

    import openpyxl

    size = Path(path).stat().st_size
    if size > MAX_TABLE_BYTES:
        raise TableError(f"the file is larger than {MAX_TABLE_BYTES // (1024 * 1024)} MB")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError(f"not an XLSX workbook ({exc})") from None
    sheets: dict[str, Table] = {}
    try:
        for sheet in book.worksheets:
            table = Table(header=[])
            for index, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_xlsx_text(v) for v in values]
                if not table.header and index == 1:
                    table.header = [c.strip() for c in cells]
                    continue
                if not any(c.strip() for c in cells):
                    continue
                table.rows.append([unguard(c) for c in cells])
                table.lines.append(index)
                if len(table.rows) > MAX_ROWS + 1:
                    break
            sheets[sheet.title] = table
    finally:
        book.close()
    return sheets


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, dt.datetime | dt.date):
        text = value.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(value)


# --- writing ---------------------------------------------------------------


def write_csv_bytes(
    header: Sequence[str], rows: Iterable[Sequence[str]], delimiter: str = ","
) -> bytes:
    """CSV as Excel opens it: UTF-8 with a BOM, CRLF, every text cell guarded.

    Cells are written as given (callers format numbers with ``format_number``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(list(header))
    for row in rows:
        writer.writerow([guard(c) for c in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_xlsx(
    path: str | Path, sheets: dict[str, tuple[Sequence[str], list[list[object]]]]
) -> None:
    """A workbook with one sheet per entry; text guarded and always stored as text."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (header, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(list(header))
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=r, column=c)
                if isinstance(value, str):
                    cell.value = guard(_ILLEGAL_XML.sub("", value))
                    cell.data_type = "s"
                else:
                    cell.value = value
    book.save(path)


# --- headers and numbers ---------------------------------------------------


def fold_header(text: str) -> str:
    """A header reduced for matching: no accents, lower case, spaces and dashes as ``_``."""
    text = unicodedata.normalize("NFKD", text.strip().lstrip("\ufeff"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\s\-]+", "_", text.lower())


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> float | None:
    """A number as people type it: ``4.5``, ``4,5``, ``1.234,5``, ``1,234.5``; None if not one.

    With both ``.`` and ``,`` the last one is the decimal mark; one ``,`` alone is a
    decimal comma; several are thousands separators."""
    t = text.strip().replace("\u2212", "-").replace("\u00a0", "").replace(" ", "")
    if not t:
        return None
    if "," in t and "." in t:
        mark = "," if t.rfind(",") > t.rfind(".") else "."
        other = "." if mark == "," else ","
        t = t.replace(other, "").replace(mark, ".")
    elif t.count(",") == 1:
        t = t.replace(",", ".")
    elif t.count(",") > 1:
        t = t.replace(",", "")
    if not _NUMBER.match(t):
        return None
    value = float(t)
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return value


def format_number(value: float) -> str:
    """A number as short as it reads back exactly: ``4``, ``4.5``, ``0.1``."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))
