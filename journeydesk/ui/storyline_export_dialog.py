"""File > Export Storyline: a map's storyline as a folder of slides, an MP4
video or a PowerPoint deck.

The export runs in a worker thread (``export_worker.run_job``) with a
progress bar and Cancel in the dialog itself; a failure is shown in the
dialog as a line of text. The choices are remembered in the settings.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import action_text
from journeydesk.layout.storyline import comparison_pair, scenes_for
from journeydesk.model import JourneyMap, Project
from journeydesk.settings import load_settings, save_settings

from .export_worker import run_job

FORMATS = ("slides", "video", "pptx")
SIZES = ("1280x720", "1920x1080", "3840x2160")
SUFFIX = {"video": ".mp4", "pptx": ".pptx", "slides": ""}


class StorylineExportDialog(QDialog):
    def __init__(
        self,
        project: Project,
        current: JourneyMap | None,
        parent: QWidget | None = None,
        source: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Storyline"))
        self.project = project
        self.source = source
        self.settings = load_settings()
        defaults = self.settings.storyline_export
        self.last_report: object | None = None
        self._cancelled: threading.Event | None = None
        self._default_shown = ""
        """The default output path last put in the field (replaced when the
        format or map changes, unless the user wrote another)."""
        self.written: Path | None = None

        self.map = QComboBox()
        self.map.setAccessibleName(self.tr("Map"))
        for jmap in project.maps:
            self.map.addItem(jmap.name or self.tr("(unnamed map)"), jmap.id)
        if current is not None:
            self.map.setCurrentIndex(max(0, self.map.findData(current.id)))
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        self.format.addItem(self.tr("Slides (PNG images in a folder)"), "slides")
        self.format.addItem(self.tr("Video (MP4)"), "video")
        self.format.addItem(self.tr("PowerPoint deck (PPTX)"), "pptx")
        self.format.setCurrentIndex(max(0, self.format.findData(defaults.format)))
        self.size_choice = QComboBox()
        self.size_choice.setAccessibleName(self.tr("Size"))
        for size in SIZES:
            w, h = size.split("x")
            self.size_choice.addItem(f"{w} × {h}", size)
        self.size_choice.setCurrentIndex(max(0, self.size_choice.findData(defaults.size)))
        self.crossfade = QDoubleSpinBox()
        self.crossfade.setAccessibleName(self.tr("Crossfade"))
        self.crossfade.setRange(0, 2)
        self.crossfade.setSingleStep(0.25)
        self.crossfade.setDecimals(2)
        self.crossfade.setSuffix(" s")
        self.crossfade.setValue(defaults.crossfade)
        self.captions = QCheckBox(self.tr("Narration as captions in the frames"))
        self.captions.setChecked(defaults.captions)
        self.compare = QCheckBox()
        self.output = QLineEdit()
        self.output.setAccessibleName(self.tr("Save to"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        out_row = QHBoxLayout()
        out_row.setContentsMargins(0, 0, 0, 0)
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Map"), self.map)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Size"), self.size_choice)
        form.addRow(self.tr("Crossfade"), self.crossfade)
        form.addRow("", self.captions)
        form.addRow("", self.compare)
        form.addRow(self.tr("Save to"), out_row)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #B03A2E")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.export_button.setText(self.tr("Export"))
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self.map.currentIndexChanged.connect(self._map_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        for signal in (self.size_choice.currentIndexChanged, self.compare.toggled):
            signal.connect(self._update)
        self._map_changed()
        self.adjustSize()

    # --- choices ------------------------------------------------------------

    def chosen_map(self) -> JourneyMap | None:
        return self.project.map_by_id(self.map.currentData() or "")

    def chosen_size(self) -> tuple[int, int]:
        w, h = str(self.size_choice.currentData()).split("x")
        return int(w), int(h)

    def _map_changed(self) -> None:
        self._update_compare()
        self._format_changed()

    def _update_compare(self) -> None:
        jmap = self.chosen_map()
        pair = comparison_pair(self.project, jmap) if jmap is not None else None
        self.compare.blockSignals(True)
        if pair is not None and jmap is not None:
            other = pair[0] if pair[1] is jmap else pair[1]
            self.compare.setText(
                self.tr("Compare stages with “%1”").replace("%1", action_text(other.name))
            )
            self.compare.setEnabled(True)
            self.compare.setChecked(jmap.storyline.mode == "compare")
        else:
            self.compare.setText(self.tr("Compare stages (no map is derived from or for this one)"))
            self.compare.setEnabled(False)
            self.compare.setChecked(False)
        self.compare.blockSignals(False)

    def _default_output(self) -> str:
        fmt = self.format.currentData()
        jmap = self.chosen_map()
        folder = self.settings.storyline_export.folder or (
            str(self.source.parent) if self.source else ""
        )
        stem = self.source.stem if self.source else (self.project.title or "storyline")
        if jmap is not None and len(self.project.maps) > 1:
            stem = f"{stem} - {jmap.name}" if jmap.name else stem
        stem = "".join(c if c not in '/\\:*?"<>|' else "_" for c in stem).strip() or "storyline"
        slides = self.tr("slides")
        name = f"{stem} - {slides}" if fmt == "slides" else stem + SUFFIX[fmt]
        return str(Path(folder) / name) if folder else name

    def _format_changed(self) -> None:
        text = self.output.text().strip()
        if not text or text == self._default_shown:
            self._default_shown = self._default_output()
            self.output.setText(self._default_shown)
        else:  # keep the user's name, with the new format's ending
            path = Path(self.output.text().strip())
            fmt = self.format.currentData()
            base = path.with_suffix("") if path.suffix.lower() in (".mp4", ".pptx") else path
            self.output.setText(str(base) + SUFFIX[fmt])
        self._update()

    def _update(self) -> None:
        is_video = self.format.currentData() == "video"
        self.crossfade.setEnabled(is_video)
        self.captions.setEnabled(is_video)
        jmap = self.chosen_map()
        if jmap is None:
            self.info.setText(self.tr("The project has no map."))
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        scenes = scenes_for(self.project, jmap, self.compare.isChecked())
        seconds = sum(s.duration for s in scenes)
        self.info.setText(
            self.tr("%1 scenes, %2 min %3 s")
            .replace("%1", str(len(scenes)))
            .replace("%2", str(int(seconds // 60)))
            .replace("%3", str(round(seconds % 60)))
        )

    def browse(self) -> None:
        fmt = self.format.currentData()
        current = self.output.text().strip()
        if fmt == "slides":
            name = QFileDialog.getExistingDirectory(
                self, self.tr("Folder for the slides"), str(Path(current).parent)
            )
        else:
            filters = {
                "video": self.tr("MP4 videos (*.mp4)"),
                "pptx": self.tr("PowerPoint decks (*.pptx)"),
            }
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export Storyline"), current, filters[fmt]
            )
        if name:
            self.output.setText(name)

    def remember(self) -> None:
        d = self.settings.storyline_export
        d.format = self.format.currentData()
        d.size = self.size_choice.currentData()
        d.crossfade = self.crossfade.value()
        d.captions = self.captions.isChecked()
        if self.written is not None:
            d.folder = str(self.written.parent)
        save_settings(self.settings)

    # --- export -----------------------------------------------------------------

    def _problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _target(self) -> Path | None:
        """The output path, checked; None after saying what is wrong."""
        fmt = self.format.currentData()
        text = self.output.text().strip()
        if not text:
            self._problem(self.tr("Choose where to save the export."))
            return None
        path = Path(text).expanduser()
        if not path.is_absolute() and self.source is not None:
            path = self.source.parent / path
        if fmt != "slides" and path.suffix.lower() != SUFFIX[fmt]:
            path = path.with_name(path.name + SUFFIX[fmt])
        if self.source is not None and path.exists() and path.resolve() == self.source.resolve():
            self._problem(self.tr("The export would replace the project file itself."))
            return None
        if fmt == "slides":
            if path.exists() and not path.is_dir():
                self._problem(
                    self.tr("“%1” is a file; slides go into a folder.").replace("%1", path.name)
                )
                return None
            if not path.parent.is_dir():
                self._problem(
                    self.tr("The folder “%1” does not exist.").replace("%1", str(path.parent))
                )
                return None
        else:
            if path.is_dir():
                self._problem(
                    self.tr("“%1” is a folder; give a file name.").replace("%1", path.name)
                )
                return None
            if not path.parent.is_dir():
                self._problem(
                    self.tr("The folder “%1” does not exist.").replace("%1", str(path.parent))
                )
                return None
        return path

    def run_export(self) -> bool:
        """Export with the dialog's choices; True when the files were written."""
        jmap = self.chosen_map()
        if jmap is None:
            return False
        self._problem("")
        target = self._target()
        if target is None:
            return False
        fmt = self.format.currentData()
        size = self.chosen_size()
        compare = self.compare.isChecked()
        crossfade, captions = self.crossfade.value(), self.captions.isChecked()
        # The worker reads its own copy: nothing the window does can change it meanwhile.
        project = self.project.model_copy(deep=True)
        chosen = project.map_by_id(jmap.id)
        assert chosen is not None

        def job(progress, cancel):  # type: ignore[no-untyped-def]
            def step(done: int, total: int) -> None:
                progress(done / max(1, total))

            if fmt == "slides":
                from journeydesk.export.slides import export_slides

                os.makedirs(target, exist_ok=True)
                return export_slides(project, chosen, target, size, step, cancel, compare=compare)
            if fmt == "video":
                from journeydesk.export.video import export_video

                return export_video(
                    project,
                    chosen,
                    target,
                    size,
                    crossfade,
                    captions,
                    step,
                    cancel,
                    compare=compare,
                )
            from journeydesk.export.pptx import export_pptx

            return export_pptx(project, chosen, target, size, step, cancel, compare=compare)

        self._cancelled = threading.Event()
        self.progress.setValue(0)
        self.progress.show()
        for widget in (
            self.map,
            self.format,
            self.size_choice,
            self.crossfade,
            self.captions,
            self.compare,
            self.output,
            self.export_button,
        ):
            widget.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Stop"))
        try:
            report, error = run_job(self, job, self.progress.setValue, self._cancelled)
        finally:
            stopped = self._cancelled.is_set()
            self._cancelled = None
            self.progress.hide()
            for widget in (
                self.map,
                self.format,
                self.size_choice,
                self.output,
                self.export_button,
            ):
                widget.setEnabled(True)
            self._update_compare()
            self.compare.setChecked(compare and self.compare.isEnabled())
            self._update()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if error:
            self._problem(self.tr("The export failed: %1").replace("%1", error))
            return False
        if report is None:
            self._problem(self.tr("Stopped: nothing was finished.") if stopped else "")
            return False
        self.last_report = report
        self.written = target
        self.remember()
        return True

    def export(self) -> None:
        if self.run_export():
            parent = self.parent()
            status = getattr(parent, "statusBar", None)
            if callable(status):
                status().showMessage(
                    self.tr("Storyline exported to %1").replace("%1", str(self.written)), 8000
                )
            report_export = getattr(parent, "report_export", None)
            if callable(report_export) and getattr(self.last_report, "warnings", None):
                report_export(self.last_report)  # its warnings, in a window that does not block
            self.accept()

    def cancel_or_close(self) -> None:
        if self._cancelled is not None:
            self._cancelled.set()  # the worker stops soon; run_export returns
        else:
            self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._cancelled is not None:
            self._cancelled.set()
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self._cancelled is not None:  # Esc while exporting: stop, do not vanish
            self._cancelled.set()
            return
        super().reject()


__all__ = ["StorylineExportDialog"]
