"""The import-linter contracts in pyproject.toml catch a wrong import.

``tests/test_quality.py`` runs ``lint-imports`` on the package and expects
every contract kept; a contract that is mistyped, names a package that
moved, or is too loose would be kept too. So here the package is copied,
one wrong import is added to the copy, and ``lint-imports`` on the copy
must fail and name the contract and the import; the unchanged copy passes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).parent / "lint-imports"
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "importlinter"
]
LAYERS = "every package in its layer, top to bottom"
NO_QT = next(c["name"] for c in CONFIG["contracts"] if c["type"] == "forbidden")


def test_the_no_qt_contract_covers_the_pdf_side_only() -> None:
    forbidden = next(c for c in CONFIG["contracts"] if c["type"] == "forbidden")
    sources = set(forbidden["source_modules"])
    assert {"journeydesk.render.reportlab", "journeydesk.layout", "journeydesk.model"} <= sources
    assert not any(s.startswith(("journeydesk.render.qpainter", "journeydesk.document"))
                   for s in sources)


def test_one_layers_contract_names_every_package() -> None:
    contracts = [c for c in CONFIG["contracts"] if c["type"] == "layers"]
    assert len(contracts) == 1 and contracts[0]["name"] == LAYERS
    named = {
        name.strip().removeprefix("journeydesk.")
        for layer in contracts[0]["layers"]
        for name in layer.replace(":", "|").split("|")
    }
    package = ROOT / "journeydesk"
    present = {
        p.stem if p.is_file() else p.name
        for p in package.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists())
        or (p.suffix == ".py" and p.stem not in ("__init__", "__main__"))
    }
    assert present <= named, f"not in the layers contract: {sorted(present - named)}"


def _lint(tmp_path: Path, bad: tuple[str, str] | None) -> subprocess.CompletedProcess[str]:
    shutil.copytree(
        ROOT / "journeydesk", tmp_path / "journeydesk", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    if bad is not None:
        module, line = bad
        path = tmp_path / (module.replace(".", "/") + ".py")
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.run(
        [str(LINT), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def test_the_unchanged_copy_is_kept(tmp_path: Path) -> None:
    proc = _lint(tmp_path, None)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract", "shown"),
    [
        # a lower layer importing a higher one
        ("journeydesk.model.checks", "import journeydesk.render.reportlab", LAYERS,
         "journeydesk.model.checks -> journeydesk.render.reportlab"),
        ("journeydesk.layout.text", "from journeydesk.export import png", LAYERS,
         "journeydesk.layout.text -> journeydesk.export.png"),
        ("journeydesk.render.qpainter", "from journeydesk.document import document", LAYERS,
         "journeydesk.render.qpainter -> journeydesk.document.document"),
        # Qt where none may be
        ("journeydesk.render.reportlab", "from PySide6 import QtGui", NO_QT,
         "journeydesk.render.reportlab -> PySide6"),
        ("journeydesk.layout.page", "import PySide6.QtCore", NO_QT,
         "journeydesk.layout.page -> PySide6"),
    ],
)
def test_a_wrong_import_breaks_its_contract(
    tmp_path: Path, module: str, line: str, contract: str, shown: str
) -> None:
    proc = _lint(tmp_path, (module, line))
    out = " ".join((proc.stdout + proc.stderr).split())  # long names wrap in the report
    assert proc.returncode != 0, out
    assert f"{contract} BROKEN" in out, out
    assert shown in out, out
