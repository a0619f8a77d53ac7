"""The card inventory as CSV and XLSX: round trips cell by cell, what spreadsheets
really send (Italian Excel, multi-line cells, headers in any case/accents/Italian),
problems per row and column, the formula guard, and the commands."""

from __future__ import annotations

import copy
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeydesk import templates
from journeydesk.cli import main
from journeydesk.exchange import inventory, table
from journeydesk.exchange.cli import write_inventory_csv, write_inventory_xlsx
from journeydesk.exchange.curves import CURVE_COLUMNS, curve_point_rows
from journeydesk.exchange.metrics import kpi_rows
from journeydesk.exchange.workbook import apply_workbook
from journeydesk.io import checked_bytes, read_project, write_project
from journeydesk.model.project import Evidence, Owner, Project, ScoreDefinition, Team


def _sample() -> Project:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    # Make sure every column has something to carry.
    team = Team(name="Sales")
    project.teams.append(team)
    project.score_definitions.append(ScoreDefinition(key="reach", min=0, max=10))
    card = jmap.cards[0]
    card.owners = [Owner(team=team.id, role="lead"), Owner(team=team.id)]
    card.tags = ["quick win", "q3"]
    card.scores = {"impact": 4.5, "effort": 2, "reach": 7}
    card.evidence = [
        Evidence(confidence="observed", method="survey", quote="=SUM(A1)", figure="38 %")
    ]
    card.span_steps, card.span_lanes, card.order = 2, 1, 3
    card.title = '=HYPERLINK("http://x")'
    card.body = 'two\nlines, with "quotes"; and a semicolon'
    card.sentiment = "problematic"
    card.channel = "web"
    return project


def _cells(project: Project, jmap_index: int = 0) -> list[list[str]]:
    header, rows = inventory.export_rows(project, project.maps[jmap_index])
    return [header, *inventory.csv_cells(rows)]


def test_csv_round_trip_into_a_new_project_gives_the_same_cells(tmp_path: Path) -> None:
    project = _sample()
    out = tmp_path / "cards.csv"
    write_inventory_csv(project, project.maps[0], str(out))
    new = Project(title="new")
    report = inventory.apply_inventory(new, table.read_csv_bytes(out.read_bytes()))
    assert not report.messages
    assert len(report.added) == len(project.maps[0].cards)
    assert _cells(new) == _cells(project)
    checked_bytes(new)  # the loader takes the result


def test_csv_import_into_the_same_project_updates_and_changes_nothing(tmp_path: Path) -> None:
    project = _sample()
    out = tmp_path / "cards.csv"
    write_inventory_csv(project, project.maps[0], str(out), ";")
    before = project.model_dump()
    report = inventory.apply_inventory(project, table.read_csv_bytes(out.read_bytes()))
    assert not report.added and not report.updated
    assert len(report.unchanged) == len(project.maps[0].cards)
    assert report.summary() == f"0 added, 0 updated, 0 refused, {len(report.unchanged)} unchanged"
    assert project.model_dump() == before
    # one changed cell: that card alone is updated
    first = project.maps[0].cards[1]
    assert first.title.isprintable() and "," not in first.title
    text = out.read_bytes().decode("utf-8-sig").replace(first.title, "Retitled", 1)
    report = inventory.apply_inventory(project, table.read_csv_bytes(text.encode()))
    assert report.updated == [first.id] and first.title == "Retitled"
    assert len(report.unchanged) == len(project.maps[0].cards) - 1


