"""Readability measures per language: a grade only where a validated formula exists.

English gets the Flesch-Kincaid grade and Flesch reading ease. de, es, fr, it, nl, ru and hu get
their own validated reading-ease formula (Amstad, Fernandez Huerta, Kandel-Moles, Flesch-Vacca,
Douma, Oborneva, ...: the constants textstat ships), and a school grade read off Flesch's
published ease-to-grade table; Flesch-Kincaid is never applied to them, since its weights were
fitted on English. pl has syllables but no reading-ease formula, so it gets surface measures.
Every other language (Bengali among them) gets surface measures only and never a grade: textstat
on Bengali returns nonsense (one syllable a word, reading ease about 95) and pyphen has no
Bengali dictionary.

The text is cleaned first: URLs, e-mails, mentions, hashtags and cashtags are blanked and emoji
are not words. Sentences come from `nlp.sentences`, not from textstat's own splitter, so the
abbreviations, ellipses and dari that CL002 understands count the same here.

English syllables come from a table shipped with contentlint (`syllables`: textstat's own
counts, without its 1.6 s dictionary load). For other languages textstat is used only for
syllable counts and formula constants, through `textstat.backend` functions that take the
language as an argument: its `set_lang` is process-wide state that another library (or a
notebook) may change between calls, so it is never called. textstat 0.7.8 is pinned: 0.7.9 and
later download a dictionary at first use, which fails offline.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from contentlint.text.sentences import sentences

# A word: letters, marks (Bengali vowel signs and virama) and digits, joined by hyphens or
# apostrophes ("quick-dry", "don't"), digits by separators ("2,000", "0.5").
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-'’‐][\p{L}\p{M}\p{N}]+|[.,]\p{N}+)*")
_GRAPHEME = regex.compile(r"\X")
_VIRAMA_CONJUNCT = regex.compile(r"[\u094D\u09CD\u0A4D\u0ACD\u0B4D\u0BCD\u0C4D\u0CCD\u0D4D](?=\p{L})")
_PART = regex.compile(r"[-‐]")

ENGLISH = "en"
EASE_LANGUAGES = ("en", "de", "es", "fr", "it", "nl", "ru", "hu")  # validated reading-ease formula
LONG_WORD_GRAPHEMES = 7  # a "long" word where syllables are unknown (Bengali: about 3+ syllables)
# Flesch's table (1949): reading ease -> school grade, at the middle of each band.
_EASE_TO_GRADE = (
    (100.0, 4.0),
    (95.0, 5.0),
    (85.0, 6.0),
    (75.0, 7.0),
    (65.0, 8.5),
    (55.0, 11.0),
    (40.0, 14.0),
    (15.0, 17.0),
    (0.0, 18.0),
)


@dataclass(frozen=True)
class MeasuredSentence:
    start: int  # offsets into the text measured
    end: int
    text: str
    words: tuple[str, ...]


def has_formula(lang: str) -> bool:
    """True when a grade can honestly be given for this language."""
    return _root(lang) in EASE_LANGUAGES


def measured_sentences(text: str, lang: str, start: int = 0, end: int | None = None) -> list[MeasuredSentence]:
    """Sentences of already-cleaned text with their words; sentences without words are dropped."""
    found = []
    for sentence in sentences(text, lang, start, end):
        words = tuple(WORD.findall(sentence.text))
        if words:
            found.append(MeasuredSentence(sentence.start, sentence.end, sentence.text, words))
    return found


def measures(text: str, lang: str) -> dict[str, float]:
    """Readability measures of a post (front matter and Markdown allowed) in a language."""
    from contentlint.text.document import parse_document

    doc = parse_document("<text>", text, markdown=True)
    return measures_of(measured_sentences(doc.plain, lang, doc.body_start), lang)


def measures_of(found: Sequence[MeasuredSentence], lang: str) -> dict[str, float]:
    """Measures of measured sentences: surface measures always, a grade only with a formula."""
    words = [word for sentence in found for word in sentence.words]
    result: dict[str, float] = {
        "sentences": float(len(found)),
        "words": float(len(words)),
        "words_per_sentence": round(len(words) / len(found), 2) if found else 0.0,
    }
    if not words:
        return result
    root = _root(lang)
    if root in EASE_LANGUAGES or root == "pl":
        syllables = [_syllables(word.lower(), root) for word in words]
        per_word = sum(syllables) / len(words)
        result["syllables_per_word"] = round(per_word, 3)
        result["polysyllable_share"] = round(sum(1 for s in syllables if s >= 3) / len(words), 3)
        if root in EASE_LANGUAGES:
            ease = _reading_ease(root, result["words_per_sentence"], per_word)
            result["reading_ease"] = round(ease, 1)
            if root == ENGLISH:
                result["flesch_kincaid_grade"] = round(0.39 * len(words) / len(found) + 11.8 * per_word - 15.59, 1)
                result["grade"] = result["flesch_kincaid_grade"]
            else:
                result["grade"] = round(grade_from_ease(ease), 1)
        return result
    result["long_word_share"] = round(sum(1 for w in words if _graphemes(w) >= LONG_WORD_GRAPHEMES) / len(words), 3)
    result["conjunct_density"] = round(sum(len(_VIRAMA_CONJUNCT.findall(w)) for w in words) / len(words), 3)
    return result


def grade_from_ease(ease: float) -> float:
    """School grade for a reading-ease score, interpolated in Flesch's table."""
    if ease >= _EASE_TO_GRADE[0][0]:
        return _EASE_TO_GRADE[0][1]
    for (high, high_grade), (low, low_grade) in itertools.pairwise(_EASE_TO_GRADE):
        if ease >= low:
            return high_grade + (high - ease) / (high - low) * (low_grade - high_grade)
    return _EASE_TO_GRADE[-1][1]


# textstat 0.7.8's English constants (Flesch 1948), so English never imports textstat at all;
# tests/test_syllables.py checks them against `get_lang_cfg("en", ...)`.
ENGLISH_EASE = {"fre_base": 206.835, "fre_sentence_length": 1.015, "fre_syll_per_word": 84.6}


def _reading_ease(root: str, words_per_sentence: float, syllables_per_word: float) -> float:
    return (
        _ease_constant(root, "fre_base")
        - _ease_constant(root, "fre_sentence_length") * words_per_sentence
        - _ease_constant(root, "fre_syll_per_word") * syllables_per_word
    )


def _ease_constant(root: str, key: str) -> float:
    if root == ENGLISH:
        return ENGLISH_EASE[key]
    from textstat.backend.utils import get_lang_cfg

    return float(get_lang_cfg(root, key))


@lru_cache(maxsize=65536)
def _syllables(word: str, root: str) -> int:
    """Syllables of one lower-cased word: CMU dictionary for English, else pyphen (memoised: a
    brand's posts reuse a small vocabulary, and textstat's own cache holds only 128 entries).
    English reads the shipped table (`syllables`): textstat's counts without its 1.6 s load."""
    return sum(max(1, _part_syllables(part, root)) for part in _PART.split(word) if part)


def _part_syllables(part: str, root: str) -> int:
    if root == ENGLISH:
        from contentlint.text.syllables import count_english

        return count_english(part)
    from textstat.backend.counts import count_syllables

    return int(count_syllables(part, root))


def _graphemes(word: str) -> int:
    return len(_GRAPHEME.findall(word))


def _root(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()
