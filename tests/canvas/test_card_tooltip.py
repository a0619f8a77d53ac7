"""A card's tooltip (its title and body lines) is made when the pointer rests
on it, not for every card when a map is shown (#14), and shows as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QToolTip

from journeydesk.canvas.scene import MapScene
from journeydesk.layout.primitives import Text
from journeydesk.templates import new_project


@pytest.mark.usefixtures("qapp")
def test_resting_on_a_card_shows_its_lines() -> None:
    project = new_project("sample", "en")
    jmap = project.maps[0]
    scene = MapScene()
    scene.show_map(project, jmap)
    view = QGraphicsView(scene)
    view.resize(900, 700)
    view.show()
    card = jmap.cards[0]
    (item,) = [i for i in scene.element_items(card.id) if i.kind == "card"]
    assert item.toolTip() == "\n".join(
        line for p in item.layout_item.primitives if isinstance(p, Text) for line in p.lines
    )
    assert card.title.split()[0] in item.toolTip()
    view.centerOn(item)
    QApplication.processEvents()
    b = item.layout_item.bounds
    inside = view.mapFromScene(b.x + b.w / 2, b.y + b.h / 2)
    assert view.viewport().rect().contains(inside)
    QToolTip.hideText()
    QApplication.sendEvent(
        view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, inside, view.viewport().mapToGlobal(inside)),
    )
    assert QToolTip.text() == item.toolTip()
    # over the desk, outside every item: no tooltip
    QApplication.sendEvent(
        view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, QPoint(1, 1), view.viewport().mapToGlobal(QPoint(1, 1))),
    )
    view.close()
