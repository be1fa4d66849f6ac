"""Near-duplicate detection for the repetition rules (RP001, RP002).

Three steps, each cheap enough for a pre-commit hook over a 100,000-post content repo:

1. `similarity_tokens` (`text/similarity_words.py`) turns a body into comparable words: what a
   cross-post changes anyway is set aside, Bengali words stay whole.
2. `make_signature` hashes word 3-grams ("shingles") with blake2b and splitmix64 (stable across
   runs and machines, unlike `hash()`).
3. `find_similar_pairs` reports pairs whose *containment* |A & B| / min(|A|, |B|) reaches the
   threshold, so a one-sentence X post lifted from a long LinkedIn post counts.

Why candidates come from a prefix-filtered inverted index and not from MinHash LSH: MinHash
estimates Jaccard, and a 10-shingle tweet inside a 60-shingle post has Jaccard 0.17 although its
containment is 1.0; LSH tuned that low floods the verifier. Instead each post is indexed by its
shingles, and a post probes the index only with its rarest `|A| - ceil(t|A|) + 1` shingles (the
"prefix"): if none of those is in B, at most `ceil(t|A|) - 1` are, so B cannot reach the
threshold. Rare shingles have short posting lists, so time grows about linearly on varied copy.

Probe budget: templated copy makes even a post's rarest shingles common, and the join then grows
with N squared (4 billion rows at 100,000 generated posts). So a post scans at most
`probe_budget` posting rows (its rarest prefix shingles first); the filter is exact for every
post whose prefix fits the budget, and a post over budget still finds the copies that share one
of the shingles it did probe (a real cross-post shares nearly all of them, a borderline 60% pair
may be missed). A few `queries` (the hook's changed files) never use the budget: `_query_pairs`
counts their exact overlaps with every post in one linear pass.

Boilerplate: a shingle in more than max(boilerplate_min_posts, boilerplate_share * N) posts
(a standard sign-off, a campaign tag line) is dropped before candidates and before scoring, so
two unrelated posts with the same sign-off are not similar. The flip side: in a small repo, text
posted more than `boilerplate_min_posts` times becomes boilerplate itself.

Tiny posts: with fewer than `MIN_CONTAINMENT_SHINGLES` non-boilerplate shingles (under about five
words) one shared 3-gram would already be 50-100% containment, so such pairs are scored by
Jaccard instead: a tiny post matches only a post that is (nearly) the same tiny post.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

NORMALISATION_VERSION = 1
SHINGLE_SIZE = 3
MIN_CONTAINMENT_SHINGLES = 3
_EXTRA_PREFIX = 2  # probe 2 shingles past the prefix, then demand 3 hits: prunes most candidates
PROBE_BUDGET = 200  # posting rows a post may scan for candidates: bounds the join (see above)
_QUERY_SHARE = 8  # up to n / 8 queries: exact per-query overlaps beat building the whole index
_BUCKETS = 1 << 20  # hash buckets for finding boilerplate in linear time
_JOIN_CHUNK = 1_000_000  # expanded (probe, posting) rows per numpy batch: bounds peak memory


# --- signatures ---------------------------------------------------------------------------------
def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a bijection on uint64 that spreads every input bit (wraps silently)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    mixed: np.ndarray = x ^ (x >> np.uint64(31))
    return mixed


_NGRAM_SEEDS = _mix64(np.arange(101, 101 + SHINGLE_SIZE + 1, dtype=np.uint64))


@lru_cache(maxsize=1 << 17)
def _token_digest(token: str) -> bytes:
    """8 stable bytes per word; cached because marketing copy reuses a small vocabulary."""
    return hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest()


@dataclass(frozen=True, eq=False)
class Signature:
    """What the repetition rules keep per post (and what the cache stores).

    shingles: sorted unique uint64 hashes of word 3-grams (fewer words: one n-gram of them all).
    """

    shingles: np.ndarray

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Signature):
            return NotImplemented
        return np.array_equal(self.shingles, other.shingles)

    __hash__ = None  # type: ignore[assignment]  # arrays are not hashable


def _shingle_hashes(tokens: Sequence[str]) -> np.ndarray:
    words = np.frombuffer(b"".join(map(_token_digest, tokens)), dtype="<u8").astype(np.uint64)
    n = min(SHINGLE_SIZE, len(words))
    h = np.full(len(words) - n + 1, _NGRAM_SEEDS[n], dtype=np.uint64)
    for i in range(n):  # order-sensitive chain: "pens dry fast" != "fast dry pens"
        h = _mix64(h ^ words[i : len(words) - n + 1 + i])
    return np.unique(h)


def make_signature(tokens: Sequence[str]) -> Signature:
    """Shingles of a token list; identical tokens give identical signatures."""
    if not tokens:
        return Signature(np.empty(0, dtype=np.uint64))
    return Signature(_shingle_hashes(tokens))


# --- pairs --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SimilarPair:
    """Two posts (indexes into the signatures list, a < b) and their similarity in [0, 1]."""

    a: int
    b: int
    similarity: float


@dataclass(frozen=True)
class _Postings:
    """Inverted index: docs holding shingle s are docs[start[s] : start[s] + count[s]]."""

    docs: np.ndarray
    start: np.ndarray
    count: np.ndarray

    @staticmethod
    def build(docs: np.ndarray, sids: np.ndarray, n_shingles: int) -> _Postings:
        order = np.argsort(sids, kind="stable")
        count = np.bincount(sids, minlength=n_shingles)
        start = np.concatenate(([0], np.cumsum(count)[:-1]))
        return _Postings(docs[order], start, count)


def _join(probe_docs: np.ndarray, probe_sids: np.ndarray, index: _Postings) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield (probe doc, indexed doc) for every shared shingle, in memory-bounded batches.

    Probe rows come grouped by probe doc and a batch never splits a group, so each batch holds
    all hits of its probe docs and can be pruned on its own (peak memory stays one batch).
    """
    lens = index.count[probe_sids]
    ends = np.cumsum(lens)
    group_starts = (
        np.flatnonzero(np.r_[True, probe_docs[1:] != probe_docs[:-1]]) if len(probe_docs) else np.empty(0, np.int64)
    )
    bounds = np.append(group_starts, len(probe_sids))
    lo = 0
    while lo < len(probe_sids):
        base = ends[lo - 1] if lo else 0
        hi = int(np.searchsorted(ends, base + _JOIN_CHUNK, side="right"))
        snapped = int(bounds[np.searchsorted(bounds, hi, side="right") - 1])  # back to a group start
        hi = snapped if snapped > lo else int(bounds[np.searchsorted(bounds, lo, side="right")])
        part = lens[lo:hi]
        total = int(part.sum())
        if total:
            first = np.repeat(index.start[probe_sids[lo:hi]], part)
            within = np.arange(total) - np.repeat(np.cumsum(part) - part, part)
            yield np.repeat(probe_docs[lo:hi], part), index.docs[first + within]
        lo = hi


