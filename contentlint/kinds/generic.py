"""The generic kinds a team can use from YAML alone: existence, substitution, occurrence,
conditional and metric. Words and phrases match on word forms (see wordforms); `patterns`
are regular expressions run with a time bound."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from contentlint.kinds.base import OptionError, RuleContext, string_list, string_mapping, validate_options
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
    def build(cls, options: Mapping[str, Any], prefix: str = "") -> Matcher:
        tokens = string_list(options.get(f"{prefix}tokens"), f"{prefix}tokens")
        ignorecase = options.get("ignorecase", True)
        patterns = tuple(
            compile_pattern(p, ignorecase=bool(ignorecase))
            for p in string_list(options.get(f"{prefix}patterns"), f"{prefix}patterns")
        )
        scope = options.get("scope") or "text"
        if scope not in SCOPES:
            raise OptionError(f"option 'scope' must be one of {', '.join(SCOPES)}, got {scope!r}")
        return cls(TermMatcher(tokens), patterns, scope)

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


_MATCH_OPTIONS = {"tokens": list, "patterns": list, "scope": str, "ignorecase": bool}


@dataclass(frozen=True)
class Existence:
    """Report every occurrence of a word, phrase or pattern."""

    matcher: Matcher
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Existence:
        validate_options("existence", options, _MATCH_OPTIONS)
        matcher = Matcher.build(options)
        if not matcher:
            raise OptionError("kind existence needs `tokens` or `patterns`")
        return cls(matcher)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        for start, end, text in self.matcher.find(doc):
            yield Finding(start, end, {"match": text})


@dataclass(frozen=True)
class Substitution:
    """Report a word or phrase that has a preferred replacement, with a case-keeping fix."""

    swap: Mapping[str, str]
    matcher: TermMatcher
    scope: str
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Substitution:
        validate_options("substitution", options, {"swap": dict, "scope": str, "ignorecase": bool})
        swap = string_mapping(options.get("swap"), "swap")
        if not swap:
            raise OptionError("kind substitution needs `swap` (a mapping of word -> replacement)")
        scope = options.get("scope") or "text"
        if scope not in SCOPES:
            raise OptionError(f"option 'scope' must be one of {', '.join(SCOPES)}")
        return cls(swap, TermMatcher(swap), scope)

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
class Occurrence:
    """Report a post with more (or fewer) occurrences of something than allowed."""

    matcher: Matcher
    maximum: int | None
    minimum: int | None
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Occurrence:
        validate_options("occurrence", options, {**_MATCH_OPTIONS, "max": int, "min": int})
        matcher = Matcher.build(options)
        if not matcher:
            raise OptionError("kind occurrence needs `tokens` or `patterns`")
        if options.get("max") is None and options.get("min") is None:
            raise OptionError("kind occurrence needs `max` or `min`")
        return cls(matcher, options.get("max"), options.get("min"))

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        hits = self.matcher.find(doc)
        args = {"count": len(hits), "max": self.maximum, "min": self.minimum}
        if self.maximum is not None and len(hits) > self.maximum:
            start, end, text = hits[self.maximum]
            yield Finding(start, end, {**args, "match": text})
        elif self.minimum is not None and len(hits) < self.minimum:
            yield Finding(doc.body_start, doc.body_start, {**args, "match": ""})


@dataclass(frozen=True)
class Conditional:
    """If the first thing appears (or a front matter field has a value), the second must too."""

    first: Matcher
    second: Matcher
    when: Mapping[str, Any]
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Conditional:
        validate_options(
            "conditional",
            options,
            {
                "first_tokens": list,
                "first_patterns": list,
                "second_tokens": list,
                "second_patterns": list,
                "when": dict,
                "scope": str,
                "ignorecase": bool,
            },
        )
        first = Matcher.build(options, "first_")
        second_options = {**options, "scope": "prose" if options.get("scope") in (None, "text") else options["scope"]}
        second = Matcher.build(second_options, "second_")
        when = options.get("when") or {}
        if not second:
            raise OptionError("kind conditional needs `second_tokens` or `second_patterns`")
        if not first and not when:
            raise OptionError("kind conditional needs `first_tokens`, `first_patterns` or `when`")
        return cls(first, second, when)

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
class Metric:
    """Compare one measured quantity of a post with a maximum and/or minimum."""

    metric: str
    maximum: float | None
    minimum: float | None
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Metric:
        validate_options("metric", options, {"metric": str, "max": float, "min": float})
        metric = options.get("metric")
        if metric not in METRICS:
            raise OptionError(f"option 'metric' must be one of {', '.join(METRICS)}, got {metric!r}")
        if options.get("max") is None and options.get("min") is None:
            raise OptionError("kind metric needs `max` or `min`")
        return cls(metric, options.get("max"), options.get("min"))

    def check(self, doc: Any, ctx: RuleContext) -> Iterable[Finding]:
        value = _metric_values(doc)[self.metric]
        args = {"metric": self.metric, "value": _plain_number(value), "max": self.maximum, "min": self.minimum}
        if (self.maximum is not None and value > self.maximum) or (self.minimum is not None and value < self.minimum):
            return [Finding(doc.body_start, doc.body_start, args)]
        return []


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 1)
