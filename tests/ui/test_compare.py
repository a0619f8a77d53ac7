"""File → Compare With…, Compare with Original Map and Merge From… (issue #16)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journeydesk.canvas.items import ElementItem
from journeydesk.model.project import Project
from journeydesk.ui.main_window import MainWindow

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = MainWindow()
    # edited on purpose: close without asking to save
    qtbot.addWidget(w, before_close_func=lambda w: w.document and w.document.undo_stack.setClean())
    w.open_sample("en")
    return w


def marks_on_canvas(window: MainWindow) -> list[ElementItem]:
    return [i for i in window.scene.items() if isinstance(i, ElementItem) and i.kind == "mark"]


def card(p: Project, cid: str):  # type: ignore[no-untyped-def]
    return next((c for m in p.maps for c in m.cards if c.id == cid), None)


def test_compare_with_another_file_marks_the_canvas_and_lists_changes(
    window: MainWindow,
) -> None:
    project = window.project
    assert project is not None
    other = project.model_copy(deep=True)
    jmap = project.maps[0]
    # the other file lacks card 1 (so it is new here) and has card 0 titled otherwise
    other.maps[0].cards = [c for c in other.maps[0].cards if c.id != jmap.cards[1].id]
    other.maps[0].cards[0].title = "Old title"
    assert not marks_on_canvas(window)
    window.compare.compare_with(other, "other.journey")
    assert window.compare.dock.isVisibleTo(window)
    assert dict(window.scene.marks) == {jmap.cards[0].id: "changed", jmap.cards[1].id: "added"}
    assert len(marks_on_canvas(window)) == 2
    rows = [window.compare.panel.list.item(i).text() for i in range(2)]
    assert any(r.startswith("Changed: card") and "title" in r for r in rows)
    # stepping through selects each element on the canvas
    window.compare.panel.step(1)
    selected = {i.element_id for i in window.scene.selectedItems()}
    assert selected == {window.compare.panel.list.currentItem().data(Qt.ItemDataRole.UserRole)}
    # an edit that makes the two the same takes the mark away
    from journeydesk.document import verbs

    verbs.set_field(window.document, jmap.cards[0].id, "title", "Old title")
    assert dict(window.scene.marks) == {jmap.cards[1].id: "added"}
    window.compare.clear()
    assert not marks_on_canvas(window) and not window.compare.dock.isVisibleTo(window)


def test_compare_a_future_state_map_with_its_original(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    future = next(m for m in project.maps if m.based_on)
    window.context.set_map(future.id)
    window.compare.compare_with_original()
    changes = window.compare.changes
    assert changes, "the sample's future state differs from its current state"
    marked = dict(window.scene.marks)
    assert marked and set(marked) <= {c.id for c in future.cards}
    assert window.compare.panel.list.count() == len(changes)
    assert marks_on_canvas(window)


def test_merge_from_accepts_and_rejects_as_one_undo_step(window: MainWindow) -> None:
    project = window.project
    doc = window.document
    assert project is not None and doc is not None
    before = project.model_dump_json()
    theirs = project.model_copy(deep=True)
    theirs.maps[0].cards[0].title = "Theirs title"
    theirs.maps[0].stages[0].name = "Theirs stage"
    dialog = window.compare.merge_dialog(theirs, "theirs.journey")
    assert dialog is not None
    assert dialog.list.count() == 2
    for i in range(dialog.list.count()):  # reject the stage rename
        item = dialog.list.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == project.maps[0].stages[0].id:
            item.setCheckState(Qt.CheckState.Unchecked)
    depth = doc.undo_stack.count()
    dialog.accept()
    assert doc.undo_stack.count() == depth + 1
    assert card(doc.project, project.maps[0].cards[0].id).title == "Theirs title"
    assert doc.project.maps[0].stages[0].name != "Theirs stage"
    doc.undo_stack.undo()
    assert doc.project.model_dump_json() == before


def test_merge_conflicts_are_listed_first_with_a_common_original(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    base = project.model_copy(deep=True)
    theirs = project.model_copy(deep=True)
    from journeydesk.document import verbs

    cid = project.maps[0].cards[3].id
    verbs.set_field(window.document, cid, "title", "Ours")
    theirs.maps[0].cards[3].title = "Theirs"
    theirs.maps[0].cards[0].body = "Theirs body"
    dialog = window.compare.merge_dialog(theirs, "theirs.journey")
    assert dialog is not None
    dialog.set_base(base)
    first = dialog.list.item(0)
    assert first.text().startswith("Conflict: ") and first.data(Qt.ItemDataRole.UserRole) == cid
    assert first.checkState() == Qt.CheckState.Unchecked  # yours kept unless checked
    dialog.accept()
    assert card(window.document.project, cid).title == "Ours"
    assert window.document.project.maps[0].cards[0].body == "Theirs body"


def test_the_file_menu_offers_compare_and_merge(window: MainWindow) -> None:
    texts = [a.text() for a in window.file_menu.actions()]
    for text in ("Compare &With…", "Compare with Ori&ginal Map", "&Merge From…"):
        assert text in texts


def test_a_click_on_a_marked_card_selects_the_card(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    project = window.project
    assert project is not None
    target = project.maps[0].cards[0]
    other = project.model_copy(deep=True)
    other.maps[0].cards[0].title = "Before"
    window.compare.compare_with(other, "other.journey")
    window.scene.clearSelection()
    (mark,) = marks_on_canvas(window)
    (card_item,) = [i for i in window.scene.element_items(target.id) if i.kind == "card"]
    # the badge's corner of the card: under the mark item
    point = card_item.sceneBoundingRect().topRight() + QPointF(-4, 4)
    assert mark.sceneBoundingRect().contains(point)
    window.view.centerOn(point)
    pos = QPointF(window.view.mapFromScene(point))
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind,
            pos,
            window.view.viewport().mapToGlobal(pos),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(window.view.viewport(), event)
    assert {i.element_id for i in window.scene.selectedItems()} == {target.id}


def test_two_colleagues_merged_in_the_app(window: MainWindow) -> None:
    """Different cards edited, one stage renamed, one card deleted: one project."""
    from journeydesk.document import verbs

    doc = window.document
    assert doc is not None
    base = doc.project.model_copy(deep=True)
    jmap = base.maps[0]
    verbs.set_field(doc, jmap.cards[0].id, "title", "Ours: new title")
    verbs.set_field(doc, jmap.stages[1].id, "name", "Renamed stage")
    theirs = base.model_copy(deep=True)
    theirs.maps[0].cards[1].body = "Theirs: new body"
    gone = theirs.maps[0].cards.pop(4)
    theirs.maps[0].connections = [
        x for x in theirs.maps[0].connections if gone.id not in (x.source, x.target)
    ]
    for c in theirs.maps[1].cards:
        if c.derived_from == gone.id:
            c.derived_from = None
    dialog = window.compare.merge_dialog(theirs, "colleague.journey")
    assert dialog is not None
    dialog.set_base(base)
    assert not any(p.conflict for p in dialog.plan.proposals)
    dialog.accept()
    merged = doc.project
    assert card(merged, jmap.cards[0].id).title == "Ours: new title"
    assert card(merged, jmap.cards[1].id).body == "Theirs: new body"
    assert card(merged, gone.id) is None
    assert merged.maps[0].stages[1].name == "Renamed stage"
    from journeydesk.model.checks import check_project

    assert check_project(merged) == []


def test_card_edits_while_comparing_update_only_their_changes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing in a card while comparing does not diff the whole project again (1 s
    at 20,000 cards per keystroke); the list and marks are a fresh comparison's."""
    from journeydesk.document import verbs
    from journeydesk.model.diff import diff_trees, flatten, marks_for
    from journeydesk.model.diff_live import LiveDiff

    project = window.project
    assert project is not None and window.document is not None
    other = project.model_copy(deep=True)
    other.maps[0].cards[0].title = "Old title"
    window.compare.compare_with(other, "other.journey")
    whole: list[int] = []
    real = LiveDiff.recompute

    def counted(self, p):  # type: ignore[no-untyped-def]
        whole.append(1)
        return real(self, p)

    monkeypatch.setattr(LiveDiff, "recompute", counted)
    jmap = project.maps[0]

    def rows() -> list[str]:
        panel = window.compare.panel
        return [panel.list.item(i).text() for i in range(panel.list.count())]

    for n, c in enumerate(jmap.cards[2:6]):
        verbs.set_field(window.document, c.id, "title", f"Typed {n}")
        fresh = diff_trees(flatten(other), flatten(project))
        assert window.compare.changes == fresh
        assert dict(window.scene.marks) == dict(marks_for(fresh))
        assert len(rows()) == len(fresh) == n + 2
    assert whole == []
    verbs.remove(window.document, [jmap.cards[7].id])  # structural: the whole diff again
    assert whole  # (once per change the removal signals)
    assert window.compare.changes == diff_trees(flatten(other), flatten(project))
    window.document.undo_stack.undo()
    assert window.compare.changes == diff_trees(flatten(other), flatten(project))
