"""Writing a draft into the repo: atomically, and never over an existing file by accident.

A new file is written to a temporary file in its folder, flushed, and then *linked* to its name:
`link` fails when the name exists, so two saves (two tabs, or a `git pull` landing the same
path) cannot both create it and neither overwrites the other, and a crash leaves the old state
or the whole new file. On a file system without hard links the name is reserved with
O_CREAT|O_EXCL first and the temporary file renamed over the reservation.

Overwriting (the writer confirmed it) goes through `fix.apply.write_atomically`, which keeps
the file's mode, owner and symbolic link; the text is written in the file's own encoding and
byte-order mark, and a file written with CRLF line endings keeps them (a browser's text box
only knows LF). Otherwise the file holds exactly the text the page showed, as UTF-8.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from contentlint.fix.apply import TEMP_SUFFIX, write_atomically
from contentlint.inputs.source import SourceError, decode, encode


class Exists(Exception):
    """The file exists and the writer did not confirm overwriting it."""


_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}


def create(target: Path, data: bytes) -> None:
    """Write a new file; Exists if the name is taken (nothing is written then)."""
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)  # as write_atomically gives a new file (mkstemp made it 0o600)
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise Exists(str(target)) from None
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            _reserve_and_replace(Path(temporary), target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _reserve_and_replace(temporary: Path, target: Path) -> None:
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        raise Exists(str(target)) from None
    os.replace(temporary, target)


def overwrite(target: Path, text: str) -> None:
    """Replace an existing file (or create a missing one) with `text`, in the file's own encoding."""
    try:
        source = decode(target.read_bytes())
    except FileNotFoundError:
        create(target, text.encode("utf-8"))
        return
    except (OSError, SourceError):
        write_atomically(target, text.encode("utf-8"))
        return
    if "\r\n" in source.text and "\r" not in text and source.text.count("\n") == source.text.count("\r\n"):
        text = text.replace("\n", "\r\n")
    write_atomically(target, encode(source, text))
