"""``export html``: one self-contained offline file, read back as text and
opened in a real browser (Debian's chromium, headless): the page's script runs
under its Content-Security-Policy, a card opens its details, hostile text stays
text, and the screenshot shows the map."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.export.cli import run_export
from journeydesk.export.html import export_html
from journeydesk.io import write_project
from journeydesk.layout.engine import LayoutOptions

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
HOSTILE = '<img src="http://example.invalid/x.png" onerror="alert(1)">Évil & <b>co</b>'


def _chromium(*args: str) -> str:
    assert CHROMIUM is not None
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--hide-scrollbars",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    return proc.stdout


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


@pytest.fixture
def sample(tmp_path: Path):
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    card = next(c for c in jmap.cards if c.body)
    card.title = HOSTILE
    card.body = "Body line one\n</div><script>alert(2)</script>"
    jmap.stages[0].name = "Αθήνα Москва"
    out = tmp_path / "sample.html"
    report = export_html(project, project.maps, out, LayoutOptions(comments=False))
    return project, card, out, report


def test_one_file_with_no_network_and_every_text_escaped(sample) -> None:
    project, _, out, report = sample
    text = out.read_text("utf-8")
    assert report.maps == len(project.maps) and report.slides > 0
    tags = _tags(text)
    csp = next(
        a for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    policy = csp["content"] or ""
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+';", policy)
    # exactly one script, ours; no element the hostile text could have made
    assert [t for t, _ in tags].count("script") == 1
    assert not [a for t, a in tags if t == "img" and not (a.get("src") or "").startswith("data:")]
    assert "alert(1)" in text  # shown as text...
    assert not [k for _, a in tags for k in a if k.startswith("on")]  # ...never a handler
    # nothing refers outside the file: every src/href is a data: URL or a fragment,
    # every CSS url() a data: URL
    refs = [
        v or ""
        for _, a in tags
        for k, v in a.items()
        if k in ("src", "href", "xlink:href", "action", "srcset", "poster")
    ]
    assert refs and all(r.startswith(("data:", "#")) for r in refs), refs
    assert all(u.startswith("data:") for u in re.findall(r"url\(([^)]*)\)", text))
    # fonts embedded, the fallback too (Greek and Cyrillic stage name)
    assert "data:font/ttf;base64," in text and "NotoSansFallback-Bold" in text
    assert "@font-face{font-family:'JD NotoSansFallback-Regular'" in text  # page text too
    # every drawn card is a focusable button with details
    cards = [a for t, a in tags if t == "g" and a.get("class") == "card"]
    assert cards and all(a.get("tabindex") == "0" and a.get("role") == "button" for a in cards)
    details = {a.get("data-card") for t, a in tags if t == "div" and a.get("class") == "detail"}
    assert {a.get("data-card") for a in cards} <= details
    # persona sheets
    for persona in project.personas:
        assert f'aria-label="{persona.name}"' in text


@pytest.mark.slow
@needs_chromium
def test_chromium_runs_the_page_and_opens_a_card(sample) -> None:
    _, card, out, _ = sample
    dom = _chromium("--dump-dom", out.as_uri() + f"#card={card.id}")
    assert 'data-ready="1"' in dom  # the script ran: the CSP hash matches it
    tags = _tags(dom)
    dialog = next(a for t, a in tags if t == "dialog")
    assert "open" in dialog and dialog.get("data-card") == card.id
    # the dialog holds the card's details, its text as text
    opened = dom.split('<div id="details-body">', 1)[1].split("</dialog>", 1)[0]
    assert "Body line one" in opened and "&lt;script&gt;alert(2)&lt;/script&gt;" in opened
    assert "&lt;img src=" in opened
    assert [t for t, _ in tags].count("script") == 1
    assert not [a for t, a in tags if t == "img" and not (a.get("src") or "").startswith("data:")]
    # the slideshow shows its first slide; each map's viewport got a zoom
    assert re.search(r'class="slideshow"[^>]*data-slide="1"', dom)
    assert re.search(r'class="viewport"[^>]*data-scale="0\.\d+', dom)


@pytest.mark.slow
@needs_chromium
def test_chromium_screenshot_shows_the_map(sample, tmp_path: Path, qtbot) -> None:
    from PySide6.QtGui import QColor, QImage

    _, _, out, _ = sample
    shot = tmp_path / "shot.png"
    _chromium("--window-size=1280,900", f"--screenshot={shot}", out.as_uri())
    image = QImage(str(shot))
    assert not image.isNull() and image.width() == 1280
    # the map's viewport (below the headings) holds the stage header's dark band and cards
    colours = {
        QColor(image.pixel(x, y)).name() for x in range(40, 1240, 7) for y in range(200, 700, 7)
    }
    assert len(colours) > 40, len(colours)  # a drawn map, not an empty box
    dark = sum(
        1
        for x in range(40, 1240, 5)
        for y in range(200, 700, 5)
        if QColor(image.pixel(x, y)).lightness() < 100
    )
    assert dark > 50


def test_export_html_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = templates.new_project("sample", "en")
    src = tmp_path / "sample.journey"
    write_project(project, src)
    out = tmp_path / "one.html"
    second = project.maps[-1]
    assert run_export(["html", str(src), "-o", str(out), "--map", second.id, "--no-storyline"]) == 0
    text = out.read_text("utf-8")
    assert text.count('class="map"') == 1 and second.name in text
    assert 'class="slideshow"' not in text
    assert run_export(["html", str(src), "-o", str(out), "--map", "nope"]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert run_export(["html", str(src)]) == 2


def test_export_profiles_apply_to_html(tmp_path: Path) -> None:
    from journeydesk.model import ExportProfile

    project = templates.new_project("service-blueprint", "en")
    jmap = project.maps[0]
    hidden = next(lane for lane in jmap.lanes if lane.kind == "backstage")
    project.export_profiles.append(
        ExportProfile(name="Client copy", hide_lane_kinds=["backstage"], comments=False)
    )
    src = tmp_path / "p.journey"
    write_project(project, src)
    full, client = tmp_path / "full.html", tmp_path / "client.html"
    assert run_export(["html", str(src), "-o", str(full), "--no-storyline"]) == 0
    args = ["html", str(src), "-o", str(client), "--no-storyline", "--profile", "client copy"]
    assert run_export(args) == 0
    assert hidden.name in full.read_text("utf-8")
    assert hidden.name not in client.read_text("utf-8")
    assert run_export([*args[:-1], "nope"]) == 1
