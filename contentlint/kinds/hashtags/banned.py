"""HT003 banned-hashtag: a tag on the team's banned list (`hashtags.banned` and `banned_file`).

The banned file is read once, when the engine is built (config/wordlists.py, with the one
comment rule of every word list), and handed over in the context; when it could not be read,
every post gets an error finding saying banned tags were not checked, so the gate cannot pass
silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.hashtags.tags import configured, tag_key, written_tags
from contentlint.model.violation import Finding


@dataclass(frozen=True)
class BannedHashtag(Kind):
    """A tag the team has banned (hashtags.banned and hashtags.banned_file)."""

    message_keys = ("unreadable",)

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        banned = configured(ctx, "banned")
        file_name = ctx.config.hashtags.banned_file
        if file_name:
            if ctx.banned_tags is None:
                args = {"file": file_name, "root": str(ctx.config.root)}
                yield Finding(doc.body_start, doc.body_start, args, severity="error", message="unreadable")
                return
            from_file = {tag_key(t): t.lstrip("#＃") for t in ctx.banned_tags.terms}
            banned.update((k, v) for k, v in from_file.items() if k not in banned)
        if not banned:
            return
        for tag in written_tags(doc, ctx):
            if tag_key(tag.value) in banned:
                yield Finding(tag.start, tag.end, {"tag": tag.value})
