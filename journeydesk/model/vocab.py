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


def _t(key: str, en: str, it: str, icon: str | None = None, colour: str | None = None) -> Term:
    return Term(key, {"en": en, "it": it}, icon, colour)


CHANNELS: tuple[Term, ...] = (
    _t("web", "Website", "Sito web", "web", "#2F6FB3"),
    _t("app", "Mobile app", "App", "cellphone", "#5B4BB7"),
    _t("store", "Store", "Negozio", "storefront", "#B35A2F"),
    _t("phone", "Phone", "Telefono", "phone", "#2F8F6F"),
    _t("email", "Email", "Email", "email", "#8F6F2F"),
    _t("chat", "Chat", "Chat", "chat", "#2F8FB3"),
    _t("social", "Social media", "Social network", "share-variant", "#B32F6F"),
    _t("mail", "Post", "Posta", "mailbox", "#6F6F6F"),
    _t("sales_rep", "Sales rep", "Venditore", "account-tie", "#8F2F2F"),
    _t("delivery", "Delivery", "Consegna", "truck-delivery", "#4F7F2F"),
    _t("self_service", "Self-service kiosk", "Totem self-service", "monitor", "#4F4F8F"),
    _t("word_of_mouth", "Word of mouth", "Passaparola", "account-voice", "#7F4F8F"),
)

CARD_KINDS: tuple[Term, ...] = (
    _t("touchpoint", "Touchpoint", "Punto di contatto", "gesture-tap", "#DCEBFA"),
    _t("action", "Action", "Azione", "run", "#E8F0E0"),
    _t("thought", "Thought", "Pensiero", "thought-bubble", "#F2ECFA"),
    _t("feeling", "Feeling", "Emozione", "emoticon-outline", "#FBEFE3"),
    _t("pain_point", "Pain point", "Punto critico", "alert", "#FADCDC"),
    _t("opportunity", "Opportunity", "Opportunità", "lightbulb-on", "#FFF4C2"),
    _t("moment_of_truth", "Moment of truth", "Momento della verità", "star", "#FFE3B3"),
    _t("process", "Process", "Processo", "cog", "#E3E8EE"),
    _t("evidence", "Physical evidence", "Evidenza fisica", "file-document", "#EDE7DD"),
    _t("metric", "Metric", "Metrica", "chart-line", "#E0F2F1"),
    _t("note", "Note", "Nota", "note-text", "#FFFBE6"),
    _t("image", "Image", "Immagine", "image", "#F4F4F4"),
)

LANE_KINDS: tuple[Term, ...] = (
    _t("actions", "Actions", "Azioni", "run"),
    _t("thoughts", "Thoughts", "Pensieri", "thought-bubble"),
    _t("feelings", "Feelings", "Emozioni", "emoticon-outline"),
    _t("emotion", "Emotion curve", "Curva emotiva", "chart-bell-curve"),
    _t("touchpoints", "Touchpoints", "Punti di contatto", "gesture-tap"),
    _t("channels", "Channels", "Canali", "sitemap"),
    _t("pain_points", "Pain points", "Punti critici", "alert"),
    _t("opportunities", "Opportunities", "Opportunità", "lightbulb-on"),
    _t("moments_of_truth", "Moments of truth", "Momenti della verità", "star"),
    _t("frontstage", "Frontstage", "Front-office", "account-group"),
    _t("backstage", "Backstage", "Back-office", "domain"),
    _t("support", "Support processes", "Processi di supporto", "cog"),
    _t("physical_evidence", "Physical evidence", "Evidenze fisiche", "file-document"),
    _t("owners", "Owners", "Responsabili", "account-tie"),
    _t("research", "Research evidence", "Evidenze di ricerca", "magnify"),
    _t("metrics", "Metrics", "Metriche", "chart-line"),
    _t("notes", "Notes", "Note", "note-text"),
)

EVIDENCE_METHODS: tuple[Term, ...] = (
    _t("survey", "Survey", "Sondaggio", "clipboard-list"),
    _t("interview", "Interview", "Intervista", "account-voice"),
    _t("observation", "Observation", "Osservazione", "eye"),
    _t("analytics", "Analytics", "Dati analitici", "chart-bar"),
    _t("employee_input", "Employee input", "Contributo dei dipendenti", "account-hard-hat"),
    _t("desk_research", "Desk research", "Ricerca documentale", "book-open-variant"),
    _t("support_logs", "Support logs", "Registro assistenza", "headset"),
)

CONNECTION_KINDS: tuple[Term, ...] = (
    _t("flow", "Flow", "Flusso", "arrow-right"),
    _t("handoff", "Handoff", "Passaggio di consegne", "swap-horizontal"),
    _t("branch", "Branch", "Diramazione", "source-branch"),
    _t("loop", "Loop", "Ciclo", "repeat"),
)

STATUSES: tuple[Term, ...] = (
    _t("idea", "Idea", "Idea"),
    _t("planned", "Planned", "Pianificata"),
    _t("in_progress", "In progress", "In corso"),
    _t("done", "Done", "Completata"),
    _t("rejected", "Rejected", "Scartata"),
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
