"""Read a post's bytes into text without losing anything a later `--fix` must write back.

Offsets everywhere are code points into the decoded text; the encoding, BOM and line endings
are remembered so a fix changes only the characters it means to.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

MAX_FILE_BYTES = 1024 * 1024  # 1 MiB: 15 times the longest Facebook post; larger files are not posts


class SourceError(Exception):
    """The file cannot be read as text; the message names the problem (the path is added by the caller)."""


@dataclass(frozen=True)
class Source:
    text: str
    encoding: str  # codec used to write the text back
    bom: bytes  # the byte-order mark the file started with, if any


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, max_bytes: int = MAX_FILE_BYTES) -> Source:
    """Decode a post: a BOM decides the encoding, else UTF-8; anything else is an error, not a guess."""
    if len(data) > max_bytes:
        raise SourceError(too_large(len(data), max_bytes))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(f"invalid {encoding.upper()} at byte {exc.start + len(bom)}") from None
            return Source(_check_text(text), encoding, bom)
    if b"\x00" in data[:8192]:
        raise SourceError("contains NUL bytes: this looks like a binary file, not a post")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"not valid UTF-8 (byte {exc.start}, line {line}); save the file as UTF-8") from None
    return Source(_check_text(text), "utf-8", b"")


def too_large(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    return (
        f"file is {'over ' if at_least else ''}{size:,} bytes; contentlint reads files of up to "
        f"{max_bytes:,} bytes (too large to be a post)"
    )


def checked_text(text: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Text that came from no file (an editor's unsaved buffer, a web form), held to the limits a
    file is held to: its size in UTF-8 and no NUL character."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise SourceError(too_large(size, max_bytes))
    return _check_text(text)


def _check_text(text: str) -> str:
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise SourceError(f"contains a NUL character at line {line}: this looks like a binary file, not a post")
    return text


def encode(source: Source, text: str) -> bytes:
    """The bytes to write back for `text`, in the file's own encoding and BOM."""
    return source.bom + text.encode(source.encoding)
