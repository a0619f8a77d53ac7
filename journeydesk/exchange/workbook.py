"""A whole inventory workbook in: its Cards, Curve and KPIs sheets, as export writes them.

Shared by ``journeydesk import xlsx`` and the app's File → Import…. Problems of the
Curve and KPIs sheets are named with their sheet (``sheet KPIs, row 3``).
"""

from __future__ import annotations

from dataclasses import replace

from journeydesk.model.project import JourneyMap, Project

from .curves import apply_curve_points
from .inventory import apply_inventory
from .metrics import apply_metrics
from .report import ImportReport
from .table import Table, TableError


def apply_workbook(
    project: Project,
    sheets: dict[str, Table],
    *,
    map_ref: str | None = None,
    new_map_name: str = "",
    default_map_id: str | None = None,
    create_metrics: bool = False,
) -> ImportReport:
    """Import the workbook's sheets into ``project`` (changed in place): the cards (the
    ``Cards`` sheet, else the first), then the curve points and the KPIs of the map
    the cards went to (``create_metrics``: a metric the project lacks is defined)."""
    if not sheets:
        raise TableError("the workbook has no sheets")
    cards = sheets.get("Cards") or next(iter(sheets.values()))
    report = apply_inventory(
        project, cards, map_ref=map_ref, new_map_name=new_map_name, default_map_id=default_map_id
    )
    if report.failed and not (report.added or report.updated or report.unchanged):
        return report
    jmap = _target_map(project, report, map_ref, default_map_id)
    if jmap is None:
        return report
    curve = sheets.get("Curve")
    if curve is not None and curve.rows and next(iter(sheets)) != "Curve":
        _merge(report, apply_curve_points(project, jmap, curve), "Curve", keep_counts=False)
    kpis = sheets.get("KPIs")
    if kpis is not None and kpis.rows:
        more = apply_metrics(project, kpis, map_ref=jmap.id, create=create_metrics)
        _merge(report, more, "KPIs", keep_counts=False)
    return report


def _target_map(
    project: Project, report: ImportReport, map_ref: str | None, default_map_id: str | None
) -> JourneyMap | None:
    touched = set(report.added) | set(report.updated) | set(report.unchanged)
    for jmap in project.maps:
        if jmap.id == map_ref or jmap.name == map_ref:
            return jmap
    for jmap in project.maps:
        if any(card.id in touched for card in jmap.cards):
            return jmap
    return project.map_by_id(default_map_id or "") or (project.maps[0] if project.maps else None)


def _merge(report: ImportReport, more: ImportReport, sheet: str, keep_counts: bool) -> None:
    report.messages += [replace(m, where=f"sheet {sheet}, {m.where}") for m in more.messages]
    report.changes += more.changes
    report.created += more.created
    if more.added:
        report.changes.append(f"sheet {sheet}: {len(more.added)} added")
    if more.updated:
        report.changes.append(f"sheet {sheet}: {len(more.updated)} updated")
    if more.refused:
        report.changes.append(f"sheet {sheet}: {len(more.refused)} refused")
