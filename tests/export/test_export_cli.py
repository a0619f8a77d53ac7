"""``journeydesk export``: exit statuses, one-line problems, options that reach the PDF.

In-process through ``run_export``, and once as ``python -m journeydesk export``
in a process of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeydesk.export.cli import run_export
from journeydesk.io import write_project
from journeydesk.model import Project

from .conftest import make_project, needs_poppler, page_sizes, squash, text

pytestmark = needs_poppler


@pytest.fixture
def src(tmp_path: Path, project: Project) -> Path:
    path = tmp_path / "mappa.journey"
    write_project(project, path)
    return path


def errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


def test_pdf_defaults(src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "poster.pdf"
    assert run_export(["pdf", str(src), "-o", str(out)]) == 0
    assert page_sizes(out) == [pytest.approx((2383.94, 1683.78), abs=0.01)] * 2  # A1, every map
    assert capsys.readouterr().err == ""


def test_pdf_options_reach_the_file(src: Path, tmp_path: Path, project: Project) -> None:
    out = tmp_path / "a3.pdf"
    args = [
        "pdf",
        str(src),
        "-o",
        str(out),
        "--map",
        project.maps[1].name,
        "--paper",
        "a3",
        "--orientation",
        "PORTRAIT",
        "--hide-lane-kind",
        "backstage",
        "--no-legend",
    ]
    assert run_export(args) == 0
    assert page_sizes(out) == [pytest.approx((841.89, 1190.55), abs=0.01)]
    page = text(out, 1)
    assert "Back-office" not in page and "Legenda" not in page
    assert "Azioni" in page
    assert [o.title for o in PdfReader(out).outline] == [project.maps[1].name]


def test_pdf_maps_by_id_in_the_order_asked(src: Path, tmp_path: Path, project: Project) -> None:
    out = tmp_path / "two.pdf"
    a, b = project.maps
    args = ["pdf", str(src), "-o", str(out), "--map", b.id, "--map", a.name.upper()]
    assert run_export(args) == 0
    assert [o.title for o in PdfReader(out).outline] == [b.name, a.name]


def test_pdf_tiled_and_bleed(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "tiles.pdf"
    args = [
        "pdf",
        str(src),
        "-o",
        str(out),
        "--map",
        "Stato attuale",
        "--tile",
        "A4",
        "--overlap",
        "15",
    ]
    assert run_export(args) == 0
    sizes = page_sizes(out)
    assert len(sizes) == 16 and sizes[1] == pytest.approx((595.28, 841.89), abs=0.01)
    assert "sovrapposizione 15 mm" in squash(text(out, 2))
    cropped = tmp_path / "cropped.pdf"
    args = [
        "pdf",
        str(src),
        "-o",
        str(cropped),
        "--map",
        "Stato attuale",
        "--tile",
        "a4",
        "--tile-area",
        "map",
    ]
    assert run_export(args) == 0
    assert len(page_sizes(cropped)) <= 16
    assert "ritagliato sulla mappa" in squash(text(cropped, 1))
    out = tmp_path / "bleed.pdf"
    assert run_export(["pdf", str(src), "-o", str(out), "--paper", "A2", "--bleed"]) == 0
    w = 594 * 72 / 25.4 + 2 * 13 * 72 / 25.4
    assert page_sizes(out)[0] == pytest.approx((w, 420 * 72 / 25.4 + 2 * 13 * 72 / 25.4), abs=0.01)


def test_small_text_warning_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wide.journey"
    write_project(make_project(n_maps=1, n_stages=8), path)
    assert run_export(["pdf", str(path), "-o", str(tmp_path / "w.pdf"), "--paper", "A4"]) == 0
    (line,) = errors(capsys)
    assert line.startswith(f"{path}: $: warning: ") and "below 6 pt" in line


@pytest.mark.parametrize(
    "args",
    [
        ["pdf", "{src}", "-o", "{out}", "--paper", "B5"],
        ["pdf", "{src}", "-o", "{out}", "--orientation", "sideways"],
        ["pdf", "{src}", "-o", "{out}", "--tile", "A1"],
        ["pdf", "{src}", "-o", "{out}", "--tile", "A4", "--bleed"],
        ["pdf", "{src}", "-o", "{out}", "--overlap", "-3"],
        ["pdf", "{src}"],
        ["pdf", "-o", "{out}"],
        ["png", "{src}", "-o", "{out}", "--dpi", "2"],
        ["png", "{src}", "-o", "{out}", "--dpi", "many"],
        ["gif", "{src}", "-o", "{out}"],
        [],
    ],
)
def test_usage_errors_exit_2(
    args: list[str], src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.out"
    filled = [a.format(src=src, out=out) for a in args]
    assert run_export(filled) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err
    assert not out.exists()


def test_unknown_format_is_a_usage_error(
    src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_export(["gif", str(src), "-o", str(tmp_path / "x")]) == 2
    assert "unknown format 'gif'" in capsys.readouterr().err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_export(["pdf", "--help"]) == 0
    assert "--paper" in capsys.readouterr().out
    assert run_export(["--help"]) == 0


def test_invalid_file_lists_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.journey"
    bad.write_text('{"format": "journeydesk", "format_version": 1, "maps": [{"name": 3}]}')
    assert run_export(["pdf", str(bad), "-o", str(tmp_path / "b.pdf")]) == 1
    lines = errors(capsys)
    assert lines and all(line.startswith(f"{bad}: $") for line in lines)
    assert not (tmp_path / "b.pdf").exists()
    assert (
        run_export(["pdf", str(tmp_path / "missing.journey"), "-o", str(tmp_path / "b.pdf")]) == 1
    )
    (line,) = errors(capsys)
    assert line == f"{tmp_path / 'missing.journey'}: $: no such file"


def test_unknown_map_and_lane(
    src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "m.pdf"
    assert run_export(["pdf", str(src), "-o", str(out), "--map", "Nessuna"]) == 1
    (line,) = errors(capsys)
    assert line.startswith(f"{src}: --map: no map named 'Nessuna'")
    assert run_export(["png", str(src), "-o", str(out), "--lane", "Nessuna"]) == 1
    (line,) = errors(capsys)
    assert line.startswith(f"{src}: --lane: ")
    assert not out.exists()


def test_never_overwrites_the_input(src: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = src.read_bytes()
    same = os.path.join(os.path.dirname(src), ".", src.name)
    for target in (str(src), same):
        assert run_export(["pdf", str(src), "-o", target]) == 1
        (line,) = errors(capsys)
        assert "input file" in line
    link = src.with_name("link.journey")
    link.symlink_to(src)
    assert run_export(["png", str(src), "-o", str(link)]) == 1
    assert src.read_bytes() == before


def test_unwritable_output(src: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_export(["pdf", str(src), "-o", str(tmp_path / "no" / "x.pdf")]) == 1
    (line,) = errors(capsys)
    assert line.startswith(f"{tmp_path / 'no' / 'x.pdf'}: $: cannot be written")
    assert run_export(["pdf", str(src), "-o", str(tmp_path)]) == 1
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert run_export(["pdf", str(src), "-o", str(locked / "x.pdf")]) == 1


def test_png_cli(src: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image as PilImage

    out = tmp_path / "m.png"
    assert (
        run_export(
            ["png", str(src), "-o", str(out), "--dpi", "60", "--map", "Stato futuro “ideale”"]
        )
        == 0
    )
    with PilImage.open(out) as image:
        assert image.format == "PNG" and image.info["dpi"][0] == pytest.approx(60, abs=0.1)


def test_python_m_journeydesk_export(src: Path, tmp_path: Path) -> None:
    """``python -m journeydesk export``: a new process with no display and no
    QApplication writes the PDF, its chrome in the project's Italian (the
    catalogue's words, read from the compiled translations without Qt)."""
    out = tmp_path / "m.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "journeydesk",
            "export",
            "pdf",
            str(src),
            "-o",
            str(out),
            "--paper",
            "A3",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert page_sizes(out) == [pytest.approx((1190.55, 841.89), abs=0.01)] * 2
    words = squash(text(out))
    for italian in ("Percorso del cliente", "Legenda", "Linea di visibilità", "Molto positiva"):
        assert italian in words, (italian, words)
    assert "Customer journey" not in words and "Legend " not in words
    slides = tmp_path / "slides"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "journeydesk",
            "export",
            "slides",
            str(src),
            "-o",
            str(slides),
            "--size",
            "1280x720",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert (slides / "manifest.json").is_file() and (slides / "narration.srt").is_file()
    done = subprocess.run(
        [sys.executable, "-m", "journeydesk", "export", "gif", str(src), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2 and "unknown format" in done.stderr
