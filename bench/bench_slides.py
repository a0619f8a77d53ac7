"""Slides export speed, as a ratio against a bare QImage render in the same run.

The slides: the Italian sample's current-state map with a storyline of 12
visible scenes (title, the four stages, closing, the four stages again, two
custom scenes), at 1920×1080, written by ``export_slides`` into a temporary
folder — scene layout, drawing, PNG encoding, atomic writes, manifest and
subtitles.

The floor, measured in the same run on the same content: the 12 slide
layouts computed beforehand (not timed), each drawn with the QPainter
backend's ``draw`` onto a bare ``QImage`` and saved with ``QImage.save(path)``
— no layout, no atomic write, no manifest.

Best of N runs with ``time.perf_counter``. Run: ``python bench/bench_slides.py
[--runs N] [--size 1920x1080]``. Prints milliseconds and the ratio (goal ≤ 1.5×);
exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QImage, QPainter

from journeydesk.export.png import ensure_gui_app
from journeydesk.export.slides import export_slides
from journeydesk.layout.storyline import scenes_for, slide_layout
from journeydesk.model.project import JourneyMap, Project, Scene, Storyline
from journeydesk.render.qpainter import ImageCache, draw
from journeydesk.templates import new_project


def best_of(runs: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def twelve_scenes(project: Project) -> JourneyMap:
    m = project.maps[0].model_copy(deep=True)
    default = scenes_for(project, m)
    stages = [s for s in default if s.kind == "stage"]
    extra = [
        Scene(kind="custom", title="Perché ora", text="Più ordini, più telefonate: è già così."),
        Scene(
            kind="custom",
            title="Prossimi passi",
            text="Città pilota e calendario.",
            narration="Ciò che faremo.",
        ),
    ]
    m.storyline = Storyline(scenes=[*default, *[s.model_copy() for s in stages], *extra])
    assert len(scenes_for(project, m)) == 12
    return m


def bare(
    project: Project, m: JourneyMap, size: tuple[int, int], folder: Path
) -> Callable[[], None]:
    layouts = [slide_layout(project, m, s, *size) for s in scenes_for(project, m)]
    images = ImageCache(project.assets)

    def run() -> None:
        for n, layout in enumerate(layouts, 1):
            image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
            image.fill(QColor("#FFFFFF"))
            painter = QPainter(image)
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing
                | QPainter.RenderHint.TextAntialiasing
                | QPainter.RenderHint.SmoothPixmapTransform
            )
            for item in layout.sorted_items():
                draw(painter, item.primitives, images)
            painter.end()
            image.save(str(folder / f"bare-{n:03d}.png"), "PNG")  # type: ignore[call-overload]

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.lower().split("x"))
    assert len(size) == 2
    w, h = size
    ensure_gui_app()
    project = new_project("sample", "it")
    m = twelve_scenes(project)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor_fn = bare(project, m, (w, h), folder)
        floor_fn()  # warm up fonts and caches for both
        (folder / "warm").mkdir()
        export_slides(project, m, folder / "warm", (w, h))
        out = folder / "slides"
        out.mkdir()
        full = best_of(args.runs, lambda: export_slides(project, m, out, (w, h)))
        floor = best_of(args.runs, floor_fn)
        layouts = best_of(
            args.runs, lambda: [slide_layout(project, m, s, w, h) for s in scenes_for(project, m)]
        )
        total = sum(p.stat().st_size for p in out.glob("slide-*.png"))
    print(f"12 slides at {w}×{h}, best of {args.runs}")
    print(f"  export_slides:            {full * 1000:8.1f} ms  ({full * 1000 / 12:.1f} ms a slide)")
    print(f"  bare QImage + PNG save:   {floor * 1000:8.1f} ms")
    print(f"  of which slide layouts:   {layouts * 1000:8.1f} ms (all 12)")
    print(f"  PNG bytes written:        {total / 1e6:8.2f} MB")
    print(f"  ratio: {full / floor:.2f}× (goal ≤ 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
