"""The Decide panel: backlog rows sorted, filtered and edited (one undo step each);
the check and stale lists; double-click shows the card on its map."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journeydesk.document import verbs
from journeydesk.document.document import Document
from journeydesk.ui.decide_panel import ELEMENT_ROLE, MAP_ROLE, DecidePanel
from journeydesk.ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "model"))
from test_decide import build


def panel_for(qtbot) -> tuple[DecidePanel, Document]:  # type: ignore[no-untyped-def]
    doc = Document(build())
    panel = DecidePanel()
    qtbot.addWidget(panel)
    panel.today = lambda: dt.date(2026, 12, 6)
    panel.set_document(doc)
    return panel, doc


def column(panel: DecidePanel, name: str) -> int:
    return panel.model.columns.index(name)


def titles(panel: DecidePanel) -> list[str]:
    c = column(panel, "title")
    return [panel.proxy.index(r, c).data() for r in range(panel.proxy.rowCount())]


def test_backlog_sorts_by_score_and_filters(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, _doc = panel_for(qtbot)
    assert titles(panel) == ["Slow search", "Faster index", "Confusing table", "Price"]
    panel.table.sortByColumn(column(panel, "score:impact"), Qt.SortOrder.DescendingOrder)
    assert titles(panel)[0] == "Faster index"
    panel.filter.setText("confus")
    assert titles(panel) == ["Confusing table"]


def test_editing_a_status_is_one_undo_step(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, doc = panel_for(qtbot)
    row = titles(panel).index("Confusing table")
    index = panel.proxy.index(row, column(panel, "status"))
    assert index.flags() & Qt.ItemFlag.ItemIsEditable
    assert panel.proxy.setData(index, "accepted", Qt.ItemDataRole.EditRole)
    card = next(c for c in doc.project.maps[0].cards if c.title == "Confusing table")
    assert card.status == "accepted"
    assert doc.undo_stack.count() == 1
    # the check no longer asks for an opportunity
    texts = [panel.check_list.item(i).text() for i in range(panel.check_list.count())]
    assert not any("no opportunity" in t for t in texts)
    doc.undo_stack.undo()
    assert card.status is None
    texts = [panel.check_list.item(i).text() for i in range(panel.check_list.count())]
    assert any("Confusing table" in t and "no opportunity" in t for t in texts)
    # a column that is not editable refuses
    assert not panel.proxy.setData(panel.proxy.index(0, column(panel, "map")), "x")


def test_stale_list_follows_the_age(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, _doc = panel_for(qtbot)
    assert panel.stale_list.count() == 3
    panel.stale_days.setValue(3000)  # only the passed review-by date is left
    assert panel.stale_list.count() == 1
    assert "review due by 2026-12-01" in panel.stale_list.item(0).text()
    panel.stale_days.setValue(90)
    texts = [panel.stale_list.item(i).text() for i in range(panel.stale_list.count())]
    assert "Buy: stage “Find”, metric “NPS”: value as of 2026-01-01 (339 days ago)" in texts
    # A day later (the panel kept open over midnight) an edit shows the new ages.
    panel.today = lambda: dt.date(2026, 12, 7)
    card = _doc.project.maps[0].cards[0]
    assert verbs.set_field(_doc, card.id, "body", "edited the next day", "t")
    texts = [panel.stale_list.item(i).text() for i in range(panel.stale_list.count())]
    assert "Buy: stage “Find”, metric “NPS”: value as of 2026-01-01 (340 days ago)" in texts


def test_double_click_shows_the_card_on_its_map(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_sample("en")
    project = w.project
    assert project is not None
    second = project.maps[1]
    w.show()
    w.decide_dock.show()  # hidden, the panel waits to be shown before listing anything
    model = w.decide.model
    row = next(i for i, r in enumerate(model.rows) if r.map_id == second.id)
    index = w.decide.proxy.mapFromSource(model.index(row, 3))
    assert index.data(MAP_ROLE) == second.id
    w.decide.table.doubleClicked.emit(index)
    assert w.context.map_id == second.id
    selected = [i for i in w.scene.selectedItems()]
    assert selected and all(
        getattr(i, "element_id", None) == index.data(ELEMENT_ROLE) for i in selected
    )


def test_dragging_a_dot_rescores_the_card_in_one_step(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, doc = panel_for(qtbot)
    view = panel.matrix_view
    opp = next(c for c in doc.project.maps[0].cards if c.title == "Faster index")
    dot = view.dot_item(opp.id)
    assert dot is not None and view.matrix is not None
    # drag to where effort 5, impact 1 sits (bottom right): a money pit
    x, y = 0.0, 0.0
    for px in range(0, 900, 2):
        if view.matrix.scores_at(px, 300)[0] >= 5:
            x = px
            break
    for py in range(0, 600, 2):
        if view.matrix.scores_at(300, py)[1] <= 1:
            y = py
            break
    dot.setPos(x - dot.dot.x, y - dot.dot.y)
    dot.dropped.emit(dot.dot, dot.centre())
    assert opp.scores == {"impact": 1, "effort": 5, "reach": 7}
    assert doc.undo_stack.count() == 1
    qtbot.waitUntil(lambda: view.dot_item(opp.id) is not None and view.dot_item(opp.id) is not dot)
    moved = view.dot_item(opp.id)
    assert moved is not None and moved.dot.x > dot.dot.x and moved.dot.y > dot.dot.y
    doc.undo_stack.undo()
    assert opp.scores == {"impact": 4, "effort": 2, "reach": 7}


def test_owners_tab_is_a_team_by_stage_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, _doc = panel_for(qtbot)
    table = panel.owners_table
    teams = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    stages = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert teams == ["Ops", "Web"] and stages == ["Find", "Decide", "Empty"]
    cell = table.item(teams.index("Web"), 0).text()
    assert "• Search box" in cell and "web" in cell and "Pain points: 1" in cell
    assert [panel.unowned_list.item(i).text() for i in range(panel.unowned_list.count())] == [
        "Till"
    ]


def test_matrix_colours_by_status_on_request(qtbot) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.layout.matrix import PALETTE

    panel, doc = panel_for(qtbot)
    # a second scored card in the same stage, another status
    first = next(c for c in doc.project.maps[0].cards if c.title == "Faster index")
    other = first.model_copy(update={"id": "x" * 8, "title": "Other", "status": "idea"})
    doc.project.maps[0].cards.append(other)
    panel.matrix_view.refresh()
    colours = {d.title: d.colour for d in panel.matrix_view.matrix.dots}  # type: ignore[union-attr]
    assert colours["Faster index"] == colours["Other"] == PALETTE[0]  # one stage
    panel.matrix_view.colour_box.setCurrentIndex(1)
    colours = {d.title: d.colour for d in panel.matrix_view.matrix.dots}  # type: ignore[union-attr]
    assert colours["Faster index"] != colours["Other"]


def test_a_hidden_matrix_is_laid_out_only_when_shown(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.ui import matrix_view

    calls: list[int] = []
    real = matrix_view.matrix_layout

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(matrix_view, "matrix_layout", counted)
    panel, doc = panel_for(qtbot)  # never shown: opening a project lays nothing out
    panel.set_map(doc.project.maps[0].id)
    assert calls == [] and panel.matrix_view.scene.items() == []
    panel.show()
    panel.tabs.setCurrentWidget(panel.matrix_view)
    qtbot.waitUntil(lambda: panel.matrix_view.scene.items() != [])
    assert len(calls) == 1
    assert panel.matrix_view.matrix is not None and panel.matrix_view.matrix.dots


def test_the_hidden_decide_dock_lists_nothing_until_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_sample("en")
    assert not w.decide_dock.isVisible()
    assert w.decide.model.rows == [] and w.decide.check_list.count() == 0
    w.decide_dock.show()
    qtbot.waitUntil(lambda: w.decide.model.rows != [])
    assert w.decide.check_list.count() > 0
    assert {r.map_id for r in w.decide.model.rows} <= {m.id for m in w.project.maps}
    # hidden again: an edit waits too, and shows when the dock comes back
    w.decide_dock.hide()
    titles_before = {r.title for r in w.decide.model.rows}
    row = w.decide.model.rows[0]
    assert verbs.set_field(w.document, row.card_id, "title", "Renamed while hidden", "t")
    assert {r.title for r in w.decide.model.rows} == titles_before
    w.decide_dock.show()
    qtbot.waitUntil(lambda: "Renamed while hidden" in {r.title for r in w.decide.model.rows})
    w.document.undo_stack.setClean()


def test_an_edit_updates_the_changed_backlog_rows_without_a_reset(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A title or a status edited: the rows that differ are signalled, the
    model is not reset (the view re-sorted and measured every row of a
    20,000-card map), and the rows are what a fresh listing says."""
    from journeydesk.model.decide import backlog_rows

    panel, doc = panel_for(qtbot)
    panel.table.sortByColumn(column(panel, "title"), Qt.SortOrder.AscendingOrder)
    resets: list[int] = []
    changed: list[tuple[int, int]] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    panel.model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    card = next(c for c in doc.project.maps[0].cards if c.title == "Slow search")
    n = [r.card_id for r in panel.model.rows].index(card.id)
    assert verbs.set_field(doc, card.id, "title", "Aaa first now", "t")
    assert resets == [] and changed and all(a == b for a, b in changed)
    assert (n, n) in changed
    assert panel.model.rows == backlog_rows(doc.project)
    assert titles(panel)[0] == "Aaa first now"  # the sorted view follows the row
    assert verbs.set_field(doc, card.id, "status", "accepted", "t")
    assert panel.model.rows == backlog_rows(doc.project) and resets == []
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert panel.model.rows == backlog_rows(doc.project) and resets == []
    assert "Slow search" in titles(panel)
    verbs.remove(doc, [card.id])  # another set of rows: reset
    assert resets and panel.model.rows == backlog_rows(doc.project)


