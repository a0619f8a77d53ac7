"""What an import did: cards added and updated, rows refused, and why.

Every message names where it applies the way the file's author can find it
(``row N, column C`` for tables, ``line N`` for Mermaid), so the command line
prints ``FILE: WHERE: WHAT`` and the app's preview lists the same lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    where: str
    """``row 4, column stage``, ``line 7``, ``$``."""
    text: str
    warning: bool = True
    """False: the row or line was refused (or the whole file, for an error)."""

    def line(self, source: str) -> str:
        what = f"warning: {self.text}" if self.warning else self.text
        return f"{source}: {self.where}: {what}"


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    """Ids of the elements added (cards; stages for KPIs)."""
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    """Ids of existing elements a row named that it left as they were."""
    refused: list[int] = field(default_factory=list)
    """Row or line numbers refused."""
    created: list[str] = field(default_factory=list)
    """Things created on the way, as short phrases: ``stage "Buy"``, ``team "Sales"``."""
    changes: list[str] = field(default_factory=list)
    """What changed, one phrase each (KPIs: ``Buy: NPS 30 -> 42.5``)."""
    messages: list[Message] = field(default_factory=list)

    def warn(self, where: str, text: str) -> None:
        self.messages.append(Message(where, text, True))

    def refuse(self, where: str, text: str, row: int | None = None) -> None:
        self.messages.append(Message(where, text, False))
        if row is not None and row not in self.refused:
            self.refused.append(row)

    @property
    def failed(self) -> bool:
        """True when something was refused (the command's exit status is then 1)."""
        return any(not m.warning for m in self.messages)

    def check(self, project: object) -> None:
        """Refuse the whole import when its result would not load (a bug of an importer
        must not reach a document): each of the loader's problems becomes a message."""
        from pydantic import ValidationError

        from journeydesk.model.checks import check_project
        from journeydesk.model.project import Project

        assert isinstance(project, Project)
        try:
            Project.model_validate(project.model_dump())
        except ValidationError as exc:
            for error in exc.errors()[:20]:
                where = "$." + ".".join(str(p) for p in error["loc"])
                self.messages.append(Message(where, str(error["msg"]), False))
            return
        for problem in check_project(project)[:20]:
            self.messages.append(Message(problem.path, problem.message, False))

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} added",
            f"{len(self.updated)} updated",
            f"{len(self.refused)} refused",
        ]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} unchanged")
        return ", ".join(parts)
