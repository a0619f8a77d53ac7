"""The export dialog and printing, driven offscreen; output read back."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPageSize, QPdfWriter

from journeydesk import templates
from journeydesk.layout.engine import layout_map
from journeydesk.settings import load_settings
from journeydesk.ui.export_dialog import ExportDialog, _Worker
from journeydesk.ui.printing import print_layout


@pytest.fixture
def dialog(qtbot):  # type: ignore[no-untyped-def]
    project = templates.new_project("sample", "it")
    d = ExportDialog(project, project.maps[0])
    qtbot.addWidget(d)
    return d


def test_preview_and_page_facts(dialog: ExportDialog) -> None:
    assert not dialog.preview.pixmap().isNull()
    assert "A1" in dialog.info.text() and "pt" in dialog.info.text()
    dialog.tile.setCurrentIndex(dialog.tile.findData("A4"))
    assert "×" in dialog.info.text() and "15" in dialog.info.text()
    dialog.paper.setCurrentText("A4")
    dialog.tile.setCurrentIndex(0)
    assert "6 pt" in dialog.info.text()  # body text too small warning on A4
    dialog.paper.setCurrentText("nonsense")
    assert dialog.preview.pixmap().isNull() and dialog.info.text()


def test_only_checked_maps_and_lanes(dialog: ExportDialog) -> None:
    assert [m.name for m in dialog.chosen_maps()] == [dialog.project.maps[0].name]
    for i in range(dialog.lanes.count()):
        item = dialog.lanes.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "thoughts":
            item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.hidden_lane_kinds() == ["thoughts"]
    assert "thoughts" in dialog.layout_options().hide_lane_kinds


def test_the_preview_lays_out_again_only_when_the_map_would_change(
    dialog: ExportDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The DPI, paper and format do not change the layout: a 20,000-card map took
    1.5 s to lay out at every step of the DPI box. Lanes and comments do."""
    from journeydesk.ui import export_dialog

    calls: list[object] = []
    real = export_dialog.MapLayouter.layout

    def counted(self, project, jmap, options=None):  # type: ignore[no-untyped-def]
        calls.append(options)
        return real(self, project, jmap, options)

    monkeypatch.setattr(export_dialog.MapLayouter, "layout", counted)
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    first = dialog.preview.pixmap().toImage()
    size = dialog.info.text()
    dialog.dpi.setValue(dialog.dpi.value() * 2)
    assert dialog.info.text() != size  # the image's size in pixels follows the DPI
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    dialog.paper.setCurrentText("A3")
    assert calls == []
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    assert dialog.preview.pixmap().toImage() == first
    for i in range(dialog.lanes.count()):
        item = dialog.lanes.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "thoughts":
            item.setCheckState(Qt.CheckState.Unchecked)
    assert len(calls) == 1 and "thoughts" in calls[0].hide_lane_kinds  # type: ignore[attr-defined]
    assert dialog.preview.pixmap().toImage() != first  # a lane fewer
    dialog.comments.toggle()
    assert len(calls) == 2


@pytest.mark.allow_modal
def test_export_pdf_writes_every_chosen_map_and_remembers(
    dialog: ExportDialog, tmp_path: Path
) -> None:
    dialog.maps.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.paper.setCurrentText("A2")
    out = tmp_path / "poster.pdf"
    assert dialog.run_export(str(out))
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    assert "Ricerca" in text and "Post-acquisto" in text
    saved = load_settings().export
    assert saved.paper == "A2" and saved.folder == str(tmp_path)


@pytest.mark.allow_modal
def test_export_png(dialog: ExportDialog, tmp_path: Path) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    dialog.dpi.setValue(72)
    out = tmp_path / "map.png"
    assert dialog.run_export(str(out))
    image = QImage(str(out))
    layout = layout_map(dialog.project, dialog.project.maps[0], options=dialog.layout_options())
    assert (image.width(), image.height()) == (round(layout.width), round(layout.height))


