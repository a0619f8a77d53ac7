"""The storyline as an MP4 video: H.264, yuv420p, 30 fps, each scene for its
duration, optional crossfades, and always an ``.srt`` sidecar. With
``captions`` the subtitle cues (at most two lines of 42 characters, timed) are
drawn into the frames of every scene that has a narration, in place of the
slide's own narration band.

Encoded by the ffmpeg that imageio-ffmpeg ships (no network, no system
ffmpeg). Frames are streamed to the encoder one at a time, never all held in
memory; that ffmpeg has no fontconfig, so captions are drawn with QPainter.
QtGui only.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from journeydesk.export.notes import failed_images_warnings
from journeydesk.io.atomic import atomic_write_bytes
from journeydesk.layout.fonts import Face
from journeydesk.layout.storyline import scenes_for, slide_layout
from journeydesk.layout.theme import DEFAULT_THEME, Theme
from journeydesk.model import JourneyMap, Project

FPS = 30


class VideoCancelled(Exception):
    """``cancel()`` asked to stop; nothing was written."""


@dataclass
class VideoReport:
    path: str
    frames: int = 0
    seconds: float = 0.0
    subtitles: str = ""
    scenes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _rgb(image: QImage) -> bytes:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = bytes(rgb.constBits())
    if stride == w * 3:
        return data[: w * h * 3]
    return b"".join(data[y * stride : y * stride + w * 3] for y in range(h))


def _cue_at(cues: list[tuple[int, int, str]], ms: float) -> int:
    """The index of the cue shown at ``ms`` (-1: none)."""
    for n, (start, end, _) in enumerate(cues):
        if start <= ms < end:
            return n
    return len(cues) - 1 if cues and ms >= cues[-1][1] else -1


def _with_caption(image: QImage, text: str) -> QImage:
    """A subtitle cue (its lines split by newlines) drawn over the bottom of
    the frame, centred on a dark band, sized so its longest line fits."""
    lines = tuple(line for line in text.split("\n") if line.strip())
    if not lines:
        return image
    from journeydesk.layout.fonts import metrics
    from journeydesk.layout.primitives import Text
    from journeydesk.render.qpainter import draw

    out = image.copy()
    w, h = out.width(), out.height()
    widest = max(metrics(Face.REGULAR).width(line, 1.0) for line in lines)
    size = min(max(10.0, h * 40 / 1080), w * 0.9 / max(widest, 1e-6))
    lh = size * 1.25
    box_h = lh * len(lines) + size
    top = h - box_h - h * 0.04
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, top, w, box_h), QColor(0, 0, 0, 190))
    x, y = w * 0.05, top + size / 2
    draw(painter, [Text(x, y, w * 0.9, lines, Face.REGULAR, size, "#FFFFFF", lh, "center")])
    painter.end()
    return out


def _blend(a: QImage, b: QImage, t: float) -> QImage:
    out = a.copy()
    painter = QPainter(out)
    painter.setOpacity(t)
    painter.drawImage(0, 0, b)
    painter.end()
    return out


def export_video(
    project: Project,
    jmap: JourneyMap,
    path: str | Path,
    size: tuple[int, int] = (1920, 1080),
    crossfade: float = 0.5,
    captions: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    language: str | None = None,
    theme: Theme = DEFAULT_THEME,
    compare: bool | None = None,
) -> VideoReport:
    """Write the MP4 to ``path`` (atomically: a temporary file in the same
    folder, replaced when complete) and the subtitles beside it as ``.srt``.
    ``progress(frames done, frames in all)`` is called every second of video;
    ``cancel()`` is asked as often and, when true, stops the encoder, deletes
    the partial file and raises ``VideoCancelled``. ``compare``: as in
    ``export_slides``."""
    import imageio_ffmpeg

    from journeydesk.export.png import ensure_gui_app

    from .slides import narration_cues, render_slide, srt_text

    w, h = size
    if w % 2 or h % 2 or not (320 <= w <= 3840 and 180 <= h <= 2160):
        raise ValueError(f"video size {w}×{h} must be even and within 320×180 to 3840×2160")
    if not 0 <= crossfade <= 2:
        raise ValueError("the crossfade must be between 0 and 2 seconds")
    ensure_gui_app()
    from journeydesk.render.qpainter import ImageCache

    target = Path(path)
    lang = language or project.language
    images = ImageCache(project.assets)
    scenes = scenes_for(project, jmap, compare)
    report = VideoReport(str(target))
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".mp4", dir=target.parent if str(target.parent) else "."
    )
    os.close(fd)
    writer = imageio_ffmpeg.write_frames(
        tmp_name,
        (w, h),
        fps=FPS,
        codec="libx264",
        pix_fmt_in="rgb24",
        pix_fmt_out="yuv420p",
        quality=7,
        macro_block_size=2,
        output_params=["-movflags", "+faststart"],
    )
    cues: list[tuple[int, int, str]] = []
    total_frames = sum(max(1, round(s.duration * FPS)) for s in scenes)
    done = 0
    try:
        writer.send(None)
        previous: QImage | None = None
        clock_ms = 0
        for scene in scenes:
            narration = scene.narration.strip()
            # With captions, the narration is shown as timed subtitles instead of
            # the slide's own narration band (never both).
            shown = scene.model_copy(update={"narration": ""}) if captions else scene
            layout = slide_layout(project, jmap, shown, w, h, theme, lang)
            base = render_slide(layout, images)
            frames = max(1, round(scene.duration * FPS))
            fade = min(frames // 2, round(crossfade * FPS)) if previous is not None else 0
            start = clock_ms
            clock_ms += round(frames * 1000 / FPS)
            scene_cues = narration_cues(narration, start, clock_ms)
            cues += scene_cues
            stills: dict[int, tuple[QImage, bytes]] = {}
            frame = base
            for n in range(frames):
                if cancel is not None and n % FPS == 0 and cancel():
                    raise VideoCancelled
                cue = _cue_at(scene_cues, start + n * 1000 / FPS) if captions else -1
                if cue not in stills:
                    image = _with_caption(base, scene_cues[cue][2]) if cue >= 0 else base
                    stills[cue] = (image, _rgb(image))
                frame, still = stills[cue]
                if n < fade and previous is not None:
                    writer.send(_rgb(_blend(previous, frame, (n + 1) / (fade + 1))))
                else:
                    writer.send(still)
                done += 1
                if progress is not None and done % FPS == 0:
                    progress(done, total_frames)
            report.scenes.append(scene.id)
            previous = frame
        writer.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp made it private; a video is not
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(Exception):
            writer.close()
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    report.frames = done
    report.seconds = done / FPS
    srt = target.with_suffix(".srt")
    atomic_write_bytes(srt, srt_text(cues).encode("utf-8"))
    report.subtitles = str(srt)
    report.warnings += failed_images_warnings(images.failed)
    if progress is not None:
        progress(total_frames, total_frames)
    return report


__all__ = ["FPS", "VideoCancelled", "VideoReport", "export_video"]
