"""Export profiles saved in the project drive the poster from the command line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader

from journeydesk import templates
from journeydesk.export.cli import run_export
from journeydesk.io import write_project
from journeydesk.model import ExportProfile


def _project_with_profile(tmp_path: Path) -> Path:
    project = templates.new_project("service-blueprint", "en")
    project.export_profiles.append(
        ExportProfile(
            name="Client copy",
            paper="A3",
            orientation="landscape",
            hide_lane_kinds=["backstage", "support"],
            comments=False,
            brand_colour="#0055AA",
        )
    )
    path = tmp_path / "p.journey"
    write_project(project, path)
    return path


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60
    ).stdout


def test_profile_sets_paper_and_leaves_lanes_out(tmp_path: Path) -> None:
    src = _project_with_profile(tmp_path)
    out = tmp_path / "client.pdf"
    assert run_export(["pdf", str(src), "-o", str(out), "--profile", "client copy"]) == 0
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 842)  # A3 landscape
    text = _text(out)
    assert "Frontstage" in text
    assert "Backstage" not in text and "Support processes" not in text


def test_options_typed_win_over_the_profile(tmp_path: Path) -> None:
    src = _project_with_profile(tmp_path)
    out = tmp_path / "a2.pdf"
    assert (
        run_export(
            [
                "pdf",
                str(src),
                "-o",
                str(out),
                "--profile",
                "Client copy",
                "--paper",
                "A2",
                "--hide-lane-kind",
                "notes",
            ]
        )
        == 0
    )
    box = PdfReader(str(out)).pages[0].mediabox
    assert round(float(box.width)) == 1684  # A2 landscape
    assert "Backstage" in _text(out)


def test_unknown_profile_is_bad_input(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = _project_with_profile(tmp_path)
    assert run_export(["pdf", str(src), "-o", str(tmp_path / "x.pdf"), "--profile", "Nope"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{src}: --profile: no export profile named 'Nope'")
    assert not (tmp_path / "x.pdf").exists()
