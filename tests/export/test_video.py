"""The storyline video: frame count and duration read back from the MP4,
subtitles beside it, nothing written when cancelled. Kept small and short."""

from __future__ import annotations

from pathlib import Path

import imageio_ffmpeg
import pytest

from journeydesk import templates
from journeydesk.export.cli import run_export
from journeydesk.export.video import FPS, VideoCancelled, export_video
from journeydesk.io import write_project
from journeydesk.model import Project, Scene


def _short(project: Project) -> Project:
    """Three short scenes: a title, one stage, a custom scene with narration."""
    jmap = project.maps[0]
    jmap.storyline.scenes = [
        Scene(kind="title", title=jmap.name, duration=0.5),
        Scene(
            kind="stage",
            stage=jmap.stages[1].id,
            duration=1.0,
            narration="Nel confronto lo sforzo tocca il picco. Poi arriva la scelta.",
        ),
        Scene(
            kind="custom",
            title="Grazie",
            text="Domande?",
            duration=0.5,
            narration="Grazie per l’attenzione.",
        ),
        Scene(kind="custom", title="Nascosta", hidden=True, duration=5),
    ]
    return project


def test_frames_and_seconds_read_back(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    project = _short(templates.new_project("sample", "it"))
    out = tmp_path / "story.mp4"
    report = export_video(project, project.maps[0], out, (320, 180), crossfade=0.2, captions=True)
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(out))
    assert frames == report.frames == round((0.5 + 1.0 + 0.5) * FPS)
    assert seconds == pytest.approx(2.0, abs=0.05)
    srt = out.with_suffix(".srt").read_text("utf-8")
    assert "00:00:00,500 --> " in srt and "Grazie per l’attenzione." in srt
    assert "00:00:02,000" in srt  # the last cue ends with the video
    assert not list(tmp_path.glob(".story.mp4.*"))  # no temporary file left


def test_cancel_writes_nothing(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    project = _short(templates.new_project("sample", "en"))
    out = tmp_path / "never.mp4"
    with pytest.raises(VideoCancelled):
        export_video(project, project.maps[0], out, (320, 180), cancel=lambda: True)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_cli_and_bad_sizes(tmp_path: Path) -> None:
    project = _short(templates.new_project("sample", "en"))
    src = tmp_path / "p.journey"
    write_project(project, src)
    out = tmp_path / "s.mp4"
    assert (
        run_export(["video", str(src), "-o", str(out), "--size", "1280x720", "--crossfade", "0"])
        == 0
    )
    assert imageio_ffmpeg.count_frames_and_secs(str(out))[0] == 2 * FPS
    assert run_export(["video", str(src), "-o", str(src)]) == 1
    assert run_export(["video", str(src), "-o", str(out), "--crossfade", "9"]) == 2
    assert run_export(["video", str(src), "-o", str(out), "--size", "333x333"]) == 2


def test_the_video_gets_ordinary_permissions(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    import os
    import stat

    project = _short(templates.new_project("blank", "en"))
    out = tmp_path / "v.mp4"
    export_video(project, project.maps[0], out, (320, 180), crossfade=0)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
