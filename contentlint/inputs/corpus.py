"""The posts corpus rules compare: every file of config `content` plus the files being checked.

Each file is read at most once; its bytes and digest travel with it so a rule can key its own
caches on content and parse the post only when it must (parsing 100,000 front matters costs
seconds). A post whose digest is known from its stat (`stat_digests`) is not read at all unless
a rule needs its text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from contentlint.inputs.calendar_csv import CALENDAR_SUFFIXES, read_calendar
from contentlint.config.load import CsvLayout
from contentlint.text.document import Document
from contentlint.inputs.files import Defaults, ReadError, load_document, read_bytes
from contentlint.inputs.source import SourceError


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    display: str
    data: bytes | None                  # None: not read, its digest known from its stat
    defaults: Defaults
    layout: CsvLayout = CsvLayout()     # header names, for scheduler CSVs
    known_digest: str | None = None     # set when `data` is None (`stat_digests`)

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

    @cached_property
    def document(self) -> Document | None:
        """The parsed post, or None when it cannot be read or decoded (reported elsewhere) or
        holds many (CSV)."""
        if self.display.lower().endswith(CALENDAR_SUFFIXES) or self.content is None:
            return None
        try:
            return load_document(self.path, self.display, self.defaults, data=self.content)
        except SourceError:
            return None

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        """The posts in the file: itself for a post file, one per row for a scheduler CSV."""
        if self.display.lower().endswith(CALENDAR_SUFFIXES):
            if self.content is None:
                return ()
            return tuple(read_calendar(self.content, self.display, self.layout, self.defaults)[0])
        return (self.document,) if self.document is not None else ()
