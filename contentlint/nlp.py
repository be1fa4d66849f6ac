"""Sentences per language from spaCy's blank pipelines, loaded only when a rule asks.

No trained pipeline can be downloaded here, so every language gets `spacy.blank(lang)` plus the
rule-based sentencizer (its punctuation includes the Bengali dari `।`); spaCy's tokenizer keeps
abbreviations ("U.S."), decimals ("3.5") and URLs in one token so they never end a sentence.
Social copy also breaks lines where prose would use a full stop, so a line break ends a sentence.
A team with a trained pipeline installed can name it in the `CONTENTLINT_SPACY_<LANG>` env var.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_LINE = re.compile(r"[^\r\n]+")
_SENTENCE_END = "!?.…।॥"


@dataclass(frozen=True)
class Sentence:
    start: int   # offsets into the text given
    end: int
    text: str


@lru_cache(maxsize=16)
def pipeline(lang: str) -> Any:
    """spaCy pipeline for a language: a trained one only if the user installed and named it."""
    import spacy

    trained = os.environ.get(f"CONTENTLINT_SPACY_{lang.upper()}")
    if trained:
        try:
            return spacy.load(trained)
        except (OSError, ImportError):
            pass
    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError):
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer", config={"punct_chars": None})
    return nlp


def sentences(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end] with offsets into `text`; blank stretches are skipped."""
    end = len(text) if end is None else end
    nlp = pipeline(lang)
    found: list[Sentence] = []
    for line in _LINE.finditer(text, start, end):
        if not line.group().strip():
            continue
        if not any(mark in line.group() for mark in _SENTENCE_END):
            found.append(_trimmed(text, line.start(), line.end()))
            continue
        doc = nlp(line.group())
        spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for span in spans:
            if span.text.strip():
                found.append(_trimmed(text, line.start() + span.start_char, line.start() + span.end_char))
    return found


def _trimmed(text: str, start: int, end: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end])
