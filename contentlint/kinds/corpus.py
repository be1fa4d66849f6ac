"""What a corpus rule sees of the other posts: a summary per post and the pairs that repeat.

The engine builds a `CorpusIndex` (engine/corpus_index.py) of every post of config `content` and
hands it to corpus rules through the `CorpusView` protocol; a rule never reads a file or a cache.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from contentlint.text.document import Document, as_utc

_DIGITS = re.compile(r"(\d+)")

if TYPE_CHECKING:  # numpy loads only when a corpus rule runs, not for `rules` or `explain`
    from contentlint.text.similarity import Signature


@dataclass(frozen=True)
class PostMeta:
    """A post's routing fields as its front matter (or the run's defaults) gave them, and where
    its body starts (where a repeat is reported, and where `related` points)."""

    channels: tuple[str, ...]
    audiences: tuple[str, ...]  # as written; empty means "resolve from the channel"
    publish_at: str | None  # ISO 8601 (datetime.isoformat()), None when undated or invalid
    lang: str
    body_line: int  # 1-based line and column where the body starts (for `related`)
    body_column: int
    body_start: int = 0  # offsets of the body's first line in the post's text
    body_end: int = 0
    reply: bool = False  # opens with `@handle` / `.@handle`, or names `in_reply_to:`
    campaign: str = ""  # the `campaign:` field, "" when none

    def to_json(self) -> list[Any]:
        return [
            list(self.channels),
            list(self.audiences),
            self.publish_at,
            self.lang,
            self.body_line,
            self.body_column,
            self.body_start,
            self.body_end,
            self.reply,
            self.campaign,
        ]

    @staticmethod
    def from_json(row: Any) -> PostMeta:
        channels, audiences, publish_at, lang, line, column, start, end, reply, campaign = row
        return PostMeta(
            tuple(map(str, channels)),
            tuple(map(str, audiences)),
            None if publish_at is None else str(publish_at),
            str(lang),
            int(line),
            int(column),
            int(start),
            int(end),
            bool(reply),
            str(campaign),
        )


@dataclass(frozen=True)
class IndexEntry:
    """What the corpus index keeps of one post: its signature and routing."""

    signature: Signature
    meta: PostMeta


@dataclass(frozen=True)
class CorpusPost:
    """One post of the corpus as the repetition rules see it."""

    display: str
    meta: PostMeta
    signature: Signature
    when: datetime | None  # publish_at in UTC
    document: Document | None = None  # the row's Document for a post read from a scheduler CSV (many per file)

    @property
    def date_label(self) -> str:
        return self.meta.publish_at[:10] if self.meta.publish_at else "undated"

    def order_key(self, today: datetime) -> tuple[datetime, tuple[tuple[int, str], ...]]:
        """Later posts sort last: by date (an undated draft publishes `today`, the day of the
        run), then by path in natural order (`t9.md` before `t10.md`)."""
        return (self.when if self.when is not None else today, natural_key(self.display))

    @staticmethod
    def of(display: str, entry: IndexEntry, document: Document | None = None) -> CorpusPost:
        return CorpusPost(display, entry.meta, entry.signature, parse_when(entry.meta.publish_at), document)


def natural_key(text: str) -> tuple[tuple[int, str], ...]:
    """Digits compared as numbers: `post-9` sorts before `post-10`."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in _DIGITS.split(text) if part)


def parse_when(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError:
        return None


@dataclass(frozen=True)
class SimilarPosts:
    """Two posts of the corpus and their similarity in [0, 1]."""

    a: CorpusPost
    b: CorpusPost
    similarity: float


class CorpusView(Protocol):
    """What the engine's corpus index answers for a corpus rule."""

    def posts_of(self, display: str) -> Sequence[CorpusPost]: ...

    def pairs(self, queries: Collection[str], threshold: float) -> list[SimilarPosts]:
        """Pairs at or above `threshold` where at least one post belongs to a file in `queries`."""
        ...
