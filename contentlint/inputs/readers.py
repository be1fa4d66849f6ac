"""One reader per file type, chosen by suffix in one table: a post file holds one post, a
scheduler export (CSV/TSV) one post per row. Everything after this sees only Documents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from contentlint.config.model import CsvLayout
from contentlint.inputs.calendar_csv import calendar_documents
from contentlint.model.defaults import Defaults
from contentlint.model.violation import FileError
from contentlint.text.document import Document, parse_document

STDIN_DISPLAY = "<stdin>"
# Text given directly (the API's `lint_text`, an editor buffer): Markdown, like standard input.
TEXT_DISPLAY = "<text>"


@dataclass(frozen=True)
class Posts:
    """The posts a file holds, and what stopped a row or the whole file from being read."""

    documents: tuple[Document, ...]
    errors: tuple[FileError, ...] = ()


def parse_post(display: str, text: str, defaults: Defaults) -> Document:
    """A post file: front matter and body. Standard input and given text are read as Markdown."""
    return parse_document(
        display,
        text,
        default_channels=defaults.channels,
        default_audiences=defaults.audiences,
        default_lang=defaults.lang,
        markdown=True if display in (STDIN_DISPLAY, TEXT_DISPLAY) else None,
    )


def _post_file(display: str, text: str, defaults: Defaults, layout: CsvLayout) -> Posts:
    return Posts((parse_post(display, text, defaults),))


def _scheduler_export(display: str, text: str, defaults: Defaults, layout: CsvLayout) -> Posts:
    documents, errors = calendar_documents(text, display, layout, defaults)
    return Posts(tuple(documents), tuple(errors))


Reader = Callable[[str, str, Defaults, CsvLayout], Posts]
# Suffix -> reader. A file named on the command line with another suffix is read as a post file;
# folders are walked for post files only (`text.document.POST_SUFFIXES`).
READERS: dict[str, Reader] = {
    ".md": _post_file,
    ".markdown": _post_file,
    ".txt": _post_file,
    ".csv": _scheduler_export,
    ".tsv": _scheduler_export,
}
MANY_POST_SUFFIXES = tuple(suffix for suffix, reader in READERS.items() if reader is _scheduler_export)


def holds_many(display: str) -> bool:
    """A file of many posts (a scheduler export): its rows are linted, never fixed in place."""
    return display.lower().endswith(MANY_POST_SUFFIXES)


def read_posts(display: str, text: str, defaults: Defaults, layout: CsvLayout) -> Posts:
    """The posts in a decoded file, by its suffix."""
    lowered = display.lower()
    reader = next((r for suffix, r in READERS.items() if lowered.endswith(suffix)), _post_file)
    return reader(display, text, defaults, layout)
