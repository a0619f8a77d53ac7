"""A JSON reader for untrusted bytes.

On top of the standard library's parser it refuses what would later crash or
mislead: duplicate keys (the last would silently win), NaN and infinities,
numbers too large to mean anything, nesting deeper than any project needs.
Each refusal names the JSON path where it happened. Checks that need the path
are done in a second pass that runs only when the first one flagged trouble,
so a good file pays for a hook call per object and nothing more.
"""

from __future__ import annotations

import json
import math
from typing import Any

from journeydesk.model.checks import Problem, json_path

MAX_DEPTH = 64
"""Deepest nesting of objects and arrays (a project file needs about 10)."""
MAX_INT_DIGITS = 18
"""Integers beyond ±10^18 are refused: no field needs them."""


class _Bad:
    """Stands where the first pass met something to refuse."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


class _DupObject(dict[str, Any]):
    __slots__ = ("duplicates",)


class JsonProblem(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(problems[0].message if problems else "bad JSON")


def loads(text: str) -> Any:
    """Parse JSON text or raise JsonProblem naming where and what."""
    flagged = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal flagged
        d = dict(pairs)
        if len(d) != len(pairs):
            flagged = True
            dup = _DupObject(d)
            seen: set[str] = set()
            dup.duplicates = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[attr-defined,func-returns-value]
            return dup
        return d

    def parse_int(s: str) -> Any:
        nonlocal flagged
        if len(s.lstrip("-")) > MAX_INT_DIGITS:
            flagged = True
            return _Bad(f"number {s[:20]}… has {len(s.lstrip('-'))} digits; numbers this large are refused")
        return int(s)

    def parse_float(s: str) -> Any:
        nonlocal flagged
        value = float(s)
        if not math.isfinite(value):
            flagged = True
            return _Bad(f"number {s[:40]} is too large")
        return value

    def parse_constant(s: str) -> Any:
        nonlocal flagged
        flagged = True
        return _Bad(f"{s} is not a number JSON allows")

    try:
        data = json.loads(
            text,
            object_pairs_hook=pairs_hook,
            parse_int=parse_int,
            parse_float=parse_float,
            parse_constant=parse_constant,
        )
    except json.JSONDecodeError as exc:
        raise JsonProblem(
            [Problem(f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}")]
        ) from None
    except RecursionError:
        raise JsonProblem(
            [Problem("$", f"nesting is deeper than the {MAX_DEPTH} levels a project may have")]
        ) from None
    problems: list[Problem] = []
    if flagged:
        _collect(data, [], problems)
    _check_depth(data, problems)
    if problems:
        raise JsonProblem(problems[:1000])
    return data


def _collect(value: Any, loc: list[int | str], problems: list[Problem]) -> None:
    if isinstance(value, _Bad):
        problems.append(Problem(json_path(loc), value.message))
    elif isinstance(value, dict):
        if isinstance(value, _DupObject):
            for key in dict.fromkeys(value.duplicates):
                problems.append(
                    Problem(json_path([*loc, key]), f"key {key!r} appears more than once")
                )
        for key, item in value.items():
            _collect(item, [*loc, key], problems)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _collect(item, [*loc, i], problems)


def _check_depth(data: Any, problems: list[Problem]) -> None:
    """Refuse nesting deeper than MAX_DEPTH, iteratively (no recursion to exhaust)."""
    stack: list[tuple[Any, int, list[int | str]]] = [(data, 1, [])]
    while stack:
        value, depth, loc = stack.pop()
        if isinstance(value, dict):
            children = value.items()
        elif isinstance(value, list):
            children = enumerate(value)  # type: ignore[assignment]
        else:
            continue
        if depth > MAX_DEPTH:
            problems.append(
                Problem(json_path(loc), f"nesting is deeper than the {MAX_DEPTH} levels allowed")
            )
            return
        for key, item in children:
            if isinstance(item, (dict, list)):
                stack.append((item, depth + 1, [*loc, key]))
