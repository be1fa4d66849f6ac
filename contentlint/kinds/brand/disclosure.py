"""BR006 missing-disclosure: a sponsored or affiliate post must say so, before the fold.

A post is paid when its front matter says `sponsored: true` or it carries an affiliate link (a
URL matching this rule's `affiliate_patterns` or `brand.affiliate_patterns`). A disclosure is a
tag from the `tag_list` (#ad, #sponsored ...), a phrase from the `phrase_list` ("paid
partnership" ...), an "Ad:" label, or one of the team's `brand.disclosures`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.kinds.brand.matching import first_line_span, word_terms
from contentlint.model.violation import Finding
from contentlint.text.patterns import SafePattern, compile_pattern
from contentlint.text.wordforms import TermMatcher

_URL_LIKE = regex.compile(r"(?:https?://|www\.)\S+|[\w.-]+\.[a-z]{2,}/\S*", regex.IGNORECASE)
_AD_LABEL = regex.compile(r"^[ \t]*[\[(]?(?:ad|advert)[\])]?[ \t]*[:|\-–—]", regex.IGNORECASE | regex.MULTILINE)
_UPFRONT_CHARACTERS = 125  # Instagram's fold, the shortest "see more" of the channels


@dataclass(frozen=True)
class MissingDisclosure(Kind):
    """Report a sponsored or affiliate post with no disclosure, or one buried past the fold."""

    message_keys = ("buried",)

    affiliate_patterns: tuple[str, ...] = option((), "regular expressions of affiliate links, beside the config's")
    disclosures: tuple[str, ...] = option((), "more disclosures: #tags, or phrases matched on word forms")
    upfront: bool = option(True, "also report a disclosure that comes only after the first line and the fold")
    tag_list: TermList = option("disclosure-tags.txt", "a word list of disclosure hashtags, without '#'")
    phrase_list: TermList = option("disclosure-phrases.txt", "a word list of disclosure phrases")

    @cached_property
    def patterns(self) -> tuple[SafePattern, ...]:
        return tuple(compile_pattern(pattern) for pattern in self.affiliate_patterns)

    def validate(self) -> None:
        _ = self.patterns  # compiled now: one that does not compile fails the build

    def _trigger(self, doc: Any, ctx: RuleContext) -> tuple[int, int, str] | None:
        if doc.meta.get("sponsored") is True:
            start, end = doc.front_matter.span("sponsored")
            return start, end, "sponsored: true"
        sources = ctx.config.brand.affiliate_patterns
        patterns = self.patterns + ctx.cached(
            ("missing-disclosure", sources), lambda: tuple(compile_pattern(p) for p in sources)
        )
        body = doc.text[doc.body_start :]
        if "/" not in body:
            return None
        for pattern in patterns:
            for match in pattern.finditer(body):
                for url in _URL_LIKE.finditer(body):
                    if url.start() <= match.start() < url.end():
                        start = doc.body_start + url.start()
                        return start, doc.body_start + url.end(), "an affiliate link"
        return None

    def _disclosure_offset(self, doc: Any, ctx: RuleContext) -> int | None:
        """Where the first disclosure starts in the file, or None."""
        offsets: list[int] = []
        team = (*self.disclosures, *ctx.config.brand.disclosures)
        tags = {t.lstrip("#＃").lower() for t in self.tag_list.terms}
        tags.update(d.lstrip("#＃").lower() for d in team if d.startswith("#"))
        offsets += [tag.start for tag in doc.hashtags("x") if tag.value.lower() in tags]
        phrases = word_terms((*self.phrase_list.terms, *team))
        matcher = ctx.cached(("missing-disclosure", phrases), lambda: TermMatcher(phrases))
        offsets += [match.start for match in matcher.find(doc.plain)]
        label = _AD_LABEL.search(doc.plain, doc.body_start)
        if label:
            offsets.append(label.start())
        return min(offsets) if offsets else None

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        trigger = self._trigger(doc, ctx)
        if trigger is None:
            return
        start, end, why = trigger
        found = self._disclosure_offset(doc, ctx)
        if found is None:
            yield Finding(start, end, {"why": why})
            return
        first_start, first_end = first_line_span(doc)
        if self.upfront and found > first_end and found - first_start > _UPFRONT_CHARACTERS:
            yield Finding(found, found, {}, severity="warning", message="buried")
