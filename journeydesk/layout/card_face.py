"""A card's drawing: its box, image, title, body and badge row.

Split from ``engine`` (which places cards) so the drawing can be made later
than the placing: ``engine`` hands each card's ``Item`` a ``make`` that calls
``card_primitives`` on first use (layout/primitives.py ``Item``). Everything
the drawing reads is taken when the card is laid out (``CardFace``): an edit
that changes the card in place afterwards does not reach a drawing made later.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from journeydesk.model.project import Card, Project

from . import icons, shapes
from .context import CardMeasure
from .fonts import metrics
from .labels import label
from .primitives import Box, Image, Primitive, Rect, Text
from .text import one_line, wrap
from .theme import Theme
from .vocabulary import Vocabulary

LINK_COLOUR = "#2F6FB3"
"""The mark of a card linked to another map."""


@dataclass(frozen=True, slots=True)
class CardFace:
    """What a card's drawing reads of the card, as it was when laid out."""

    title: str
    body: str
    kind: str
    colour: str | None
    sentiment: str | None
    image: str | None
    channel: str | None
    links: int
    confidences: tuple[str, ...]
    scores: tuple[tuple[str, float], ...]

    @staticmethod
    def of(card: Card) -> CardFace:
        return CardFace(
            card.title,
            card.body,
            card.kind,
            card.colour,
            card.sentiment,
            card.image,
            card.channel,
            len(card.links),
            tuple([e.confidence for e in card.evidence]) if card.evidence else (),
            tuple(card.scores.items()) if card.scores else (),
        )

    def badges(self) -> int:
        return (
            int(bool(self.links))
            + int(bool(self.sentiment))
            + int(bool(self.confidences))
            + int(bool(self.channel))
            + int(bool(self.scores))
        )


def card_primitives(
    t: Theme,
    vocab: Vocabulary,
    language: str,
    card: CardFace,
    rect: Rect,
    comments: int,
    m: CardMeasure,
) -> list[Primitive]:
    """The card's drawing in ``rect`` (its measure ``m``: the lines are broken here)."""
    prims = _card_frame(t, vocab, card, rect, m)
    x = rect.x + t.card_padding
    y = rect.y + t.card_padding
    inner = rect.w - 2 * t.card_padding
    if m.image_height and card.image:
        y += m.image_height + 3
    title = wrap(card.title, t.bold, t.card_title_size, inner, t.card_title_lines).lines
    prims.append(
        Text(x, y, inner, title, t.bold, t.card_title_size, t.ink, t.card_title_size * t.leading)
    )
    y += len(title) * t.card_title_size * t.leading
    if m.body_lines:
        body = wrap(card.body, t.face, t.card_body_size, inner, t.card_body_lines).lines
        y += 2
        prims.append(
            Text(x, y, inner, body, t.face, t.card_body_size, t.ink, t.card_body_size * t.leading)
        )
    if card.badges() or comments:
        prims += _badges(
            t,
            vocab,
            language,
            card,
            Rect(x, rect.bottom - t.card_padding - t.badge_height, inner, t.badge_height),
            comments,
        )
    return prims


def _card_frame(
    t: Theme, vocab: Vocabulary, card: CardFace, rect: Rect, m: CardMeasure
) -> list[Primitive]:
    """The card's box, sentiment stripe and image: its drawing without the words."""
    kind = vocab.entry("card_kinds", card.kind)
    fill = card.colour or kind.colour or t.default_card_fill
    prims: list[Primitive] = [
        Box(rect, fill=fill, stroke=t.card_stroke, stroke_width=0.6, radius=t.card_radius)
    ]
    if card.sentiment:
        colour = t.sentiment_colours.get(card.sentiment, t.muted)
        prims.append(Box(Rect(rect.x, rect.y + 2, 2.5, rect.h - 4), fill=colour))
    if m.image_height and card.image:
        pad = t.card_padding
        prims.append(
            Image(card.image, Rect(rect.x + pad, rect.y + pad, rect.w - 2 * pad, m.image_height))
        )
    return prims


def card_swatch(recipe: object) -> list[Primitive] | None:
    """A card's drawing for a preview where the card is a few pixels high, when
    ``recipe`` is its drawing not made yet (``Item.recipe``: a ``card_primitives``
    call): box, sentiment stripe and image as drawn, and each line of words
    "greeked", a bar of ink mixed with the card's fill, as long as the words
    would fill it at an average letter width. Nothing is wrapped or measured.
    None for any other recipe."""
    if not isinstance(recipe, functools.partial) or recipe.func is not card_primitives:
        return None
    a = recipe.args  # card_primitives(theme, vocab, language, face, rect, comments, m)
    t: Theme = a[0]
    card: CardFace = a[3]
    rect: Rect = a[4]
    m: CardMeasure = a[6]
    prims = _card_frame(t, a[1], card, rect, m)
    fill = prims[0].fill if isinstance(prims[0], Box) and prims[0].fill else "#FFFFFF"
    x = rect.x + t.card_padding
    y = rect.y + t.card_padding
    inner = rect.w - 2 * t.card_padding
    if m.image_height and card.image:
        y += m.image_height + 3
    y = _greeked(prims, card.title, m.title_lines, x, y, inner, t.card_title_size, t, fill, 0.5)
    if m.body_lines:
        _greeked(prims, card.body, m.body_lines, x, y + 2, inner, t.card_body_size, t, fill, 0.3)
    return prims


