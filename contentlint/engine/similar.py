"""`contentlint similar FILE`: the posts of config `content` closest to one post, and why each would
or would not be reported by RP001/RP002. It answers "why did (or didn't) the linter flag this?"
with the same signatures, cache and routing as the rules, so it cannot disagree with them.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

from contentlint.inputs.corpus import CorpusFile
from contentlint.inputs.files import display_path, read_bytes
from contentlint.kinds.repetition import Post, RepeatedPost, audience_label, load_posts, routes, within_window
from contentlint.engine.linter import Linter
from contentlint.text.similarity import find_similar_pairs

FLOOR = 0.2  # neighbours below this share little more than a phrase: not worth listing


@dataclass(frozen=True)
class Neighbour:
    similarity: float
    path: str
    channels: tuple[str, ...]
    audiences: str           # the audiences the two posts share, "" when none
    date: str                # YYYY-MM-DD or "undated"
    flagged: str | None      # "RP001" / "RP002" when a check of the later post reports the pair
    reason: str              # why it is (or is not) reported


def nearest(linter: Linter, path: str, limit: int = 5, *, cwd: Path | None = None) -> list[Neighbour]:
    """The `limit` most similar posts to the post at `path`, most similar first."""
    cwd = cwd or Path.cwd()
    file = Path(path)
    target = CorpusFile(file, display_path(file, cwd), read_bytes(file), linter.defaults)
    corpus = linter.load_corpus([target], cwd)
    ctx = linter.context
    posts = load_posts(corpus, ctx)
    index = next((i for i, p in enumerate(posts) if p.display == target.display), None)
    if index is None:
        return []
    pairs = find_similar_pairs([p.signature for p in posts], FLOOR, queries=[index])
    me = posts[index]
    found = [_describe(me, posts[p.b if p.a == index else p.a], p.similarity, linter) for p in pairs]
    found.sort(key=lambda n: (-n.similarity, n.path))
    return found[:limit]


def _describe(me: Post, other: Post, similarity: float, linter: Linter) -> Neighbour:
    config = linter.config
    threshold = config.repetition.threshold
    near_identical = RepeatedPost().effective_threshold(config)
    shared = routes(me, other, config)
    flagged, reason = None, ""
    if not shared:
        reason = "no audience overlap"
    elif not within_window(me, other, config.repetition.window_days):
        reason = f"outside the {config.repetition.window_days}-day window"
    elif any(not r.same_channel for r in shared) and similarity >= threshold - 1e-12:
        flagged, reason = "RP001", f"same copy on another channel for the same audience (>= {threshold:.0%})"
    elif any(r.same_channel for r in shared) and similarity >= near_identical - 1e-12:
        flagged, reason = "RP002", f"near-identical copy on the same channel (>= {near_identical:.0%})"
    elif any(r.same_channel for r in shared) and similarity >= threshold:
        reason = f"same channel but below near-identical ({near_identical:.0%})"
    else:
        reason = f"below the threshold ({threshold:.0%})"
    if flagged:
        later = max(me, other, key=Post.order_key)
        reason += f"; reported on {later.display}, the later post"
    return Neighbour(round(similarity, 4), other.display, other.meta.channels,
                     audience_label(r.audiences for r in shared) if shared else "", other.date_label, flagged, reason)


def render_text(neighbours: Sequence[Neighbour]) -> str:
    if not neighbours:
        return "No similar posts in config `content`.\n"
    lines = []
    for n in neighbours:
        verdict = f"{n.flagged}: {n.reason}" if n.flagged else f"not reported: {n.reason}"
        audiences = f" for {n.audiences}" if n.audiences else ""
        lines.append(f"{n.similarity:4.0%}  {n.path} ({', '.join(n.channels) or 'no channel'}, {n.date}){audiences}\n"
                     f"      {verdict}")
    return "\n".join(lines) + "\n"


def render_json(neighbours: Sequence[Neighbour]) -> str:
    return json.dumps({"version": 1, "similar": [asdict(n) for n in neighbours]}, ensure_ascii=False, indent=2) + "\n"
