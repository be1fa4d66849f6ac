"""BR007 unsubstantiated-claim: an absolute claim ("guaranteed", "#1", "cheapest") with no source.

Claims come from the `claim_list` (rules/wordlists/claims.txt), `brand.claims` and the `claims`
option; phrases that state a checkable fact or deny the claim ("100% cotton", "not guaranteed")
are exceptions. A post gives a source with a footnote marker and its note line, "according
to ...", "source:", a survey, or (unless `links_are_sources: false`) a link.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.kinds.brand.matching import has_symbols, literal_alternation
from contentlint.model.violation import Finding
from contentlint.text.wordforms import TermMatcher

_SOURCE = regex.compile(
    r"according\s+to|\bsources?\s*:|\bsource\b\s*[-–—(]|\bas\s+(?:rated|ranked|voted|reviewed)\s+by|"
    r"\b(?:rated|ranked|voted|tested|certified)\s+by\b|\bbased\s+on\s+(?:a|an|our|the|\d)|"
    r"\bsurvey(?:ed)?\s+of\b|\bin\s+a\s+(?:\d{4}\s+)?(?:study|survey|test)\b|\bdata\s+(?:from|:)|"
    r"\bper\s+(?:a|the)\s+(?:study|survey|report)\b|অনুযায়ী|সূত্র\s*:|জরিপ",
    regex.IGNORECASE,
)
_QUALIFIER_BEFORE = regex.compile(
    r"(?:one\s+of\s+(?:the|our)|among\s+(?:the|our)|up\s+to|almost|nearly|(?:may|might|could)\s+be)\s+$",
    regex.IGNORECASE,
)
_NUMBERING_AFTER = regex.compile(r"\s*[:)]")
_MARKER = regex.compile(r"(?<=\S)(\*+|†|‡|[¹²³⁴⁵⁶⁷⁸⁹]|\[\d+\])")
_NOTE_LINE = regex.compile(r"(?m)^[ \t]*(\*+|†|‡|[¹²³⁴⁵⁶⁷⁸⁹]|\[\d+\])([ \t]*)(\S.{2,}?)[ \t]*$")
_EXPLAINS = regex.compile(
    r"\b(?:t\s*&\s*cs?|terms|conditions|valid|source|based|data|study|survey|"
    r"excl|incl|applies|apply|only|per|on\s+orders)\b",
    regex.IGNORECASE,
)


def note_markers(text: str) -> set[str]:
    """Markers that start a note line ("*T&C apply", "¹ Nielsen, 2025"). "* item" is a Markdown
    bullet and "**Shop now**" is bold, unless they say what a note says."""
    markers = set()
    for line in _NOTE_LINE.finditer(text):
        marker, gap, rest = line.group(1), line.group(2), line.group(3)
        looks_like_markup = (marker == "*" and gap) or (marker.startswith("*") and rest.endswith(marker))
        if looks_like_markup and not _EXPLAINS.search(rest):
            continue
        markers.add(marker)
    return markers


@dataclass(frozen=True)
class ClaimMatcher:
    """Claims on word forms, claims with symbols ("#1", "100%") literally, minus exceptions."""

    words: TermMatcher
    symbols: regex.Pattern[str] | None
    exceptions: regex.Pattern[str] | None

    @classmethod
    def build(cls, claims: Iterable[str], exceptions: Iterable[str]) -> ClaimMatcher:
        claims = tuple(dict.fromkeys(claims))
        return cls(
            TermMatcher(c for c in claims if not has_symbols(c)),
            literal_alternation(c for c in claims if has_symbols(c)),
            literal_alternation(exceptions),
        )

    def find(self, text: str) -> list[tuple[int, int, str]]:
        hits = [(m.start, m.end, m.text) for m in self.words.find(text)]
        if self.symbols is not None:
            hits.extend((m.start(), m.end(), m.group()) for m in self.symbols.finditer(text, overlapped=True))
        if hits and self.exceptions is not None:
            excepted = [m.span() for m in self.exceptions.finditer(text, overlapped=True)]
            hits = [h for h in hits if not any(s <= h[0] and h[1] <= e for s, e in excepted)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[tuple[int, int, str]] = []
        for hit in hits:
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept


@dataclass(frozen=True)
class UnsubstantiatedClaim(Kind):
    """Report an absolute claim ("guaranteed", "#1", "cheapest") in a post that gives no source."""

    claims: tuple[str, ...] = option((), "more claims, beside the list and brand.claims")
    exceptions: tuple[str, ...] = option((), 'more phrases in which a claim is a fact ("100% cotton")')
    use_wordlist: bool = option(True, "use the shipped claim and exception lists (false: only the team's claims)")
    links_are_sources: bool = option(True, "a link in the post counts as its source")
    claim_list: TermList = option("claims.txt", "a word list of absolute claims")
    exception_list: TermList = option("claim-exceptions.txt", "a word list of phrases in which a claim is a fact")
    numbering_list: TermList = option(
        "numbering-words.txt", 'a word list of words that make the number after them numbering ("Tip #1:")'
    )

    @cached_property
    def claim_terms(self) -> tuple[str, ...]:
        return (self.claim_list.terms if self.use_wordlist else ()) + self.claims

    @cached_property
    def exception_terms(self) -> tuple[str, ...]:
        return (self.exception_list.terms if self.use_wordlist else ()) + self.exceptions

    @cached_property
    def numbering_before(self) -> regex.Pattern[str]:
        """ "Tip #1:", "Day 1", "Vol. 2": a number after one of the numbering words."""
        words = "|".join(regex.escape(word) for word in self.numbering_list.terms) or "(?!)"
        return regex.compile(rf"(?:{words})\.?\s+$", regex.IGNORECASE)

    def _matcher(self, ctx: RuleContext) -> ClaimMatcher:
        claims, exceptions = self.claim_terms + ctx.config.brand.claims, self.exception_terms
        matcher: ClaimMatcher = ctx.cached(
            ("unsubstantiated-claim", claims, exceptions), lambda: ClaimMatcher.build(claims, exceptions)
        )
        return matcher

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        text = doc.plain
        hits = self._matcher(ctx).find(text)
        if not hits:
            return
        if _SOURCE.search(text) or (self.links_are_sources and doc.urls):
            return
        notes = note_markers(doc.prose[doc.body_start :])
        last_end = -1
        for start, end, written in hits:
            if last_end >= 0 and not text[last_end:start].strip():
                last_end = end  # "100% guaranteed": one claim, reported once, at its first word
                continue
            if _QUALIFIER_BEFORE.search(text, max(0, start - 20), start):
                continue
            if written[-1:].isdigit() and (
                self.numbering_before.search(text, max(0, start - 12), start) or _NUMBERING_AFTER.match(text, end)
            ):
                continue
            line_end = text.find("\n", end)
            # "India's no. 1 notebook brand*" with a note line "*Nielsen retail data, 2025".
            if any(m.group(1) in notes for m in _MARKER.finditer(text, end, len(text) if line_end < 0 else line_end)):
                continue
            last_end = end
            yield Finding(start, end, {"match": written})
