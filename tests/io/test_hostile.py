"""Hostile project files: each is refused with the right error, path and reason.

The small files live in tests/hostile/ (made by tests/hostile/make_corpus.py
from the sample in journey_samples.py, one defect each); the big ones are
generated here. Every case asserts the ProjectFileError subclass, the JSON
path (or line) of the problem and words saying what is wrong. Load times are
measured and reported (a warning past 2 s), never asserted.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import pytest
from journey_samples import C1, C21, L4, SP21, sample_project

from journeydesk.io import (
    MAX_FILE_BYTES,
    EncodingError,
    FileTooLargeError,
    InvalidProjectError,
    JsonSyntaxError,
    NewerVersionError,
    NotAProjectError,
    ProjectFileError,
    UnreadableFileError,
    dump_bytes,
    jsonsafe,
    load_bytes,
    project_file,
    read_project,
    validate_file,
)
from journeydesk.model import FORMAT_VERSION, Project

CORPUS = Path(__file__).resolve().parents[1] / "hostile"
MISSING = "00000000-0000-4000-8000-999999999999"
SLOW_SECONDS = 2.0


@dataclass(frozen=True)
class Expect:
    error: type[ProjectFileError]
    path: str | re.Pattern[str]
    says: tuple[str, ...] = ()
    count: int = 1


def E(
    error: type[ProjectFileError], path: str | re.Pattern[str], *says: str, count: int = 1
) -> Expect:
    return Expect(error, path, says, count)


LOADS = ("valid.journey", "utf8_bom.journey", "unknown_keys.journey", "unknown_vocabulary.journey")

EXPECTED: dict[str, Expect] = {
    "empty.journey": E(NotAProjectError, "$", "empty"),
    "whitespace_only.journey": E(NotAProjectError, "$", "empty"),
    "binary_garbage.journey": E(EncodingError, "$", "binary", "not a JourneyDesk project"),
    "png_renamed.journey": E(EncodingError, "$", "binary"),
    "utf16_bom.journey": E(EncodingError, "$", "UTF-16", "UTF-8"),
    # "Perché": the é is byte 69, on line 4.
    "latin1_italian.journey": E(EncodingError, "line 4 byte 69", "not UTF-8"),
    "truncated.journey": E(JsonSyntaxError, re.compile(r"line \d+ column \d+"), "not valid JSON"),
    "root_array.journey": E(NotAProjectError, "$", "root is an array", "JSON object"),
    "root_string.journey": E(NotAProjectError, "$", "root is a string"),
    "root_number.journey": E(NotAProjectError, "$", "root is a number"),
    "root_null.journey": E(NotAProjectError, "$", "root is null"),
    "not_journeydesk.journey": E(
        NotAProjectError, "$.format", "not a JourneyDesk project", "no format"
    ),
    "other_format.journey": E(
        NotAProjectError, "$.format", "not a JourneyDesk project", '"draw.io"'
    ),
    "format_version_missing.journey": E(NotAProjectError, "$.format_version", "missing"),
    "format_version_string.journey": E(
        NotAProjectError, "$.format_version", '"1" is not a format version'
    ),
    "format_version_bool.journey": E(
        NotAProjectError, "$.format_version", "true is not a format version"
    ),
    "format_version_zero.journey": E(
        NotAProjectError, "$.format_version", "0 is not a format version"
    ),
    "format_version_negative.journey": E(
        NotAProjectError, "$.format_version", "-1 is not a format version"
    ),
    "format_version_float.journey": E(
        NotAProjectError, "$.format_version", "1.5 is not a format version"
    ),
    "format_version_future.journey": E(
        NewerVersionError,
        "$.format_version",
        "format version 99",
        f"up to {FORMAT_VERSION}",
        "newer",
    ),
    "deep_unknown_key.journey": E(
        JsonSyntaxError, "$.x_future_layout" + "[0]" * 63, "nesting is deeper than the 64 levels"
    ),
    "number_1e999.journey": E(
        JsonSyntaxError, "$.maps[0].curves[0].points[1].score", "1e999", "too large"
    ),
    "integer_10e30.journey": E(
        JsonSyntaxError, "$.maps[0].cards[2].order", "31 digits", "this large are refused"
    ),
    "negative_infinity.journey": E(
        JsonSyntaxError, "$.metrics[0].target", "-Infinity", "not a number"
    ),
    "nan.journey": E(JsonSyntaxError, "$.maps[0].stages[0].kpis[0].value", "NaN", "not a number"),
    "duplicate_key_root.journey": E(JsonSyntaxError, "$.title", '"title"', "more than once"),
    "duplicate_key_card.journey": E(
        JsonSyntaxError, "$.maps[0].cards[1].title", '"title"', "more than once"
    ),
    "lone_surrogate.journey": E(JsonSyntaxError, "$.maps[0].cards[0].x_note", "surrogate"),
    "surrogate_after_escaped_backslash.journey": E(
        JsonSyntaxError, "$.maps[0].cards[0].x_note", "surrogate"
    ),
    "dangling_card_step.journey": E(
        InvalidProjectError, "$.maps[0].cards[0].step", f"step {MISSING} does not exist"
    ),
    "card_step_of_other_map.journey": E(
        InvalidProjectError, "$.maps[0].cards[0].step", f"step {SP21} does not exist in this map"
    ),
    "dangling_card_lane.journey": E(
        InvalidProjectError, "$.maps[0].cards[0].lane", f"lane {MISSING} does not exist"
    ),
    "dangling_owner_team.journey": E(
        InvalidProjectError, "$.maps[0].cards[1].owners[0].team", f"team {MISSING} does not exist"
    ),
    "dangling_evidence_source.journey": E(
        InvalidProjectError,
        "$.maps[0].cards[1].evidence[0].source",
        f"source {MISSING} does not exist",
    ),
    "connection_to_other_map.journey": E(
        InvalidProjectError,
        "$.maps[0].connections[0].target",
        f"card {C21} does not exist in this map",
    ),
    "derived_without_based_on.journey": E(
        InvalidProjectError, "$.maps[1].cards[0].derived_from", "no based_on"
    ),
    "based_on_itself.journey": E(InvalidProjectError, "$.maps[1].based_on", "based on itself"),
    "dangling_comment_target.journey": E(
        InvalidProjectError, "$.comments[0].target", f"element {MISSING} does not exist"
    ),
    "dangling_persona_photo.journey": E(
        InvalidProjectError, "$.personas[0].photo", f"asset {MISSING} does not exist"
    ),
    "duplicate_card_id.journey": E(
        InvalidProjectError, "$.maps[0].cards[3].id", C1, "already used at $.maps[0].cards[0]"
    ),
    "card_and_lane_share_id.journey": E(
        InvalidProjectError, "$.maps[0].cards[3].id", L4, "already used at $.maps[0].lanes[3]"
    ),
    "curve_score_outside_scale.journey": E(
        InvalidProjectError,
        "$.maps[0].curves[0].points[0].score",
        "3 is outside the curve's scale -2..2",
    ),
    "curve_offset_1_5.journey": E(
        InvalidProjectError,
        "$.maps[0].curves[0].points[0].offset",
        "less than or equal to 1",
        "1.5",
    ),
    "span_beyond_last_step.journey": E(
        InvalidProjectError, "$.maps[0].cards[0].span_steps", "spans 9 steps", "only 4 follow"
    ),
    "span_zero.journey": E(
        InvalidProjectError,
        "$.maps[0].cards[0].span_steps",
        "greater than or equal to 1",
        "found 0",
    ),
    "opportunity_score_9.journey": E(
        InvalidProjectError, "$.maps[0].cards[3].scores.impact", "9 is outside the range 1..5"
    ),
    "unknown_score_key.journey": E(
        InvalidProjectError,
        '$.maps[0].cards[3].scores["wow factor"]',
        "'wow factor' is not defined",
    ),
    "id_not_a_uuid.journey": E(
        InvalidProjectError, "$.maps[0].cards[0].id", '"card-1" is not an id'
    ),
    "name_600_chars.journey": E(
        InvalidProjectError, "$.personas[0].name", "at most 500 characters", "600"
    ),
    "tags_over_limit.journey": E(
        InvalidProjectError, "$.maps[0].cards[1].tags", "at most 1000 items", "1,001"
    ),
    "asset_base64_garbage.journey": E(InvalidProjectError, "$.assets[0].data", "not valid base64"),
    "asset_size_mismatch.journey": E(
        InvalidProjectError, "$.assets[0].data", "image is 1×1 pixels but the asset says 64×48"
    ),
    "asset_30000px.journey": E(
        InvalidProjectError, "$.assets[0].data", "30000×30000", "limit is 20000"
    ),
    "asset_100_megapixels.journey": E(
        InvalidProjectError, "$.assets[0].data", "100,000,000 pixels", "limit is 50,000,000"
    ),
    "several_problems.journey": E(InvalidProjectError, "$.comments[0].target", MISSING, count=4),
}


def timed_load(path: Path, request: pytest.FixtureRequest) -> ProjectFileError | Project:
    """read_project(path): the error it raised, or the project. Records the time taken."""
    start = time.perf_counter()
    try:
        result: ProjectFileError | Project = read_project(path)
    except ProjectFileError as exc:
        result = exc
    seconds = time.perf_counter() - start
    request.node.user_properties.append(("load_seconds", round(seconds, 4)))
    if seconds > SLOW_SECONDS:
        warnings.warn(f"{path.name} took {seconds:.2f} s to refuse", stacklevel=2)
    return result


def check(exc: ProjectFileError, expect: Expect) -> None:
    __tracebackhide__ = True
    assert type(exc) is expect.error, f"{type(exc).__name__}: {exc.lines()}"
    first = exc.problems[0]
    if isinstance(expect.path, re.Pattern):
        assert expect.path.fullmatch(first.path), first
    else:
        assert first.path == expect.path, first
    for words in expect.says:
        assert words in first.message, first
    assert len(exc.problems) == expect.count, exc.lines()
    # Never a traceback's worth of internals: the messages are sentences.
    for problem in exc.problems:
        assert "Traceback" not in problem.message
        assert not re.search(r"NoneType|<class |\bself\b", problem.message), problem


def test_every_corpus_file_has_an_expectation() -> None:
    on_disk = {p.name for p in CORPUS.glob("*.journey")}
    assert on_disk == set(EXPECTED) | set(LOADS)
    for path in CORPUS.glob("*.journey"):
        assert path.stat().st_size < 100_000, f"{path.name}: generate big files in the test"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_refused_with_path_and_reason(
    name: str, request: pytest.FixtureRequest
) -> None:
    result = timed_load(CORPUS / name, request)
    assert isinstance(result, ProjectFileError), f"{name} loaded"
    check(result, EXPECTED[name])
    assert result.source == str(CORPUS / name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_bytes_refuses_the_same_way(name: str) -> None:
    with pytest.raises(ProjectFileError) as info:
        load_bytes((CORPUS / name).read_bytes())
    check(info.value, EXPECTED[name])


@pytest.mark.parametrize("name", LOADS)
def test_good_files_load(name: str, request: pytest.FixtureRequest) -> None:
    result = timed_load(CORPUS / name, request)
    assert isinstance(result, Project), result
    assert result.title == "Negozio Rossi — percorso d'acquisto"


def test_valid_corpus_file_is_the_sample() -> None:
    # Each broken file is the sample plus one defect: the sample itself is clean.
    assert read_project(CORPUS / "valid.journey") == sample_project(), (
        "the corpus is out of date: run python tests/hostile/make_corpus.py"
    )


def test_utf8_bom_loads_like_the_file_without_it() -> None:
    with_bom = (CORPUS / "utf8_bom.journey").read_bytes()
    assert with_bom.startswith(b"\xef\xbb\xbf")
    assert load_bytes(with_bom) == load_bytes(with_bom[3:])
    assert load_bytes(with_bom).maps[0].stages[2].name == "Dopo l'acquisto"
    assert load_bytes(with_bom).maps[0].cards[0].title == "Cerca «scarpe da corsa»"


def test_truncated_file_error_points_at_its_end() -> None:
    data = (CORPUS / "truncated.journey").read_bytes()
    with pytest.raises(JsonSyntaxError) as info:
        load_bytes(data)
    line = int(re.match(r"line (\d+)", info.value.problems[0].path).group(1))  # type: ignore[union-attr]
    assert line == data.count(b"\n") + 1


def test_latin1_error_points_at_the_first_accent() -> None:
    data = (CORPUS / "latin1_italian.journey").read_bytes()
    with pytest.raises(EncodingError) as info:
        load_bytes(data)
    assert info.value.problems[0].path == f"line 4 byte {data.index('é'.encode('latin-1'))}"


def test_newer_version_error_names_both_versions() -> None:
    with pytest.raises(NewerVersionError) as info:
        read_project(CORPUS / "format_version_future.journey")
    assert (info.value.found, info.value.supported) == (99, FORMAT_VERSION)


# --- generated: nesting ------------------------------------------------------

HEAD = b'{"format": "journeydesk", "format_version": 1, "x_unknown": '


@pytest.mark.parametrize("levels", [10_000, 100_000])
@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_deep_nesting_is_refused_without_crashing(
    levels: int, closed: bool, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    data = b"[" * levels + (b"]" * levels if closed else b"")
    path = tmp_path / "deep.journey"
    path.write_bytes(data)
    limit = sys.getrecursionlimit()
    result = timed_load(path, request)
    assert sys.getrecursionlimit() == limit
    assert isinstance(result, JsonSyntaxError), result
    assert result.problems[0].path == "$"
    assert "nesting is deeper than the 64 levels" in result.problems[0].message


@pytest.mark.parametrize("levels", [65, 300, 900, 5_000])
@pytest.mark.parametrize(
    "inner", [b'{"a": 1, "a": 2}', b"NaN", b'"ok"'], ids=["duplicate", "nan", "plain"]
)
def test_deep_nesting_inside_an_unknown_key(levels: int, inner: bytes) -> None:
    # Something else to report at the bottom must not make the reporter recurse.
    data = HEAD + b"[" * levels + inner + b"]" * levels + b"}"
    with pytest.raises(JsonSyntaxError) as info:
        load_bytes(data)
    problem = info.value.problems[0]
    assert "nesting is deeper than the 64 levels" in problem.message
    assert problem.path in ("$", "$.x_unknown" + "[0]" * 63)


def test_nesting_at_the_limit_loads() -> None:
    # 64 levels in all: the root object and 63 arrays below it.
    data = HEAD + b"[" * 63 + b"]" * 63 + b"}"
    project = load_bytes(data)
    assert project.model_extra is not None and "x_unknown" in project.model_extra
    with pytest.raises(JsonSyntaxError) as info:
        load_bytes(HEAD + b"[" * 64 + b"]" * 64 + b"}")
    assert info.value.problems[0].path == "$.x_unknown" + "[0]" * 63


# --- generated: huge lists -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "path", "words"),
    [
        (b'"comments": [' + b",".join([b"{}"] * 150_000) + b"]", "$.comments", "150,000 items"),
        (b'"x_big": [' + b",".join([b"0"] * 200_000) + b"]", "$.x_big", "200,000 items"),
        (
            b'"x_big": {' + b",".join(b'"k%d": 0' % i for i in range(120_000)) + b"}",
            "$.x_big",
            "120,000 keys",
        ),
    ],
    ids=["comments", "unknown-array", "unknown-object"],
)
def test_huge_arrays_are_refused_before_validation(
    body: bytes, path: str, words: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    file = tmp_path / "huge.journey"
    file.write_bytes(b'{"format": "journeydesk", "format_version": 1, ' + body + b"}")
    result = timed_load(file, request)
    assert isinstance(result, JsonSyntaxError), result
    assert result.problems[0].path == path
    assert words in result.problems[0].message
    assert "at most 100,000" in result.problems[0].message


# --- generated: size ----------------------------------------------------------


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything reaches the text decoder or the JSON parser."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was parsed; it should have been refused by its size")

    monkeypatch.setattr(project_file, "decode_text", refuse)
    monkeypatch.setattr(jsonsafe, "loads", refuse)


def test_oversize_sparse_file_is_refused_by_size(
    tmp_path: Path, no_parsing: None, request: pytest.FixtureRequest
) -> None:
    path = tmp_path / "huge.journey"
    with open(path, "wb") as handle:
        handle.write(b'{"format": "journeydesk", "format_version": 1, "title": "')
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk, no time
    result = timed_load(path, request)
    assert isinstance(result, FileTooLargeError), result
    assert result.problems[0].path == "$"
    assert "100.0 MiB" in result.problems[0].message
    assert "limited to 100 MiB" in result.problems[0].message


def test_oversize_real_file_is_refused_by_size(
    tmp_path: Path, no_parsing: None, request: pytest.FixtureRequest
) -> None:
    path = tmp_path / "huge.journey"
    chunk = b"a" * (4 * 1024 * 1024)
    with open(path, "wb") as handle:
        handle.write(b'{"format": "journeydesk", "format_version": 1, "title": "')
        for _ in range(26):  # 104 MiB of text
            handle.write(chunk)
        handle.write(b'"}\n')
    assert path.stat().st_size > MAX_FILE_BYTES
    result = timed_load(path, request)
    assert isinstance(result, FileTooLargeError), result
    assert "104.0 MiB" in result.problems[0].message


def test_oversize_bytes_are_refused_by_size(no_parsing: None) -> None:
    data = b" " * (MAX_FILE_BYTES + 1)
    with pytest.raises(FileTooLargeError):
        load_bytes(data)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_endless_device_is_read_only_up_to_the_limit(no_parsing: None) -> None:
    # A device reports size 0; the reader must stop at the limit, not read forever.
    with pytest.raises(FileTooLargeError):
        read_project("/dev/zero")


# --- the file system ------------------------------------------------------------


def test_folder_instead_of_file(tmp_path: Path) -> None:
    folder = tmp_path / "looks-like.journey"
    folder.mkdir()
    with pytest.raises(UnreadableFileError) as info:
        read_project(folder)
    assert info.value.lines() == [f"{folder}: $: is a folder, not a project file"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as info:
        read_project(tmp_path / "nowhere.journey")
    assert info.value.problems[0].path == "$"
    assert "no such file" in info.value.problems[0].message


def test_file_without_read_permission(tmp_path: Path) -> None:
    """A real chmod 0. Root reads any file, so as root (CI) the check runs in a
    child process that imports JourneyDesk, then drops to the unprivileged
    user ``nobody`` before reading a file in a folder ``nobody`` may enter."""
    folder = Path(tempfile.mkdtemp(prefix="jd-perm-"))
    try:
        folder.chmod(0o755)
        path = folder / "secret.journey"
        path.write_bytes(dump_bytes(sample_project()))
        path.chmod(0)
        if os.geteuid() != 0:
            with pytest.raises(UnreadableFileError) as info:
                read_project(path)
            assert "permission denied" in info.value.problems[0].message
            return
        code = (
            "import os, sys\n"
            "from journeydesk.io import read_project, UnreadableFileError\n"
            "os.setgid(65534); os.setuid(65534)\n"
            "try:\n"
            "    read_project(sys.argv[1])\n"
            "except UnreadableFileError as e:\n"
            "    print(e.lines()[0])\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True, text=True, timeout=60, cwd="/",
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == f"{path}: $: permission denied"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
        (OSError(errno.EIO, "Input/output error"), "cannot be read: Input/output error"),
    ],
    ids=["permission", "io-error"],
)
def test_open_failures_become_unreadable_file_errors(
    error: OSError, words: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Runs as root too (where chmod 0 denies nothing): the failure comes from open().
    path = tmp_path / "p.journey"
    path.write_bytes(dump_bytes(sample_project()))

    def failing_open(*args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr(project_file, "open", failing_open, raising=False)
    with pytest.raises(UnreadableFileError) as info:
        read_project(path)
    assert info.value.problems[0].path == "$"
    assert words in info.value.problems[0].message


# --- what survives ----------------------------------------------------------------


def test_unknown_keys_survive_load_dump_load() -> None:
    project = read_project(CORPUS / "unknown_keys.journey")
    assert project.model_extra == {
        "x_future_setting": {"grid": [1, 2.5, "tre", None, True], "nested": {"a": {}}}
    }
    card = project.maps[0].cards[1]
    assert card.model_extra == {"x_card_extra": {"votes": 3, "voters": ["Anna", "Bruno"]}}
    assert card.evidence[0].model_extra == {"x_transcript_line": 42}
    assert project.maps[0].model_extra == {"x_map_layout": "compact"}
    assert project.vocabularies.model_extra == {"x_palette": "pastello"}

    data = dump_bytes(project)
    for key in (
        b'"x_future_setting"',
        b'"x_card_extra"',
        b'"x_transcript_line"',
        b'"x_map_layout"',
        b'"x_palette"',
    ):
        assert data.count(key) == 1, key
    again = load_bytes(data)
    assert again == project
    assert again.maps[0].cards[1].model_extra == card.model_extra
    assert dump_bytes(again) == data
    # Known keys keep the model's order; unknown ones come after them.
    text = data.decode()
    assert text.index('"comments"') < text.index('"x_future_setting"')
    assert type(again.model_extra["x_future_setting"]["grid"][1]) is float  # type: ignore[index]
    assert type(again.model_extra["x_future_setting"]["grid"][0]) is int  # type: ignore[index]


def test_unknown_vocabulary_values_are_kept() -> None:
    project = read_project(CORPUS / "unknown_vocabulary.journey")
    jmap = project.maps[0]
    assert jmap.cards[0].kind == "kano_delighter"
    assert jmap.cards[1].channel == "carrier_pigeon"
    assert jmap.cards[1].evidence[0].method == "tea_leaves"
    assert jmap.cards[3].status == "someday"
    assert jmap.lanes[0].kind == "kano"
    assert jmap.connections[0].kind == "teleport"
    again = load_bytes(dump_bytes(project))
    assert again == project
    assert again.maps[0].cards[1].channel == "carrier_pigeon"


# --- validate_file: every problem, one line each ----------------------------------


JSON_PATH = r'\$(?:\.[^.\[\s:]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*'
LINE = re.compile(
    rf"^(?P<file>.+?): (?P<where>{JSON_PATH}|line \d+ (column|byte) \d+): (?P<what>\S.*)$"
)


def test_validate_file_reports_every_problem_one_line_each() -> None:
    path = CORPUS / "several_problems.journey"
    lines = validate_file(path)
    assert lines == [
        f"{path}: $.comments[0].target: element {MISSING} does not exist",
        f"{path}: $.maps[0].cards[0].step: step {MISSING} does not exist in this map",
        f"{path}: $.maps[0].cards[1].owners[0].team: team {MISSING} does not exist",
        f"{path}: $.maps[0].curves[0].points[2].score: 7 is outside the curve's scale -2..2",
    ]
    with pytest.raises(InvalidProjectError) as info:
        read_project(path)
    assert str(info.value).endswith("(and 3 more problems)")


def test_validate_file_is_empty_for_a_good_file() -> None:
    assert validate_file(CORPUS / "valid.journey") == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_file_lines_are_file_where_what(name: str) -> None:
    path = CORPUS / name
    lines = validate_file(path)
    assert len(lines) == EXPECTED[name].count
    for line in lines:
        assert "\n" not in line
        match = LINE.match(line)
        assert match, line
        assert match["file"] == str(path)
    expected = EXPECTED[name].path
    where = re.compile(re.escape(expected)) if isinstance(expected, str) else expected
    first = LINE.match(lines[0])
    assert first is not None and where.fullmatch(first["where"]), lines[0]


def test_validate_file_on_missing_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "gone.journey"
    assert validate_file(path) == [f"{path}: $: no such file"]
