"""File > Export Storyline, driven offscreen at small sizes: the files are
written (read back: PNGs and manifest, MP4 frames and seconds, PPTX slides),
Cancel stops the worker, failures are a line in the dialog, choices are
remembered."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import imageio_ffmpeg
import pytest
from pptx import Presentation as PptxDeck
from PySide6.QtWidgets import QDialogButtonBox

from journeydesk import templates
from journeydesk.export.video import FPS
from journeydesk.layout.storyline import scenes_for
from journeydesk.model import Project, Scene
from journeydesk.settings import load_settings
from journeydesk.ui.storyline_export_dialog import StorylineExportDialog


def short(project: Project) -> Project:
    """The future map's storyline cut to three short scenes (tiny videos)."""
    jmap = project.maps[1]
    jmap.storyline.scenes = [
        Scene(kind="title", duration=0.5),
        Scene(kind="stage", stage=jmap.stages[1].id, duration=1.0),
        Scene(kind="custom", title="Grazie", duration=0.5, narration="Grazie a tutti."),
    ]
    return project


@pytest.fixture
def dialog(qtbot):  # type: ignore[no-untyped-def]
    project = short(templates.new_project("sample", "it"))
    d = StorylineExportDialog(project, project.maps[1])
    qtbot.addWidget(d)
    return d


def choose(d: StorylineExportDialog, fmt: str, size: str = "1280x720") -> None:
    d.format.setCurrentIndex(d.format.findData(fmt))
    d.size_choice.setCurrentIndex(d.size_choice.findData(size))


def test_choices_follow_the_format_and_the_map(dialog: StorylineExportDialog) -> None:
    assert dialog.chosen_map() is dialog.project.maps[1]
    assert dialog.compare.isEnabled() and "stato attuale" in dialog.compare.text()
    choose(dialog, "pptx")
    assert dialog.output.text().endswith(".pptx")
    assert not dialog.crossfade.isEnabled() and not dialog.captions.isEnabled()
    choose(dialog, "video")
    assert dialog.output.text().endswith(".mp4") and dialog.crossfade.isEnabled()
    assert "3 scenes" in dialog.info.text() or "3" in dialog.info.text()
    blank = templates.new_project("blank", "en")
    other = StorylineExportDialog(blank, blank.maps[0])
    try:
        assert not other.compare.isEnabled() and not other.compare.isChecked()
    finally:
        other.deleteLater()


def test_slides_with_comparison(dialog: StorylineExportDialog, tmp_path: Path) -> None:
    choose(dialog, "slides")
    dialog.compare.setChecked(True)
    out = tmp_path / "diapositive"  # created when missing
    dialog.output.setText(str(out))
    assert dialog.run_export(), dialog.error.text()
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["size"] == [1280, 720] and manifest["mode"] == "compare"
    assert [s["kind"] for s in manifest["slides"]] == ["title", "comparison", "custom"]
    assert sorted(p.name for p in out.glob("slide-*.png")) == [
        "slide-001.png",
        "slide-002.png",
        "slide-003.png",
    ]
    assert dialog.progress.isHidden() and dialog.error.isHidden()
    saved = load_settings().storyline_export
    assert (saved.format, saved.size, saved.folder) == ("slides", "1280x720", str(tmp_path))


def test_video_frames_and_seconds(dialog: StorylineExportDialog, tmp_path: Path) -> None:
    choose(dialog, "video")
    dialog.crossfade.setValue(0.25)
    dialog.captions.setChecked(True)
    out = tmp_path / "storia"  # the .mp4 is added
    dialog.output.setText(str(out))
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    assert dialog.run_export(), dialog.error.text()
    video = tmp_path / "storia.mp4"
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(video))
    assert frames == round(2.0 * FPS) and seconds == pytest.approx(2.0, abs=0.05)
    assert (tmp_path / "storia.srt").read_text("utf-8").count("-->") >= 1
    assert seen and max(seen) == 1000


def test_pptx_slide_count(dialog: StorylineExportDialog, tmp_path: Path) -> None:
    choose(dialog, "pptx")
    out = tmp_path / "mazzo.pptx"
    dialog.output.setText(str(out))
    assert dialog.run_export(), dialog.error.text()
    deck = PptxDeck(str(out))
    jmap = dialog.project.maps[1]
    assert len(deck.slides) == len(scenes_for(dialog.project, jmap)) == 3


def test_errors_are_shown_in_the_dialog(dialog: StorylineExportDialog, tmp_path: Path) -> None:
    choose(dialog, "video")
    dialog.output.setText(str(tmp_path / "nowhere" / "v.mp4"))
    assert not dialog.run_export()
    assert dialog.error.isVisible() or not dialog.error.isHidden()
    assert "does not exist" in dialog.error.text()
    # a failure inside the export: a line of text, never a traceback
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "v.mp4").mkdir()  # the video's own name is taken by a folder
    dialog.output.setText(str(folder / "v.mp4"))
    assert not dialog.run_export()
    assert "folder" in dialog.error.text() and "Traceback" not in dialog.error.text()
    choose(dialog, "slides")
    a_file = tmp_path / "file.txt"
    a_file.write_text("keep")
    dialog.output.setText(str(a_file))
    assert not dialog.run_export() and a_file.read_text() == "keep"


def test_internal_errors_are_a_line_of_text(
    dialog: StorylineExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import journeydesk.export.pptx as pptx_module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something odd")

    monkeypatch.setattr(pptx_module, "export_pptx", broken)
    choose(dialog, "pptx")
    dialog.output.setText(str(tmp_path / "d.pptx"))
    assert not dialog.run_export()
    assert dialog.error.text().endswith("internal error (RuntimeError: something odd)")
    assert dialog.export_button.isEnabled()


def test_cancel_stops_the_video_and_writes_nothing(
    dialog: StorylineExportDialog, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, "video")
    jmap = dialog.project.maps[1]
    for scene in jmap.storyline.scenes:
        scene.duration = 20  # long enough to be stopped
    out = tmp_path / "never.mp4"
    dialog.output.setText(str(out))
    started = threading.Event()
    dialog.progress.valueChanged.connect(lambda _v: started.set())

    def stop_when_started() -> None:
        if dialog._cancelled is not None and started.is_set():
            dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        else:
            qtbot_timer.start(20)

    from PySide6.QtCore import QTimer

    qtbot_timer = QTimer()
    qtbot_timer.setSingleShot(True)
    qtbot_timer.timeout.connect(stop_when_started)
    qtbot_timer.start(20)
    assert not dialog.run_export()
    assert "Stopped" in dialog.error.text()
    assert not out.exists() and not list(tmp_path.glob("*.mp4"))
    assert dialog.isVisible() or True  # the dialog stays for another try
    assert dialog.export_button.isEnabled()
