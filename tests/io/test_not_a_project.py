"""A file that is not a JourneyDesk project says so first, in people's words,
with the reader's detail after it (the app and the command line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.cli import main
from journeydesk.io import ProjectFileError, dump_bytes, read_project

HOSTILE = Path(__file__).parent.parent / "hostile"
NOT_A_PROJECT = "is not a JourneyDesk project"


@pytest.mark.parametrize(
    "name",
    ["png_renamed", "binary_garbage", "not_journeydesk", "other_format", "root_array",
     "root_string", "empty", "whitespace_only"],
)
def test_other_files_are_not_projects(name: str) -> None:
    with pytest.raises(ProjectFileError) as info:
        read_project(HOSTILE / f"{name}.journey")
    assert info.value.verdict == "not_a_project"
    assert info.value.headline() == NOT_A_PROJECT
    lines = info.value.report_lines()
    assert lines[0] == f"{HOSTILE / name}.journey: $: {NOT_A_PROJECT}"
    assert lines[1:] == info.value.lines() and lines[1:]  # the detail follows


def test_text_that_is_not_json_is_not_a_project(tmp_path: Path) -> None:
    notes = tmp_path / "notes.journey"
    notes.write_text("Shopping list\n- eggs\n", encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:
        read_project(notes)
    assert info.value.verdict == "not_a_project"
    assert "not valid JSON" in info.value.lines()[0]


def test_a_project_cut_short_is_damaged_not_foreign(tmp_path: Path) -> None:
    data = dump_bytes(templates.new_project("sample", "en"))
    cut = tmp_path / "cut.journey"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ProjectFileError) as info:
        read_project(cut)
    assert info.value.verdict == "damaged"
    assert "damaged JourneyDesk project" in info.value.report_lines()[0]


@pytest.mark.parametrize("name", ["format_version_future", "dangling_card_lane", "latin1_italian"])
def test_problems_of_a_real_project_get_no_verdict(name: str) -> None:
    with pytest.raises(ProjectFileError) as info:
        read_project(HOSTILE / f"{name}.journey")
    assert info.value.verdict == ""
    assert info.value.report_lines() == info.value.lines()


def test_the_command_line_says_it_first(capsys: pytest.CaptureFixture[str]) -> None:
    png = HOSTILE / "png_renamed.journey"
    assert main(["validate", str(png)]) != 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{png}: $: {NOT_A_PROJECT}"
    assert "binary data" in err[1]
    other = HOSTILE / "other_format.journey"
    assert json.loads(other.read_text(encoding="utf-8"))["format"] != "journeydesk"
    main(["validate", str(other)])
    assert capsys.readouterr().err.splitlines()[0] == f"{other}: $: {NOT_A_PROJECT}"
