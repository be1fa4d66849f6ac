"""Read one file's bytes safely: bounded by the size limit, never blocking on a pipe."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from contentlint.inputs.source import MAX_FILE_BYTES, decode, too_large
from contentlint.model.defaults import Defaults
from contentlint.text.document import Document, parse_document

STDIN = "-"


class ReadError(Exception):
    pass


def read_bytes(path: Path) -> bytes:
    """The file's bytes; never more than its size limit in memory, whatever size the file has."""
    limit = MAX_FILE_BYTES
    if str(path) == STDIN:
        return _bounded(sys.stdin.buffer, limit)
    try:
        # Non-blocking open: a named pipe called x.md must not hang the run waiting for a writer.
        # Raw descriptors, no file object: this runs for every post of every run.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            status = os.fstat(descriptor)
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(status.st_mode):
                raise ReadError("not a regular file (a pipe, socket or device), not a post")
            if status.st_size > limit:
                raise ReadError(too_large(status.st_size, limit))
            return _read_descriptor(descriptor, limit, status.st_size)  # the file may have grown since
        finally:
            os.close(descriptor)
    except IsADirectoryError:
        raise ReadError("is a folder, not a post") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None


def _read_descriptor(descriptor: int, limit: int, size: int) -> bytes:
    """The size fstat gave, plus one byte to notice growth; then on, bounded by the limit."""
    data = os.read(descriptor, size + 1)
    if len(data) <= size:
        while len(data) < size:  # a short read (rare on regular files): keep reading
            more = os.read(descriptor, size - len(data))
            if not more:
                break
            data += more
        return data
    while len(data) <= limit:
        more = os.read(descriptor, limit + 1 - len(data))
        if not more:
            break
        data += more
    if len(data) > limit:
        raise ReadError(too_large(limit, limit, at_least=True))
    return data


def _bounded(stream: BinaryIO, limit: int) -> bytes:
    """At most limit + 1 bytes of a stream whose size is unknown (standard input)."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReadError(too_large(limit, limit, at_least=True))
    return data


def load_document(path: Path, display: str, defaults: Defaults, data: bytes | None = None) -> Document:
    """Read and parse one post; raises ReadError or SourceError with a message for the user."""
    raw = read_bytes(path) if data is None else data
    source = decode(raw)
    markdown = None if str(path) != STDIN else True
    return parse_document(
        display,
        source.text,
        default_channels=defaults.channels,
        default_audiences=defaults.audiences,
        default_lang=defaults.lang,
        markdown=markdown,
    )
