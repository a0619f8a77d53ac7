"""Layering rules import-linter cannot express (see pyproject.toml).

``document`` and ``render/qpainter`` may use Qt's QtCore and QtGui (QUndoStack
lives in QtGui in Qt 6) but no widgets: they run in headless exports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "journeydesk"
ALLOWED_QT = {"PySide6", "PySide6.QtCore", "PySide6.QtGui"}


def qt_imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
            if node.module == "PySide6":
                names = [f"PySide6.{alias.name}" for alias in node.names]
        else:
            continue
        found += [(node.lineno, n) for n in names if n.split(".")[0] in ("PySide6", "shiboken6")]
    return found


@pytest.mark.parametrize(
    "folder",
    [
        "document",
        "render/qpainter.py",
        "render/qpainter_images.py",
        "export/png.py",
        "export/slides.py",
        "export/pptx.py",
        "export/video.py",
    ],
)
def test_only_qtcore_and_qtgui(folder: str) -> None:
    root = PACKAGE / folder
    bad = [
        f"{path.relative_to(PACKAGE)}:{line}: {name}"
        for path in ([root] if root.is_file() else sorted(root.rglob("*.py")))
        if root.exists()
        for line, name in qt_imports(path)
        if name not in ALLOWED_QT
    ]
    assert not bad, (
        "widgets or other Qt modules imported where only QtCore/QtGui may be:\n" + "\n".join(bad)
    )


def test_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text(
        "from PySide6.QtWidgets import QWidget\nfrom PySide6 import QtGui, QtWidgets\n"
    )
    assert [n for _, n in qt_imports(sample)] == [
        "PySide6.QtWidgets",
        "PySide6.QtGui",
        "PySide6.QtWidgets",
    ]