def test_the_decide_dock_fills_the_tab_in_front_and_the_others_when_raised(
    qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """In the window, an edit refreshes the Decide tab in front (once the
    command is done); the check list behind its tab is filled when its tab is
    raised, and then shows the current document."""
    from journeydesk.model import decide
    from journeydesk.ui import decide_panel

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_sample("en")
    w.decide_dock.show()
    qtbot.waitUntil(lambda: w.decide.model.rows != [])
    panel = w.decide
    assert panel.tabs.currentIndex() == 0
    checks: list[int] = []
    update = decide_panel.DecidePanel._update_lists

    def counting(self):  # type: ignore[no-untyped-def]
        checks.append(1)
        update(self)

    monkeypatch.setattr(decide_panel.DecidePanel, "_update_lists", counting)
    gap = decide.check_project(w.project)[0]  # a card's "only assumed evidence"
    assert verbs.set_field(w.document, gap.target_id, "title", "Renamed in front", "t")
    backlog_card = panel.model.rows[0].card_id
    assert verbs.set_field(w.document, backlog_card, "title", "Backlog renamed", "t")
    qtbot.waitUntil(lambda: "Backlog renamed" in {r.title for r in panel.model.rows})
    assert checks == []  # the check tab is behind: not listed again
    texts = [panel.check_list.item(i).text() for i in range(panel.check_list.count())]
    assert not any("Renamed in front" in t for t in texts)
    panel.tabs.setCurrentIndex(1)
    assert checks == [1]
    texts = [panel.check_list.item(i).text() for i in range(panel.check_list.count())]
    assert any("Renamed in front" in t for t in texts)
    assert len(texts) == len(decide.check_project(w.project))
    w.document.undo_stack.setClean()


def test_an_edit_no_backlog_row_shows_does_not_list_the_backlog_again(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from journeydesk.model import decide
    from journeydesk.ui import decide_panel

    panel, doc = panel_for(qtbot)
    listed: list[int] = []

    def counting(*args):  # type: ignore[no-untyped-def]
        listed.append(1)
        return decide.backlog_rows(*args)

    monkeypatch.setattr(decide_panel, "backlog_rows", counting)
    cards = doc.project.maps[0].cards
    other = next(c for c in cards if c.kind not in decide.BACKLOG_KINDS)
    listed_card = next(c for c in cards if c.kind in decide.BACKLOG_KINDS)
    assert verbs.set_field(doc, other.id, "body", "not in the backlog", "t")
    assert verbs.set_field(doc, other.id, "step", listed_card.step, "t")
    assert listed == []
    assert panel.model.rows == decide.backlog_rows(doc.project)
    # its title may be named as related: the rows naming it are made again
    assert verbs.set_field(doc, other.id, "title", "Renamed", "t")
    assert listed == []
    assert panel.model.rows == decide.backlog_rows(doc.project)
    # its kind may list it, a cell moves a row: listed again whole
    assert verbs.set_field(doc, other.id, "kind", decide.BACKLOG_KINDS[0], "t")
    assert listed == [1]
    assert other.id in {r.card_id for r in panel.model.rows}
    elsewhere = next(s.id for s in doc.project.maps[0].steps() if s.id != listed_card.step)
    assert verbs.set_field(doc, listed_card.id, "step", elsewhere, "t")
    assert listed == [1, 1]
    assert panel.model.rows == decide.backlog_rows(doc.project)
    assert verbs.set_field(doc, listed_card.id, "body", "listed", "t")
    assert listed == [1, 1]
    assert panel.model.rows == decide.backlog_rows(doc.project)


def test_the_matrix_in_front_is_laid_out_again_only_for_what_it_plots(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A title typed on a thought leaves the matrix alone (2 s per keystroke at
    20,000 cards); an opportunity's title, or a kind that adds or drops a dot,
    lays it out again."""
    from journeydesk.ui import matrix_view

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_sample("en")
    w.decide_dock.show()
    panel = w.decide
    panel.tabs.setCurrentWidget(panel.matrix_view)
    qtbot.waitUntil(lambda: panel.matrix_view.scene.items() != [])
    calls: list[int] = []
    real = matrix_view.matrix_layout

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(matrix_view, "matrix_layout", counted)
    jmap = w.current_map()
    assert jmap is not None
    thought = next(c for c in jmap.cards if c.kind == "thought")
    plotted = next(c for c in jmap.cards if c.kind == "opportunity" and c.scores)

    def settle() -> None:
        qtbot.wait(50)  # the panel follows once the command is done (timers of 0 ms)

    assert verbs.set_field(w.document, thought.id, "title", "A new thought", "t")
    settle()
    assert calls == []
    assert verbs.set_field(w.document, plotted.id, "title", "Renamed idea", "t")
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert any(d.title == "Renamed idea" for d in panel.matrix_view.matrix.dots)  # type: ignore[union-attr]
    dots = len(panel.matrix_view.matrix.dots)  # type: ignore[union-attr]
    assert verbs.set_field(w.document, plotted.id, "kind", "thought", "t")
    qtbot.waitUntil(lambda: len(calls) == 2)
    assert len(panel.matrix_view.matrix.dots) == dots - 1  # type: ignore[union-attr]
    w.document.undo_stack.undo()  # a thought again an opportunity: its dot is back
    qtbot.waitUntil(lambda: len(calls) == 3)
    assert len(panel.matrix_view.matrix.dots) == dots  # type: ignore[union-attr]
    w.document.undo_stack.setClean()


def _list_rows(widget) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (widget.item(i).text(), widget.item(i).data(MAP_ROLE), widget.item(i).data(ELEMENT_ROLE))
        for i in range(widget.count())
    ]


@pytest.mark.parametrize("shape", ["current", "wide", "dense"])
def test_the_check_and_stale_lists_follow_edits_as_a_fresh_listing(
    qtbot, monkeypatch, shape: str
) -> None:  # type: ignore[no-untyped-def]
    """With the Check or Stale tab in front, an edit of a few cards changes only
    their rows (no listing again) and the lists then show what a panel made
    afresh shows, row for row, after random edits, removals and undos; with the
    Backlog in front, its rows are a fresh listing's."""
    import random

    from PySide6.QtWidgets import QApplication
    from test_decide_lists import _edit, _project

    from journeydesk.model import decide, decide_lists

    relists: list[int] = []
    relist = decide_lists.CheckStaleLists.relist

    def counting(self, *args):  # type: ignore[no-untyped-def]
        relists.append(1)
        relist(self, *args)

    monkeypatch.setattr(decide_lists.CheckStaleLists, "relist", counting)
    doc = Document(_project(shape))
    panel = DecidePanel(wait_hidden=True)
    qtbot.addWidget(panel)
    panel.today = lambda: dt.date(2026, 12, 6)
    panel.show()
    panel.tabs.setCurrentIndex(1)
    panel.set_document(doc)
    assert panel.check_list.count() > 50 and panel.stale_list.count() > 50
    pain = next(
        g for g in decide.check_project(doc.project) if g.code == "pain_without_opportunity"
    )
    relists.clear()
    assert verbs.set_field(doc, pain.target_id, "title", "Typed in front", "t")
    QApplication.processEvents()
    assert relists == []
    assert any("Typed in front" in text for text, _m, _e in _list_rows(panel.check_list))
    rnd = random.Random(5)
    for n in range(30):
        panel.tabs.setCurrentIndex(rnd.choice([0, 1, 1, 2, 2]))
        if rnd.random() < 0.1:  # a card removed: every list is made again whole
            verbs.remove(doc, [rnd.choice(doc.project.maps[0].cards).id])
        _edit(doc, rnd, n)
        if rnd.random() < 0.2:
            doc.undo_stack.undo()
        QApplication.processEvents()
        if panel.tabs.currentIndex() == 0:
            assert panel.model.rows == decide.backlog_rows(doc.project), n
            continue
        before = len(relists)
        fresh = DecidePanel()
        fresh.today = panel.today
        fresh.set_document(doc)
        del relists[before:]  # only the panel under test's listings count
        assert _list_rows(panel.check_list) == _list_rows(fresh.check_list), n
        assert _list_rows(panel.stale_list) == _list_rows(fresh.stale_list), n
        fresh.set_document(None)  # it follows no more edits
        fresh.deleteLater()
    assert len(relists) < 25  # most edits changed only their cards' rows


def test_the_lists_scroll_as_far_as_qts_own_layout_would(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The check and stale lists lay out rows of one size (Qt measured every row
    again after any change: 90 ms per title typed at 20,000 cards), as wide as
    the widest and as tall as a line: they scroll as far, and their rows stand
    where, a QListWidget of the same rows laid out by Qt has them; a title with
    a line break gets its own height while shown."""
    import random

    from PySide6.QtWidgets import QApplication, QListWidget
    from test_decide_lists import _edit, _project

    from journeydesk.model import decide

    doc = Document(_project("current"))
    panel = DecidePanel(wait_hidden=True)
    qtbot.addWidget(panel)
    panel.today = lambda: dt.date(2026, 12, 6)
    panel.resize(260, 300)
    panel.show()
    panel.tabs.setCurrentIndex(1)
    panel.set_document(doc)
    rnd = random.Random(2)
    pain = next(
        g for g in decide.check_project(doc.project) if g.code == "pain_without_opportunity"
    )

    def same_as_qt(widget) -> None:  # type: ignore[no-untyped-def]
        plain = QListWidget()
        qtbot.addWidget(plain)
        plain.setFont(widget.font())
        plain.addItems([widget.item(i).text() for i in range(widget.count())])
        plain.resize(widget.size())
        plain.show()
        QApplication.processEvents()  # the list lays itself out after a change
        assert widget.horizontalScrollBar().maximum() > 0  # rows wider than the list
        assert widget.horizontalScrollBar().maximum() == plain.horizontalScrollBar().maximum()
        assert widget.verticalScrollBar().maximum() == plain.verticalScrollBar().maximum()
        for i in (0, widget.count() // 2, widget.count() - 1):
            a, b = widget.visualItemRect(widget.item(i)), plain.visualItemRect(plain.item(i))
            assert (a.top(), a.height()) == (b.top(), b.height()), i

    for n in range(12):
        _edit(doc, rnd, n)
        QApplication.processEvents()
        same_as_qt(panel.check_list)
    long_title = "A much longer title than any other row of the check list has " * 2
    assert verbs.set_field(doc, pain.target_id, "title", long_title, "t")
    QApplication.processEvents()
    same_as_qt(panel.check_list)
    assert verbs.set_field(doc, pain.target_id, "title", "Two\nlines", "t")
    QApplication.processEvents()
    assert not panel.check_list.uniformItemSizes()
    same_as_qt(panel.check_list)
    assert verbs.set_field(doc, pain.target_id, "title", "One line again", "t")
    QApplication.processEvents()
    assert panel.check_list.uniformItemSizes()
    same_as_qt(panel.check_list)
    font = panel.check_list.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    panel.check_list.setFont(font)  # a larger font: every row measured again
    QApplication.processEvents()
    same_as_qt(panel.check_list)
    panel.tabs.setCurrentIndex(2)
    QApplication.processEvents()
    same_as_qt(panel.stale_list)
