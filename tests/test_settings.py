"""Settings: typed, defaulted, kept in the test's own config folder."""

from __future__ import annotations

import os
from pathlib import Path

from journeydesk import paths
from journeydesk.settings import MAX_RECENT, Settings, load_settings, save_settings, settings_file


def test_tests_never_touch_the_real_config_folder() -> None:
    assert os.environ["JOURNEYDESK_CONFIG_DIR"]
    assert paths.config_dir() == Path(os.environ["JOURNEYDESK_CONFIG_DIR"])
    assert str(Path.home() / ".config") not in str(settings_file())


def test_defaults_when_missing_and_round_trip() -> None:
    assert not settings_file().exists()
    s = load_settings()
    assert s == Settings()
    s.export.paper = "A0"
    s.export.hide_lane_kinds = ["backstage"]
    s.language = "it"
    save_settings(s)
    assert load_settings() == s


def test_damaged_file_gives_defaults_and_is_left_alone() -> None:
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text('{"language": "klingon", "autosave_seconds": -5', encoding="utf-8")
    assert load_settings() == Settings()
    assert settings_file().read_text(encoding="utf-8").startswith('{"language": "klingon"')


def test_recent_files_most_recent_first_without_duplicates() -> None:
    s = Settings()
    for n in range(15):
        s.add_recent(f"/p/{n}.journey")
    s.add_recent("/p/3.journey")
    assert s.recent_files[0] == "/p/3.journey"
    assert len(s.recent_files) == MAX_RECENT
    assert len(set(s.recent_files)) == MAX_RECENT
