"""The posts corpus rules compare: every file of config `content` plus the files being checked.

Each file is read at most once; its bytes and digest travel with it so the corpus index can key
its caches on content and parse the post only when it must (parsing 100,000 front matters costs
seconds). A post whose digest is known from its stat (`cache.stat_digests`) is not read at all
unless its text is needed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from contentlint.config.model import CsvLayout
from contentlint.inputs.read import ReadError, read_bytes
from contentlint.inputs.readers import Posts, holds_many, read_posts
from contentlint.inputs.source import SourceError, decode
from contentlint.model.defaults import Defaults
from contentlint.text.document import Document


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    display: str
    data: bytes | None  # None: not read, its digest known from its stat
    defaults: Defaults
    layout: CsvLayout = field(default_factory=CsvLayout)  # header names, for scheduler CSVs
    known_digest: str | None = None  # set when `data` is None (`stat_digests`)

    @cached_property
    def content(self) -> bytes | None:
        """The bytes, read now if they were not (None if the file can no longer be read)."""
        if self.data is not None:
            return self.data
        try:
            return read_bytes(self.path)
        except ReadError:
            return None

    @cached_property
    def digest(self) -> str:
        if self.known_digest is not None:
            return self.known_digest
        return hashlib.sha256(self.content or b"").hexdigest()

    @property
    def holds_many(self) -> bool:
        return holds_many(self.display)

    @cached_property
    def posts(self) -> Posts:
        """The posts in the file (none when it cannot be read or decoded: reported elsewhere)."""
        if self.content is None:
            return Posts(())
        try:
            text = decode(self.content).text
        except SourceError:
            return Posts(())
        return read_posts(self.display, text, self.defaults, self.layout)

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.posts.documents

    @property
    def document(self) -> Document | None:
        """The parsed post of a post file; None for a file of many posts or an unreadable one."""
        if self.holds_many or not self.posts.documents:
            return None
        return self.posts.documents[0]
