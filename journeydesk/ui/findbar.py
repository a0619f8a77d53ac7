"""Find (Ctrl+F) and filters: matching cards stay bright, the others dim;
Enter or F3 goes to the next match."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from journeydesk.layout.labels import label
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import JourneyMap, Project
from journeydesk.model.query import CardFilter, channels_of, matching_cards, tags_of


class FindBar(QWidget):
    filterChanged = Signal(object)
    goTo = Signal(str)
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self.jmap: JourneyMap | None = None
        self.matches: list[str] = []
        self.current = -1
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Find cards…"))
        self.text.setAccessibleName(self.tr("Find"))
        self.text.setClearButtonEnabled(True)
        self.channel = self._combo(self.tr("Any channel"))
        self.team = self._combo(self.tr("Any owner"))
        self.sentiment = self._combo(self.tr("Any sentiment"))
        self.tag = self._combo(self.tr("Any tag"))
        self.confidence = self._combo(self.tr("Any evidence"))
        self.count = QLabel()
        close = QToolButton()
        close.setText("×")
        close.setAccessibleName(self.tr("Close find bar"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for w in (
            self.text,
            self.channel,
            self.team,
            self.sentiment,
            self.tag,
            self.confidence,
            self.count,
            close,
        ):
            layout.addWidget(w)
        self._size_parts()
        self.text.textChanged.connect(self.refresh)
        self.text.returnPressed.connect(self.next_match)
        for combo in (self.channel, self.team, self.sentiment, self.tag, self.confidence):
            combo.currentIndexChanged.connect(self.refresh)

    def _size_parts(self) -> None:
        """The find box keeps its width whatever the filters and the count
        say: the count has its room from the start, and the filters give
        way (they shrink, their lists stay whole) before the find box does."""
        metrics = self.fontMetrics()
        em = metrics.averageCharWidth()
        self.text.setMinimumWidth(
            max(16 * em, metrics.horizontalAdvance(self.text.placeholderText()) + 4 * em)
        )
        widest_count = self.tr("%1 of %2 cards").replace("%1", "999").replace("%2", "999")
        self.count.setMinimumWidth(metrics.horizontalAdvance(widest_count) + em)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.setStretchFactor(self.text, 3)
        for combo in self.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            layout.setStretchFactor(combo, 1)

    def _combo(self, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(any_text, None)
        combo.setAccessibleName(any_text)
        return combo

    def set_map(self, project: Project | None, jmap: JourneyMap | None) -> None:
        self.project, self.jmap = project, jmap
        lang = project.language if project else "en"
        vocab = Vocabulary(project, lang) if project else None
        combos = (
            (
                self.channel,
                [
                    (c, vocab.label("channels", c) if vocab else c)
                    for c in (channels_of(jmap) if jmap else [])
                ],
            ),
            (self.team, [(t.id, t.name) for t in (project.teams if project else [])]),
            (self.sentiment, [(s, label(s, lang)) for s in ("positive", "neutral", "problematic")]),
            (self.tag, [(t, t) for t in (tags_of(jmap) if jmap else [])]),
            (self.confidence, [(c, label(c, lang)) for c in ("observed", "assumed", "proposed")]),
        )
        for combo, entries in combos:
            keep = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in entries:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(keep)) if keep is not None else 0)
            combo.blockSignals(False)
        self.refresh()

    def card_filter(self) -> CardFilter:
        return CardFilter(
            text=self.text.text(),
            channel=self.channel.currentData(),
            team=self.team.currentData(),
            sentiment=self.sentiment.currentData(),
            tag=self.tag.currentData(),
            confidence=self.confidence.currentData(),
        )

    def refresh(self) -> None:
        f = self.card_filter()
        if self.project is None or self.jmap is None or not f.active or not self.isVisible():
            self.matches = []
            self.count.setText("")
            self.filterChanged.emit(None)
            return
        self.matches = matching_cards(self.project, self.jmap, f)
        self.current = -1
        self.count.setText(
            self.tr("%1 of %2 cards")
            .replace("%1", str(len(self.matches)))
            .replace("%2", str(len(self.jmap.cards)))
        )
        self.filterChanged.emit(set(self.matches))

    def next_match(self) -> None:
        if not self.matches:
            return
        self.current = (self.current + 1) % len(self.matches)
        self.goTo.emit(self.matches[self.current])

    def open_bar(self) -> None:
        self.setVisible(True)
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.setVisible(False)
        self.filterChanged.emit(None)
        self.closed.emit()
