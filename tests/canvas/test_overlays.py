"""Canvas-only marks: starter questions in empty lanes (UI language, never
printed) and stale badges (View > Stale Badges)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication

from journeydesk import templates
from journeydesk.canvas.scene import MapScene
from journeydesk.export.pdf.poster import export_pdf
from journeydesk.layout.page import PosterOptions
from journeydesk.model.project import Card
from journeydesk.ui import i18n
from journeydesk.ui.main_window import MainWindow


def starters(scene: MapScene) -> dict[str, str]:
    return {i.data(1): i.text() for i in scene.overlays.of_kind("starter")}  # type: ignore[attr-defined]


def test_empty_lanes_ask_their_questions_and_are_never_printed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = templates.new_project("blank", "en")
    jmap = project.maps[0]
    scene = MapScene()
    scene.show_map(project, jmap)
    shown = starters(scene)
    by_kind = {lane.kind: lane.id for lane in jmap.lanes}
    assert shown[by_kind["actions"]] == "What does the customer do here?"
    assert "channel" in shown[by_kind["touchpoints"]]
    assert by_kind["emotion"] not in shown  # the curve lane holds a curve
    # a card in a lane: its question goes
    jmap.cards.append(Card(step=jmap.steps()[0].id, lane=by_kind["actions"], title="Calls"))
    scene.show_map(project, jmap)
    assert by_kind["actions"] not in starters(scene)
    assert by_kind["thoughts"] in starters(scene)
    # never printed
    out = tmp_path / "m.pdf"
    export_pdf(project, [jmap], out, PosterOptions(paper="A3"))
    text = PdfReader(out).pages[0].extract_text()
    assert "What do they think" not in text and "Thoughts" in text


def test_starter_questions_in_the_ui_language(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    translators = i18n.install_translators(qapp, "it")
    try:
        project = templates.new_project("blank", "en")
        scene = MapScene()
        scene.show_map(project, project.maps[0])
        texts = set(starters(scene).values())
        assert "Cosa fa il cliente qui?" in texts
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


def test_stale_badges_toggle(qtbot) -> None:  # type: ignore[no-untyped-def]
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_sample("en")
    w.scene.overlays.today = lambda: dt.date(2027, 6, 1)
    assert not w.scene.overlays.of_kind("stale")
    w.stale_action.setChecked(True)
    badges = w.scene.overlays.of_kind("stale")
    project, jmap = w.project, w.context.current_map()
    assert project is not None and jmap is not None
    stage_ids = {s.id for s in jmap.stages}
    assert badges and {b.data(1) for b in badges} >= stage_ids  # every stage's KPIs are old
    assert "KPI as of 2026-09-30" in badges[0].toolTip()
    # badges survive an edit's redraw, and go with the toggle
    w.context.set_map(project.maps[1].id)
    w.context.set_map(jmap.id)
    assert w.scene.overlays.of_kind("stale")
    w.decide.stale_days.setValue(3650)  # nothing is that old: the badges go
    assert not w.scene.overlays.of_kind("stale")
    w.decide.stale_days.setValue(90)
    assert w.scene.overlays.of_kind("stale")
    w.stale_action.setChecked(False)
    assert not w.scene.overlays.of_kind("stale")
