"""CL006 shouting: words in ALL CAPS and runs of "!!!" or "???".

A single "!" is ordinary in social copy and never reported (peers flag every one). Capitals are
reported per run of shouted words, not per word, and only for English words of `min_letters` or
more that are not acronyms (a shipped list plus the team's `acronyms`; an all-caps token that is
no English word, such as HVAC, is taken for one), the brand name or Roman numerals. A single
shouted word is usually deliberate emphasis ("The sale is LIVE"), so only runs of `min_run` (2)
shouted words ("FLASH SALE") are reported.
Bengali and other caseless scripts have no capitals, so only their "!!!" runs are checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.model.violation import Finding, Fix

# A word as written, with inner apostrophes, hyphens and digits ("NASA's", "A4", "COVID-19").
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
_ROMAN = regex.compile(r"^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_PUNCT_RUN = regex.compile(r"[!?！？]{3,}")
_GAP = regex.compile(r"[\s,;:&/+-]*")
_POSSESSIVE = regex.compile(r"['’]S$")


@dataclass(frozen=True)
class Shouting(Kind):
    """Report ALL-CAPS words (acronyms allowed) and runs of three or more "!" / "?"."""

    message_keys = ("capitals", "punctuation")

    min_letters: int = option(4, "shorter words in capitals are not reported", minimum=2)
    min_run: int = option(2, "fewest shouted words in a row that are reported", minimum=1)
    acronym_list: TermList | None = option("acronyms.txt", "a word list of acronyms that are not shouting")
    acronyms: tuple[str, ...] = option((), "more acronyms (HVAC, NASA)")
    exclude: tuple[str, ...] = option((), "acronyms of the list to report anyway")
    punctuation: bool = option(True, 'report runs of three or more "!" or "?"')

    @cached_property
    def allowed_acronyms(self) -> frozenset[str]:
        shipped = {term.upper() for term in self.acronym_list.terms} if self.acronym_list else set()
        acronyms = shipped | {a.upper() for a in self.acronyms}
        return frozenset(acronyms - {a.upper() for a in self.exclude})

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        text = doc.plain
        acronyms = self.allowed_acronyms
        allowed = ctx.cached(("shouting", "allowed", acronyms), lambda: acronyms | _brand_words(ctx))
        run: list[tuple[int, int]] = []
        min_letters = self.min_letters
        for match in _WORD.finditer(text, doc.body_start):
            word = match.group()
            # `_shouted`'s first test inline: it rejects most words, and a call per word adds up.
            if len(word) >= min_letters and not word[1:].islower() and self._shouted(word, allowed):
                if run and not _GAP.fullmatch(text, run[-1][1], match.start()):
                    yield from self._caps_findings(text, run)
                    run = []
                run.append(match.span())
            elif run:
                yield from self._caps_findings(text, run)
                run = []
        if run:
            yield from self._caps_findings(text, run)
        if self.punctuation:
            for match in _PUNCT_RUN.finditer(text, doc.body_start):
                mark = "?" if "?" in match.group() or "？" in match.group() else "!"
                yield Finding(
                    match.start(),
                    match.end(),
                    {"match": match.group(), "mark": mark},
                    fix=Fix(mark, match.start(), match.end()),
                    message="punctuation",
                )

    def _shouted(self, word: str, allowed: frozenset[str] | set[str]) -> bool:
        # Cheap exact rejections first (most words): shorter than min_letters, or a cased
        # lower-case character after the first one, so at most one capital letter (min_letters >= 2).
        if len(word) < self.min_letters or word[1:].islower():
            return False
        letters = [c for c in word if c.isalpha()]
        if len(letters) < self.min_letters or not all(c.isupper() for c in letters):
            return False
        if any(c.isdigit() for c in word):
            return False  # model numbers and codes: "A4", "COVID-19", "USB3"
        core = _POSSESSIVE.sub("", word.upper())
        return core not in allowed and not _ROMAN.match(core) and _is_dictionary_word(core.lower())

    def _caps_findings(self, text: str, run: list[tuple[int, int]]) -> Iterator[Finding]:
        """One capitalised word is usually deliberate emphasis ("The sale is LIVE", "FREE
        shipping"): on published copy none was worth acting on, so only runs of `min_run` count."""
        if len(run) >= self.min_run:
            yield self._caps_finding(text, run)

    @staticmethod
    def _caps_finding(text: str, run: list[tuple[int, int]]) -> Finding:
        """Two or more shouted words in a row are shouting (a single one is skipped by `check`)."""
        start, end = run[0][0], run[-1][1]
        words = text[start:end]
        return Finding(start, end, {"match": words}, message="capitals")


COMMON_WORDS = 3000


def _is_dictionary_word(word: str) -> bool:
    """An all-caps token that is not an English word is an acronym or a code (HVAC, SKU):
    the lemma table's words, or one of the most common words of the web corpus ("now", "free")."""
    from contentlint.text.wordforms import is_english_word

    return is_english_word(word) or word in _common_words()


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from contentlint.text.hashtag_words import word_counts

    counts = word_counts()
    return frozenset(sorted(counts, key=counts.__getitem__, reverse=True)[:COMMON_WORDS])


def _brand_words(ctx: RuleContext) -> set[str]:
    name = ctx.config.brand.name or ""
    return {word.upper() for word in _WORD.findall(name)}
