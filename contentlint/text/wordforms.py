"""Words and word forms without a trained model: a term list matches "cheaper" for "cheap" and
"cash cows" for "cash cow", in English and Bengali, fast enough for a pre-commit hook.

English word forms come from spaCy's English lookup lemma table (shipped in contentlint/data,
0.2 MB, from spacy-lookups-data; WordNet licence beside it) so no 98 MB package is needed.
Bengali has no lemma table anywhere offline, so a Bengali term also matches itself followed by
a common inflection (case endings, plural and classifier suffixes).
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import regex

# Letters, marks (Bengali vowel signs, virama) and digits; an apostrophe inside a word stays in it.
WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*")
_BENGALI = regex.compile(r"[\u0980-\u09FF]")
# Between the words of a phrase: spaces or hyphens only, never sentence punctuation.
_PHRASE_GAP = regex.compile(r"[ \t\u00A0\-‐–]{1,3}")
POSSESSIVES = ("'s", "’s", "'S", "’S")
BENGALI_SUFFIXES = tuple(
    sorted(
        {
            "ের",
            "র",
            "কে",
            "য়",
            "তে",
            "ে",
            "রা",
            "েরা",
            "দের",
            "গুলো",
            "গুলি",
            "গুলোর",
            "গুলির",
            "টি",
            "টা",
            "টির",
            "টার",
            "খানা",
            "জন",
            "ও",
            "ই",
            "েই",
            "রাই",
            "য়ের",
            "তেই",
        },
        key=len,
        reverse=True,
    )
)


class Token(NamedTuple):
    """A word and its offsets. A named tuple, not a dataclass: a post has dozens and every
    rule that reads words needs them, so building them must cost next to nothing."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: str  # the configured term that matched
    text: str  # the text as written


_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Token]:
    # tuple.__new__ skips the named tuple's Python-level __new__: a fifth of tokenising.
    return [_new_tuple(Token, (*m.span(), m.group())) for m in WORD.finditer(text)]


@lru_cache(maxsize=16)
def cached_tokens(text: str) -> tuple[Token, ...]:
    """Tokens of a text several rules read (doc.plain): tokenised once, not once per rule.
    A str caches its own hash, so the lookup costs far less than tokenising again."""
    return tuple(tokenize(text))


@lru_cache(maxsize=16)
def _token_positions(text: str) -> dict[str, tuple[int, ...]]:
    """Token indexes by their first two letters (lower case): a matcher visits only the
    tokens that can start one of its terms, not every token of the post."""
    positions: dict[str, list[int]] = {}
    for index, token in enumerate(cached_tokens(text)):
        positions.setdefault(token.text[:2].lower(), []).append(index)
    return {prefix: tuple(indexes) for prefix, indexes in positions.items()}


@lru_cache(maxsize=1)
def _english_lemmas() -> dict[str, str]:
    data = resources.files("contentlint").joinpath("data/en_lemma_lookup.json.gz").read_bytes()
    lemmas: dict[str, str] = json.loads(gzip.decompress(data))
    return lemmas


def english_lemma(word: str) -> str:
    """Lemma of a lower-cased English word; "best" is not read as "well" (see `_same_word`)."""
    lower = word.lower()
    return _english_lemmas().get(lower, lower)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    return frozenset(_english_lemmas().values())


def is_english_word(word: str) -> bool:
    """True for a dictionary word ("inkwell", "apple"): a brand or competitor named after one
    is told apart from the common noun by its capitals and context."""
    return word.lower() in _english_words()


def split_possessive(word: str) -> tuple[str, str]:
    """("Inkwell", "'s") for "Inkwell's"; a fix replaces the name and keeps the 's."""
    for suffix in POSSESSIVES:
        if len(word) > len(suffix) and word.endswith(suffix):
            return word[: -len(suffix)], suffix
    return word, ""


def is_bengali(text: str) -> bool:
    return bool(_BENGALI.search(text))


@lru_cache(maxsize=8192)
def _same_word(term_word: str, text_word: str) -> bool:
    term_lower, text_lower = term_word.lower(), text_word.lower()
    if term_lower == text_lower:
        return True
    if is_bengali(term_lower):
        return any(text_lower == term_lower + suffix for suffix in BENGALI_SUFFIXES)
    if not text_lower.isascii():
        return False
    term_lemma = english_lemma(term_lower)
    if term_lemma != term_lower and term_lower.endswith(("er", "est")):
        # A comparative or superlative term means that degree only: "cheapest" is a claim,
        # "cheap" is not, although both have the lemma "cheap".
        return False
    lemma = english_lemma(text_lower)
    # Same lemma and a shared start: "cheaper"/"cheap", "ran"/"run", but not "best"/"well".
    return lemma == term_lemma and text_lower[:2] == lemma[:2]


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
        self._prefixes = frozenset(self._by_prefix)

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[TermMatch]:
        """Matches in text order. A possessive ("cheap's", "Inkwell's") matches its word, and
        the match ends before the 's so a fix keeps it."""
        starts: Sequence[int]
        if tokens is None:
            tokens = cached_tokens(text)
            positions = _token_positions(text)
            shared = self._prefixes.intersection(positions)  # in C: the prefixes both have
            if not shared:
                return []
            starts = sorted(i for prefix in shared for i in positions[prefix])
        else:
            starts = range(len(tokens))
        found: list[TermMatch] = []
        for index in starts:
            token = tokens[index]
            candidates = self._by_prefix.get(token.text[:2].lower())
            if not candidates:
                continue
            for term, words in candidates:
                end_index = index + len(words)
                if end_index > len(tokens):
                    continue
                last = tokens[end_index - 1]
                last_word, possessive = (
                    split_possessive(last.text) if "'" in last.text or "’" in last.text else (last.text, "")
                )
                if possessive and words[-1].lower().endswith(possessive.lower()):
                    last_word, possessive = last.text, ""
                # The first word decides most candidates: check it before building the window.
                if not _same_word(words[0], last_word if len(words) == 1 else token.text):
                    continue
                if len(words) > 1:
                    window = tokens[index:end_index]
                    texts = [t.text for t in window[1:-1]] + [last_word]
                    same = all(_same_word(w, t) for w, t in zip(words[1:], texts, strict=False))
                    if not (same and _contiguous(text, window)):
                        continue
                end = last.end - len(possessive)
                found.append(TermMatch(token.start, end, term, text[token.start : end]))
                break
        return _drop_overlaps(found)


def _contiguous(text: str, window: Sequence[Token]) -> bool:
    for left, right in itertools.pairwise(window):
        gap = text[left.end : right.start]
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
