"""What opening a map imports before its first paint, and that what waits
still works when it is first needed."""

from __future__ import annotations

import os
import subprocess
import sys

_BUILT_THEN_DECODE = r"""
import struct, sys, zlib
from PySide6.QtWidgets import QApplication
app = QApplication([])
from journeydesk.ui.main_window import MainWindow
w = MainWindow()
w.show(); app.processEvents()
LATE = (
    "PIL",
    "journeydesk.model.diff",
    "journeydesk.model.merge_plan",
    "journeydesk.document.verbs_merge",
    "journeydesk.document.verbs_import",
    "journeydesk.exchange.report",
    "journeydesk.exchange.table",
)
print("LATE", sorted(m for m in LATE if m in sys.modules))

def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

raw = b"".join(b"\0" + bytes((200, 80, 60)) * 4 for _ in range(3))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
from journeydesk.render.decode import decode_pil
image = decode_pil(png)
print("DECODED", image.size, image.mode, image.getpixel((1, 1)), "PIL" in sys.modules)
"""


def test_what_waits_for_its_first_use() -> None:
    """The built window (every panel, the canvas, the painters, the menus) does
    not import PIL, the comparison and merge machinery or the importers; the
    first decode imports PIL, and decodes (tests/ui/test_compare.py and
    tests/ui/test_data_io.py run comparisons, merges and imports)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", _BUILT_THEN_DECODE],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    assert lines["LATE"] == "[]"
    assert lines["DECODED"] == "(4, 3) RGB (200, 80, 60) True"


_RUN_APP = r"""
import sys
from PySide6.QtWidgets import QApplication
import journeydesk
from journeydesk.ui import app as app_module

seen = {}
probe = app_module._probe


def spy(moment):
    app = QApplication.instance()
    seen[moment] = (app.windowIcon().isNull(), app.applicationVersion())
    if moment == "map":
        app.aboutToQuit.connect(
            lambda: print("QUIT", app.windowIcon().isNull(), app.applicationVersion())
        )
    return probe(moment)


app_module._probe = spy
code = app_module.run_app(sys.argv[1])
print("MAP", *seen["map"])
print("VERSION", journeydesk.__version__)
"""



def _run_app(tmp_path, shape: str, cards: int, script: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """``script`` run in a fresh process on a ``shape`` map of ``cards`` cards, with
    empty settings; the lines it printed, by their first word."""
    from bench_shapes import make_shape

    from journeydesk.io import write_project

    path = tmp_path / "m.journey"
    write_project(make_shape(shape, cards), path)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        JOURNEYDESK_STARTUP_PROBE=str(tmp_path / "probe.txt"),
        JOURNEYDESK_CONFIG_DIR=str(tmp_path / "config"),
        JOURNEYDESK_STATE_DIR=str(tmp_path / "state"),
        JOURNEYDESK_CACHE_DIR=str(tmp_path / "cache"),
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    return dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)

def test_icon_and_version_are_set_after_the_map_is_painted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``run_app`` paints the map, then sets the window icon and the version
    (both still set: the benchmark's run quits after them)."""
    lines = _run_app(tmp_path, "current", 60, _RUN_APP)
    assert lines["MAP"] == "True "  # no icon, no version yet
    version = lines["VERSION"]
    assert version and lines["QUIT"] == f"False {version}"


_RUN_APP_GC = r"""
import gc, importlib.abc, importlib.util, sys

collections = []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info["generation"]))
seen = {}


class Spy(importlib.abc.MetaPathFinder):
    # journeydesk.ui.app's _probe noted, as the command line imports it
    def find_spec(self, name, path, target=None):
        if name != "journeydesk.ui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            probe = module._probe

            def spy(moment):
                seen[moment] = (len(collections), gc.isenabled(), gc.get_freeze_count())
                return probe(moment)

            module._probe = spy

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, Spy())
from journeydesk.cli import main

before = len(collections)
main([sys.argv[1]])
print("BEFORE", before)
print("FRAME", *seen["frame"])
print("MAP", *seen["map"])
"""


def test_no_collection_walks_the_start_and_the_heap_is_frozen_after(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """From ``journeydesk FILE``'s start (before Qt and the app are imported) to
    the first map drawn the cyclic collector does not run; at the map it is on
    again and what the start made is frozen (main_window.settle_heap), so no
    young collection walks it."""
    lines = _run_app(tmp_path, "dense", 300, _RUN_APP_GC)
    at_frame, paused, _ = lines["FRAME"].split()
    at_map, enabled, frozen = lines["MAP"].split()
    assert paused == "False" and enabled == "True"
    # no collection from the command line's start (Qt and the app imported) to the map
    assert at_map == at_frame == lines["BEFORE"]
    assert int(frozen) > 100_000  # the start's objects, the project and its layout


def test_the_collector_is_back_on_when_the_window_never_comes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``journeydesk FILE`` pauses the collector before importing the app; when
    ``run_app`` fails (or returns) without drawing a map it is on again."""
    import gc

    import pytest

    from journeydesk import cli

    def fail(path: str | None) -> int:
        assert not gc.isenabled()
        raise RuntimeError("no display")

    monkeypatch.setattr("journeydesk.ui.app.run_app", fail)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        cli.main(["nowhere.journey"])
    assert gc.isenabled()
    monkeypatch.setattr("journeydesk.ui.app.run_app", lambda path: 0)
    assert cli.main(["nowhere.journey"]) == 0
    assert gc.isenabled()
