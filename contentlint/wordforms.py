"""Words and word forms without a trained model: a term list matches "cheaper" for "cheap" and
"cash cows" for "cash cow", in English and Bengali, fast enough for a pre-commit hook.

English word forms come from spaCy's English lookup lemma table (shipped in contentlint/data,
0.2 MB, from spacy-lookups-data; WordNet licence beside it) so no 98 MB package is needed.
Bengali has no lemma table anywhere offline, so a Bengali term also matches itself followed by
a common inflection (case endings, plural and classifier suffixes).
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

import regex

# Letters, marks (Bengali vowel signs, virama) and digits; an apostrophe inside a word stays in it.
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*")
_BENGALI = regex.compile(r"[\u0980-\u09FF]")
# Between the words of a phrase: spaces or hyphens only, never sentence punctuation.
_PHRASE_GAP = regex.compile(r"[ \t\u00A0\-‐–]{1,3}")
BENGALI_SUFFIXES = tuple(
    sorted(
        {"ের", "র", "কে", "য়", "তে", "ে", "রা", "েরা", "দের", "গুলো", "গুলি", "গুলোর", "গুলির", "টি", "টা",
         "টির", "টার", "খানা", "জন", "ও", "ই", "েই", "রাই", "য়ের", "তেই"},
        key=len,
        reverse=True,
    )
)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: str       # the configured term that matched
    text: str       # the text as written


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


@lru_cache(maxsize=1)
def _english_lemmas() -> dict[str, str]:
    data = resources.files("contentlint").joinpath("data/en_lemma_lookup.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


def english_lemma(word: str) -> str:
    """Lemma of a lower-cased English word; "best" is not read as "well" (see `_same_word`)."""
    lower = word.lower()
    return _english_lemmas().get(lower, lower)


def is_bengali(text: str) -> bool:
    return bool(_BENGALI.search(text))


def _same_word(term_word: str, text_word: str) -> bool:
    term_lower, text_lower = term_word.lower(), text_word.lower()
    if term_lower == text_lower:
        return True
    if is_bengali(term_lower):
        return any(text_lower == term_lower + suffix for suffix in BENGALI_SUFFIXES)
    if not text_lower.isascii():
        return False
    lemma = english_lemma(text_lower)
    # Same lemma and a shared start: "cheaper"/"cheap", "ran"/"run", but not "best"/"well".
    return lemma == english_lemma(term_lower) and text_lower[:2] == lemma[:2]


class TermMatcher:
    """Finds any of a list of words or phrases in text, on word forms, case-insensitively."""

    def __init__(self, terms: Iterable[str]) -> None:
        self._phrases: list[tuple[str, tuple[str, ...]]] = []
        for term in terms:
            words = tuple(token.text for token in tokenize(term))
            if words:
                self._phrases.append((term, words))
        # Index by the first letters of the first word: few phrases are tried per text word.
        self._by_prefix: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for term, words in self._phrases:
            self._by_prefix.setdefault(words[0][:2].lower(), []).append((term, words))

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[TermMatch]:
        tokens = tokenize(text) if tokens is None else tokens
        found: list[TermMatch] = []
        for index, token in enumerate(tokens):
            for term, words in self._by_prefix.get(token.text[:2].lower(), ()):
                end_index = index + len(words)
                if end_index > len(tokens):
                    continue
                window = tokens[index:end_index]
                if all(_same_word(w, t.text) for w, t in zip(words, window)) and _contiguous(text, window):
                    found.append(TermMatch(token.start, window[-1].end, term, text[token.start:window[-1].end]))
                    break
        return _drop_overlaps(found)


def _contiguous(text: str, window: Sequence[Token]) -> bool:
    for left, right in zip(window, window[1:]):
        gap = text[left.end:right.start]
        if not _PHRASE_GAP.fullmatch(gap):
            return False
    return True


def _drop_overlaps(matches: list[TermMatch]) -> list[TermMatch]:
    """Longest match first at each place; later matches inside an earlier one are dropped."""
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[TermMatch] = []
    for match in matches:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept
