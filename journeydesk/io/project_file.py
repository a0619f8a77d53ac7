"""Reading and writing ``.journey`` project files.

Loading is a pipeline, each stage refusing with a typed error that names
where and what (DESIGN.md rule 7)::

    bytes → size check → UTF-8 (BOM allowed) → safe JSON → root and version
          → migrations → pydantic validation → cross-reference checks → model

Saving is deterministic (the same model gives the same bytes: declared keys
in model order, unknown keys after them in the order they were read), checked
(the bytes go through the loader above before they are written: a project the
loader would refuse is not written, UnsavableProjectError says why) and atomic
(io/atomic.py). ``journeydesk save`` and the app's Save both go through
``write_project``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import jiter
from pydantic import ValidationError

from journeydesk.model import project as _model
from journeydesk.model.base import ID_PATTERN
from journeydesk.model.checks import Problem, check_project, json_path, surely_clean
from journeydesk.model.project import FORMAT_NAME, Project

from . import jsonsafe
from .atomic import atomic_write_bytes
from .errors import (
    EncodingError,
    FileTooLargeError,
    InvalidProjectError,
    JsonSyntaxError,
    MigrationError,
    NewerVersionError,
    NotAProjectError,
    ProjectFileError,
    UnreadableFileError,
    UnsavableProjectError,
)
from .heap import gc_paused
from .identity import FileIdentity, identity_after_write
from .migrations import MigrationFailed, migrate

FILE_SUFFIX = ".journey"
MAX_FILE_BYTES = 100 * 1024 * 1024
"""Largest project file read (100 MiB): images are what makes a file big."""
MAX_PROBLEMS = 1000


def read_project(path: str | os.PathLike[str]) -> Project:
    """Load a project file, or raise a ProjectFileError naming what is wrong."""
    return read_project_with_identity(path)[0]


def read_project_with_identity(path: str | os.PathLike[str]) -> tuple[Project, FileIdentity]:
    """Load a project file and say what the file was (size, time, hash of the
    bytes read), so a later save can tell whether someone else changed it."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as handle:
            stat = os.fstat(handle.fileno())
            size = stat.st_size
            if size > MAX_FILE_BYTES:
                raise _too_large(size, source)
            data = handle.read(MAX_FILE_BYTES + 1)
    except ProjectFileError:
        raise
    except IsADirectoryError:
        raise UnreadableFileError(Problem("$", "is a folder, not a project file"), source) from None
    except FileNotFoundError:
        raise UnreadableFileError(Problem("$", "no such file"), source) from None
    except PermissionError:
        raise UnreadableFileError(Problem("$", "permission denied"), source) from None
    except OSError as exc:
        raise UnreadableFileError(
            Problem("$", f"cannot be read: {exc.strerror or exc}"), source
        ) from None
    return load_bytes(data, source), FileIdentity.of_bytes(data, stat)


def _too_large(size: int, source: str) -> FileTooLargeError:
    return FileTooLargeError(
        Problem(
            "$",
            f"the file is {size / 1048576:.1f} MiB; project files are limited to "
            f"{MAX_FILE_BYTES // 1048576} MiB",
        ),
        source,
    )


def load_bytes(data: bytes, source: str = "") -> Project:
    """Load a project from the bytes of a project file.

    An ordinary file (the current version, nothing the careful reader might
    refuse, no unknown keys) takes ``_load_ordinary``; any other, and any file
    that path does not accept, the careful one (``careful_load_bytes``), which
    alone decides every refusal and what it says.
    """
    with gc_paused():
        project = _load_ordinary(data)
        if project is not None:
            return project
        return _careful_load(data, source)


def careful_load_bytes(data: bytes, source: str = "") -> Project:
    """``load_bytes`` without its fast path: the pipeline every refusal comes from."""
    with gc_paused():
        return _careful_load(data, source)


def _careful_load(data: bytes, source: str) -> Project:
    document = parse_document(data, source)
    return validate_document(document, source)


