"""The selected scene's editor in the Storyline panel: its fields (title, text,
image, duration, narration) and the preview of its slide.

The form only shows a scene and says what the user typed (``edited``); the
panel turns that into one named undo step, so every edit of the storyline
stays in one place (``storyline_panel.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from journeydesk.layout.storyline import scene_duration, scene_narration, scene_title
from journeydesk.model import JourneyMap, Project, Scene
from journeydesk.model.base import MAX_NAME

SLIDE = (1920, 1080)
PREVIEW_WIDTH = 384


class SlidePreview(QWidget):
    """The selected scene's slide, as wide as the panel, 16:9."""

    def __init__(self) -> None:
        super().__init__()
        self.pixmap: QPixmap | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(160)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self.pixmap = pixmap
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * SLIDE[1] / SLIDE[0])

    def sizeHint(self) -> QSize:
        return QSize(PREVIEW_WIDTH, self.heightForWidth(PREVIEW_WIDTH))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        w = self.width()
        h = min(self.height(), self.heightForWidth(w))
        w = round(h * SLIDE[0] / SLIDE[1])
        target = QRectF((self.width() - w) / 2, 0, w, h)
        painter.fillRect(target, QColor("#E9ECF2"))
        if self.pixmap is not None:
            painter.drawPixmap(target, self.pixmap, QRectF(self.pixmap.rect()))
        painter.setPen(QColor("#C5CAD3"))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        painter.end()


class SceneForm(QWidget):
    """The fields of one scene. ``edited(field, value, field name, merge)`` when
    the user changes one (``merge``: typing, one undo step for many keys)."""

    edited = Signal(str, object, str, bool)
    autoToggled = Signal(bool)
    chooseImage = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_NAME)
        self.title.setAccessibleName(self.tr("Scene title"))
        self.title.textEdited.connect(
            lambda text: self.edited.emit("title", text, self.tr("title"), True)
        )
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Scene text"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(80)
        self.text.textChanged.connect(
            lambda: self.edited.emit("text", self.text.toPlainText(), self.tr("text"), True)
        )
        self.image_name = QLabel()
        self.image_name.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_image = QPushButton(self.tr("Choose…"))
        self.choose_image.setAccessibleName(self.tr("Choose an image for the scene"))
        self.choose_image.clicked.connect(self.chooseImage.emit)
        self.clear_image = QPushButton(self.tr("Remove"))
        self.clear_image.setAccessibleName(self.tr("Remove the scene's image"))
        self.clear_image.clicked.connect(
            lambda: self.edited.emit("image", None, self.tr("image"), False)
        )
        image_row = QHBoxLayout()
        image_row.setContentsMargins(0, 0, 0, 0)
        image_row.addWidget(self.image_name, 1)
        image_row.addWidget(self.choose_image)
        image_row.addWidget(self.clear_image)
        self.image_holder = QWidget()
        self.image_holder.setLayout(image_row)
        self.auto = QCheckBox(self.tr("Automatic"))
        self.auto.setToolTip(self.tr("As long as the narration takes to read"))
        self.auto.toggled.connect(self.autoToggled.emit)
        self.duration = QDoubleSpinBox()
        self.duration.setAccessibleName(self.tr("Duration in seconds"))
        self.duration.setRange(0.5, 3600)
        self.duration.setDecimals(1)
        self.duration.setSingleStep(0.5)
        self.duration.setSuffix(" s")
        self.duration.valueChanged.connect(
            lambda v: self.edited.emit("duration", float(v), self.tr("duration"), True)
        )
        duration_row = QHBoxLayout()
        duration_row.setContentsMargins(0, 0, 0, 0)
        duration_row.addWidget(self.duration, 1)
        duration_row.addWidget(self.auto)
        self.narration = QPlainTextEdit()
        self.narration.setAccessibleName(self.tr("Narration"))
        self.narration.setTabChangesFocus(True)
        self.narration.setMinimumHeight(70)
        self.narration.setMaximumHeight(160)
        self.narration.textChanged.connect(
            lambda: self.edited.emit(
                "narration", self.narration.toPlainText(), self.tr("narration"), True
            )
        )
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Title"), self.title)
        self.form.addRow(self.tr("Text"), self.text)
        self.form.addRow(self.tr("Image"), self.image_holder)
        self.form.addRow(self.tr("Duration"), duration_row)
        self.form.addRow(self.tr("Narration"), self.narration)

    def _enable(self, has: bool, custom: bool) -> None:
        for widget in (self.title, self.auto, self.narration):
            widget.setEnabled(has)
        for field in (self.text, self.image_holder):  # what only scenes of one's own have
            self.form.setRowVisible(field, custom)

    def clear(self) -> None:
        """No scene: empty and disabled."""
        self._enable(False, False)
        self._put_line(self.title, "")
        for plain in (self.text, self.narration):
            self._put_plain(plain, "")
        self.image_name.setText("")
        self.duration.setEnabled(False)

    def show_scene(self, project: Project, jmap: JourneyMap, scene: Scene) -> None:
        """Show ``scene`` of ``jmap``; a field being typed in keeps its cursor."""
        custom = scene.kind == "custom"
        self._enable(True, custom)
        self.title.setPlaceholderText(
            scene_title(project, jmap, scene.model_copy(update={"title": ""}), project.language)
        )
        self._put_line(self.title, scene.title)
        self._put_plain(self.text, scene.text)
        default_narration = scene_narration(jmap, scene.model_copy(update={"narration": ""}))
        self.narration.setPlaceholderText(
            default_narration or self.tr("What to say while the scene is shown")
        )
        self._put_plain(self.narration, scene.narration)
        asset = next((a for a in project.assets if a.id == scene.image), None)
        self.image_name.setText(
            self.tr("(none)")
            if scene.image is None
            else (asset.name or self.tr("image")) + f" ({asset.width}×{asset.height})"
            if asset is not None
            else scene.image
        )
        self.clear_image.setEnabled(custom and scene.image is not None)
        self.auto.blockSignals(True)
        self.auto.setChecked(scene.auto_duration)
        self.auto.blockSignals(False)
        self.duration.setEnabled(not scene.auto_duration)
        self.duration.blockSignals(True)
        self.duration.setValue(scene_duration(jmap, scene))
        self.duration.blockSignals(False)

    def _put_line(self, edit: QLineEdit, value: str) -> None:
        if edit.text() != value:
            edit.blockSignals(True)
            edit.setText(value)
            edit.blockSignals(False)

    def _put_plain(self, edit: QPlainTextEdit, value: str) -> None:
        if edit.toPlainText() != value:  # the one being typed in keeps its cursor
            edit.blockSignals(True)
            edit.setPlainText(value)
            edit.blockSignals(False)
