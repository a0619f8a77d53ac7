"""The format migration chain, exercised with throwaway versions.

The real chain is empty while the format is at version 1, so these tests
stand in a newer current version (``journeydesk.model.project.FORMAT_VERSION``,
which the loader reads at call time) and register steps of their own in
``journeydesk.io.migrations.MIGRATIONS``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from journey_samples import C2, sample_document

from journeydesk.io import (
    InvalidProjectError,
    MigrationError,
    NewerVersionError,
    dump_bytes,
    load_bytes,
    migrations,
    read_project,
)
from journeydesk.model import project as model_project

Document = dict[str, Any]


@pytest.fixture
def at_version(monkeypatch: pytest.MonkeyPatch):
    """Pretend the current format is ``version``; start from an empty chain."""

    def set_version(version: int) -> None:
        monkeypatch.setattr(model_project, "FORMAT_VERSION", version)

    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    return set_version


def v1_bytes(**extra: Any) -> bytes:
    document = sample_document()
    assert document["format_version"] == 1
    document.update(extra)
    return json.dumps(document).encode()


def rename_note_text(document: Document) -> Document:
    """A throwaway v1 → v2 step: cards called their body ``note_text``."""
    for jmap in document["maps"]:
        for card in jmap["cards"]:
            if "note_text" in card:
                card["body"] = card.pop("note_text")
    return document


def test_a_registered_step_is_applied(at_version, monkeypatch: pytest.MonkeyPatch) -> None:
    at_version(2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, rename_note_text)
    document = sample_document()
    card = document["maps"][0]["cards"][1]
    card["note_text"] = card.pop("body")
    card["note_text"] = "Scritto dalla versione 1"

    project = load_bytes(json.dumps(document).encode())

    assert project.format_version == 2
    assert project.maps[0].cards[1].body == "Scritto dalla versione 1"
    assert "note_text" not in (project.maps[0].cards[1].model_extra or {})
    saved = json.loads(dump_bytes(project))
    assert saved["format_version"] == 2  # saved at the current version
    assert "note_text" not in saved["maps"][0]["cards"][1]


def test_steps_run_in_order_each_seeing_its_own_version(
    at_version, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_version(4)
    seen: list[tuple[int, int]] = []

    def step(n: int):
        def run(document: Document) -> Document:
            seen.append((n, document["format_version"]))
            document.setdefault("x_history", []).append(n)
            return document

        return run

    for n in (1, 2, 3):
        monkeypatch.setitem(migrations.MIGRATIONS, n, step(n))
    project = load_bytes(v1_bytes())
    assert seen == [(1, 1), (2, 2), (3, 3)]
    assert project.format_version == 4
    assert project.model_extra == {"x_history": [1, 2, 3]}


def test_a_file_from_the_middle_of_the_chain_runs_only_the_steps_after_it(
    at_version, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_version(3)
    ran: list[int] = []
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda d: ran.append(1) or d)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, lambda d: ran.append(2) or d)
    load_bytes(v1_bytes(format_version=2))
    assert ran == [2]


def test_a_current_file_runs_no_step(at_version, monkeypatch: pytest.MonkeyPatch) -> None:
    at_version(2)

    def explode(document: Document) -> Document:
        raise AssertionError("a current file was migrated")

    monkeypatch.setitem(migrations.MIGRATIONS, 1, explode)
    assert load_bytes(v1_bytes(format_version=2)).format_version == 2


@pytest.mark.parametrize(
    "failure",
    [
        KeyError("maps"),
        TypeError("bad"),
        ValueError("bad"),
        ZeroDivisionError("bad"),
        RuntimeError("bad"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_a_failing_step_is_a_migration_error_naming_the_version(
    failure: Exception, at_version, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_version(3)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda d: d)

    def broken(document: Document) -> Document:
        raise failure

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    with pytest.raises(MigrationError) as info:
        load_bytes(v1_bytes(), source="old.journey")
    (problem,) = info.value.problems
    assert problem.path == "$.format_version"
    assert "could not be upgraded from format version 2" in problem.message
    assert type(failure).__name__ in problem.message
    assert info.value.lines()[0].startswith("old.journey: $.format_version: ")


def test_a_step_that_returns_no_document_is_a_migration_error(
    at_version, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_version(2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda d: None)
    with pytest.raises(MigrationError) as info:
        load_bytes(v1_bytes())
    assert "from format version 1" in info.value.problems[0].message


def test_a_missing_step_is_a_migration_error(at_version, monkeypatch: pytest.MonkeyPatch) -> None:
    at_version(3)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda d: d)  # 2 → 3 is missing
    with pytest.raises(MigrationError) as info:
        load_bytes(v1_bytes())
    assert info.value.problems[0].path == "$.format_version"
    assert "no migration from format version 2 to 3" in info.value.problems[0].message


def test_the_migrated_document_is_validated(at_version, monkeypatch: pytest.MonkeyPatch) -> None:
    at_version(2)

    def bad_step(document: Document) -> Document:
        document["comments"][0]["target"] = "not an id"
        return document

    monkeypatch.setitem(migrations.MIGRATIONS, 1, bad_step)
    with pytest.raises(InvalidProjectError) as info:
        load_bytes(v1_bytes())
    assert info.value.problems[0].path == "$.comments[0].target"


def test_migration_runs_before_validation(at_version, monkeypatch: pytest.MonkeyPatch) -> None:
    # A v1 file that is invalid as it stands (a card field v2 renamed) loads once migrated.
    at_version(2)
    document = sample_document()
    document["comments"][0]["target"] = "card-two"  # v1 used short names, say

    def fix_targets(doc: Document) -> Document:
        for comment in doc["comments"]:
            if comment["target"] == "card-two":
                comment["target"] = C2
        return doc

    monkeypatch.setitem(migrations.MIGRATIONS, 1, fix_targets)
    project = load_bytes(json.dumps(document).encode())
    assert project.comments[0].target == C2


def test_newer_than_the_stand_in_current_version(at_version) -> None:
    at_version(2)
    with pytest.raises(NewerVersionError) as info:
        load_bytes(v1_bytes(format_version=3))
    assert (info.value.found, info.value.supported) == (3, 2)
    assert "format version 3" in info.value.problems[0].message
    assert "up to 2" in info.value.problems[0].message


def test_migrate_defaults_to_the_current_version_at_call_time(
    at_version, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_version(2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda d: {**d, "x_step": 1})
    assert migrations.migrate({"format_version": 1}) == {"format_version": 2, "x_step": 1}
    assert migrations.migrate({"format_version": 1}, target=1) == {"format_version": 1}


def test_read_project_migrates_too(
    at_version, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    at_version(2)
    monkeypatch.setitem(migrations.MIGRATIONS, 1, lambda d: {**d, "title": d["title"] + " (v2)"})
    path = tmp_path / "old.journey"
    path.write_bytes(v1_bytes())
    assert read_project(path).title.endswith(" (v2)")
    assert path.read_bytes() == v1_bytes()  # loading never rewrites the file


def test_the_real_chain_is_complete() -> None:
    # Every version below the current one has a step to the next, and no more.
    assert set(migrations.MIGRATIONS) == set(range(1, model_project.FORMAT_VERSION))
    fixtures = Path(__file__).parent / "fixtures"
    for version in range(1, model_project.FORMAT_VERSION):
        old = sorted(fixtures.glob(f"*v{version}*.journey"))
        assert old, f"no fixture file of format version {version} in {fixtures}"
        for path in old:
            assert read_project(path).format_version == model_project.FORMAT_VERSION
