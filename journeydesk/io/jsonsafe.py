"""A JSON reader for untrusted bytes.

On top of the standard library's parser it refuses what would later crash or
mislead: duplicate keys (the last would silently win), NaN and infinities,
numbers too large to mean anything, nesting deeper than any project needs,
arrays and objects longer than any list of the model may be, and lone UTF-16
surrogates (``"\\ud800"``: Python reads them, but no UTF-8 file can hold them,
so such a project could never be saved again), and more JSON values than any
project holds (counted on the text, before the parser allocates them). Each
refusal names the JSON path where it happened. Checks that need the path are done in a second pass
that runs only when the first one (the parser's hooks and a path-free walk
counting depth and lengths) flagged trouble, so a good file pays for a hook
call per object and one cheap walk.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from journeydesk.model.base import MAX_ITEMS
from journeydesk.model.checks import Problem, json_path

MAX_DEPTH = 64
"""Deepest nesting of objects and arrays (a project file needs about 10)."""
MAX_INT_DIGITS = 18
"""Integers beyond ±10^18 are refused: no field needs them."""
MAX_LENGTH = MAX_ITEMS
"""Most items in one array, or keys in one object: no list of the model may hold more."""
MAX_PROBLEMS = 1000

MAX_VALUES = 2_000_000
"""Most JSON values in one file: the root, every item of an array and every member of an
object, at any depth. The benchmark's 20,000-card project has about 620,000; without this
limit 99 MiB of ``[]`` under an unknown key (within the size limit) would cost the parser
gigabytes before any other check could run."""

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""A ``\\udXXX`` escape of a surrogate, paired or not, or maybe not even an escape (the
backslash may itself be escaped). Finding one only decides that the second pass checks
every decoded string: being wrong here costs time, never correctness."""

_TOKEN = re.compile(r'[,\[{]|"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
"""A comma or an opening bracket, or a whole string (whose commas do not count). A string
left open runs to the end of the text, so a match never fails after a long scan (which
would make broken text cost quadratic time); the parser refuses such text anyway."""


class _Bad:
    """Stands where the first pass met something to refuse."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


class _DupObject(dict[str, Any]):
    duplicates: list[str]


class JsonProblem(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(problems[0].message if problems else "bad JSON")


def count_values(text: str, limit: int = MAX_VALUES) -> int:
    """How many JSON values ``text`` holds, as far as ``limit`` needs: the result is
    above ``limit`` exactly when the count is (then it may stop at ``limit + 1``), and
    otherwise at least the count.

    The count, on the text before parsing: the root, plus one per comma and one per
    opening bracket outside strings (each item of an array or member of an object after
    the first has its comma, each array or object its bracket, so an empty one counts
    twice). Counting the separators with the strings included gives a bound at memory
    speed that settles almost every file; only a file past ``limit`` by that bound is
    scanned token by token, stopping as soon as the limit is passed.
    """
    bound = 1 + text.count(",") + text.count("[") + text.count("{")
    if bound <= limit:
        return bound
    count = 1
    for token in _TOKEN.finditer(text):
        if token.end() - token.start() == 1:
            count += 1
            if count > limit:
                break
    return count


def loads(text: str) -> Any:
    """Parse JSON text or raise JsonProblem naming where and what."""
    if count_values(text, MAX_VALUES) > MAX_VALUES:  # looked up now: tests may lower it
        raise JsonProblem(
            [
                Problem(
                    "$",
                    f"the file holds more than {MAX_VALUES:,} JSON values (items of arrays "
                    f"and objects, at any depth), more than any project file holds",
                )
            ]
        )
    flagged = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal flagged
        d = dict(pairs)
        if len(d) != len(pairs):
            flagged = True
            dup = _DupObject(d)
            seen: set[str] = set()
            dup.duplicates = [k for k, _ in pairs if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
            return dup
        return d

    def parse_int(s: str) -> Any:
        nonlocal flagged
        if len(s.lstrip("-")) > MAX_INT_DIGITS:
            flagged = True
            return _Bad(
                f"number {s[:20]}… has {len(s.lstrip('-'))} digits; numbers this large are refused"
            )
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
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    if flagged or surrogates or _out_of_bounds(data):
        problems = _collect(data, surrogates)
        if problems:
            raise JsonProblem(problems)
    return data


def _out_of_bounds(data: Any) -> bool:
    """Whether some array or object is deeper than MAX_DEPTH or longer than MAX_LENGTH.

    Level by level and without paths: cheap enough for every file.
    """
    level = [data]
    for _ in range(MAX_DEPTH):
        below: list[Any] = []
        for value in level:
            if isinstance(value, dict):
                children = value.values()
            elif isinstance(value, list):
                children = value  # type: ignore[assignment]
            else:
                continue
            if len(children) > MAX_LENGTH:
                return True
            below.extend([item for item in children if isinstance(item, (dict, list))])
        if not below:
            return False
        level = below
    return True  # containers remain below the deepest level allowed


_Where = tuple["_Where", int | str] | None
"""A location as a chain of (parent, key) pairs; turned into a path only when reported."""


def _path(where: _Where) -> str:
    parts: list[int | str] = []
    while where is not None:
        where, key = where
        parts.append(key)
    return _printable(json_path(parts[::-1]))


def _printable(text: str) -> str:
    """``text`` with any lone surrogate written as ``\\udXXX``, so it can be printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text_problems(data: Any) -> list[Problem]:
    """Where plain data (dicts, lists, strings...) holds a text no UTF-8 file can hold."""
    return _collect(data, surrogates=True)


def _collect(data: Any, surrogates: bool) -> list[Problem]:
    """Every refusal with its path, in document order (iterative: no recursion)."""
    problems: list[Problem] = []
    too_deep = False
    lone = "holds a lone UTF-16 surrogate escape (such as \\ud800), which is not a character"
    stack: list[tuple[Any, int, _Where]] = [(data, 1, None)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, depth, where = stack.pop()
        if isinstance(value, _Bad):
            problems.append(Problem(_path(where), value.message))
            continue
        if isinstance(value, str):
            if surrogates and not _is_text(value):
                problems.append(Problem(_path(where), f"the text {lone}"))
            continue
        if isinstance(value, dict):
            items: list[tuple[int | str, Any]] = list(value.items())
            what = "keys; an object"
        elif isinstance(value, list):
            items = list(enumerate(value))
            what = "items; an array"
        else:
            continue
        if depth > MAX_DEPTH:
            if not too_deep:
                problems.append(
                    Problem(_path(where), f"nesting is deeper than the {MAX_DEPTH} levels allowed")
                )
            too_deep = True
            continue
        if len(items) > MAX_LENGTH:
            problems.append(
                Problem(_path(where), f"has {len(items):,} {what} may hold at most {MAX_LENGTH:,}")
            )
            continue
        if isinstance(value, _DupObject):
            for key in dict.fromkeys(value.duplicates):
                problems.append(
                    Problem(_path((where, key)), f"key {_quoted(key)} appears more than once")
                )
        if surrogates and isinstance(value, dict):
            for key in value:
                if not _is_text(key):
                    problems.append(Problem(_path((where, key)), f"the key {lone}"))
        stack.extend((item, depth + 1, (where, key)) for key, item in reversed(items))
    return problems[:MAX_PROBLEMS]


def _quoted(key: str) -> str:
    return _printable(json.dumps(key, ensure_ascii=False))
