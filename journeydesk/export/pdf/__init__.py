"""Vector PDF posters (reportlab; no Qt here)."""

from journeydesk.layout.papers import (
    PAPER_NAMES,
    TILE_NAMES,
    Paper,
    PaperError,
    parse_paper,
    parse_tile,
)

from .poster import (
    ExportCancelled,
    ExportReport,
    MapPages,
    MapPlan,
    PosterOptions,
    Tile,
    TileGrid,
    export_pdf,
    plan_map,
    render_pdf,
)

__all__ = [
    "PAPER_NAMES",
    "TILE_NAMES",
    "ExportCancelled",
    "ExportReport",
    "MapPages",
    "MapPlan",
    "Paper",
    "PaperError",
    "PosterOptions",
    "Tile",
    "TileGrid",
    "export_pdf",
    "parse_paper",
    "parse_tile",
    "plan_map",
    "render_pdf",
]
