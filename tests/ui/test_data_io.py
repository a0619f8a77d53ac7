"""File → Import… with a preview, applied as ONE undo step through the verbs;
File → Export… entries; a Mermaid journey pasted from the clipboard."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QGuiApplication

from journeydesk.exchange.inventory import export_rows
from journeydesk.exchange.mermaid import parse_journey
from journeydesk.model import check_project
from journeydesk.ui.data_io import ImportPreview
from journeydesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.open_sample("en")
    return w


def _answer(window: MainWindow, yes: bool) -> list[ImportPreview]:
    seen: list[ImportPreview] = []

    def confirm(preview: ImportPreview) -> bool:
        seen.append(preview)
        return yes

    window.data_io.confirm = confirm  # type: ignore[method-assign]
    return seen


def test_menus_have_the_entries(window: MainWindow) -> None:
    file_texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    for text in ("Import…", "Export Cards as CSV…", "Export Cards as Excel Workbook…",
                 "Export as Mermaid Journey…"):  # fmt: skip
        assert text in file_texts
    edit_texts = [a.text().replace("&", "") for a in window.edit_menu.actions()]
    assert "Paste Mermaid Journey" in edit_texts


def test_csv_import_previews_then_applies_as_one_undo_step(
    window: MainWindow, tmp_path: Path
) -> None:
    doc = window.document
    assert doc is not None
    jmap = window.current_map()
    assert jmap is not None
    first = jmap.cards[0]
    csv = tmp_path / "workshop.csv"
    csv.write_text(
        f"id,stage,title\n{first.id},{jmap.stages[0].name},Renamed\n,New stage,Sticky note\n,,x\n",
        encoding="utf-8",
    )
    before = doc.project.model_dump()
    depth = doc.undo_stack.count()
    seen = _answer(window, False)
    assert window.data_io.import_path(csv) is False
    assert doc.project.model_dump() == before  # Cancel: nothing changed
    preview = seen[0]
    assert preview.summary.text() == "Added: 1   Updated: 1   Unchanged: 0   Refused: 1"
    assert "workshop.csv: row 4, column stage: empty; a card needs a stage" in (
        preview.details.toPlainText()
    )
    _answer(window, True)
    assert window.data_io.import_path(csv) is True
    assert doc.undo_stack.count() == depth + 1
    assert doc.undo_stack.undoText() == "Import 'workshop.csv'"
    assert doc.element(first.id).title == "Renamed"
    assert [s.name for s in window.current_map().stages][-1] == "New stage"  # type: ignore[union-attr]
    assert not check_project(doc.project)
    doc.undo_stack.undo()
    assert doc.project.model_dump() == before


def test_paste_mermaid_adds_a_map_and_undo_takes_it_back(window: MainWindow) -> None:
    doc = window.document
    assert doc is not None
    maps = len(doc.project.maps)
    QGuiApplication.clipboard().setText("journey\n  title Pasted\n  section A\n    Go: 4: Me\n")
    _answer(window, True)
    window.data_io.paste_mermaid()
    assert [m.name for m in doc.project.maps][-1] == "Pasted"
    assert not check_project(doc.project)
    doc.undo_stack.undo()
    assert len(doc.project.maps) == maps


def test_refused_mermaid_is_told_with_its_line(window: MainWindow) -> None:
    told: list[str] = []
    window.data_io.tell = told.append  # type: ignore[method-assign]
    assert window.data_io.import_text("journey\n  Make tea\n", "wiki.mmd") is False
    assert told == ["wiki.mmd: line 2: task 'Make tea' has no score (write 'name: score: actors')"]


def test_exports_write_the_shown_map(window: MainWindow, tmp_path: Path) -> None:
    project, jmap = window.project, window.current_map()
    assert project is not None and jmap is not None
    for kind, name in (("csv", "c.csv"), ("xlsx", "c.xlsx"), ("mermaid", "c.mmd")):
        window.data_io.choose_save_path = lambda k, n=name: str(tmp_path / n)  # type: ignore[method-assign]
        assert window.data_io.export(kind)
    rows = list(openpyxl.load_workbook(tmp_path / "c.xlsx")["Cards"].iter_rows(values_only=True))
    assert len(rows) == 1 + len(export_rows(project, jmap)[1])
    assert len((tmp_path / "c.csv").read_bytes().splitlines()) >= len(jmap.cards) + 1
    sections = parse_journey((tmp_path / "c.mmd").read_text(encoding="utf-8")).sections
    assert [s.name for s in sections] == [s.name for s in jmap.stages]


def test_an_exported_workbook_imports_back_as_no_change(window: MainWindow, tmp_path: Path) -> None:
    doc, jmap = window.document, window.current_map()
    assert doc is not None and jmap is not None
    window.data_io.choose_save_path = lambda k: str(tmp_path / "w.xlsx")  # type: ignore[method-assign]
    assert window.data_io.export("xlsx")
    before, depth = doc.project.model_dump(), doc.undo_stack.count()
    seen = _answer(window, True)
    window.data_io.import_path(tmp_path / "w.xlsx")
    assert seen[0].summary.text() == (
        f"Added: 0   Updated: 0   Unchanged: {len(jmap.cards)}   Refused: 0"
    )
    assert not seen[0].import_button.isEnabled()  # nothing to import
    assert doc.project.model_dump() == before
    assert doc.undo_stack.count() == depth  # nothing changed: no undo step


def test_a_result_that_would_not_load_cannot_be_imported(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An importer bug (here: a card on a step that does not exist) is caught before the
    document: the preview lists the loader's problem and Import is disabled."""
    from journeydesk.exchange import inventory

    real = inventory.apply_inventory

    def broken(project, table, **kw):  # type: ignore[no-untyped-def]
        report = real(project, table, **kw)
        project.maps[0].cards[-1].step = "00000000-0000-4000-8000-000000000000"
        return report

    monkeypatch.setattr(inventory, "apply_inventory", broken)
    csv = tmp_path / "x.csv"
    csv.write_text("stage,title\nNew,card\n", encoding="utf-8")
    doc = window.document
    assert doc is not None
    before = doc.project.model_dump()
    seen = _answer(window, True)
    assert window.data_io.import_path(csv) is False
    assert seen == [window.data_io.last_preview]  # shown, so the user reads why
    assert doc.project.model_dump() == before
    preview = window.data_io.last_preview
    assert preview is not None and not preview.import_button.isEnabled()
    assert "step" in preview.details.toPlainText()