def _greeked(
    prims: list[Primitive],
    text: str,
    lines: int,
    x: float,
    y: float,
    inner: float,
    size: float,
    t: Theme,
    fill: str,
    ink: float,
) -> float:
    """Bars for ``lines`` lines of ``text`` from ``y``; the ``y`` after them."""
    colour = _mix(t.ink, fill, ink)
    left = max(len(text), 1) * size * 0.5  # an average letter is about half an em
    step = size * t.leading
    for _ in range(lines):
        width = min(inner, max(left, inner * 0.2))
        prims.append(Box(Rect(x, y + size * 0.3, width, size * 0.6), fill=colour))
        left -= inner
        y += step
    return y


def _mix(a: str, b: str, share: float) -> str:
    """``share`` of colour ``a`` over colour ``b`` (both #RRGGBB)."""
    try:
        ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
        cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    except ValueError:
        return a
    return "#" + "".join(
        f"{round(p * share + q * (1 - share)):02X}" for p, q in zip(ca, cb, strict=True)
    )


def _badges(
    t: Theme, vocab: Vocabulary, language: str, card: CardFace, rect: Rect, comments: int
) -> list[Primitive]:
    size = t.badge_size
    r = size * 0.55
    cy = rect.y + rect.h / 2
    x = rect.x
    prims: list[Primitive] = []
    if card.links:
        # First in the row, where link_badge_rect finds it (double-click follows it).
        prims += icons.linked_map(x, rect.y + (rect.h - size) / 2, size, LINK_COLOUR)
        x += size + 1
        if card.links > 1:
            txt = f"{card.links}"
            prims.append(Text(x, rect.y, 12, (txt,), t.bold, size, LINK_COLOUR, size * t.leading))
            x += metrics(t.bold).width(txt, size) + 1
        x += 3
    if card.sentiment:
        prims += shapes.sentiment_mark(
            card.sentiment, x + r, cy, r, t.sentiment_colours.get(card.sentiment, t.muted)
        )
        x += 2 * r + 3
    if card.confidences:
        best = _strongest(card.confidences)
        prims += shapes.confidence_mark(best, x + r, cy, r * 0.85, t.ink)
        x += 2 * r + 1
        if len(card.confidences) > 1:
            txt = f"{len(card.confidences)}"
            prims.append(Text(x, rect.y, 12, (txt,), t.face, size, t.muted, size * t.leading))
            x += metrics(t.face).width(txt, size) + 3
        else:
            x += 2
    if card.scores:
        parts = [f"{label(k, language)[:1].upper()}{v:g}" for k, v in card.scores]
        txt, _ = one_line(" ".join(parts), t.bold, size, rect.right - x)
        prims.append(
            Text(x, rect.y, rect.right - x, (txt,), t.bold, size, t.muted, size * t.leading)
        )
        x += metrics(t.bold).width(txt, size) + 4
    right = rect.right
    if comments:
        count = str(comments)
        cw = metrics(t.bold).width(count, size)
        prims.append(Text(right - cw, rect.y, cw, (count,), t.bold, size, t.ink, size * t.leading))
        right -= cw + 1
        prims += icons.comment_bubble(right - size, rect.y + 0.5, size, t.ink)
        right -= size + 4
    if card.channel and right - x > 14:
        entry = vocab.entry("channels", card.channel)
        txt, _ = one_line(entry.label, t.face, size, right - x - size - 3)
        tw = metrics(t.face).width(txt, size)
        prims.append(Text(right - tw, rect.y, tw, (txt,), t.face, size, t.muted, size * t.leading))
        prims += icons.icon(
            entry.icon, right - tw - size - 2, rect.y + 0.3, size, entry.colour or t.muted
        )
    return prims


def drawn_alike(
    found: tuple[Any, ...],
    card: Card,
    rect: Rect,
    state: object,
    comments: int,
    measures: dict[str, CardMeasure],
) -> bool:
    """Whether a card's kept drawing (``found``: the layouter's state, box,
    Item, overflows and ``card_primitives`` call of its last layout) is what
    it would be drawn as now in ``rect``: the same box and state, or the same
    box, face, comment count and measure (``measures``: this pass's) when the
    card changed where its drawing does not look (a move renumbers the
    ``order`` of the cards of the cells it touches: on a dense map hundreds of
    them, each drawn twice to be compared by the canvas). Theme, words and
    language are the layouter's to check (a change of those drops every kept
    drawing)."""
    if found[1] != rect:
        return False
    if found[0] == state:
        return True
    a = found[4].args  # card_primitives(theme, vocab, language, face, rect, comments, m)
    m = measures.get(card.id)
    return (
        m is not None
        and m.width == rect.w
        and a[6] == m
        and a[5] == comments
        and a[4] == rect
        and a[3] == CardFace.of(card)
    )


def _strongest(values: tuple[str, ...]) -> str:
    order = {"observed": 0, "assumed": 1, "proposed": 2}
    return min(values, key=lambda v: order.get(v, 3))


def badge_count(card: Card) -> int:
    """How many badges a card shows (comments aside)."""
    return (
        int(bool(card.links))
        + int(bool(card.sentiment))
        + int(bool(card.evidence))
        + int(bool(card.channel))
        + int(bool(card.scores))
    )


def comment_counts(project: Project) -> dict[str, int]:
    """Open comments by the id they are on."""
    counts: dict[str, int] = {}
    for c in project.comments:
        if not c.resolved:
            counts[c.target] = counts.get(c.target, 0) + 1
    return counts
