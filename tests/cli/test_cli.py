"""The journeydesk command line: subcommand-or-file rule, exit statuses, one-line problems."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journeydesk import __version__, templates
from journeydesk.cli import main
from journeydesk.io import read_project

NIL = "00000000-0000-4000-8000-000000000000"


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "journeydesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=full_env,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"journeydesk {__version__}"


def test_version_in_a_subprocess_imports_no_qt() -> None:
    code = (
        "import sys; from journeydesk.cli import main; main(['--version']); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["journeydesk", __version__, "False"]


def test_new_writes_a_valid_sample(tmp_path: Path) -> None:
    out = tmp_path / "s.journey"
    assert main(["new", "-o", str(out), "--lang", "en"]) == 0
    project = read_project(out)
    assert project.language == "en"
    assert len(project.maps) >= 2


def test_new_gives_fresh_ids_every_time(tmp_path: Path) -> None:
    a, b = tmp_path / "a.journey", tmp_path / "b.journey"
    assert main(["new", "-o", str(a), "--lang", "it"]) == 0
    assert main(["new", "-o", str(b), "--lang", "it"]) == 0
    pa, pb = read_project(a), read_project(b)
    ids_a = {c.id for m in pa.maps for c in m.cards} | {m.id for m in pa.maps}
    ids_b = {c.id for m in pb.maps for c in m.cards} | {m.id for m in pb.maps}
    assert ids_a and not ids_a & ids_b
    # same content apart from ids and dates
    assert [c.title for m in pa.maps for c in m.cards] == [
        c.title for m in pb.maps for c in m.cards
    ]


@pytest.mark.parametrize("lang", ["en", "it"])
def test_every_template_in_both_languages(lang: str, tmp_path: Path) -> None:
    for key in templates.template_keys():
        out = tmp_path / f"{key}.{lang}.journey"
        assert main(["new", "-t", key, "--lang", lang, "-o", str(out)]) == 0
        assert read_project(out).language == lang


def test_new_picks_the_users_language(tmp_path: Path) -> None:
    out = tmp_path / "it.journey"
    result = run(
        "new",
        "-o",
        str(out),
        env={"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "it_IT.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    assert read_project(out).language == "it"
    out2 = tmp_path / "de.journey"
    result = run(
        "new",
        "-o",
        str(out2),
        env={"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    assert read_project(out2).language == "en"


def test_new_never_overwrites_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.journey"
    out.write_text("my precious work", encoding="utf-8")
    assert main(["new", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "my precious work"
    err = capsys.readouterr().err
    assert err.startswith(f"{out}: $: already exists")
    assert main(["new", "-o", str(out), "--force"]) == 0
    read_project(out)


def test_list_templates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--list-templates", "--lang", "it"]) == 0
    lines = capsys.readouterr().out.splitlines()
    keys = [line.split("  ", 1)[0] for line in lines]
    assert keys == templates.template_keys()
    assert {"sample", "blank", "day-in-the-life", "service-blueprint"} <= set(keys)
    assert all(len(line.split("  ", 1)) == 2 and line.split("  ", 1)[1] for line in lines)


@pytest.mark.parametrize(
    "args",
    [
        ["new"],  # no -o
        ["new", "-t", "nope", "-o", "x.journey"],
        ["new", "--lang", "fr", "-o", "x.journey"],
        ["validate"],
        ["--version", "extra"],
        ["--no-such-option"],
        ["a.journey", "b.journey"],
    ],
)
def test_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.journey").exists()


def test_validate_reports_every_problem_one_line_each(tmp_path: Path) -> None:
    good = tmp_path / "good.journey"
    assert main(["new", "-o", str(good), "--lang", "en"]) == 0
    doc = json.loads(good.read_text(encoding="utf-8"))
    cards = doc["maps"][0]["cards"]
    cards[0]["lane"] = NIL
    cards[1]["span_steps"] = 0
    cards[2]["title"] = "x" * 600
    bad = tmp_path / "bad.journey"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = run("validate", str(good), str(bad), "missing.journey", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert (
        f"{bad}: $.maps[0].cards[0].lane: lane {NIL} does not exist in this map"
        not in lines
    )  # validation comes first
    assert any(line.startswith(f"{bad}: $.maps[0].cards[1].span_steps: ") for line in lines)
    assert any(line.startswith(f"{bad}: $.maps[0].cards[2].title: ") for line in lines)
    assert "missing.journey: $: no such file" in lines
    assert f"{good}: valid" in result.stdout
    assert all(line.count(": ") >= 2 for line in lines)


def test_validate_reports_dangling_references(tmp_path: Path) -> None:
    good = tmp_path / "good.journey"
    main(["new", "-o", str(good), "--lang", "en"])
    doc = json.loads(good.read_text(encoding="utf-8"))
    doc["maps"][0]["cards"][0]["lane"] = NIL
    doc["maps"][0]["cards"][3]["step"] = doc["maps"][1]["stages"][0]["steps"][0]["id"]
    bad = tmp_path / "bad.journey"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert (
        f"{bad}: $.maps[0].cards[0].lane: lane {NIL} does not exist in this map"
        in lines
    )
    assert any(line.startswith(f"{bad}: $.maps[0].cards[3].step: step ") for line in lines)


def test_a_known_word_after_dot_slash_is_a_file(tmp_path: Path) -> None:
    """`./validate` is a file named validate, handed to the editor; with no display
    the editor cannot start, but it must not be taken for the subcommand."""
    (tmp_path / "validate").write_text("{}", encoding="utf-8")
    code = (
        "import sys, journeydesk.ui.app as a\n"
        "a.run_app = lambda p: print('OPEN', p) or 0\n"
        "from journeydesk.cli import main\n"
        "sys.exit(main(['./validate']))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "OPEN ./validate"


def test_an_unknown_export_format_is_a_usage_error() -> None:
    result = run("export", "gif", "x.journey", "-o", "x.gif")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "unknown format 'gif'" in result.stderr


def test_export_of_a_missing_file_is_bad_input() -> None:
    result = run("export", "video", "missing.journey", "-o", "x.mp4")
    assert result.returncode == 1
    assert result.stderr.strip() == "missing.journey: $: no such file"
