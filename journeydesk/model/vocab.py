"""Built-in vocabularies: channels, card kinds, lane kinds, evidence methods,
connection kinds and opportunity statuses.

Vocabularies are open (DESIGN.md rule 6): a value is a plain string, these are
the defaults, a project may define more (``Project.vocabularies``) with labels
per language, an icon name and a colour, and a value nobody defined is kept
and shown as it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .catalogue import QT_TRANSLATE_NOOP, Word, translate

VocabularyName = Literal[
    "channels", "card_kinds", "lane_kinds", "evidence_methods", "connection_kinds", "statuses"
]


@dataclass(frozen=True)
class Term:
    key: str
    labels: dict[str, str]
    icon: str | None = None
    colour: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        base = lang.split("-", 1)[0].lower()
        return self.labels.get(lang) or self.labels.get(base) or self.labels.get("en") or self.key


WORDS: list[Word] = []
"""The built-in terms' labels, in the catalogue's form (``model/catalogue.py``):
extracted into the ``.ts`` with every other string, their Italian read from
the compiled ``.qm``."""


def _t(key: str, word: Word, icon: str | None = None, colour: str | None = None) -> Term:
    WORDS.append(word)
    return Term(key, {"en": word.source, "it": translate(word, "it")}, icon, colour)


CHANNELS: tuple[Term, ...] = (
    _t("web", QT_TRANSLATE_NOOP("Channels", "Website"), "web", "#2F6FB3"),
    _t("app", QT_TRANSLATE_NOOP("Channels", "Mobile app"), "cellphone", "#5B4BB7"),
    _t("store", QT_TRANSLATE_NOOP("Channels", "Store"), "storefront", "#B35A2F"),
    _t("phone", QT_TRANSLATE_NOOP("Channels", "Phone"), "phone", "#2F8F6F"),
    _t("email", QT_TRANSLATE_NOOP("Channels", "Email"), "email", "#8F6F2F"),
    _t("chat", QT_TRANSLATE_NOOP("Channels", "Chat"), "chat", "#2F8FB3"),
    _t("social", QT_TRANSLATE_NOOP("Channels", "Social media"), "share-variant", "#B32F6F"),
    _t("mail", QT_TRANSLATE_NOOP("Channels", "Post"), "mailbox", "#6F6F6F"),
    _t("sales_rep", QT_TRANSLATE_NOOP("Channels", "Sales rep"), "account-tie", "#8F2F2F"),
    _t("delivery", QT_TRANSLATE_NOOP("Channels", "Delivery"), "truck-delivery", "#4F7F2F"),
    _t("self_service", QT_TRANSLATE_NOOP("Channels", "Self-service kiosk"), "monitor", "#4F4F8F"),
    _t("word_of_mouth", QT_TRANSLATE_NOOP("Channels", "Word of mouth"), "account-voice", "#7F4F8F"),
)

CARD_KINDS: tuple[Term, ...] = (
    _t("touchpoint", QT_TRANSLATE_NOOP("CardKinds", "Touchpoint"), "gesture-tap", "#DCEBFA"),
    _t("action", QT_TRANSLATE_NOOP("CardKinds", "Action"), "run", "#E8F0E0"),
    _t("thought", QT_TRANSLATE_NOOP("CardKinds", "Thought"), "thought-bubble", "#F2ECFA"),
    _t("feeling", QT_TRANSLATE_NOOP("CardKinds", "Feeling"), "emoticon-outline", "#FBEFE3"),
    _t("pain_point", QT_TRANSLATE_NOOP("CardKinds", "Pain point"), "alert", "#FADCDC"),
    _t("opportunity", QT_TRANSLATE_NOOP("CardKinds", "Opportunity"), "lightbulb-on", "#FFF4C2"),
    _t("moment_of_truth", QT_TRANSLATE_NOOP("CardKinds", "Moment of truth"), "star", "#FFE3B3"),
    _t("process", QT_TRANSLATE_NOOP("CardKinds", "Process"), "cog", "#E3E8EE"),
    _t("evidence", QT_TRANSLATE_NOOP("CardKinds", "Physical evidence"), "file-document", "#EDE7DD"),
    _t("metric", QT_TRANSLATE_NOOP("CardKinds", "Metric"), "chart-line", "#E0F2F1"),
    _t("note", QT_TRANSLATE_NOOP("CardKinds", "Note"), "note-text", "#FFFBE6"),
    _t("image", QT_TRANSLATE_NOOP("CardKinds", "Image"), "image", "#F4F4F4"),
)

LANE_KINDS: tuple[Term, ...] = (
    _t("actions", QT_TRANSLATE_NOOP("LaneKinds", "Actions"), "run"),
    _t("thoughts", QT_TRANSLATE_NOOP("LaneKinds", "Thoughts"), "thought-bubble"),
    _t("feelings", QT_TRANSLATE_NOOP("LaneKinds", "Feelings"), "emoticon-outline"),
    _t("emotion", QT_TRANSLATE_NOOP("LaneKinds", "Emotion curve"), "chart-bell-curve"),
    _t("touchpoints", QT_TRANSLATE_NOOP("LaneKinds", "Touchpoints"), "gesture-tap"),
    _t("channels", QT_TRANSLATE_NOOP("LaneKinds", "Channels"), "sitemap"),
    _t("pain_points", QT_TRANSLATE_NOOP("LaneKinds", "Pain points"), "alert"),
    _t("opportunities", QT_TRANSLATE_NOOP("LaneKinds", "Opportunities"), "lightbulb-on"),
    _t("moments_of_truth", QT_TRANSLATE_NOOP("LaneKinds", "Moments of truth"), "star"),
    _t("frontstage", QT_TRANSLATE_NOOP("LaneKinds", "Frontstage"), "account-group"),
    _t("backstage", QT_TRANSLATE_NOOP("LaneKinds", "Backstage"), "domain"),
    _t("support", QT_TRANSLATE_NOOP("LaneKinds", "Support processes"), "cog"),
    _t("physical_evidence", QT_TRANSLATE_NOOP("LaneKinds", "Physical evidence"), "file-document"),
    _t("owners", QT_TRANSLATE_NOOP("LaneKinds", "Owners"), "account-tie"),
    _t("research", QT_TRANSLATE_NOOP("LaneKinds", "Research evidence"), "magnify"),
    _t("metrics", QT_TRANSLATE_NOOP("LaneKinds", "Metrics"), "chart-line"),
    _t("notes", QT_TRANSLATE_NOOP("LaneKinds", "Notes"), "note-text"),
)

EVIDENCE_METHODS: tuple[Term, ...] = (
    _t("survey", QT_TRANSLATE_NOOP("EvidenceMethods", "Survey"), "clipboard-list"),
    _t("interview", QT_TRANSLATE_NOOP("EvidenceMethods", "Interview"), "account-voice"),
    _t("observation", QT_TRANSLATE_NOOP("EvidenceMethods", "Observation"), "eye"),
    _t("analytics", QT_TRANSLATE_NOOP("EvidenceMethods", "Analytics"), "chart-bar"),
    _t(
        "employee_input", QT_TRANSLATE_NOOP("EvidenceMethods", "Employee input"), "account-hard-hat"
    ),
    _t("desk_research", QT_TRANSLATE_NOOP("EvidenceMethods", "Desk research"), "book-open-variant"),
    _t("support_logs", QT_TRANSLATE_NOOP("EvidenceMethods", "Support logs"), "headset"),
)

CONNECTION_KINDS: tuple[Term, ...] = (
    _t("flow", QT_TRANSLATE_NOOP("ConnectionKinds", "Flow"), "arrow-right"),
    _t("handoff", QT_TRANSLATE_NOOP("ConnectionKinds", "Handoff"), "swap-horizontal"),
    _t("branch", QT_TRANSLATE_NOOP("ConnectionKinds", "Branch"), "source-branch"),
    _t("loop", QT_TRANSLATE_NOOP("ConnectionKinds", "Loop"), "repeat"),
)

STATUSES: tuple[Term, ...] = (
    _t("idea", QT_TRANSLATE_NOOP("OpportunityStatuses", "Idea")),
    _t("planned", QT_TRANSLATE_NOOP("OpportunityStatuses", "Planned")),
    _t("in_progress", QT_TRANSLATE_NOOP("OpportunityStatuses", "In progress")),
    _t("done", QT_TRANSLATE_NOOP("OpportunityStatuses", "Done")),
    _t("rejected", QT_TRANSLATE_NOOP("OpportunityStatuses", "Rejected")),
)

BUILT_IN: dict[str, tuple[Term, ...]] = {
    "channels": CHANNELS,
    "card_kinds": CARD_KINDS,
    "lane_kinds": LANE_KINDS,
    "evidence_methods": EVIDENCE_METHODS,
    "connection_kinds": CONNECTION_KINDS,
    "statuses": STATUSES,
}


def built_in_keys(vocabulary: str) -> frozenset[str]:
    return frozenset(t.key for t in BUILT_IN[vocabulary])
