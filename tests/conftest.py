"""Test setup shared by the whole suite.

- Qt runs offscreen, in English, with no display needed.
- Every test gets its own, empty user folders: JourneyDesk's
  (``JOURNEYDESK_CONFIG_DIR``/``_STATE_DIR``/``_CACHE_DIR``, read by
  ``journeydesk.paths``) and the XDG ones Qt and platformdirs read; a Qt test
  also gets its own HOME, with ``QStandardPaths`` in test mode. No test
  reads or writes the real user's settings, recovery files or caches.
- A test that uses Qt (``qapp``/``qtbot``) fails when a modal dialog opens that
  it did not expect: the dialog is closed at once so nothing blocks, and the
  test is failed with the dialog's class, title and text. Opt out with
  ``@pytest.mark.allow_modal`` (the test answers its dialogs itself), or
  announce each dialog with the ``expect_modal`` fixture.
- Qt tests time out with pytest-timeout's thread method: a test stuck inside a
  C++ event loop never runs the Python handler of the signal method, so only
  the thread method is sure to end it (it stops the whole run, loudly).

This module imports no Qt at import time, so model tests stay Qt-free.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# tests/support: helpers shared by tests in several folders (bench_shapes)
sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))

# The environment as the person (or CI) started pytest, before this module
# changes it: for tests that run pip or other tools that need the real caches.
_PRISTINE_ENV = dict(os.environ)

# Qt in this process is always offscreen; "offscreen:configfile=..." (a
# two-screen setup) is kept. End-to-end tests give their subprocesses xcb.
if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
# One language for everyone: tests that want Italian set it themselves.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

_DIR_VARS = {
    "JOURNEYDESK_CONFIG_DIR": "journeydesk-config",
    "JOURNEYDESK_STATE_DIR": "journeydesk-state",
    "JOURNEYDESK_CACHE_DIR": "journeydesk-cache",
    "XDG_CONFIG_HOME": "xdg-config",
    "XDG_STATE_HOME": "xdg-state",
    "XDG_CACHE_HOME": "xdg-cache",
    "XDG_DATA_HOME": "xdg-data",
}

# Session-wide fallback folders, in place before any test or plugin runs
# (QSettings, for one, fixes its folders once per process); each test then
# gets folders of its own from the `user_dirs` fixture.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="journeydesk-tests-"))
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)
for _var, _name in _DIR_VARS.items():
    os.environ[_var] = str(_SESSION_HOME / _name)
for _var in [v for v in os.environ if v.startswith("JOURNEYDESK_") and v not in _DIR_VARS]:
    del os.environ[_var]  # a developer's own JOURNEYDESK_* settings stay out of tests


try:
    from hypothesis import HealthCheck
    from hypothesis import settings as _hypothesis_settings
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass
else:
    # Two slow cores in CI: no per-example deadline, no "too slow" failures.
    _hypothesis_settings.register_profile(
        "journeydesk",
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        print_blob=True,
    )
    _hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "journeydesk"))


@pytest.fixture(scope="session")
def pristine_env() -> dict[str, str]:
    """A copy of the environment pytest was started with (real caches, HOME...)."""
    return dict(_PRISTINE_ENV)


@dataclass(frozen=True)
class UserDirs:
    """The folders the current test's JourneyDesk sees as the user's."""

    config: Path
    state: Path
    cache: Path
    xdg_config: Path
    xdg_state: Path
    xdg_cache: Path
    xdg_data: Path
    home: Path  # HOME, for Qt tests only (see _qt_home)

    def env(self) -> dict[str, str]:
        """The variables that point a subprocess at these folders."""
        paths = [self.config, self.state, self.cache, self.xdg_config, self.xdg_state,
                 self.xdg_cache, self.xdg_data]
        return {var: str(path) for var, path in zip(_DIR_VARS, paths, strict=True)}


@pytest.fixture(autouse=True)
def user_dirs(tmp_path_factory: pytest.TempPathFactory,
              monkeypatch: pytest.MonkeyPatch) -> UserDirs:
    """Fresh, empty (not yet created) user folders for every test."""
    base = tmp_path_factory.mktemp("user")
    dirs = UserDirs(*(base / name for name in _DIR_VARS.values()), home=base / "home")
    for var, value in dirs.env().items():
        monkeypatch.setenv(var, value)
    return dirs


# --- Qt: test mode for QStandardPaths, and no unexpected modal dialogs -------

@pytest.fixture(scope="session")
def _qt_test_mode(qapp: Any) -> None:
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)


def _qt_home(user_dirs: UserDirs, monkeypatch: pytest.MonkeyPatch) -> None:
    # In test mode Qt writes to ~/.qttest/... on Linux, whatever XDG_* say:
    # a Qt test's HOME is its own, so even that stays out of the real home.
    # Other tests keep the real HOME (tools they run may need it).
    user_dirs.home.mkdir()
    monkeypatch.setenv("HOME", str(user_dirs.home))


@dataclass
class _Expectation:
    cls: type
    handler: Callable[[Any], object] | None
    title: str | None
    met: bool = False


@dataclass
class ModalWatcher:
    """Polls for modal dialogs and popups every 50 ms while a Qt test runs.

    Qt keeps firing timers inside the nested event loop of ``QDialog.exec()``
    and ``QMenu.exec()``, so the poll runs even while a test is blocked on a
    dialog, and closing the dialog unblocks it.
    """

    allow_modal: bool = False
    grace: float = 10.0        # allow_modal: how long a dialog may stay open
    popup_grace: float = 5.0   # a popup menu open this long is blocking the test
    phase: str = "setup"
    problems: list[str] = field(default_factory=list)
    expectations: list[_Expectation] = field(default_factory=list)
    _first_seen: dict[int, float] = field(default_factory=dict)
    _timer: Any = None

    def start(self) -> None:
        from PySide6.QtCore import QTimer

        self._timer = QTimer()
        self._timer.setInterval(50)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def expect(self, cls: type | None = None, handler: Callable[[Any], object] | None = None,
               *, title: str | None = None) -> None:
        """Announce one modal dialog: an instance of CLS (default any QDialog)
        whose title contains TITLE. HANDLER(dialog) answers it (e.g. clicks a
        button); without one, the dialog is rejected."""
        if cls is None:
            from PySide6.QtWidgets import QDialog

            cls = QDialog
        self.expectations.append(_Expectation(cls, handler, title))

    def take_problems(self) -> list[str]:
        problems, self.problems = self.problems, []
        return problems

    def poll(self) -> None:
        try:
            from PySide6.QtWidgets import QApplication

            now = time.monotonic()
            modal = QApplication.activeModalWidget()
            if modal is not None:
                self._on_modal(modal, now)
            popup = QApplication.activePopupWidget()
            if popup is not None:
                self._on_popup(popup, now)
        except Exception as exc:  # never let the watcher itself break a test
            self.problems.append(f"modal watcher error: {exc!r}")

    def sweep(self) -> None:
        """At the end of a test: close whatever modal or popup is still open."""
        from PySide6.QtWidgets import QApplication

        for _ in range(20):
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.isModal():
                if not self.allow_modal:
                    self._record(widget, "was still open when the test ended")
                self._close(widget)

    def _on_modal(self, widget: Any, now: float) -> None:
        for exp in self.expectations:
            if exp.met or not isinstance(widget, exp.cls):
                continue
            if exp.title is not None and exp.title not in widget.windowTitle():
                continue
            exp.met = True
            try:
                if exp.handler is not None:
                    exp.handler(widget)
            finally:
                if widget.isVisible():
                    self._close(widget)
            return
        key = _cpp_id(widget)
        first = self._first_seen.setdefault(key, now)
        if self.allow_modal and now - first < self.grace:
            return
        why = (f"was left open for {self.grace:g} s" if self.allow_modal
               else "opened, and the test did not expect it")
        self._record(widget, why)
        self._close(widget)

    def _on_popup(self, widget: Any, now: float) -> None:
        first = self._first_seen.setdefault(_cpp_id(widget), now)
        if now - first >= self.popup_grace:
            self._record(widget, f"popup blocked the test for {self.popup_grace:g} s")
            widget.close()

    def _record(self, widget: Any, why: str) -> None:
        text = ""
        if hasattr(widget, "text") and callable(widget.text):
            try:
                text = f" text={widget.text()!r}"
            except Exception:
                text = ""
        self.problems.append(
            f"{type(widget).__name__} title={widget.windowTitle()!r}{text} {why} "
            f"(during {self.phase})"
        )

    @staticmethod
    def _close(widget: Any) -> None:
        from PySide6.QtWidgets import QDialog

        if isinstance(widget, QDialog):
            widget.reject()
        if widget.isVisible():
            widget.close()
        if widget.isVisible():
            widget.hide()


def _cpp_id(widget: Any) -> int:
    import shiboken6

    return int(shiboken6.getCppPointer(widget)[0])


_WATCHER_KEY = pytest.StashKey[ModalWatcher]()


def _is_qt_test(item: pytest.Item) -> bool:
    return "qapp" in getattr(item, "fixturenames", ())


@pytest.fixture(autouse=True)
def _no_unexpected_modals(request: pytest.FixtureRequest) -> Iterator[ModalWatcher | None]:
    if not _is_qt_test(request.node):
        yield None
        return
    _qt_home(request.getfixturevalue("user_dirs"), request.getfixturevalue("monkeypatch"))
    request.getfixturevalue("_qt_test_mode")  # also creates the QApplication
    marker = request.node.get_closest_marker("allow_modal")
    watcher = ModalWatcher(allow_modal=marker is not None)
    if marker is not None and "grace" in marker.kwargs:
        watcher.grace = float(marker.kwargs["grace"])
    request.node.stash[_WATCHER_KEY] = watcher
    watcher.start()
    # Set up before qtbot, so torn down after it: a "save changes?" box that
    # opens while qtbot closes the test's windows is still caught.
    yield watcher
    watcher.sweep()
    watcher.stop()
    problems = watcher.take_problems()
    problems += [
        f"expected a modal {exp.cls.__name__}"
        + (f" titled {exp.title!r}" if exp.title else "") + " that never opened"
        for exp in watcher.expectations if not exp.met
    ]
    if problems:
        pytest.fail("unexpected modal dialogs:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def expect_modal(qapp: Any, request: pytest.FixtureRequest) -> Callable[..., None]:
    """``expect_modal(QMessageBox, lambda box: box.button(QMessageBox.Discard).click())``
    announces one dialog the test is about to open and how to answer it."""
    return request.node.stash[_WATCHER_KEY].expect


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    watcher = item.stash.get(_WATCHER_KEY, None)
    if watcher is None:
        return (yield)
    watcher.phase = "the test"
    try:
        result = yield
    finally:
        watcher.phase = "teardown"
    problems = watcher.take_problems()
    if problems:
        pytest.fail("unexpected modal dialogs:\n  " + "\n  ".join(problems), pytrace=False)
    return result


_E2E_DIR = Path(__file__).resolve().parent / "e2e"
E2E_RERUNS = 2


@pytest.hookimpl(tryfirst=True)  # before -m "not e2e" deselects
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if (config.getoption("reruns", None) or 0) > 0:
        raise pytest.UsageError("--reruns would rerun every test; only e2e tests may be rerun")
    rerun_elsewhere = []
    for item in items:
        # Everything in tests/e2e is an e2e test, and only e2e tests are rerun
        # (at most twice): a flaky unit test is a bug to fix, not to retry.
        if item.path.is_relative_to(_E2E_DIR) and item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.e2e)
        if item.get_closest_marker("e2e") is not None:
            if item.get_closest_marker("flaky") is None:
                item.add_marker(pytest.mark.flaky(reruns=E2E_RERUNS))
        elif item.get_closest_marker("flaky") is not None:
            rerun_elsewhere.append(item.nodeid)
        _thread_timeout_for_qt(item)
    if rerun_elsewhere:
        raise pytest.UsageError(
            "only e2e tests may be rerun; remove @pytest.mark.flaky from: "
            + ", ".join(rerun_elsewhere))


def _thread_timeout_for_qt(item: pytest.Item) -> None:
    if not _is_qt_test(item):
        return
    marker = item.get_closest_marker("timeout")
    if marker is None:
        item.add_marker(pytest.mark.timeout(method="thread"))
    elif "method" not in marker.kwargs and len(marker.args) < 2:
        kwargs = dict(marker.kwargs, method="thread")
        if marker.args:
            kwargs["timeout"] = marker.args[0]
        item.add_marker(pytest.mark.timeout(**kwargs), append=False)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """PySide6 on the offscreen platform crashes at exit while the clipboard
    holds data (seen with 6.11.3); tests that copy leave some there."""
    import sys

    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def _no_deferred_heap_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's idle-time full collection (main_window.settle_heap) runs
    3 s after a map opens: in a suite that is inside some later test, where a
    gc.collect() over the wrappers of widgets an earlier test closed once
    crashed the run (PySide). Tests keep gc.freeze() and skip that collection;
    bench/bench_editor.py measures the real thing."""
    import sys

    module = sys.modules.get("journeydesk.ui.main_window")  # never imported here
    if module is not None:
        monkeypatch.setattr(module, "_collect_and_freeze", lambda: None)


@pytest.fixture(autouse=True, scope="module")
def _full_collection_after_each_module() -> Iterator[None]:
    """A full garbage collection, over the whole heap (thawed first: the app's
    ``settle_heap`` froze it), at the end of every test module. A cycle holding
    PySide wrappers (a closed Document and its undo stack, before commands held
    their document weakly) crashed the process in such a collection, later and
    elsewhere; here it crashes at the module that made it. Set
    ``JOURNEYDESK_GC_EACH_TEST=1`` to collect after every test instead."""
    import gc

    from journeydesk.io import heap

    yield
    heap.thaw()
    gc.collect()


@pytest.fixture(autouse=True)
def _full_collection_after_each_test() -> Iterator[None]:
    import gc

    from journeydesk.io import heap

    yield
    if os.environ.get("JOURNEYDESK_GC_EACH_TEST"):
        heap.thaw()
        gc.collect()
