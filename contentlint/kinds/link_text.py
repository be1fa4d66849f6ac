"""CL007 vague-link-text: link text that says nothing about where it leads.

Screen readers list links by their text, and a feed reader decides from it whether to tap:
"click here" or "read more" as the text of a Markdown link tells neither. In plain social copy
"click here" / "tap here" is reported too (there is nothing to click "here" in a caption);
"read more: <url>" and "link in bio" are ordinary social conventions and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex

from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.model.violation import Finding
from contentlint.text.wordforms import TermMatcher

_LINK = regex.compile(r"(?<!!)\[(?P<label>[^\]\n]{1,200})\]\((?P<target>[^)\n]*)\)")
_EDGE = " \t.,:;!?…→»>-–—\"'“”"


def _links(text: str, start: int) -> Iterator[regex.Match[str]]:
    """`_LINK.finditer(text, start)`, each line searched only up to its last ")": a target reads
    to the next ")" on its line, so from every "[" after the last one it read to the line's end
    (quadratic in a line of "[a](")."""
    pos = start
    while True:
        hit = text.find("](", pos)
        if hit < 0:
            return
        line_start = text.rfind("\n", pos, hit) + 1 or pos
        line_end = text.find("\n", hit)
        line_end = len(text) if line_end < 0 else line_end
        last = text.rfind(")", hit, line_end)
        if last >= 0:
            yield from _LINK.finditer(text, max(line_start, pos), last + 1)
        pos = line_end + 1


@dataclass(frozen=True)
class VagueLinkText(Kind):
    """Report Markdown link text from `link_texts`, and `phrases` anywhere in the text."""

    link_texts: tuple[str, ...] = option((), 'Markdown link labels to report ("click here", "read more")')
    phrases: tuple[str, ...] = option((), "phrases to report anywhere in the text")

    @cached_property
    def labels(self) -> frozenset[str]:
        return frozenset(" ".join(t.lower().split()) for t in self.link_texts)

    @cached_property
    def phrase_matcher(self) -> TermMatcher:
        return TermMatcher(self.phrases)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        reported: list[tuple[int, int]] = []
        if doc.is_markdown and "](" in doc.text:
            for match in _links(doc.text, doc.body_start):
                start, end = match.span("label")
                if doc.prose[start:end] != match.group("label"):
                    continue  # inside code or a comment
                label = " ".join(match.group("label").strip(_EDGE).lower().split())
                if label in self.labels:
                    reported.append((start, end))
                    yield Finding(start, end, {"match": match.group("label"), "where": "link text"})
        for found in self.phrase_matcher.find(doc.plain):  # the matcher's own index of shared tokens
            if not any(s <= found.start < e for s, e in reported):
                yield Finding(found.start, found.end, {"match": found.text, "where": "call to action"})