@pytest.mark.allow_modal
def test_export_html_from_the_dialog_reads_back(dialog: ExportDialog, tmp_path: Path) -> None:
    """HTML next to PDF/PNG: the chosen maps, written by the CLI's exporter, with
    the lanes left unchecked left out and the warnings kept for the user."""
    import html as htmllib

    project = dialog.project
    dialog.maps.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert not dialog.dpi.isEnabled() and not dialog.paper.isEnabled()
    assert "2" in dialog.info.text()
    for i in range(dialog.lanes.count()):
        item = dialog.lanes.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "thoughts":
            item.setCheckState(Qt.CheckState.Unchecked)
    thought = next(
        c.title
        for c in project.maps[0].cards
        if c.title
        and any(lane.id == c.lane and lane.kind == "thoughts" for lane in project.maps[0].lanes)
    )
    kept = next(
        c.title
        for c in project.maps[0].cards
        if c.title
        and any(lane.id == c.lane and lane.kind == "actions" for lane in project.maps[0].lanes)
    )
    project.maps[0].cards[0].title = "中文"  # no font for CJK yet: a warning
    out = tmp_path / "map.html"
    assert dialog.run_export(str(out))
    page = htmllib.unescape(out.read_text(encoding="utf-8"))
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert project.maps[0].name in page and project.maps[1].name in page
    assert kept in page and thought not in page
    report = dialog.last_report
    assert report is not None and report.path == str(out)  # type: ignore[attr-defined]
    assert any("中" in w for w in report.warnings)  # type: ignore[attr-defined]
    assert load_settings().export.format == "html"


@pytest.mark.allow_modal
def test_export_svg_from_the_dialog_reads_back(dialog: ExportDialog, tmp_path: Path) -> None:
    """SVG: one map (the first chosen), text as text, the same size as the layout."""
    import xml.etree.ElementTree as ET

    dialog.maps.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    assert dialog.project.maps[0].name in dialog.info.text()  # says which map goes out
    out = tmp_path / "map.svg"
    assert dialog.run_export(str(out))
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = " ".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))
    first, second = (m.name for m in dialog.project.maps)
    assert "Ricerca" in text and "Post-acquisto" in text
    assert first in text and second not in text
    layout = layout_map(dialog.project, dialog.project.maps[0], options=dialog.layout_options())
    assert float(root.get("width", "0").removesuffix("pt")) == pytest.approx(layout.width, abs=1)
    assert dialog.last_report.warnings == []  # type: ignore[union-attr]


