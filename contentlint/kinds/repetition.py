"""RP001 cross-channel-repeat and RP002 repeated-post: the same copy sent to the same people twice.

Two posts repeat when their texts are near-duplicates (`contentlint.similarity`), they reach a
common audience and their dates are at most `repetition.window_days` apart (an undated post is a
draft that may go out any day, so it is always inside the window). On different channels that is
RP001 (the reader who follows both sees it twice); on the same channel, near-identical copy is
RP002 (X rejects exact repeats, and followers see a re-run). The finding goes on the later post
(by date, undated last, then path), because that is the one still to be changed, and only when it
is one of the files being checked: a pre-commit run names the changed file and is compared with
every post of config `content`.

Audiences of a post on one channel: its `audience` field; else the configured audiences reached
on that channel; else everyone. Routing is per channel, so a post for instagram and linkedin with
no audience field reaches students on one and professionals on the other.

Unchanged posts are never parsed again: signature and routing fields come from
`SignatureCache`, keyed by content digest and run defaults. spaCy is never imported here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import combinations
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Mapping, Sequence

from contentlint.inputs.calendar_csv import CALENDAR_SUFFIXES
from contentlint.text.document import as_utc
from contentlint.model.violation import Finding, Related
from contentlint.kinds.base import PREPARED, OptionError, RuleContext, validate_options

if TYPE_CHECKING:  # numpy loads only when a repetition rule runs, not for `rules` or `explain`
    from contentlint.config.load import Config
    from contentlint.inputs.corpus import CorpusFile
    from contentlint.cache.signature_cache import PostMeta
    from contentlint.text.similarity import SimilarPair

EVERYONE = None  # an audience set of None: the post reaches everyone


@dataclass(frozen=True)
class Post:
    """One corpus post as the repetition rules see it (from the cache or a fresh parse)."""

    display: str
    meta: PostMeta
    signature: Any  # similarity.Signature
    when: datetime | None  # publish_at in UTC
    document: Any = None  # the row's Document for a post read from a scheduler CSV (many per file)

    @property
    def date_label(self) -> str:
        return self.meta.publish_at[:10] if self.meta.publish_at else "undated"

    def order_key(self) -> tuple:
        """Later posts sort last: by date, undated drafts after every dated post, then path."""
        return (0, self.when, self.display) if self.when is not None else (1, datetime.min, self.display)


def _meta_of(doc: Any) -> PostMeta:
    from contentlint.cache.signature_cache import PostMeta

    body = doc.text[doc.body_start:]
    line, column = doc.line_col(doc.body_start + len(body) - len(body.lstrip()))
    if doc.row is not None:
        line, column = doc.row, 1
    return PostMeta(tuple(doc.channels), tuple(doc.audiences),
                    doc.publish_at.isoformat() if doc.publish_at is not None else None, doc.lang, line, column)


def _post_key(digest: str, defaults: Any) -> str:
    from contentlint.cache.signature_cache import post_key

    return post_key(digest, f"{defaults.channels}\0{defaults.audiences}\0{defaults.lang}")


def _entry_of(doc: Any) -> Any:
    """What the rules keep of a post: its signature and routing (a `CachedPost`)."""
    from contentlint.cache.signature_cache import CachedPost
    from contentlint.text import similarity

    return CachedPost(similarity.make_signature(similarity.similarity_tokens(doc.published_text, doc.lang)), _meta_of(doc))


def _parse_when(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError:
        return None


def load_posts(corpus: Sequence[CorpusFile], ctx: RuleContext) -> list[Post]:
    """Every readable corpus post with signature and routing; parses only cache misses."""
    from contentlint.cache.signature_cache import SignatureCache
    from contentlint.text import similarity

    state = ("repetition.posts", hash(tuple((f.display, f.digest) for f in corpus)))
    if state in ctx.cache:
        return ctx.cache[state]
    cache = SignatureCache(ctx.cache_dir)
    prepared = ctx.cache.get(PREPARED, {})  # entries the linter made while it linted the targets
    posts: list[Post] = []
    for file in corpus:
        if file.display.lower().endswith(CALENDAR_SUFFIXES):  # rows of a scheduler CSV: few, parsed each run
            for doc in file.documents:
                meta = _meta_of(doc)
                signature = similarity.make_signature(similarity.similarity_tokens(doc.published_text, doc.lang))
                posts.append(Post(file.display, meta, signature, _parse_when(meta.publish_at), doc))
            continue
        key = _post_key(file.digest, file.defaults)
        entry = prepared.get(key)
        if entry is not None:
            cache.put(key, entry)
        else:
            entry = cache.get(key)
        if entry is None:
            doc = file.document
            if doc is None:
                continue  # undecodable: reported as a file error elsewhere
            entry = _entry_of(doc)
            cache.put(key, entry)
        posts.append(Post(file.display, entry.meta, entry.signature, _parse_when(entry.meta.publish_at)))
    cache.save()
    ctx.cache[state] = posts
    return posts


def similar_pairs(posts: Sequence[Post], queries: list[int], threshold: float, ctx: RuleContext) -> list[SimilarPair]:
    """Pairs at or above `threshold` that touch a target post; one computation serves both rules."""
    from contentlint.text.similarity import find_similar_pairs

    state = ("repetition.pairs", id(posts), tuple(queries))
    known = ctx.cache.get(state)
    if known is not None and known[0] <= threshold:
        return [p for p in known[1] if p.similarity >= threshold - 1e-12]
    found = find_similar_pairs([p.signature for p in posts], threshold,
                               queries=None if len(queries) == len(posts) else queries)
    ctx.cache[state] = (threshold, found)
    return found


# --- routing ------------------------------------------------------------------------------------
def audiences_on(post: Post, channel: str, config: Config) -> frozenset[str] | None:
    """Who a post reaches on one channel; None is everyone."""
    if post.meta.audiences:
        return frozenset(post.meta.audiences)
    reached = frozenset(name for name, audience in config.audiences.items() if channel in audience.channels)
    return reached or EVERYONE


def overlap(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None | bool:
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


def routes(a: Post, b: Post, config: Config) -> list[Route]:
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


def within_window(a: Post, b: Post, window_days: int) -> bool:
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


# --- the two rules ------------------------------------------------------------------------------
def _threshold(value: Any, option: str) -> float | None:
    if value is None:
        return None
    if not 0.05 <= float(value) <= 1.0:
        raise OptionError(f"option '{option}' must be between 0.05 and 1.0, got {value}")
    return float(value)


def _findings(targets: Sequence[CorpusFile], corpus: Sequence[CorpusFile], ctx: RuleContext,
              threshold: float, same_channel: bool) -> Iterator[tuple[Post, Finding]]:
    posts = load_posts(corpus, ctx)
    target_names = {t.display for t in targets}
    queries = [i for i, p in enumerate(posts) if p.display in target_names]
    config, window = ctx.config, ctx.config.repetition.window_days
    for i in queries:  # a post against itself: several channels in one file
        post = posts[i]
        mine = [r for r in routes(post, post, config) if r.same_channel == same_channel]
        if mine:
            yield post, _self_finding(post, mine)
    is_target = set(queries)
    for pair in similar_pairs(posts, queries, threshold, ctx):
        (ie, earlier), (il, later) = sorted(((pair.a, posts[pair.a]), (pair.b, posts[pair.b])), key=lambda t: t[1].order_key())
        if il not in is_target or not within_window(earlier, later, window):
            continue
        mine = [r for r in routes(later, earlier, config) if r.same_channel == same_channel]
        if mine:
            yield later, _pair_finding(later, earlier, pair.similarity, mine)


def _body_span(doc: Any) -> tuple[int, int]:
    """The first line of the body: where a repeat is reported (the whole body would be noise)."""
    if doc is None:
        return 0, 0
    body = doc.text[doc.body_start:]
    start = doc.body_start + len(body) - len(body.lstrip())
    lines = doc.text[start:].splitlines()
    return start, start + (len(lines[0]) if lines else 0)


def _pair_finding(later: Post, earlier: Post, similarity: float, mine: list[Route]) -> Finding:
    percent = int(similarity * 100 + 1e-9)
    route = mine[0]
    args = {"percent": percent, "other": earlier.display, "other_channel": route.channel_b,
            "other_date": earlier.date_label, "channel": route.channel_a,
            "audiences": audience_label(r.audiences for r in mine)}
    related = Related(earlier.display, earlier.meta.body_line, earlier.meta.body_column,
                      f"{percent}% similar: {route.channel_b}, {earlier.date_label}")
    return Finding(0, 0, args, related=(related,))  # placed on the target by check_corpus


def _self_finding(post: Post, mine: list[Route]) -> Finding:
    route = mine[0]
    who = audience_label(r.audiences for r in mine)
    if route.same_channel:
        message = f"{route.channel_a} is listed twice: the same post would go out twice there for {who}"
    else:
        message = f"one post sent to both {route.channel_a} and {route.channel_b} for {who}"
    return Finding(0, 0, {"message": message, "percent": 100, "other": post.display, "audiences": who})


@dataclass(frozen=True)
class _RepetitionKind:
    needs_nlp: ClassVar[bool] = False
    is_corpus: ClassVar[bool] = True
    same_channel: ClassVar[bool] = False

    threshold: float | None = None

    def effective_threshold(self, config: Config) -> float:
        return self.threshold if self.threshold is not None else config.repetition.threshold

    def check_corpus(self, targets: Sequence[CorpusFile], corpus: Sequence[CorpusFile],
                     ctx: RuleContext) -> Iterator[tuple[Any, Finding]]:
        files = {t.display: t for t in targets}
        for post, finding in _findings(targets, corpus, ctx, self.effective_threshold(ctx.config), self.same_channel):
            doc = post.document if post.document is not None else files[post.display].document
            start, end = _body_span(doc)
            yield (post.document or post.display), Finding(start, end, finding.args, related=finding.related)

    def check(self, doc: Any, ctx: RuleContext) -> Iterable[Finding]:
        return ()  # a corpus rule: the linter calls check_corpus

    def prepare(self, doc: Any, digest: str, defaults: Any) -> tuple[str, Any]:
        """The signature cache's key and entry for a post the linter has just parsed."""
        return _post_key(digest, defaults), _entry_of(doc)


@dataclass(frozen=True)
class CrossChannelRepeat(_RepetitionKind):
    """RP001: near-duplicate copy to a shared audience on another channel within the window."""

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> "CrossChannelRepeat":
        values = validate_options("cross-channel-repeat", options, {"threshold": float})
        return cls(_threshold(values.get("threshold"), "threshold"))


@dataclass(frozen=True)
class RepeatedPost(_RepetitionKind):
    """RP002: near-identical copy on the same channel within the window.

    Near-identical means similarity >= max(repetition.threshold, `min_similarity`): a same-channel
    post reusing most of an older one ("same offer, new closing line") is a legitimate series,
    while one that differs only in hashtags, emoji or a link is the re-run X refuses.
    """

    same_channel: ClassVar[bool] = True
    min_similarity: float = 0.8

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> "RepeatedPost":
        values = validate_options("repeated-post", options, {"min_similarity": float})
        found = _threshold(values.get("min_similarity"), "min_similarity")
        return cls(None, 0.8 if found is None else found)

    def effective_threshold(self, config: Config) -> float:
        return max(config.repetition.threshold, self.min_similarity)
