"""Which files are posts of a config: only posts are checked.

A file found by walking a folder is a post when its suffix is a post's, the config's `content`
covers it (any post file when the config names no content), `exclude` does not match it, git
does not ignore it, and it is neither one of the config's own files (the config, its banned
hashtag list, its baseline) nor a repository document (README, LICENSE, CHANGELOG ...).

A file named on the command line is checked as asked, unless the run says `--force-exclude`
(what the pre-commit hook does: pre-commit names every changed file, posts or not); then the
same tests apply to it, and a file of another type is skipped rather than read as a post.
"""

from __future__ import annotations

import os

from contentlint.config.globs import PathPatterns
from contentlint.config.model import Config
from contentlint.inputs.ignore import GitIgnores
from contentlint.inputs.readers import READERS
from contentlint.text.document import POST_SUFFIXES

# Names (before the first dot, any case) of the documents a repository keeps beside its posts.
REPO_DOCUMENTS = frozenset(
    {
        "README",
        "CHANGELOG",
        "CHANGES",
        "HISTORY",
        "NEWS",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CONTRIBUTING",
        "CODE_OF_CONDUCT",
        "SECURITY",
        "AUTHORS",
        "NOTICE",
    }
)
READ_SUFFIXES = tuple(READERS)


class PostSelector:
    """The `content`, `exclude` and own files of one config, and the run's `.gitignore` reader."""

    def __init__(self, config: Config, ignores: GitIgnores) -> None:
        self.config = config
        self.content = PathPatterns(config.content, config.root)
        self.exclude = PathPatterns(config.exclude, config.root)
        self.ignores = ignores
        self._git: bool | None = None  # whether .gitignore applies: not when the config's folder is ignored
        named_files = (config.hashtags.banned_file, config.baseline)
        self.own_files = {os.path.abspath(config.root / name) for name in named_files if name}
        if config.path:
            self.own_files.add(os.path.abspath(config.path))

    def covers(self, path: str | os.PathLike[str]) -> bool:
        """Whether `content` names the file: any post file when the config names no content."""
        if not self.content:
            return os.fspath(path).lower().endswith(POST_SUFFIXES)
        return self.content.matches(path)

    def skip_reason(self, path: str | os.PathLike[str], *, named: bool, force_exclude: bool = False) -> str | None:
        """Why the file is not a post of this config (None: it is, or it was named and no
        `--force-exclude` asks to check)."""
        if named and not force_exclude:
            return None
        absolute = os.path.abspath(path)
        if named and not absolute.lower().endswith(READ_SUFFIXES):
            return "not a post file (.md, .markdown, .txt, or a .csv/.tsv export)"
        if self.content and not self.content.matches(absolute):
            return "not in config `content`"
        return self.excluded(absolute)

    def excluded(self, path: str | os.PathLike[str], *, git: bool = True) -> str | None:
        """Why a file is never a post, whatever `content` says: one of the config's own files,
        a repository document, `exclude`, or (with `git`) `.gitignore`."""
        absolute = os.path.abspath(path)
        if absolute in self.own_files:
            return "one of the config's own files"
        if os.path.basename(absolute).split(".", 1)[0].upper() in REPO_DOCUMENTS:
            return "a repository document, not a post"
        if self.exclude and self.exclude.matches(absolute):
            return "matched by config `exclude`"
        if git and self.git and self.ignores.ignored(absolute):
            return "ignored by git"
        return None

    @property
    def git(self) -> bool:
        if self._git is None:
            self._git = not self.ignores.folder_ignored(self.config.root)
        return self._git
