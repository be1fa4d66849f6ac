"""BR008 missing-terms-note: an asterisked offer or price ("₹1600*", "free*") that no line explains."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.kinds.brand.claims import note_markers
from contentlint.kinds.brand.matching import LETTER
from contentlint.model.violation import Finding

_LAST_WORD = regex.compile(rf"[{LETTER}]+$")
_STAR = regex.compile(r"(?<=\S)\*+")
_EMPHASIS = regex.compile(r"(?<![\w*\\])(\*{1,3})(?=[^\s*])[^\n]*?(?<=[^\s*\\])\1(?![\w*])")
_AMOUNT = regex.compile(
    r"(?:[₹$€£৳¥]|rs\.?|inr|usd|tk\.?)\s?[\d০-৯][\d০-৯,.]*(?:/-)?$|[\d০-৯][\d০-৯,.]*\s?(?:%|percent|/-|টাকা)$|"
    r"[\d০-৯]+\s?(?:for|\+)\s?[\d০-৯]+$",
    regex.IGNORECASE,
)
_TERMS_NOTE = regex.compile(
    r"t\s*&\s*c|terms\s+(?:and|&)\s+conditions|terms\s+apply|conditions\s+apply|see\s+terms|"
    r"terms\s+at|offer\s+valid|valid\s+(?:till|until|on|for|from|while)|while\s+stocks?\s+last|"
    r"শর্ত(?:াবলী)?\s+প্রযোজ্য|শর্তাবলী|স্টক\s+থাকা\s+পর্যন্ত",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class MissingTermsNote(Kind):
    """Report an asterisked offer or price with no line that explains the asterisk."""

    notes: tuple[str, ...] = option((), "more notes that explain an asterisk, beside brand.terms_notes")
    offer_list: TermList = option("offer-words.txt", 'a word list of offer words an asterisk may follow ("free*")')

    @cached_property
    def offer_words(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.offer_list.terms)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        prose = doc.prose
        if "*" not in prose[doc.body_start :]:
            return
        emphasis = [m.span() for m in _EMPHASIS.finditer(prose, doc.body_start)]
        offers = []
        for star in _STAR.finditer(prose, pos=doc.body_start):
            if any(s <= star.start() < e for s, e in emphasis):
                continue
            offer = self._offer_before(doc.plain, star.start())
            if offer:
                offers.append((offer[0], star.end(), offer[1] + star.group()))
        if not offers or self._has_note(doc, ctx):
            return
        for start, end, written in offers:
            yield Finding(start, end, {"match": written})

    def _offer_before(self, text: str, star: int) -> tuple[int, str] | None:
        """The offer or price just before an asterisk ("₹1600", "free", "50% off"), if it is one."""
        window_start = max(0, text.rfind("\n", 0, star) + 1, star - 24)
        window = text[window_start:star]
        amount = _AMOUNT.search(window)
        if amount:
            return window_start + amount.start(), amount.group()
        word = _LAST_WORD.search(window)
        if word and word.group().lower() in self.offer_words:
            return window_start + word.start(), word.group()
        return None

    def _has_note(self, doc: Any, ctx: RuleContext) -> bool:
        body = doc.prose[doc.body_start :]
        if _TERMS_NOTE.search(body):
            return True
        # The team's own notes are matched as written: they often hold links ("see inkwell.in/offers").
        lowered = body.lower()
        if any(note.lower() in lowered for note in (*self.notes, *ctx.config.brand.terms_notes)):
            return True
        # A line that starts with the asterisk and says something: "*Price for a pack of 10".
        return any(marker.startswith("*") for marker in note_markers(body))
