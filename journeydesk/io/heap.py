"""The cyclic garbage collector paused while big structures are built.

Each collection walks every live object, and collections come more often as
the heap grows, so a phase that makes hundreds of thousands of objects on a
big map pays for the whole heap again and again: half of a 5,000-card load,
and at 20,000 cards a third of the layout (1.2-1.4 s) and of the canvas scene
building (bench/bench_growth.py, issue #14). What these phases make is freed
by reference counting or lives on; the few cycles left are collected after.
No Qt here (the layout uses it too).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


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
