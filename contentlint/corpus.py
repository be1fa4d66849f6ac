"""The posts corpus rules compare: every file of config `content` plus the files being checked.

Each file is read once; its bytes and digest travel with it so a rule can key its own caches on
content and parse the post only when it must (parsing 100,000 front matters costs seconds).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .calendar_csv import CALENDAR_SUFFIXES, read_calendar
from .config import CsvLayout
from .document import Document
from .files import Defaults, load_document
from .source import SourceError


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    display: str
    data: bytes
    defaults: Defaults
    layout: CsvLayout = CsvLayout()     # header names, for scheduler CSVs

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property
    def document(self) -> Document | None:
        """The parsed post, or None when it cannot be decoded (reported elsewhere) or holds many (CSV)."""
        if self.display.lower().endswith(CALENDAR_SUFFIXES):
            return None
        try:
            return load_document(self.path, self.display, self.defaults, data=self.data)
        except SourceError:
            return None

    @cached_property
    def documents(self) -> tuple[Document, ...]:
        """The posts in the file: itself for a post file, one per row for a scheduler CSV."""
        if self.display.lower().endswith(CALENDAR_SUFFIXES):
            return tuple(read_calendar(self.data, self.display, self.layout, self.defaults)[0])
        return (self.document,) if self.document is not None else ()
