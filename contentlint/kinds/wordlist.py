"""A rule backed by a shipped word list (rules/wordlists/*.txt) that a team extends or trims.

CL004 weasel-word, CL005 jargon and BV003 wordy-phrase are this kind with different lists: the
words live in sorted text files (one entry a line, `term<TAB>replacement` for replacement lists)
so an editor can review them without reading Python, and a team adjusts them from its config:
`rules: {jargon: {extra: {circle back: reply}, exclude: [bandwidth]}}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, OptionError, RuleContext, option
from contentlint.kinds.generic import SCOPES, scoped_text
from contentlint.model.violation import Finding, Fix
from contentlint.text.casing import match_case
from contentlint.text.wordforms import TermMatch, TermMatcher


@dataclass(frozen=True)
class ExactPhrases:
    """Phrases matched as written (any case, any run of spaces): one regex pass instead of a
    word-form lookup per word, for lists of fixed phrases such as BV003's."""

    pattern: Any
    prefilter: re.Pattern[str]  # the phrases as plain text: absent from a post, `pattern` cannot match

    @classmethod
    def build(cls, terms: Iterable[str]) -> ExactPhrases:
        alternatives = sorted({t.lower() for t in terms}, key=len, reverse=True)
        body = "|".join(r"[ \t\u00A0]+".join(regex.escape(word) for word in term.split()) for term in alternatives)
        pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{M}}\p{{N}}])", regex.I)
        plain = "|".join(re.escape(" ".join(term.casefold().split())) for term in alternatives) or "(?!)"
        return cls(pattern, re.compile(plain))

    def __bool__(self) -> bool:
        return True

    def find(self, text: str, tokens: Any = None) -> list[TermMatch]:
        # The case-insensitive regex with its Unicode boundaries costs 50 us on a post; most
        # posts hold none of the phrases, which a plain `re` search of the case-folded text with
        # spaces squeezed tells in a third of that. Any match of `pattern` is found by it too.
        if not self.prefilter.search(_SPACES.sub(" ", text.casefold())):
            return []
        return [
            TermMatch(m.start(), m.end(), " ".join(m.group().lower().split()), m.group())
            for m in self.pattern.finditer(text)
        ]


_SPACES = re.compile("[ \t\u00a0]+")


@dataclass(frozen=True)
class WordList(Kind):
    """Report terms of a word list; with replacements the message names them, and `fix: true`
    offers the replacement as a fix where the text matches the term exactly (not an inflection)."""

    list: TermList | None = option(None, "a word list in rules/wordlists: a term a line, `term<TAB>replacement`")
    extra: tuple[str, ...] | Mapping[str, str] = option(
        (), "more terms: a list of words, or a mapping of word -> replacement"
    )
    exclude: tuple[str, ...] = option((), "terms of the list not to report")
    exceptions: tuple[str, ...] = option((), 'phrases in which a term is fine ("the very first")')
    fix: bool = option(False, "offer the replacement as a fix where the text is exactly the term")
    scope: str = option(
        "text", "what is read: text (prose without URLs, handles, hashtags), prose, title or body", choices=SCOPES
    )
    word_forms: bool = option(True, "match inflected forms too (false: the phrases exactly as listed)")

    @cached_property
    def entries(self) -> Mapping[str, str | None]:
        """Lower-cased term -> replacement (None: report only)."""
        entries: dict[str, str | None] = {}
        if self.list is not None:
            entries.update({term.lower(): replacement for term, replacement in self.list.entries})
        extra: Mapping[str, str | None] = self.extra if isinstance(self.extra, Mapping) else dict.fromkeys(self.extra)
        entries.update({term.lower(): replacement for term, replacement in extra.items()})
        for term in self.exclude:
            entries.pop(term.lower(), None)
        return entries

    @cached_property
    def matcher(self) -> TermMatcher | ExactPhrases:
        return TermMatcher(self.entries) if self.word_forms else ExactPhrases.build(self.entries)

    @cached_property
    def exception_matcher(self) -> TermMatcher:  # phrases in which a term is fine ("the very first")
        return TermMatcher(self.exceptions)

    def validate(self) -> None:
        if not self.entries and self.list is None:
            raise OptionError("kind word-list needs `list` (a file in rules/wordlists) or `extra`")
        _ = self.matcher, self.exception_matcher  # built once, now, not on the first post

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        text, shift = scoped_text(doc, self.scope)
        # No tokens passed: TermMatcher then visits only the words that start like one of its
        # terms (its index of the shared, memoised tokens), not every word of the post.
        matches = self.matcher.find(text)
        if not matches:
            return
        exceptions = self.exception_matcher
        allowed = [(m.start, m.end) for m in exceptions.find(text)] if exceptions else []
        for match in matches:
            if any(start <= match.start and match.end <= end for start, end in allowed):
                continue
            replacement = self.entries.get(match.term.lower())
            args: dict[str, Any] = {"match": match.text, "replacement": replacement or ""}
            fix = None
            if replacement is not None:
                replacement = match_case(match.text, replacement)
                args["replacement"] = replacement
                if self.fix and " ".join(match.text.lower().split()) == match.term.lower():
                    fix = Fix(replacement, match.start + shift, match.end + shift)
            yield Finding(match.start + shift, match.end + shift, args, fix=fix)
