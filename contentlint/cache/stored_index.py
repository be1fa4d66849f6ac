"""The corpus index answered from the corpus store: what `CorpusIndex` answers, reading only the
posts that share a shingle with the posts being checked.

Posts come from three places: the store's base (memory-mapped arrays), its delta (posts read
since the base was built) and this run's own posts (the targets, and whatever a long-lived
workspace replaced or removed), which hide the stored copies of the same file. Similarity is
`text.similarity`'s, counted the same way as its `_query_pairs` (containment over shingles that
are not boilerplate, Jaccard for tiny posts; boilerplate: in more than max(5, 5% of the posts)),
so a run with the store reports what a run without it reports.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from contentlint.cache.corpus_store import CorpusStore
from contentlint.inputs.walk import display_path
from contentlint.kinds.corpus import CorpusPost, SimilarPosts
from contentlint.text.similarity import MIN_CONTAINMENT_SHINGLES

BOILERPLATE_SHARE = 0.05  # find_similar_pairs' defaults, as CorpusIndex uses them
BOILERPLATE_MIN_POSTS = 5
_EMPTY = np.empty(0, dtype=np.uint64)


def _sorted_counts(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    keys, counts = np.unique(values, return_counts=True)
    return keys, counts


def _count_in(keys: np.ndarray, counts: np.ndarray, values: np.ndarray) -> np.ndarray:
    """How often each of `values` occurs, from (sorted unique keys, their counts)."""
    if keys.size == 0:
        return np.zeros(values.shape, dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, values), keys.size - 1)
    return np.where(keys[at] == values, counts[at], 0).astype(np.int64)


@dataclass(frozen=True)
class _Corpus:
    """What one query meets (see `StoredIndex._corpus`)."""

    memory: list[CorpusPost]
    values: np.ndarray  # the shingles of the posts in memory, post after post
    docs: np.ndarray  # the post (index into `memory`) of each of `values`
    alive: np.ndarray  # per base row: not dead, not hidden
    boiler: np.ndarray  # sorted: shingles in more than the boilerplate limit of posts

    def common(self, values: np.ndarray) -> np.ndarray:
        """Which of `values` are boilerplate."""
        if self.boiler.size == 0:
            return np.zeros(values.shape, dtype=bool)
        found: np.ndarray = (
            self.boiler[np.minimum(np.searchsorted(self.boiler, values), self.boiler.size - 1)] == values
        )
        return found


class StoredIndex:
    """A `CorpusView` over a corpus store plus posts held in memory. `verify(paths)` re-reads
    stored posts that changed on disk into the store and says which did."""

    def __init__(
        self,
        store: CorpusStore,
        cwd: Path,
        memory: Iterable[tuple[str, Sequence[CorpusPost]]] = (),
        verify: Callable[[list[str]], set[str]] | None = None,
    ) -> None:
        self.store = store
        self.cwd = cwd
        self._verify = verify
        self._memory: dict[str, tuple[CorpusPost, ...]] = {}
        self._hidden: set[str] = set()  # stored files that memory replaces or that were removed
        self._memo: dict[tuple[str, ...], tuple[float, list[SimilarPosts]]] = {}
        self._rows: dict[str, int | None] = {}
        self.damaged = False  # a query met arrays that cannot be right (see `pairs`)
        for display, posts in memory:
            self.replace_file(display, posts)

    # -------------------------------------------------------------- what CorpusIndex offers

    def _absolute(self, display: str) -> str:
        return os.path.abspath(os.path.join(self.cwd, display))

    def __len__(self) -> int:
        return len(self.store) - len(self._hidden_stored()) + sum(map(len, self._memory.values()))

    def __contains__(self, display: object) -> bool:
        if not isinstance(display, str):
            return False
        if display in self._memory:
            return True
        path = self._absolute(display)
        return path not in self._hidden and (path in self.store.delta or self._row_of(path) is not None)

    def posts_of(self, display: str) -> Sequence[CorpusPost]:
        if display in self._memory:
            return self._memory[display]
        path = self._absolute(display)
        if path in self._hidden:
            return ()
        if path in self.store.delta:
            return (CorpusPost.of(display, self.store.delta[path].entry),)
        row = self._row_of(path)
        return (self._base_post(row),) if row is not None else ()

    def replace_file(self, display: str, posts: Sequence[CorpusPost]) -> None:
        self._memory[display] = tuple(posts)
        self._hidden.add(self._absolute(display))
        self._memo.clear()

    def remove_file(self, display: str) -> None:
        self._memory.pop(display, None)
        self._hidden.add(self._absolute(display))
        self._memo.clear()

    def pairs(self, queries: Collection[str], threshold: float) -> list[SimilarPosts]:
        """Pairs at or above `threshold` touching a post of a file in `queries`. Stored posts
        found similar are checked on disk first (`verify`), so a stale entry never reports."""
        key = tuple(sorted(set(queries)))
        known = self._memo.get(key)
        if known is not None and known[0] <= threshold:
            return [p for p in known[1] if p.similarity >= threshold - 1e-12]
        try:
            found = self._verified_pairs(key, threshold)
        except (IndexError, ValueError, TypeError, OverflowError, UnicodeDecodeError):
            # arrays of the right size with wrong contents: the store goes (the next run or
            # index writes a new one) and the caller answers from the posts themselves
            self.damaged = True
            with contextlib.suppress(OSError):
                self.store.pointer.unlink(missing_ok=True)
            return []
        self._memo[key] = (threshold, found)
        return found

    def _verified_pairs(self, key: tuple[str, ...], threshold: float) -> list[SimilarPosts]:
        for _ in range(3):
            found = self._pairs([p for display in key for p in self.posts_of(display)], threshold)
            stored = sorted(
                {
                    self._absolute(post.display)
                    for pair in found
                    for post in (pair.a, pair.b)
                    if post.display not in self._memory
                }
            )
            if self._verify is None or not stored or not self._verify(stored):
                break
        return found

    def neighbours(self, display: str, floor: float) -> list[SimilarPosts]:
        """Every post at or above `floor` similarity to the posts of one file (for `similar`)."""
        return self.pairs([display], floor)

    # -------------------------------------------------------------- the join

    def _row_of(self, path: str) -> int | None:
        """The live base row of a stored path (looked up once: a base never changes under an
        index, only rows die)."""
        if path not in self._rows:
            self._rows[path] = self.store.base_row(path)
        row = self._rows[path]
        return row if row is not None and row not in self.store.dead else None

    def _hidden_stored(self) -> set[str]:
        """Hidden paths that the store holds (so that its count goes down by one each)."""
        return {path for path in self._hidden if path in self.store.delta or self._row_of(path) is not None}

    def _base_post(self, row: int) -> CorpusPost:
        assert self.store.base is not None
        path = self.store.base.path(row)
        return CorpusPost.of(display_path(Path(path), self.cwd), self.store.base.entry(row))

    def _pairs(self, queries: list[CorpusPost], threshold: float) -> list[SimilarPosts]:
        if not queries:
            return []
        corpus = self._corpus()
        found: dict[tuple[str, int, str, int], SimilarPosts] = {}
        for query in queries:
            shingles = query.signature.shingles
            rare = shingles[~corpus.common(shingles)]
            if rare.size:
                for other, overlap, size in self._candidates(corpus, query, rare, threshold):
                    self._add(found, query, other, overlap, rare.size, size, threshold)
        return [found[key] for key in sorted(found)]

    def _corpus(self) -> _Corpus:
        """The posts a query meets: live base rows, and posts in memory (the delta's unless hidden,
        and this index's own), with the shingles that are boilerplate among all of them."""
        store, base = self.store, self.store.base
        hidden_rows = set(store.dead)
        hidden_delta = set()
        for path in self._hidden:
            if path in store.delta:
                hidden_delta.add(path)
            row = self._row_of(path)
            if row is not None:
                hidden_rows.add(row)
        memory = [
            CorpusPost.of(display_path(Path(p), self.cwd), post.entry)
            for p, post in store.delta.items()
            if p not in hidden_delta
        ]
        memory += [post for posts in self._memory.values() for post in posts]
        n_base = len(base) if base is not None else 0
        limit = max(BOILERPLATE_MIN_POSTS, BOILERPLATE_SHARE * (n_base - len(hidden_rows) + len(memory)))
        sizes = np.fromiter((p.signature.shingles.size for p in memory), dtype=np.int64, count=len(memory))
        values = np.concatenate([p.signature.shingles for p in memory]) if memory else _EMPTY
        hidden = np.array(sorted(hidden_rows), dtype=np.int64)
        dead = (
            np.concatenate([base.shingles[base.offsets[r] : base.offsets[r + 1]] for r in hidden])
            if base is not None and hidden.size
            else _EMPTY
        )
        boiler = self._boilerplate(*_sorted_counts(values), *_sorted_counts(dead), len(memory), limit)
        alive = np.ones(n_base, dtype=bool)
        alive[hidden] = False
        return _Corpus(memory, values, np.repeat(np.arange(len(memory)), sizes), alive, boiler)

    def _candidates(
        self, corpus: _Corpus, query: CorpusPost, rare: np.ndarray, threshold: float
    ) -> Iterator[tuple[CorpusPost, int, int]]:
        """(post, shared shingles, its shingles that are not boilerplate) for the posts that share
        one of the query's `rare` (not boilerplate) shingles; base posts only when they reach
        `threshold`."""
        memory = corpus.memory
        if memory:
            mem_rare = ~corpus.common(corpus.values)
            mem_size = np.bincount(corpus.docs[mem_rare], minlength=len(memory))
            overlap = np.bincount(corpus.docs[np.isin(corpus.values, rare) & mem_rare], minlength=len(memory))
            for i in np.flatnonzero(overlap).tolist():
                if memory[i] is not query:
                    yield memory[i], int(overlap[i]), int(mem_size[i])
        base = self.store.base
        if base is None or base.keys.size == 0:
            return
        at = np.minimum(np.searchsorted(base.keys, rare), base.keys.size - 1)
        at = at[base.keys[at] == rare]
        lens = base.starts[at + 1] - base.starts[at]
        if lens.sum() == 0:
            return
        within = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)
        rows = np.asarray(base.postings[np.repeat(base.starts[at], lens) + within], dtype=np.int64)
        rows, overlaps = np.unique(rows[corpus.alive[rows]], return_counts=True)
        sizes = self._base_sizes(rows, corpus.common)
        lo = np.minimum(sizes, rare.size)  # `_add`'s similarity, so that few base posts are decoded
        similarity = np.where(
            lo >= MIN_CONTAINMENT_SHINGLES,
            overlaps / np.maximum(lo, 1),
            overlaps / np.maximum(sizes + rare.size - overlaps, 1),
        )
        reach = similarity >= threshold - 1e-12
        for row, overlap_, size in zip(
            rows[reach].tolist(), overlaps[reach].tolist(), sizes[reach].tolist(), strict=True
        ):
            yield self._base_post(row), overlap_, size

    def _boilerplate(
        self,
        mem_keys: np.ndarray,
        mem_counts: np.ndarray,
        dead_keys: np.ndarray,
        dead_counts: np.ndarray,
        in_memory: int,
        limit: float,
    ) -> np.ndarray:
        """The shingles in more than `limit` posts, sorted. Only a base key in more than
        `limit - in_memory` base posts, or a key of the posts in memory, can be one: a short
        list, so a post's shingles are tested against it and not looked up in the base's keys."""
        base = self.store.base
        found = [mem_keys[mem_counts > limit]]
        if base is not None and base.keys.size:
            base_df = np.diff(base.starts)
            maybe = np.flatnonzero(base_df > limit - in_memory)
            keys = base.keys[maybe]
            df = base_df[maybe] - _count_in(dead_keys, dead_counts, keys) + _count_in(mem_keys, mem_counts, keys)
            found.append(keys[df > limit])
        boiler: np.ndarray = np.unique(np.concatenate(found))
        return boiler

    def _base_sizes(self, rows: np.ndarray, common: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Each base post's count of shingles that are not boilerplate."""
        base = self.store.base
        assert base is not None
        starts, ends = base.offsets[rows], base.offsets[rows + 1]
        lens = ends - starts
        within = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens)
        values = np.asarray(base.shingles[np.repeat(starts, lens) + within])
        rare = ~common(values)
        sizes: np.ndarray = np.bincount(np.repeat(np.arange(len(rows)), lens)[rare], minlength=len(rows))
        return sizes

    @staticmethod
    def _add(
        found: dict[tuple[str, int, str, int], SimilarPosts],
        query: CorpusPost,
        other: CorpusPost,
        overlap: int,
        size_a: int,
        size_b: int,
        threshold: float,
    ) -> None:
        if other.display == query.display and other.meta == query.meta:
            return  # a stored post asked about (`neighbours`) meets its own stored copy
        lo = min(size_a, size_b)
        if lo >= MIN_CONTAINMENT_SHINGLES:
            similarity = overlap / max(lo, 1)
        else:
            similarity = overlap / max(size_a + size_b - overlap, 1)
        if similarity < threshold - 1e-12:
            return
        a, b = sorted((query, other), key=lambda post: (post.display, post.meta.body_line))
        found.setdefault((a.display, a.meta.body_line, b.display, b.meta.body_line), SimilarPosts(a, b, similarity))
