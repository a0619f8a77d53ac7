"""The file side and the main window do not import each other in a circle.

``files.py`` (and what it is made of: the window list, the recovery dialog,
the template chooser, the file guard, the editing context) knows a window
only by its public face, ``windows.ProjectWindow``; the main window imports
the file side. Checked on the import graph (grimp, which import-linter is
built on; imports under ``TYPE_CHECKING`` and inside functions count), by
importing each module alone, and on the source for reaches into a window's
private members."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

import journeydesk

FILE_SIDE = [
    "journeydesk.ui.files",
    "journeydesk.ui.windows",
    "journeydesk.ui.recovery",
    "journeydesk.ui.template_chooser",
    "journeydesk.ui.file_guard",
    "journeydesk.ui.context",
]
UI = Path(journeydesk.__file__).parent / "ui"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("journeydesk", cache_dir=None)


@pytest.mark.parametrize("module", FILE_SIDE)
def test_the_file_side_never_reaches_the_main_window(graph: grimp.ImportGraph, module: str) -> None:
    chain = graph.find_shortest_chain(importer=module, imported="journeydesk.ui.main_window")
    assert chain is None, f"{module} imports the main window: {' -> '.join(chain or ())}"


def test_no_cycle_between_files_and_the_main_window(graph: grimp.ImportGraph) -> None:
    assert graph.find_shortest_chain(
        importer="journeydesk.ui.main_window", imported="journeydesk.ui.files"
    )  # the window uses the file side ...
    assert not graph.chain_exists(
        importer="journeydesk.ui.files", imported="journeydesk.ui.main_window"
    )  # ... and not the other way


@pytest.mark.timeout(60)
@pytest.mark.parametrize("module", ["journeydesk.ui.files", "journeydesk.ui.main_window"])
def test_each_module_imports_alone(module: str) -> None:
    code = (
        f"import sys, {module}, journeydesk.ui.files as f\n"
        "f.FileController, f.RecoveryDialog, f.TemplateChooser, f.windows\n"
        f"print('journeydesk.ui.main_window' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=50,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.strip() == "True"
    assert loaded == (module == "journeydesk.ui.main_window")


@pytest.mark.parametrize("name", ["files.py", "recovery.py", "file_guard.py", "windows.py"])
def test_the_file_side_uses_only_public_members_of_a_window(name: str) -> None:
    source = (UI / name).read_text(encoding="utf-8")
    private = re.findall(
        r"\b(?:window|target|restored|viewer|shown|files)\._[a-z]\w*", source
    )
    assert private == []


def test_no_ui_module_over_800_lines() -> None:
    long = {
        p.name: n
        for p in (UI / n for n in ("files.py", "recovery.py", "template_chooser.py",
                                   "windows.py", "context.py", "main_window.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800
    }
    assert long == {}
