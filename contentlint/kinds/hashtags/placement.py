"""HT008 hashtag-mid-sentence: a tag inside a sentence on a channel where tags belong at the end."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.kinds.hashtags.tags import written_tags
from contentlint.model.violation import Finding

_SENTENCE_END = "!?.…।॥:;"


@dataclass(frozen=True)
class HashtagMidSentence(Kind):
    """A tag inside a sentence on a channel where tags belong at the end: "Our #BackToSchool sale"."""

    channels: tuple[str, ...] = option((), "channels where tags belong at the end of the post", lower=True)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        channels = [name for name in doc.channels if name in self.channels]
        if not channels:
            return
        text = doc.prose
        for tag in written_tags(doc, ctx):
            line_start = text.rfind("\n", 0, tag.start) + 1
            line_end = text.find("\n", tag.end)
            before = text[line_start : tag.start]
            after = text[tag.end : len(text) if line_end < 0 else line_end]
            if _words_follow(after) and _words_precede(before):
                yield Finding(tag.start, tag.end, {"tag": tag.value, "channel": ", ".join(channels)})


def _words_precede(before: str) -> bool:
    """A word of the same sentence stands before the tag (not only other tags or emoji)."""
    stripped = regex.sub(r"[#＃][\p{L}\p{M}\p{N}_]+", " ", before).rstrip()
    return bool(stripped) and stripped[-1] not in _SENTENCE_END and bool(regex.search(r"\p{L}", stripped))


def _words_follow(after: str) -> bool:
    """The sentence goes on after the tag with a word (a comma is fine, another tag is not)."""
    match = regex.match(r"[ \t,]*(\S)", after)
    return match is not None and bool(regex.match(r"[\p{L}\p{N}]", match.group(1)))
