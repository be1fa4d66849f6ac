"""HT006 missing-brand-hashtag: a post for a channel in hashtags.require_brand_on without a brand tag."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint.kinds.base import Kind, RuleContext
from contentlint.kinds.hashtags.tags import configured, tag_key
from contentlint.model.violation import Finding

if TYPE_CHECKING:
    from contentlint.text.document import Document


@dataclass(frozen=True)
class MissingBrandHashtag(Kind):
    """A channel in hashtags.require_brand_on whose post carries none of the brand's tags."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        brand = configured(ctx, "brand")
        required = set(ctx.config.hashtags.require_brand_on)
        if not brand or not required:
            return
        missing = []
        for channel in doc.channels:
            if channel not in required:
                continue
            profile = ctx.profiles.get(channel)
            tags = doc.hashtags(profile.hashtag_syntax if profile else "x")
            if not any(tag_key(t.value) in brand for t in tags):
                missing.append(channel)
        if not missing:
            return
        start, end = _channel_span(doc, missing[0])
        yield Finding(
            start,
            end,
            {
                "channel": ", ".join(missing),
                "brand": " or ".join(f"#{tag}" for tag in brand.values()),
            },
        )


def _channel_span(doc: Document, channel: str) -> tuple[int, int]:
    """Where the post names the channel in its front matter; the body start when it does not."""
    meta = doc.meta
    if isinstance(meta.get("channel"), str):
        return doc.front_matter.span("channel")
    if isinstance(meta.get("channels"), list):
        for index, name in enumerate(meta["channels"]):
            if str(name).strip().lower() == channel:
                return doc.front_matter.span("channels", index)
        return doc.front_matter.span("channels")
    return doc.body_start, doc.body_start
