"""What a window makes while the app is idle after an open, so that the first
edit of a big map does not (#14).

The first edit after opening a 20,000-card map paid walks the later edits
do not: the document's index (``Document.warm_index``, ~170 ms), the
layouter's cards by lane (``MapLayouter.warm``, ~50 ms), and, for an edit that
adds a line, the router's columns' order (``Router.warm``, ~10 ms) and the
canvas's cards counted by band and Qt's record of where each was painted
(``MapScene.warm``, ~7 + ~55 ms). ``main_window.settle_heap``
runs this 3 s after the map is drawn, then freezes the heap with what it made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def warm_after_open(owner: QObject | None) -> None:
    """The window's document indexed and its shown map's cards walked; a
    window gone (None), without a document or a map, is left alone."""
    document = getattr(owner, "document", None)
    if document is not None:
        document.warm_index()
    scene = getattr(owner, "scene", None)
    current_map = getattr(owner, "current_map", None)
    if scene is not None and callable(current_map):
        jmap = current_map()
        if jmap is not None:
            scene.layouter.warm(jmap)
            scene.warm()
