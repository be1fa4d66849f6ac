"""One config a workspace has met: its engine, which files are its posts, its corpus.

A repo with one config per brand folder holds one of these per brand; each brand's posts are
checked with its own rules and compared for repetition with its own `content` only.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from contentlint.config.globs import PathPatterns
from contentlint.config.model import Config
from contentlint.engine.corpus_index import CorpusIndex
from contentlint.engine.engine import Engine
from contentlint.inputs.ignore import GitIgnores
from contentlint.inputs.select import PostSelector
from contentlint.inputs.walk import SKIP_DIRS, ContentScope, FolderIndex, display_path, glob_content
from contentlint.run import RunOptions
from contentlint.text.document import POST_SUFFIXES


class ConfigUnit:
    """A config, the engine built from it, its post selection, content list and corpus index."""

    def __init__(
        self,
        config: Config,
        options: RunOptions,
        root: Path,
        folders: Callable[[], FolderIndex],
        ignores: GitIgnores,
    ) -> None:
        self.config = config
        self.engine = Engine(config, options.selection, root)
        self.options = options
        self.root = root
        self.selector = PostSelector(config, ignores)
        self._folders = folders
        self._content: list[Path] | None = None
        self._index: CorpusIndex | None = None

    @property
    def display_config(self) -> str:
        """The config file as a report names it: relative to the workspace's root when inside."""
        if self.config.path is None:
            return self.config.display_path
        return display_path(Path(self.config.path), self.root)

    def content_files(self) -> list[Path]:
        """The posts of config `content`, globbed once (the corpus), minus what is never a post."""
        if self._content is None:
            keep = self.selector.excluded_absolute  # glob_content's paths are absolute
            self._content = glob_content(
                self.config.content, self.config.root, self._folders(), lambda path: keep(path) is None
            )
        return self._content

    def scope(self) -> ContentScope:
        """Where this config's posts are, for the corpus store: what `content_files` walks, and
        the same test for one file it finds."""
        patterns = PathPatterns(self.config.content, self.config.root)
        keep = self.selector.excluded_absolute

        def is_post(absolute: str) -> bool:
            return (
                absolute.lower().endswith(POST_SUFFIXES)
                and patterns.matches_absolute(absolute)
                and not any(part in SKIP_DIRS for part in absolute.split(os.sep)[:-1])
                and keep(absolute) is None
            )

        bases = tuple(str(base) for base in patterns.walk_bases() if not any(p in SKIP_DIRS for p in base.parts))
        return ContentScope(bases, is_post)

    def covers(self, path: str | os.PathLike[str]) -> bool:
        """Whether a file is a post of this config: inside `content` (any post file when it
        names none), not excluded. What an editor or the web page may check or write."""
        absolute = os.path.abspath(path)
        if not absolute.lower().endswith(POST_SUFFIXES) or any(part in SKIP_DIRS for part in Path(absolute).parts[:-1]):
            return False
        return self.selector.covers(absolute) and self.selector.excluded(absolute, git=False) is None

    def forget_files(self) -> None:
        self._content = None

    def index(self) -> CorpusIndex:
        """Every post of config `content`, built once through the caches, then kept up to date."""
        if self._index is None:
            from contentlint.cache.indexing import build_index, load_corpus

            cache_dir = self.config.resolved_cache_dir() if self.options.use_cache else None
            corpus = load_corpus(self.engine, [], self.root, self.content_files)
            self._index = build_index(corpus, cache_dir)
        return self._index

    @property
    def has_index(self) -> bool:
        return self._index is not None
