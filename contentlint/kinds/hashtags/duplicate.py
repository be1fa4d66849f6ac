"""HT005 duplicate-hashtag: the same tag twice in a post, compared case-insensitively."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.hashtags.tags import tag_key, written_tags
from contentlint.model.violation import Finding
from contentlint.text.extract import Entity


@dataclass(frozen=True)
class DuplicateHashtag(Kind):
    """The same tag twice (case-insensitively): the second adds nothing but clutter."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        first: dict[str, Entity] = {}
        for tag in written_tags(doc, ctx):
            key = tag_key(tag.value)
            if key in first:
                yield Finding(tag.start, tag.end, {"tag": tag.value, "first": first[key].value})
            else:
                first[key] = tag
