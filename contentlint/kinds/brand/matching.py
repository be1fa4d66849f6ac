"""Finding the brand's terms in a post, shared by the BR rules.

Words are matched on word forms (wordforms.TermMatcher) in `doc.plain`, where URLs, handles,
hashtags, e-mails and code are already blanked, so a brand term inside a link is never "found".
A term written as a hashtag in the config ("#cheap") is matched against the post's hashtags.
Fixes are offered only where the edit is certainly right: an exact, uninflected match.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import RuleContext
from contentlint.kinds.generic import scoped_text
from contentlint.model.violation import Fix
from contentlint.text.wordforms import TermMatcher

LETTER = r"\p{L}\p{M}\p{N}"
WORD = regex.compile(rf"[{LETTER}]+(?:['’][{LETTER}]+)*")
LETTERS = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: str  # the configured term
    text: str  # as written in the file
    exact: bool  # same form as the term (only spacing of a phrase may differ in case)


def words_of(term: str) -> str:
    return " ".join(WORD.findall(term.lower()))


def text_scopes(doc: Any) -> Iterator[tuple[str, int]]:
    """Running text of the body and the title (long-form channels show it first)."""
    yield doc.plain, 0
    if doc.title is not None:
        yield scoped_text(doc, "title")


def word_terms(terms: Iterable[str]) -> tuple[str, ...]:
    """The terms that are words and phrases, not hashtags."""
    return tuple(t for t in terms if not t.startswith(("#", "＃")))


def find_terms(doc: Any, ctx: RuleContext, kind: str, terms: Iterable[str]) -> list[Hit]:
    """Every place a term occurs: words on word forms in running text, #terms as hashtags."""
    terms = tuple(terms)
    words = word_terms(terms)
    tag_terms = {t.lstrip("#＃").lower(): t for t in terms if t.startswith(("#", "＃"))}
    matcher = ctx.cached((kind, "terms", words), lambda: TermMatcher(words))
    hits: list[Hit] = []
    for text, shift in text_scopes(doc):
        for match in matcher.find(text):
            exact = words_of(match.text) == words_of(match.term)
            hits.append(Hit(match.start + shift, match.end + shift, match.term, match.text, exact))
    if tag_terms:
        for tag in doc.hashtags("x"):
            term = tag_terms.get(tag.value.lower())
            if term is not None:
                written = doc.text[tag.start : tag.end]
                hits.append(Hit(tag.start, tag.end, term, written, True))
    hits.sort(key=lambda h: h.start)
    return hits


def safe_fix(doc: Any, start: int, end: int, written: str, replacement: str) -> Fix | None:
    """A fix only where the file really holds what was matched (titles can be YAML-escaped)."""
    if doc.text[start:end] != written:
        return None
    return Fix(replacement, start, end)


def first_line_span(doc: Any) -> tuple[int, int]:
    """Where a finding about the whole post points: its first line of prose."""
    prose = doc.prose
    start = doc.body_start
    while start < len(prose) and prose[start].isspace():
        start += 1
    if start >= len(prose):
        return doc.body_start, doc.body_start
    end = prose.find("\n", start)
    end = len(prose) if end < 0 else end
    return start, len(prose[:end].rstrip())


def literal_alternation(phrases: Iterable[str]) -> regex.Pattern[str] | None:
    """Phrases ("#1", "100% cotton") as one case-insensitive pattern, each between non-letters;
    longest first so "100% organic cotton" wins over "100%"."""
    bodies = [
        r"[ \u00A0]+".join(regex.escape(part) for part in phrase.split())
        for phrase in sorted(set(phrases), key=len, reverse=True)
        if phrase.strip()
    ]
    if not bodies:
        return None
    return regex.compile(rf"(?<![{LETTER}])(?:{'|'.join(bodies)})(?![{LETTER}])", regex.IGNORECASE)


def has_symbols(phrase: str) -> bool:
    return bool(regex.search(rf"[^{LETTER}\s'’\-]", phrase))
