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