def find_similar_pairs(
    signatures: Sequence[Signature],
    threshold: float = 0.6,
    *,
    queries: Collection[int] | None = None,
    boilerplate_share: float = 0.05,
    boilerplate_min_posts: int = 5,
    probe_budget: int = PROBE_BUDGET,
) -> list[SimilarPair]:
    """All pairs with similarity >= threshold (only pairs touching `queries`, when given).

    Similarity is containment over non-boilerplate shingles (Jaccard when the smaller post has
    fewer than MIN_CONTAINMENT_SHINGLES). Sorted by (a, b). A few queries (a hook's changed
    files) are answered exactly by `_query_pairs`; everything else by the prefix-filtered join,
    which is exact unless a post's prefix exceeds `probe_budget` (see the module docstring).
    """
    n = len(signatures)
    if n < 2 or not 0.0 < threshold <= 1.0:
        if n >= 2:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        return []
    limit = max(boilerplate_min_posts, boilerplate_share * n)
    if queries is not None:
        wanted = np.unique(np.fromiter(queries, dtype=np.int64))
        if wanted.size == 0:
            return []
        if wanted.size * _QUERY_SHARE <= n:
            return _query_pairs(signatures, threshold, wanted, limit)
        found = _all_pairs(signatures, threshold, limit, probe_budget)
        mask = np.zeros(n, dtype=bool)
        mask[wanted] = True
        return [p for p in found if mask[p.a] or mask[p.b]]
    return _all_pairs(signatures, threshold, limit, probe_budget)


