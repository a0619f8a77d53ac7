"""The find box keeps its width when the result count appears (in Italian it
was squeezed to "T…" by the filters and the count)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from journeydesk.ui.i18n import install_translators
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def italian(qapp):  # type: ignore[no-untyped-def]
    installed = install_translators(qapp, "it")
    yield
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("lang", ["en", "it"])
@pytest.mark.parametrize("width", [1366, 1920])
def test_the_find_box_keeps_its_width(qtbot, request, lang: str, width: int) -> None:  # type: ignore[no-untyped-def]
    if lang == "it":
        request.getfixturevalue("italian")
    w = MainWindow(build=False)
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.setWindowState(Qt.WindowState.WindowNoState)
    w.resize(width, 768)
    w.show()
    QApplication.processEvents()
    w.build()
    w.open_sample(lang)
    w.find_bar.open_bar()
    QApplication.processEvents()
    box = w.find_bar.text
    before = box.width()
    placeholder = box.fontMetrics().horizontalAdvance(box.placeholderText())
    assert before >= placeholder + 20, (before, placeholder)
    box.setText("a")
    QApplication.processEvents()
    assert w.find_bar.count.text()  # "n of m cards" is shown
    assert box.width() == before
    assert w.find_bar.count.width() >= w.find_bar.count.sizeHint().width()
    assert w.view.width() >= 0.6 * w.width()  # the bar does not push the docks
