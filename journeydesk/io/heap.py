"""The cyclic garbage collector paused while big structures are built.

Each collection walks every live object, and collections come more often as
the heap grows, so a phase that makes hundreds of thousands of objects on a
big map pays for the whole heap again and again: half of a 5,000-card load,
and at 20,000 cards a third of the layout (1.2-1.4 s) and of the canvas scene
building (bench/bench_growth.py, issue #14). What these phases make is freed
by reference counting or lives on; the few cycles left are collected after.
No Qt here (the layout uses it too).

What the block made is not walked when the collector comes back either. With
the collector off, the count of new objects keeps growing, so the first
allocation after the block started a young collection of everything the block
left alive: the whole project after a load, the whole layout after a layout
(40-80 ms at 10,000 cards after a load, 120-260 ms after a layout), charged to
whatever ran next. At the end of the outermost block those objects go straight
to the oldest generation instead (``gc.freeze()`` then ``gc.unfreeze()``: two
list splices, no walk), where only a full collection looks at them, as it
would have after their first young collections anyway. What that costs: a
cycle of garbage made before or inside the block is freed by the next full
collection instead of the next young one (the app runs one at idle time after
an open, ``ui.main_window.settle_heap``). When part of the heap is frozen
already (the app froze it after an open, through ``freeze`` here) the block
freezes what it made too (``gc.freeze()`` alone: an unfreeze would hand the
frozen part back to the collector). Left young, the ~20,000 Rects, Items and
routes an edit of a 20,000-card map keeps were walked by the first young
collection after it: 28-50 ms of every such edit in the app (round 9 of #14).
What that costs: a cycle of garbage made since the last freeze is freed only
when the app next thaws and collects (after an open); the edits make none
(measured: a full collection after each of a run of edits found nothing).

Round 5 of #14 took this back for a while: a closed ``Document`` and the undo
commands on its stack made a cycle of PySide wrappers, which then waited for a
full collection, and clearing it crashed the test process. Round 6 found why
and mended both causes: the commands hold their document weakly
(``document.commands.DocumentCommand``), so they make no cycle with it, and a
document freed by a collection (held by some other cycle) empties its undo
stack in ``Document.__del__`` before the collector clears anything (Qt deleting
a macro's commands in the middle of that clearing was the crash). The test
suite runs a full collection at the end of every test module to catch any
other such cycle where it is made (tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_frozen = False
"""The app froze the heap (``freeze``). Kept here because the collector's own
``gc.get_freeze_count()`` counts the frozen objects one by one: 25 ms at the
end of every layout of a 20,000-card map, once the heap was frozen."""


def freeze() -> None:
    """Leave every object alive now out of later collections (``gc.freeze``)."""
    global _frozen
    gc.freeze()
    _frozen = True


def thaw() -> None:
    """Hand the frozen objects back to the collector (``gc.unfreeze``)."""
    global _frozen
    gc.unfreeze()
    _frozen = False


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
            if _frozen:
                gc.freeze()  # (the block's objects join the frozen heap: no walk)
            else:
                settle_young()
            gc.enable()


def settle_young() -> None:
    """Move every object the collector tracks to its oldest generation without
    walking them, and start the young generation's count from zero (only when
    nothing is frozen: see the module's docstring)."""
    gc.freeze()
    gc.unfreeze()