def _concat(signatures: Sequence[Signature]) -> tuple[np.ndarray, np.ndarray]:
    """(shingle, post index) rows of every signature, in post order."""
    n = len(signatures)
    raw_sizes = np.fromiter((s.shingles.size for s in signatures), dtype=np.int64, count=n)
    if raw_sizes.sum() == 0:
        return np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64)
    values = np.concatenate([s.shingles for s in signatures])
    return values, np.repeat(np.arange(n, dtype=np.int64), raw_sizes)


def _similarity(overlap: np.ndarray, size_a: np.ndarray, size_b: np.ndarray) -> np.ndarray:
    lo = np.minimum(size_a, size_b)
    union = size_a + size_b - overlap
    similarity: np.ndarray = np.where(
        lo >= MIN_CONTAINMENT_SHINGLES, overlap / np.maximum(lo, 1), overlap / np.maximum(union, 1)
    )
    return similarity


def _pairs_out(a: np.ndarray, b: np.ndarray, sim: np.ndarray, threshold: float) -> list[SimilarPair]:
    hit = sim >= threshold - 1e-12
    lo, hi, s = np.minimum(a[hit], b[hit]), np.maximum(a[hit], b[hit]), sim[hit]
    order = np.lexsort((hi, lo))
    return [SimilarPair(int(lo[i]), int(hi[i]), float(s[i])) for i in order]


def _boilerplate_rows(values: np.ndarray, limit: float) -> np.ndarray:
    """Rows whose shingle is in more than `limit` posts, without sorting every row.

    Shingles are well-mixed hashes, so their low bits spread them over buckets evenly; only a
    bucket holding more than `limit` rows can hold a boilerplate shingle, and only those few rows
    are sorted and counted exactly. Linear time, so a hook run stays fast at 100,000 posts.
    """
    buckets = (values & np.uint64(_BUCKETS - 1)).astype(np.intp)
    heavy = (np.bincount(buckets, minlength=_BUCKETS) > limit)[buckets]
    out = np.zeros(len(values), dtype=bool)
    if heavy.any():
        _, inverse, counts = np.unique(values[heavy], return_inverse=True, return_counts=True)
        out[np.flatnonzero(heavy)] = counts[inverse.ravel()] > limit
    return out


