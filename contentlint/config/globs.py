"""The one glob engine of a config: `content`, `exclude` and `overrides[].files` all mean what
a `.gitignore` line means (pathspec's GitIgnoreSpec), relative to the config's folder.

- A pattern with a `/` inside is anchored to the config's folder: `posts/*.md` matches
  `posts/a.md`, not `posts/x/deep/a.md`; `posts/**/*.md` matches both (`**` is any folders,
  none included).
- A pattern without one matches at any depth: `*.md`, `drafts/` (a folder and all below it).
- `!pattern` takes files back out of what the lines before it matched.

Before, `content` was globbed as pathlib globs and `overrides` matched with fnmatch, so the same
pattern named different files in the two places. pathspec loads when a pattern is first matched.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

GLOB_CHARS = "*?["


def _clean(pattern: str) -> str:
    pattern = pattern.strip().replace("\\", "/")
    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    while body.startswith("./"):
        body = body[2:]
    return ("!" if negated else "") + body


class PathPatterns:
    """Gitignore-style patterns relative to `root` (a leading `/` anchors a pattern there, as in
    a `.gitignore`). Matching takes a file path, absolute or relative to the current folder."""

    def __init__(self, patterns: Iterable[str], root: Path) -> None:
        self.patterns = tuple(p for p in (_clean(p) for p in patterns) if p and p != "!")
        self.root = os.path.join(os.path.abspath(root), "")
        self._spec: Any = None
        self._match: Callable[[str], bool] | None = None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    @property
    def spec(self) -> Any:
        if self._spec is None:
            from pathspec import GitIgnoreSpec

            self._spec = GitIgnoreSpec.from_lines(self.patterns)
            self._match = fast_matcher(self._spec)
        return self._spec

    def matches(self, path: str | os.PathLike[str]) -> bool:
        """Whether the file at `path` is matched (a file outside the root never is)."""
        return self.matches_absolute(os.path.abspath(path))

    def matches_absolute(self, absolute: str) -> bool:
        """As `matches`, for a path already absolute and normalised (os.path.abspath)."""
        if not self.patterns or not absolute.startswith(self.root):
            return False
        return self.matches_relative(absolute[len(self.root) :].replace(os.sep, "/"))

    def matches_relative(self, relative: str) -> bool:
        """Whether a path relative to `root` ("posts/x/a.md") is matched, without touching disk."""
        if not self.patterns:
            return False
        spec = self.spec
        return self._match(relative) if self._match is not None else bool(spec.match_file(relative))

    def walk_bases(self) -> list[Path]:
        """The folders to walk to find every file the patterns can match: each pattern's literal
        start (the root for a pattern that matches at any depth), without folders inside others."""
        bases: set[str] = set()
        for pattern in self.patterns:
            if pattern.startswith("!"):
                continue
            body = pattern.rstrip("/")
            if "/" not in body:  # a name: any depth
                bases.add(self.root)
                continue
            base, rest = literal_split(body.lstrip("/"))
            if not rest:  # a file or folder named in full
                base = os.path.dirname(base)
            bases.add(os.path.join(os.path.abspath(os.path.join(self.root, base)), ""))
        kept: list[str] = []
        for base in sorted(bases, key=len):
            if not any(base.startswith(other) for other in kept):
                kept.append(base)
        return [Path(base) for base in kept]


def fast_matcher(spec: Any) -> Callable[[str], bool] | None:
    """One regular expression for a spec without `!` lines: then a path matches when any line
    does, and the lines' own expressions (pathspec's translation of each) can be joined. It is
    checked against pathspec's matching in the tests; a spec with `!` lines uses pathspec's own,
    where the last matching line decides."""
    expressions = []
    for pattern in spec.patterns:
        if pattern.include is None:
            continue
        if not pattern.include or pattern.regex is None:
            return None
        expressions.append("(?:" + pattern.regex.pattern.replace("(?P<ps_d>", "(?:") + ")")
    if not expressions:
        return lambda path: False
    matcher = re.compile("|".join(expressions))
    return lambda path: matcher.match(path) is not None


def literal_split(pattern: str) -> tuple[str, str]:
    """`a/b/*/c/**/*.md` -> ("a/b", "*/c/**/*.md"); a pattern without glob characters is all base."""
    parts = pattern.split("/")
    cut = next((i for i, part in enumerate(parts) if any(c in part for c in GLOB_CHARS)), len(parts))
    return "/".join(parts[:cut]), "/".join(parts[cut:])


def invalid_pattern(pattern: str) -> str | None:
    """Why a pattern cannot be used (a config error with its line), or None."""
    body = _clean(pattern)
    if not body or body == "!":
        return "an empty pattern matches nothing"
    from pathspec import GitIgnoreSpec

    try:
        GitIgnoreSpec.from_lines([body])
    except (ValueError, TypeError) as exc:
        return f"not a valid pattern: {exc}"
    return None
