"""`contentlint similar FILE`: the posts of config `content` closest to one post, and why each would
or would not be reported by RP001/RP002. It answers "why did (or didn't) the linter flag this?"
with the same index and routing as the rules, so it cannot disagree with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from contentlint.config.model import Config
from contentlint.engine.building import build_kind
from contentlint.engine.corpus_index import LiveCorpus
from contentlint.kinds.corpus import CorpusPost
from contentlint.kinds.repetition import RepeatedPost
from contentlint.kinds.routing import audience_label, excuse, routes, same_campaign

FLOOR = 0.2  # neighbours below this share little more than a phrase: not worth listing


@dataclass(frozen=True)
class Neighbour:
    similarity: float
    path: str
    channels: tuple[str, ...]
    audiences: str  # the audiences the two posts share, "" when none
    date: str  # YYYY-MM-DD or "undated"
    flagged: str | None  # "RP001" / "RP002" when a check of the later post reports the pair
    reason: str  # why it is (or is not) reported


def nearest(index: LiveCorpus, display: str, config: Config, now: datetime, limit: int = 5) -> list[Neighbour]:
    """The `limit` most similar posts to the post of `display`, most similar first (`now`: when
    an undated draft goes out, as for the rules)."""
    mine = index.posts_of(display)
    if not mine:
        return []
    me = mine[0]
    found = []
    for pair in index.neighbours(display, FLOOR):
        other = pair.b if pair.a is me else pair.a
        found.append(_describe(me, other, pair.similarity, config, now))
    found.sort(key=lambda n: (-n.similarity, n.path))
    return found[:limit]


def _describe(me: CorpusPost, other: CorpusPost, similarity: float, config: Config, now: datetime) -> Neighbour:
    threshold = config.repetition.threshold
    near_identical = build_kind(RepeatedPost, {}).effective_threshold(config)
    shared = routes(me, other, config)
    cross = [r for r in shared if not r.same_channel]
    flagged, reason = None, ""
    excused = excuse(me, other, config, now)
    if not shared:
        reason = "no audience overlap"
    elif excused is not None:
        reason = excused
    elif cross and similarity >= threshold - 1e-12 and same_campaign(me, other, config, now):
        reason = (
            f"one campaign cross-posted within {config.repetition.campaign_window_hours:g} hours"
            " (repetition.campaign_window_hours)"
        )
    elif cross and similarity >= threshold - 1e-12:
        flagged, reason = "RP001", f"same copy on another channel for the same audience (>= {threshold:.0%})"
    elif any(r.same_channel for r in shared) and similarity >= near_identical - 1e-12:
        flagged, reason = "RP002", f"near-identical copy on the same channel (>= {near_identical:.0%})"
    elif any(r.same_channel for r in shared) and similarity >= threshold:
        reason = f"same channel but below near-identical ({near_identical:.0%})"
    else:
        reason = f"below the threshold ({threshold:.0%})"
    if flagged:
        later = max(me, other, key=lambda post: post.order_key(now))
        reason += (
            f"; a full check reports it on {later.display}, the later post (a check of one of them alone, on that one)"
        )
    return Neighbour(
        round(similarity, 4),
        other.display,
        other.meta.channels,
        audience_label(r.audiences for r in shared) if shared else "",
        other.date_label,
        flagged,
        reason,
    )
