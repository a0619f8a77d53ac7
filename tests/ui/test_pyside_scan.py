"""``ui.pyside_scan.uses_pyside`` answers PySide6's per-module question as
PySide's own ``_mod_uses_pyside`` does, on every module the app has loaded."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  (loads PySide6.support.feature)

from journeydesk.ui import pyside_scan
from journeydesk.ui.main_window import _load_heavy


def _pyside_own():  # type: ignore[no-untyped-def]
    feature = sys.modules[pyside_scan._FEATURE]
    return feature.__dict__.get("_journeydesk_pyside_own", feature._mod_uses_pyside)


def test_same_answer_as_pyside_on_every_loaded_module(qapp) -> None:  # type: ignore[no-untyped-def]
    _load_heavy()  # the modules a start imports
    own = _pyside_own()
    assert own is not pyside_scan.uses_pyside
    modules = list(sys.modules.values())
    answers = {m.__name__: pyside_scan.uses_pyside(m) for m in modules}
    assert answers == {m.__name__: own(m) for m in modules}
    assert answers["journeydesk.ui.main_window"] is True  # both kinds are there
    assert answers["journeydesk.model.project"] is False
    assert answers["json"] is False


def test_cheapen_replaces_pysides_function_once() -> None:
    feature = sys.modules[pyside_scan._FEATURE]
    before = feature._mod_uses_pyside
    try:
        assert pyside_scan.cheapen()
        assert feature._mod_uses_pyside is pyside_scan.uses_pyside
        assert pyside_scan.cheapen()  # twice: still PySide's own kept aside
        assert feature._journeydesk_pyside_own is not pyside_scan.uses_pyside
    finally:
        feature._mod_uses_pyside = before
