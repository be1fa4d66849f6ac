"""CL003 passive-voice: "is made", "were shipped", "has been tested" in English.

Without a trained parser it is a heuristic: a form of "be", at most two adverbs, then a past
participle (an irregular one from rules/wordlists/participles.txt, or a word in -ed). Adjectives
that look like participles ("tired", "excited", "based", "located"; the list
participle-adjectives.txt) and "used to"/"supposed to" are not passive. With a trained English
pipeline named in config `nlp: {en: ...}` (or CONTENTLINT_SPACY_EN; spaCy is the extra
`contentlint[spacy]`), its dependency parse (`auxpass`) decides instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.model.violation import Finding

_WORD = regex.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_BE = frozenset("am is are was were be been being isn't aren't wasn't weren't".split())
_ADVERBS = frozenset("not never always also already just now still often all fully newly being even".split())
_NOT_PASSIVE_BEFORE = {"used": "to", "supposed": "to"}
# Between the words of one clause: spaces only (a comma or full stop ends the construction).
_SPACE = regex.compile(r"[ \t\u00A0]+")


@dataclass(frozen=True)
class PassiveVoice(Kind):
    """Report passive constructions in English posts."""

    participle_list: TermList | None = option("participles.txt", "a word list of irregular past participles")
    adjective_list: TermList | None = option(
        "participle-adjectives.txt", "a word list of words that look like participles but are adjectives after 'be'"
    )
    exclude: tuple[str, ...] = option((), "more words that are adjectives for your team")

    @cached_property
    def participles(self) -> frozenset[str]:
        return frozenset(t.lower() for t in self.participle_list.terms) if self.participle_list else frozenset()

    @cached_property
    def adjectives(self) -> frozenset[str]:
        listed = {t.lower() for t in self.adjective_list.terms} if self.adjective_list else set()
        return frozenset(listed | {t.lower() for t in self.exclude})

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        if doc.lang != "en":
            return
        trained = ctx.config.nlp.get("en")
        if trained:
            from contentlint.text.sentences import trained_pipeline

            spans = self._parsed(trained_pipeline(trained), doc)  # PipelineError: reported for the post
        else:
            spans = self._heuristic(doc.plain, doc.body_start)
        for start, end in spans:
            yield Finding(start, end, {"match": doc.text[start:end]})

    def _is_participle(self, word: str) -> bool:
        lower = word.lower()
        if lower in self.adjectives:
            return False
        return lower in self.participles or (lower.endswith("ed") and len(lower) > 4)

    def _heuristic(self, text: str, start: int) -> list[tuple[int, int]]:
        words = list(_WORD.finditer(text, start))
        found: list[tuple[int, int]] = []
        for index, be in enumerate(words):
            if be.group().lower().replace("’", "'") not in _BE or (found and be.start() < found[-1][1]):
                continue
            cursor = index + 1
            while cursor < len(words) and cursor - index <= 3 and self._joined(text, words[cursor - 1], words[cursor]):
                word = words[cursor].group()
                lower = word.lower()
                if self._is_participle(word):
                    following = words[cursor + 1].group().lower() if cursor + 1 < len(words) else ""
                    if _NOT_PASSIVE_BEFORE.get(lower) != following:
                        found.append((be.start(), words[cursor].end()))
                    break
                if lower not in _ADVERBS and not (lower.endswith("ly") and len(lower) > 4):
                    break
                cursor += 1
        return found

    @staticmethod
    def _joined(text: str, left: Any, right: Any) -> bool:
        return bool(_SPACE.fullmatch(text, left.end(), right.start()))

    @staticmethod
    def _parsed(nlp: Any, doc: Any) -> list[tuple[int, int]]:
        parsed = nlp(doc.plain[doc.body_start :])
        found = []
        for token in parsed:
            if token.dep_ in ("auxpass", "aux:pass"):
                head = token.head
                start = min(token.idx, head.idx) + doc.body_start
                end = max(token.idx + len(token), head.idx + len(head)) + doc.body_start
                found.append((start, end))
        return found
