"""A file's identity tells our own file from one someone else changed."""

from __future__ import annotations

import os
from pathlib import Path

from journeydesk import templates
from journeydesk.io import write_project
from journeydesk.io.identity import changed_on_disk
from journeydesk.io.project_file import read_project_with_identity


def test_identity_of_a_save_matches_a_read(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    written = write_project(templates.new_project("sample", "en"), path)
    project, read = read_project_with_identity(path)
    assert written == read and project.title
    assert not changed_on_disk(path, read)


def test_what_counts_as_changed(tmp_path: Path) -> None:
    path = tmp_path / "p.journey"
    known = write_project(templates.new_project("blank", "en"), path)
    data = path.read_bytes()
    # touched (a sync tool rewriting the same bytes): the hash says unchanged
    os.utime(path, ns=(1, 1_000_000_000))
    assert not changed_on_disk(path, known)
    # same size, other bytes
    path.write_bytes(data[:-2] + b"X}")
    assert changed_on_disk(path, known)
    # ... even when the file system kept the old time (coarse times)
    os.utime(path, ns=(known.mtime_ns, known.mtime_ns))
    assert changed_on_disk(path, known)
    path.write_bytes(data + b"\n")
    assert changed_on_disk(path, known)
    path.unlink()
    assert changed_on_disk(path, known)
    assert not changed_on_disk(path, None)  # nothing known: a new file
