"""A custom slide: a title, free text and an image."""

from __future__ import annotations

from journeydesk.model.project import Scene

from ..primitives import Image, Rect
from .slide import Slide


def custom_slide(sl: Slide, scene: Scene) -> None:
    u, t, p, m = sl.u, sl.theme, sl.project, sl.jmap
    y = sl.heading(90 * u, m.name, scene.title, 64)
    cap_top = sl.caption(scene.narration)
    y += 40 * u
    w = sl.w - 2 * sl.mx
    asset = next((a for a in p.assets if a.id == scene.image), None) if scene.image else None
    text_w = w * 0.5 if asset else w * 0.8
    room = cap_top - 50 * u - y
    if scene.text.strip():
        lines = max(1, int(room // (36 * u * 1.3)))
        sl.add(
            "text",
            None,
            [sl.text(sl.mx, y, text_w, scene.text, 36, t.face, t.ink, lines, leading=1.3)],
        )
    if asset is not None:
        ix = sl.mx + (text_w + 60 * u if scene.text.strip() else 0)
        sl.add("image", asset.id, [Image(asset.id, Rect(ix, y, sl.mx + w - ix, room))])
