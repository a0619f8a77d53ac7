"""Words the drawing itself prints (legend, title block), in English and Italian.

The layout runs without Qt (PDF export from the command line), so these do
not go through Qt's tr(); the map's content language picks the column.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "journey": ("Customer journey", "Percorso del cliente"),
    "day_in_the_life": ("Day in the life", "Giornata tipo"),
    "service_blueprint": ("Service blueprint", "Service blueprint"),
    "experience_map": ("Experience map", "Mappa dell'esperienza"),
    "custom": ("Map", "Mappa"),
    "current": ("Current state", "Stato attuale"),
    "future": ("Future state", "Stato futuro"),
    "ideal": ("Ideal state", "Stato ideale"),
    "personas": ("Personas", "Personas"),
    "legend": ("Legend", "Legenda"),
    "channels": ("Channels", "Canali"),
    "sentiment": ("Sentiment", "Sentiment"),
    "positive": ("Positive", "Positivo"),
    "neutral": ("Neutral", "Neutro"),
    "problematic": ("Problematic", "Problematico"),
    "evidence": ("Evidence", "Evidenze"),
    "observed": ("Observed", "Osservata"),
    "assumed": ("Assumed", "Ipotizzata"),
    "proposed": ("Proposed", "Proposta"),
    "emotion": ("Emotion", "Emozione"),
    "connections": ("Connections", "Collegamenti"),
    "kpis": ("KPIs", "KPI"),
    "target": ("target", "obiettivo"),
    "impact": ("Impact", "Impatto"),
    "effort": ("Effort", "Sforzo"),
    "comments": ("comments", "commenti"),
    "updated": ("Updated", "Aggiornata"),
    "interaction": ("Line of interaction", "Linea di interazione"),
    "visibility": ("Line of visibility", "Linea di visibilità"),
    "internal_interaction": ("Line of internal interaction", "Linea di interazione interna"),
    "separator": ("Separator", "Separatore"),
    "based_on": ("Derived from", "Derivata da"),
    "score_-2": ("Very negative", "Molto negativa"),
    "score_-1": ("Negative", "Negativa"),
    "score_0": ("Neutral", "Neutra"),
    "score_1": ("Positive", "Positiva"),
    "score_2": ("Very positive", "Molto positiva"),
}


def label(key: str, language: str) -> str:
    pair = LABELS.get(key)
    if pair is None:
        return key.replace("_", " ")
    return pair[1] if language.split("-", 1)[0].lower() == "it" else pair[0]
