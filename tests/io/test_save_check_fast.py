"""Save's check that the loader accepts what it writes is cheap (issue #14: it
re-read a 5,000-card file in 0.67 s, 1.8 s at 20,000, blocking the window), and
still exactly as strict: the model validates straight from the bytes, the
semantic checks run, and anything the slow JSON reader might refuse sends the
bytes through the full loader (whose refusals tests/io/test_save_what_loads.py
checks).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from journey_samples import sample_project

from journeydesk.io import (
    ProjectFileError,
    UnsavableProjectError,
    checked_bytes,
    jsonsafe,
    load_bytes,
    project_file,
    write_project,
)

MISSING = "00000000-0000-4000-8000-999999999999"


@pytest.fixture
def slow_reader_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the full loader's JSON reads (it still works)."""
    calls: list[int] = []
    real = jsonsafe.loads

    def counting(text: str) -> Any:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(jsonsafe, "loads", counting)
    return calls


def test_a_good_project_is_checked_without_the_slow_json_reader(
    slow_reader_calls: list[int], tmp_path: Path
) -> None:
    project = sample_project()
    data = checked_bytes(project)
    assert slow_reader_calls == []
    write_project(project, tmp_path / "a.journey")
    assert slow_reader_calls == []
    # and what it let through loads, to the same model
    assert load_bytes(data) == project
    assert (tmp_path / "a.journey").read_bytes() == data


def test_semantic_problems_are_still_caught_with_their_path(tmp_path: Path) -> None:
    project = sample_project()
    card = project.maps[0].cards[0]
    card.span_steps = 0  # the model's own bound, not checked on assignment
    with pytest.raises(UnsavableProjectError) as info:
        write_project(project, tmp_path / "out.journey")
    assert info.value.problems[0].path == "$.maps[0].cards[0].span_steps"
    project = sample_project()
    project.maps[0].connections[0].target = MISSING  # a cross-reference: check_project
    with pytest.raises(UnsavableProjectError) as info:
        write_project(project, tmp_path / "out.journey")
    assert MISSING in str(info.value)
    assert not (tmp_path / "out.journey").exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda p: setattr(p.maps[0].cards[0], "title", "Infinity and NaN"),
        lambda p: setattr(p.maps[0].cards[0], "title", "order 1234567890123456789"),
        lambda p: setattr(p.maps[0].cards[0], "title", "a backslash-u: \\ud800"),
        lambda p: p.__pydantic_extra__.update(from_a_newer_version={"deep": [[1, 2]]}),
    ],
    ids=["nan-word", "long-digits", "surrogate-escape", "unknown-key"],
)
def test_anything_doubtful_goes_through_the_full_loader(
    change: Any, slow_reader_calls: list[int]
) -> None:
    project = sample_project()
    change(project)
    data = checked_bytes(project)
    assert len(slow_reader_calls) == 1
    assert load_bytes(data) == project


def test_the_scan_flags_what_the_reader_might_refuse() -> None:
    """Were pydantic ever to write a bare NaN, a huge integer or a surrogate
    escape, the scan sends the bytes to the reader (which refuses them)."""
    assert project_file._doubtful(b'{"score": NaN}')
    assert project_file._doubtful(b'{"score": -Infinity}')
    assert project_file._doubtful(b'{"x": 12345678901234567890}')
    assert project_file._doubtful(b'{"x": "\\udc00"}')
    assert not project_file._doubtful(b'{"x": 123456789012345678, "y": "\\u00e8"}')


def test_loading_pauses_the_garbage_collector_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A big file's objects are made without cyclic collections (they cost half
    of a 5,000-card load); the collector is back on afterwards, even on a refusal."""
    import gc

    seen: list[tuple[str, bool]] = []

    def spying(name: str) -> Any:
        real = getattr(project_file, name)

        def spy(project: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append((name, gc.isenabled()))
            return real(project, *args, **kwargs)

        return spy

    # the save check and a load of an ordinary file end in check_project's quick pass,
    # the careful path in check_project
    for name in ("check_project", "surely_clean"):
        monkeypatch.setattr(project_file, name, spying(name))
    data = checked_bytes(sample_project())  # the save check
    load_bytes(data)  # and the loader
    project_file.careful_load_bytes(data)  # and its careful path
    assert seen == [("surely_clean", False), ("surely_clean", False), ("check_project", False)]
    assert gc.isenabled()
    with pytest.raises(ProjectFileError):
        load_bytes(b"{not json")
    assert gc.isenabled()
