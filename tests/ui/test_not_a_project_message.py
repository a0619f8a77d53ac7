"""Opening a file that is not a project: the message says so in words, the
reader's detail comes second; the open project stays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from journeydesk.ui.main_window import MainWindow

HOSTILE = Path(__file__).parent.parent / "hostile"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    boxes: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        boxes.append((box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return boxes


@pytest.fixture
def window(qtbot: Any) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_sample("en")
    return w


@pytest.mark.parametrize(
    ("name", "detail"),
    [
        ("png_renamed", "binary data"),
        ("other_format", "draw.io"),
        ("root_array", "the root is an array"),
    ],
)
def test_not_a_project(
    window: MainWindow, shown: list[tuple[str, str]], name: str, detail: str
) -> None:
    before = window.project
    assert not window.open_path(str(HOSTILE / f"{name}.journey"))
    assert window.project is before
    text, info = shown[0]
    assert text == f"“{name}.journey” is not a JourneyDesk project."
    assert detail in info and "JSON" not in text


def test_not_json_text(window: MainWindow, shown: list[tuple[str, str]], tmp_path: Path) -> None:
    notes = tmp_path / "notes.journey"
    notes.write_text("a plain note\n", encoding="utf-8")
    assert not window.open_path(str(notes))
    text, info = shown[0]
    assert text == "“notes.journey” is not a JourneyDesk project."
    assert "not valid JSON" in info  # the detail, second


def test_damaged_project(window: MainWindow, shown: list[tuple[str, str]]) -> None:
    assert not window.open_path(str(HOSTILE / "truncated.journey"))
    assert shown[0][0] == (
        "“truncated.journey” is a damaged JourneyDesk project and cannot be opened."
    )


def test_said_in_italian(window: MainWindow, shown: list[tuple[str, str]]) -> None:
    from PySide6.QtWidgets import QApplication

    from journeydesk.ui.i18n import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "it")
    try:
        assert not window.open_path(str(HOSTILE / "png_renamed.journey"))
        assert not window.open_path(str(HOSTILE / "truncated.journey"))
    finally:
        for t in translators:
            app.removeTranslator(t)
    assert shown[0][0] == "“png_renamed.journey” non è un progetto JourneyDesk."
    assert (
        shown[1][0]
        == "“truncated.journey” è un progetto JourneyDesk danneggiato e non si può aprire."
    )
