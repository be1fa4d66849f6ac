"""The cache folder, made ready before anything is written in it, or refused with a reason.

A broken cache must never change what a run reports: a run whose cache folder is a file, a
dangling link, a link anywhere or a folder it cannot write runs without a cache and says so once.
Nothing is written through a symbolic link: a link left where the cache folder, its `.gitignore`
or its database should be could otherwise make contentlint create or overwrite a file outside the
repository.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

GITIGNORE = "# created by contentlint\n*\n"


class CacheUnusable(Exception):
    """Why the cache folder is not used in this run (the run goes on without a cache)."""


def prepare(folder: Path) -> Path:
    """`folder`, existing, a real folder, writable, with its `.gitignore`; links inside it (which
    contentlint never makes) are removed. Raises CacheUnusable otherwise."""
    if os.path.islink(folder):
        raise CacheUnusable(f"cache folder {folder} is a symbolic link; contentlint does not write through links")
    if os.path.lexists(folder) and not os.path.isdir(folder):
        raise CacheUnusable(f"cache folder {folder} is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for entry in os.scandir(folder):
            if entry.is_symlink():
                os.unlink(entry.path)  # results.sqlite -> /elsewhere would be written through
        _write_gitignore(folder / ".gitignore")
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".probe-")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise CacheUnusable(f"cache folder {folder} cannot be written ({exc.strerror or exc})") from None
    return folder


def _write_gitignore(path: Path) -> None:
    """Create the `.gitignore` only if nothing (not even a dangling link) is there; never follow a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags, 0o644)
    except FileExistsError:
        return
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(GITIGNORE)
