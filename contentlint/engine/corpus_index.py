"""The corpus index: every post of config `content` with its signature and routing, held by the
engine and handed to corpus rules, so that a rule compares posts without reading a file.

Built once per run (or once for a long-lived workspace) and updated in place when one file
changes (`replace_file`, `remove_file`); pairs found for a set of queries are remembered until
the next change, so RP001 and RP002 share one similarity join.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

from contentlint.kinds.corpus import CorpusPost, CorpusView, IndexEntry, PostMeta, SimilarPosts
from contentlint.text.document import Document


def body_span(doc: Document) -> tuple[int, int]:
    """The first line of the body: where a repeat is reported (the whole body would be noise)."""
    body = doc.text[doc.body_start :]
    start = doc.body_start + len(body) - len(body.lstrip())
    lines = doc.text[start:].splitlines()
    return start, start + (len(lines[0]) if lines else 0)


def meta_of(doc: Document) -> PostMeta:
    start, end = body_span(doc)
    line, column = doc.line_col(start)
    if doc.row is not None:
        line, column = doc.row, 1
    campaign = doc.meta.get("campaign")
    return PostMeta(
        tuple(doc.channels),
        tuple(doc.audiences),
        doc.publish_at.isoformat() if doc.publish_at is not None else None,
        doc.lang,
        line,
        column,
        start,
        end,
        is_reply(doc),
        campaign.strip() if isinstance(campaign, str) else "",
    )


# `@handle` or `.@handle` (the dot makes a reply public) opening the post: an answer to someone.
_REPLY = re.compile(r"\.?@\w")


def is_reply(doc: Document) -> bool:
    """A reply to one person: the text opens with a handle, or front matter names `in_reply_to`."""
    return bool(doc.meta.get("in_reply_to")) or _REPLY.match(doc.published_text) is not None


def entry_of(doc: Document) -> IndexEntry:
    """What the index keeps of a post: the signature of its published text and its routing."""
    from contentlint.text.similarity import make_signature  # numpy: only when indexing
    from contentlint.text.similarity_words import similarity_tokens

    return IndexEntry(make_signature(similarity_tokens(doc.published_text)), meta_of(doc))


class LiveCorpus(CorpusView, Protocol):
    """A corpus index a long-lived workspace keeps up to date: this `CorpusIndex`, or the corpus
    store's `StoredIndex` (cache/stored_index.py)."""

    damaged: bool  # the index cannot answer any more (a damaged store): open a new one

    def __len__(self) -> int: ...

    def __contains__(self, display: object) -> bool: ...

    def replace_file(self, display: str, posts: Sequence[CorpusPost]) -> None: ...

    def remove_file(self, display: str) -> None: ...

    def neighbours(self, display: str, floor: float) -> list[SimilarPosts]: ...


class CorpusIndex:
    """Posts by file, in a stable order (the order files were added). Implements `CorpusView`."""

    damaged = False  # held in memory: it cannot be damaged the way a store on disk can

    def __init__(self, files: Iterable[tuple[str, Sequence[CorpusPost]]] = ()) -> None:
        self._by_file: dict[str, tuple[CorpusPost, ...]] = {}
        self._posts: list[CorpusPost] | None = None
        self._memo: dict[tuple[str, ...], tuple[float, list[SimilarPosts]]] = {}
        for display, posts in files:
            self._by_file[display] = tuple(posts)

    def __len__(self) -> int:
        return sum(len(posts) for posts in self._by_file.values())

    def __contains__(self, display: object) -> bool:
        return display in self._by_file

    @property
    def posts(self) -> list[CorpusPost]:
        if self._posts is None:
            self._posts = [post for posts in self._by_file.values() for post in posts]
        return self._posts

    def posts_of(self, display: str) -> Sequence[CorpusPost]:
        return self._by_file.get(display, ())

    def replace_file(self, display: str, posts: Sequence[CorpusPost]) -> None:
        """A file's posts changed (or it is new): its entries are replaced, nothing else is rebuilt."""
        self._by_file[display] = tuple(posts)
        self._changed()

    def remove_file(self, display: str) -> None:
        if self._by_file.pop(display, None) is not None:
            self._changed()

    def _changed(self) -> None:
        self._posts = None
        self._memo.clear()

    def pairs(self, queries: Collection[str], threshold: float) -> list[SimilarPosts]:
        """Pairs at or above `threshold` that touch a post of a file in `queries`. One join serves
        several thresholds: the pairs of the lowest one asked are kept and filtered."""
        key = tuple(sorted(set(queries)))
        known = self._memo.get(key)
        if known is not None and known[0] <= threshold:
            return [p for p in known[1] if p.similarity >= threshold - 1e-12]
        from contentlint.text.similarity import find_similar_pairs

        posts = self.posts
        wanted = set(key)
        indexes = [i for i, post in enumerate(posts) if post.display in wanted]
        if not indexes:
            return []
        found = find_similar_pairs(
            [post.signature for post in posts], threshold, queries=None if len(indexes) == len(posts) else indexes
        )
        result = [SimilarPosts(posts[p.a], posts[p.b], p.similarity) for p in found]
        self._memo[key] = (threshold, result)
        return result

    def neighbours(self, display: str, floor: float) -> list[SimilarPosts]:
        """Every post at or above `floor` similarity to the posts of one file (for `similar`)."""
        from contentlint.text.similarity import find_similar_pairs

        posts = self.posts
        indexes = [i for i, post in enumerate(posts) if post.display == display]
        if not indexes:
            return []
        found = find_similar_pairs([post.signature for post in posts], floor, queries=indexes)
        return [SimilarPosts(posts[p.a], posts[p.b], p.similarity) for p in found]
