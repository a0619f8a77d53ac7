"""Lint, types, layering, and the promises README.md makes about CI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

README_TEST_COMMAND = "bash packaging/bootstrap.sh --test && .venv/bin/python -m pytest"
README_APP_COMMAND = "bash packaging/bootstrap.sh && .venv/bin/journeydesk"


def _run_tool(args: list[str], timeout: float) -> None:
    exe = BIN / args[0]
    if not exe.exists():
        pytest.fail(f"{exe} is missing: run bash packaging/bootstrap.sh --test")
    try:
        proc = subprocess.run(
            [str(exe), *args[1:]], cwd=ROOT, capture_output=True, text=True,
            timeout=timeout, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(args)} took more than {timeout} s")
    assert proc.returncode == 0, (
        f"{' '.join(args)} exited with {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    )


def test_ruff_check() -> None:
    paths = [p for p in ("journeydesk", "tests", "bench") if (ROOT / p).is_dir()]
    _run_tool(["ruff", "check", "--no-cache", *paths], timeout=120)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_mypy() -> None:
    _run_tool(["mypy", "journeydesk"], timeout=540)


@pytest.mark.timeout(300)
def test_import_layers() -> None:
    """The import-linter contracts in pyproject.toml (which layers may use Qt)."""
    _run_tool(["lint-imports", "--no-cache"], timeout=240)


QT_FREE = ["journeydesk", "journeydesk.model", "journeydesk.io"]
QT_FREE_IF_PRESENT = ["journeydesk.paths", "journeydesk.settings", "journeydesk.templates",
                      "journeydesk.layout", "journeydesk.layout.storyline",
                      "journeydesk.model.catalogue",
                      "journeydesk.export.pdf", "journeydesk.render.reportlab",
                      "journeydesk.layout.sheet"]


def test_model_and_io_import_no_qt() -> None:
    """Model tests, the CLI's validate and the PDF export must work with no Qt loaded."""
    present = [m for m in QT_FREE_IF_PRESENT
               if (ROOT / (m.replace(".", "/") + ".py")).exists()
               or (ROOT / m.replace(".", "/") / "__init__.py").exists()]
    modules = QT_FREE + present
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
        timeout=60, stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]", (
        f"importing {modules} loaded Qt: {proc.stdout.strip()}"
    )


# --- module size ------------------------------------------------------------

MAX_MODULE_LINES = 800
"""A module longer than this holds two ideas (issue #13): split it."""

STILL_TOO_LONG: frozenset[str] = frozenset()
"""Modules allowed over the limit while they are being split (none since #13).
Shrinks only: the test fails when one of them is no longer too long (take it
off) or is gone."""


def _module_lines() -> dict[str, int]:
    return {
        path.relative_to(ROOT).as_posix(): len(path.read_text("utf-8").splitlines())
        for path in sorted((ROOT / "journeydesk").rglob("*.py"))
    }


def test_no_module_is_over_800_lines() -> None:
    lines = _module_lines()
    too_long = {p: n for p, n in lines.items() if n > MAX_MODULE_LINES}
    new = {p: n for p, n in too_long.items() if p not in STILL_TOO_LONG}
    assert not new, f"modules over {MAX_MODULE_LINES} lines (split them): {new}"
    done = sorted(STILL_TOO_LONG - set(too_long))
    assert not done, f"no longer over {MAX_MODULE_LINES} lines, take off STILL_TOO_LONG: {done}"


# --- README.md and .ci/run -------------------------------------------------


def _readme() -> str:
    return (ROOT / "README.md").read_text("utf-8")


def _code_lines(markdown: str) -> list[str]:
    lines, inside = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            inside = not inside
        elif inside:
            lines.append(line.strip())
    return lines


def test_readme_gives_the_two_commands() -> None:
    code = _code_lines(_readme())
    assert README_APP_COMMAND in code
    assert README_TEST_COMMAND in code


def test_readme_has_the_promised_sections() -> None:
    headings = {h.strip().lower() for h in re.findall(r"^#+\s*(.+)$", _readme(), re.M)}
    for wanted in ("quick start", "running the tests", "command line", "project layout",
                   "licence"):
        assert wanted in headings, f"README.md has no '{wanted}' heading"
    assert "GPL-3.0-or-later" in _readme()


def test_ci_runs_exactly_the_readme_test_command() -> None:
    """What CI proves is what a person pastes from the README."""
    readme_commands = [line for line in _code_lines(_readme())
                       if line.startswith("bash packaging/bootstrap.sh --test")]
    assert readme_commands == [README_TEST_COMMAND]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    ci_lines = [line.strip() for line in ci.splitlines()]
    assert README_TEST_COMMAND in ci_lines, ".ci/run does not run the README's test command"
    assert "set -uo pipefail" in ci_lines
    assert re.search(r'"\$rc" -eq 5|\$rc -eq 5', ci), (
        ".ci/run must fail when pytest collects nothing")


def test_ci_run_turns_no_tests_into_a_failure(tmp_path: Path) -> None:
    """Run .ci/run against stand-ins for bootstrap and pytest that exit as told."""
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "run").write_bytes((ROOT / ".ci" / "run").read_bytes())
    (tmp_path / "packaging").mkdir()
    (tmp_path / "packaging" / "bootstrap.sh").write_text("exit 0\n")
    fake = tmp_path / ".venv" / "bin" / "python"
    fake.parent.mkdir(parents=True)
    fake.write_text('#!/bin/sh\necho "fake pytest $*"\nexit "$FAKE_PYTEST_STATUS"\n')
    fake.chmod(0o755)
    for status, expected in [(0, 0), (1, 1), (2, 2), (5, 1)]:
        env = dict(os.environ, FAKE_PYTEST_STATUS=str(status))
        proc = subprocess.run(["bash", ".ci/run"], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=30, stdin=subprocess.DEVNULL)
        assert proc.returncode == expected, (status, proc.stdout, proc.stderr)
        assert "fake pytest -m pytest" in proc.stdout
        if status == 5:
            assert "no tests" in proc.stderr
