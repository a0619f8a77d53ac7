"""One scene on a slide: the slide kind that draws it."""

from __future__ import annotations

from journeydesk.io.heap import gc_paused
from journeydesk.model.project import JourneyMap, Project, Scene

from ..primitives import MapLayout
from ..theme import DEFAULT_THEME, Theme
from .closing import closing_slide
from .compare import comparison_pair
from .comparison import comparison_slide
from .custom import custom_slide
from .slide import Slide
from .stage import stage_slide
from .title import title_slide

# --- the scenes' slides --------------------------------------------------------


@gc_paused()  # (io.heap: the collector's walks of a big map grew faster than the slide)
def slide_layout(
    project: Project,
    jmap: JourneyMap,
    scene: Scene,
    width_px: float,
    height_px: float,
    theme: Theme = DEFAULT_THEME,
    language: str | None = None,
) -> MapLayout:
    """One scene on a slide, in pixels; ``language`` of the slide's own words
    (default: the project's)."""
    lang = language or project.language
    slide = Slide(project, jmap, width_px, height_px, theme, lang)
    stage = next((s for s in jmap.stages if s.id == scene.stage), None)
    if scene.kind == "title":
        title_slide(slide, scene)
    elif scene.kind == "closing":
        closing_slide(slide, scene)
    elif scene.kind == "comparison" and stage is not None and comparison_pair(project, jmap):
        comparison_slide(slide, scene, stage)
    elif scene.kind in ("stage", "comparison") and stage is not None:
        stage_slide(slide, scene, stage)
    else:
        custom_slide(slide, scene)
    return slide.layout()
