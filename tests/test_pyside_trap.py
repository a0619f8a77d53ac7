"""Regression guard for the PySide6 "none_dealloc" abort.

PySide6 6.12.0 on CPython 3.11 aborts the interpreter after a few thousand
calls of methods that return None (``setPos`` in a loop): small tests pass,
long editing sessions crash. pyproject.toml pins PySide6 so that no user gets
that pair; these tests check the pin, the installed pair, and that tens of
thousands of such calls run cleanly in a fresh interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
KNOWN_BAD = [(Version("6.12.0"), "3.11")]  # (PySide6, Python major.minor)

CALLS = 40_000
SCRIPT = textwrap.dedent(
    f"""
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import (
        QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem,
    )

    app = QApplication([])
    scene = QGraphicsScene()
    items = []
    for i in range(50):
        rect = QGraphicsRectItem(0, 0, 100, 40)
        text = QGraphicsSimpleTextItem("card %d" % i, rect)
        scene.addItem(rect)
        items.append((rect, text))

    calls = 0
    i = 0
    while calls < {CALLS}:
        rect, text = items[i % len(items)]
        rect.setPos(i % 997, i % 613)            # each of these returns None
        rect.setZValue(i % 7)
        rect.setToolTip("step %d" % i)
        text.setText("card %d" % i)
        rect.update()
        text.setPos(QPointF(2.0, 2.0))
        scene.update()
        rect.setOpacity(1.0)
        calls += 8
        i += 1
        if i % 500 == 0:
            app.processEvents()
    print("PYSIDE-TRAP-DONE", calls, flush=True)
    """
)


def test_many_none_returning_calls_do_not_abort(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        proc = subprocess.run(
            [sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env,
            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"{CALLS} Qt calls did not finish in {exc.timeout} s")
    detail = (f"exit status {proc.returncode}\nstdout:\n{proc.stdout[-2000:]}\n"
              f"stderr:\n{proc.stderr[-4000:]}")
    assert proc.returncode == 0, (
        "the interpreter died during many calls of None-returning Qt methods "
        "(the PySide6 none_dealloc trap?)\n" + detail
    )
    assert f"PYSIDE-TRAP-DONE {CALLS}" in proc.stdout, detail


def _installed_pyside_version() -> Version:
    import PySide6

    return Version(PySide6.__version__)


def test_installed_pyside_is_not_a_known_bad_pair() -> None:
    pyside = _installed_pyside_version()
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert (pyside, python) not in KNOWN_BAD, (
        f"PySide6 {pyside} on Python {python} aborts after a few thousand calls; "
        "rerun bash packaging/bootstrap.sh --test to get the pinned version"
    )


@pytest.mark.parametrize(("bad_pyside", "python"), KNOWN_BAD)
def test_pyproject_pins_exclude_known_bad_pairs(bad_pyside: Version, python: str) -> None:
    """No user gets a bad pair from pip, whatever Python they have."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    env = {"python_version": python, "python_full_version": f"{python}.0"}
    qt = [
        req for req in map(Requirement, deps)
        if req.name.lower().replace("_", "-") in {"pyside6", "pyside6-essentials"}
        and (req.marker is None or req.marker.evaluate(env))
    ]
    assert qt, f"no PySide6 requirement applies to Python {python}"
    for req in qt:
        assert not req.specifier.contains(bad_pyside, prereleases=True), (
            f"{req} allows PySide6 {bad_pyside} on Python {python}, which aborts"
        )
