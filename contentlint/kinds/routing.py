"""Who a post reaches: its audiences per channel, and when two posts meet the same reader.

Audiences of a post on one channel: its `audience` field; else the configured audiences reached
on that channel; else everyone. Routing is per channel, so a post for instagram and linkedin with
no audience field reaches students on one and professionals on the other. Shared by the
repetition rules and by `contentlint similar`, which explains their verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
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


def within_window(a: CorpusPost, b: CorpusPost, window_days: int) -> bool:
    if a.when is None or b.when is None:
        return True
    return abs(a.when - b.when) <= timedelta(days=window_days)


def audience_label(audiences: Iterable[frozenset[str] | None]) -> str:
    names: set[str] = set()
    for group in audiences:
        if group is EVERYONE:
            return "everyone"
        names |= group
    return ", ".join(sorted(names))
