"""Third-party notices generated from the installed packages (journeydesk.notices)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from journeydesk import notices

RUNTIME = {"pyside6-essentials", "shiboken6", "pydantic", "pydantic-core", "platformdirs",
           "reportlab", "pillow", "fontpkg-atkinson-hyperlegible", "python-pptx", "lxml",
           "imageio-ffmpeg"}
NOT_RUNTIME = {"pytest", "mypy", "ruff", "hypothesis", "pyinstaller", "journeydesk", "build"}


def test_the_closure_is_what_journeydesk_runs_on() -> None:
    names = {notices.canonical(d.metadata["Name"]) for d in notices.runtime_closure()}
    assert names >= RUNTIME, RUNTIME - names
    assert not (NOT_RUNTIME & names), NOT_RUNTIME & names


def test_every_notice_names_a_licence() -> None:
    items = notices.notices(bundle=True)
    by_name = {n.name: n for n in items}
    for n in items:
        assert n.licence and n.version, n
    assert by_name["Qt"].licence == "LGPL-3.0-only"
    assert any("GNU LESSER GENERAL PUBLIC LICENSE" in t for _o, t in by_name["Qt"].texts)
    assert by_name["FFmpeg"].licence.startswith("GPL-")
    assert by_name["FFmpeg"].texts, "ffmpeg's own licence statement"
    assert by_name["Atkinson Hyperlegible (font)"].licence == "OFL-1.1"
    assert by_name["Python"].licence == "PSF-2.0"
    assert "PyInstaller bootloader" in by_name
    pydantic = by_name["pydantic"]
    assert pydantic.licence == "MIT" and "Permission is hereby granted" in pydantic.texts[0][1]


def test_the_text_starts_with_our_licence_and_a_summary() -> None:
    text = notices.notices_text()
    head = text[:3000]
    assert "GPL-3.0-or-later" in head
    for name in ("PySide6", "reportlab", "FFmpeg", "Qt"):
        assert name in head, name
    assert "Python " not in head  # only the bundle carries Python itself


def test_the_command_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / notices.NOTICES_FILE
    proc = subprocess.run([sys.executable, "-m", "journeydesk.notices", "--bundle", "-o", str(out)],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text("utf-8")
    assert text.startswith("JourneyDesk ")
    assert "PyInstaller bootloader" in text


def test_not_frozen_there_is_no_bundled_file() -> None:
    assert notices.bundled_notices() is None


def test_the_fallback_font_has_its_notice_and_licence() -> None:
    from journeydesk.notices import notices_text

    text = notices_text()
    assert "Noto Sans (font)" in text and "SIL Open Font License" in text