def parse_document(data: bytes, source: str = "") -> dict[str, Any]:
    """Bytes → JSON document at the current format version (not yet validated)."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data), source)
    text = decode_text(data, source)
    if not text or text.isspace():  # (strip() would copy a big file's text)
        raise NotAProjectError(Problem("$", "the file is empty"), source).with_verdict(
            "not_a_project"
        )
    try:
        document = jsonsafe.loads(text)
    except jsonsafe.JsonProblem as exc:
        raise JsonSyntaxError(exc.problems, source).with_verdict(
            "damaged" if _begins_like_a_project(text) else "not_a_project"
        ) from None
    return upgrade_document(document, source)


def decode_text(data: bytes, source: str = "") -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EncodingError(
            Problem("$", "the file is UTF-16 text; project files are UTF-8"), source
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise EncodingError(
            Problem("$", "the file is binary data, not a JourneyDesk project (JSON text)"),
            source,
        ).with_verdict("not_a_project")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise EncodingError(
            Problem(
                f"line {line} byte {exc.start}",
                "the file is not UTF-8 text (save it as UTF-8)",
            ),
            source,
        ) from None


_FORMAT_KEY = re.compile(r'"format"\s*:\s*"' + re.escape(FORMAT_NAME) + '"')


def _begins_like_a_project(text: str) -> bool:
    """Whether the text starts as a project file does (an object naming our
    format near its top): cut short or hand-edited, not something else."""
    return text.lstrip().startswith("{") and _FORMAT_KEY.search(text[:4096]) is not None


def upgrade_document(document: Any, source: str = "") -> dict[str, Any]:
    """Check the root and the format version, and apply migrations."""
    if not isinstance(document, dict):
        kind = type(document).__name__
        kind = {
            "list": "an array",
            "str": "a string",
            "NoneType": "null",
            "bool": f"{_short(document)} (a boolean)",
            "int": "a number",
            "float": "a number",
        }.get(kind, kind)
        raise NotAProjectError(
            Problem("$", f"the root is {kind}; a project file holds a JSON object"), source
        ).with_verdict("not_a_project")
    fmt = document.get("format")
    if fmt != FORMAT_NAME:
        what = "has no format" if fmt is None else f"has format {_short(fmt)}"
        raise NotAProjectError(
            Problem(
                "$.format",
                f'not a JourneyDesk project: the file {what}, a project file says "{FORMAT_NAME}"',
            ),
            source,
        ).with_verdict("not_a_project")
    if "format_version" not in document:
        raise NotAProjectError(
            Problem("$.format_version", "is missing; a project file says which format version"),
            source,
        )
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise NotAProjectError(
            Problem(
                "$.format_version",
                f"{_short(version)} is not a format version (a whole number from 1)",
            ),
            source,
        )
    current = _model.FORMAT_VERSION  # looked up now, so tests can stand in a newer one
    if version > current:
        raise NewerVersionError(version, current, source)
    if version < current:
        try:
            document = migrate(document, current)
            assert isinstance(document, dict)
        except MigrationFailed as exc:
            raise MigrationError(Problem("$.format_version", str(exc)), source) from None
    return document


def _short(value: Any) -> str:
    """A value as the file writes it (JSON: "text", true, null), cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def validate_document(document: dict[str, Any], source: str = "") -> Project:
    """JSON document → validated, cross-checked Project."""
    try:
        project = Project.model_validate(document)
    except ValidationError as exc:
        raise InvalidProjectError(_validation_problems(exc), source) from None
    except RecursionError:
        raise InvalidProjectError(Problem("$", "the file nests too deeply"), source) from None
    problems = check_project(project)
    if problems:
        raise InvalidProjectError(problems, source)
    return project


def _validation_problems(exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False)[:MAX_PROBLEMS]:
        loc = [part for part in error["loc"] if not _is_pydantic_tag(part)]
        problems.append(Problem(json_path(loc), _message(error)))
    return problems


_PYDANTIC_TAG = re.compile(
    r"\[key\]|(function-(after|before|wrap|plain)|chain|union|tagged-union|nullable"
    r"|lax-or-strict|json-or-python|model|is-instance|default)\[.*\]"
)


