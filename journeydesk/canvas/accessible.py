"""What a screen reader says about the map view.

Qt does not expose the items of a QGraphicsScene to assistive technology, so
the view speaks for them: its accessible description names what is selected
(or the cell under the keyboard cursor) in words, and the view tells the
accessibility layer each time it changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property

from PySide6.QtCore import QCoreApplication

from journeydesk.document.language import shown_language
from journeydesk.layout.vocabulary import Vocabulary
from journeydesk.model import (
    Card,
    Connection,
    CurvePoint,
    EmotionCurve,
    JourneyMap,
    Lane,
    Project,
    Separator,
    Stage,
    Step,
)

MAX_QUOTED = 80
FOUND_ONE_BY_ONE = 64
"""Selections up to this many ids are looked up one by one (``find``); larger
ones through an index of the whole map, made once per describer."""
_DESCRIBED = (Stage, Step, Lane, Card, Connection, Separator, EmotionCurve, CurvePoint)
"""The kinds of element a describer names (those of ``Describer._elements``)."""


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_QUOTED:
        text = text[: MAX_QUOTED - 1].rstrip() + "…"
    return f"“{text}”" if text else QCoreApplication.translate("MapView", "(untitled)")


def _fill(template: str, **values: str) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


class Describer:
    """Words for the elements of one map.

    ``find``, when given, is the element of this map with an id, or None (the
    document's index): a selection of a few elements is then described without
    indexing the map (20,000 cards indexed per edit while a card was selected).
    The words are the same either way (tests/canvas/test_accessible.py)."""

    def __init__(
        self,
        project: Project,
        jmap: JourneyMap,
        find: Callable[[str], object | None] | None = None,
    ) -> None:
        self.project = project
        self.jmap = jmap
        self._find = find
        self.vocab = Vocabulary(project, shown_language())
        self._steps: dict[str, tuple[Stage, Step]] = {
            step.id: (stage, step) for stage in jmap.stages for step in stage.steps
        }
        self._lanes = {lane.id: lane for lane in jmap.lanes}

    # The map's elements by id, made when first asked for: the view makes a
    # describer after every edit, and with nothing selected it needs none
    # (indexing a 20,000-card map on every edit cost 20-40 ms).

    @cached_property
    def _cards(self) -> dict[str, Card]:
        return {card.id: card for card in self.jmap.cards}

    @cached_property
    def _elements(self) -> dict[str, object]:
        jmap = self.jmap
        elements: dict[str, object] = {}
        for stage in jmap.stages:
            elements[stage.id] = stage
            for step in stage.steps:
                elements[step.id] = step
        for group in (jmap.lanes, jmap.cards, jmap.connections, jmap.separators):
            for element in group:
                elements[element.id] = element
        for curve in jmap.curves:
            elements[curve.id] = curve
            for point in curve.points:
                elements[point.id] = point
        return elements

    def _element(self, element_id: str) -> object | None:
        """The element of this map with this id, of a kind described, or None."""
        if self._find is None or "_elements" in self.__dict__:
            return self._elements.get(element_id)
        element = self._find(element_id)
        return element if isinstance(element, _DESCRIBED) else None

    def _card(self, card_id: str) -> Card | None:
        if self._find is None or "_cards" in self.__dict__:
            return self._cards.get(card_id)
        card = self._find(card_id)
        return card if isinstance(card, Card) else None

    def where(self, step_id: str, lane_id: str | None = None) -> str:
        stage, step = self._steps.get(step_id, (None, None))
        parts = []
        if step is not None and stage is not None:
            if len(stage.steps) > 1 or step.name != stage.name:
                parts.append(
                    _fill(
                        QCoreApplication.translate("MapView", "step {step} of stage {stage}"),
                        step=_quoted(step.name),
                        stage=_quoted(stage.name),
                    )
                )
            else:
                parts.append(
                    _fill(
                        QCoreApplication.translate("MapView", "stage {stage}"),
                        stage=_quoted(stage.name),
                    )
                )
        lane = self._lanes.get(lane_id or "")
        if lane is not None:
            parts.append(
                _fill(QCoreApplication.translate("MapView", "lane {lane}"), lane=_quoted(lane.name))
            )
        return ", ".join(parts)

    def element(self, element_id: str) -> str:
        element = self._element(element_id)
        if isinstance(element, Card):
            return self.card(element)
        if isinstance(element, Stage):
            return _fill(
                QCoreApplication.translate("MapView", "Stage {name}, {count} steps"),
                name=_quoted(element.name),
                count=str(len(element.steps)),
            )
        if isinstance(element, Step):
            return _fill(
                QCoreApplication.translate("MapView", "Step {name}"), name=_quoted(element.name)
            )
        if isinstance(element, Lane):
            return _fill(
                QCoreApplication.translate("MapView", "Lane {name} ({kind})"),
                name=_quoted(element.name),
                kind=self.vocab.label("lane_kinds", element.kind),
            )
        if isinstance(element, CurvePoint):
            return self.point(element)
        if isinstance(element, EmotionCurve):
            return _fill(
                QCoreApplication.translate("MapView", "Emotion curve {name}"),
                name=_quoted(element.label),
            )
        if isinstance(element, Connection):
            source = self._card(element.source)
            target = self._card(element.target)
            return _fill(
                QCoreApplication.translate("MapView", "Connection from {source} to {target}"),
                source=_quoted(source.title if source else ""),
                target=_quoted(target.title if target else ""),
            )
        if isinstance(element, Separator):
            return _fill(
                QCoreApplication.translate("MapView", "Separator {name}"),
                name=_quoted(element.label or element.kind),
            )
        return ""

    def card(self, card: Card) -> str:
        words = [
            _fill(
                QCoreApplication.translate("MapView", "{kind} card {title}"),
                kind=self.vocab.label("card_kinds", card.kind),
                title=_quoted(card.title),
            ),
            self.where(card.step, card.lane),
        ]
        if card.channel:
            words.append(
                _fill(
                    QCoreApplication.translate("MapView", "channel {channel}"),
                    channel=self.vocab.label("channels", card.channel),
                )
            )
        if card.sentiment:
            words.append(
                {
                    "positive": QCoreApplication.translate("MapView", "positive"),
                    "neutral": QCoreApplication.translate("MapView", "neutral"),
                    "problematic": QCoreApplication.translate("MapView", "problematic"),
                }.get(card.sentiment, card.sentiment)
            )
        if card.evidence:
            words.append(
                _fill(
                    QCoreApplication.translate("MapView", "{count} evidence"),
                    count=str(len(card.evidence)),
                )
            )
        return ", ".join(w for w in words if w)

    def point(self, point: CurvePoint) -> str:
        score = f"{point.score:+g}" if point.score else "0"
        text = _fill(
            QCoreApplication.translate("MapView", "Emotion point, score {score}"), score=score
        )
        if point.emotion:
            text += f" ({point.emotion})"
        where = self.where(point.step)
        return f"{text}, {where}" if where else text

    def selection(self, ids: Sequence[str]) -> str:
        if ids and (self._find is None or len(ids) > FOUND_ONE_BY_ONE):
            ids = [i for i in ids if i in self._elements]
        elif ids:
            ids = [i for i in ids if self._element(i) is not None]
        if not ids:
            return _fill(
                QCoreApplication.translate(
                    "MapView", "Map {name}: {cards} cards in {stages} stages"
                ),
                name=_quoted(self.jmap.name),
                cards=str(len(self.jmap.cards)),
                stages=str(len(self.jmap.stages)),
            )
        if len(ids) == 1:
            return self.element(ids[0])
        return _fill(
            QCoreApplication.translate("MapView", "{count} elements selected"), count=str(len(ids))
        )

    def cell(self, step_id: str, lane_id: str) -> str:
        count = sum(1 for c in self.jmap.cards if c.step == step_id and c.lane == lane_id)
        return _fill(
            QCoreApplication.translate(
                "MapView", "Cell: {where}, {count} cards; type to add a card"
            ),
            where=self.where(step_id, lane_id),
            count=str(count),
        )