def _query_pairs(
    signatures: Sequence[Signature], threshold: float, queries: np.ndarray, limit: float
) -> list[SimilarPair]:
    """Exact overlaps of a few posts with every post: one linear pass, no index, no budget."""
    n = len(signatures)
    values, docs = _concat(signatures)
    if values.size == 0:
        return []
    common = _boilerplate_rows(values, limit)
    size = np.bincount(docs[~common], minlength=n)
    is_query = np.zeros(n, dtype=bool)
    is_query[queries] = True
    mine = is_query[docs] & ~common
    q_vals, q_docs = values[mine], docs[mine]
    order = np.argsort(q_vals, kind="stable")
    q_vals, q_docs = q_vals[order], q_docs[order]
    if q_vals.size == 0:
        return []
    at = np.minimum(np.searchsorted(q_vals, values), q_vals.size - 1)
    hit = (q_vals[at] == values) & ~common
    other, first = docs[hit], at[hit]
    count = np.searchsorted(q_vals, values[hit], side="right") - first  # queries holding that shingle
    total = int(count.sum())
    within = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
    query = q_docs[np.repeat(first, count) + within]
    other = np.repeat(other, count)
    ok = query != other
    lo, hi = np.minimum(query[ok], other[ok]), np.maximum(query[ok], other[ok])
    codes, twice = np.unique(lo * n + hi, return_counts=True)
    a, b = codes // n, codes % n
    both = is_query[a] & is_query[b]  # such a pair was counted from each side
    overlap = np.where(both, twice // 2, twice)
    return _pairs_out(a, b, _similarity(overlap, size[a], size[b]), threshold)


def _all_pairs(signatures: Sequence[Signature], threshold: float, limit: float, probe_budget: int) -> list[SimilarPair]:
    n = len(signatures)
    values, docs = _concat(signatures)
    if values.size == 0:
        return []
    # Shingle ids (the rank of each distinct shingle) and their document frequency, as
    # np.unique(return_inverse, return_counts) gives them, in less memory: at 100,000 posts each
    # of these arrays is 30-60 MB. Ids in 32 bits (fewer than 2**31 posts and shingles) halve the
    # join's arrays; products of two ids are formed in 64 bits.
    docs = docs.astype(np.int32)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    del values
    new = np.empty(ordered.size, dtype=bool)
    new[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    del ordered
    df = np.diff(np.append(np.flatnonzero(new), new.size))
    sids = np.empty(new.size, dtype=np.int32)
    sids[order] = np.cumsum(new, dtype=np.int32) - 1
    del order, new
    n_shingles = len(df)

    keep = df[sids] <= limit
    docs, sids = docs[keep], sids[keep]
    del keep
    size = np.bincount(docs, minlength=n)

    # Each post's shingles, rarest first; its (extended) prefix is what it probes with, as far as
    # its budget of posting rows allows.
    rarity = df[sids].astype(np.int32)  # each row's document frequency (at most `limit` now)
    order = np.lexsort((sids, rarity, docs))
    docs, sids, rarity = docs[order], sids[order], rarity[order]
    del order
    doc_start = np.concatenate(([0], np.cumsum(size)[:-1]))
    first_row = doc_start.astype(np.int32)[docs]  # (32-bit row arrays: each is 30 MB at 100,000 posts)
    need = np.maximum(1, np.ceil(threshold * size - 1e-9).astype(np.int64))
    probe_len = np.minimum(size, size - need + 1 + _EXTRA_PREFIX)
    in_prefix = np.arange(len(docs), dtype=np.int32) - first_row < probe_len.astype(np.int32)[docs]
    spent = np.cumsum(np.where(in_prefix, rarity, 0), dtype=np.int64)
    del rarity
    before = np.zeros(n, dtype=np.int64)  # posting rows of the posts before each post
    started = doc_start > 0
    before[started] = spent[doc_start[started] - 1]
    spent -= before[docs]  # posting rows used so far by this post
    in_prefix &= spent <= probe_budget
    del first_row, spent, before
    probes = np.bincount(docs[in_prefix], minlength=n)
    min_hits = np.maximum(1, probes - (size - need))  # at most size - need shingles of a match are missing
    # A post cut short by its budget probed only its rarest shingles, and the bound above drops to
    # one hit, so every post sharing any of them would be verified. Demand the threshold share of
    # the probed shingles instead: a copy shares nearly all of them, a template neighbour few.
    cut = probes < np.minimum(size, probe_len)
    min_hits = np.where(cut, np.maximum(min_hits, np.ceil(threshold * probes - 1e-9).astype(np.int64)), min_hits)

    full = _Postings.build(docs, sids, n_shingles)
    batches: list[np.ndarray] = []
    for x, y in _join(docs[in_prefix], sids[in_prefix], full):
        ok = (size[x] < size[y]) | ((size[x] == size[y]) & (x < y))  # x probes as the smaller post
        codes, hits = np.unique(x[ok].astype(np.int64) * n + y[ok], return_counts=True)
        batches.append(codes[hits >= min_hits[codes // n]])  # complete counts: x is never split
    codes = np.concatenate(batches) if batches else np.empty(0, dtype=np.int64)
    if codes.size == 0:
        return []
    small, large = codes // n, codes % n
    overlap = _overlaps(small, large, docs, sids, size, doc_start, n_shingles)
    return _pairs_out(small, large, _similarity(overlap, size[small], size[large]), threshold)


def _overlaps(
    small: np.ndarray,
    large: np.ndarray,
    docs: np.ndarray,
    sids: np.ndarray,
    size: np.ndarray,
    doc_start: np.ndarray,
    n_shingles: int,
) -> np.ndarray:
    """Exact |A & B| per candidate: look up each shingle of the smaller post in the larger one."""
    member = np.sort(docs.astype(np.int64) * n_shingles + sids)
    overlap = np.zeros(len(small), dtype=np.int64)
    lens = size[small]
    ends = np.cumsum(lens)
    lo = 0
    while lo < len(small):
        base = ends[lo - 1] if lo else 0
        hi = max(int(np.searchsorted(ends, base + _JOIN_CHUNK, side="right")), lo + 1)
        part = lens[lo:hi]
        total = int(part.sum())
        if total:
            rows = np.repeat(np.arange(lo, hi), part)
            within = np.arange(total) - np.repeat(np.cumsum(part) - part, part)
            shingle = sids[np.repeat(doc_start[small[lo:hi]], part) + within]
            keys = large[rows] * n_shingles + shingle
            at = np.searchsorted(member, keys)
            found = member[np.minimum(at, len(member) - 1)] == keys
            overlap[lo:hi] = np.bincount(rows[found] - lo, minlength=hi - lo)
        lo = hi
    return overlap
