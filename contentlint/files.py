"""Turn the paths a user gave into the post files to check, and read each one safely."""
from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .document import POST_SUFFIXES, Document, parse_document
from .source import SourceError, decode

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".contentlint_cache", ".tox"}
STDIN = "-"


@dataclass(frozen=True)
class Defaults:
    """What a post gets when its front matter does not say: from the CLI, else the config."""

    channels: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    lang: str | None = None


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
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
            for found in _walk(path, suffixes):
                key = found.resolve()
                if key not in seen:
                    seen.add(key)
                    files.append(found)
        elif path.exists() or path.is_symlink():
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                files.append(path)
        else:
            errors.append((raw, "no such file or folder"))
    return files, errors


def _walk(folder: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    found: list[Path] = []
    for current, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in names:
            if name.lower().endswith(suffixes):
                found.append(Path(current) / name)
    yield from sorted(found)


def glob_content(patterns: Iterable[str], root: Path) -> list[Path]:
    """Files matched by config `content` globs (relative to the config's folder), sorted."""
    found: set[Path] = set()
    for pattern in patterns:
        if os.path.isabs(pattern):
            base, relative = Path(pattern).anchor, pattern.lstrip("/")
            matches = Path(base).glob(relative)
        else:
            matches = root.glob(pattern)
        for path in matches:
            if path.is_file() and path.name.lower().endswith(POST_SUFFIXES) and not any(
                part in SKIP_DIRS for part in path.parts
            ):
                found.add(path)
    return sorted(found)


def matches_any(path: str, patterns: Iterable[str]) -> bool:
    posix = path.replace(os.sep, "/")
    return any(fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(posix, pattern.rstrip("/") + "/*") for pattern in patterns)


class ReadError(Exception):
    pass


def read_bytes(path: Path) -> bytes:
    if str(path) == STDIN:
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ReadError("is a folder, not a post") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None


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