def test_xlsx_round_trip_has_the_three_sheets_and_the_same_cells(tmp_path: Path) -> None:
    project = _sample()
    out = tmp_path / "cards.xlsx"
    write_inventory_xlsx(project, project.maps[0], str(out))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Cards", "Curve", "KPIs"]
    points = sum(len(c.points) for c in project.maps[0].curves)
    assert book["Curve"].max_row == 1 + points
    # The formula is text, not a formula, and carries the guard.
    title_col = [c.value for c in book["Cards"][1]].index("title") + 1
    cell = book["Cards"].cell(row=2, column=title_col)
    assert cell.data_type == "s" and cell.value.startswith("'=")
    new = Project()
    sheets = table.read_xlsx_sheets(out)
    report = apply_workbook(new, sheets, create_metrics=True)
    assert not report.failed, report.messages
    assert _cells(new) == _cells(project)
    # The Curve sheet comes back too: same points (ids included), curves and scales.
    expected = curve_point_rows(project, project.maps[0])
    assert curve_point_rows(new, new.maps[0]) == expected
    checked_bytes(new)
    # An edited score in the Curve sheet updates that point in place.
    point = project.maps[0].curves[0].points[0]
    sheets["Curve"].rows[0][CURVE_COLUMNS.index("score")] = "1,5"
    report = apply_workbook(project, sheets)
    assert point.score == 1.5
    assert "sheet Curve: 1 updated" in report.changes  # the other points: as they were
    assert not any("sheet Curve" in m.where for m in report.messages)


def test_export_guards_formulas_and_import_strips_exactly_the_guard(tmp_path: Path) -> None:
    project = _sample()
    out = tmp_path / "cards.csv"
    write_inventory_csv(project, project.maps[0], str(out))
    text = out.read_bytes().decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'=SUM(A1)" in text
    for line in text.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "@", "+"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12))
def test_guard_round_trip(text: str) -> None:
    guarded = table.guard(text)
    assert guarded[:1] not in table.FORMULA_START
    assert table.unguard(guarded) == text


ITALIAN = (
    "\ufeffFase;Passo;Corsia;Tipo;Titolo;Canale;Responsabili;Etichette;Impatto;Descrizione\r\n"
    'Scelta;Confronto;Azioni;azione;"Confronta\r\ni prezzi";Sito web;"Vendite:capo; Logistica";'
    '"veloce;rapido";4,5;"testo; con punto e virgola"\r\n'
    "Scelta;;;punto critico;Troppi modelli;Fiera di paese;;;;\r\n"
)


def test_italian_excel_csv() -> None:
    tab = table.read_csv_bytes(ITALIAN.encode("utf-8"))
    assert tab.delimiter == ";"
    project = Project(language="it")
    report = inventory.apply_inventory(project, tab, new_map_name="Officina")
    assert not report.refused, report.messages
    jmap = project.maps[0]
    first, second = jmap.cards
    assert first.title == "Confronta\ni prezzi"
    assert first.scores == {"impact": 4.5}
    assert first.channel == "web"  # the built-in's Italian label
    assert first.kind == "action"  # the built-in's Italian label, in any case
    teams = {t.id: t.name for t in project.teams}
    assert [(teams[o.team], o.role) for o in first.owners] == [
        ("Vendite", "capo"),
        ("Logistica", ""),
    ]
    assert first.tags == ["veloce", "rapido"]
    assert first.body == "testo; con punto e virgola"
    # No step: the stage's first; no lane: the lane of the card's kind.
    assert second.step == jmap.stages[0].steps[0].id
    lane = next(la for la in jmap.lanes if la.id == second.lane)
    assert second.kind == "pain_point" and lane.kind == "pain_points"
    # An unknown channel is created in the project's vocabulary, labelled as written.
    assert second.channel == "fiera_di_paese"
    assert any(e.label == {"it": "Fiera di paese"} for e in project.vocabularies.channels)


def test_headers_in_any_case_with_accents() -> None:
    data = 'STAGE,Títle,Bódy,Score:NPS,Whatever\nA,T,B,"1,5",x\n'.encode()
    project = Project()
    report = inventory.apply_inventory(project, table.read_csv_bytes(data))
    card = project.maps[0].cards[0]
    assert (card.title, card.body, card.scores) == ("T", "B", {"NPS": 1.5})
    assert [m.line("f.csv") for m in report.messages] == [
        "f.csv: row 1, column Whatever: warning: unknown column, ignored"
    ]


