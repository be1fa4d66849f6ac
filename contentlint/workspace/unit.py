"""One config a workspace has met: its engine, which files are its posts, its corpus.

A repo with one config per brand folder holds one of these per brand; each brand's posts are
checked with its own rules and compared for repetition with its own `content` only.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from contentlint.cache.folder import CacheUnusable
from contentlint.cache.folder import prepare as prepare_cache
from contentlint.config.globs import PathPatterns
from contentlint.config.model import Config
from contentlint.engine.corpus_index import LiveCorpus
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
        self._index: LiveCorpus | None = None

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

    def index(self) -> LiveCorpus:
        """Every post of config `content`, then kept up to date by the workspace: from the corpus
        store when there is one (an editor opened on a 100,000-post repo reads what it compares),
        else built through the caches, and the store written for the next start."""
        if self._index is not None and self._index.damaged:
            self._index = None  # the store's arrays were damaged (and it is gone): build it again
        if self._index is None:
            self._index = self._open_index()
        return self._index

    def _open_index(self) -> LiveCorpus:
        from contentlint.cache.indexing import build_index, load_corpus

        started = time.time_ns()
        cache_dir = self._cache_dir()
        if cache_dir is None or not self.config.content:
            return build_index(load_corpus(self.engine, [], self.root, self.content_files), cache_dir)
        from contentlint.cache import store_run
        from contentlint.cache.code_digest import code_digest
        from contentlint.cache.corpus_store import save
        from contentlint.cache.result_cache import ResultCache

        cache = ResultCache(cache_dir)
        try:
            setup = store_run.setup_of(self.engine, code_digest(cache))
        finally:
            cache.close()
        store = store_run.open_for(cache_dir, setup, 0)
        if store is not None:
            store_run.refresh(store, self.engine, self.scope(), self.root, started)
            with contextlib.suppress(OSError):  # a store that cannot be written costs time only
                save(store)
            return store_run.view(store, self.engine, self.root, started)
        corpus = load_corpus(self.engine, [], self.root, self.content_files)
        index = build_index(corpus, cache_dir)
        with contextlib.suppress(OSError):
            store_run.write_from(cache_dir, setup, index, corpus, self.scope(), started)
        return index

    def _cache_dir(self) -> Path | None:
        if not self.options.use_cache:
            return None
        try:
            return prepare_cache(self.config.resolved_cache_dir())
        except CacheUnusable:
            return None

    @property
    def has_index(self) -> bool:
        return self._index is not None
