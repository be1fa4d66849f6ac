"""`.gitignore` files, read as git reads them (pathspec's GitIgnoreSpec), so a git-ignored draft
under the content folder is neither checked when a folder is walked nor compared with the posts
for repetition. No git subprocess: the files are read directly (bounded, as posts are).

A `.gitignore` applies to its folder and below; a deeper one wins over a higher one, and within
a file the last matching line wins (`!name` takes a file back). Files are read from the folder
up to the top of the repository (the nearest folder holding `.git`); outside a repository git
reads none, and neither does contentlint. A content repo whose own folder an outer repository
ignores (a copy under another project's ignored build folder) is not that repository's: its
posts are not all skipped (`PostSelector`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from contentlint.config.globs import fast_matcher
from contentlint.inputs.read import ReadError, read_bytes


class GitIgnores:
    """The `.gitignore` files above and around the files of a run, each read once."""

    def __init__(self) -> None:
        self._chains: dict[str, tuple[tuple[str, Any, Any], ...]] = {}
        self._tops: dict[str, str | None] = {}

    def ignored(self, path: str | os.PathLike[str]) -> bool:
        """Whether git would ignore the file at `path`."""
        return self.ignored_absolute(os.path.abspath(path))

    def ignored_absolute(self, absolute: str) -> bool:
        """As `ignored`, for a path already absolute and normalised."""
        for base, spec, fast in reversed(self._chain(os.path.dirname(absolute))):
            relative = absolute[len(base) :].replace(os.sep, "/")
            if fast is not None:  # no `!` lines: matching any line is all there is
                if fast(relative):
                    return True
                continue
            result = spec.check_file(relative)
            if result.include is not None:
                return bool(result.include)
        return False

    def folder_ignored(self, folder: str | os.PathLike[str]) -> bool:
        """Whether git ignores the folder itself (or a folder above it)."""
        absolute = os.path.abspath(folder)
        parent = os.path.dirname(absolute)
        if parent == absolute:
            return False
        for base, spec, _ in reversed(self._chain(parent)):
            result = spec.check_file(absolute[len(base) :].replace(os.sep, "/") + "/")
            if result.include is not None:
                return bool(result.include) or self.folder_ignored(parent)
        return self.folder_ignored(parent)

    def _top(self, folder: str) -> str | None:
        """The repository's top folder (holding `.git`), or None outside a repository."""
        if folder not in self._tops:
            if os.path.lexists(os.path.join(folder, ".git")):
                self._tops[folder] = folder
            else:
                parent = os.path.dirname(folder)
                self._tops[folder] = self._top(parent) if parent != folder else None
        return self._tops[folder]

    def chain(self, folder: str) -> tuple[tuple[str, Any, Any], ...]:
        """(folder with a trailing separator, spec, fast matcher or None) of every `.gitignore`
        that applies in `folder` (absolute, normalised), the repository's top first."""
        return self._chain(folder)

    def _chain(self, folder: str) -> tuple[tuple[str, Any, Any], ...]:
        """(folder with a trailing separator, its spec, its fast matcher or None) from the
        repository's top down to `folder`."""
        if folder in self._chains:
            return self._chains[folder]
        top = self._top(folder)
        if top is None:
            chain: tuple[tuple[str, Any, Any], ...] = ()
        else:
            parent = os.path.dirname(folder)
            above = self._chain(parent) if folder != top and parent != folder else ()
            spec = _read_spec(os.path.join(folder, ".gitignore"))
            entry = (os.path.join(folder, ""), spec, fast_matcher(spec) if spec is not None else None)
            chain = above + (entry,) if spec is not None else above
        self._chains[folder] = chain
        return chain


def _read_spec(path: str) -> Any:
    if not os.path.isfile(path) or os.path.islink(path):
        return None
    try:
        text = read_bytes(Path(path)).decode("utf-8", errors="replace")
    except ReadError:
        return None  # an unreadable .gitignore hides nothing
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)
