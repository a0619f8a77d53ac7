"""One scene on a slide: the slide kind that draws it."""

from __future__ import annotations

from journeydesk.model.project import JourneyMap, Project, Scene

from ..primitives import MapLayout
from ..theme import DEFAULT_THEME, Theme
from .closing import _closing_slide
from .compare import comparison_pair
from .comparison import _comparison_slide
from .custom import _custom_slide
from .slide import _Slide
from .stage import _stage_slide
from .title import _title_slide

# --- the scenes' slides --------------------------------------------------------


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
    slide = _Slide(project, jmap, width_px, height_px, theme, lang)
    stage = next((s for s in jmap.stages if s.id == scene.stage), None)
    if scene.kind == "title":
        _title_slide(slide, scene)
    elif scene.kind == "closing":
        _closing_slide(slide, scene)
    elif scene.kind == "comparison" and stage is not None and comparison_pair(project, jmap):
        _comparison_slide(slide, scene, stage)
    elif scene.kind in ("stage", "comparison") and stage is not None:
        _stage_slide(slide, scene, stage)
    else:
        _custom_slide(slide, scene)
    return slide.layout()
