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
            for match in _LINK.finditer(doc.text, doc.body_start):
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
