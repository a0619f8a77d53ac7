"""The poster's title block says when the map was last reviewed and who owns it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from journeydesk import templates
from journeydesk.export.pdf.poster import export_pdf
from journeydesk.layout.page import PosterOptions


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Last reviewed 2026-11-03 Owner: Carla Rossi"),
        ("it", "Ultima revisione 2026-11-03 Responsabile: Carla Rossi"),
    ],
)
def test_reviewed_and_owner_in_the_title_block(tmp_path: Path, lang: str, words: str) -> None:
    project = templates.new_project("blank", lang)
    jmap = project.maps[0]
    out = tmp_path / "a.pdf"
    export_pdf(project, [jmap], out, PosterOptions(paper="A3"))
    before = PdfReader(out).pages[0].extract_text()
    assert "2026-11-03" not in before and "Carla" not in before
    jmap.reviewed = dt.date(2026, 11, 3)
    jmap.owner = "Carla Rossi"
    export_pdf(project, [jmap], out, PosterOptions(paper="A3"))
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert words in text
