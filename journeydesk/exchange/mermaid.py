"""Mermaid ``journey`` diagrams in and out.

The reader follows mermaid's own grammar (mermaid-js/mermaid,
``packages/mermaid/src/diagrams/user-journey/parser/journey.jison`` and
``journeyDb.ts``) and the text clean-up mermaid does before it: CRLF to LF,
front matter (``---`` … ``---``, its ``title``), ``%%{…}%%`` directives and
``%%`` comment lines removed, ``#name;``/``#NNNN;`` entity codes kept out of
the lexer and decoded in names, the diagram type ``journey`` (lower case) at
the start (after the dedent and trim ``mermaid.run`` does to a diagram on a
page). The lexer rules are mermaid's, tried in mermaid's order (first
match wins), so the same text gives the same sections, tasks, scores (JS
``Number()``) and actors — and what mermaid refuses is refused, naming the line.

Mapping: ``title`` -> the map's name; each ``section`` -> a stage (tasks before
any section -> a first stage with an empty name; a section without tasks -> a
stage with one unnamed step); each task -> a step and an action card; each
actor -> a persona with its own curve; a task's score -> a point on each of its
actors' curves (a task without actors: a curve without persona). Curves are on
1..5, widened to hold every score; a score that is not a number gives no point
and a warning. ``accDescr`` -> the map's scenario.

The writer gives text mermaid parses back to the same sections, tasks, scores
and actors: characters a name cannot hold (``# : ; %`` and, in actors, ``,``)
are written as entity codes, line breaks as ``<br>``, and a name never starts
with a keyword.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from dataclasses import dataclass, field

from journeydesk.model.base import MAX_SMALL_LIST
from journeydesk.model.project import (
    Card,
    CurvePoint,
    EmotionCurve,
    JourneyMap,
    Lane,
    Persona,
    Project,
    Scale,
    Stage,
    Step,
)

from .report import ImportReport

MAX_MERMAID_CHARS = 2_000_000
MAX_TASKS = 100_000
"""A map holds at most 100,000 cards: one per task."""


class MermaidError(ValueError):
    """Text mermaid would refuse; ``where`` is ``line N`` (or ``$``)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where


@dataclass
class Task:
    name: str
    score: float
    """JS ``Number()`` of the score text: may be NaN or infinite."""
    score_text: str
    actors: list[str]
    line: int


@dataclass
class Section:
    name: str
    line: int
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Journey:
    title: str = ""
    acc_title: str = ""
    acc_descr: str = ""
    sections: list[Section] = field(default_factory=list)
    """In order; tasks before any section sit in a first section named "" (line 0)."""


# --- clean-up before the lexer (mermaid's preprocessing) -----------------------

_FRONT_MATTER = re.compile(r"^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+", re.S)
_DIRECTIVE = re.compile(r"%%\{.*?\}%%", re.S)
_COMMENT_LINE = re.compile(r"^[ \t]*%%(?!\{)[^\n]+", re.M)
_BLOCK_COMMENT = re.compile(r"^[\t ]*%%\*[\s\S]*?\*%%[\t ]*", re.M)
_ENTITY = re.compile(r"#(\w+);")
_NUM_MARK, _NAME_MARK, _END_MARK = "\ufb02\u00b0\u00b0", "\ufb02\u00b0", "\u00b6\u00df"
_BR = re.compile(r"<br\s*/?>", re.I)


def _blank(match: re.Match[str]) -> str:
    """Removed text, replaced by as many line breaks so that line numbers hold."""
    return "\n" * match.group(0).count("\n")


