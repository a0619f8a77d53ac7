"""PNG export: the QPainter drawing at a chosen DPI, written atomically."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image as PilImage

from journeydesk.export.png import MAX_PIXELS, PngTooLargeError, export_png, image_size
from journeydesk.layout.engine import MapLayouter
from journeydesk.model import Project


def test_png_at_150_dpi(project: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "m.png"
    report = export_png(project, project.maps[0], out)
    layout = MapLayouter().layout(project, project.maps[0])
    with PilImage.open(out) as image:
        assert image.format == "PNG"
        assert image.size == image_size(layout, 150) == (report.width, report.height)
        assert image.size == (round(layout.width * 150 / 72), round(layout.height * 150 / 72))
        dpi = image.info.get("dpi")
        assert dpi is not None and dpi[0] == pytest.approx(150, abs=0.1)
        gray = image.convert("L")
        dark = sum(1 for v in gray.tobytes() if v < 128)
        assert dark > 0.01 * image.size[0] * image.size[1]  # a drawing, not a blank page


def test_png_dpi_scales_the_image(project: Project, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    a = export_png(project, project.maps[0], tmp_path / "a.png", dpi=72)
    b = export_png(project, project.maps[0], tmp_path / "b.png", dpi=144)
    assert b.width == pytest.approx(2 * a.width, abs=1)
    assert b.height == pytest.approx(2 * a.height, abs=1)


def test_png_refuses_absurd_sizes(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journeydesk.export import png

    assert MAX_PIXELS == 3_000_000_000
    monkeypatch.setattr(png, "MAX_PIXELS", 100_000)
    with pytest.raises(PngTooLargeError, match="--dpi"):
        export_png(project, project.maps[0], tmp_path / "x.png", dpi=300)
    with pytest.raises(ValueError):
        export_png(project, project.maps[0], tmp_path / "x.png", dpi=5)
    assert not (tmp_path / "x.png").exists()


def test_png_needs_no_display(project: Project, tmp_path: Path) -> None:
    """In a fresh process with no display and no platform set, Qt goes offscreen
    by itself, and no widgets module is loaded."""
    from journeydesk.io import write_project

    src = tmp_path / "p.journey"
    write_project(project, src)
    out = tmp_path / "p.png"
    code = (
        "import sys\n"
        "from journeydesk.export.cli import run_export\n"
        f"rc = run_export(['png', {str(src)!r}, '-o', {str(out)!r}, '--dpi', '40'])\n"
        "import os\n"
        "print(rc, os.environ.get('QT_QPA_PLATFORM'), 'PySide6.QtWidgets' in sys.modules)\n"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.stdout.split() == ["0", "offscreen", "False"], done.stderr
    assert out.stat().st_size > 1000


def test_png_warns_when_many_readers_would_refuse_it(
    project: Project, tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Over the readers' limit the report says so and names a DPI that fits."""
    from journeydesk.export import png
    from journeydesk.ui.export_warnings import say

    assert png.VIEWER_PIXELS == PilImage.MAX_IMAGE_PIXELS  # Pillow's own warning threshold
    small = export_png(project, project.maps[0], tmp_path / "small.png", dpi=72)
    assert not any(getattr(w, "key", "") == "large_image" for w in small.warnings)

    w72, h72 = small.width, small.height
    monkeypatch.setattr(png, "VIEWER_PIXELS", w72 * h72 * 2)  # as if 72 DPI were near the limit
    report = export_png(project, project.maps[0], tmp_path / "big.png", dpi=150)
    (warning,) = [w for w in report.warnings if getattr(w, "key", "") == "large_image"]
    assert f"{report.width:,}×{report.height:,} pixels" in warning
    dpi = warning.values["dpi"]  # type: ignore[attr-defined]
    layout = MapLayouter().layout(project, project.maps[0])
    fw, fh = image_size(layout, dpi)
    nw, nh = image_size(layout, dpi + 1)
    assert fw * fh <= w72 * h72 * 2 < nw * nh  # the largest DPI that fits
    assert f"{dpi} DPI or less" in warning
    assert say(warning).startswith("The image is")
    with PilImage.open(tmp_path / "big.png") as img:  # the file itself is whole
        assert img.size == (report.width, report.height)
