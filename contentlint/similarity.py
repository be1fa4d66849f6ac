"""Near-duplicate detection for the repetition rules (RP001, RP002).

Three steps, each cheap enough for a pre-commit hook over a 100,000-post content repo:

1. `similarity_tokens` turns a body into comparable words. It drops what a cross-post changes
   anyway (URLs, mentions, hashtags, cashtags, emoji, punctuation, case, font tricks) and keeps
   Bengali words whole: words are `regex` `[\\p{L}\\p{M}\\p{N}]+` runs, because Python's `re` `\\w`
   stops at vowel signs and the virama. spaCy is not imported here (it costs 0.7 s at start-up);
   a test shows the tokens equal spaCy's blank `en`/`bn` word tokens.
2. `make_signature` hashes word 3-grams ("shingles") with blake2b and splitmix64 (stable across
   runs and machines, unlike `hash()`) and keeps a 128-value MinHash for quick estimates.
3. `find_similar_pairs` reports pairs whose *containment* |A & B| / min(|A|, |B|) reaches the
   threshold, so a one-sentence X post lifted from a long LinkedIn post counts.

Why candidates come from a prefix-filtered inverted index and not from MinHash LSH: MinHash
estimates Jaccard, and a 10-shingle tweet inside a 60-shingle post has Jaccard 0.17 although its
containment is 1.0; LSH tuned that low floods the verifier. Instead each post is indexed by its
shingles, and a post probes the index only with its rarest `|A| - ceil(t|A|) + 1` shingles (the
"prefix"): if none of those is in B, at most `ceil(t|A|) - 1` are, so B cannot reach the
threshold. The filter is exact up to the posting-list cap below (unlike LSH's 99%),
and because rare shingles have short posting lists, time grows about linearly. Measured on the
generated bench corpus (bench/bench_similarity.py): see the README table.

Posting-list cap: a shingle in more than `_PROBE_DF_CAP` posts (a template phrase, below the
boilerplate share) still counts in the score but is never used to find candidates; without the
cap a heavily templated 100,000-post corpus made 4 billion join rows. So a pair whose shared text
is only such common phrases can be missed; every other pair at or above the threshold is found.

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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Iterator, Sequence

import numpy as np
import regex

NORMALISATION_VERSION = 1
NUM_PERM = 128
SHINGLE_SIZE = 3
MIN_CONTAINMENT_SHINGLES = 3
_EXTRA_PREFIX = 2  # probe 2 shingles past the prefix, then demand 3 hits: prunes most candidates
_PROBE_DF_CAP = 100  # a shingle in more posts is scored but never probed: bounds the join (see above)
_JOIN_CHUNK = 4_000_000  # expanded (probe, posting) rows per numpy batch: bounds peak memory

# --- tokens -------------------------------------------------------------------------------------
# Symbols removed before NFKC: NFKC turns "InkWell™" into "InkWellTM", one new word.
_SYMBOLS = regex.compile(
    r"[0-9#*]\ufe0f?\u20e3"                       # keycaps: 1️⃣ is an emoji, not the word "1"
    r"|[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{So}\ufe0f\u20e3]"
)
_FORMAT_CHARS = regex.compile(r"\p{Cf}")         # ZWJ/ZWNJ inside Bengali words, bidi controls
_APOSTROPHES = regex.compile(r"[\u2019\u2018\u02bc\u2032`]")
_TLDS = (
    "com|org|net|io|co|in|bd|uk|app|dev|shop|store|ly|me|info|biz|ai|gl|gd|link|page|site|xyz|us|"
    "ca|au|de|fr|edu|gov|tv|news|blog|online|social|art|design|studio|club|live"
)
# Not prose, removed in this order; each pattern runs only when its marker character occurs
# (one combined alternation cost 94 us a post, these about 25 us).
_NOT_PROSE = (
    ("@", regex.compile(r"[\p{L}\p{N}._%+-]++@[\p{L}\p{N}-]++(?:\.[\p{L}\p{N}-]++)+")),    # e-mail
    ("/", regex.compile(r"(?:https?://|www\.)\S+")),                                          # URL
    (".", regex.compile(r"www\.\S+")),
    (".", regex.compile(                                                   # example.xyz/path, inkwell.in
        r"(?<![\p{L}\p{M}\p{N}@.])(?:[\p{L}\p{N}-]++\.)+"
        rf"(?:[a-z]{{2,24}}/\S*|(?:{_TLDS})(?![\p{{L}}\p{{M}}\p{{N}}]))"
    )),
    ("@", regex.compile(r"(?<![\p{L}\p{M}\p{N}_])@[\p{L}\p{M}\p{N}_.]+(?:@[\p{L}\p{N}.-]+)?")),  # @user@host
    ("#", regex.compile(r"(?<![\p{L}\p{M}\p{N}_&])#[\p{L}\p{M}\p{N}_]+")),                # hashtag
    ("$", regex.compile(r"(?<![\p{L}\p{N}_])\$[a-z][a-z0-9_]{0,14}(?:\.[a-z]{1,2})?(?![\p{L}\p{N}])")),  # cashtag
)
_WORD = regex.compile(r"\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*")


def similarity_tokens(body: str, lang: str) -> list[str]:
    """Words of `body` that survive a cross-post: what a reader would call "the same text".

    `lang` is accepted so that a language-specific rule can be added without changing callers;
    the rules are the same for every language today (the `regex` classes cover all scripts).
    """
    del lang
    text = _SYMBOLS.sub(" ", body)
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _FORMAT_CHARS.sub("", text)
    text = _APOSTROPHES.sub("'", text)
    for marker, pattern in _NOT_PROSE:
        if marker in text:
            text = pattern.sub(" ", text)
    return _WORD.findall(text)


# --- signatures ---------------------------------------------------------------------------------
def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a bijection on uint64 that spreads every input bit (wraps silently)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


_SEEDS = _mix64(np.arange(1, NUM_PERM + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))
_NGRAM_SEEDS = _mix64(np.arange(101, 101 + SHINGLE_SIZE + 1, dtype=np.uint64))
_EMPTY_MINHASH = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
_EMPTY_MINHASH.setflags(write=False)


@lru_cache(maxsize=1 << 17)
def _token_digest(token: str) -> bytes:
    """8 stable bytes per word; cached because marketing copy reuses a small vocabulary."""
    return hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()


@dataclass(frozen=True, eq=False)
class Signature:
    """What the repetition rules keep per post (and what the cache stores).

    shingles: sorted unique uint64 hashes of word 3-grams (fewer words: one n-gram of them all).
    minhash: uint32[NUM_PERM] minimums over fixed permutations, for quick Jaccard estimates.
    """

    shingles: np.ndarray
    minhash: np.ndarray

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Signature):
            return NotImplemented
        return np.array_equal(self.shingles, other.shingles) and np.array_equal(
            self.minhash, other.minhash
        )

    __hash__ = None  # type: ignore[assignment]  # arrays are not hashable


def _shingle_hashes(tokens: Sequence[str]) -> np.ndarray:
    words = np.frombuffer(b"".join(map(_token_digest, tokens)), dtype="<u8").astype(np.uint64)
    n = min(SHINGLE_SIZE, len(words))
    h = np.full(len(words) - n + 1, _NGRAM_SEEDS[n], dtype=np.uint64)
    for i in range(n):  # order-sensitive chain: "pens dry fast" != "fast dry pens"
        h = _mix64(h ^ words[i : len(words) - n + 1 + i])
    return np.unique(h)


def make_signature(tokens: Sequence[str]) -> Signature:
    """Shingles and MinHash of a token list; identical tokens give identical signatures."""
    if not tokens:
        return Signature(np.empty(0, dtype=np.uint64), _EMPTY_MINHASH)
    shingles = _shingle_hashes(tokens)
    permuted = _mix64(shingles[:, None] ^ _SEEDS[None, :])
    minhash = (permuted.min(axis=0) >> np.uint64(32)).astype(np.uint32)
    return Signature(shingles, minhash)


def estimate_jaccard(a: Signature, b: Signature) -> float:
    """MinHash estimate of Jaccard similarity (about +-0.04 at 128 values); for ranking only."""
    if a.shingles.size == 0 or b.shingles.size == 0:
        return 0.0
    return float(np.mean(a.minhash == b.minhash))


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
    def build(docs: np.ndarray, sids: np.ndarray, n_shingles: int) -> "_Postings":
        order = np.argsort(sids, kind="stable")
        count = np.bincount(sids, minlength=n_shingles)
        start = np.concatenate(([0], np.cumsum(count)[:-1]))
        return _Postings(docs[order], start, count)


def _join(probe_docs: np.ndarray, probe_sids: np.ndarray, index: _Postings) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield (probe doc, indexed doc) for every shared shingle, in memory-bounded batches."""
    lens = index.count[probe_sids]
    ends = np.cumsum(lens)
    lo = 0
    while lo < len(probe_sids):
        base = ends[lo - 1] if lo else 0
        hi = int(np.searchsorted(ends, base + _JOIN_CHUNK, side="right"))
        hi = max(hi, lo + 1)
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
) -> list[SimilarPair]:
    """All pairs with similarity >= threshold (only pairs touching `queries`, when given).

    Similarity is containment over non-boilerplate shingles (Jaccard when the smaller post has
    fewer than MIN_CONTAINMENT_SHINGLES). Sorted by (a, b).
    """
    n = len(signatures)
    if n < 2 or not 0.0 < threshold <= 1.0:
        if n >= 2:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        return []
    raw_sizes = np.fromiter((s.shingles.size for s in signatures), dtype=np.int64, count=n)
    if raw_sizes.sum() == 0:
        return []
    values = np.concatenate([s.shingles for s in signatures])
    docs = np.repeat(np.arange(n, dtype=np.int64), raw_sizes)
    _, sids, df = np.unique(values, return_inverse=True, return_counts=True)
    sids = sids.ravel()
    n_shingles = len(df)

    keep = df[sids] <= max(boilerplate_min_posts, boilerplate_share * n)
    docs, sids = docs[keep], sids[keep]
    size = np.bincount(docs, minlength=n)

    # Each post's shingles, rarest first; its (extended) prefix is what it probes with.
    order = np.lexsort((sids, df[sids], docs))
    docs, sids = docs[order], sids[order]
    doc_start = np.concatenate(([0], np.cumsum(size)[:-1]))
    position = np.arange(len(docs)) - doc_start[docs]
    need = np.maximum(1, np.ceil(threshold * size - 1e-9).astype(np.int64))
    probe_len = np.minimum(size, size - need + 1 + _EXTRA_PREFIX)
    in_prefix = (position < probe_len[docs]) & (df[sids] <= _PROBE_DF_CAP)
    probes = np.bincount(docs[in_prefix], minlength=n)
    min_hits = np.maximum(1, probes - (size - need))  # at most size - need shingles of a match are missing

    full = _Postings.build(docs, sids, n_shingles)

    def smaller(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return (size[x] < size[y]) | ((size[x] == size[y]) & (x < y))

    batches: list[tuple[np.ndarray, np.ndarray]] = []

    def collect(small: np.ndarray, large: np.ndarray) -> None:
        ok = smaller(small, large)
        batches.append(np.unique(small[ok] * n + large[ok], return_counts=True))

    if queries is None:
        for x, y in _join(docs[in_prefix], sids[in_prefix], full):
            collect(x, y)
    else:
        is_query = np.zeros(n, dtype=bool)
        is_query[np.fromiter(queries, dtype=np.int64)] = True
        probe = in_prefix & is_query[docs]
        for x, y in _join(docs[probe], sids[probe], full):  # query is the smaller post
            collect(x, y)
        prefixes = _Postings.build(docs[in_prefix], sids[in_prefix], n_shingles)
        mine = is_query[docs]
        for q, y in _join(docs[mine], sids[mine], prefixes):  # query is the larger post
            collect(y, q)

    if not batches:
        return []
    codes, first = np.unique(np.concatenate([c for c, _ in batches]), return_inverse=True)
    hits = np.bincount(first.ravel(), weights=np.concatenate([k for _, k in batches])).astype(np.int64)
    small, large = codes // n, codes % n
    enough = hits >= min_hits[small]
    small, large = small[enough], large[enough]
    overlap = _overlaps(small, large, docs, sids, size, doc_start, n_shingles)
    lo = np.minimum(size[small], size[large])
    union = size[small] + size[large] - overlap
    sim = np.where(lo >= MIN_CONTAINMENT_SHINGLES, overlap / np.maximum(lo, 1), overlap / np.maximum(union, 1))
    hit = sim >= threshold - 1e-12
    a = np.minimum(small[hit], large[hit])
    b = np.maximum(small[hit], large[hit])
    s = sim[hit]
    out = np.lexsort((b, a))
    return [SimilarPair(int(a[i]), int(b[i]), float(s[i])) for i in out]


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
    member = np.sort(docs * n_shingles + sids)
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
