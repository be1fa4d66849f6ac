"""RP001 cross-channel-repeat and RP002 repeated-post: the same copy sent to the same people twice.

Two posts repeat when their texts are near-duplicates (`text.similarity`), they reach a common
audience (`kinds.routing`) and they go out at most `repetition.window_days` apart (an undated
draft goes out on the day of the run). On different channels that is RP001 (the reader who
follows both sees it twice), unless both belong to one `campaign:` published within
`repetition.campaign_window_hours` (cross-posted on purpose); on the same channel, near-identical
copy is RP002 (X rejects exact repeats, and followers see a re-run). Replies (`@handle ...`) go
to one person and are not compared unless `repetition.compare_replies` is on: a care team must
say the same thing to many people.

A repeated post gets one finding per rule, naming every copy in `related` (the most similar
first, at most `RELATED_SHOWN`) and how many there are. It goes on the post being checked when
only one of the two is (a pre-commit run names the changed file, and must never pass a commit that
adds a repeat, whatever the dates); when both are, on the later one (by date, then by path in
natural order), because that is the one still to be changed.

The rules compare posts of the corpus index the engine hands them; they read no file and no cache.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from contentlint.config.model import Config
from contentlint.kinds.base import CorpusKind, RuleContext, option
from contentlint.kinds.corpus import CorpusPost, CorpusView, SimilarPosts
from contentlint.kinds.routing import Route, audience_label, excuse, routes, same_campaign
from contentlint.model.violation import Finding, Related

RELATED_SHOWN = 10  # copies listed in `related`; the message counts them all


def reported_and_other(pair: SimilarPosts, wanted: set[str], now: datetime) -> tuple[CorpusPost, CorpusPost] | None:
    """(the post a repeat is reported on, the other), or None when neither is being checked."""
    a_wanted, b_wanted = pair.a.display in wanted, pair.b.display in wanted
    if a_wanted != b_wanted:
        return (pair.a, pair.b) if a_wanted else (pair.b, pair.a)
    if not a_wanted:
        return None
    earlier, later = sorted((pair.a, pair.b), key=lambda post: post.order_key(now))
    return later, earlier


@dataclass(frozen=True)
class _Copy:
    other: CorpusPost
    similarity: float
    routes: list[Route]


def _findings(
    targets: Sequence[str], index: CorpusView, config: Config, threshold: float, same_channel: bool, now: datetime
) -> Iterator[tuple[CorpusPost, Finding]]:
    for display in targets:  # a post against itself: several channels in one file
        for post in index.posts_of(display):
            mine = [r for r in routes(post, post, config) if r.same_channel == same_channel]
            if mine:
                yield post, _self_finding(post, mine)
    wanted = set(targets)
    copies: dict[int, tuple[CorpusPost, list[_Copy]]] = {}
    for pair in index.pairs(targets, threshold):
        chosen = reported_and_other(pair, wanted, now)
        if chosen is None:
            continue
        post, other = chosen
        if excuse(post, other, config, now) is not None:
            continue
        if not same_channel and same_campaign(post, other, config, now):
            continue
        mine = [r for r in routes(post, other, config) if r.same_channel == same_channel]
        if mine:
            copies.setdefault(id(post), (post, []))[1].append(_Copy(other, pair.similarity, mine))
    for post, found in copies.values():
        found.sort(key=lambda copy: (-copy.similarity, copy.other.order_key(now)))
        yield post, _copies_finding(post, found)


def _copies_finding(post: CorpusPost, copies: list[_Copy]) -> Finding:
    best = copies[0]
    percent = _percent(best.similarity)
    route = best.routes[0]
    more = len(copies) - 1
    args = {
        "percent": percent,
        "other": best.other.display,
        "other_channel": route.channel_b,
        "other_date": best.other.date_label,
        "channel": route.channel_a,
        "audiences": audience_label(r.audiences for copy in copies for r in copy.routes),
        "more": f" and {more} more post{'s' if more > 1 else ''}" if more else "",
    }
    related = tuple(
        Related(
            copy.other.display,
            copy.other.meta.body_line,
            copy.other.meta.body_column,
            f"{_percent(copy.similarity)}% similar: {copy.routes[0].channel_b}, {copy.other.date_label}",
        )
        for copy in copies[:RELATED_SHOWN]
    )
    return Finding(post.meta.body_start, post.meta.body_end, args, related=related)


def _percent(similarity: float) -> int:
    return int(similarity * 100 + 1e-9)


def _self_finding(post: CorpusPost, mine: list[Route]) -> Finding:
    route = mine[0]
    who = audience_label(r.audiences for r in mine)
    args = {"percent": 100, "other": post.display, "channel": route.channel_a, "other_channel": route.channel_b}
    return Finding(post.meta.body_start, post.meta.body_end, {**args, "audiences": who}, message="self")


_THRESHOLD = "similarity from which two posts are repeats; unset: the config's repetition.threshold"


@dataclass(frozen=True)
class _RepetitionKind(CorpusKind):
    same_channel: ClassVar[bool] = False
    message_keys = ("self",)  # one post sent twice: to two channels (RP001), or one listed twice (RP002)

    def effective_threshold(self, config: Config) -> float:
        raise NotImplementedError

    def check_corpus(
        self, targets: Sequence[str], index: CorpusView, ctx: RuleContext
    ) -> Iterator[tuple[CorpusPost, Finding]]:
        """(post, finding) for every repeat that a post of one of the `targets` files makes."""
        config = ctx.config
        return _findings(targets, index, config, self.effective_threshold(config), self.same_channel, ctx.now())


@dataclass(frozen=True)
class CrossChannelRepeat(_RepetitionKind):
    """RP001: near-duplicate copy to a shared audience on another channel within the window."""

    threshold: float | None = option(None, _THRESHOLD, minimum=0.05, maximum=1.0)

    def effective_threshold(self, config: Config) -> float:
        return self.threshold if self.threshold is not None else config.repetition.threshold


@dataclass(frozen=True)
class RepeatedPost(_RepetitionKind):
    """RP002: near-identical copy on the same channel within the window.

    Near-identical means similarity >= max(repetition.threshold, `min_similarity`): a same-channel
    post reusing most of an older one ("same offer, new closing line") is a legitimate series,
    while one that differs only in hashtags, emoji or a link is the re-run X refuses.
    """

    same_channel: ClassVar[bool] = True
    min_similarity: float = option(0.8, "the least similarity that counts on one channel", minimum=0.05, maximum=1.0)

    def effective_threshold(self, config: Config) -> float:
        return max(config.repetition.threshold, self.min_similarity)
