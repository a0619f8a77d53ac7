"""Saving and loading lose nothing, and saving is atomic.

- hypothesis builds random *valid* projects (every reference resolves, every
  score in range) with awkward text, and checks load(dump(p)) == p and that
  dumping is stable;
- a child process writing a big project over and over is killed with SIGKILL
  at random moments: the file on disk is always a whole old or new version.
"""

from __future__ import annotations

import base64
import datetime as dt
import itertools
import os
import random
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from journey_samples import png_bytes, sample_project

from journeydesk.io import atomic as atomic_module
from journeydesk.io import dump_bytes, load_bytes, read_project, write_project
from journeydesk.model import (
    Asset,
    Card,
    Comment,
    Connection,
    CurvePoint,
    EmotionCurve,
    Evidence,
    JourneyMap,
    KpiValue,
    Lane,
    MapLink,
    MetricDefinition,
    Owner,
    Persona,
    Project,
    Reply,
    Scale,
    ScaleLabel,
    Scene,
    ScoreDefinition,
    Separator,
    Source,
    Stage,
    Step,
    Storyline,
    Team,
    Vocabularies,
    VocabularyEntry,
    check_project,
)

# --- strategies ----------------------------------------------------------------

AWKWARD = [
    "",
    "città perché più già così",
    "Perché è così? «Sì» — ‘no’ … “forse”",
    "🎉 👩🏽‍💻 🇮🇹 ❤️",
    '"virgolette", \\barra\\ e /slash/',
    "<b>&amp;</b> <script>alert(1)</script> &lt;",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u202eRTL override\u202c e \u200fmark",
    "riga 1\nriga 2\r\n\ttab",
    "\x00\x01\x1f\x7f controllo",
    "€ 12,50 · 38 %",
    "  spazi ai lati  ",
    "\ufeffBOM in mezzo",
]
TEXT = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(st.characters(codec="utf-8"), max_size=40),
)
LONG_TEXT = st.one_of(TEXT, st.text(st.characters(codec="utf-8"), max_size=300))
KEYS = st.one_of(
    st.sampled_from(["web", "app", "note", "kano_delighter", "carrier_pigeon", "città", "a b"]),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=20),
)
TZ = st.sampled_from(
    [
        dt.UTC,
        dt.timezone(dt.timedelta(hours=1)),
        dt.timezone(dt.timedelta(hours=5, minutes=30)),
        dt.timezone(dt.timedelta(hours=-3)),
    ]
)
DATETIMES = st.datetimes(
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1), timezones=st.none() | TZ
)
COLOURS = st.none() | st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)
LANGS = st.sampled_from(["en", "it", "pt-BR", "de-CH", "zh-Hant-TW"])
JSON_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**18) + 1, 10**18 - 1),  # what the safe reader accepts
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
JSON_VALUE = st.recursive(
    JSON_LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(st.characters(codec="utf-8"), max_size=10), inner, max_size=4),
    ),
    max_leaves=10,
)


def score_in(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)


@st.composite
def extras(draw: st.DrawFn) -> dict[str, Any]:
    """Unknown keys (prefixed so they never clash with a field) with any JSON value."""
    names = draw(st.lists(st.text("abcdefgh_", min_size=1, max_size=8), max_size=2, unique=True))
    return {f"x_{name}": draw(JSON_VALUE) for name in names}


