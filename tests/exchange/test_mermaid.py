"""Mermaid journey diagrams: mermaid's own parser spec cases (journey.spec.ts), the
clean-up mermaid does first, the mapping onto a map, the writer, and the commands."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from journeydesk import templates
from journeydesk.cli import main
from journeydesk.exchange.mermaid import (
    MermaidError,
    apply_mermaid,
    encode_name,
    js_number,
    mermaid_with_warnings,
    parse_journey,
    to_mermaid,
)
from journeydesk.io import checked_bytes, read_project, write_project
from journeydesk.model.project import Project


def _tasks(text: str) -> list[tuple[str, str, float, list[str]]]:
    return [
        (s.name, t.name, t.score, t.actors) for s in parse_journey(text).sections for t in s.tasks
    ]


# --- mermaid's parser spec ----------------------------------------------------------


def test_spec_title() -> None:
    j = parse_journey("journey\ntitle Adding journey diagram functionality to mermaid")
    assert j.title == "Adding journey diagram functionality to mermaid"


def test_spec_acc_descr_and_multiline() -> None:
    j = parse_journey(
        "journey\naccDescr: A user journey for family shopping\n"
        "title Adding journey diagram functionality to mermaid\nsection Order from website"
    )
    assert j.acc_descr == "A user journey for family shopping"
    j = parse_journey(
        "journey\naccDescr {\n        A user journey for\n        family shopping\n      }"
        "title Adding journey diagram functionality to mermaid\n"
        "accTitle: Adding acc journey diagram functionality to mermaid\n"
        "section Order from website"
    )
    assert j.acc_descr == "A user journey for\nfamily shopping"
    assert j.title == "Adding journey diagram functionality to mermaid"
    assert j.acc_title == "Adding acc journey diagram functionality to mermaid"


def test_spec_acc_title() -> None:
    j = parse_journey("journey\n    accTitle: The title\n    section Order from website")
    assert (j.acc_title, j.acc_descr) == ("The title", "")


def test_spec_multiline_section_titles() -> None:
    j = parse_journey(
        "journey\ntitle Adding gantt diagram functionality to mermaid\n"
        "section Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5"
    )
    assert j.sections[0].name == "Line1\nLine2\nLine3</br />Line4\nLine5"


def test_spec_task_definition() -> None:
    text = (
        "journey\ntitle Adding journey diagram functionality to mermaid\n"
        "section Documentation\nA task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\n"
        "C task: 5\nD task: 5: Charlie, Alice\nE task: 5:\nsection Another section\n"
        "P task: 5:\nQ task: 5:\nR task: 5:"
    )
    doc, other = "Documentation", "Another section"
    assert _tasks(text) == [
        (doc, "A task", 5, ["Alice", "Bob", "Charlie"]),
        (doc, "B task", 3, ["Bob", "Charlie"]),
        (doc, "C task", 5, []),
        (doc, "D task", 5, ["Charlie", "Alice"]),
        (doc, "E task", 5, [""]),
        (other, "P task", 5, [""]),
        (other, "Q task", 5, [""]),
        (other, "R task", 5, [""]),
    ]


# --- what mermaid accepts around the grammar ------------------------------------------


def test_front_matter_directives_comments_crlf_indentation_entities() -> None:
    text = (
        "---\r\ntitle: From the front matter\r\nconfig:\r\n  theme: dark\r\n---\r\n"
        "%%{init: {'theme': 'forest'}}%%\r\n"
        "%% a comment line\r\n"
        "journey\r\n"
        "        # a hash comment\r\n"
        "  Before any section: 2.5: Me # trailing comment\r\n"
        "\tsection Go #38; come\r\n"
        "      Love #9829; it: 7: Me, Cat\r\n"
        "      %% indented comment\r\n"
        "  section Empty\r\n"
        "  section Go #38; come\r\n"
        "      Again: -1\r\n"
    )
    j = parse_journey(text)
    assert j.title == "From the front matter"
    assert _tasks(text) == [
        ("", "Before any section", 2.5, ["Me"]),
        ("Go & come", "Love \u2665 it", 7, ["Me", "Cat"]),
        ("Go & come", "Again", -1, []),
    ]
    assert [s.name for s in j.sections] == ["", "Go & come", "Empty", "Go & come"]


def test_mermaid_rendering_spec_texts() -> None:
    """From mermaid's cypress rendering spec (user journey): indented, with front matter."""
    text = """
      ---
      config:
        journey:
          maxLabelWidth: 320
      ---
      journey
        title User Journey Example
        section Onboarding
            Sign Up: 5:
            Browse Features: 3:
        section Engagement
            Browse Features: 3
      """
    assert _tasks(text) == [
        ("Onboarding", "Sign Up", 5, [""]),
        ("Onboarding", "Browse Features", 3, [""]),
        ("Engagement", "Browse Features", 3, []),
    ]
    text = """journey
      title  Web hook life cycle
      accDescr: 2 main sections: work and home, each with just a few tasks
      section Darkoob
        Make preBuilt:5: Darkoob user
        register slug : 5: Darkoob userf deliberately long
        set Darkoob slug as hook for an Event : 5 : admin Exjjjnjjjj qwerty
        """
    journey = parse_journey(text)
    assert journey.title == "Web hook life cycle"
    assert journey.acc_descr == "2 main sections: work and home, each with just a few tasks"
    assert _tasks(text) == [
        ("Darkoob", "Make preBuilt", 5, ["Darkoob user"]),
        ("Darkoob", "register slug", 5, ["Darkoob userf deliberately long"]),
        ("Darkoob", "set Darkoob slug as hook for an Event", 5, ["admin Exjjjnjjjj qwerty"]),
    ]
    with pytest.raises(MermaidError) as caught:
        parse_journey("\n\n    journey\n      Make tea\n")
    assert caught.value.where == "line 4"


