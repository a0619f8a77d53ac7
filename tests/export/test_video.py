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


def _frames(path: Path) -> list[bytes]:
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    assert meta["size"] == (320, 180)
    return list(reader)


def _dark_rows(frame: bytes, w: int = 320, h: int = 180) -> float:
    """Share of dark pixels in the bottom fifth of a frame."""
    dark = total = 0
    for y in range(h * 4 // 5, h):
        row = frame[y * w * 3 : (y + 1) * w * 3]
        for x in range(0, w * 3, 6):
            total += 1
            dark += sum(row[x : x + 3]) < 300
    return dark / total


def test_captions_draw_the_narration_into_the_frames(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    jmap.storyline.scenes = [
        Scene(kind="title", title=jmap.name, duration=1.0, narration="Welcome to the map."),
        Scene(kind="custom", title="Thanks", text="Questions?", duration=1.0),
    ]
    plain, captioned = tmp_path / "plain.mp4", tmp_path / "captioned.mp4"
    export_video(project, jmap, plain, (320, 180), crossfade=0)
    export_video(project, jmap, captioned, (320, 180), crossfade=0, captions=True)
    assert plain.read_bytes() != captioned.read_bytes()
    a, b = _frames(plain), _frames(captioned)
    assert len(a) == len(b) == 2 * FPS
    # the title scene has a narration: a dark subtitle band at the bottom
    assert _dark_rows(b[10]) > _dark_rows(a[10]) + 0.3
    # the closing custom scene has none: the same frame either way
    assert _dark_rows(b[-1]) == pytest.approx(_dark_rows(a[-1]), abs=0.02)


def test_a_long_narration_changes_caption_in_time(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    narration = (
        "The first sentence is long enough to fill a whole subtitle cue of two lines. "
        "The second sentence follows it in a cue of its own, a little later on screen."
    )
    jmap.storyline.scenes = [
        Scene(kind="stage", stage=jmap.stages[0].id, duration=2.0, narration=narration)
    ]
    out = tmp_path / "long.mp4"
    export_video(project, jmap, out, (320, 180), crossfade=0, captions=True)
    srt = out.with_suffix(".srt").read_text("utf-8")
    blocks = [b.splitlines() for b in srt.strip().split("\n\n")]
    assert len(blocks) >= 2
    assert all(len(b) - 2 <= 2 and all(len(line) <= 42 for line in b[2:]) for b in blocks)
    frames = _frames(out)
    # the caption shown early differs from the one shown late
    assert frames[5] != frames[-5]
