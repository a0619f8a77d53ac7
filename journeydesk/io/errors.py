"""Typed errors of project files.

Each error carries the problems found, each with a JSON path (or a line and
column for syntax errors). The CLI prints them as ``FILE: WHERE: WHAT``; the
UI turns them into a sentence. Never a traceback.
"""

from __future__ import annotations

from journeydesk.model.checks import Problem


class ProjectFileError(Exception):
    """A project file could not be read, or was refused."""

    def __init__(self, problems: list[Problem] | Problem, source: str = "") -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        self.source = source
        super().__init__(self.summary())

    def summary(self) -> str:
        first = self.problems[0] if self.problems else Problem("$", "unknown problem")
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more != 1 else ''})" if more > 0 else ""
        return f"{first}{tail}"

    def lines(self) -> list[str]:
        """One line per problem: ``FILE: WHERE: WHAT``."""
        prefix = f"{self.source}: " if self.source else ""
        return [f"{prefix}{p.path}: {p.message}" for p in self.problems]

    verdict: str = ""
    """What the file is, when that says more than its problems: ``"not_a_project"``
    (not JSON, binary data, JSON of something else) or ``"damaged"`` (begins like
    a project but is not whole JSON); empty otherwise."""

    def headline(self) -> str:
        """The verdict as a sentence for people, without the file name ("" when none)."""
        return {
            "not_a_project": "is not a JourneyDesk project",
            "damaged": "is a damaged JourneyDesk project (not complete JSON)",
        }.get(self.verdict, "")

    def report_lines(self) -> list[str]:
        """The lines the command line prints: the verdict first, when there is
        one, then one line per problem (all ``FILE: WHERE: WHAT``)."""
        prefix = f"{self.source}: " if self.source else ""
        head = [f"{prefix}$: {self.headline()}"] if self.headline() else []
        return head + self.lines()

    def with_verdict(self, verdict: str) -> ProjectFileError:
        self.verdict = verdict
        return self


class UnreadableFileError(ProjectFileError):
    """The file cannot be opened or read (missing, a folder, no permission)."""


class FileTooLargeError(ProjectFileError):
    """The file is larger than a project file may be."""


class EncodingError(ProjectFileError):
    """The bytes are not UTF-8 text."""


class JsonSyntaxError(ProjectFileError):
    """The text is not JSON, or JSON that a safe reader refuses."""


class NotAProjectError(ProjectFileError):
    """Valid JSON, but not a JourneyDesk project (wrong root or format name)."""


class NewerVersionError(ProjectFileError):
    """Written by a newer JourneyDesk whose format this version cannot read."""

    def __init__(self, found: int, supported: int, source: str = "") -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            Problem(
                "$.format_version",
                f"the file has format version {found}, written by a newer JourneyDesk; "
                f"this version reads format versions up to {supported}",
            ),
            source,
        )


class MigrationError(ProjectFileError):
    """An older file could not be brought up to the current format."""


class InvalidProjectError(ProjectFileError):
    """The project breaks the model's rules (types, ranges, references)."""


class UnsavableProjectError(ProjectFileError, OSError):
    """The project would be refused when read back, so it was not written.

    Saving checks what it writes with the loader (DESIGN.md rule 12: never
    write a file you would refuse to read); the problems are the loader's. It is
    also an OSError, so every caller that reports a failed write (the app's Save,
    ``journeydesk new``) reports this one the same way, the file on disk untouched.
    """

    def summary(self) -> str:
        return "not saved: the file would be refused when opened: " + super().summary()
