"""Labels, icons and colours of open-vocabulary values, as a map shows them.

A project's own definitions win over the built-in ones; a value nobody
defines is shown as written (DESIGN.md rule 6).
"""

from __future__ import annotations

from dataclasses import dataclass

from journeydesk.model.project import Project
from journeydesk.model.vocab import BUILT_IN


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    icon: str | None
    colour: str | None
    known: bool


class Vocabulary:
    def __init__(self, project: Project, language: str) -> None:
        self.language = language.split("-", 1)[0].lower()
        self._entries: dict[str, dict[str, Entry]] = {}
        for name, terms in BUILT_IN.items():
            table = {
                t.key: Entry(t.key, t.label(self.language), t.icon, t.colour, True) for t in terms
            }
            for own in getattr(project.vocabularies, name):
                base = table.get(own.key)
                label = (
                    own.label.get(language)
                    or own.label.get(self.language)
                    or own.label.get("en")
                    or (base.label if base else own.key)
                )
                table[own.key] = Entry(
                    own.key,
                    label,
                    own.icon or (base.icon if base else None),
                    own.colour or (base.colour if base else None),
                    True,
                )
            self._entries[name] = table

    def entry(self, vocabulary: str, key: str) -> Entry:
        found = self._entries[vocabulary].get(key)
        if found is not None:
            return found
        return Entry(key, key.replace("_", " "), None, None, False)

    def entries(self, vocabulary: str) -> list[Entry]:
        """The built-in entries in their order, then the project's own."""
        return list(self._entries[vocabulary].values())

    def label(self, vocabulary: str, key: str) -> str:
        return self.entry(vocabulary, key).label
