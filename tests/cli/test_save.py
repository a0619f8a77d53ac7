"""``journeydesk save FILE -o OUT``: any file the app opens is rewritten in the current
format through write_project (the app's Save); problems are ``FILE: WHERE: WHAT``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.cli import SUBCOMMANDS, main
from journeydesk.io import dump_bytes, read_project

MISSING = "00000000-0000-4000-8000-999999999999"


@pytest.fixture(autouse=True)
def no_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail, not hang, if a word is taken for a file to open in the editor."""

    def refuse(path: str | None) -> int:
        raise AssertionError(f"the editor was opened on {path!r}")

    monkeypatch.setattr("journeydesk.ui.app.run_app", refuse)


def sample(tmp_path: Path) -> Path:
    path = tmp_path / "in.journey"
    path.write_bytes(dump_bytes(templates.new_project("sample", "en")))
    return path


def test_save_is_a_known_first_word() -> None:
    assert "save" in SUBCOMMANDS


def test_save_rewrites_a_file_the_app_opens_in_the_current_format(tmp_path: Path) -> None:
    # A hand-written file: compact, keys out of order, a date-only "created".
    source = tmp_path / "hand.journey"
    source.write_text(
        '{"title": "Negozio", "format_version": 1, "format": "journeydesk",'
        ' "created": "2024-03-01", "x_future": {"keep": [1, "due"]}}',
        encoding="utf-8",
    )
    out = tmp_path / "out.journey"
    assert main(["save", str(source), "-o", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert list(written)[:2] == ["format", "format_version"]
    assert written["created"] == "2024-03-01T00:00:00Z"
    assert written["x_future"] == {"keep": [1, "due"]}
    assert read_project(out) == read_project(source).model_copy(update={"id": written["id"]})
    # Saving the saved file again changes nothing.
    again = tmp_path / "again.journey"
    assert main(["save", str(out), "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()


def test_save_in_place_upgrades_the_file(tmp_path: Path) -> None:
    path = sample(tmp_path)
    path.write_text(json.dumps(json.loads(path.read_bytes())), encoding="utf-8")  # one line
    assert main(["save", str(path), "-o", str(path)]) == 0
    assert path.read_bytes() == dump_bytes(read_project(path))
    assert path.read_text(encoding="utf-8").count("\n") > 100


def test_save_of_an_invalid_file_is_bad_input_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = sample(tmp_path)
    document = json.loads(source.read_bytes())
    document["maps"][0]["cards"][0]["step"] = MISSING
    document["maps"][0]["cards"][1]["lane"] = MISSING
    source.write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "out.journey"
    assert main(["save", str(source), "-o", str(out)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"{source}: $.maps[0].cards[0].step: step {MISSING} does not exist in this map",
        f"{source}: $.maps[0].cards[1].lane: lane {MISSING} does not exist in this map",
    ]
    assert not out.exists()


def test_save_of_a_missing_file_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["save", str(tmp_path / "nope.journey"), "-o", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'nope.journey'}: $: no such file\n"


def test_save_to_a_folder_is_bad_input_and_leaves_it_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = sample(tmp_path)
    folder = tmp_path / "folder"
    folder.mkdir()
    assert main(["save", str(source), "-o", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{folder}: $: cannot be written") and err.count("\n") == 1
    assert folder.is_dir()


@pytest.mark.parametrize(
    "args", [["save"], ["save", "a.journey"], ["save", "-o", "x"], ["save", "a", "b", "-o", "c"]]
)
def test_save_usage_errors_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
