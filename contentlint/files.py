"""Turn the paths a user gave into the post files to check, and read each one safely."""
from __future__ import annotations

import fnmatch
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .document import POST_SUFFIXES, Document, parse_document
from .source import MAX_FILE_BYTES, SourceError, decode, too_large

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".contentlint_cache", ".tox"}
STDIN = "-"


@dataclass(frozen=True)
class Defaults:
    """What a post gets when its front matter does not say: from the CLI, else the config."""

    channels: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    lang: str | None = None


def real_path(path: Path) -> Path:
    """Path.resolve() without its RuntimeError on a symlink loop (Python < 3.13): a loop stays a loop."""
    return Path(os.path.realpath(path))


def display_path(path: Path, cwd: Path) -> str:
    """The path as the user gave it, relative to cwd (a link keeps its own name, not its target's).
    A string prefix test first: called for every post of a 100,000-post corpus."""
    absolute = os.path.abspath(path)
    prefix = os.path.join(os.path.abspath(cwd), "")
    if absolute.startswith(prefix):
        return absolute[len(prefix):].replace(os.sep, "/")
    try:
        return Path(real_path(path)).relative_to(real_path(cwd)).as_posix()
    except ValueError:
        return path.as_posix()


def expand(paths: Iterable[str], extra_suffixes: tuple[str, ...] = ()) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files under the given paths (folders walked without following links), and path errors."""
    suffixes = POST_SUFFIXES + extra_suffixes
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            files.append(Path(STDIN))
            continue
        path = Path(raw)
        if path.is_dir():
            # The walk follows no links, so a found file's real path is the folder's real path
            # plus its relative path: one realpath call per folder argument, not per file.
            real_folder = real_path(path)
            for found in _walk(path, suffixes):
                key = real_folder / found.relative_to(path)
                if key not in seen:
                    seen.add(key)
                    files.append(found)
        elif path.exists() or path.is_symlink():   # a broken link is reported when it is read
            # realpath costs a system call per path component; only a link needs it
            key = real_path(path) if path.is_symlink() else Path(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                files.append(path)
        else:
            errors.append((raw, "no such file or folder"))
    return files, errors


def _walk(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Post files under a folder. Symbolic links, to files or folders, are skipped: a link can
    point out of the repository (a post named x.md pointing at a secret) or make a loop."""
    found: list[Path] = []
    for current, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in names:
            candidate = Path(current) / name
            if name.lower().endswith(suffixes) and not candidate.is_symlink():
                found.append(candidate)
    yield from sorted(found)


def glob_content(patterns: Iterable[str], root: Path) -> list[Path]:
    """Files matched by config `content` globs (relative to the config's folder), sorted. As when
    walking folders, symbolic links below the pattern's literal start are not followed."""
    found: set[Path] = set()
    for pattern in patterns:
        base, rest = _literal_prefix(Path(pattern) if os.path.isabs(pattern) else root / pattern)
        if not rest:
            matches: Iterable[Path] = [base]
            base = base.parent
        else:
            matches = base.glob(rest)
        links: dict[str, bool] = {}
        for path in matches:
            if path.is_file() and path.name.lower().endswith(POST_SUFFIXES) and not any(
                part in SKIP_DIRS for part in path.parts
            ) and not _through_link(path, base, links):
                found.add(path)
    return sorted(found)


def _literal_prefix(pattern: Path) -> tuple[Path, str]:
    """Split `/a/b/*/c/**/*.md` into the folder `/a/b` and the glob `*/c/**/*.md`."""
    parts = pattern.parts
    cut = next((i for i, part in enumerate(parts) if any(c in part for c in "*?[")), len(parts))
    return Path(*parts[:cut]), "/".join(parts[cut:])


def _through_link(path: Path, base: Path, links: dict[str, bool]) -> bool:
    """Whether any part of `path` below `base` is a symbolic link; folders are looked up once
    (`links` memoises them across the files of one glob). String operations, not pathlib: this
    runs for every post of the corpus."""
    base_text, text = str(base), str(path)
    if not text.startswith(os.path.join(base_text, "")):
        return path.is_symlink()
    current = base_text
    for part in text[len(os.path.join(base_text, "")):].split(os.sep):
        current = os.path.join(current, part)
        if current not in links:
            links[current] = os.path.islink(current)
        if links[current]:
            return True
    return False


def matches_any(path: str, patterns: Iterable[str]) -> bool:
    posix = path.replace(os.sep, "/")
    return any(fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(posix, pattern.rstrip("/") + "/*") for pattern in patterns)


class ReadError(Exception):
    pass


def read_bytes(path: Path) -> bytes:
    """The file's bytes; never more than its size limit in memory, whatever size the file has."""
    limit = MAX_FILE_BYTES
    if str(path) == STDIN:
        return _bounded(sys.stdin.buffer, limit)
    try:
        # Non-blocking open: a named pipe called x.md must not hang the run waiting for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(descriptor)
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(status.st_mode):
                raise ReadError("not a regular file (a pipe, socket or device), not a post")
            if status.st_size > limit:
                raise ReadError(too_large(status.st_size, limit))
            return _bounded(stream, limit, status.st_size)   # the file may have grown since the size was read
    except IsADirectoryError:
        raise ReadError("is a folder, not a post") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None


def _bounded(stream: BinaryIO, limit: int, size: int | None = None) -> bytes:
    """At most limit + 1 bytes. With the size fstat gave, read that (+1 to notice growth) rather
    than ask for limit + 1 at once: that allocates 1 MiB per post, most of a warm run's reading."""
    if size is None or size >= limit:
        data = stream.read(limit + 1)
    else:
        data = stream.read(size + 1)
        if len(data) > size:   # it grew since fstat: read on, still bounded
            data += stream.read(limit + 1 - len(data))
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


__all__ = ["Defaults", "ReadError", "SourceError", "expand", "glob_content", "load_document", "display_path"]
