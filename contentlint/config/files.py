"""Read a config, a rule file or a list a config names: bounded and never blocking.

These files are as untrusted as posts (a rule pack may come from another team), so they get the
posts' protections: a named pipe is never opened for a writer that never comes, a device such as
/dev/zero is never read until memory runs out, and a file over the size limit is not read. Posts
have their own reader (`inputs.read`) for the same reasons; this one sits below it so the config
and the rule packs can use it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_BYTES = 1024 * 1024  # as for posts: no config, rule or list file comes near it


class UnreadableFile(Exception):
    """A file that is not read; the message says why (the caller adds the path)."""


def read_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, or UnreadableFile: not a regular file, over `limit`, or an OS error."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableFile("is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFile("not a regular file (a pipe, socket or device)")
        if status.st_size > limit:
            raise UnreadableFile(f"file is {status.st_size:,} bytes; contentlint reads files of up to {limit:,} bytes")
        data = b""
        while len(data) <= limit:
            more = os.read(descriptor, limit + 1 - len(data))
            if not more:
                break
            data += more
        if len(data) > limit:
            raise UnreadableFile(f"file grew past {limit:,} bytes while it was read")
        return data
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    finally:
        os.close(descriptor)


def read_text(path: Path, encoding: str = "utf-8", limit: int = MAX_BYTES) -> str:
    """`read_file` decoded; a decoding error is an UnreadableFile too."""
    try:
        return read_file(path, limit).decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"not valid UTF-8 (byte {exc.start})") from None
