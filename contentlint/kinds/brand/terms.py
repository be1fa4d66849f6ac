"""BR002 deprecated-term, BR003 banned-term and BR004 competitor-mention: the brand's word choices
from `brand.terms` (and each rule's own option), found on word forms in running text and titles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.kinds.brand.matching import LETTERS, find_terms, safe_fix, word_terms
from contentlint.model.violation import Finding, Fix
from contentlint.text.casing import match_case
from contentlint.text.wordforms import TermMatcher, is_english_word, tokenize

_VOWEL_START = regex.compile(r"^[aeioAEIO]")
_ARTICLE_BEFORE = regex.compile(r"(?<![\p{L}])(an?|An?|AN?)[ \u00A0]+$")


def _article_fix(doc: Any, start: int, end: int, written: str, replacement: str) -> Fix | None:
    """ "a cheap pen" -> "an affordable pen": the article changes with the word after it.
    Where the sound is not certain from the spelling ("u", "h"), no fix is offered."""
    before = _ARTICLE_BEFORE.search(doc.text, max(0, start - 4), start)
    if before is None:
        return safe_fix(doc, start, end, written, replacement)
    article = before.group(1)
    first = replacement[:1].lower()
    if first in "uh" or not first.isascii() or not first.isalpha():
        return None
    wanted = "an" if _VOWEL_START.match(replacement) else "a"
    if article.lower() == wanted:
        return safe_fix(doc, start, end, written, replacement)
    if doc.text[start:end] != written:
        return None
    if len(replacement) > 1 and replacement.isupper():
        new_article = wanted.upper()
    else:
        new_article = wanted.capitalize() if article[0].isupper() else wanted
    gap = doc.text[before.end(1) : start]
    return Fix(new_article + gap + replacement, before.start(1), end)


@dataclass(frozen=True)
class DeprecatedTerm(Kind):
    """Report a term from `brand.terms.prefer`; an exact match gets a case-keeping fix.

    Without a fix the message says why: "inflected" (a form of the term: reword it by hand) or
    "not_fixed" (the replacement would itself be a deprecated term, or the article is unsure).
    """

    message_keys = ("inflected", "not_fixed")

    prefer: Mapping[str, str] = option({}, "deprecated term -> preferred term, added to brand.terms.prefer")

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        prefer = {**ctx.config.brand.prefer, **self.prefer}
        if not prefer:
            return
        lookup = {term.lower(): preferred for term, preferred in prefer.items()}
        for hit in find_terms(doc, ctx, "deprecated-term", prefer):
            preferred = prefer.get(hit.term, lookup.get(hit.term.lower(), ""))
            if _same_words(hit.text, preferred):
                continue  # `log-in: log in` matches "log in" itself: already the preferred form
            replacement = match_case(hit.text, preferred)
            fix = None
            # Inflected forms ("cheaper") have no safe automatic equivalent ("more affordable"),
            # and a replacement that is itself a deprecated term would never settle.
            if hit.exact and not _mentions_any(ctx, preferred, prefer):
                fix = _article_fix(doc, hit.start, hit.end, hit.text, replacement)
            yield Finding(
                hit.start,
                hit.end,
                {"match": hit.text, "term": hit.term, "replacement": replacement, "manual": ""},
                fix=fix,
                message=None if fix else ("not_fixed" if hit.exact else "inflected"),
            )


def _same_words(written: str, preferred: str) -> bool:
    """True when the text already is the preferred term, up to case, hyphens and spacing."""
    return [t.text.lower() for t in tokenize(written)] == [t.text.lower() for t in tokenize(preferred)] and (
        "-" in written
    ) == ("-" in preferred)


def _mentions_any(ctx: RuleContext, text: str, terms: Iterable[str]) -> bool:
    words = word_terms(terms)
    return bool(ctx.cached(("deprecated-term", "loop", words), lambda: TermMatcher(words)).find(text, tokenize(text)))


@dataclass(frozen=True)
class BannedTerm(Kind):
    """Report a term from `brand.terms.avoid`, with the reason the team gave."""

    avoid: Mapping[str, str] = option({}, "banned term -> the reason, added to brand.terms.avoid")

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        avoid = {**ctx.config.brand.avoid, **self.avoid}
        for hit in find_terms(doc, ctx, "banned-term", avoid):
            yield Finding(hit.start, hit.end, {"match": hit.text, "term": hit.term, "reason": avoid.get(hit.term, "")})


@dataclass(frozen=True)
class CompetitorMention(Kind):
    """Report a competitor named in running text (their handle or link is left to the writer)."""

    competitors: tuple[str, ...] = option((), "competitors' names, added to brand.terms.competitors")

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        competitors = ctx.config.brand.competitors + self.competitors
        for hit in find_terms(doc, ctx, "competitor-mention", competitors):
            # "Apple" the competitor, "an apple a day" the fruit: a competitor named after a
            # dictionary word counts only when written with a capital.
            words = LETTERS.findall(hit.text)
            if hit.text.islower() and not hit.term.islower() and words and all(is_english_word(w) for w in words):
                continue
            yield Finding(hit.start, hit.end, {"match": hit.text, "term": hit.term})
