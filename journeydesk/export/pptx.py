"""The storyline as a PowerPoint deck (python-pptx): one slide per visible
scene, the slide image full bleed, the narration as speaker notes.

Slides are drawn by the same code as ``export slides`` (QtGui only here).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.storyline import scene_title, scenes_for, slide_layout
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model import JourneyMap, Project

DECK_WIDTH_EMU = 12_192_000
"""PowerPoint's widescreen width (13.333 in); the height follows the slide size's ratio."""


@dataclass
class DeckReport:
    path: str
    slides: int = 0
    cancelled: bool = False
    titles: list[str] = field(default_factory=list)


def export_pptx(
    project: Project,
    jmap: JourneyMap,
    path: str | Path,
    size: tuple[int, int] = (1920, 1080),
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    language: str | None = None,
    theme: Theme = DEFAULT_THEME,
    compare: bool | None = None,
) -> DeckReport:
    """Write the deck to ``path`` atomically; nothing is written when cancelled.
    ``compare``: as in ``export_slides``."""
    from pptx import Presentation
    from pptx.util import Emu

    from journeydesk.export.png import ensure_gui_app

    from .slides import png_bytes, render_slide

    w, h = size
    if not (320 <= w <= 7680 and 180 <= h <= 4320):
        raise ValueError(f"slide size {w}×{h} is out of range (320×180 to 7680×4320)")
    ensure_gui_app()
    from journeydesk.export.raster.painter import ImageCache

    lang = language or project.language
    deck = Presentation()
    deck.slide_width = Emu(DECK_WIDTH_EMU)
    deck.slide_height = Emu(round(DECK_WIDTH_EMU * h / w))
    deck.core_properties.title = f"{project.title} — {jmap.name}" if project.title else jmap.name
    deck.core_properties.author = ", ".join(project.authors)[:255]
    blank = deck.slide_layouts[6]
    images = ImageCache(project.assets)
    scenes = scenes_for(project, jmap, compare)
    report = DeckReport(str(path))
    for n, scene in enumerate(scenes, 1):
        if cancel is not None and cancel():
            report.cancelled = True
            return report
        layout = slide_layout(project, jmap, scene, w, h, theme, lang)
        picture = io.BytesIO(png_bytes(render_slide(layout, images)))
        slide = deck.slides.add_slide(blank)
        slide.shapes.add_picture(picture, 0, 0, deck.slide_width, deck.slide_height)
        title = scene_title(project, jmap, scene, lang)
        slide.name = title[:100]
        notes = scene.narration.strip()
        slide.notes_slide.notes_text_frame.text = notes
        report.titles.append(title)
        report.slides += 1
        if progress is not None:
            progress(n, len(scenes))
    out = io.BytesIO()
    deck.save(out)
    atomic_write_bytes(path, out.getvalue())
    return report
