"""RP001 cross-channel-repeat and RP002 repeated-post: the same copy sent to the same people twice.

Two posts repeat when their texts are near-duplicates (`text.similarity`), they reach a common
audience (`kinds.routing`) and their dates are at most `repetition.window_days` apart (an undated
post is a draft that may go out any day, so it is always inside the window). On different
channels that is RP001 (the reader who follows both sees it twice); on the same channel,
near-identical copy is RP002 (X rejects exact repeats, and followers see a re-run). The finding
goes on the later post (by date, undated last, then path), because that is the one still to be
changed, and only when it is one of the files being checked: a pre-commit run names the changed
file and is compared with every post of config `content`.

The rules compare posts of the corpus index the engine hands them; they read no file and no cache.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from contentlint.config.model import Config
from contentlint.kinds.base import CorpusKind, RuleContext, option
from contentlint.kinds.corpus import CorpusPost, CorpusView
from contentlint.kinds.routing import Route, audience_label, routes, within_window
from contentlint.model.violation import Finding, Related


def _findings(
    targets: Sequence[str], index: CorpusView, config: Config, threshold: float, same_channel: bool
) -> Iterator[tuple[CorpusPost, Finding]]:
    window = config.repetition.window_days
    for display in targets:  # a post against itself: several channels in one file
        for post in index.posts_of(display):
            mine = [r for r in routes(post, post, config) if r.same_channel == same_channel]
            if mine:
                yield post, _self_finding(post, mine)
    wanted = set(targets)
    for pair in index.pairs(targets, threshold):
        earlier, later = sorted((pair.a, pair.b), key=CorpusPost.order_key)
        if later.display not in wanted or not within_window(earlier, later, window):
            continue
        mine = [r for r in routes(later, earlier, config) if r.same_channel == same_channel]
        if mine:
            yield later, _pair_finding(later, earlier, pair.similarity, mine)


def _pair_finding(later: CorpusPost, earlier: CorpusPost, similarity: float, mine: list[Route]) -> Finding:
    percent = int(similarity * 100 + 1e-9)
    route = mine[0]
    args = {
        "percent": percent,
        "other": earlier.display,
        "other_channel": route.channel_b,
        "other_date": earlier.date_label,
        "channel": route.channel_a,
        "audiences": audience_label(r.audiences for r in mine),
    }
    related = Related(
        earlier.display,
        earlier.meta.body_line,
        earlier.meta.body_column,
        f"{percent}% similar: {route.channel_b}, {earlier.date_label}",
    )
    return Finding(later.meta.body_start, later.meta.body_end, args, related=(related,))


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
        return _findings(targets, index, ctx.config, self.effective_threshold(ctx.config), self.same_channel)


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
