"""Recovery snapshots live in the state folder, never next to the user's file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from journeydesk import paths
from journeydesk.io import ProjectFileError, write_project
from journeydesk.io.recovery import (
    discard_snapshot,
    list_snapshots,
    load_snapshot,
    write_snapshot,
)
from journeydesk.model import JourneyMap, Project, Stage, Step


def make_project(title: str) -> Project:
    p = Project(title=title)
    p.maps.append(JourneyMap(name="M", stages=[Stage(name="S", steps=[Step(name="a")])]))
    return p


def test_state_folder_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYDESK_STATE_DIR", str(tmp_path / "state"))
    assert paths.recovery_dir() == tmp_path / "state" / "recovery"


def test_write_list_load_discard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYDESK_STATE_DIR", str(tmp_path / "state"))
    user_file = tmp_path / "work.journey"
    original = make_project("Original")
    write_project(original, user_file)
    before = user_file.read_bytes()

    edited = original.model_copy(deep=True)
    edited.title = "Edited, not saved"
    write_snapshot(edited, "win1", user_file)
    write_snapshot(make_project("Untitled work"), "win2", None)

    snaps = list_snapshots()
    assert {s.key for s in snaps} == {"win1", "win2"}
    by_key = {s.key: s for s in snaps}
    assert by_key["win1"].original == os.fspath(user_file)
    assert by_key["win2"].original is None
    assert by_key["win1"].title == "Edited, not saved"
    assert load_snapshot(by_key["win1"]) == edited
    assert snaps[0].saved_at >= snaps[1].saved_at
    # the user's own file is untouched and nothing was written beside it
    assert user_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state", "work.journey"]

    discard_snapshot("win1")
    assert [s.key for s in list_snapshots()] == ["win2"]
    discard_snapshot("win1")  # discarding twice is harmless


def test_snapshot_overwrites_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYDESK_STATE_DIR", str(tmp_path))
    write_snapshot(make_project("one"), "k")
    write_snapshot(make_project("two"), "k")
    (snap,) = list_snapshots()
    assert load_snapshot(snap).title == "two"


def test_broken_metadata_still_offers_the_snapshot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYDESK_STATE_DIR", str(tmp_path))
    write_snapshot(make_project("good"), "good")
    write_snapshot(make_project("bad"), "bad")
    (tmp_path / "recovery" / "bad.meta.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "recovery" / "orphan.meta.json").write_text("{}", encoding="utf-8")
    snaps = {s.key: s for s in list_snapshots()}
    assert set(snaps) == {"good", "bad"}  # metadata without data is not a snapshot
    bad = snaps["bad"]
    assert bad.title == "bad"  # read from the project itself
    assert bad.pid is None and bad.original is None and bad.saved_at.tzinfo is not None
    assert load_snapshot(bad).title == "bad"


def test_corrupt_snapshot_data_raises_a_project_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYDESK_STATE_DIR", str(tmp_path))
    snap = write_snapshot(make_project("x"), "k")
    snap.path.write_bytes(b"\x00garbage")
    with pytest.raises(ProjectFileError):
        load_snapshot(list_snapshots()[0])


@pytest.mark.parametrize("key", ["../evil", "a/b", "", "x" * 65, "dot.dot"])
def test_keys_cannot_escape_the_folder(
    key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYDESK_STATE_DIR", str(tmp_path))
    with pytest.raises(ValueError):
        write_snapshot(make_project("x"), key)
    with pytest.raises(ValueError):
        discard_snapshot(key)