def test_a_title_statement_wins_over_front_matter() -> None:
    assert parse_journey("---\ntitle: A\n---\njourney\ntitle B\n").title == "B"


@pytest.mark.parametrize(
    ("text", "number"),
    [("5", 5), (" 4.5 ", 4.5), ("", 0), ("0x10", 16), ("1e1", 10), (".5", 0.5), ("-3", -3)],
)
def test_scores_are_javascript_numbers(text: str, number: float) -> None:
    assert js_number(text) == number


@pytest.mark.parametrize("text", ["X", "5 stars", "1,5", "Infinity"])
def test_scores_that_are_not_finite_numbers(text: str) -> None:
    assert not math.isfinite(js_number(text))


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("flowchart TD\nA-->B", "line 1", "not a mermaid journey diagram"),
        ("Journey\ntitle x", "line 1", "not a mermaid journey diagram"),
        ("journey\ntitle x\nsection A\n  Make tea\n", "line 4", "has no score"),
        ("journey\nsection A: B\n", "line 2", "follows no task name"),
        ("journey\n  Tea; coffee: 5\n", "line 2", "unexpected ';'"),
        ("journey\n  Make tea:\n", "line 2", "a ':' with nothing after it"),
        ("%% c\n\njourney\n  Journeyman: 5\n", "line 4", "'journey' again"),
    ],
)
def test_refused_like_mermaid_naming_the_line(text: str, where: str, what: str) -> None:
    with pytest.raises(MermaidError) as caught:
        parse_journey(text)
    assert caught.value.where == where
    assert what in str(caught.value)


# --- onto a map -----------------------------------------------------------------------

WORKING_DAY = """journey
    title My working day
    accDescr: How a day goes
    Wake up: 2
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Nothing here
    section Go home
      Go downstairs: 6.5: Me
      Sit down: meh: Me
"""


def test_mapping_onto_a_map() -> None:
    project = Project()
    report = apply_mermaid(project, WORKING_DAY)
    jmap = project.maps[0]
    assert jmap.name == "My working day" and jmap.scenario == "How a day goes"
    assert [(s.name, [st.name for st in s.steps]) for s in jmap.stages] == [
        ("", ["Wake up"]),
        ("Go to work", ["Make tea", "Go upstairs", "Do work"]),
        ("Nothing here", [""]),
        ("Go home", ["Go downstairs", "Sit down"]),
    ]
    steps = {s.id: s.name for s in jmap.steps()}
    assert [(steps[c.step], c.kind, c.title) for c in jmap.cards] == [
        (n, "action", n)
        for n in ["Wake up", "Make tea", "Go upstairs", "Do work", "Go downstairs", "Sit down"]
    ]
    names = {p.id: p.name for p in project.personas}
    curves = {names.get(c.persona or ""): c for c in jmap.curves}
    assert set(curves) == {None, "Me", "Cat"}
    assert [(steps[p.step], p.score) for p in curves["Me"].points] == [
        ("Make tea", 5), ("Go upstairs", 3), ("Do work", 1), ("Go downstairs", 6.5)
    ]  # fmt: skip
    assert [(steps[p.step], p.score) for p in curves["Cat"].points] == [("Do work", 1)]
    assert [(steps[p.step], p.score) for p in curves[None].points] == [("Wake up", 2)]
    assert (curves["Me"].scale.min, curves["Me"].scale.max) == (1, 6.5)
    assert (curves["Cat"].scale.min, curves["Cat"].scale.max) == (1, 5)
    assert [m.line("w.mmd") for m in report.messages] == [
        "w.mmd: line 12: warning: score 'meh' of 'Sit down' is not a number; no point on the curve"
    ]
    checked_bytes(project)


