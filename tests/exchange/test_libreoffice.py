"""The card inventory through a real spreadsheet: LibreOffice Calc (headless) opens
what we write and saves it back, and importing that gives back the same cards.

Needs ``soffice`` (Debian's libreoffice-calc-nogui, installed by
``packaging/bootstrap.sh --test``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.exchange import inventory, table
from journeydesk.exchange.cli import write_inventory_csv, write_inventory_xlsx
from journeydesk.model.project import Project

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _soffice(tmp_path: Path, *args: str) -> None:
    if SOFFICE is None:
        pytest.fail("soffice is missing: run packaging/bootstrap.sh --test")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", *args],
        check=True,
        capture_output=True,
        timeout=180,
        cwd=tmp_path,
    )


def _project() -> Project:
    project = templates.new_project("sample", "it")
    card = project.maps[0].cards[0]
    card.title = "=1+1 non è una formula"
    card.body = 'due\nrighe; con "virgolette"'
    card.scores = {"impact": 4.5, "effort": 2}
    card.tags = ["veloce", "q3"]
    return project


def _cells(project: Project) -> list[list[str]]:
    header, rows = inventory.export_rows(project, project.maps[0])
    return [header, *inventory.csv_cells(rows)]


def test_csv_and_xlsx_through_libreoffice_come_back_unchanged(tmp_path: Path) -> None:
    project = _project()
    expected = _cells(project)
    # Our XLSX, saved by Calc as an Italian-style CSV (';', UTF-8).
    xlsx = tmp_path / "ours.xlsx"
    write_inventory_xlsx(project, project.maps[0], str(xlsx))
    (tmp_path / "lo_csv").mkdir()
    _soffice(tmp_path, "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true",
             "--outdir", "lo_csv", str(xlsx))  # fmt: skip
    from_calc = table.read_csv_bytes((tmp_path / "lo_csv" / "ours.csv").read_bytes())
    assert from_calc.delimiter == ";"
    back = Project()
    report = inventory.apply_inventory(back, from_calc)
    assert not report.failed, report.messages
    assert _cells(back) == expected
    # Our ';' CSV, opened by Calc and saved as XLSX.
    csv = tmp_path / "ours.csv"
    write_inventory_csv(project, project.maps[0], str(csv), ";")
    (tmp_path / "lo_xlsx").mkdir()
    _soffice(tmp_path, "--infilter=CSV:59,34,76,1", "--convert-to", "xlsx", "--outdir", "lo_xlsx",
             str(csv))  # fmt: skip
    sheets = table.read_xlsx_sheets(tmp_path / "lo_xlsx" / "ours.xlsx")
    back = Project()
    report = inventory.apply_inventory(back, next(iter(sheets.values())))
    assert not report.failed, report.messages
    assert _cells(back) == expected
