"""Stage KPIs from a CSV that an analytics tool exported, and the KPIs sheet.

Columns ``map, stage, metric, value, target, as_of`` (and optionally ``unit``),
names or ids, any case, English or Italian headers. Each row sets one stage's
value of one metric; what changed is reported. Local formats are read: decimal
commas (``42,5``), day-first dates (``30/11/2026``, ``30.11.2026``). A unit given
in the row (a ``unit`` cell or after the number: ``42 %``) must be the metric's.
An unknown metric refuses the row unless ``create`` is set; a repeated
map/stage/metric row wins over the earlier one, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from journeydesk.model.base import MAX_SMALL_LIST
from journeydesk.model.project import JourneyMap, KpiValue, MetricDefinition, Project, Stage

from .report import ImportReport
from .table import MAX_ROWS, Table, fold_header, format_number, parse_number

KPI_COLUMNS = ("map", "stage", "metric", "value", "target", "unit", "as_of")
_ALIASES = {
    "mappa": "map", "fase": "stage", "metrica": "metric", "indicatore": "metric", "kpi": "metric",
    "valore": "value", "obiettivo": "target", "unita": "unit", "unita_di_misura": "unit",
    "data": "as_of", "al": "as_of", "date": "as_of",
}  # fmt: skip
_T = TypeVar("_T")
_VALUE_WITH_UNIT = re.compile(r"^\s*([-+\u2212]?[\d.,\s\u00a0]*\d[\d.,]*)\s*(\S.*)?$")


def kpi_rows(project: Project, jmap: JourneyMap) -> tuple[list[str], list[list[object]]]:
    """The ``KPIs`` sheet: one row per stage and metric with a value or target."""
    metrics = {m.id: m for m in project.metrics}
    rows: list[list[object]] = []
    for stage in jmap.stages:
        for kpi in stage.kpis:
            metric = metrics.get(kpi.metric)
            rows.append([
                jmap.name, stage.name, metric.name if metric else kpi.metric,
                "" if kpi.value is None else kpi.value, "" if kpi.target is None else kpi.target,
                metric.unit if metric else "", kpi.as_of.isoformat() if kpi.as_of else "",
            ])  # fmt: skip
    return list(KPI_COLUMNS), rows


def parse_date(text: str) -> dt.date | None:
    """ISO (``2026-11-30``), or day first (``30/11/2026``, ``30.11.26``); month first
    only when the day-first reading is impossible (``11/30/2026``)."""
    t = text.strip()
    if not t:
        return None
    try:
        return dt.date.fromisoformat(t[:10])
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", t)
    if not m:
        return None
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    year += 2000 if year < 100 else 0
    for day, month in ((a, b), (b, a)):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _split_value(text: str) -> tuple[float | None, str]:
    """``42,5 %`` -> (42.5, "%"); (None, "") when there is no number."""
    m = _VALUE_WITH_UNIT.match(text)
    if not m:
        return None, ""
    return parse_number(m[1]), (m[2] or "").strip()


def apply_metrics(
    project: Project, table: Table, *, map_ref: str | None = None, create: bool = False
) -> ImportReport:
    """Set stage KPIs of ``project`` (changed in place) from a metrics table."""
    report = ImportReport()
    cols: dict[str, int] = {}
    for index, name in enumerate(table.header):
        col = _ALIASES.get(fold_header(name), fold_header(name))
        if col in KPI_COLUMNS and col not in cols:
            cols[col] = index
        elif name:
            report.warn(f"row 1, column {name}", "unknown or repeated column, ignored")
    for needed in ("stage", "metric"):
        if needed not in cols:
            report.refuse("row 1", f"no {needed} column")
            return report
    if "value" not in cols and "target" not in cols:
        report.refuse("row 1", "no value or target column")
        return report
    seen: dict[tuple[str, str, str], int] = {}
    for n, (cells, line) in enumerate(zip(table.rows, table.lines, strict=True)):
        if n >= MAX_ROWS:
            report.refuse(f"row {line}", f"past the limit of {MAX_ROWS} rows; rows refused")
            report.refused.extend(table.lines[n:])
            break

        def cell(col: str, cells: list[str] = cells) -> str:
            i = cols.get(col)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        def at(col: str, line: int = line) -> str:
            return f"row {line}, column {table.header[cols[col]]}" if col in cols else f"row {line}"

        jmap = (
            _find(project.maps, map_ref or cell("map"))
            if (map_ref or cell("map"))
            else (project.maps[0] if project.maps else None)
        )
        if jmap is None:
            report.refuse(at("map"), f"no map named {map_ref or cell('map')!r}", line)
            continue
        stage = _find(jmap.stages, cell("stage"))
        if stage is None:
            report.refuse(at("stage"), f"no stage named {cell('stage')!r} in {jmap.name!r}", line)
            continue
        metric = _find(project.metrics, cell("metric"))
        if metric is None:
            name = cell("metric")
            if not name:
                report.refuse(at("metric"), "empty", line)
                continue
            if not create:
                report.refuse(
                    at("metric"), f"unknown metric {name!r} (--create-metrics adds it)", line
                )
                continue
            if len(project.metrics) >= MAX_SMALL_LIST:
                report.refuse(at("metric"), "the project has 1,000 metrics", line)
                continue
            metric = MetricDefinition(
                name=name, unit=cell("unit") or _split_value(cell("value"))[1]
            )
            project.metrics.append(metric)
            report.created.append(f'metric "{name}"')
        key = (jmap.id, stage.id, metric.id)
        if key in seen:
            report.warn(
                f"row {line}", f"same map, stage and metric as row {seen[key]}; the last wins"
            )
        seen[key] = line
        parsed = _row_values(cell, at, metric, report, line)
        if parsed is None:
            continue
        _set(stage, metric, parsed, report)
    return report


def _row_values(
    cell: Callable[[str], str],
    at: Callable[[str], str],
    metric: MetricDefinition,
    report: ImportReport,
    line: int,
) -> dict[str, object] | None:
    values: dict[str, object] = {}
    units = [cell("unit")] if cell("unit") else []
    for col in ("value", "target"):
        text = cell(col)
        if not text:
            continue
        number, unit = _split_value(text)
        if number is None or abs(number) > 1e9:
            report.refuse(at(col), f"{text!r} is not a number; row refused", line)
            return None
        values[col] = number
        if unit:
            units.append(unit)
    for unit in units:
        if metric.unit and unit.casefold() != metric.unit.casefold():
            report.refuse(
                at("unit") if cell("unit") else at("value"),
                f"unit {unit!r} is not the metric's ({metric.unit!r}); row refused",
                line,
            )
            return None
    if cell("as_of"):
        date = parse_date(cell("as_of"))
        if date is None:
            report.refuse(at("as_of"), f"{cell('as_of')!r} is not a date; row refused", line)
            return None
        values["as_of"] = date
    return values


def _set(
    stage: Stage, metric: MetricDefinition, values: dict[str, object], report: ImportReport
) -> None:
    kpi = next((k for k in stage.kpis if k.metric == metric.id), None)
    if kpi is None:
        kpi = KpiValue(metric=metric.id)
        stage.kpis.append(kpi)
        report.added.append(stage.id)
    changed = []
    for field_name, new in values.items():
        old = getattr(kpi, field_name)
        if old != new:
            changed.append(f"{field_name} {_show(old)} -> {_show(new)}")
            setattr(kpi, field_name, new)
    if changed:
        report.changes.append(f"{stage.name}: {metric.name}: " + ", ".join(changed))
        if stage.id not in report.added and stage.id not in report.updated:
            report.updated.append(stage.id)


def _show(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _find(items: Sequence[_T], ref: str) -> _T | None:
    ref = ref.strip()
    return next((i for i in items if getattr(i, "id", None) == ref), None) or next(
        (i for i in items if str(getattr(i, "name", "")).strip().casefold() == ref.casefold()), None
    )
