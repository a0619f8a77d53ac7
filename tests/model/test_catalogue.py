"""The catalogue of content words: every word has its Italian, in the .ts the
translators edit and in the compiled .qm the program reads, and it is read
without Qt."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from journeydesk.model import catalogue, vocab
from journeydesk.model.catalogue import (
    MAP_LABELS,
    TABLES,
    Word,
    italian_from_qm,
    italian_from_ts,
    missing_italian,
    translate,
)

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
TS = TRANSLATIONS / "journeydesk_it.ts"
QM = TRANSLATIONS / "journeydesk_it.qm"


def all_words() -> list[Word]:
    """The catalogue's tables and the built-in vocabularies' labels."""
    return [w for table in TABLES for w in table.values()] + vocab.WORDS


def test_every_word_has_a_finished_italian_translation_in_the_ts() -> None:
    missing = missing_italian(italian_from_ts(TS.read_bytes()), all_words())
    assert not missing, (
        "catalogue words without Italian in the .ts (python -m journeydesk.ui.i18n update, "
        f"translate, build): {missing}"
    )


def test_every_word_has_its_italian_in_the_compiled_qm() -> None:
    assert not missing_italian(italian_from_qm(QM.read_bytes()), all_words())
    assert not missing_italian(words=all_words())  # what translate() reads: the packaged .qm


def test_the_qm_reader_reads_what_the_ts_says() -> None:
    from_ts = italian_from_ts(TS.read_bytes())
    from_qm = italian_from_qm(QM.read_bytes())
    keys = {(w.context, w.source) for w in all_words()}
    assert len(keys) == len(all_words())  # no word twice in one context
    assert {k: from_qm[k] for k in keys} == {k: from_ts[k] for k in keys}
    # and the UI's strings too (one translation, not plural forms)
    assert from_qm[("StorylinePanel", "Storyline")] == from_ts[("StorylinePanel", "Storyline")]


def test_a_word_without_italian_is_caught() -> None:
    """The check can fail: an unfinished translation in the .ts, or a word the
    .qm lacks, is reported."""
    text = TS.read_text("utf-8")
    broken, n = re.subn(
        r"(<source>Customer journey</source>\s*<translation)>[^<]*(</translation>)",
        r'\1 type="unfinished">Percorso del cliente\2',
        text,
    )
    assert n == 1
    assert missing_italian(italian_from_ts(broken.encode("utf-8"))) == [MAP_LABELS["journey"]]
    italian = italian_from_qm(QM.read_bytes())
    del italian[("SlideWords", "Objective")]
    assert missing_italian(italian) == [Word("SlideWords", "Objective")]


def test_translate() -> None:
    word = catalogue.SLIDE_WORDS["stage_of"]
    assert translate(word, "en", n=2, total=5) == "Stage 2 of 5"
    assert translate(word, "it", n=2, total=5) == "Fase 2 di 5"
    assert translate(word, "it-IT", n=2, total=5) == "Fase 2 di 5"
    assert translate(word, "de", n=2, total=5) == "Stage 2 of 5"
    # the same English, other Italian: a context per table
    assert translate(MAP_LABELS["neutral"], "it") == "Neutro"
    assert translate(catalogue.SCORE_LABELS["score_0"], "it") == "Neutra"
    # the vocabularies' labels: both languages from the one marked word
    (pain,) = [t for t in vocab.CARD_KINDS if t.key == "pain_point"]
    assert pain.labels == {"en": "Pain point", "it": "Punto critico"}
    (evidence,) = [t for t in vocab.CARD_KINDS if t.key == "evidence"]
    (lane,) = [t for t in vocab.LANE_KINDS if t.key == "physical_evidence"]
    assert (evidence.label("it"), lane.label("it")) == ("Evidenza fisica", "Evidenze fisiche")


def test_italian_without_qt() -> None:
    """A fresh process prints Italian map labels, slide and poster words and the
    words of a new map without ever importing Qt."""
    code = """
import sys
from journeydesk.layout.labels import label
from journeydesk.layout.storyline.words import word
from journeydesk.export.pdf.poster import words
from journeydesk.model.catalogue import NEW_MAP_WORDS, translate
print(label("journey", "it"), word("closing", "it"), words("assembly", "it"),
      translate(NEW_MAP_WORDS["map"], "it"), sep="|")
assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Percorso del cliente|In sintesi|Montaggio|Nuova mappa"
