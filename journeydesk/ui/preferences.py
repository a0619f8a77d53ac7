"""The Preferences dialog: language and autosave interval, saved in the settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journeydesk.settings import Settings, load_settings, save_settings

MIN_AUTOSAVE = 5
MAX_AUTOSAVE = 3600


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.settings: Settings = load_settings()
        self._started_language = self.settings.language

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, text in (
            ("system", self.tr("System")),
            ("en", "English"),
            ("it", "Italiano"),
        ):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.restart_note = QLabel(
            self.tr("The new language takes effect when JourneyDesk is restarted.")
        )
        self.restart_note.setTextFormat(Qt.TextFormat.PlainText)
        self.restart_note.setVisible(False)

        self.autosave = QSpinBox()
        self.autosave.setAccessibleName(self.tr("Autosave interval"))
        self.autosave.setRange(MIN_AUTOSAVE, MAX_AUTOSAVE)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(self.settings.autosave_seconds)
        self.autosave.setToolTip(
            self.tr(
                "While a project has unsaved changes, a recovery copy is written this "
                "often. Your own file is only written when you save."
            )
        )

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.restart_note)  # the whole width, not the fields' column
        form.addRow(self.tr("&Autosave every:"), self.autosave)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # The hint is one line (a wrapped label gets one line's height in a
        # form) and the dialog grows to it when it appears: never cut.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def _language_changed(self) -> None:
        self.restart_note.setVisible(self.language.currentData() != self._started_language)

    def accept(self) -> None:
        settings = load_settings()  # another window may have changed other settings
        settings.language = self.language.currentData()
        settings.autosave_seconds = int(self.autosave.value())
        try:
            save_settings(settings)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Preferences"),
                self.tr("The preferences could not be saved: %1").replace(
                    "%1", exc.strerror or str(exc)
                ),
            )
            return
        self.settings = settings
        super().accept()
