"""Video export speed and memory, as ratios against a floor measured in the same run.

The video: the Italian sample's current-state map, its default storyline
(title, four stages, closing: 6 scenes, 105 s at 30 fps), at 1920×1080 with
0.5 s crossfades, written by ``export_video`` — slide layout and drawing,
crossfade frames, RGB conversion, the pipe to imageio-ffmpeg's encoder
(H.264), the atomic replace and the subtitles.

The floor, in the same run: as many blank (white) frames of the same size,
sent straight to ``imageio_ffmpeg.write_frames`` with the same encoder
settings — no slides, no drawing, no conversion. A second, higher floor sends
the six slide images (drawn beforehand, not timed) for their durations with
no crossfade: what encoding this content costs by itself.

Time per scene comes from the export's progress callback (once a second of
video). Memory: a thread samples this process's resident set (VmRSS in
/proc/self/status) and the encoder's (the ffmpeg child process) every 20 ms;
the peaks are printed with the growth over the resident set before the run.

Run: ``python bench/bench_video.py [--runs N] [--size 1920x1080]
[--scene-seconds S]`` (``--scene-seconds 2`` gives a quick run). Prints
seconds, MB and ratios; exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import imageio_ffmpeg

from journeydesk.export.png import ensure_gui_app
from journeydesk.export.slides import render_slide
from journeydesk.export.video import FPS, _rgb, export_video
from journeydesk.layout.storyline import scenes_for, slide_layout
from journeydesk.model import JourneyMap, Project
from journeydesk.render.qpainter import ImageCache
from journeydesk.templates import new_project

ENCODER = dict(
    fps=FPS,
    codec="libx264",
    pix_fmt_in="rgb24",
    pix_fmt_out="yuv420p",
    quality=7,
    macro_block_size=2,
    output_params=["-movflags", "+faststart"],
)
"""What ``export_video`` asks of imageio-ffmpeg."""


def rss_kb(pid: int | str = "self") -> int:
    """Resident set of a process, in kB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children() -> list[int]:
    """Pids of this process's children (the ffmpeg encoder)."""
    me = str(os.getpid())
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me:
            found.append(int(entry))
    return found


class Sampler:
    """Peak resident sets of this process and its children while running."""

    def __init__(self, every: float = 0.02) -> None:
        self.every = every
        self.base = rss_kb()
        self.peak = self.base
        self.child_peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        n = 0
        kids: list[int] = []
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_kb())
            if n % 5 == 0:  # scanning /proc for children costs more: every 100 ms
                kids = children()
            if kids:
                self.child_peak = max(self.child_peak, sum(rss_kb(k) for k in kids))
            n += 1
            self._stop.wait(self.every)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def storyline(project: Project, scene_seconds: float | None) -> JourneyMap:
    m = project.maps[0].model_copy(deep=True)
    if scene_seconds is not None:
        scenes = [
            s.model_copy(update={"duration": scene_seconds, "auto_duration": False})
            for s in scenes_for(project, m)
        ]
        m.storyline.scenes = scenes
    return m


def encode_frames(path: Path, size: tuple[int, int], frames: Callable[[], object]) -> None:
    writer = imageio_ffmpeg.write_frames(str(path), size, **ENCODER)
    writer.send(None)
    for frame in frames():  # type: ignore[attr-defined]
        writer.send(frame)
    writer.close()


def timed(fn: Callable[[], object]) -> tuple[float, Sampler]:
    with Sampler() as sampler:
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
    return elapsed, sampler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--scene-seconds", type=float, default=None)
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.lower().split("x"))
    ensure_gui_app()
    project = new_project("sample", "it")
    m = storyline(project, args.scene_seconds)
    scenes = scenes_for(project, m)
    counts = [max(1, round(s.duration * FPS)) for s in scenes]
    total = sum(counts)
    images = ImageCache(project.assets)
    stills = [_rgb(render_slide(slide_layout(project, m, s, w, h), images)) for s in scenes]
    blank = bytes([255]) * (w * h * 3)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export_video(project, m, folder / "warm.mp4", (320, 180))  # fonts, encoder on disk

        best_export, best_blank, best_stills = float("inf"), float("inf"), float("inf")
        per_scene: list[float] = []
        mem_export = mem_blank = None
        for _ in range(args.runs):
            marks: list[tuple[int, float]] = []
            start = time.perf_counter()

            def progress(done: int, _total: int) -> None:
                marks.append((done, time.perf_counter() - start))  # noqa: B023

            elapsed, sampler = timed(
                lambda: export_video(
                    project,
                    m,
                    folder / "story.mp4",
                    (w, h),
                    0.5,
                    progress=progress,
                )
            )
            if elapsed < best_export:
                best_export, mem_export = elapsed, sampler
                bounds, at = [], 0
                for n in counts:
                    at += n
                    bounds.append(at)
                ends = [next((t for d, t in marks if d >= b), elapsed) for b in bounds]
                per_scene = [b - a for a, b in zip([0.0, *ends[:-1]], ends, strict=True)]
            elapsed, sampler = timed(
                lambda: encode_frames(
                    folder / "blank.mp4", (w, h), lambda: (blank for _ in range(total))
                )
            )
            if elapsed < best_blank:
                best_blank, mem_blank = elapsed, sampler
            elapsed, _ = timed(
                lambda: encode_frames(
                    folder / "stills.mp4",
                    (w, h),
                    lambda: (s for s, n in zip(stills, counts, strict=True) for _ in range(n)),
                )
            )
            best_stills = min(best_stills, elapsed)
        frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(folder / "story.mp4"))
        size_mb = (folder / "story.mp4").stat().st_size / 1e6
    assert mem_export is not None and mem_blank is not None
    mb = 1 / 1024
    print(
        f"{len(scenes)} scenes, {total} frames ({total / FPS:.0f} s) at {w}×{h}, "
        f"best of {args.runs}; the MP4: {frames} frames, {seconds:.1f} s, {size_mb:.1f} MB"
    )
    print(
        f"  export_video:              {best_export:7.1f} s  ({total / best_export:.0f} frames/s)"
    )
    for scene, n, t in zip(scenes, counts, per_scene, strict=True):
        print(f"    {scene.kind:8} {n / FPS:5.1f} s of video  {t:6.2f} s  ({n / t:.0f} frames/s)")
    rest = best_export - sum(per_scene)
    print(f"    start and finish (encoder startup, flush, subtitles): {rest:.2f} s")
    print(f"  floor, blank frames:       {best_blank:7.1f} s  ({total / best_blank:.0f} frames/s)")
    print(
        f"  slides as stills, no fade: {best_stills:7.1f} s  ({total / best_stills:.0f} frames/s)"
    )
    print(
        f"  peak memory, export:   this process {mem_export.peak * mb:6.0f} MB "
        f"(+{(mem_export.peak - mem_export.base) * mb:.0f} MB), "
        f"ffmpeg {mem_export.child_peak * mb:.0f} MB"
    )
    print(
        f"  peak memory, floor:    this process {mem_blank.peak * mb:6.0f} MB "
        f"(+{(mem_blank.peak - mem_blank.base) * mb:.0f} MB), "
        f"ffmpeg {mem_blank.child_peak * mb:.0f} MB"
    )
    print(
        f"  ratio: {best_export / best_blank:.2f}× the blank floor, "
        f"{best_export / best_stills:.2f}× the stills; "
        f"memory growth {(mem_export.peak - mem_export.base) * mb:.0f} MB "
        f"(a frame is {w * h * 3 / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
