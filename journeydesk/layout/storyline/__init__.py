"""The storyline of a map and the drawing of its slides, as plain data (no Qt).

``scenes_for`` gives the scenes a map tells its story with: the map's own
storyline when it has one (hidden scenes left out), else the default one — a
title scene, a scene per stage, a closing scene. ``slide_layout`` lays one
scene out on a slide of ``width_px`` × ``height_px`` with the same primitives
as the map (one unit is one pixel, i.e. a point at 72 dpi, so the QPainter
backend draws it 1:1). Sizes are designed for 1080 pixels of height and scale
with the slide: panel and caption text is never below 28 px at 1080p.
"""

from __future__ import annotations

from .compare import card_changes, comparison_pair, match_stages
from .scenes import (
    DEFAULT_DURATION,
    compares,
    default_scenes,
    missing_stages,
    ranked_opportunities,
    reading_time,
    resolve_scene,
    scene_duration,
    scene_narration,
    scene_title,
    scenes_for,
    stored_scenes,
    top_pain_points,
    with_missing_stages,
)
from .slide import MIN_TEXT, transform
from .slides import slide_layout

__all__ = [
    "DEFAULT_DURATION",
    "MIN_TEXT",
    "card_changes",
    "compares",
    "comparison_pair",
    "default_scenes",
    "match_stages",
    "missing_stages",
    "ranked_opportunities",
    "reading_time",
    "resolve_scene",
    "scene_duration",
    "scene_narration",
    "scene_title",
    "scenes_for",
    "slide_layout",
    "stored_scenes",
    "top_pain_points",
    "transform",
    "with_missing_stages",
]
