"""At start, with nothing selected, the inspector shows the shown map."""

from __future__ import annotations

from journeydesk.ui.main_window import MainWindow


def test_the_inspector_shows_the_map_when_a_project_opens(qtbot):
    w = MainWindow()
    qtbot.addWidget(w, before_close_func=lambda w: w.document.undo_stack.setClean())
    w.open_sample("en")
    jmap = w.current_map()
    assert w.inspector.target == jmap.id
    assert w.inspector.form.rowCount() > 3
    assert jmap.name in w.inspector.heading.text()
    w.context.set_map(w.project.maps[1].id)
    assert w.inspector.target == w.project.maps[1].id
