"""The export dialog: PDF poster, PNG image, offline HTML page or SVG drawing,
with a preview of the first page drawn by our own QPainter backend, progress
with cancel, and the last choices remembered in the settings. Each format is
written by the same export function the command line uses, so the dialog and
``journeydesk export`` give the same file and the same warnings."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeydesk.canvas.plain import plain_label, plain_text
from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.document.language import shown_language
from journeydesk.export.html import export_html
from journeydesk.export.pdf.poster import PosterOptions, export_pdf, plan_map
from journeydesk.export.persona import export_persona_pdf
from journeydesk.export.png import export_png
from journeydesk.export.svg import export_svg
from journeydesk.layout.engine import LayoutOptions, MapLayouter
from journeydesk.layout.papers import PAPER_NAMES, TILE_NAMES
from journeydesk.layout.persona import persona_sheet
from journeydesk.layout.primitives import MapLayout
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import ExportProfile, JourneyMap, Persona, Project
from journeydesk.render.qpainter import ImageCache, draw_preview
from journeydesk.settings import ExportDefaults, load_settings, save_settings

from .export_worker import Worker, run_job

PREVIEW_SIZE = 420

SUFFIXES = {"pdf": ".pdf", "png": ".png", "html": ".html", "svg": ".svg", "persona": ".pdf"}


_Worker = Worker  # the name the tests know


class ExportDialog(QDialog):
    def __init__(
        self,
        project: Project,
        current: JourneyMap | None,
        parent: QWidget | None = None,
        source: Path | None = None,
        document: Document | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.project = project
        self.document = document
        """Where saving a profile goes (an undoable edit of the project)."""
        self.source = source
        self.settings = load_settings()
        defaults = self.settings.export
        self.last_report: object | None = None
        self._layout: tuple[tuple[str, LayoutOptions], MapLayout] | None = None
        self._images = ImageCache(project.assets)
        self._thumbnail: tuple[MapLayout, QPixmap] | None = None

        self.format = QComboBox()
        self.format.addItem(self.tr("PDF poster"), "pdf")
        self.format.addItem(self.tr("PNG image"), "png")
        self.format.addItem(self.tr("HTML page (opens offline in a browser)"), "html")
        self.format.addItem(self.tr("SVG drawing (one map, text as text)"), "svg")
        if project.personas:
            self.format.addItem(self.tr("Persona sheets (PDF, one A4 page each)"), "persona")
        self.maps = QListWidget()
        self.maps.setAccessibleName(self.tr("Maps to export"))
        for jmap in project.maps:
            item = QListWidgetItem(jmap.name)
            item.setData(Qt.ItemDataRole.UserRole, jmap.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = current is None or jmap.id == current.id
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.maps.addItem(item)
        self.maps.setMaximumHeight(110)
        self.personas = QListWidget()
        self.personas.setAccessibleName(self.tr("Personas to export"))
        for persona in project.personas:
            item = QListWidgetItem(persona.name)
            item.setData(Qt.ItemDataRole.UserRole, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.personas.addItem(item)
        self.personas.setMaximumHeight(110)

        self.profile = QComboBox()
        self.profile.addItem(self.tr("(last used)"), None)
        for p in project.export_profiles:
            self.profile.addItem(p.name, p.id)
        self.paper = QComboBox()
        self.paper.setEditable(True)
        self.paper.addItems([name if name.isupper() else name.capitalize() for name in PAPER_NAMES])
        self.paper.setToolTip(self.tr("A0–A4, Letter, Legal, Tabloid, ANSI C/D/E, or WxHmm"))
        self.orientation = QComboBox()
        for value, text in (
            ("auto", self.tr("Automatic")),
            ("landscape", self.tr("Landscape")),
            ("portrait", self.tr("Portrait")),
        ):
            self.orientation.addItem(text, value)
        self.tile = QComboBox()
        self.tile.addItem(self.tr("No tiling (one sheet)"), None)
        for name in TILE_NAMES:
            self.tile.addItem(
                self.tr("Tile on %1 sheets").replace(
                    "%1", name.capitalize() if name.islower() else name
                ),
                name,
            )
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0, 50)
        self.overlap.setSuffix(" mm")
        self.bleed = QCheckBox(self.tr("3 mm bleed and crop marks (print shop)"))
        self.crop_marks = QCheckBox(self.tr("Crop marks only"))
        self.dpi = QSpinBox()
        self.dpi.setRange(36, 1200)
        self.dpi.setSuffix(" dpi")
        self.comments = QCheckBox(self.tr("Show comment counts"))
        self.legend = QCheckBox(self.tr("Legend"))
        self.lanes = QListWidget()
        self.lanes.setAccessibleName(self.tr("Lanes to show"))
        self.lanes.setMaximumHeight(150)
        self._fill_lane_kinds(defaults.hide_lane_kinds)

        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Maps"), self.maps)
        form.addRow(self.tr("Personas"), self.personas)
        self.form = form
        form.addRow(self.tr("Profile"), self.profile)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Tiling"), self.tile)
        form.addRow(self.tr("Overlap"), self.overlap)
        form.addRow("", self.bleed)
        form.addRow("", self.crop_marks)
        form.addRow(self.tr("Resolution"), self.dpi)
        content = self.content = QGroupBox(self.tr("Content"))
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.lanes)
        content_layout.addWidget(self.comments)
        content_layout.addWidget(self.legend)

        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Preview of the first page"))
        self.info = plain_label()
        self.info.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.preview)
        right.addWidget(self.info)
        right.addStretch(1)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(content)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Export…"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        save_profile = buttons.addButton(
            self.tr("Save as Profile…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        save_profile.setEnabled(document is not None)
        save_profile.clicked.connect(self.ask_profile_name)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addLayout(right)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(buttons)

        self._apply_defaults(defaults)
        for signal in (
            self.format.currentIndexChanged,
            self.paper.currentTextChanged,
            self.orientation.currentIndexChanged,
            self.tile.currentIndexChanged,
            self.bleed.toggled,
            self.crop_marks.toggled,
            self.comments.toggled,
            self.legend.toggled,
            self.maps.itemChanged,
            self.personas.itemChanged,
            self.lanes.itemChanged,
            self.dpi.valueChanged,
        ):
            signal.connect(self.update_preview)
        self.profile.currentIndexChanged.connect(self._apply_profile)
        self.update_preview()

    # --- choices ----------------------------------------------------------

    def _fill_lane_kinds(self, hidden: list[str]) -> None:
        vocab = Vocabulary(self.project, shown_language())
        kinds: dict[str, None] = {}
        for jmap in self.project.maps:
            for lane in jmap.lanes:
                kinds.setdefault(lane.kind)
        self.lanes.clear()
        for kind in kinds:
            item = QListWidgetItem(vocab.label("lane_kinds", kind))
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if kind in hidden else Qt.CheckState.Checked)
            self.lanes.addItem(item)

    def _apply_defaults(self, d: ExportDefaults) -> None:
        self.format.setCurrentIndex(max(0, self.format.findData(d.format)))
        self.paper.setCurrentText(d.paper)
        self.orientation.setCurrentIndex(max(0, self.orientation.findData(d.orientation)))
        self.tile.setCurrentIndex(max(0, self.tile.findData(d.tile)))
        self.overlap.setValue(d.overlap_mm)
        self.bleed.setChecked(d.bleed)
        self.crop_marks.setChecked(d.crop_marks)
        self.dpi.setValue(d.dpi)
        self.comments.setChecked(d.comments)
        self.legend.setChecked(d.legend)

    def _apply_profile(self) -> None:
        profile_id = self.profile.currentData()
        profile = next((p for p in self.project.export_profiles if p.id == profile_id), None)
        if profile is None:
            return
        self._apply_defaults(
            ExportDefaults(
                format=self.format.currentData(),
                paper=profile.paper,
                orientation=profile.orientation,
                tile=profile.tile,
                overlap_mm=profile.overlap_mm,
                bleed=profile.bleed,
                crop_marks=profile.crop_marks,
                dpi=self.dpi.value(),
                hide_lane_kinds=list(profile.hide_lane_kinds),
                comments=profile.comments,
                legend=profile.legend,
            )
        )
        self._fill_lane_kinds(list(profile.hide_lane_kinds))
        self.update_preview()

    def ask_profile_name(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save as Profile"), self.tr("Name of the export profile:")
        )
        if ok and name.strip():
            self.save_profile(name.strip())

    def save_profile(self, name: str) -> ExportProfile | None:
        """Keep the current choices in the project as an export profile (one undo
        step; a profile of the same name is replaced)."""
        if self.document is None:
            return None
        doc = self.document
        existing = next((p for p in self.project.export_profiles if p.name == name), None)
        profile = ExportProfile(
            name=name,
            paper=self.paper.currentText().strip() or "A1",
            orientation=self.orientation.currentData(),
            tile=self.tile.currentData(),
            overlap_mm=self.overlap.value(),
            bleed=self.bleed.isChecked(),
            crop_marks=self.crop_marks.isChecked(),
            hide_lane_kinds=self.hidden_lane_kinds(),
            comments=self.comments.isChecked(),
            legend=self.legend.isChecked(),
            logo=existing.logo if existing else None,
            brand_colour=existing.brand_colour if existing else None,
        )
        verbs.save_export_profile(doc, profile, existing.id if existing is not None else None)
        self.profile.addItem(name, profile.id)
        self.profile.setCurrentIndex(self.profile.count() - 1)
        return profile

    def chosen_maps(self) -> list[JourneyMap]:
        ids = _checked_ids(self.maps)
        return [m for m in self.project.maps if m.id in ids]

    def chosen_personas(self) -> list[Persona]:
        ids = _checked_ids(self.personas)
        return [p for p in self.project.personas if p.id in ids]

    def hidden_lane_kinds(self) -> list[str]:
        return [
            self.lanes.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.lanes.count())
            if self.lanes.item(i).checkState() != Qt.CheckState.Checked
        ]

    def layout_options(self) -> LayoutOptions:
        profile_id = self.profile.currentData()
        profile = next((p for p in self.project.export_profiles if p.id == profile_id), None)
        return LayoutOptions(
            hide_lane_kinds=frozenset(self.hidden_lane_kinds()),
            comments=self.comments.isChecked(),
            legend=self.legend.isChecked(),
            logo=profile.logo if profile else None,
            brand_colour=profile.brand_colour if profile else None,
            lanes=(
                frozenset(
                    lane.id
                    for m in self.project.maps
                    for lane in m.lanes
                    if lane.id not in profile.hidden_lanes
                )
                if profile and profile.hidden_lanes
                else None
            ),
        )

    def poster_options(self) -> PosterOptions:
        return PosterOptions(
            paper=self.paper.currentText().strip() or "A1",
            orientation=self.orientation.currentData(),
            tile=self.tile.currentData(),
            overlap_mm=self.overlap.value(),
            bleed=self.bleed.isChecked() and self.tile.currentData() is None,
            crop_marks=self.crop_marks.isChecked() and self.tile.currentData() is None,
            layout_options=self.layout_options(),
        )

    def defaults(self) -> ExportDefaults:
        return self.settings.export.model_copy(
            update=dict(
                format=self.format.currentData(),
                paper=self.paper.currentText().strip() or "A1",
                orientation=self.orientation.currentData(),
                tile=self.tile.currentData(),
                overlap_mm=self.overlap.value(),
                bleed=self.bleed.isChecked(),
                crop_marks=self.crop_marks.isChecked(),
                dpi=self.dpi.value(),
                hide_lane_kinds=self.hidden_lane_kinds(),
                comments=self.comments.isChecked(),
                legend=self.legend.isChecked(),
            )
        )

    # --- preview ----------------------------------------------------------

    def _preview_layout(self, jmap: JourneyMap) -> MapLayout:
        """The map's layout for the chosen options, kept while they stay the same:
        the resolution, the paper and the format do not change it, and laying out a
        20,000-card map again took 1.5 s at every step of the DPI box."""
        key = (jmap.id, self.layout_options())
        if self._layout is None or self._layout[0] != key:
            self._layout = (key, MapLayouter().layout(self.project, jmap, key[1]))
        return self._layout[1]

    def _map_image(self, layout: MapLayout) -> QImage:
        """The map alone, PREVIEW_SIZE pixels on its longer side (the PNG, HTML and
        SVG previews: kept while the layout is, so the DPI box redraws nothing)."""
        scale = PREVIEW_SIZE / max(layout.width, layout.height)
        image = QImage(
            max(1, round(layout.width * scale)),
            max(1, round(layout.height * scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        draw_preview(painter, layout, scale, self._images)
        painter.end()
        return image

    def update_preview(self) -> None:
        kind = self.format.currentData()
        is_pdf = kind == "pdf"
        sheets = kind == "persona"
        self.form.setRowVisible(self.maps, not sheets)
        self.form.setRowVisible(self.personas, sheets)
        self.content.setEnabled(not sheets)
        for widget in (
            self.paper,
            self.orientation,
            self.tile,
            self.overlap,
            self.bleed,
            self.crop_marks,
        ):
            widget.setEnabled(is_pdf)
        # a profile's lanes, logo and brand colour apply to the HTML and SVG too
        self.profile.setEnabled(kind not in ("png", "persona"))
        self.dpi.setEnabled(kind == "png")
        tiled = self.tile.currentData() is not None
        self.bleed.setEnabled(is_pdf and not tiled)
        self.crop_marks.setEnabled(is_pdf and not tiled)
        self.overlap.setEnabled(is_pdf and tiled)
        if sheets:
            self._persona_preview()
            return
        maps = self.chosen_maps()
        if not maps:
            self.preview.setPixmap(QPixmap())
            self.info.setText(self.tr("Choose at least one map."))
            return
        layout = self._preview_layout(maps[0])
        images = self._images
        if not is_pdf:
            if self._thumbnail is None or self._thumbnail[0] is not layout:
                self._thumbnail = (layout, QPixmap.fromImage(self._map_image(layout)))
            w = round(layout.width * self.dpi.value() / 72)
            h = round(layout.height * self.dpi.value() / 72)
            self.preview.setPixmap(self._thumbnail[1])
            if kind == "html":
                self.info.setText(
                    self.tr(
                        "%n map(s) in one self-contained page: zoom, details of every "
                        "card, persona sheets and the storyline; no network needed",
                        "",
                        len(maps),
                    )
                )
            elif kind == "svg":
                text = self.tr("The first chosen map, text as text, fonts embedded")
                if len(maps) > 1:
                    text += "\n" + self.tr("An SVG holds one map: “%1”").replace("%1", maps[0].name)
                self.info.setText(text)
            else:
                self.info.setText(
                    self.tr("%1 × %2 pixels").replace("%1", str(w)).replace("%2", str(h))
                )
            return
        try:
            plan = plan_map(layout.width, layout.height, self.poster_options())
        except ValueError as exc:
            self.preview.setPixmap(QPixmap())
            self.info.setText(str(exc))
            return
        pw, ph = plan.paper.width, plan.paper.height
        scale = (PREVIEW_SIZE - 8) / max(pw, ph)
        image = QImage(PREVIEW_SIZE, PREVIEW_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#D9DDE3"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ox, oy = (PREVIEW_SIZE - pw * scale) / 2, (PREVIEW_SIZE - ph * scale) / 2
        painter.fillRect(QRectF(ox, oy, pw * scale, ph * scale), QColor("#FFFFFF"))
        painter.save()
        painter.translate(ox + plan.map_rect.x * scale, oy + plan.map_rect.y * scale)
        painter.scale(plan.scale * scale, plan.scale * scale)
        draw_preview(painter, layout, plan.scale * scale, images)
        painter.restore()
        if plan.grid is not None:
            pen = QPen(QColor("#1A73E8"))
            pen.setWidthF(1.0)
            painter.setPen(pen)
            for tile in plan.grid.tiles:
                wdw = tile.window
                painter.drawRect(
                    QRectF(ox + wdw.x * scale, oy + wdw.y * scale, wdw.w * scale, wdw.h * scale)
                )
        painter.end()
        self.preview.setPixmap(QPixmap.fromImage(image))
        body = layout.min_body_size * plan.scale
        lines = [
            self.tr("%1, %2 × %3 mm, body text %4 pt")
            .replace("%1", plan.paper.name)
            .replace("%2", str(round(pw / 72 * 25.4)))
            .replace("%3", str(round(ph / 72 * 25.4)))
            .replace("%4", f"{body:.1f}")
        ]
        if plan.grid is not None:
            lines.append(
                self.tr("%1 sheets (%2 × %3) and an assembly page per map")
                .replace("%1", str(plan.grid.count))
                .replace("%2", str(plan.grid.rows))
                .replace("%3", str(plan.grid.cols))
            )
        if body < 6:
            lines.append(self.tr("Warning: body text prints below 6 pt; choose a larger paper."))
        if len(maps) > 1:
            lines.append(self.tr("%n map(s), one page each", "", len(maps)))
        self.info.setText("\n".join(lines))

    def _persona_preview(self) -> None:
        """The first chosen persona's sheet on its page."""
        personas = self.chosen_personas()
        if not personas:
            self.preview.setPixmap(QPixmap())
            self.info.setText(self.tr("Choose at least one persona."))
            return
        layout = persona_sheet(self.project, personas[0])
        scale = (PREVIEW_SIZE - 8) / max(layout.width, layout.height)
        image = QImage(PREVIEW_SIZE, PREVIEW_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#D9DDE3"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ox = (PREVIEW_SIZE - layout.width * scale) / 2
        oy = (PREVIEW_SIZE - layout.height * scale) / 2
        painter.fillRect(
            QRectF(ox, oy, layout.width * scale, layout.height * scale), QColor("#FFFFFF")
        )
        painter.translate(ox, oy)
        painter.scale(scale, scale)
        draw_preview(painter, layout, scale, self._images)
        painter.end()
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.info.setText(self.tr("%n persona sheet(s), one A4 page each", "", len(personas)))

    # --- export -----------------------------------------------------------

    def export(self) -> None:
        kind = self.format.currentData()
        if not (self.chosen_personas() if kind == "persona" else self.chosen_maps()):
            return
        suffix = SUFFIXES[kind]
        folder = self.settings.export.folder or (str(self.source.parent) if self.source else "")
        base = (self.source.stem if self.source else self.project.title or "map") + suffix
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export"),
            str(Path(folder) / base) if folder else base,
            {
                "pdf": self.tr("PDF files (*.pdf)"),
                "persona": self.tr("PDF files (*.pdf)"),
                "png": self.tr("PNG images (*.png)"),
                "html": self.tr("HTML pages (*.html)"),
                "svg": self.tr("SVG drawings (*.svg)"),
            }[kind],
        )
        if not name:
            return
        if not name.lower().endswith(suffix):
            name += suffix
        if self.source is not None and Path(name).resolve() == self.source.resolve():
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("The export would replace the project file itself."),
            )
            return
        self.run_export(name)

    def run_export(self, name: str) -> bool:
        """Export to ``name`` in a worker thread with a progress dialog; True when written."""
        maps = self.chosen_maps()
        kind = self.format.currentData()
        # The preview's layout when it is the one the export would make (one
        # map, the same options and theme): laying a 20,000-card map out again
        # took 1.5 s of the export.
        kept = self._layout
        shown = None
        if kept is not None and len(maps) == 1 and kept[0] == (maps[0].id, self.layout_options()):
            shown = [kept[1]]
        if kind == "pdf":
            options = self.poster_options()

            def job(progress, cancel):  # type: ignore[no-untyped-def]
                return export_pdf(self.project, maps, name, options, progress, cancel, shown)
        elif kind == "persona":
            personas = self.chosen_personas()

            def job(progress, cancel):  # type: ignore[no-untyped-def]
                return export_persona_pdf(self.project, personas, name)
        elif kind == "html":
            html_options = self.layout_options()

            def job(progress, cancel):  # type: ignore[no-untyped-def]
                return export_html(self.project, maps, name, html_options)
        elif kind == "svg":
            svg_options = self.layout_options()

            def job(progress, cancel):  # type: ignore[no-untyped-def]
                return export_svg(self.project, maps[0], name, svg_options)
        else:
            dpi = self.dpi.value()
            layout_options = self.layout_options()

            def job(progress, cancel):  # type: ignore[no-untyped-def]
                # drawn and written a band at a time: the bar moves, Cancel stops it
                return export_png(
                    self.project,
                    maps[0],
                    name,
                    dpi,
                    layout_options,
                    layout=shown[0] if shown else None,
                    progress=progress,
                    cancel=cancel,
                )

        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 1000, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        cancelled = threading.Event()
        progress.canceled.connect(cancelled.set)
        report, error = run_job(self, job, progress.setValue, cancelled)
        progress.close()
        if error:
            QMessageBox.warning(self, self.tr("Export failed"), plain_text(error))
            return False
        if report is None:
            return False
        self.last_report = report
        self.settings.export = self.defaults()
        self.settings.export.folder = str(Path(name).parent)
        save_settings(self.settings)
        self.accept()
        return True


def _checked_ids(items: QListWidget) -> set[str]:
    """The ids (``UserRole`` data) of the checked rows of a check list."""
    return {
        items.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(items.count())
        if items.item(i).checkState() == Qt.CheckState.Checked
    }