def test_problem_rows_are_named_and_the_rest_imports() -> None:
    cid = "11111111-2222-4333-8444-555555555555"
    data = (
        "id,stage,title,body,sentiment,order\n"
        f"{cid},A,first,,,\n"
        f"{cid},A,again,,,\n"
        ",,no stage,,,\n"
        ",A,,,,\n"
        f",A,{'x' * 501},,,\n"
        ",A,ok,,angry,-1\n"
        "not-an-id,A,kept,,,\n"
    ).encode()
    project = Project()
    report = inventory.apply_inventory(project, table.read_csv_bytes(data))
    lines = [m.line("in.csv") for m in report.messages]
    assert lines == [
        "in.csv: row 3, column id: duplicate id, already on row 2; row refused",
        "in.csv: row 4, column stage: empty; a card needs a stage",
        "in.csv: row 5, column title: empty, and so is the body",
        "in.csv: row 6, column title: longer than 500 characters; row refused",
        "in.csv: row 7, column sentiment: warning: "
        "'angry' is not positive, neutral or problematic; ignored",
        "in.csv: row 7, column order: warning: "
        "'-1' is not a whole number from 0 to 1000000; ignored",
        "in.csv: row 8, column id: warning: "
        "'not-an-id' is not a JourneyDesk id; the row adds a new card",
    ]
    assert report.refused == [3, 4, 5, 6]
    assert [c.title for c in project.maps[0].cards] == ["first", "ok", "kept"]
    assert project.maps[0].cards[0].id == cid
    checked_bytes(project)


def test_rows_past_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inventory, "MAX_ROWS", 3)
    data = ("stage,title\n" + "".join(f"A,t{i}\n" for i in range(5))).encode()
    project = Project()
    report = inventory.apply_inventory(project, table.read_csv_bytes(data))
    assert len(project.maps[0].cards) == 3
    assert report.refused == [5, 6]
    assert report.messages[0].line("x") == "x: row 5: past the limit of 3 rows; 2 rows refused"


def test_quoted_cell_over_several_lines_keeps_its_row_number() -> None:
    data = b'stage,title\nA,"one\ntwo\nthree"\n,bad\n'
    report = inventory.apply_inventory(Project(), table.read_csv_bytes(data))
    assert report.refused == [5]


def test_update_by_id_moves_and_clears(tmp_path: Path) -> None:
    project = _sample()
    jmap = project.maps[0]
    card = jmap.cards[0]
    last_stage = jmap.stages[-1]
    data = (f"id,stage,step,tags,impact,channel\n{card.id},{last_stage.name},,,,\n").encode()
    report = inventory.apply_inventory(project, table.read_csv_bytes(data))
    assert report.updated == [card.id] and not report.added
    assert card.step == last_stage.steps[0].id
    assert card.tags == [] and "impact" not in card.scores and card.channel is None
    assert card.title.startswith("=HYPERLINK")  # no title column: untouched


def test_numbers_as_people_type_them() -> None:
    cases = {"4,5": 4.5, "4.5": 4.5, "1.234,5": 1234.5, "1,234.5": 1234.5, "-2": -2.0,
             "abc": None, "": None, "1e3": 1000.0, "\u22123": -3.0}  # fmt: skip
    assert {k: table.parse_number(k) for k in cases} == cases


# --- the commands ---------------------------------------------------------------


