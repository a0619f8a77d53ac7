"""Slides export: one PNG per visible scene, ``manifest.json`` and ``narration.srt``.

QtGui only (no widgets): it runs headless. Each scene is laid out by
``layout.storyline.slide_layout`` in pixels and drawn 1:1 by the QPainter
backend; every file is written atomically. Files in the folder other than
the ones written here are never touched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from journeydesk.export.notes import failed_images_warnings, stale_slides_warning
from journeydesk.export.xmltext import clean_text
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.primitives import MapLayout
from journeydesk.layout.storyline import compares, scene_title, scenes_for, slide_layout
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model.project import JourneyMap, Project

SIZES: tuple[tuple[int, int], ...] = ((1920, 1080), (1280, 720), (3840, 2160))
MANIFEST = "manifest.json"
SUBTITLES = "narration.srt"


def slide_name(n: int) -> str:
    return f"slide-{n:03d}.png"


@dataclass
class SlidesReport:
    folder: str
    size: tuple[int, int]
    files: list[str] = field(default_factory=list)
    """Slide files written, in order (names within ``folder``)."""
    duration: float = 0.0
    cancelled: bool = False
    warnings: list[str] = field(default_factory=list)


def render_slide(layout: MapLayout, images: object | None = None) -> QImage:
    """A slide layout drawn 1:1 on an opaque QImage."""
    from journeydesk.render.qpainter import ImageCache, draw, white_painter

    image = QImage(round(layout.width), round(layout.height), QImage.Format.Format_RGB32)
    painter = white_painter(image)
    cache = images if isinstance(images, ImageCache) else None
    for item in layout.sorted_items():
        draw(painter, item.primitives, cache)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; str works
        raise OSError("the image could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def srt_time(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d},{ms:03d}"


def srt_text(cues: list[tuple[int, int, str]]) -> str:
    """SubRip from ``(start_ms, end_ms, text)``; blank lines inside a text are dropped
    (a blank line ends a cue)."""
    blocks = []
    for n, (start, end, text) in enumerate(cues, 1):
        lines = [" ".join(line.split()) for line in clean_text(text).split("\n")]
        body = "\n".join(line for line in lines if line)
        blocks.append(f"{n}\n{srt_time(start)} --> {srt_time(end)}\n{body}\n")
    return "\n".join(blocks)


_SENTENCE = re.compile(r"(?<=[.!?…;:])\s+")
LINE_CHARS = 42
"""Characters a subtitle line holds at most (broadcasters' rule)."""
CUE_LINES = 2
"""Lines a subtitle cue holds at most."""
CUE_CHARS = LINE_CHARS * CUE_LINES


def _subtitle_lines(sentence: str) -> list[str]:
    """``sentence`` broken into lines of at most ``LINE_CHARS`` characters
    (between words; a longer word is cut)."""
    lines: list[str] = []
    current = ""
    for word in sentence.split():
        while len(word) > LINE_CHARS:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:LINE_CHARS])
            word = word[LINE_CHARS:]
        if current and len(current) + 1 + len(word) <= LINE_CHARS:
            current += " " + word
        else:
            if current:
                lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def narration_cues(text: str, start_ms: int, end_ms: int) -> list[tuple[int, int, str]]:
    """A scene's narration as subtitle cues of at most ``CUE_LINES`` lines of at
    most ``LINE_CHARS`` characters (lines joined by ``\\n``). A sentence starts
    a new line; a cue holds the lines of one sentence, or of short sentences
    together. Cues are timed in proportion to their length and together cover
    ``start_ms``..``end_ms`` exactly."""
    flat = " ".join(text.split())
    if not flat:
        return []
    chunks: list[list[str]] = []
    for sentence in _SENTENCE.split(flat):
        lines = _subtitle_lines(sentence)
        if chunks and len(chunks[-1]) + len(lines) <= CUE_LINES:
            chunks[-1] += lines
            continue
        for n in range(0, len(lines), CUE_LINES):
            chunks.append(lines[n : n + CUE_LINES])
    texts = ["\n".join(c) for c in chunks]
    total = sum(len(t) for t in texts)
    cues: list[tuple[int, int, str]] = []
    at = start_ms
    done = 0
    for n, chunk in enumerate(texts):
        done += len(chunk)
        end = (
            end_ms if n == len(texts) - 1 else start_ms + round((end_ms - start_ms) * done / total)
        )
        if end > at:
            cues.append((at, end, chunk))
        elif cues:  # no time of its own (a very short scene): shares the previous cue's
            a, b, prev = cues[-1]
            if prev.count("\n") + chunk.count("\n") + 2 <= CUE_LINES:
                cues[-1] = (a, b, prev + "\n" + chunk)
            elif b - a >= 2:  # still at most two lines: halve the previous cue's time
                cues[-1] = (a, (a + b) // 2, prev)
                cues.append(((a + b) // 2, b, chunk))
        at = max(at, end)
    return cues


def export_slides(
    project: Project,
    jmap: JourneyMap,
    out_dir: str | Path,
    size: tuple[int, int] = (1920, 1080),
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    language: str | None = None,
    theme: Theme = DEFAULT_THEME,
    compare: bool | None = None,
) -> SlidesReport:
    """Write the map's visible scenes as ``slide-001.png``... into ``out_dir`` (which
    must exist), then ``manifest.json`` and ``narration.srt``. ``progress(done,
    total)`` is called after each slide; when ``cancel()`` turns true, no further
    slide is drawn and neither the manifest nor the subtitles are written.
    ``compare`` draws stage scenes as comparisons with the map this one derives
    from (or that derives from it); None: as the storyline's ``mode`` says.
    Raises ``ValueError`` for a bad size, ``OSError`` when a file cannot be written."""
    from journeydesk.export.png import ensure_gui_app

    w, h = size
    if not (320 <= w <= 7680 and 180 <= h <= 4320):
        raise ValueError(f"slide size {w}×{h} is out of range (320×180 to 7680×4320)")
    folder = Path(out_dir)
    ensure_gui_app()
    from journeydesk.render.qpainter import ImageCache

    lang = language or project.language
    scenes = scenes_for(project, jmap, compare)
    report = SlidesReport(str(folder), (w, h))
    images = ImageCache(project.assets)
    entries = []
    clock_ms = 0
    cues: list[tuple[int, int, str]] = []
    overflows = 0
    total = len(scenes)
    for n, scene in enumerate(scenes, 1):
        if cancel is not None and cancel():
            report.cancelled = True
            return report
        layout = slide_layout(project, jmap, scene, w, h, theme, lang)
        overflows += len(layout.overflows)
        name = slide_name(n)
        atomic_write_bytes(folder / name, png_bytes(render_slide(layout, images)))
        report.files.append(name)
        start = clock_ms
        clock_ms += round(scene.duration * 1000)
        narration = scene.narration.strip()
        cues += narration_cues(narration, start, clock_ms)
        entries.append(
            {
                "order": n,
                "file": name,
                "scene": scene.id,
                "kind": scene.kind,
                "stage": scene.stage,
                "title": scene_title(project, jmap, scene, lang),
                "duration": scene.duration,
                "start": start / 1000,
                "end": clock_ms / 1000,
                "narration": narration,
            }
        )
        if progress is not None:
            progress(n, total)
    report.duration = clock_ms / 1000
    report.warnings += failed_images_warnings(images.failed)
    manifest = {
        "format": "journeydesk-slides",
        "version": 1,
        "project": project.title,
        "map": {"id": jmap.id, "name": jmap.name},
        "language": lang,
        "size": [w, h],
        "mode": "compare" if compares(project, jmap, compare) else "single",
        "duration": report.duration,
        "subtitles": SUBTITLES,
        "slides": entries,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(folder / MANIFEST, text.encode("utf-8"))
    atomic_write_bytes(folder / SUBTITLES, srt_text(cues).encode("utf-8"))
    stale = sorted(
        p.name
        for p in folder.glob("slide-*.png")
        if p.name not in report.files and p.name[6:9].isdigit()
    )
    if stale:
        report.warnings.append(stale_slides_warning(len(stale), stale[0]))
    return report


__all__ = [
    "SIZES",
    "SlidesReport",
    "export_slides",
    "narration_cues",
    "render_slide",
    "slide_name",
    "srt_text",
]
