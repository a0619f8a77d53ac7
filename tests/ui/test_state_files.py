"""Our own state files may hold anything: settings.json and recovery metadata of
any shape never stop the app from starting, and never hide a readable snapshot."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from journeydesk import paths, templates
from journeydesk.io.process import boot_id, valid_pid
from journeydesk.io.recovery import list_snapshots, write_snapshot
from journeydesk.settings import Settings, load_settings, settings_file
from journeydesk.ui import files
from journeydesk.ui.app_language import chosen_language
from journeydesk.ui.main_window import MainWindow

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20,
)


def deep(depth: int) -> str:
    return '{"language": ' + "[" * depth + "]" * depth + "}"


settings_keys = st.sampled_from(
    ["language", "autosave_seconds", "recent_files", "export", "storyline_export", "other"]
)
settings_docs = st.dictionaries(settings_keys, json_values, max_size=6)
settings_bytes = st.one_of(
    settings_docs.map(lambda d: json.dumps(d).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.integers(min_value=100, max_value=50_000).map(lambda n: deep(n).encode()),
    st.just(b'{"language": "it", "autosave_seconds": 1e999}'),
    st.just(b'{"language": "it", "autosave_seconds": ' + b"9" * 5000 + b"}"),
    st.just(b"\xff\xfe{\x00"),
)


def write_settings(raw: bytes) -> None:
    target = settings_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)


@FUZZ
@given(raw=settings_bytes)
def test_any_settings_file_gives_settings(raw: bytes) -> None:
    write_settings(raw)
    loaded = load_settings()
    assert isinstance(loaded, Settings)
    Settings.model_validate(loaded.model_dump())  # every kept value is a valid one
    assert chosen_language() in ("en", "it")
    assert files.ui_language() in ("en", "it")


def test_good_values_survive_a_bad_neighbour() -> None:
    write_settings(json.dumps({
        "language": "it",
        "autosave_seconds": 2**70,
        "recent_files": ["/a.journey", 3, "bad\x00name", {"x": 1}, "/b.journey"] + ["/c"] * 50,
        "export": {"paper": "A0", "dpi": "lots", "bleed": True},
    }).encode())
    loaded = load_settings()
    assert loaded.language == "it" and loaded.autosave_seconds == Settings().autosave_seconds
    assert loaded.recent_files[:2] == ["/a.journey", "/b.journey"]
    assert len(loaded.recent_files) <= 10
    assert loaded.export.paper == "A0" and loaded.export.bleed and loaded.export.dpi == 150


timestamps = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),  # naive
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),  # aware
    st.sampled_from([
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00",
        "9999-12-31T23:59:59.999999", "not a time", "", "2024-02-30T00:00:00",
    ]),
    json_values,
)
pids = st.one_of(
    st.sampled_from([2**70, -(2**70), -1, 0, 999_999_999, 2**31, True, False, None, "12", 1.5]),
    json_values,
)
metas = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "original": st.one_of(st.text(max_size=20), json_values),
            "title": st.one_of(st.text(max_size=20), json_values),
            "saved_at": timestamps,
            "pid": pids,
        },
    ).map(lambda d: json.dumps(d).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=100),
    st.integers(min_value=100, max_value=50_000).map(lambda n: deep(n).encode()),
)


def _offered_keys_expected(raw_metas: dict[str, bytes]) -> set[str]:
    """The snapshots a start must offer: all but those whose pid is a running process."""
    expected = set()
    for key, raw in raw_metas.items():
        try:
            meta = json.loads(raw.decode())
        except (ValueError, RecursionError):
            meta = None
        pid = meta.get("pid") if isinstance(meta, dict) else None
        if valid_pid(pid) is None or not files.pid_running(pid):  # type: ignore[arg-type]
            expected.add(key)
    return expected


def write_snapshots(raw_metas: list[bytes]) -> dict[str, bytes]:
    by_key = {}
    for n, raw in enumerate(raw_metas):
        key = f"snap{n}"
        project = templates.new_project("blank", "en")
        project.title = f"Work {n}"
        snap = write_snapshot(project, key, None)
        snap.path.with_name(f"{key}.meta.json").write_bytes(raw)
        by_key[key] = raw
    return by_key


@pytest.fixture
def clean_recovery() -> Iterator[None]:
    yield
    folder = paths.recovery_dir()
    if folder.is_dir():
        for p in folder.iterdir():
            p.unlink()


@FUZZ
@given(raw_metas=st.lists(metas, min_size=1, max_size=4))
def test_any_recovery_metadata_still_offers_every_snapshot(
    qapp: Any, raw_metas: list[bytes]
) -> None:
    folder = paths.recovery_dir()
    if folder.is_dir():
        for p in folder.iterdir():
            p.unlink()
    by_key = write_snapshots(raw_metas)
    listed = list_snapshots()
    assert {s.key for s in listed} == set(by_key)
    for snap in listed:
        assert snap.saved_at.tzinfo is not None
        snap.saved_at.astimezone()
    offered = files.orphan_snapshots()
    assert {s.key for s in offered} == _offered_keys_expected(by_key)
    dialog = files.RecoveryDialog(offered, None, None)  # type: ignore[arg-type]
    try:
        assert dialog.tree.topLevelItemCount() == len(offered)
    finally:
        dialog.deleteLater()


NASTY_SETTINGS = [
    deep(100_000).encode(),
    b"\xff\xfe\x00garbage",
    json.dumps({"language": {"en": 1}, "recent_files": "nope", "export": [1]}).encode(),
    json.dumps({"autosave_seconds": 2**70, "language": ["it"]}).encode(),
]
NASTY_METAS = [
    json.dumps({"saved_at": "2024-01-01T10:00:00", "pid": 2**70, "title": "naive"}).encode(),
    json.dumps({"saved_at": "2024-01-01T09:00:00+02:00", "pid": -5, "title": "aware"}).encode(),
    json.dumps({"saved_at": 12, "pid": "x", "title": ["no"], "original": {"a": 1}}).encode(),
    deep(100_000).encode(),
    b"\x80\x81 not utf-8",
]


@pytest.mark.parametrize("raw_settings", NASTY_SETTINGS)
def test_the_app_starts_and_offers_all_readable_work(
    qtbot: Any, expect_modal: Any, clean_recovery: None, raw_settings: bytes
) -> None:
    write_settings(raw_settings)
    by_key = write_snapshots(NASTY_METAS)
    # the start path of journeydesk.ui.app.run_app, up to the event loop
    language = chosen_language()
    window = MainWindow(build=False)
    qtbot.addWidget(window)
    window.show()
    window.build()
    window.open_sample(language)
    window.files.autosave_timer.stop()
    seen: dict[str, Any] = {}

    def look(dialog: files.RecoveryDialog) -> None:
        seen["titles"] = sorted(
            dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())
        )
        dialog.later_button.click()

    expect_modal(files.RecoveryDialog, look)
    window.files.offer_recovery()
    # titles from the metadata where it has them, else from the snapshots themselves
    assert seen["titles"] == sorted(["naive", "aware", "Work 2", "Work 3", "Work 4"])
    assert len(by_key) == 5
    QApplication.processEvents()


@pytest.mark.timeout(20)
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_in_place_of_a_state_file_does_not_block() -> None:
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(settings_file())
    assert load_settings() == Settings()
    assert chosen_language() in ("en", "it")
    project = templates.new_project("blank", "en")
    snap = write_snapshot(project, "fifo", None)
    meta = snap.path.with_name("fifo.meta.json")
    meta.unlink()
    os.mkfifo(meta)
    (listed,) = list_snapshots()
    assert listed.key == "fifo" and listed.title == project.title


@pytest.mark.skipif(not boot_id(), reason="the system gives no boot id")
def test_a_snapshot_from_before_a_restart_is_offered_even_if_its_pid_runs(qapp: Any) -> None:
    """After a power cut the crashed JourneyDesk's pid may belong to another process."""
    project = templates.new_project("blank", "en")
    live = write_snapshot(project, "live", None)
    old = write_snapshot(project, "old", None)
    meta_path = old.path.with_name("old.meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert meta["pid"] == os.getpid() and meta["boot"] == boot_id()
    meta["boot"] = "an-earlier-boot"
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    assert [s.key for s in files.orphan_snapshots()] == ["old"]
    assert live.key in {s.key for s in list_snapshots()}
