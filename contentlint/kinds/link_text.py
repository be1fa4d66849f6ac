"""CL007 vague-link-text: link text that says nothing about where it leads.

Screen readers list links by their text, and a feed reader decides from it whether to tap:
"click here" or "read more" as the text of a Markdown link tells neither. In plain social copy
"click here" / "tap here" is reported too (there is nothing to click "here" in a caption);
"read more: <url>" and "link in bio" are ordinary social conventions and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from contentlint.kinds.base import RuleContext, string_list, validate_options
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
class VagueLinkText:
    """Report Markdown link text from `link_texts`, and `phrases` anywhere in the text."""

    link_texts: frozenset[str]
    phrases: TermMatcher
    needs_nlp: ClassVar[bool] = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> VagueLinkText:
        validate_options("vague-link-text", options, {"link_texts": list, "phrases": list})
        link_texts = frozenset(
            " ".join(t.lower().split()) for t in string_list(options.get("link_texts"), "link_texts")
        )
        return cls(link_texts, TermMatcher(string_list(options.get("phrases"), "phrases")))

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        reported: list[tuple[int, int]] = []
        if doc.is_markdown and "](" in doc.text:
            for match in _links(doc.text, doc.body_start):
                start, end = match.span("label")
                if doc.prose[start:end] != match.group("label"):
                    continue  # inside code or a comment
                label = " ".join(match.group("label").strip(_EDGE).lower().split())
                if label in self.link_texts:
                    reported.append((start, end))
                    yield Finding(start, end, {"match": match.group("label"), "where": "link text"})
        for found in self.phrases.find(doc.plain):  # the matcher's own index of shared tokens
            if not any(s <= found.start < e for s, e in reported):
                yield Finding(found.start, found.end, {"match": found.text, "where": "call to action"})
