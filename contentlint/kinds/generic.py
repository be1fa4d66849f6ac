"""The generic kinds a team can use from YAML alone: existence, substitution, occurrence,
conditional and metric. Words and phrases match on word forms (see wordforms); `patterns`
are regular expressions run with a time bound."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from contentlint.kinds.base import REQUIRED, Kind, OptionError, RuleContext, option
from contentlint.model.violation import Finding, Fix
from contentlint.text.casing import match_case
from contentlint.text.markdown_mask import blank
from contentlint.text.patterns import SafePattern, compile_pattern
from contentlint.text.wordforms import TermMatcher

SCOPES = ("text", "prose", "title", "body")


def scoped_text(doc: Any, scope: str) -> tuple[str, int]:
    """The text a rule reads, and the file offset where it starts.

    text: prose with URLs, mentions, hashtags and e-mails blanked (the default: words in links
    and tags are not running text); prose: only code and markup blanked; title: the front
    matter title; body: the raw body.
    """
    if scope == "title":
        title = doc.title
        if title is None:
            return "", 0
        start, end = doc.front_matter.span("title")
        found = doc.text.find(title, start, max(end, start + len(title)))
        return title, (found if found >= 0 else start)
    if scope == "prose":
        return doc.prose, 0
    if scope == "body":
        return blank(doc.text, 0, doc.body_start), 0
    return doc.plain, 0


@dataclass(frozen=True)
class Matcher:
    """Words/phrases (on word forms) and regular expressions, found in one scope of a post."""

    terms: TermMatcher
    patterns: tuple[SafePattern, ...]
    scope: str

    @classmethod
    def build(cls, tokens: Iterable[str], patterns: Iterable[str], scope: str, ignorecase: bool) -> Matcher:
        """Patterns are compiled here: one that does not compile is a PatternError naming it."""
        compiled = tuple(compile_pattern(p, ignorecase=ignorecase) for p in patterns)
        return cls(TermMatcher(tokens), compiled, scope)

    def __bool__(self) -> bool:
        return bool(self.terms) or bool(self.patterns)

    def find(self, doc: Any) -> list[tuple[int, int, str]]:
        text, shift = scoped_text(doc, self.scope)
        hits = [(m.start + shift, m.end + shift, m.text) for m in self.terms.find(text)]
        for pattern in self.patterns:
            hits.extend(
                (m.start() + shift, m.end() + shift, m.group()) for m in pattern.finditer(text) if m.end() > m.start()
            )
        hits.sort()
        return hits


_TOKENS = "words and phrases to find, matched case-insensitively on word forms"
_PATTERNS = "regular expressions to find (run with a time bound)"
_SCOPE = "what is read: text (prose without URLs, handles, hashtags), prose, title or body"
_IGNORECASE = "whether `patterns` ignore case"


@dataclass(frozen=True)
class Existence(Kind):
    """Report every occurrence of a word, phrase or pattern."""

    tokens: tuple[str, ...] = option((), _TOKENS)
    patterns: tuple[str, ...] = option((), _PATTERNS)
    scope: str = option("text", _SCOPE, choices=SCOPES)
    ignorecase: bool = option(True, _IGNORECASE)

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher.build(self.tokens, self.patterns, self.scope, self.ignorecase)

    def validate(self) -> None:
        if not self.matcher:
            raise OptionError("kind existence needs `tokens` or `patterns`")

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        for start, end, text in self.matcher.find(doc):
            yield Finding(start, end, {"match": text})


@dataclass(frozen=True)
class Substitution(Kind):
    """Report a word or phrase that has a preferred replacement, with a case-keeping fix."""

    swap: Mapping[str, str] = option({}, "word or phrase -> its replacement, matched on word forms")
    scope: str = option("text", _SCOPE, choices=SCOPES)
    ignorecase: bool = option(True, "accepted for symmetry with the other kinds; words always ignore case")

    @cached_property
    def matcher(self) -> TermMatcher:
        return TermMatcher(self.swap)

    def validate(self) -> None:
        if not self.swap:
            raise OptionError("kind substitution needs `swap` (a mapping of word -> replacement)")

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        text, shift = scoped_text(doc, self.scope)
        for match in self.matcher.find(text):
            replacement = match_case(match.text, self.swap[match.term])
            yield Finding(
                match.start + shift,
                match.end + shift,
                {"match": match.text, "replacement": replacement},
                fix=Fix(replacement, match.start + shift, match.end + shift),
            )


@dataclass(frozen=True)
class Occurrence(Kind):
    """Report a post with more (or fewer) occurrences of something than allowed."""

    tokens: tuple[str, ...] = option((), _TOKENS)
    patterns: tuple[str, ...] = option((), _PATTERNS)
    scope: str = option("text", _SCOPE, choices=SCOPES)
    ignorecase: bool = option(True, _IGNORECASE)
    max: int | None = option(None, "most occurrences allowed")
    min: int | None = option(None, "fewest occurrences allowed")

    @cached_property
    def matcher(self) -> Matcher:
        return Matcher.build(self.tokens, self.patterns, self.scope, self.ignorecase)

    def validate(self) -> None:
        if not self.matcher:
            raise OptionError("kind occurrence needs `tokens` or `patterns`")
        if self.max is None and self.min is None:
            raise OptionError("kind occurrence needs `max` or `min`")

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        hits = self.matcher.find(doc)
        args = {"count": len(hits), "max": self.max, "min": self.min}
        if self.max is not None and len(hits) > self.max:
            start, end, text = hits[self.max]
            yield Finding(start, end, {**args, "match": text})
        elif self.min is not None and len(hits) < self.min:
            yield Finding(doc.body_start, doc.body_start, {**args, "match": ""})


@dataclass(frozen=True)
class Conditional(Kind):
    """If the first thing appears (or a front matter field has a value), the second must too."""

    first_tokens: tuple[str, ...] = option((), "words and phrases that make the second thing necessary")
    first_patterns: tuple[str, ...] = option((), "regular expressions that make the second thing necessary")
    second_tokens: tuple[str, ...] = option((), "words and phrases that must then appear (in the prose)")
    second_patterns: tuple[str, ...] = option((), "regular expressions that must then appear (in the prose)")
    when: Mapping[str, Any] = option({}, "front matter values that make the second thing necessary")
    scope: str = option(
        "text", _SCOPE + "; the second thing is looked for in the prose when it is text", choices=SCOPES
    )
    ignorecase: bool = option(True, _IGNORECASE)

    @cached_property
    def first(self) -> Matcher:
        return Matcher.build(self.first_tokens, self.first_patterns, self.scope, self.ignorecase)

    @cached_property
    def second(self) -> Matcher:
        scope = "prose" if self.scope == "text" else self.scope
        return Matcher.build(self.second_tokens, self.second_patterns, scope, self.ignorecase)

    def validate(self) -> None:
        first, second = self.first, self.second  # both compiled now: a bad pattern fails the build
        if not second:
            raise OptionError("kind conditional needs `second_tokens` or `second_patterns`")
        if not first and not self.when:
            raise OptionError("kind conditional needs `first_tokens`, `first_patterns` or `when`")

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        if any(doc.meta.get(key) != value for key, value in self.when.items()):
            return
        if self.first:
            hits = self.first.find(doc)
            if not hits:
                return
            start, end, text = hits[0]
        else:
            key = next(iter(self.when))
            start, end = doc.front_matter.span(key)
            text = f"{key}: {self.when[key]}"
        if not self.second.find(doc):
            yield Finding(start, end, {"match": text})


def _metric_values(doc: Any) -> dict[str, float]:
    from contentlint.text.wordforms import tokenize

    words = tokenize(doc.plain)
    paragraphs = [p for p in doc.prose[doc.body_start :].replace("\r\n", "\n").split("\n\n") if p.strip()]
    return {
        "characters": float(len(doc.published_text)),
        "words": float(len(words)),
        "paragraphs": float(len(paragraphs)),
        "hashtags": float(len(doc.hashtags("x"))),
        "mentions": float(len(doc.mentions)),
        "links": float(len(doc.urls)),
        "emoji": float(len(doc.emoji)),
    }


METRICS = ("characters", "words", "paragraphs", "hashtags", "mentions", "links", "emoji")


@dataclass(frozen=True)
class Metric(Kind):
    """Compare one measured quantity of a post with a maximum and/or minimum."""

    metric: str = option(REQUIRED, "what is measured", choices=METRICS)
    max: float | None = option(None, "the largest value allowed")
    min: float | None = option(None, "the smallest value allowed")

    def validate(self) -> None:
        if self.max is None and self.min is None:
            raise OptionError("kind metric needs `max` or `min`")

    def check(self, doc: Any, ctx: RuleContext) -> Iterable[Finding]:
        value = _metric_values(doc)[self.metric]
        args = {"metric": self.metric, "value": _plain_number(value), "max": self.max, "min": self.min}
        if (self.max is not None and value > self.max) or (self.min is not None and value < self.min):
            return [Finding(doc.body_start, doc.body_start, args)]
        return []


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 1)