def test_cli_export_then_import_new_and_into(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _sample()
    src = tmp_path / "p.journey"
    write_project(project, src)
    csv_out, xlsx_out = tmp_path / "c.csv", tmp_path / "c.xlsx"
    assert main(["export", "csv", str(src), "-o", str(csv_out), "--delimiter", ";"]) == 0
    assert main(["export", "xlsx", str(src), "-o", str(xlsx_out)]) == 0
    new = tmp_path / "new.journey"
    assert main(["import", "xlsx", str(xlsx_out), "-o", str(new)]) == 0
    back = read_project(new)
    assert _cells(back) == _cells(project)
    # The KPIs sheet comes back too (its metrics defined in the new project).
    kpis = [[str(c) for c in r] for r in kpi_rows(project, project.maps[0])[1]]
    assert [[str(c) for c in r] for r in kpi_rows(back, back.maps[0])[1]] == kpis
    # --dry-run writes nothing; --into updates in place.
    before = src.read_bytes()
    assert main(["import", "csv", str(csv_out), "--into", str(src), "--dry-run"]) == 0
    assert src.read_bytes() == before
    capsys.readouterr()
    assert main(["import", "csv", str(csv_out), "--into", str(src)]) == 0
    out = capsys.readouterr().out
    assert f"0 added, 0 updated, 0 refused, {len(project.maps[0].cards)} unchanged" in out
    assert read_project(src).model_dump(exclude={"modified"}) == copy.deepcopy(project).model_dump(
        exclude={"modified"}
    )


def test_cli_refused_rows_exit_1_and_name_the_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.csv"
    src.write_text("stage,title\nA,fine\n,orphan\n", encoding="utf-8")
    new = tmp_path / "n.journey"
    assert main(["import", "csv", str(src), "-o", str(new)]) == 1
    err = capsys.readouterr().err
    assert f"{src}: row 3, column stage: empty; a card needs a stage" in err
    assert [c.title for c in read_project(new).maps[0].cards] == ["fine"]


def test_cli_usage_and_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "csv", "x.csv"]) == 2
    assert main(["import", "tsv", "x.csv", "-o", "y"]) == 2
    assert main(["import", "csv", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "y")]) == 1
    assert "missing.csv: $: cannot be read" in capsys.readouterr().err
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    assert main(["import", "xlsx", str(bad), "-o", str(tmp_path / "z")]) == 1
    assert "bad.xlsx: $: not an XLSX workbook" in capsys.readouterr().err


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029")
    | st.sampled_from(["\n", "=", "+", "-", "@", "'", ";", ",", '"', " "]),
    max_size=15,
)


@settings(max_examples=40, deadline=None)
@given(
    titles=st.lists(_TEXT, min_size=1, max_size=4),
    body=_TEXT,
    tag=st.text(alphabet="abc =+;'", min_size=1, max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_any_card_text_survives_the_round_trip(
    titles: list[str], body: str, tag: str, delimiter: str
) -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    for card, title in zip(jmap.cards, titles, strict=False):
        card.title = title if (title + body).strip() else title + "x"
        card.body = body
        tags = [t.strip() for t in tag.split(";") if t.strip()]
        card.tags = list(dict.fromkeys(tags))
    data = table.write_csv_bytes(*_header_and_cells(project), delimiter=delimiter)
    new = Project()
    report = inventory.apply_inventory(new, table.read_csv_bytes(data))
    assert not report.failed, report.messages
    assert _cells(new) == _cells(project)


def _header_and_cells(project: Project) -> tuple[list[str], list[list[str]]]:
    cells = _cells(project)
    return cells[0], cells[1:]


def test_windows_1252_and_tab_separated() -> None:
    data = "fase\ttitolo\r\nCaff\u00e8\tPi\u00f9 zucchero\r\n".encode("cp1252")
    tab = table.read_csv_bytes(data)
    assert tab.delimiter == "\t"
    project = Project()
    inventory.apply_inventory(project, tab)
    assert (project.maps[0].stages[0].name, project.maps[0].cards[0].title) == (
        "Caff\u00e8",
        "Pi\u00f9 zucchero",
    )


def test_a_blank_title_with_a_body_is_a_card() -> None:
    """Hypothesis found it: a title of spaces hid the body from the "no text" check."""
    data = b"stage,title,body\nStart, ,0\nStart, , \n"
    report = inventory.apply_inventory(Project(), table.read_csv_bytes(data))
    assert len(report.added) == 1 and report.refused == [3], report.messages
