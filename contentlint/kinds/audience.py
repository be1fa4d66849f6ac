"""AU001-AU003: a post names an audience the config defines, reached on the post's channel.

Audiences decide the reading grade (CL001) and which posts count as repeats (RP001), so a
missing or misspelt audience silently changes what other rules check. All three rules are
silent when the config defines no audiences: the team has not opted in.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint.kinds.base import Kind, RuleContext
from contentlint.model.violation import Finding

if TYPE_CHECKING:
    from contentlint.text.document import Document


def _audience_key(doc: Any) -> str | None:
    for key in ("audience", "audiences"):
        if key in doc.meta:
            return key
    return None


def _audience_span(doc: Document, name: str) -> tuple[int, int]:
    """File offsets of one audience name in the front matter (the block when it came from --audience)."""
    key = _audience_key(doc)
    if key is None:
        return doc.front_matter.span("audience")
    value = doc.meta[key]
    if isinstance(value, list):
        for index, item in enumerate(value):
            if str(item).strip().lower() == name:
                return doc.front_matter.span(key, index)
    return doc.front_matter.span(key)


def _channel_span(doc: Document, channel: str) -> tuple[int, int]:
    for key in ("channels", "channel"):
        value = doc.meta.get(key)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if str(item).strip().lower() == channel:
                    return doc.front_matter.span(key, index)
        elif value is not None:
            return doc.front_matter.span(key)
    return doc.front_matter.span("channel")


@dataclass(frozen=True)
class MissingAudience(Kind):
    """Report a post with no audience while the config defines audiences."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        audiences = ctx.config.audiences
        if not audiences or doc.audiences:
            return
        if doc.front_matter.end:
            start, end = doc.front_matter.start, doc.front_matter.start + 3
        else:
            start, end = doc.body_start, doc.body_start
        yield Finding(start, end, {"audiences": ", ".join(sorted(audiences))})


@dataclass(frozen=True)
class UnknownAudience(Kind):
    """Report an audience name the config does not define, with the closest defined one."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        audiences = ctx.config.audiences
        if not audiences:
            return
        for name in doc.audiences:
            if name in audiences:
                continue
            close = difflib.get_close_matches(name, list(audiences), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else f"; defined: {', '.join(sorted(audiences))}"
            start, end = _audience_span(doc, name)
            yield Finding(start, end, {"audience": name, "hint": hint})


@dataclass(frozen=True)
class ChannelAudienceMismatch(Kind):
    """Report a channel that is not one of the audience's `channels` in the config."""

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        for name in doc.audiences:
            audience = ctx.config.audiences.get(name)
            if audience is None or not audience.channels:
                continue
            for channel in doc.channels:
                if channel not in audience.channels:
                    start, end = _channel_span(doc, channel)
                    yield Finding(
                        start, end, {"audience": name, "channel": channel, "channels": ", ".join(audience.channels)}
                    )