def test_existing_personas_are_reused() -> None:
    project = templates.new_project("sample", "en")
    persona = project.personas[0]
    apply_mermaid(project, f"journey\n  Step: 4: {persona.name}\n")
    assert project.maps[-1].curves[0].persona == persona.id
    checked_bytes(project)


# --- back out -------------------------------------------------------------------------


def _shape(text: str) -> list[tuple[str, list[tuple[str, float, list[str]]]]]:
    return [
        (s.name, [(t.name, t.score, [a for a in t.actors if a]) for t in s.tasks])
        for s in parse_journey(text).sections
    ]


def test_export_parses_back_to_the_same_sections_tasks_scores_and_actors() -> None:
    project = Project()
    apply_mermaid(project, WORKING_DAY)
    text, warnings = mermaid_with_warnings(project, project.maps[0])
    expected = _shape(WORKING_DAY)
    expected[-1][1].pop()  # "Sit down" had no number: it has no point to write
    assert _shape(text) == expected
    assert warnings == ["step 'Sit down' has no score; left out"]
    assert parse_journey(text).title == "My working day"


def test_names_that_mermaid_cannot_hold_are_encoded() -> None:
    project = Project()
    apply_mermaid(project, "journey\n  A: 3: Me\n")
    jmap = project.maps[0]
    jmap.name = "Title: with # and ; and 50%"
    jmap.stages[0].name = "Section two: the sequel"
    jmap.stages[0].steps[0].name = "journey planner\nsecond line"
    project.personas[0].name = "Smith, J.: buyer"
    text = to_mermaid(project, jmap)
    back = parse_journey(text)
    assert back.title == "Title: with # and ; and 50%"
    assert _shape(text) == [
        ("Section two: the sequel", [("journey planner\nsecond line", 3, ["Smith, J.: buyer"])])
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20))
@example("¶ß")  # (mermaid's own marks for entity codes while it reads: found by this test)
@example("a ﬂ°° b ﬂ° c ¶ß; d")
def test_any_name_survives(name: str) -> None:
    name = name.strip()
    enc, actor = encode_name(name), encode_name(name, actor=True)
    line = f"journey\n  section {enc}\n    {enc}: 2: {actor}\n"
    section = parse_journey(line).sections[0]
    assert section.name == name
    assert section.tasks[0].name == name
    assert section.tasks[0].actors == [name] if name else True


def test_scores_on_another_scale_are_mapped_onto_one_to_five() -> None:
    project = templates.new_project("sample", "en")
    jmap = project.maps[0]
    assert jmap.curves and jmap.curves[0].scale.min == -2
    scores = [t[1] for _, tasks in _shape(to_mermaid(project, jmap)) for t in tasks]
    assert scores and all(1 <= s <= 5 for s in scores)


# --- the commands ---------------------------------------------------------------------


def test_cli_import_export_and_refusal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mmd = tmp_path / "day.mmd"
    mmd.write_text(WORKING_DAY, encoding="utf-8")
    new = tmp_path / "day.journey"
    assert main(["import", "mermaid", str(mmd), "-o", str(new)]) == 0
    assert read_project(new).maps[0].name == "My working day"
    sample = tmp_path / "sample.journey"
    write_project(templates.new_project("sample", "en"), sample)
    assert main(["import", "mermaid", str(mmd), "--into", str(sample)]) == 0
    maps = read_project(sample).maps
    assert maps[-1].name == "My working day" and len(maps) >= 2
    out = tmp_path / "back.mmd"
    assert main(["export", "mermaid", str(new), "-o", str(out)]) == 0
    assert _shape(out.read_text(encoding="utf-8"))[0] == ("", [("Wake up", 2, [])])
    bad = tmp_path / "bad.mmd"
    bad.write_text("journey\n  title T\n  section A\n    Make tea\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "mermaid", str(bad), "-o", str(tmp_path / "x.journey")]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}: line 4: task 'Make tea' has no score")
    assert not (tmp_path / "x.journey").exists()


def test_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from journeydesk.exchange import mermaid

    monkeypatch.setattr(mermaid, "MAX_TASKS", 3)
    text = "journey\n" + "".join(f"  section S{i}\n    t{i}: 1\n" for i in range(4))
    with pytest.raises(MermaidError) as caught:
        parse_journey(text)
    assert (caught.value.where, str(caught.value)) == ("line 9", "more than 3 tasks")
    monkeypatch.setattr(mermaid, "MAX_MERMAID_CHARS", 10)
    with pytest.raises(MermaidError, match="longer than 10 characters"):
        parse_journey(text)
