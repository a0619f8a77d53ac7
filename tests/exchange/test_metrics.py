"""Stage KPIs from a CSV: changes reported, unknown metrics, duplicates, local formats,
unit mismatches, and the command."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.cli import main
from journeydesk.exchange import table
from journeydesk.exchange.metrics import apply_metrics, kpi_rows, parse_date
from journeydesk.io import checked_bytes, read_project, write_project
from journeydesk.model.project import Project


def _kpi(project: Project, stage: str, metric: str) -> tuple[float | None, float | None, object]:
    mid = next(m.id for m in project.metrics if m.name == metric)
    st = next(s for s in project.maps[0].stages if s.name == stage)
    k = next(k for k in st.kpis if k.metric == mid)
    return k.value, k.target, k.as_of


def test_italian_csv_updates_kpis_and_reports_changes() -> None:
    project = templates.new_project("sample", "en")
    data = (
        "\ufeffmappa;fase;metrica;valore;obiettivo;data\r\n"
        ";Research;csat;42,5;50;30/11/2026\r\n"
        ";Purchase;CSAT;90 %;;30.11.2026\r\n"
    ).encode()
    report = apply_metrics(project, table.read_csv_bytes(data))
    assert not report.messages
    assert _kpi(project, "Research", "CSAT") == (42.5, 50, dt.date(2026, 11, 30))
    assert _kpi(project, "Purchase", "CSAT")[0] == 90
    assert report.changes == [
        "Research: CSAT: value 81 -> 42.5, target 90 -> 50, as_of 2026-09-30 -> 2026-11-30",
        "Purchase: CSAT: value 84 -> 90, as_of 2026-09-30 -> 2026-11-30",
    ]
    checked_bytes(project)


def test_unknown_metric_duplicates_and_unit_mismatch() -> None:
    project = templates.new_project("sample", "en")
    data = (
        b"stage,metric,value,unit,as_of\n"
        b"Research,Churn,4,%,2026-11-30\n"
        b"Research,CSAT,10,,\n"
        b"Research,CSAT,20,,\n"
        b"Purchase,CSAT,5,min,\n"
        b"Nowhere,NPS,1,,\n"
        b"Research,CES,lots,,\n"
        b"Comparison,CES,3,,yesterday\n"
    )
    report = apply_metrics(project, table.read_csv_bytes(data))
    assert [m.line("k.csv") for m in report.messages] == [
        "k.csv: row 2, column metric: unknown metric 'Churn' (--create-metrics adds it)",
        "k.csv: row 4: warning: same map, stage and metric as row 3; the last wins",
        "k.csv: row 5, column unit: unit 'min' is not the metric's ('%'); row refused",
        "k.csv: row 6, column stage: no stage named 'Nowhere' in "
        "'Washing machine purchase — current state'",
        "k.csv: row 7, column value: 'lots' is not a number; row refused",
        "k.csv: row 8, column as_of: 'yesterday' is not a date; row refused",
    ]
    assert _kpi(project, "Research", "CSAT")[0] == 20
    assert report.refused == [2, 5, 6, 7, 8]
    # With create, the metric is added with the row's unit.
    report = apply_metrics(project, table.read_csv_bytes(data[:60]), create=True)
    churn = next(m for m in project.metrics if m.name == "Churn")
    assert churn.unit == "%" and report.created == ['metric "Churn"']
    assert _kpi(project, "Research", "Churn") == (4, None, dt.date(2026, 11, 30))
    checked_bytes(project)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("30/11/2026", dt.date(2026, 11, 30)),
        ("30.11.26", dt.date(2026, 11, 30)),
        ("11/30/2026", dt.date(2026, 11, 30)),
        ("2026-11-30", dt.date(2026, 11, 30)),
        ("2026-11-30T10:00:00", dt.date(2026, 11, 30)),
        ("31/02/2026", None),
        ("soon", None),
    ],
)
def test_dates(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


def test_kpi_sheet_reads_back() -> None:
    project = templates.new_project("sample", "en")
    header, rows = kpi_rows(project, project.maps[0])
    data = table.write_csv_bytes(
        header,
        [[table.format_number(c) if isinstance(c, float) else str(c) for c in r] for r in rows],
    )
    before = project.model_dump()
    report = apply_metrics(project, table.read_csv_bytes(data))
    assert not report.messages and not report.changes
    assert project.model_dump() == before


def test_cli_metrics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.journey"
    write_project(templates.new_project("sample", "en"), src)
    csv = tmp_path / "k.csv"
    csv.write_text("stage,metric,value\nResearch,CSAT,55\nResearch,Churn,3\n", encoding="utf-8")
    assert main(["import", "metrics", str(csv), "--into", str(src)]) == 1
    captured = capsys.readouterr()
    assert "k.csv: row 3, column metric: unknown metric 'Churn'" in captured.err
    assert "Research: CSAT: value 81 -> 55" in captured.out
    assert _kpi(read_project(src), "Research", "CSAT")[0] == 55
    assert main(["import", "metrics", str(csv), "--into", str(src), "--create-metrics"]) == 0
    assert _kpi(read_project(src), "Research", "Churn")[0] == 3
    assert main(["import", "metrics", str(csv), "-o", str(tmp_path / "x")]) == 2
