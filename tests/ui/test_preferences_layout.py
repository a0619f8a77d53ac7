"""The Preferences dialog shows its language hint whole, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from journeydesk.ui.i18n import install_translators
from journeydesk.ui.preferences import PreferencesDialog
from journeydesk.ui.window_report import cut_texts


@pytest.fixture
def italian(qapp):  # type: ignore[no-untyped-def]
    installed = install_translators(qapp, "it")
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_the_language_hint_is_not_cut(qtbot, request, lang: str) -> None:  # type: ignore[no-untyped-def]
    if lang == "it":
        request.getfixturevalue("italian")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()  # not exec(): nothing modal in a test
    QApplication.processEvents()
    assert not dialog.restart_note.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("it" if lang == "en" else "en"))
    QApplication.processEvents()
    note = dialog.restart_note
    assert note.isVisible() and note.text()
    assert note.height() >= note.heightForWidth(note.width())
    assert note.visibleRegion().boundingRect().size() == note.size()
    assert cut_texts(dialog) == []