def _preprocess(text: str) -> tuple[str, str, int]:
    """(text for the lexer, front matter title, lines removed at its start)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # mermaid.run() dedents and trims a diagram taken from a page (a wiki's code block).
    lead = len(text) - len(text.lstrip())
    skipped = text[:lead].count("\n")
    text = textwrap.dedent(text[lead - len(text[:lead].split("\n")[-1]) :]).strip()
    title = ""
    m = _FRONT_MATTER.match(text)
    if m:
        for raw in m.group(1).split("\n"):
            key, sep, value = raw.partition(":")
            if sep and key.strip() == "title" and not raw.startswith((" ", "\t")):
                title = value.strip().strip("\"'")
        text = "\n" * m.group(0).count("\n") + text[m.end() :]
    text = _DIRECTIVE.sub(_blank, text)
    text = _BLOCK_COMMENT.sub(_blank, text)
    text = _COMMENT_LINE.sub("", text)
    stripped = text.lstrip()
    offset = skipped + text[: len(text) - len(stripped)].count("\n")
    return _encode_entities(stripped), title, offset


def _encode_entities(text: str) -> str:
    def mark(m: re.Match[str]) -> str:
        inner = m.group(1)
        return (_NUM_MARK if re.fullmatch(r"\+?\d+", inner) else _NAME_MARK) + inner + _END_MARK

    return _ENTITY.sub(mark, text)


def _decode(text: str) -> str:
    """A name as mermaid shows it: entity codes as characters, ``<br>`` as a line break."""
    text = text.replace(_NUM_MARK, "&#").replace(_NAME_MARK, "&").replace(_END_MARK, ";")
    return _BR.sub("\n", html.unescape(text))


# --- the lexer and the grammar ---------------------------------------------------

_I = re.I
_RULES: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"%%(?!\{)[^\n]*", _I), None),
    (re.compile(r"[^}]%%[^\n]*", _I), None),
    (re.compile(r"\n+", _I), "NEWLINE"),
    (re.compile(r"\s+", _I), None),
    (re.compile(r"#[^\n]*", _I), None),
    (re.compile(r"journey", _I), "journey"),
    (re.compile(r"title\s[^#\n;]+", _I), "title"),
    (re.compile(r"accTitle\s*:\s*", _I), "acc_title"),
    (re.compile(r"accDescr\s*:\s*", _I), "acc_descr"),
    (re.compile(r"accDescr\s*\{\s*", _I), "acc_descr_multiline"),
    (re.compile(r"section\s[^#:\n;]+", _I), "section"),
    (re.compile(r"[^#:\n;]+", _I), "taskName"),
    (re.compile(r":[^#\n;]+", _I), "taskData"),
    (re.compile(r":", _I), ":"),
    (re.compile(r".", _I | re.S), "INVALID"),
]
_REST_OF_LINE = re.compile(r"[^\n]*")
_UNTIL_BRACE = re.compile(r"[^}]*")


def _tokens(text: str, offset: int) -> list[tuple[str, str, int]]:
    """(type, text, line) of each token, as mermaid's lexer cuts them."""
    out: list[tuple[str, str, int]] = []
    pos, line = 0, 1 + offset
    while pos < len(text):
        for rule, rule_kind in _RULES:
            m = rule.match(text, pos)
            if m and m.end() > pos:
                kind = rule_kind
                break
        else:  # pragma: no cover - "." always matches
            break
        if kind is not None and kind != "acc_descr_multiline":
            out.append((kind, m.group(0), line))
        line += m.group(0).count("\n")
        pos = m.end()
        if kind in ("acc_title", "acc_descr"):
            v = _REST_OF_LINE.match(text, pos)
            assert v is not None
            out.append((kind + "_value", v.group(0), line))
            pos = v.end()
        elif kind == "acc_descr_multiline":
            v = _UNTIL_BRACE.match(text, pos)
            assert v is not None
            if v.group(0):
                out.append(("acc_descr_multiline_value", v.group(0), line))
            line += v.group(0).count("\n")
            pos = v.end() + (1 if v.end() < len(text) else 0)
    return out


_EXPECTED = "a title, section, task (name: score: actors), accTitle or accDescr"


