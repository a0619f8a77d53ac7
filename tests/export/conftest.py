"""Shared fixtures of the export tests: small projects, and poppler readers.

Every check reads the written file back with pypdf or poppler
(pdfinfo, pdffonts, pdftotext, pdftoppm): never trust the writer.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from journeydesk.model import (
    Card,
    Comment,
    Connection,
    CurvePoint,
    EmotionCurve,
    Evidence,
    JourneyMap,
    Lane,
    Persona,
    Project,
    Separator,
    Stage,
    Step,
)

MARKUP = "<b>Bold</b> &amp; <font>"
ITALIAN = "Perché è già più caro: “qualità” a 499 € però"
ACCENTS = ("è", "à", "ù", "“", "”", "€")

POPPLER = all(shutil.which(t) for t in ("pdfinfo", "pdffonts", "pdftotext", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


def make_map(name: str, n_stages: int = 3, italian: bool = True) -> JourneyMap:
    stages = [
        Stage(
            name=f"{'Fase' if italian else 'Stage'} {i + 1} {'è già' if italian else ''}".strip(),
            steps=[Step(name=f"Passo {i + 1}.{k + 1} più lungo") for k in range(2)],
        )
        for i in range(n_stages)
    ]
    lanes = [
        Lane(name="Azioni", kind="actions"),
        Lane(name="Emozioni", kind="emotion", display="curve"),
        Lane(name="Punti di contatto", kind="touchpoints"),
        Lane(name="Back-office", kind="backstage"),
    ]
    m = JourneyMap(name=name, stages=stages, lanes=lanes)
    steps = m.steps()
    titles = [
        ITALIAN,
        MARKUP,
        "Confronta i prezzi di tre negozi diversi prima di decidere cosa comprare",
        "Chiama l’assistenza",
    ]
    for i, step in enumerate(steps):
        for j, lane in enumerate((lanes[0], lanes[2], lanes[3])):
            m.cards.append(
                Card(
                    step=step.id,
                    lane=lane.id,
                    kind=("action", "touchpoint", "process")[j],
                    title=titles[(i + j) % len(titles)],
                    body="Il sito non mostra la disponibilità in negozio, quindi telefona."
                    if (i + j) % 2
                    else "",
                    channel="web" if j == 1 else None,
                    sentiment=("positive", "neutral", "problematic", None)[(i + j) % 4],
                    evidence=[Evidence(confidence="observed")] if i % 2 else [],
                )
            )
    m.curves.append(
        EmotionCurve(
            label="Giulia",
            points=[
                CurvePoint(step=s.id, score=(-2, 1, 0, 2, -1, 1)[k % 6], emotion="sollevata")
                for k, s in enumerate(steps)
            ],
        )
    )
    m.connections.append(Connection(source=m.cards[0].id, target=m.cards[4].id, label="poi"))
    m.separators.append(Separator(kind="visibility", after_lane=lanes[2].id))
    return m


def make_project(n_maps: int = 2, n_stages: int = 3) -> Project:
    names = ["Stato attuale", "Stato futuro “ideale”", "Terza mappa"]
    p = Project(
        title="Acquisto lavatrice: è più “semplice” <i>davvero</i>",
        language="it",
        authors=["Anna Rossi", "Marco Bianchi"],
        personas=[Persona(name="Giulia")],
        maps=[make_map(names[i % 3], n_stages) for i in range(n_maps)],
    )
    p.comments.append(
        Comment(
            target=p.maps[0].cards[0].id,
            author="Anna",
            created=dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
            text="Da verificare",
        )
    )
    return p


@pytest.fixture
def project() -> Project:
    return make_project()


# --- poppler readers -----------------------------------------------------------


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True, timeout=60).stdout


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    out = run("pdfinfo", "-f", "1", "-l", "9999", str(pdf))
    return [
        (float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
    ]


def boxes(pdf: Path, page: int = 1) -> dict[str, tuple[float, float, float, float]]:
    out = run("pdfinfo", "-box", "-f", str(page), "-l", str(page), str(pdf))
    found = {}
    for name, *vals in re.findall(
        r"Page\s+\d+\s+(\w+Box):\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)", out
    ):
        found[name] = tuple(float(v) for v in vals)
    return found  # type: ignore[return-value]


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    emb: bool
    sub: bool
    uni: bool


def fonts(pdf: Path) -> list[Font]:
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID
        emb, sub, uni = parts[-5:-2]
        out.append(Font(parts[0], parts[1], emb == "yes", sub == "yes", uni == "yes"))
    return out


def text(pdf: Path, page: int | None = None, *extra: str) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *extra]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return run(*args, str(pdf), "-")


@dataclass(frozen=True)
class Word:
    text: str
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def cx(self) -> float:
        return (self.x1 + self.x2) / 2

    @property
    def cy(self) -> float:
        return (self.y1 + self.y2) / 2


def words(pdf: Path, page: int = 1) -> list[Word]:
    """Words with their boxes (points, origin top left), as poppler reads them."""
    import html

    out = text(pdf, page, "-bbox")
    return [
        Word(html.unescape(t), float(a), float(b), float(c), float(d))
        for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" '
            r'xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>',
            out,
        )
    ]


def rasterize(pdf: Path, out: Path, page: int = 1, dpi: float = 50, gray: bool = True) -> Path:
    """The page as a PNG at ``dpi`` (pdftoppm), returned as a path."""
    args = ["pdftoppm", "-f", str(page), "-l", str(page), "-r", f"{dpi:g}", "-png", "-singlefile"]
    if gray:
        args.append("-gray")
    subprocess.run([*args, str(pdf), str(out.with_suffix(""))], check=True, timeout=60)
    return out.with_suffix(".png")


def squash(s: str) -> str:
    return " ".join(s.split())
