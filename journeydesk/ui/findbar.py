"""Find (Ctrl+F) and filters: matching cards stay bright, the others dim;
Enter or F3 goes to the next match."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journeydesk.document.language import shown_language
from journeydesk.layout.labels import label
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import JourneyMap, Project
from journeydesk.model.query import (
    CardFilter,
    channels_of,
    kinds_of,
    lane_personas_of,
    matching_cards,
    tags_of,
)

CARD_FIELDS_NO_FILTER_LISTS = frozenset(
    {
        "title",
        "body",
        "step",
        "lane",
        "order",
        "span_steps",
        "span_lanes",
        "owners",
        "sentiment",
        "evidence",
        "colour",
        "image",
        "scores",
        "status",
        "relates_to",
        "derived_from",
        "links",
    }
)
"""Card fields whose change leaves the filters' lists as they are (kinds,
channels and tags are listed from the cards; sentiments and evidence are fixed
lists; owners list the project's teams): such an edit rechecks its cards only."""

MORE_COLUMNS = 3
"""Filters per row under More Filters."""
MAX_COMBO_CHARS = 22
"""A filter box is never wider than this many characters."""


if TYPE_CHECKING:
    from journeydesk.document.document import Change, Document

    from .context import EditingContext


class FindBar(QWidget):
    filterChanged = Signal(object)
    goTo = Signal(str)
    closed = Signal()

    def __init__(self, context: EditingContext | None = None) -> None:
        super().__init__()
        self.project: Project | None = None
        self.jmap: JourneyMap | None = None
        self.matches: list[str] = []
        self.current = -1
        self._stale: EditingContext | None = None
        """Set while the closed bar missed an edit: open_bar fills it from this."""
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Find cards…"))
        self.text.setAccessibleName(self.tr("Find"))
        self.text.setClearButtonEnabled(True)
        self.kind = self._combo(self.tr("Any kind"))
        self.stage = self._combo(self.tr("Any stage"))
        self.lane = self._combo(self.tr("Any lane"))
        self.persona = self._combo(self.tr("Any persona"))
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
        # The text and the card kind ("pain points only" in one step) on the
        # bar; the other filters in a second row that More Filters opens (nine
        # filters in one row would not fit a laptop's map area).
        self.more_button = QToolButton()
        self.more_button.setCheckable(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more_button.toggled.connect(self._show_more)
        self.more = QWidget()
        grid = QGridLayout(self.more)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, combo in enumerate(self.combos()[1:]):
            grid.addWidget(combo, n // MORE_COLUMNS, n % MORE_COLUMNS)
        self.more.setVisible(False)
        row = QHBoxLayout()
        for w in (self.text, self.kind, self.more_button, self.count, close):
            row.addWidget(w)
        row.setStretch(0, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.more)
        self._update_more_button()
        self._size_parts()
        self.text.textChanged.connect(self.refresh)
        self.text.returnPressed.connect(self.next_match)
        for combo in self.combos():
            combo.currentIndexChanged.connect(self.refresh)
        if context is not None:
            self._follow(context)

    def _follow(self, context: EditingContext) -> None:
        """Wiring: the filters offer what the window's shown map holds, after
        every edit (not the storyline's: the map stays as it was)."""
        document: list[Document] = []

        def shown(_map_id: object = None) -> None:
            self.set_map(context.project, context.current_map())

        def edited(change: Change) -> None:
            if not (change.fields and set(change.fields) <= {"storyline", "scenes"}):
                if self.isHidden():
                    # Closed: the filters are filled again when it opens (every
                    # edit of a 20,000-card map listed its channels and tags).
                    self._stale = context
                elif not self._recheck(context, change):
                    shown()

        def replaced(new: Document | None) -> None:
            for old in document:
                with contextlib.suppress(RuntimeError, TypeError):
                    old.changed.disconnect(edited)
            document[:] = [new] if new is not None else []
            if new is not None:
                new.changed.connect(edited)

        context.documentReplaced.connect(replaced)
        context.mapChanged.connect(shown)

    def _recheck(self, context: EditingContext, change: Change) -> bool:
        """Match again only the cards an edit changed, when it changed nothing
        else the filters list or match on: a title typed on a 20,000-card map
        matched every card again and refilled every list (0.1-0.7 s of CPU
        each edit). False when the whole refresh is needed."""
        doc, project, jmap = context.document, self.project, self.jmap
        if (
            doc is None
            or project is None
            or jmap is None
            or project is not doc.project
            or jmap is not context.current_map()
            or not set(change.fields) <= CARD_FIELDS_NO_FILTER_LISTS
        ):
            return False
        cards = doc.changed_cards(change)
        if cards is None or any(doc.map_of(card.id) is not jmap for card in cards):
            return False
        card_filter = self.card_filter()
        if not card_filter.active:
            return True  # nothing is filtered, and the lists stay
        was = set(self.matches)
        matched = set(was)
        for card in cards:
            if card_filter.matches(card, project, jmap):
                matched.add(card.id)
            else:
                matched.discard(card.id)
        if matched == was:
            return True  # the scene keeps the emphasis on redrawn cards itself
        self.matches = [c.id for c in jmap.cards if c.id in matched]
        self.current = -1
        self._show_count()
        self.filterChanged.emit(set(self.matches))
        return True

    def combos(self) -> tuple[QComboBox, ...]:
        """The filters, in the bar's order."""
        return (
            self.kind,  # on the bar; the others under More Filters
            self.stage,
            self.lane,
            self.persona,
            self.channel,
            self.team,
            self.sentiment,
            self.tag,
            self.confidence,
        )

    def _show_more(self, shown: bool) -> None:
        self.more.setVisible(shown)

    def _update_more_button(self) -> None:
        """ "More Filters", with how many of them are set (seen while they are folded away)."""
        chosen = sum(1 for c in self.combos()[1:] if c.currentData() is not None)
        text = self.tr("More Filters")
        if chosen:
            text = self.tr("More Filters (%1)").replace("%1", str(chosen))
        self.more_button.setText(text)

    def _size_parts(self) -> None:
        """The find box keeps its width whatever the count says: the count
        has its room from the start (the filters are sized by _combo)."""
        metrics = self.fontMetrics()
        em = metrics.averageCharWidth()
        self.text.setMinimumWidth(
            max(16 * em, metrics.horizontalAdvance(self.text.placeholderText()) + 4 * em)
        )
        widest_count = self.tr("%1 of %2 cards").replace("%1", "999").replace("%2", "999")
        self.count.setMinimumWidth(metrics.horizontalAdvance(widest_count) + em)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _combo(self, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(any_text, None)
        combo.setAccessibleName(any_text)
        # A long stage or lane name must not widen the window: the box is as
        # wide as its "Any ..." text or a name of up to MAX_COMBO_CHARS
        # characters; its drop-down list shows whole names.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(min(MAX_COMBO_CHARS, len(any_text) + 1))
        combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        return combo

    def _place_entries(
        self, project: Project | None, jmap: JourneyMap | None, vocab: Vocabulary | None
    ) -> tuple[list[tuple[str, str]], ...]:
        """The entries of the kind, stage, lane and persona filters for the map."""
        if project is None or jmap is None or vocab is None:
            return [], [], [], []
        used = set(kinds_of(jmap))
        known = [e.key for e in vocab.entries("card_kinds") if e.key in used]
        kinds = [(k, vocab.label("card_kinds", k)) for k in known + sorted(used - set(known))]
        stages = [
            (stage.id, stage.name or self.tr("Stage %1").replace("%1", str(n)))
            for n, stage in enumerate(jmap.stages, 1)
        ]
        lanes = [
            (lane.id, lane.name or vocab.label("lane_kinds", lane.kind))
            for lane in jmap.lanes
            if lane.display != "curve"
        ]
        names = {p.id: p.name for p in project.personas}
        personas = [(p, names.get(p, p)) for p in lane_personas_of(jmap)]
        return kinds, stages, lanes, personas

    def set_map(self, project: Project | None, jmap: JourneyMap | None) -> None:
        self._stale = None
        self.project, self.jmap = project, jmap
        lang = shown_language()  # the interface's words, not the project's
        vocab = Vocabulary(project, lang) if project else None
        kinds, stages, lanes, personas = self._place_entries(project, jmap, vocab)
        combos = (
            (self.kind, kinds),
            (self.stage, stages),
            (self.lane, lanes),
            (self.persona, personas),
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
        # Personas filter the lanes that are theirs; a map without such lanes has nothing to pick.
        self.persona.setEnabled(self.persona.count() > 1)
        self.persona.setToolTip(
            "" if self.persona.isEnabled() else self.tr("No lane of this map belongs to a persona")
        )
        self.refresh()

    def card_filter(self) -> CardFilter:
        return CardFilter(
            text=self.text.text(),
            channel=self.channel.currentData(),
            team=self.team.currentData(),
            sentiment=self.sentiment.currentData(),
            tag=self.tag.currentData(),
            confidence=self.confidence.currentData(),
            kind=self.kind.currentData(),
            persona=self.persona.currentData(),
            lane=self.lane.currentData(),
            stage=self.stage.currentData(),
        )

    def refresh(self) -> None:
        self._update_more_button()
        f = self.card_filter()
        if self.project is None or self.jmap is None or not f.active or not self.isVisible():
            self.matches = []
            self.count.setText("")
            self.filterChanged.emit(None)
            return
        self.matches = matching_cards(self.project, self.jmap, f)
        self.current = -1
        self._show_count()
        self.filterChanged.emit(set(self.matches))

    def _show_count(self) -> None:
        assert self.jmap is not None
        self.count.setText(
            self.tr("%1 of %2 cards")
            .replace("%1", str(len(self.matches)))
            .replace("%2", str(len(self.jmap.cards)))
        )

    def next_match(self) -> None:
        if not self.matches:
            return
        self.current = (self.current + 1) % len(self.matches)
        self.goTo.emit(self.matches[self.current])

    def open_bar(self) -> None:
        self.setVisible(True)
        if self._stale is not None:
            self.set_map(self._stale.project, self._stale.current_map())
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.setVisible(False)
        self.filterChanged.emit(None)
        self.closed.emit()
