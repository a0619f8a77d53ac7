"""The font metrics cache (issue #14): a new process measures text with the
metrics it cached, never with stale or tampered ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeydesk.layout import fonts
from journeydesk.layout.fonts import Face


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JOURNEYDESK_CACHE_DIR", str(tmp_path))
    return tmp_path / "font-metrics"


def _fresh(face: Face) -> fonts.FontMetrics:
    fonts.metrics.cache_clear()
    try:
        return fonts.metrics(face)
    finally:
        fonts.metrics.cache_clear()


def _same(a: fonts.FontMetrics, b: fonts.FontMetrics) -> bool:
    return (a.face, a.ascent, a.descent, a.widths, a.default_width, a.fallback) == (
        b.face,
        b.ascent,
        b.descent,
        b.widths,
        b.default_width,
        b.fallback,
    )


def test_cached_metrics_equal_the_font_files(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _fresh(Face.BOLD)
    files = list(cache.glob("AtkinsonHyperlegible-Bold-*.json"))
    assert len(files) == 1
    parsed: list[Face] = []
    real = fonts._read_metrics

    def counted(face: Face) -> fonts.FontMetrics:
        parsed.append(face)
        return real(face)

    monkeypatch.setattr(fonts, "_read_metrics", counted)
    second = _fresh(Face.BOLD)
    assert parsed == []  # the second start read the cache, not the font files
    assert _same(first, second)
    assert _same(second, real(Face.BOLD))
    assert second.fallback and ord("é") in second.widths


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: "not json {",
        lambda d: json.dumps({**d, "widths": d["widths"][:-1]}),
        lambda d: json.dumps({**d, "widths": [1e300, *d["widths"][1:]]}),
        lambda d: json.dumps({**d, "codes": ["x", *d["codes"][1:]]}),
        lambda d: json.dumps({**d, "ascent": "high"}),
        lambda d: json.dumps({**d, "face": "AtkinsonHyperlegible-Regular"}),
        lambda d: json.dumps([1, 2, 3]),
        lambda d: "",
    ],
)
def test_a_damaged_cache_file_is_ignored(cache: Path, damage) -> None:  # type: ignore[no-untyped-def]
    truth = _fresh(Face.REGULAR)
    (path,) = cache.glob("AtkinsonHyperlegible-Regular-*.json")
    path.write_text(damage(json.loads(path.read_text())), encoding="utf-8")
    assert _same(_fresh(Face.REGULAR), truth)


def test_another_font_file_makes_another_cache_entry(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh(Face.REGULAR)
    before = {p.name for p in cache.iterdir()}
    changed = tmp_path / "changed.ttf"
    changed.write_bytes(fonts.fallback_file(Face.REGULAR).read_bytes() + b"\0")
    monkeypatch.setattr(fonts, "fallback_file", lambda face: changed)
    fonts.fallback_ttfont.cache_clear()
    try:
        _fresh(Face.REGULAR)
    finally:
        fonts.fallback_ttfont.cache_clear()
    assert len({p.name for p in cache.iterdir()} - before) == 1


def test_an_unwritable_cache_folder_still_measures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("JOURNEYDESK_CACHE_DIR", str(blocked))
    m = _fresh(Face.ITALIC)
    assert m.width("Mappa", 10) > 0


def test_laying_out_with_cached_metrics_needs_no_reportlab(cache: Path) -> None:
    """With the metrics cached, a map is measured without parsing a font file,
    so opening one imports no reportlab (about 30 ms of a new process)."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from journeydesk import templates\n"
        "from journeydesk.layout.engine import MapLayouter\n"
        "p = templates.new_project('sample', 'en')\n"
        "MapLayouter().layout(p, p.maps[0])\n"
        "print('reportlab' in ' '.join(sys.modules))\n"
    )
    env = dict(os.environ, JOURNEYDESK_CACHE_DIR=str(cache.parent))
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs[1] == "False", runs  # the first run made the cache