@st.composite
def projects(draw: st.DrawFn) -> Project:
    counter = itertools.count(1)
    prefix = draw(st.integers(0, 2**32 - 1))

    def new_id() -> str:
        return f"{prefix:08x}-0000-4000-8000-{next(counter):012x}"

    def some(strategy: st.SearchStrategy[Any], hi: int, lo: int = 0) -> list[Any]:
        return draw(st.lists(strategy, min_size=lo, max_size=hi))

    def pick(items: list[str]) -> str | None:
        return draw(st.none() | st.sampled_from(items)) if items else None

    assets = []
    for _ in range(draw(st.integers(0, 2))):
        w, h = draw(st.integers(1, 4)), draw(st.integers(1, 4))
        assets.append(
            Asset(
                id=new_id(),
                name=draw(TEXT),
                type="image/png",
                width=w,
                height=h,
                data=base64.b64encode(png_bytes(w, h)).decode(),
            )
        )
    asset_ids = [a.id for a in assets]
    personas = [
        Persona(
            id=new_id(),
            name=draw(TEXT),
            segment=draw(TEXT),
            quote=draw(LONG_TEXT),
            story=draw(LONG_TEXT),
            goals=some(TEXT, 3),
            pains=some(TEXT, 2),
            colour=draw(COLOURS),
            photo=pick(asset_ids),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    persona_ids = [p.id for p in personas]
    teams = [
        Team(id=new_id(), name=draw(TEXT), colour=draw(COLOURS))
        for _ in range(draw(st.integers(0, 3)))
    ]
    sources = [
        Source(
            id=new_id(),
            title=draw(TEXT),
            kind=draw(st.none() | KEYS),
            date=draw(st.none() | st.dates()),
            reference=draw(TEXT),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    metrics = [
        MetricDefinition(
            id=new_id(),
            name=draw(TEXT),
            unit=draw(st.text(max_size=5)),
            direction=draw(st.sampled_from(["higher_is_better", "lower_is_better", "on_target"])),
            target=draw(st.none() | score_in(-1e9, 1e9)),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    score_defs = []
    for key in draw(
        st.lists(st.sampled_from(["impact", "effort", "reach", "valore"]), max_size=3, unique=True)
    ):
        lo = draw(score_in(-100, 100))
        hi = draw(score_in(-100, 100).filter(lambda x, lo=lo: x > lo))
        score_defs.append(ScoreDefinition(key=key, label={"it": draw(TEXT)}, min=lo, max=hi))
    ranges = {"impact": (1.0, 5.0), "effort": (1.0, 5.0)}
    ranges.update({d.key: (d.min, d.max) for d in score_defs})

    maps: list[JourneyMap] = []
    map_ids = [new_id() for _ in range(draw(st.integers(1, 3)))]
    for index, map_id in enumerate(map_ids):
        base = draw(st.none() | st.sampled_from(maps)) if maps else None
        stages = []
        for _ in range(draw(st.integers(1, 4))):
            steps = [
                Step(id=new_id(), name=draw(TEXT), description=draw(TEXT))
                for _ in range(draw(st.integers(1, 3)))
            ]
            kpis = (
                [
                    KpiValue(
                        metric=m,
                        value=draw(st.none() | score_in(-1e9, 1e9)),
                        as_of=draw(st.none() | st.dates()),
                    )
                    for m in draw(st.lists(st.sampled_from(metrics), max_size=2))
                    and [m.id for m in metrics][:1]
                ]
                if metrics
                else []
            )
            stages.append(
                Stage(
                    id=new_id(), name=draw(TEXT), narration=draw(LONG_TEXT), kpis=kpis, steps=steps
                )
            )
        steps = [s.id for stage in stages for s in stage.steps]
        lanes = [
            Lane(
                id=new_id(),
                name=draw(TEXT),
                kind=draw(KEYS),
                display=draw(st.sampled_from(["cards", "curve", "images", "channel_grid"])),
                persona=pick(persona_ids),
                default_card_kind=draw(st.none() | KEYS),
                collapsed=draw(st.booleans()),
            )
            for _ in range(draw(st.integers(1, 5)))
        ]
        lane_ids = [lane.id for lane in lanes]
        card_ids = [new_id() for _ in range(draw(st.integers(0, 8)))]
        cards = []
        for card_id in card_ids:
            step_n = draw(st.integers(0, len(steps) - 1))
            lane_n = draw(st.integers(0, len(lanes) - 1))
            scores = {
                key: draw(score_in(*ranges[key]))
                for key in draw(st.lists(st.sampled_from(sorted(ranges)), max_size=2, unique=True))
            }
            cards.append(
                Card(
                    id=card_id,
                    step=steps[step_n],
                    lane=lane_ids[lane_n],
                    order=draw(st.integers(0, 1000)),
                    span_steps=draw(st.integers(1, len(steps) - step_n)),
                    span_lanes=draw(st.integers(1, len(lanes) - lane_n)),
                    kind=draw(KEYS),
                    title=draw(TEXT),
                    body=draw(LONG_TEXT),
                    channel=draw(st.none() | KEYS),
                    owners=[
                        Owner(team=t.id, role=draw(TEXT))
                        for t in draw(st.lists(st.sampled_from(teams), max_size=2))
                    ]
                    if teams
                    else [],
                    sentiment=draw(
                        st.none() | st.sampled_from(["positive", "neutral", "problematic"])
                    ),
                    evidence=[
                        Evidence(
                            id=new_id(),
                            confidence=draw(st.sampled_from(["observed", "assumed", "proposed"])),
                            method=draw(st.none() | KEYS),
                            source=pick([s.id for s in sources]),
                            quote=draw(TEXT),
                            figure=draw(TEXT),
                        )
                        for _ in range(draw(st.integers(0, 2)))
                    ],
                    tags=some(KEYS, 3),
                    colour=draw(COLOURS),
                    image=pick(asset_ids),
                    scores=scores,
                    status=draw(st.none() | KEYS),
                    relates_to=draw(
                        st.lists(st.sampled_from([c for c in card_ids if c != card_id]), max_size=2)
                    )
                    if len(card_ids) > 1
                    else [],
                    derived_from=pick([c.id for c in base.cards]) if base is not None else None,
                    links=[
                        MapLink(map=m, label=draw(TEXT))
                        for m in draw(st.lists(st.sampled_from(map_ids), max_size=2))
                    ],
                    **draw(extras()),
                )
            )
        curves = []
        for _ in range(draw(st.integers(0, 2))):
            lo = draw(score_in(-1e6, 1e6))
            hi = draw(score_in(-1e6, 1e6).filter(lambda x, lo=lo: x > lo))
            scale = Scale(
                min=lo,
                max=hi,
                labels=[
                    ScaleLabel(value=draw(score_in(lo, hi)), label=draw(TEXT))
                    for _ in range(draw(st.integers(0, 2)))
                ],
            )
            curves.append(
                EmotionCurve(
                    id=new_id(),
                    persona=pick(persona_ids),
                    lane=pick(lane_ids),
                    label=draw(TEXT),
                    colour=draw(COLOURS),
                    scale=scale,
                    points=[
                        CurvePoint(
                            id=new_id(),
                            step=draw(st.sampled_from(steps)),
                            offset=draw(score_in(0.0, 1.0)),
                            score=draw(score_in(lo, hi)),
                            emotion=draw(TEXT),
                            label=draw(TEXT),
                            note=draw(TEXT),
                        )
                        for _ in range(draw(st.integers(0, 5)))
                    ],
                )
            )
        connections = []
        if len(card_ids) > 1:
            for _ in range(draw(st.integers(0, 4))):
                a, b = draw(
                    st.lists(st.sampled_from(card_ids), min_size=2, max_size=2, unique=True)
                )
                connections.append(
                    Connection(id=new_id(), source=a, target=b, kind=draw(KEYS), label=draw(TEXT))
                )
        separators = [
            Separator(
                id=new_id(),
                kind=draw(
                    st.sampled_from(["interaction", "visibility", "internal_interaction", "custom"])
                ),
                after_lane=draw(st.sampled_from(lane_ids)),
                label=draw(TEXT),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
        scenes = [
            Scene(
                id=new_id(),
                kind=draw(st.sampled_from(["title", "stage", "closing", "custom", "comparison"])),
                stage=pick([s.id for s in stages]),
                title=draw(TEXT),
                text=draw(LONG_TEXT),
                image=pick(asset_ids),
                duration=draw(score_in(0.5, 3600)),
                hidden=draw(st.booleans()),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
        maps.append(
            JourneyMap(
                id=map_id,
                name=draw(TEXT),
                type=draw(
                    st.sampled_from(
                        [
                            "journey",
                            "day_in_the_life",
                            "service_blueprint",
                            "experience_map",
                            "custom",
                        ]
                    )
                ),
                state=draw(st.sampled_from(["current", "future", "ideal"])),
                personas=draw(st.lists(st.sampled_from(persona_ids), max_size=2))
                if persona_ids
                else [],
                objective=draw(LONG_TEXT),
                based_on=base.id if base is not None else None,
                stages=stages,
                lanes=lanes,
                cards=cards,
                curves=curves,
                connections=connections,
                separators=separators,
                storyline=Storyline(scenes=scenes),
                **draw(extras()),
            )
        )
        assert index == len(maps) - 1

    project = Project(
        id=new_id(),
        title=draw(TEXT),
        description=draw(LONG_TEXT),
        language=draw(LANGS),
        authors=some(TEXT, 2),
        created=draw(st.none() | DATETIMES),
        modified=draw(st.none() | DATETIMES),
        personas=personas,
        teams=teams,
        sources=sources,
        metrics=metrics,
        score_definitions=score_defs,
        vocabularies=Vocabularies(
            channels=[
                VocabularyEntry(key=k, label={"it": draw(TEXT)}, colour=draw(COLOURS))
                for k in draw(st.lists(KEYS, max_size=2))
            ]
        ),
        maps=maps,
        assets=assets,
        **draw(extras()),
    )
    ids = [e for m in maps for e in [m.id, *(c.id for c in m.cards), *(s.id for s in m.stages)]]
    ids += [p.id for p in personas]
    project.comments = [
        Comment(
            id=new_id(),
            target=draw(st.sampled_from(ids)),
            author=draw(TEXT),
            created=draw(DATETIMES),
            text=draw(LONG_TEXT),
            resolved=draw(st.booleans()),
            replies=[
                Reply(id=new_id(), author=draw(TEXT), created=draw(DATETIMES), text=draw(TEXT))
                for _ in range(draw(st.integers(0, 2)))
            ],
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return project


# --- round trip ------------------------------------------------------------------


@pytest.mark.timeout(600)  # hypothesis: ~10 s alone, much more on a loaded CI machine
@settings(max_examples=60, deadline=None)
@given(projects())
def test_load_of_dump_is_the_same_project(project: Project) -> None:
    assert check_project(project) == [], "the strategy built an invalid project"
    data = dump_bytes(project)
    again = load_bytes(data)
    assert again == project
    assert dump_bytes(again) == data  # stable: a second save changes nothing


@pytest.mark.timeout(600)
@settings(max_examples=20, deadline=None)
@given(projects())
def test_dump_is_indented_utf8_json_with_format_first(project: Project) -> None:
    data = dump_bytes(project)
    text = data.decode("utf-8")  # strict: fails on anything but UTF-8
    assert text.startswith('{\n  "format": "journeydesk",\n  "format_version": 1,\n')
    assert text.endswith("}\n")
    assert b"\x00" not in data  # control characters are escaped, never raw


def test_the_sample_round_trips_through_a_file(tmp_path: Path) -> None:
    project = sample_project()
    path = tmp_path / "sample.journey"
    write_project(project, path)
    assert read_project(path) == project
    assert path.read_bytes() == dump_bytes(project)


# --- atomic saving ---------------------------------------------------------------

TMP_LEFTOVER = re.compile(r"^\.target\.journey\..+\.tmp$")


def big_project(title: str, n_cards: int = 3000) -> Project:
    project = sample_project()
    project.title = title
    jmap = project.maps[0]
    steps = [s.id for s in jmap.steps()]
    lanes = [lane.id for lane in jmap.lanes]
    rng = random.Random(title)
    for n in range(n_cards):
        jmap.cards.append(
            Card(
                step=steps[n % len(steps)],
                lane=lanes[n % len(lanes)],
                order=n,
                title=f"{title} {n}",
                body=f"{title}: " + "perché la città " * rng.randint(20, 60),
            )
        )
    assert check_project(project) == []
    return project


WRITER = """
import sys
from journeydesk.io import write_project
from journeydesk.model import Project
old = Project.model_validate_json(open(sys.argv[1], "rb").read())
new = Project.model_validate_json(open(sys.argv[2], "rb").read())
print("ready", flush=True)
sys.stdin.readline()  # wait for "go": a standby writer starts while the last one runs
while True:
    write_project(new, sys.argv[3])
    write_project(old, sys.argv[3])
"""


class Writer:
    """A child process that saves two versions of a project in turn, forever."""

    def __init__(self, old: Path, new: Path, target: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(old), str(new), str(target)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def go(self) -> None:
        assert self.process.stdout is not None and self.process.stdin is not None
        line = self.process.stdout.readline()
        assert line == b"ready\n", self.process.stderr.read() if self.process.stderr else line
        self.process.stdin.write(b"go\n")
        self.process.stdin.flush()

    def kill(self) -> int:
        self.process.send_signal(signal.SIGKILL)
        code = self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return code


@pytest.mark.slow
def test_write_project_survives_sigkill_at_any_moment(tmp_path: Path) -> None:
    old, new = big_project("Vecchio"), big_project("Nuovo")
    old_bytes, new_bytes = dump_bytes(old), dump_bytes(new)
    assert load_bytes(old_bytes) == old and load_bytes(new_bytes) == new
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "old.journey").write_bytes(old_bytes)
    (sources / "new.journey").write_bytes(new_bytes)
    folder = tmp_path / "work"
    folder.mkdir()
    target = folder / "target.journey"
    write_project(old, target)

    def writer() -> Writer:
        return Writer(sources / "old.journey", sources / "new.journey", target)

    rng = random.Random(12345)
    seen: set[bytes] = set()
    standby = writer()
    try:
        for trial in range(30):
            current, standby = standby, None  # type: ignore[assignment]
            try:
                current.go()
                standby = writer()  # starts up while this one writes
                time.sleep(rng.uniform(0.0, 0.3))
            finally:
                code = current.kill()
            assert code == -signal.SIGKILL, f"trial {trial}: the writer ended by itself"

            names = sorted(os.listdir(folder))
            assert "target.journey" in names, f"trial {trial}: the target is gone"
            strays = [n for n in names if n != "target.journey" and not TMP_LEFTOVER.match(n)]
            assert not strays, f"trial {trial}: unexpected files {strays}"
            data = target.read_bytes()
            assert data in (old_bytes, new_bytes), f"trial {trial}: the file is neither version"
            seen.add(data)
            # Leftover temp files are ignored: the target loads as the version it holds.
            assert read_project(target).title == ("Vecchio" if data == old_bytes else "Nuovo")
    finally:
        if standby is not None:
            standby.kill()

    # The kills landed at different moments: both versions were seen on disk.
    assert seen == {old_bytes, new_bytes}


def test_write_replaces_and_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "p.journey"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_project(sample_project(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == dump_bytes(sample_project())
    assert os.listdir(tmp_path) == ["p.journey"]


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old_umask = os.umask(0o027)
    try:
        write_project(sample_project(), tmp_path / "p.journey")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "p.journey").stat().st_mode) == 0o640


def test_a_failed_save_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "p.journey"
    target.write_bytes(b"the old content")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_project(sample_project(), target)
    assert target.read_bytes() == b"the old content"
    assert os.listdir(tmp_path) == ["p.journey"]


def test_saving_through_a_symlink_updates_the_linked_file(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "map.journey"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "map.journey"
    link.symlink_to(real)
    write_project(sample_project(), link)
    assert link.is_symlink(), "the save replaced the link with a copy"
    assert real.read_bytes() == dump_bytes(sample_project())
    assert sorted(os.listdir(real.parent)) == ["map.journey"]
