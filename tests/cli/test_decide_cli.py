"""``export backlog|inventory``, ``validate --stale-after`` and ``check``: outputs read back."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from journeydesk.cli import main
from journeydesk.io import write_project

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "model"))
from test_decide import build


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.journey"
    project = build()
    # hostile text: a spreadsheet must not run it
    project.maps[0].cards[3].title = '=HYPERLINK("http://x")'
    write_project(project, path)
    return path


def test_backlog_csv(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.csv"
    assert main(["export", "backlog", str(project_file), "-o", str(out)]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    assert header[:4] == ["map", "stage", "step", "title"] and "impact" in header
    titles = [r[3] for r in rows[1:]]
    assert "Slow search" in titles and '\'=HYPERLINK("http://x")' in titles
    opp = next(r for r in rows if r[3].startswith("'="))
    assert opp[header.index("impact")] == "4" and opp[header.index("status")] == "planned"


def test_backlog_xlsx_never_a_formula(project_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    assert main(["export", "backlog", str(project_file), "-o", str(out)]) == 0
    ws = load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header = values[0]
    cell = next(c for row in ws.iter_rows() for c in row if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"
    opp = next(r for r in values if str(r[3]).startswith("=HYPERLINK"))
    assert opp[header.index("effort")] == 2
    assert len(values) == 5


def test_inventory_xlsx_and_csv(project_file: Path, tmp_path: Path) -> None:
    assert main(["export", "inventory", str(project_file), "-o", str(tmp_path / "i.xlsx")]) == 0
    ws = load_workbook(tmp_path / "i.xlsx").active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0] == ["map", "stage", "step", "touchpoint", "channel", "owners"]
    assert rows[1] == ["Buy", "Find", "Search", "Search box", "web", "Web; Ops"]
    assert rows[2][3] == "Till"
    assert rows[2][5] in (None, "")
    assert main(["export", "inventory", str(project_file), "-o", str(tmp_path / "i.csv")]) == 0
    assert "Search box" in (tmp_path / "i.csv").read_text(encoding="utf-8-sig")


def test_table_export_refusals(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["export", "backlog", str(project_file), "-o", str(tmp_path / "b.txt")])
    assert exc.value.code == 2
    bad = tmp_path / "bad.journey"
    bad.write_text("{", encoding="utf-8")
    assert main(["export", "inventory", str(bad), "-o", str(tmp_path / "i.csv")]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
    assert not (tmp_path / "i.csv").exists()


def test_validate_stale_after_warns_and_exits_0(
    project_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYDESK_TODAY", "2026-12-06")
    assert main(["validate", "--stale-after", "90d", str(project_file)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3
    assert all(line.startswith(f"{project_file}: map 'Buy': ") for line in err)
    assert any("metric 'NPS'" in line and "2026-01-01" in line for line in err)
    assert any("review by 2026-12-01" in line for line in err)
    assert any("source 'Interviews 2024'" in line for line in err)
    # without the option: no warnings
    assert main(["validate", str(project_file)]) == 0
    assert capsys.readouterr().err == ""


def test_validate_stale_after_bad_age_is_usage() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--stale-after", "soon", "x.journey"])
    assert exc.value.code == 2


def test_check_prints_each_gap(project_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(project_file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 4
    assert f"{project_file}: map 'Buy': stage 'Empty' has no touchpoints" in out
    assert any("persona 'Bo'" in line for line in out)


def test_matrix_pdf_reads_back(project_file: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "m.pdf"
    assert main(["export", "matrix", str(project_file), "-o", str(out), "--lang", "it"]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for word in ("Matrice delle priorità", "Risultati rapidi", "Pozzi senza fondo"):
        assert word in text
    assert "=HYPERLINK" in text  # the scored opportunity, labelled
    assert "Slow search" in text  # unscored, listed beside it


def test_matrix_png_has_the_dots(qapp, project_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    from journeydesk.layout.matrix import PALETTE

    out = tmp_path / "m.png"
    assert main(["export", "matrix", str(project_file), "-o", str(out), "--dpi", "72"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (842, 595)
    # the one scored card: impact 4, effort 2 -> a dot of the first stage's colour, top left
    want = QColor(PALETTE[0])
    hits = [
        (x, y)
        for y in range(0, image.height(), 2)
        for x in range(0, image.width() // 2, 2)
        if image.pixelColor(x, y) == want
    ]
    assert hits and all(y < image.height() / 2 for _, y in hits)


def test_matrix_unknown_score(
    project_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.pdf"
    assert main(["export", "matrix", str(project_file), "-o", str(out), "--x", "nope"]) == 1
    assert "--x: no score 'nope'" in capsys.readouterr().err
    assert main(["export", "matrix", str(project_file), "-o", str(out), "--x", "reach"]) == 0


def test_inventory_pdf_team_by_stage(project_file: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "i.pdf"
    assert main(["export", "inventory", str(project_file), "-o", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1  # one page per map
    text = reader.pages[0].extract_text()
    for word in ("Who touches the customer — Buy", "Web", "Ops", "• Search box", "Find"):
        assert word in text
    assert "Pain points: 1" in text  # the pain point in the search step, beside it
    after = text.split("Touchpoints with no owner", 1)[1]
    assert "Till" in after and "Search box" not in after


def test_poster_and_deck_can_add_the_matrix(qapp, project_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pptx import Presentation
    from pypdf import PdfReader

    pdf = tmp_path / "p.pdf"
    assert main(["export", "pdf", str(project_file), "-o", str(pdf), "--paper", "A3"]) == 0
    assert len(PdfReader(pdf).pages) == 1
    assert (
        main(["export", "pdf", str(project_file), "-o", str(pdf), "--paper", "A3", "--matrix-page"])
        == 0
    )
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2
    last = reader.pages[1]
    assert "Priority matrix" in last.extract_text() and "Quick wins" in last.extract_text()
    assert round(float(last.mediabox.width)) == 842  # its own page size, A4 landscape
    deck = tmp_path / "d.pptx"
    args = ["export", "pptx", str(project_file), "-o", str(deck), "--size", "1280x720"]
    assert main(args) == 0
    plain = len(Presentation(str(deck)).slides)
    assert main([*args, "--matrix-slide"]) == 0
    slides = list(Presentation(str(deck)).slides)
    assert len(slides) == plain + 1
    pictures = [s for s in slides[-1].shapes if s.shape_type == 13]
    assert pictures and pictures[0].name == "Priority matrix"
