"""The verbs: the one way the model changes from outside the document.

Every edit a window, the canvas or the command line makes is a verb here (or
in ``verbs_structure``, ``verbs_maps``, ``verbs_story``): it builds its
command(s) from ``commands.py``, pushes them as ONE undo step with a
translated undo text, and returns what the caller needs (the command, or the
new element's id). Callers never assemble commands themselves, so what "add a
stage" or "set an image" means is written once, the way orange's
``SchemeEditWidget.addNode/removeNode`` sit over its command classes.

A verb takes an optional ``text``: a caller that words the step itself (the
inspector names the field edited) passes its own, already translated, text;
otherwise the verb's own translated text is used.

This module holds the generic verbs (set fields, add to a list, remove,
move) and the card verbs; a new verb costs one function here (or in a
sibling module) and its undo text in the .ts.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from journeydesk.model import Asset, Card, JourneyMap

from . import clipboard, links
from .commands import (
    Insert,
    Macro,
    Remove,
    Reorder,
    SetField,
    SetFields,
    remove_elements,
)
from .commands import (
    add_card as _add_card,
)
from .commands import (
    add_connection as _add_connection,
)
from .commands import (
    describe as describe,
)
from .commands import (
    move_cards as _move_cards,
)
from .document import Document

UndoStep = QUndoCommand
"""What a verb returns: the undo step it pushed (callers need not know Qt's class)."""


def new_element_id(command: QUndoCommand) -> str | None:
    """The id of what a verb added (to select it afterwards): the element
    inserted, a new curve's first point, or the point an emotion-point verb
    moved instead of adding one."""
    from journeydesk.model import EmotionCurve

    commands = [command]
    while commands:
        c = commands.pop(0)
        moved = getattr(c, "point_id", None)
        if moved:
            return str(moved)  # an existing point moved (one point per curve and step)
        item = getattr(c, "item", None)
        if isinstance(item, EmotionCurve) and item.points:
            return item.points[0].id
        if item is not None and hasattr(item, "id"):
            return str(item.id)
        commands.extend(getattr(c, "commands", []))
    return None


def counted(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (each with ``%1`` for the number) as ``n`` asks."""
    return (one if n == 1 else many).replace("%1", str(n))


def named(text: str, element: Any) -> str:
    """``text`` with ``%1`` replaced by the element's quoted title or name."""
    return " ".join(text.replace("%1", describe(element)).split())


def push(doc: Document, command: QUndoCommand) -> QUndoCommand:
    """Push one undo step; the command is returned (for its new element)."""
    doc.push(command)
    return command


def kind_name(element: Any) -> str:
    """The element's kind in words, for undo texts ("card", "stage"...)."""
    names = {
        "Card": QCoreApplication.translate("Verbs", "card"),
        "Stage": QCoreApplication.translate("Verbs", "stage"),
        "Step": QCoreApplication.translate("Verbs", "step"),
        "Lane": QCoreApplication.translate("Verbs", "lane"),
        "Connection": QCoreApplication.translate("Verbs", "connection"),
        "Persona": QCoreApplication.translate("Verbs", "persona"),
        "Team": QCoreApplication.translate("Verbs", "team"),
        "Source": QCoreApplication.translate("Verbs", "source"),
        "Evidence": QCoreApplication.translate("Verbs", "evidence"),
        "EmotionCurve": QCoreApplication.translate("Verbs", "emotion curve"),
        "CurvePoint": QCoreApplication.translate("Verbs", "emotion point"),
        "Comment": QCoreApplication.translate("Verbs", "comment"),
        "MetricDefinition": QCoreApplication.translate("Verbs", "metric"),
        "KpiValue": QCoreApplication.translate("Verbs", "KPI"),
        "JourneyMap": QCoreApplication.translate("Verbs", "map"),
        "Asset": QCoreApplication.translate("Verbs", "image"),
        "Scene": QCoreApplication.translate("Verbs", "scene"),
        "Separator": QCoreApplication.translate("Verbs", "separator"),
    }
    name = type(element).__name__
    return names.get(name, name.lower())


# --- generic ------------------------------------------------------------------


def set_field(
    doc: Document,
    element_id: str,
    field: str,
    value: Any,
    text: str | None = None,
    merge: bool = True,
) -> QUndoCommand | None:
    """Set one field (successive edits of one field merge when ``merge``);
    nothing when the model already holds ``value``."""
    element = doc.element(element_id)
    if getattr(element, field) == value:
        return None
    if text is None:
        text = named(
            QCoreApplication.translate("Verbs", "Edit %2 %1").replace("%2", kind_name(element)),
            element,
        )
    return push(doc, SetField(doc, element_id, field, value, text, merge))


def set_fields(
    doc: Document, changes: list[tuple[str, str, Any]], text: str | None = None
) -> QUndoCommand | None:
    """Several fields of several elements as one step (nothing when none changes)."""
    command = SetFields(
        doc,
        changes,
        text
        if text is not None
        else counted(
            len(changes),
            QCoreApplication.translate("Verbs", "Edit %1 item"),
            QCoreApplication.translate("Verbs", "Edit %1 items"),
        ),
    )
    if not command.new:
        return None
    return push(doc, command)


def rename(
    doc: Document, element_id: str, name: str, text: str | None = None
) -> QUndoCommand | None:
    """Rename anything with a ``name`` (a map, a persona, a stage, a lane...)."""
    element = doc.element(element_id)
    if text is None:
        text = (
            QCoreApplication.translate("Verbs", "Rename %2 '%1'")
            .replace("%2", kind_name(element))
            .replace("%1", name[:40])
        )
    return set_field(doc, element_id, "name", name, text, False)


def add(
    doc: Document,
    owner: BaseModel,
    field: str,
    item: Any,
    index: int | None = None,
    text: str | None = None,
) -> QUndoCommand:
    """Add ``item`` to the list ``owner.field`` (at ``index``, default last):
    a persona, team, source, metric, evidence, comment, reply, profile..."""
    if text is None:
        text = QCoreApplication.translate("Verbs", "Add %1").replace("%1", kind_name(item))
    return push(doc, Insert(doc, owner, field, item, index, text))


def add_persona(doc: Document, persona: Any, text: str | None = None) -> QUndoCommand:
    return add(
        doc,
        doc.project,
        "personas",
        persona,
        None,
        text or QCoreApplication.translate("Verbs", "Add persona"),
    )


def add_team(doc: Document, team: Any, text: str | None = None) -> QUndoCommand:
    return add(
        doc,
        doc.project,
        "teams",
        team,
        None,
        text or QCoreApplication.translate("Verbs", "Add team"),
    )


def add_source(doc: Document, source: Any, text: str | None = None) -> QUndoCommand:
    return add(
        doc,
        doc.project,
        "sources",
        source,
        None,
        text or QCoreApplication.translate("Verbs", "Add source"),
    )


def add_metric(doc: Document, metric: Any, text: str | None = None) -> QUndoCommand:
    return add(
        doc,
        doc.project,
        "metrics",
        metric,
        None,
        text or QCoreApplication.translate("Verbs", "Add metric"),
    )


def add_evidence(doc: Document, card: Card, evidence: Any, text: str | None = None) -> QUndoCommand:
    return add(
        doc,
        card,
        "evidence",
        evidence,
        None,
        text or named(QCoreApplication.translate("Verbs", "Add evidence to %1"), card),
    )


def add_comment(doc: Document, comment: Any) -> QUndoCommand:
    return add(
        doc,
        doc.project,
        "comments",
        comment,
        None,
        QCoreApplication.translate("Verbs", "Add comment"),
    )


def reply_to_comment(doc: Document, comment: Any, reply: Any) -> QUndoCommand:
    return add(
        doc,
        comment,
        "replies",
        reply,
        None,
        QCoreApplication.translate("Verbs", "Reply to comment"),
    )


def resolve_comment(doc: Document, comment: Any, resolved: bool) -> QUndoCommand | None:
    text = (
        QCoreApplication.translate("Verbs", "Resolve comment")
        if resolved
        else QCoreApplication.translate("Verbs", "Reopen comment")
    )
    return set_field(doc, comment.id, "resolved", resolved, text, False)


def save_export_profile(doc: Document, profile: Any, replaces: str | None) -> QUndoCommand:
    """Add an export profile, or put it where the profile ``replaces`` is
    (one saved over one of the same name): one step."""
    text = QCoreApplication.translate("Verbs", "Save export profile '%1'")
    macro = Macro(text.replace("%1", profile.name))
    index = None
    if replaces is not None:
        index = doc.location(replaces).index
        macro.add(Remove(doc, replaces))
    macro.add(Insert(doc, doc.project, "export_profiles", profile, index))
    return push(doc, macro)


def remove(
    doc: Document,
    ids: list[str],
    text: str | None = None,
    fixes: list[tuple[str, str, Any]] | None = None,
) -> QUndoCommand | None:
    """Remove elements and what cannot exist without them (one step). ``fixes``
    are fields set first (references the removal leaves behind)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return None
    if text is None:
        first = doc.element(ids[0])
        text = (
            named(
                QCoreApplication.translate("Verbs", "Delete %2 %1").replace("%2", kind_name(first)),
                first,
            )
            if len(ids) == 1
            else counted(
                len(ids),
                QCoreApplication.translate("Verbs", "Delete %1 item"),
                QCoreApplication.translate("Verbs", "Delete %1 items"),
            )
        )
    command = remove_elements(doc, ids, text)
    if fixes:
        assert isinstance(command, Macro)
        command.commands[0:0] = [SetField(doc, i, f, v, "", False) for i, f, v in fixes]
    return push(doc, command)


def move_in_list(
    doc: Document, element_id: str, new_index: int, text: str | None = None
) -> QUndoCommand | None:
    """Move an element within its own list (a stage, a step, a lane, a map)."""
    if doc.location(element_id).index == new_index:
        return None
    element = doc.element(element_id)
    if text is None:
        text = named(
            QCoreApplication.translate("Verbs", "Move %2 %1").replace("%2", kind_name(element)),
            element,
        )
    return push(doc, Reorder(doc, element_id, new_index, text))


# --- cards and images ------------------------------------------------------------


def add_card(doc: Document, jmap: JourneyMap, card: Card, index: int | None = None) -> QUndoCommand:
    """Add ``card`` to its cell at ``index`` (default last), renumbering the cell."""
    command = _add_card(doc, jmap, card, index)
    command.setText(named(QCoreApplication.translate("Verbs", "Add card %1"), card))
    return push(doc, command)


def edit_card_title(doc: Document, card: Card, title: str) -> QUndoCommand | None:
    return set_field(
        doc,
        card.id,
        "title",
        title,
        named(QCoreApplication.translate("Verbs", "Edit title of card %1"), card),
        False,
    )


def set_card_kind(doc: Document, card_id: str, kind: str) -> QUndoCommand | None:
    return set_field(
        doc, card_id, "kind", kind, QCoreApplication.translate("Verbs", "Change card kind"), False
    )


def resize_card(doc: Document, card_id: str, span: int) -> QUndoCommand | None:
    card = doc.element(card_id)
    return set_field(
        doc,
        card_id,
        "span_steps",
        span,
        named(QCoreApplication.translate("Verbs", "Resize card %1"), card),
        False,
    )


def move_cards(
    doc: Document,
    jmap: JourneyMap,
    card_ids: list[str],
    step: str,
    lane: str,
    index: int | None = None,
) -> QUndoCommand:
    """Move cards into a cell at ``index``, renumbering the cells: one step."""
    command = _move_cards(doc, jmap, card_ids, step, lane, index)
    n = len(set(card_ids))
    if n == 1:
        card = doc.element(card_ids[0])
        command.setText(named(QCoreApplication.translate("Verbs", "Move card %1"), card))
    else:
        many = QCoreApplication.translate("Verbs", "Move %1 cards")
        command.setText(many.replace("%1", str(n)))
    return push(doc, command)


def cut_cards(doc: Document, card_ids: list[str]) -> QUndoCommand | None:
    return remove(
        doc,
        card_ids,
        counted(
            len(card_ids),
            QCoreApplication.translate("Verbs", "Cut %1 card"),
            QCoreApplication.translate("Verbs", "Cut %1 cards"),
        ),
    )


def paste_cards(
    doc: Document, jmap: JourneyMap, cards: list[Card], step: str, lane: str
) -> QUndoCommand | None:
    """Paste copies of ``cards`` at the end of a cell (the clipboard's builder)."""
    command = clipboard.paste_cards(doc, jmap, cards, step, lane)
    if command is None:
        return None
    command.setText(
        counted(
            len(cards),
            QCoreApplication.translate("Verbs", "Paste %1 card"),
            QCoreApplication.translate("Verbs", "Paste %1 cards"),
        )
    )
    return push(doc, command)


def duplicate_cards(doc: Document, jmap: JourneyMap, card_ids: list[str]) -> QUndoCommand | None:
    command = clipboard.duplicate_cards(doc, jmap, card_ids)
    if command is None:
        return None
    command.setText(
        counted(
            len(card_ids),
            QCoreApplication.translate("Verbs", "Duplicate %1 card"),
            QCoreApplication.translate("Verbs", "Duplicate %1 cards"),
        )
    )
    return push(doc, command)


def add_connection(
    doc: Document, jmap: JourneyMap, source: str, target: str, kind: str = "flow"
) -> QUndoCommand:
    command = _add_connection(doc, jmap, source, target, kind)
    command.setText(QCoreApplication.translate("Verbs", "Add connection"))
    return push(doc, command)


def set_image(
    doc: Document, element_id: str, asset: Asset, field: str = "image", text: str | None = None
) -> QUndoCommand:
    """Insert an image asset and set it as the element's ``field`` (a card's
    image, a scene's image, a persona's photo): one step."""
    element = doc.element(element_id)
    if text is None:
        text = named(
            QCoreApplication.translate("Verbs", "Set image of %2 %1").replace(
                "%2", kind_name(element)
            ),
            element,
        )
    macro = Macro(text)
    macro.add(Insert(doc, doc.project, "assets", asset))
    macro.add(SetField(doc, element_id, field, asset.id, "", merge=False))
    return push(doc, macro)


def add_image_card(
    doc: Document, jmap: JourneyMap, asset: Asset, card: Card, index: int | None = None
) -> QUndoCommand:
    """A new image card holding a new asset, in its cell at ``index``."""
    macro = Macro(QCoreApplication.translate("Verbs", "Add image card"))
    macro.add(Insert(doc, doc.project, "assets", asset))
    card.image = asset.id
    macro.add(_add_card(doc, jmap, card, index))
    return push(doc, macro)


# --- sub-journey links --------------------------------------------------------------


def link_card(doc: Document, card: Card, map_id: str, label: str = "") -> QUndoCommand | None:
    command = links.add_link(doc, card, map_id, label)
    if command is None:
        return None
    command.setText(named(QCoreApplication.translate("Verbs", "Link card %1 to a map"), card))
    return push(doc, command)


def unlink_card(doc: Document, card: Card, map_id: str) -> QUndoCommand | None:
    command = links.remove_link(doc, card, map_id)
    if command is None:
        return None
    command.setText(named(QCoreApplication.translate("Verbs", "Unlink card %1"), card))
    return push(doc, command)


def set_link_label(doc: Document, card: Card, map_id: str, label: str) -> QUndoCommand | None:
    command = links.set_link_label(doc, card, map_id, label)
    if command is None:
        return None
    command.setText(named(QCoreApplication.translate("Verbs", "Edit link of card %1"), card))
    return push(doc, command)