def parse_journey(text: str) -> Journey:
    """Parse a mermaid ``journey`` diagram as mermaid does; MermaidError if it would refuse it."""
    if len(text) > MAX_MERMAID_CHARS:
        raise MermaidError("$", f"longer than {MAX_MERMAID_CHARS} characters")
    body, fm_title, offset = _preprocess(text)
    if not re.match(r"\s*journey", body):
        first = body.split("\n", 1)[0].strip()[:40]
        raise MermaidError(
            f"line {offset + 1}", f"not a mermaid journey diagram (begins {first!r}, not 'journey')"
        )
    tokens = _tokens(body, offset)
    journey = Journey(title=fm_title)
    current: Section | None = None
    total = 0
    i = 1  # tokens[0] is "journey" (the detector made sure)
    while i < len(tokens):
        kind, value, line = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if kind == "NEWLINE":
            i += 1
        elif kind == "title":
            journey.title = _decode(value[6:]).strip()
            i += 1
        elif kind in ("acc_title", "acc_descr") and nxt and nxt[0] == kind + "_value":
            if kind == "acc_title":
                journey.acc_title = _decode(nxt[1]).strip()
            else:
                journey.acc_descr = _decode(nxt[1]).strip()
            i += 2
        elif kind == "acc_descr_multiline_value":
            journey.acc_descr = re.sub(r"\n\s+", "\n", _decode(value).strip())
            i += 1
        elif kind == "section":
            current = Section(_decode(value[8:]).strip(), line)
            journey.sections.append(current)
            if len(journey.sections) > MAX_SMALL_LIST:
                raise MermaidError(f"line {line}", f"more than {MAX_SMALL_LIST} sections")
            i += 1
        elif kind == "taskName" and nxt and nxt[0] == "taskData":
            if current is None:
                current = Section("", 0)
                journey.sections.append(current)
            current.tasks.append(_task(value, nxt[1], line))
            total += 1
            if total > MAX_TASKS:
                raise MermaidError(f"line {line}", f"more than {MAX_TASKS} tasks")
            if len(current.tasks) > MAX_SMALL_LIST:
                raise MermaidError(f"line {line}", f"more than {MAX_SMALL_LIST} tasks in a section")
            i += 2
        else:
            raise MermaidError(f"line {line}", _refusal(kind, value, nxt))
    return journey


def _refusal(kind: str, value: str, nxt: tuple[str, str, int] | None) -> str:
    if kind == "taskName" and nxt and nxt[0] == ":":
        return (
            f"task {value.strip()!r}: a ':' with nothing after it; a task is 'name: score: actors'"
        )
    if kind == "taskName" and nxt and nxt[0] == "INVALID":
        return f"unexpected {nxt[1]!r} in {value.strip()!r}; expected {_EXPECTED}"
    if kind == "taskName":
        return f"task {value.strip()!r} has no score (write 'name: score: actors')"
    if kind == "INVALID":
        return f"unexpected {value!r}; expected {_EXPECTED}"
    if kind == ":":
        return "a ':' with nothing after it; a task is 'name: score: actors'"
    if kind == "taskData":
        return f"{value!r} follows no task name; expected {_EXPECTED}"
    if kind == "journey":
        return "'journey' again (a name may not start with it)"
    return f"unexpected {value.strip()!r}; expected {_EXPECTED}"


def _task(name: str, data: str, line: int) -> Task:
    pieces = data[1:].split(":")
    score_text = pieces[0]
    actors = [a.strip() for a in pieces[1].split(",")] if len(pieces) > 1 else []
    actors = [_decode(a).strip() for a in actors]
    return Task(_decode(name).strip(), js_number(score_text), score_text.strip(), actors, line)


_JS_SPACE = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"  # noqa: E501
_JS_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def js_number(text: str) -> float:
    """JavaScript's ``Number(text)``: blanks 0, hex/octal/binary, Infinity, else NaN."""
    t = text.strip(_JS_SPACE)
    if not t:
        return 0.0
    if t in ("Infinity", "+Infinity"):
        return math.inf
    if t == "-Infinity":
        return -math.inf
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if t[:2].lower() == prefix:
            try:
                return float(int(t[2:], base)) if t[2:].isalnum() else math.nan
            except ValueError:
                return math.nan
    if _JS_DECIMAL.fullmatch(t):
        return float(t)
    return math.nan


# --- into the model ---------------------------------------------------------------


