"""A cheaper answer to PySide6's question about every module imported after it.

PySide6 keeps, per module, whether it may switch on PySide's ``__feature__``
options (snake_case, true_property); for every module imported after PySide6 it
decides that by reading the module's whole source with ``inspect.getsource``
and looking for the word "PySide6" (``PySide6.support.feature._mod_uses_pyside``).
``getsource`` also looks the module up among all loaded modules each time: on
the ~300 modules the app imports after Qt that was ~44 ms of CPU of each start
(bench/bench_open_process.py), where this reads the same file's bytes (~14 ms).

Same answer (tests/ui/test_pyside_scan.py compares both on every loaded module):
a module without a ``.py`` file (built in, compiled, bytecode only) has no source
for PySide either. JourneyDesk uses no ``__feature__`` option, so the answer only
matters to PySide's bookkeeping anyway. Where PySide has no such function (a
later release), nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType

_FEATURE = "PySide6.support.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether the source file of ``module`` contains "PySide6"."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def cheapen() -> bool:
    """Make PySide6 ask ``uses_pyside``; False when its feature module is not
    loaded or has no such function."""
    feature = sys.modules.get(_FEATURE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    own = feature.__dict__["_mod_uses_pyside"]
    if own is not uses_pyside:
        feature.__dict__.setdefault("_journeydesk_pyside_own", own)
        feature.__dict__["_mod_uses_pyside"] = uses_pyside
    return True
