"""``journeydesk diff`` and ``journeydesk merge`` (also as a git merge driver), issue #16."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from journeydesk import templates
from journeydesk.cli import main
from journeydesk.io import read_project, write_project
from journeydesk.model.project import Project

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def sample() -> Project:
    return templates.new_project("sample", "en")


def loose_card(sample: Project) -> int:
    """Index of a card of the first map nothing but ``derived_from`` refers to."""
    used = {
        x
        for m in sample.maps
        for x in (
            *(v for c in m.cards for v in c.relates_to),
            *(v for x in m.connections for v in (x.source, x.target)),
        )
    } | {c.target for c in sample.comments}
    return next(i for i, c in enumerate(sample.maps[0].cards) if i > 1 and c.id not in used)


def colleagues(sample: Project, tmp: Path) -> tuple[Path, Path, Path]:
    """BASE, OURS, THEIRS: different cards edited, a stage renamed, a card deleted."""
    ours, theirs = sample.model_copy(deep=True), sample.model_copy(deep=True)
    ours.maps[0].cards[0].title = "Ours: new title"
    ours.maps[0].stages[1].name = "Renamed stage"
    theirs.maps[0].cards[1].body = "Theirs: new body"
    gone = sample.maps[0].cards[loose_card(sample)].id
    theirs.maps[0].cards = [c for c in theirs.maps[0].cards if c.id != gone]
    for card in theirs.maps[1].cards:  # as the app's removal does
        if card.derived_from == gone:
            card.derived_from = None
    paths = tmp / "base.journey", tmp / "ours.journey", tmp / "theirs.journey"
    for project, path in zip((sample, ours, theirs), paths, strict=True):
        write_project(project, path)
    return paths


def check_both_sets(sample: Project, out: Path) -> None:
    merged = read_project(out)
    cards = {c.id: c for c in merged.maps[0].cards}
    assert cards[sample.maps[0].cards[0].id].title == "Ours: new title"
    assert cards[sample.maps[0].cards[1].id].body == "Theirs: new body"
    assert sample.maps[0].cards[loose_card(sample)].id not in cards
    assert merged.maps[0].stages[1].name == "Renamed stage"


def test_diff_text_json_and_exit_code(
    sample: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ours, theirs = colleagues(sample, tmp_path)
    assert main(["diff", str(base), str(base), "--exit-code"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["diff", str(base), str(ours)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Map ")
    assert '"Renamed stage"' in text and "Ours: new title" in text
    assert "  Stage " in text
    assert main(["diff", str(base), str(theirs), "--format", "json", "--exit-code"]) == 1
    doc = json.loads(capsys.readouterr().out)
    ops = {(c["op"], c["id"]) for c in doc["changes"]}
    gone = sample.maps[0].cards[loose_card(sample)].id
    derived = {("changed", c.id) for c in sample.maps[1].cards if c.derived_from == gone}
    expected = {("changed", sample.maps[0].cards[1].id), ("removed", gone)}
    assert ops == expected | derived
    body = next(c for c in doc["changes"] if c["op"] == "changed")["fields"]["body"]
    assert body == {"old": sample.maps[0].cards[1].body, "new": "Theirs: new body"}


def test_diff_textconv_and_bad_input(
    sample: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ours, _theirs = colleagues(sample, tmp_path)
    assert main(["diff", "--textconv", str(base)]) == 0
    out = capsys.readouterr().out
    assert f"[{sample.maps[0].cards[0].id}]" in out
    bad = tmp_path / "bad.journey"
    bad.write_text("{not json")
    assert main(["diff", str(base), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}: ") and "Traceback" not in err
    with pytest.raises(SystemExit) as exc:
        main(["diff", str(base)])
    assert exc.value.code == 2


def test_merge_clean_and_with_conflicts(
    sample: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ours, theirs = colleagues(sample, tmp_path)
    out = tmp_path / "out.journey"
    assert main(["merge", str(base), str(ours), str(theirs), "-o", str(out)]) == 0
    check_both_sets(sample, out)
    # a conflict: theirs changes the title ours changed
    other = read_project(theirs)
    other.maps[0].cards[0].title = "Theirs: other title"
    write_project(other, theirs)
    capsys.readouterr()
    assert main(["merge", str(base), str(ours), str(theirs), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    (line,) = [line for line in err if "conflict" in line]
    assert sample.maps[0].cards[0].id in line
    assert "Ours: new title" in line and "Theirs: other title" in line
    merged = read_project(out)
    assert merged.maps[0].cards[0].title == "Ours: new title"
    assert any(
        c.target == sample.maps[0].cards[0].id
        and "Theirs: other title" in c.text
        and not c.resolved
        for c in merged.comments
    )


def test_merge_migrates_older_files_first(
    sample: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """THEIRS is a version-1 file whose cards called their body ``note_text``
    (a throwaway v1 → v2 step, as in tests/io/test_migrations.py)."""
    from journeydesk.io import migrations
    from journeydesk.model import project as model_project

    def rename_note_text(document: dict) -> dict:  # type: ignore[type-arg]
        for jmap in document["maps"]:
            for card in jmap["cards"]:
                if "note_text" in card:
                    card["body"] = card.pop("note_text")
        return document

    base, ours, theirs = colleagues(sample, tmp_path)
    for path in (base, ours):
        doc = json.loads(path.read_text())
        doc["format_version"] = 2
        path.write_text(json.dumps(doc))
    doc = json.loads(theirs.read_text())
    card = next(c for c in doc["maps"][0]["cards"] if c["id"] == sample.maps[0].cards[1].id)
    card["note_text"] = card.pop("body")
    theirs.write_text(json.dumps(doc))
    monkeypatch.setattr(model_project, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: rename_note_text})
    out = tmp_path / "out.journey"
    assert main(["merge", str(base), str(ours), str(theirs), "-o", str(out)]) == 0
    check_both_sets(sample, out)
    merged = json.loads(out.read_text())
    assert merged["format_version"] == 2
    assert "note_text" not in out.read_text()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merges_two_branches_that_edit_different_cards(sample: Project, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(tmp_path),
    }

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 0, done.stderr + done.stdout
        return done.stdout

    base, ours, theirs = colleagues(sample, tmp_path)
    # Both also append a card at the end of the same map: the same place in the
    # text, which a line merge cannot combine; the merge by id can.
    added = []
    for path, n in ((ours, "a"), (theirs, "b")):
        project = read_project(path)
        new = (
            project.maps[0]
            .cards[0]
            .model_copy(
                update={"id": f"00000000-0000-4000-8000-00000000000{n}", "title": f"New {n}"}
            )
        )
        project.maps[0].cards.append(new)
        write_project(project, path)
        added.append(new.id)
    git("init", "-q", "-b", "main")
    driver = f"{sys.executable} -m journeydesk merge --git %O %A %B"
    git("config", "merge.journeydesk.name", "JourneyDesk three-way merge")
    git("config", "merge.journeydesk.driver", driver)
    git("config", "diff.journeydesk.textconv", f"{sys.executable} -m journeydesk diff --textconv")
    (repo / ".gitattributes").write_text("*.journey merge=journeydesk diff=journeydesk\n")
    target = repo / "map.journey"
    shutil.copy(base, target)
    git("add", ".")
    git("commit", "-qm", "base")
    git("checkout", "-qb", "theirs")
    shutil.copy(theirs, target)
    git("commit", "-qam", "theirs")
    shown = git("diff", "HEAD~1", "HEAD", "--", "map.journey")
    plus = [line for line in shown.splitlines() if line.startswith("+") and "Theirs" in line]
    assert [line.strip("+ ") for line in plus] == ['body: "Theirs: new body"']  # textconv form
    git("checkout", "-q", "main")
    shutil.copy(ours, target)
    git("commit", "-qam", "ours")
    git("merge", "-q", "--no-edit", "theirs")
    check_both_sets(sample, target)
    assert "<<<<<<<" not in target.read_text()
    assert set(added) <= {c.id for c in read_project(target).maps[0].cards}
    assert git("status", "--porcelain") == ""


def test_merge_refuses_bad_input_and_wrong_usage(
    sample: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, ours, theirs = colleagues(sample, tmp_path)
    out = tmp_path / "out.journey"
    out.write_text("untouched")
    theirs.write_text('{"format": "journeydesk", "format_version": 1, "maps": 3}')
    assert main(["merge", str(base), str(ours), str(theirs), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{theirs}: ") and "Traceback" not in err
    assert out.read_text() == "untouched"
    for args in (["merge", str(base), str(ours), str(theirs)], ["merge", str(base)]):
        with pytest.raises(SystemExit) as exc:
            main(args)
        assert exc.value.code == 2