def apply_mermaid(project: Project, text: str) -> ImportReport:
    """Parse ``text`` and add it to ``project`` (changed in place) as a new map."""
    journey = parse_journey(text)
    report = ImportReport()
    if len(project.maps) >= MAX_SMALL_LIST:
        raise MermaidError("$", "the project already has 1,000 maps")
    name = journey.title or journey.acc_title or "Journey"
    jmap = JourneyMap(name=name, scenario=journey.acc_descr)
    actions = Lane(name="Actions", kind="actions", default_card_kind="action")
    emotion = Lane(name="Emotion", kind="emotion", display="curve")
    jmap.lanes = [actions, emotion]
    curves: dict[str | None, EmotionCurve] = {}
    personas = {p.name: p for p in project.personas}

    def curve_for(actor: str | None) -> EmotionCurve:
        if actor not in curves:
            persona_id = None
            if actor is not None:
                persona = personas.get(actor)
                if persona is None:
                    persona = Persona(name=actor)
                    project.personas.append(persona)
                    personas[actor] = persona
                    report.created.append(f'persona "{actor}"')
                persona_id = persona.id
                if persona_id not in jmap.personas:
                    jmap.personas.append(persona_id)
            curves[actor] = EmotionCurve(persona=persona_id, lane=emotion.id)
        return curves[actor]

    for section in journey.sections:
        stage = Stage(
            name=section.name, steps=[Step(name=t.name) for t in section.tasks] or [Step(name="")]
        )
        jmap.stages.append(stage)
        for task, step in zip(section.tasks, stage.steps, strict=False):
            card = Card(step=step.id, lane=actions.id, kind="action", title=task.name)
            jmap.cards.append(card)
            report.added.append(card.id)
            if not math.isfinite(task.score) or abs(task.score) > 1e9:
                report.warn(
                    f"line {task.line}",
                    f"score {task.score_text!r} of {task.name!r} is not a number; "
                    "no point on the curve",
                )
                continue
            actors: list[str | None] = [*dict.fromkeys(a for a in task.actors if a)] or [None]
            for actor in actors:
                curve_for(actor).points.append(CurvePoint(step=step.id, score=task.score))
    for curve in curves.values():
        scores = [p.score for p in curve.points]
        curve.scale = Scale(min=min([1.0, *scores]), max=max([5.0, *scores]))
    jmap.curves = list(curves.values())
    project.maps.append(jmap)
    report.created.append(f'map "{name}"')
    return report


# --- out of the model ---------------------------------------------------------------

_KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")


def encode_name(text: str, actor: bool = False) -> str:
    """``text`` as mermaid reads it back unchanged in a title, section, task or actor."""
    text = text.strip().replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        # (``¶`` and ``ﬂ`` too: mermaid marks entity codes with ``ﬂ°``, ``ﬂ°°``
        # and ``¶ß`` while it reads, so a name holding those would come back
        # with ``&`` or ``;`` in their place)
        if ch in "#:;%\u00b6\ufb02" or (actor and ch == ","):
            out.append(f"#{ord(ch)};")
        elif ch == "\n":
            out.append("<br>")
        else:
            out.append(ch)
    encoded = "".join(out)
    if not text:
        return "#32;"
    if encoded.lower().startswith(_KEYWORDS):
        encoded = f"#{ord(text[0])};" + encoded[1:]
    return encoded


def to_mermaid(project: Project, jmap: JourneyMap) -> str:
    """The map as a mermaid journey: stages as sections, steps with a score as tasks."""
    return mermaid_with_warnings(project, jmap)[0]


def mermaid_with_warnings(project: Project, jmap: JourneyMap) -> tuple[str, list[str]]:
    personas = {p.id: p.name for p in project.personas}
    warnings: list[str] = []
    lines = ["journey"]
    if jmap.name.strip():
        lines.append(f"  title {encode_name(jmap.name)}")
    if jmap.scenario.strip():
        descr = jmap.scenario.strip().replace("}", ")")
        lines.append("  accDescr {")
        lines += [f"    {ln.strip()}" for ln in descr.splitlines() if ln.strip()]
        lines.append("  }")
    for index, stage in enumerate(jmap.stages):
        if stage.name.strip() or index > 0:
            lines.append(f"  section {encode_name(stage.name)}")
        for step in stage.steps:
            groups: dict[float, list[str]] = {}
            for curve in jmap.curves:
                point = min(
                    (p for p in curve.points if p.step == step.id),
                    key=lambda p: p.offset,
                    default=None,
                )
                if point is None:
                    continue
                score = _mermaid_score(point.score, curve.scale)
                who = personas.get(curve.persona or "", "")
                groups.setdefault(score, [])
                if who:
                    groups[score].append(encode_name(who, actor=True))
            if not groups:
                if step.name.strip():
                    warnings.append(f"step {step.name!r} has no score; left out")
                continue
            for score, actors in groups.items():
                task = f"    {encode_name(step.name)}: {_score_text(score)}"
                if actors:
                    task += ": " + ", ".join(dict.fromkeys(actors))
                lines.append(task)
    return "\n".join(lines) + "\n", warnings


def _mermaid_score(score: float, scale: Scale) -> float:
    """Exactly the score when the curve's scale holds 1..5 (mermaid's), else mapped onto 1..5."""
    if scale.min <= 1 and scale.max >= 5:
        return score
    return round(1 + (score - scale.min) * 4 / (scale.max - scale.min), 3)


def _score_text(score: float) -> str:
    return str(int(score)) if score == int(score) else repr(score)
