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
        self._folders: dict[str, FolderFilter] = {}

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
        return self.skip_reason_absolute(os.path.abspath(path), named=named)

    def skip_reason_absolute(self, absolute: str, *, named: bool) -> str | None:
        """As `skip_reason` with `force_exclude`, for a path already absolute and normalised."""
        cut = absolute.rfind(os.sep)
        return self.in_folder(absolute[:cut] or os.sep).reason(absolute[cut + 1 :], named=named)

    def excluded(self, path: str | os.PathLike[str], *, git: bool = True) -> str | None:
        """Why a file is never a post, whatever `content` says: one of the config's own files,
        a repository document, `exclude`, or (with `git`) `.gitignore`."""
        return self.excluded_absolute(os.path.abspath(path), git=git)

    def excluded_absolute(self, absolute: str, *, git: bool = True) -> str | None:
        """As `excluded`, for a path already absolute and normalised (it runs for every post)."""
        cut = absolute.rfind(os.sep)
        return self.in_folder(absolute[:cut] or os.sep).excluded(absolute[cut + 1 :], git=git)

    def in_folder(self, folder: str) -> FolderFilter:
        """The tests for the files of one folder (absolute, normalised), prepared once."""
        found = self._folders.get(folder)
        if found is None:
            found = self._folders[folder] = FolderFilter(self, folder)
        return found

    @property
    def git(self) -> bool:
        if self._git is None:
            self._git = not self.ignores.folder_ignored(self.config.root)
        return self._git


class FolderFilter:
    """What `PostSelector` asks of every file, with what depends on the folder worked out once:
    the folder's path relative to the config's, and to each `.gitignore` above it. A warm run over
    10,000 unchanged posts pays a few string operations and regular expression matches per post."""

    def __init__(self, selector: PostSelector, folder: str) -> None:
        self.selector = selector
        self.folder = os.path.join(folder, "")
        root = selector.content.root
        inside = self.folder.startswith(root)
        self.relative = self.folder[len(root) :].replace(os.sep, "/") if inside else None
        self.own = {path[len(self.folder) :] for path in selector.own_files if os.path.dirname(path) == folder}
        self.git = [
            (self.folder[len(base) :].replace(os.sep, "/"), spec, fast)
            for base, spec, fast in reversed(selector.ignores.chain(folder))
        ]
        self._excluded: dict[tuple[str, bool], str | None] = {}

    def reason(self, name: str, *, named: bool) -> str | None:
        """Why the file `name` of this folder is not a post of the config (None: it is)."""
        if named and not name.lower().endswith(READ_SUFFIXES):
            return "not a post file (.md, .markdown, .txt, or a .csv/.tsv export)"
        content = self.selector.content
        if content and (self.relative is None or not content.matches_relative(self.relative + name)):
            return "not in config `content`"
        return self.excluded(name)

    def excluded(self, name: str, *, git: bool = True) -> str | None:
        """Why the file `name` of this folder is never a post; remembered, as a run asks twice
        (walking the folder, and listing config `content` for the corpus)."""
        key = (name, git)
        if key not in self._excluded:
            self._excluded[key] = self._exclusion(name, git)
        return self._excluded[key]

    def _exclusion(self, name: str, git: bool) -> str | None:
        if name in self.own:
            return "one of the config's own files"
        if name.split(".", 1)[0].upper() in REPO_DOCUMENTS:
            return "a repository document, not a post"
        exclude = self.selector.exclude
        if exclude and self.relative is not None and exclude.matches_relative(self.relative + name):
            return "matched by config `exclude`"
        if git and self.git and self.selector.git:
            for prefix, spec, fast in self.git:
                if fast is not None:  # no `!` lines: matching any line is all there is
                    if fast(prefix + name):
                        return "ignored by git"
                    continue
                result = spec.check_file(prefix + name)
                if result.include is not None:
                    return "ignored by git" if result.include else None
        return None
