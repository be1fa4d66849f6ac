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
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import regex

from contentlint.config.builtin import builtin_rules_dir
from contentlint.kinds.base import OptionError, RuleContext, string_list, validate_options
from contentlint.kinds.generic import SCOPES, scoped_text
from contentlint.model.violation import Finding, Fix
from contentlint.text.casing import match_case
from contentlint.text.wordforms import TermMatch, TermMatcher


def wordlists_dir() -> Path:
    return builtin_rules_dir() / "wordlists"


@lru_cache(maxsize=32)
def read_wordlist(name: str) -> tuple[tuple[str, str | None], ...]:
    """Entries of a shipped list: (term, replacement or None); `#` lines and blank lines skipped."""
    path = wordlists_dir() / name
    if not path.is_file() or path.suffix != ".txt" or path.parent != wordlists_dir():
        raise OptionError(f"option 'list': no word list {name!r} in rules/wordlists")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, _, replacement = line.partition("\t")
        entries.append((term.strip(), replacement.strip() or None))
    return tuple(entries)


def _extra(value: Any) -> dict[str, str | None]:
    if value is None:
        return {}
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return {item: None for item in value}
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    raise OptionError("option 'extra' expects a list of words, or a mapping of word -> replacement")


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
class WordList:
    """Report terms of a word list; with replacements the message names them, and `fix: true`
    offers the replacement as a fix where the text matches the term exactly (not an inflection)."""

    entries: Mapping[str, str | None]  # lower-cased term -> replacement
    matcher: TermMatcher | ExactPhrases
    exceptions: TermMatcher  # phrases in which a term is fine ("the very first")
    fix: bool
    scope: str
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> WordList:
        validate_options(
            "word-list",
            options,
            {
                "list": str,
                "extra": (list, dict),
                "exclude": list,
                "exceptions": list,
                "fix": bool,
                "scope": str,
                "word_forms": bool,
            },
        )
        entries: dict[str, str | None] = {}
        if options.get("list"):
            entries.update({term.lower(): replacement for term, replacement in read_wordlist(options["list"])})
        entries.update({term.lower(): replacement for term, replacement in _extra(options.get("extra")).items()})
        for term in string_list(options.get("exclude"), "exclude"):
            entries.pop(term.lower(), None)
        if not entries and not options.get("list"):
            raise OptionError("kind word-list needs `list` (a file in rules/wordlists) or `extra`")
        scope = options.get("scope") or "text"
        if scope not in SCOPES:
            raise OptionError(f"option 'scope' must be one of {', '.join(SCOPES)}, got {scope!r}")
        exceptions = TermMatcher(string_list(options.get("exceptions"), "exceptions"))
        matcher = TermMatcher(entries) if options.get("word_forms", True) else ExactPhrases.build(entries)
        return cls(entries, matcher, exceptions, bool(options.get("fix", False)), scope)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        text, shift = scoped_text(doc, self.scope)
        # No tokens passed: TermMatcher then visits only the words that start like one of its
        # terms (its index of the shared, memoised tokens), not every word of the post.
        matches = self.matcher.find(text)
        if not matches:
            return
        allowed = [(m.start, m.end) for m in self.exceptions.find(text)] if self.exceptions else []
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