def test_worker_cancel_writes_nothing(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.export.pdf.poster import export_pdf

    project = templates.new_project("sample", "en")
    out = tmp_path / "never.pdf"
    worker = _Worker(
        lambda progress, cancel: export_pdf(
            project, project.maps, out, progress=progress, cancel=cancel
        )
    )
    results: list[tuple[object, str]] = []
    worker.finished.connect(lambda report, error: results.append((report, error)))
    worker.cancelled.set()
    worker.run()
    assert results == [(None, "")]
    assert not out.exists()


def test_png_worker_cancel_writes_nothing(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The PNG export stops between bands when asked; the dialog hears "cancelled"."""
    from journeydesk.export.png import export_png

    project = templates.new_project("sample", "en")
    out = tmp_path / "never.png"
    worker = _Worker(
        lambda progress, cancel: export_png(
            project, project.maps[0], out, 72, progress=progress, cancel=cancel
        )
    )
    results: list[tuple[object, str]] = []
    worker.finished.connect(lambda report, error: results.append((report, error)))
    worker.cancelled.set()
    worker.run()
    assert results == [(None, "")]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.allow_modal
def test_png_export_moves_the_progress_bar(
    dialog: ExportDialog, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A long PNG export shows how far it is: the dialog's job hands the
    export its progress and cancel callbacks, and every band reports."""
    from journeydesk.export import png
    from journeydesk.ui import export_dialog

    seen: list[float] = []

    def export(*args, progress, cancel, **kwargs):  # type: ignore[no-untyped-def]
        def spy(fraction: float) -> None:
            seen.append(fraction)
            progress(fraction)

        assert cancel() is False
        return png.export_png(*args, progress=spy, cancel=cancel, band_bytes=100_000, **kwargs)

    monkeypatch.setattr(export_dialog, "export_png", export)
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    dialog.dpi.setValue(72)
    assert dialog.run_export(str(tmp_path / "map.png"))
    assert len(seen) > 3 and seen == sorted(seen) and seen[-1] == 1.0


def test_print_layout_fits_the_page(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("service-blueprint", "it")
    layout = layout_map(project, project.maps[0])
    out = tmp_path / "printed.pdf"
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A3))
    writer.setResolution(300)
    scale = print_layout(writer, layout, project)
    del writer
    assert 0 < scale < 1
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    assert project.maps[0].stages[0].name in text


def test_print_tiled_gives_the_grid_of_the_tiled_pdf(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.export.pdf.poster import PosterOptions, plan_map
    from journeydesk.ui.printing import print_tiled

    project = templates.new_project("sample", "en")
    layout = layout_map(project, project.maps[0])
    out = tmp_path / "tiled.pdf"
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    sheets = print_tiled(writer, layout, project, "A2")
    del writer
    plan = plan_map(layout.width, layout.height, PosterOptions(paper="A2", tile="A4"))
    assert plan.grid is not None and sheets == plan.grid.count
    reader = PdfReader(str(out))
    assert len(reader.pages) == sheets
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, timeout=60
    ).stdout
    assert f"A1 of {plan.grid.rows}×{plan.grid.cols}" in text


def test_save_the_choices_as_a_project_profile(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.document.document import Document
    from journeydesk.export.cli import run_export
    from journeydesk.io import write_project

    project = templates.new_project("service-blueprint", "en")
    doc = Document(project)
    d = ExportDialog(project, project.maps[0], None, None, doc)
    qtbot.addWidget(d)
    d.paper.setCurrentText("A2")
    for i in range(d.lanes.count()):
        if d.lanes.item(i).data(Qt.ItemDataRole.UserRole) == "backstage":
            d.lanes.item(i).setCheckState(Qt.CheckState.Unchecked)
    profile = d.save_profile("Client copy")
    assert profile is not None and project.export_profiles[-1] is profile
    assert (profile.paper, profile.hide_lane_kinds) == ("A2", ["backstage"])
    assert doc.undo_stack.undoText() == "Save export profile 'Client copy'"
    d.paper.setCurrentText("A3")
    d.save_profile("Client copy")  # replaces, does not add
    assert [p.name for p in project.export_profiles] == ["Client copy"]
    assert project.export_profiles[0].paper == "A3"
    # the CLI uses it
    src = tmp_path / "p.journey"
    write_project(project, src)
    out = tmp_path / "client.pdf"
    assert run_export(["pdf", str(src), "-o", str(out), "--profile", "Client copy"]) == 0
    assert round(float(PdfReader(str(out)).pages[0].mediabox.width)) in (842, 1191)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert project.export_profiles == []


def test_export_warnings_reach_the_user_without_blocking(qtbot, tmp_path):
    """The PDF report's warnings (here: characters the font lacks) are shown
    in a window that does not block; the status bar says where it went."""
    from journeydesk.export.pdf.poster import export_pdf
    from journeydesk.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.open_sample("en")
    w.show()
    jmap = w.current_map()
    jmap.cards[0].title = "中文"  # Cyrillic has a fallback font; CJK has none yet
    report = export_pdf(w.project, [jmap], tmp_path / "out.pdf")
    box = w.report_export(report)
    assert box is not None and not box.isModal() and box.isVisible()
    assert "中" in box.text() and "cannot draw" in box.text()
    assert str(tmp_path / "out.pdf") in w.statusBar().currentMessage()
    box.close()
    jmap.cards[0].title = "Plain"
    assert w.report_export(export_pdf(w.project, [jmap], tmp_path / "b.pdf")) is None


def test_export_warnings_are_said_in_italian(qtbot):
    from PySide6.QtWidgets import QApplication

    from journeydesk.export.notes import (
        glyphs_warning,
        images_warning,
        overflow_warning,
        small_text_warning,
    )
    from journeydesk.ui.export_warnings import say
    from journeydesk.ui.i18n import install_translators

    english = glyphs_warning("Mappa", ["Ж", "中"])
    assert "cannot draw" in english and english.key == "glyphs"  # the CLI's text
    app = QApplication.instance()
    translators = install_translators(app, "it")
    try:
        viewer = say(glyphs_warning("M", ["中"], viewer=True))
        assert "visualizzatore" in viewer and "PDF" not in viewer, viewer
        assert say(english) == (
            "Mappa “Mappa”: caratteri che il font incluso non sa disegnare (2), "
            "nel PDF appaiono come riquadri vuoti: Ж 中"
        )
        assert say(overflow_warning(3)).endswith(": 3")
        assert "4.5 pt" in say(small_text_warning("M", 4.5, "A4", 6)).replace(",", ".")
        assert say("a plain warning") == "a plain warning"
        assert say(images_warning(["a", "b"])) == (
            "Immagini non leggibili (2), appaiono come cornici tratteggiate: 'a', 'b'"
        )
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_persona_sheets_from_the_dialog_read_back(dialog: ExportDialog, tmp_path: Path) -> None:
    """Persona sheets are a format of the dialog: chosen personas, one A4 page each."""
    project = dialog.project
    assert len(project.personas) >= 2
    assert not dialog.personas.isVisibleTo(dialog) or dialog.format.currentData() == "persona"
    dialog.format.setCurrentIndex(dialog.format.findData("persona"))
    assert dialog.personas.isVisibleTo(dialog) and not dialog.maps.isVisibleTo(dialog)
    assert not dialog.content.isEnabled() and not dialog.paper.isEnabled()
    assert not dialog.preview.pixmap().isNull()
    assert f"{len(project.personas)} " in dialog.info.text()
    for i in range(dialog.personas.count()):
        dialog.personas.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.preview.pixmap().isNull() and dialog.info.text()
    dialog.personas.item(1).setCheckState(Qt.CheckState.Checked)
    preview = dialog.preview.pixmap().toImage()
    dark = sum(
        1
        for y in range(0, preview.height(), 2)
        for x in range(0, preview.width(), 2)
        if QColor(preview.pixel(x, y)).lightness() < 128
    )
    assert dark > 100  # the sheet's words and headings, not a blank page
    out = tmp_path / "people.pdf"
    assert dialog.run_export(str(out))
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert project.personas[1].name in text and project.personas[0].name not in text
    assert load_settings().export.format == "persona"
    again = ExportDialog(project, project.maps[0])
    assert again.format.currentData() == "persona"  # remembered
    again.deleteLater()


def test_no_persona_sheets_without_personas(qtbot) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("blank", "en")
    project.personas.clear()
    d = ExportDialog(project, project.maps[0])
    qtbot.addWidget(d)
    assert d.format.findData("persona") == -1


def test_the_export_reuses_the_previews_layout_when_it_is_the_same(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One map with the previewed options: the PDF and the PNG are drawn from the
    layout the preview made, not laid out again; the same file as a fresh layout's."""
    from journeydesk.ui import export_dialog

    fresh = tmp_path / "fresh.pdf"
    assert dialog.run_export(str(fresh))  # (the first export: the comparison's)
    again = ExportDialog(dialog.project, dialog.project.maps[0])
    calls: list[int] = []
    real = export_dialog.MapLayouter.layout
    monkeypatch.setattr(
        export_dialog.MapLayouter,
        "layout",
        lambda self, *a, **k: calls.append(1) or real(self, *a, **k),
    )
    from journeydesk.export.pdf import poster

    monkeypatch.setattr(
        poster.MapLayouter, "layout", lambda self, *a, **k: calls.append(2) or real(self, *a, **k)
    )
    again.update_preview()
    assert calls == [1] or calls == []  # (the preview's own layout, if not made yet)
    calls.clear()
    kept = tmp_path / "kept.pdf"
    assert again.run_export(str(kept))
    assert calls == []
    words = [
        subprocess.run(["pdftotext", str(p), "-"], capture_output=True, text=True, timeout=60)
        for p in (fresh, kept)
    ]
    words = [w.stdout for w in words]
    assert words[0] == words[1] and "Ricerca" in words[0]
    again.deleteLater()
