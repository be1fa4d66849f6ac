"""AX004: invisible characters in published text, with a fix that removes them.

Removing them never changes what a reader sees, except for bidi overrides, where the change is
the point: the hidden reordering is what the finding is about.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.invisible_chars import CANDIDATES, InvisibleChar, find_invisible
from contentlint.kinds.published_fields import published_fields
from contentlint.model.violation import Finding, Fix


def _emoji_offsets(text: str, emoji: list[Any] | None = None) -> frozenset[int]:
    if emoji is None:
        from contentlint.text.extract import extract_emoji

        emoji = extract_emoji(text)
    return frozenset(i for e in emoji for i in range(e.start, e.end))


def _runs(found: list[InvisibleChar]) -> list[list[InvisibleChar]]:
    """Adjacent invisible characters form one finding (ten ZWSPs in a row are one problem)."""
    runs: list[list[InvisibleChar]] = []
    for item in found:
        if runs and runs[-1][-1].offset + 1 == item.offset:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _describe(run: list[InvisibleChar]) -> tuple[str, str]:
    labels = list(dict.fromkeys(item.label for item in run))
    reasons = list(dict.fromkeys(item.reason for item in run))
    count = f"{len(run)} invisible characters: " if len(run) > 1 else ""
    return count + ", ".join(labels), "; ".join(reasons)


@dataclass(frozen=True)
class InvisibleCharacters(Kind):
    """Report zero-width, bidi and tag characters outside emoji sequences and Indic conjuncts."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        if not CANDIDATES.search(doc.text):
            return  # prose and published fields are all made of the file's characters
        sources: list[tuple[str, int, Any]] = [(doc.prose, 0, lambda: doc.emoji)]
        sources += [(value, offset, lambda: None) for value, offset in published_fields(doc)]
        for text, shift, emoji in sources:
            if not CANDIDATES.search(text):
                continue  # the usual post: no invisible character, so no emoji to find either
            for run in _runs(find_invisible(text, _emoji_offsets(text, emoji()))):
                start, end = run[0].offset + shift, run[-1].offset + 1 + shift
                characters, reason = _describe(run)
                yield Finding(start, end, {"characters": characters, "reason": reason}, fix=Fix("", start, end))