def _is_pydantic_tag(part: int | str) -> bool:
    # Internal markers pydantic puts in a location, e.g. "function-after[_range()]" or
    # "[key]"; a key of the file's own (a score key "x[1]") is part of the path.
    return isinstance(part, str) and _PYDANTIC_TAG.fullmatch(part) is not None


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if pattern == ID_PATTERN:
            return f"{_short(value)} is not an id (a lower-case UUID)"
        if "#[0-9A-Fa-f]{6}" in pattern:
            return f"{_short(value)} is not a colour (#rrggbb)"
        if "A-Za-z]{2,8}" in pattern:
            return f"{_short(value)} is not a language tag such as en, it or pt-BR"
    if kind == "missing":
        return "is required but missing"
    message = str(error["msg"])
    if kind.startswith("value_error"):
        message = message.removeprefix("Value error, ")
    if kind in {"string_too_long", "too_long"} and isinstance(value, (str, list, dict)):
        message += f" (it has {len(value):,})"
    elif value is not None and not isinstance(value, (dict, list)) and kind != "missing":
        message += f" (found {_short(value)})"
    return message


def dump_bytes(project: Project) -> bytes:
    """The bytes of a project file: UTF-8 JSON, indented, stable key order."""
    return project.model_dump_json(indent=2).encode("utf-8") + b"\n"


def checked_bytes(project: Project, source: str = "") -> bytes:
    """The bytes of ``project``'s file, once the loader has accepted them.

    Raises UnsavableProjectError with the loader's problems (dangling references,
    values out of range, text no UTF-8 file can hold...) otherwise.
    """
    try:
        data = dump_bytes(project)
    except ValueError as exc:  # pydantic could not serialise a value: say where, if a text
        problems = jsonsafe.text_problems(project.model_dump(mode="python"))
        raise UnsavableProjectError(
            problems or [Problem("$", f"cannot be written: {exc}")], source
        ) from None
    if _surely_loads(project, data):
        return data
    try:
        careful_load_bytes(data, source)
    except ProjectFileError as exc:
        raise UnsavableProjectError(exc.problems, source) from None
    return data


_LONG_NUMBER = b"0" * (jsonsafe.MAX_INT_DIGITS + 1)
_DIGITS_AND_OPENERS = bytes(48 if 48 <= b <= 57 else 44 if b in b",[{" else 32 for b in range(256))
"""Digits as 0; a comma or an opening bracket as a comma (each counts a JSON value
at most, as ``jsonsafe.count_values``' bound); anything else a space."""
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _doubtful(data: bytes) -> bool:
    """Whatever might make ``jsonsafe`` refuse ``data`` that pydantic's reader
    takes: a NaN or an infinity, a run of more digits than a number may have, a
    surrogate escape. Found inside strings too (a card titled "Infinity"): then
    the careful reader decides, slower. Substring searches at memory speed (a
    regex took 0.5 s on a 5,000-card file)."""
    return _odd_words(data) or _numbers_and_values(data)[0]


def _odd_words(data: bytes) -> bool:
    """NaN, an infinity or a surrogate escape, anywhere in ``data``."""
    return (
        b"NaN" in data
        or b"Infinity" in data
        or (b"\\u" in data and _SURROGATE.search(data) is not None)
    )


def _numbers_and_values(data: bytes) -> tuple[bool, int]:
    """Whether ``data`` holds a run of more digits than a number may have, and
    ``jsonsafe.count_values``' upper bound of its JSON values (no ASCII byte is part
    of a UTF-8 sequence, so both can be read on the bytes): one pass for both."""
    shape = data.translate(_DIGITS_AND_OPENERS)
    return _LONG_NUMBER in shape, 1 + shape.count(b",")


