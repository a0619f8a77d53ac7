"""Save As starts in the user's documents folder (or where they saved last, or
where the file is) with a file name made from the project's title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from journeydesk import templates
from journeydesk.io import write_project
from journeydesk.settings import load_settings
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any) -> MainWindow:
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    return w


def _answer(monkeypatch: pytest.MonkeyPatch, name: str | None) -> list[str]:
    """The save dialog answers ``name`` (None: cancelled); returns where it started."""
    asked: list[str] = []

    def fake(parent: Any, caption: str, directory: str, filt: str, *a: Any) -> tuple[str, str]:
        asked.append(directory)
        return (name or "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("en", "Sample - buying a washing machine.journey"),
        ("it", "Esempio - acquisto di una lavatrice.journey"),
    ],
)
def test_a_new_project_starts_in_documents_named_after_its_title(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, lang: str, name: str
) -> None:
    documents = Path.home() / "Documents"
    documents.mkdir()
    window.open_sample(lang)
    asked = _answer(monkeypatch, None)
    assert not window.files.save_as()
    assert Path(asked[0]) == documents / name


def test_without_a_documents_folder_it_starts_at_home(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.open_sample("en")
    asked = _answer(monkeypatch, None)
    window.files.save_as()
    assert Path(asked[0]).parent == Path.home()
    assert Path(asked[0]).name == "Sample - buying a washing machine.journey"


def test_the_folder_of_the_last_save_as_is_remembered(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (Path.home() / "Documents").mkdir()
    elsewhere = tmp_path / "workshops"
    elsewhere.mkdir()
    window.open_sample("en")
    _answer(monkeypatch, str(elsewhere / "first"))
    assert window.files.save_as()
    assert load_settings().save_folder == str(elsewhere)

    window.files.open_template_here("blank", "en")  # untitled again
    assert window.document is not None
    window.document.project.title = "Kick-off: day 2"
    asked = _answer(monkeypatch, None)
    window.files.save_as()
    assert Path(asked[0]) == elsewhere / "Kick-off - day 2.journey"

    (elsewhere / "first.journey").unlink()
    elsewhere.rmdir()  # gone: back to the documents folder
    window.files.save_as()
    assert Path(asked[1]) == Path.home() / "Documents" / "Kick-off - day 2.journey"


def test_a_saved_file_starts_where_it_is(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "kept here.journey"
    write_project(templates.new_project("sample", "en"), path)
    assert window.open_path(str(path))
    asked = _answer(monkeypatch, None)
    window.files.save_as()
    assert Path(asked[0]) == path
