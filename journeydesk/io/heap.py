"""The cyclic garbage collector paused while big structures are built.

Each collection walks every live object, and collections come more often as
the heap grows, so a phase that makes hundreds of thousands of objects on a
big map pays for the whole heap again and again: half of a 5,000-card load,
and at 20,000 cards a third of the layout (1.2-1.4 s) and of the canvas scene
building (bench/bench_growth.py, issue #14). What these phases make is freed
by reference counting or lives on; the few cycles left are collected after.
No Qt here (the layout uses it too).

When the collector comes back, what the block left alive is young and is walked
by the next young collection (40-80 ms at 10,000 cards after a load, 120-260 ms
after a layout, charged to whatever runs next). Handing it straight to the oldest
generation (``gc.freeze()`` then ``gc.unfreeze()``) avoided that and was taken
back in round 5 of #14: it left cycles holding PySide wrappers (a closed
``Document`` and the commands of its undo stack) to a later full collection,
which crashed the test process in one order of the tests. The app freezes its
heap once after an open instead (``ui.main_window.settle_heap``, through
``freeze`` here).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


def freeze() -> None:
    """Leave every object alive now out of later collections (``gc.freeze``)."""
    gc.freeze()


def thaw() -> None:
    """Hand the frozen objects back to the collector (``gc.unfreeze``)."""
    gc.unfreeze()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (nested blocks: the
    outermost one turns it back on). Also a decorator: ``@gc_paused()``."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