def _surely_loads(project: Project, data: bytes) -> bool:
    """Whether the loader accepts ``data``, the bytes just dumped from ``project``,
    decided without its slow part (issue #14: Save re-read a 5,000-card file in
    0.67 s, 1.8 s at 20,000, blocking the window).

    ``load_bytes`` = size limit, UTF-8 text, ``jsonsafe`` (duplicate keys, NaN,
    huge integers, depth and lengths, surrogates, value count), format and
    version, model validation, ``check_project``. Here, on bytes pydantic itself
    wrote from a model: UTF-8 is certain (``str.encode`` wrote it) and keys are
    unique (written from a model's fields and dicts); the rest of ``jsonsafe`` is
    settled by the value count, a scan for anything it might refuse, and the model's
    own bounds on every list and dict (which hold for everything but unknown keys
    kept from a newer file: a project with any of those takes the full loader);
    then the model validates straight from the bytes and ``check_project``'s quick
    pass must find it clean, with no unknown keys. Any doubt, and any refusal, goes
    to the full loader, so what it says (the problems and their paths) is exactly
    what a load would say.
    """
    if len(data) > MAX_FILE_BYTES or _odd_words(data):
        return False
    long_number, values = _numbers_and_values(data)
    if long_number or values > jsonsafe.MAX_VALUES:  # past the bound the full loader counts
        return False
    with gc_paused():
        try:
            again = Project.model_validate_json(data)
        except (ValidationError, RecursionError, ValueError):
            return False
        if again.format != FORMAT_NAME or again.format_version != _model.FORMAT_VERSION:
            return False
        return surely_clean(again, extras_ok=False)


def _load_ordinary(data: bytes) -> Project | None:
    """The project of ``data`` if it is an ordinary file, decided fast; else None.

    Issue #14: the careful reader (``jsonsafe.loads``: a Python call per object
    and number, then a walk for depth and lengths) and the validation of its
    objects took 250-320 ms for a 5,000-card file, against 35-70 ms for a bare
    ``json.loads``. Here ``jiter`` (the parser inside pydantic, as a library) reads
    the bytes, refusing duplicate keys, NaN and infinities, invalid UTF-8 and lone
    surrogate escapes itself (surrogate pairs it reads as Python's reader does:
    tests/io/test_load_fast.py); nothing else the careful path refuses gets through:

    - size and value count: the same limits, on the bytes (the count by its upper bound);
    - a UTF-16 or binary file: the same test of the first bytes;
    - an integer with more digits than allowed: any run of that many digits sends
      the file the careful way; a float too large (``1e400``, read as infinity) is
      refused by the model, which allows no infinity;
    - nesting and lengths: every list and dict of the model is bounded within the
      reader's limits and the model nests far less deep (tests/io/test_load_fast.py
      checks its schema), so only unknown keys could hold more: a project with any
      takes the careful path (which keeps them for the round trip);
    - an older format version: the careful path migrates it.

    The document (equal to the careful reader's) is validated the same way, and
    ``check_project``'s quick pass must find the project clean: at any doubt the
    careful path runs from the start, so it alone words every refusal.
    """
    if len(data) > MAX_FILE_BYTES or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        return None
    long_number, values = _numbers_and_values(data)
    if long_number or values > jsonsafe.MAX_VALUES:
        return None
    jiter.cache_clear()  # keys are cached within one read, never from an earlier one
    try:
        document = jiter.from_json(
            data, allow_inf_nan=False, catch_duplicate_keys=True, cache_mode="keys"
        )
    except Exception:  # whatever it is, the careful reader words it
        return None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        return None
    version = document.get("format_version")
    if type(version) is not int or version != _model.FORMAT_VERSION:
        return None
    try:
        project = Project.model_validate(document)
    except (ValidationError, RecursionError, ValueError):
        return None
    return project if surely_clean(project, extras_ok=False) else None


def write_project(project: Project, path: str | os.PathLike[str]) -> FileIdentity | None:
    """Save atomically: the previous file is intact until the new one is complete.

    Nothing is written when the loader would refuse the result
    (UnsavableProjectError, an OSError too). Returns the identity of the written
    file (None if it cannot be stat'ed).
    """
    data = checked_bytes(project, os.fspath(path))
    atomic_write_bytes(Path(path), data)
    return identity_after_write(path, data)


def validate_file(path: str | os.PathLike[str]) -> list[str]:
    """Every problem of a file as ``FILE: WHERE: WHAT`` lines (empty when valid)."""
    try:
        read_project(path)
    except ProjectFileError as exc:
        return exc.lines()
    return []
