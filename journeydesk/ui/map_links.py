"""Following sub-journey links between maps, and the way back.

A card's link (``Card.links``) opens another map of the project: from the
card's link mark (double-click), its context menu or the inspector. The
window shows that map and remembers the card the user came from; Back
(Alt+Left, View → Back) shows that map again with that card selected.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

MAX_HISTORY = 50


class LinkHistory(QObject):
    """Follows links for the main window and keeps the way back."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.trail: list[tuple[str, str]] = []
        """(map id, card id) of each place a link was followed from, latest last."""
        self.back_action = QAction(self.tr("Back to Linking Card"), window)
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Back)
        if QKeySequence("Alt+Left") not in keys:
            keys.append(QKeySequence("Alt+Left"))
        self.back_action.setShortcuts(keys)
        self.back_action.setToolTip(self.tr("Show the card whose link opened this map"))
        self.back_action.setEnabled(False)
        self.back_action.triggered.connect(self.back)
        window.addAction(self.back_action)
        window.context.documentReplaced.connect(lambda _document: self.reset())

    def follow(self, map_id: str, card_id: str) -> bool:
        """Show map ``map_id``, remembering ``card_id`` (on the map shown now)."""
        window = self.window
        project = window.project
        here = window.current_map()
        target = project.map_by_id(map_id) if project is not None else None
        if target is None or here is None:
            window.statusBar().showMessage(self.tr("The linked map is not in this project"), 8000)
            return False
        self.trail = [*self.trail, (here.id, card_id)][-MAX_HISTORY:]
        self.back_action.setEnabled(True)
        window.context.set_map(map_id)
        window.statusBar().showMessage(
            self.tr("Showing the linked map “%1”: Alt+Left goes back").replace("%1", target.name),
            8000,
        )
        return True

    def back(self) -> bool:
        """Show the map and the card the last followed link was on."""
        window = self.window
        project = window.project
        while self.trail:
            map_id, card_id = self.trail.pop()
            if project is not None and project.map_by_id(map_id) is not None:
                window.context.set_map(map_id)
                window.reveal_element(card_id)
                self.back_action.setEnabled(bool(self.trail))
                return True
        self.back_action.setEnabled(False)
        return False

    def reset(self) -> None:
        """Another project: the way back leads nowhere."""
        self.trail = []
        self.back_action.setEnabled(False)
