"""BR001 brand-name-casing: the brand name written with other capitals or spacing, with a fix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.kinds.brand.matching import LETTER, LETTERS, safe_fix, text_scopes
from contentlint.model.violation import Finding
from contentlint.text.wordforms import is_english_word

_SEPARATOR = r"(?:[ \u00A0]|[-‐])?"


def _name_parts(name: str) -> list[str]:
    """ "InkWell" -> ["Ink", "Well"], "Ink Well" -> ["Ink", "Well"]: the places a writer may
    split or join the name."""
    parts = [p for p in regex.split(r"[\s\-‐]+", name.strip()) if p]
    return [piece for part in parts for piece in regex.split(r"(?<=\p{Ll})(?=\p{Lu})", part) if piece]


def _name_pattern(name: str) -> regex.Pattern[str]:
    body = _SEPARATOR.join(regex.escape(part) for part in _name_parts(name))
    return regex.compile(rf"(?<![{LETTER}_@#$/.&\-]){body}(?![{LETTER}_]|[.\-/@][{LETTER}])", regex.IGNORECASE)


def _is_all_caps_line(text: str, start: int, end: int) -> bool:
    """An all-caps headline ("NEW FROM INKWELL: GEL PENS"): capitals there are style, not a
    misspelling, and CL006 (shouting) is the rule that judges them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    words = [w for w in LETTERS.findall(line) if any(c.isalpha() and c.lower() != c.upper() for c in w)]
    others = [w for w in words if w.upper() not in text[start:end].upper()]
    return len(others) >= 2 and all(w.isupper() for w in words)


@dataclass(frozen=True)
class BrandNameCasing(Kind):
    """Report the brand name cased or spaced any other way than `brand.name`, with a fix."""

    determiners: TermList = option(
        "determiners.txt", "a word list of words after which a lower-case dictionary-word name is the word"
    )

    @cached_property
    def determiner_set(self) -> frozenset[str]:
        return frozenset(word.lower() for word in self.determiners.terms)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        name = ctx.config.brand.name
        if not name:
            return
        pattern = ctx.cached(("brand-name-casing", name), lambda: _name_pattern(name) if _name_parts(name) else None)
        if pattern is None:
            return
        for text, shift in text_scopes(doc):
            for match in pattern.finditer(text):
                written = match.group()
                if written == name:
                    continue
                start, end = match.start() + shift, match.end() + shift
                caps_line = _is_all_caps_line(text, match.start(), match.end())
                if caps_line and written == name.upper():
                    continue
                if self._is_common_noun(text, written, match.start()):
                    continue
                replacement = name.upper() if caps_line else name
                yield Finding(
                    start,
                    end,
                    {"match": written, "name": replacement},
                    fix=safe_fix(doc, start, end, written, replacement),
                )

    def _is_common_noun(self, text: str, written: str, start: int) -> bool:
        """ "dip the nib in an inkwell": a brand named after a dictionary word, written in lower
        case after a determiner, is the ordinary word, not a misspelt brand."""
        if not written.islower() or written.replace(" ", "").replace("-", "") != written:
            return False
        if not is_english_word(written):
            return False
        # "this brass inkwell": a determiner up to two lower-case words before it.
        before = regex.findall(r"\p{L}+|[^\p{L}\s]", text[max(0, start - 40) : start])[-3:]
        for index in range(len(before) - 1, -1, -1):
            word = before[index]
            if word.lower() in self.determiner_set:
                return all(w.islower() for w in before[index + 1 :])
        return False
