"""Who a post reaches: its audiences per channel, and when two posts meet the same reader.

Audiences of a post on one channel: its `audience` field; else the configured audiences reached
on that channel; else everyone. Routing is per channel, so a post for instagram and linkedin with
no audience field reaches students on one and professionals on the other. Shared by the
repetition rules and by `contentlint similar`, which explains their verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import combinations
from typing import Literal

from contentlint.config.model import Config
from contentlint.kinds.corpus import CorpusPost

EVERYONE = None  # an audience set of None: the post reaches everyone


def audiences_on(post: CorpusPost, channel: str, config: Config) -> frozenset[str] | None:
    """Who a post reaches on one channel; None is everyone."""
    if post.meta.audiences:
        return frozenset(post.meta.audiences)
    reached = frozenset(name for name, audience in config.audiences.items() if channel in audience.channels)
    return reached or EVERYONE


def overlap(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | Literal[False] | None:
    """Common audience of two sets (None: everyone); False when they share nobody."""
    if a is EVERYONE:
        return b
    if b is EVERYONE:
        return a
    return (a & b) or False


@dataclass(frozen=True)
class Route:
    """One way two posts meet the same reader: channel of each and who they share."""

    channel_a: str
    channel_b: str
    audiences: frozenset[str] | None

    @property
    def same_channel(self) -> bool:
        return self.channel_a == self.channel_b


def routes(a: CorpusPost, b: CorpusPost, config: Config) -> list[Route]:
    """Channel combinations of two posts (of one post with itself: its channel pairs) that share readers."""
    if a is b:
        combos = list(combinations(a.meta.channels, 2))
    else:
        combos = [(ca, cb) for ca in a.meta.channels for cb in b.meta.channels]
    found = []
    for ca, cb in combos:
        common = overlap(audiences_on(a, ca, config), audiences_on(b, cb, config))
        if common is not False:
            found.append(Route(ca, cb, common))
    return found


def publish_time(post: CorpusPost, now: datetime) -> datetime:
    """When a post goes out: its `publish_at`, or now for an undated draft (a draft dated
    nowhere is not "inside every window": against a post of 2012 it is years apart)."""
    return post.when if post.when is not None else now


def within_window(a: CorpusPost, b: CorpusPost, window_days: int, now: datetime) -> bool:
    return abs(publish_time(a, now) - publish_time(b, now)) <= timedelta(days=window_days)


def excuse(a: CorpusPost, b: CorpusPost, config: Config, now: datetime) -> str | None:
    """Why two posts are never a repeat whatever their texts, or None: a reply (unless the
    config compares replies) or dates further apart than the window."""
    if not config.repetition.compare_replies and (a.meta.reply or b.meta.reply):
        return "a reply to one person, not a post to an audience (repetition.compare_replies: false)"
    if not within_window(a, b, config.repetition.window_days, now):
        return f"outside the {config.repetition.window_days}-day window"
    return None


def same_campaign(a: CorpusPost, b: CorpusPost, config: Config, now: datetime) -> bool:
    """Cross-posted on purpose: one `campaign:`, published within `campaign_window_hours`."""
    hours = config.repetition.campaign_window_hours
    if not hours or not a.meta.campaign or a.meta.campaign != b.meta.campaign:
        return False
    return abs(publish_time(a, now) - publish_time(b, now)) <= timedelta(hours=hours)


def audience_label(audiences: Iterable[frozenset[str] | None]) -> str:
    names: set[str] = set()
    for group in audiences:
        if group is EVERYONE:
            return "everyone"
        names |= group
    return ", ".join(sorted(names))
