"""Redrawing after each change of a document as the window does: the hint of
``ui/layout_hint.py`` against the generation of the last redraw. For the tests
that follow a document edit by edit and compare each redraw with a fresh one.
(Qt's modules are imported when one is made, as the tests did inline.)"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from journeydesk.document.document import Document
    from journeydesk.model import JourneyMap


class Hints:
    """The hints of one document's changes, one after the other."""

    def __init__(self, doc: Document, jmap: JourneyMap) -> None:
        from journeydesk.ui.layout_hint import layout_hint

        self._hint = layout_hint
        self.doc = doc
        self.jmap = jmap
        self.drawn: int | None = None
        """The document's generation at the last redraw (None: none yet)."""

    def after(self, change: Any) -> Any:
        """The hint for redrawing after ``change`` (None: the first drawing)."""
        hint = self._hint(self.doc, self.jmap, change, self.drawn)
        assert hint is not None
        self.drawn = hint.now
        return hint
