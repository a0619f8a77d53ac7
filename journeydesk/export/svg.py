"""SVG export: one map as an SVG file, text as text (for designers).

Drawn by the Qt-free SVG backend (``journeydesk.render.svg``) from the same
layout as the canvas, the PNG and the PDF; the fonts used are embedded, so
the file looks the same on a machine without them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from journeydesk.export.notes import failed_images_warnings, glyphs_warning, overflow_warning
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model.project import JourneyMap, Project
from journeydesk.render.svg import render_svg


@dataclass
class SvgReport:
    path: str
    width: float
    height: float
    warnings: list[str] = field(default_factory=list)


def export_svg(
    project: Project,
    jmap: JourneyMap,
    path: str | Path,
    layout_options: LayoutOptions | None = None,
    theme: Theme = DEFAULT_THEME,
) -> SvgReport:
    """Write ``jmap`` as a standalone SVG to ``path`` atomically. Raises
    ``OSError`` when the file cannot be written."""
    layout = MapLayouter(theme).layout(project, jmap, layout_options or LayoutOptions())
    svg, writer = render_svg(layout, project.assets, title=jmap.name)
    atomic_write_bytes(path, svg.encode("utf-8"))
    warnings: list[str] = []
    if layout.overflows:
        warnings.append(overflow_warning(len(layout.overflows)))
    missing = layout.missing_glyphs()
    if missing:
        warnings.append(glyphs_warning(jmap.name, missing, viewer=True))
    if writer.images is not None:
        warnings += failed_images_warnings(writer.images.failed)
    return SvgReport(str(path), layout.width, layout.height, warnings)
