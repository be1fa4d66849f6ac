"""The buffers the editor has open: their unsaved text, kept in step with the client's changes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path
from pygls.workspace.position_codec import PositionCodec

from contentlint.lsp.positions import apply_change

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """A JSON string may carry an unpaired surrogate (a client's broken buffer): it becomes
    U+FFFD, one code point and one UTF-16 unit like the surrogate, so no position moves."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def path_of(uri: str) -> Path | None:
    """The file behind a `file:` URI; None for an unsaved, untitled buffer or another scheme."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


@dataclass(frozen=True)
class OpenDocument:
    uri: str
    path: Path | None
    version: int
    text: str


class Documents:
    """Open buffers by URI. The client's text is the truth while a buffer is open."""

    def __init__(self) -> None:
        self._open: dict[str, OpenDocument] = {}

    def open(self, uri: str, text: str, version: int) -> OpenDocument:
        document = OpenDocument(uri, path_of(uri), version, clean_text(text))
        self._open[uri] = document
        return document

    def change(
        self,
        uri: str,
        version: int,
        changes: Sequence[types.TextDocumentContentChangeEvent],
        codec: PositionCodec,
    ) -> OpenDocument | None:
        document = self._open.get(uri)
        if document is None:
            return None
        text = document.text
        for change in changes:
            text = apply_change(text, change, codec)
        document = replace(document, version=version, text=clean_text(text))
        self._open[uri] = document
        return document

    def close(self, uri: str) -> None:
        self._open.pop(uri, None)

    def get(self, uri: str) -> OpenDocument | None:
        return self._open.get(uri)

    def by_path(self, path: Path) -> OpenDocument | None:
        for document in self._open.values():
            if document.path == path:
                return document
        return None

    def __iter__(self) -> Iterator[OpenDocument]:
        return iter(list(self._open.values()))
