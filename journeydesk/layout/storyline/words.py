"""The words slides print, in English and Italian (the layout runs without Qt)."""

from __future__ import annotations

from ..labels import label

WORDS: dict[str, tuple[str, str]] = {
    "objective": ("Objective", "Obiettivo"),
    "scenario": ("Scenario", "Scenario"),
    "stage_of": ("Stage {n} of {total}", "Fase {n} di {total}"),
    "touchpoint": ("Touchpoints", "Punti di contatto"),
    "pain_point": ("Pain points", "Punti critici"),
    "moment_of_truth": ("Moments of truth", "Momenti della verità"),
    "closing": ("In summary", "In sintesi"),
    "top_pains": ("Top pain points", "Principali punti critici"),
    "ranked": ("Opportunities by impact and effort", "Opportunità per impatto e sforzo"),
    "more": ("+ {n} more", "+ altri {n}"),
    "none": ("None recorded", "Nessuno registrato"),
    "emotion_curve": ("Emotion curve", "Curva emotiva"),
    "current": ("Today", "Oggi"),
    "future": ("Future", "Futuro"),
    "ideal": ("Ideal", "Ideale"),
    "new": ("New", "Nuovo"),
    "changed": ("Changed", "Modificato"),
    "removed": ("Removed", "Rimosso"),
    "no_stage": ("No matching stage", "Nessuna fase corrispondente"),
    "no_cards": ("No cards", "Nessuna carta"),
}


def word(key: str, language: str, **fields: object) -> str:
    if key not in WORDS:
        return label(key, language)
    en, it = WORDS[key]
    text = it if language.split("-", 1)[0].lower() == "it" else en
    return text.format(**fields) if fields else text
