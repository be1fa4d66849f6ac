"""A content repo held warm: its config, the engine built from it (rules, channel profiles, word
lists), the folder walk and content list, and the corpus index of every post.

The command line, the pre-commit hook, the Python API, the editor server and the web page all
check posts through a Workspace. A one-shot command builds one and throws it away; a long-lived
process keeps it and tells it what changed (`update`, `remove`, `reload_config`), so checking one
post costs one post, not one repo.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from contentlint.config.load import load_config
from contentlint.config.model import Config
from contentlint.engine.corpus_index import CorpusIndex, entry_of
from contentlint.engine.counts import ChannelCount, channel_counts
from contentlint.engine.engine import Engine
from contentlint.engine.similar import Neighbour, nearest
from contentlint.fix.fixing import fix_files, fixed_text
from contentlint.fix.suppressing import disable_line, disable_post
from contentlint.inputs.read import ReadError, read_bytes
from contentlint.inputs.readers import TEXT_DISPLAY, holds_many, read_posts
from contentlint.inputs.source import SourceError, checked_text, decode
from contentlint.inputs.walk import FolderIndex, covered_by, display_path, glob_content
from contentlint.kinds.corpus import CorpusPost
from contentlint.model.report import FileResult, Report
from contentlint.model.violation import Fix, Violation
from contentlint.run import Progress, RunOptions, check_paths, with_errors
from contentlint.text.document import POST_SUFFIXES, Document

ConfigSource = Config | str | os.PathLike[str] | Mapping[str, Any] | None

WARM_UP_POST = (  # long enough for the reading grade, with a word syllabified by rule, a URL, emoji, Bengali
    "---\nchannel: x\n---\nNew pens are at https://example.com today, so say hi@example.com! 😀 #Pens\n\n"
    "Our zorblaxian nibs glide across the page and dry in a second. Students who write long exam answers "
    "told us their notes stayed clean all term. Teachers liked the refills, which last for months and "
    "cost less than a coffee. আমাদের নতুন কলম এসেছে। #কলম\n"
)


class Workspace:
    """One content repo and one config, loaded once. Not a singleton: build as many as you need."""

    def __init__(
        self, config: ConfigSource = None, *, root: Path | None = None, options: RunOptions | None = None
    ) -> None:
        self.root = Path(root) if root is not None else Path.cwd()
        self.options = options or RunOptions()
        self._config_source = config
        self._lock = threading.RLock()
        self._load()

    def _load(self) -> None:
        """Config and engine, built before either is kept: a broken config leaves the old ones."""
        source = self._config_source
        config = source if isinstance(source, Config) else load_config(source, cwd=self.root)
        engine = Engine(config, self.options.selection)
        self.config: Config = config
        self.engine = engine
        self.folders = FolderIndex()
        self._content: list[Path] | None = None
        self._index: CorpusIndex | None = None

    def reload_config(self) -> None:
        """Read the config (and rule packs) again; on an error (ConfigError, UsageError) the old
        ones stay and it raises."""
        with self._lock:
            self._load()

    # ------------------------------------------------------------ many files (CLI, hook, API)

    def content_files(self) -> list[Path]:
        """The posts of config `content`, globbed once (a run's default targets and its corpus)."""
        if self._content is None:
            self._content = glob_content(self.config.content, self.config.root, self.folders)
        return self._content

    def covers(self, path: str | os.PathLike[str]) -> bool:
        """Whether a file is a post of this repo: inside config `content` (any post file when the
        config names no content). What an editor or the web page may check or write."""
        if not self.config.content:
            return Path(path).name.lower().endswith(POST_SUFFIXES)
        return covered_by(Path(path), self.config.content, self.config.root)

    def default_targets(self) -> list[str]:
        """What `contentlint check` checks without paths: config `content`, else the folder."""
        if self.config.content:
            return [str(path) for path in self.content_files()]
        return ["."]

    def check_paths(self, paths: Sequence[str], *, progress: Progress | None = None) -> Report:
        return check_paths(
            self.engine,
            paths,
            options=self.options,
            folders=self.folders,
            content_files=self.content_files,
            cwd=self.root,
            progress=progress,
        )

    def fix(
        self, report: Report, targets: Sequence[str], *, write: bool, progress: Progress | None = None
    ) -> tuple[Report, str]:
        """Fix what the report found (write with `write`): the report after fixing, checked
        again, and the unified diff of every change."""
        outcome = fix_files(self.engine, report, write=write)
        if write:
            report = self.check_paths(targets, progress=progress)
        return with_errors(report, outcome.errors), outcome.diff

    # ------------------------------------------------------------ one post (API, editor, web page)

    def check_text(self, text: str, path: str = TEXT_DISPLAY) -> list[Violation]:
        """One post given as text, compared with itself only (the API's `lint_text`)."""
        return self.engine.lint_text(text, path)

    def counts(self, text: str, path: str = TEXT_DISPLAY, channels: Sequence[str] | None = None) -> list[ChannelCount]:
        """The post's length on its channels (or on `channels`), counted as each channel counts."""
        return channel_counts(self.engine.parse(path, text), self.engine.profiles, channels)

    def fix_text(self, text: str, path: str = TEXT_DISPLAY) -> tuple[str, int]:
        """Every safe fix applied to a post given as text (as `--fix` would write it), and how
        many were applied. Nothing is written."""
        violations, _ = self.engine.lint_document(self.engine.parse(path, text))
        return fixed_text(self.engine, path, text, violations)

    def suppression(self, text: str, path: str | os.PathLike[str], line: int, code: str, scope: str) -> Fix | None:
        """The edit that turns rule `code` off for `line` (scope "line": a disable-next-line
        comment) or for the whole post (scope "post": front matter `contentlint: {disable:}`),
        in the project's own syntax; None where none can be written (a front matter line, a
        plain-text post, a scheduler export)."""
        display = self.display(path)
        if holds_many(display):
            return None
        spec = self.engine.catalogue.find(code)
        name = spec.name if spec is not None else ""
        doc = self.engine.parse(display, text)
        return disable_line(doc, line, code, name) if scope == "line" else disable_post(doc, code, name)

    def display(self, path: str | os.PathLike[str]) -> str:
        return display_path(Path(path), self.root)

    def check(self, path: str | os.PathLike[str], text: str | None = None) -> FileResult:
        """One file of the repo, from disk or as unsaved `text`, against the warm corpus index:
        the repetition rules compare it with every post of config `content` as it stands.
        Unsaved text is held to a file's limits (size, no NUL): SourceError as for a file."""
        display = self.display(path)
        text = decode(read_bytes(Path(path))).text if text is None else checked_text(text)
        with self._lock:
            linted = self.engine.lint_file(display, text)
            if not self.engine.corpus_rules([display]):
                return linted.result
            posts = self._posts_of(display, text)
            index = self.index()
            saved = index.posts_of(display)
            index.replace_file(display, posts)
            try:
                documents = {post.display: post.document for post in posts}

                def document_of(post: CorpusPost) -> Document | None:
                    return documents.get(post.display) or self.engine.parse(display, text)

                found, errors = self.engine.corpus_findings([display], index, document_of)
            finally:
                if saved:
                    index.replace_file(display, saved)
                else:
                    index.remove_file(display)
        result = linted.result
        violations = tuple(sorted(result.violations + tuple(found), key=Violation.sort_key))
        return FileResult(violations, result.errors + tuple(errors), result.post)

    def _posts_of(self, display: str, text: str) -> list[CorpusPost]:
        posts = read_posts(display, text, self.engine.defaults, self.config.csv)
        many = holds_many(display)
        return [CorpusPost.of(display, entry_of(doc), doc if many else None) for doc in posts.documents]

    # ------------------------------------------------------------ the corpus index

    def index(self) -> CorpusIndex:
        """Every post of config `content`, built once through the caches, then kept up to date."""
        with self._lock:
            if self._index is None:
                from contentlint.cache.indexing import build_index, load_corpus

                cache_dir = self.config.resolved_cache_dir() if self.options.use_cache else None
                corpus = load_corpus(self.engine, [], self.root, self.content_files)
                self._index = build_index(corpus, cache_dir)
            return self._index

    def warm_up(self) -> None:
        """Build the corpus index now (through the caches), then check a sample post so the rules'
        lazily loaded tables (the URL grammar, word lists, the syllable fallback) are read before
        a long-lived process's first real check. A rule that fails on the sample raises here."""
        self.index()
        self.check_text(WARM_UP_POST)

    def update(self, path: str | os.PathLike[str]) -> None:
        """A file was saved, created or renamed to `path`: its posts are indexed again."""
        with self._lock:
            self._content = None
            self.folders = FolderIndex()
            if self._index is None:
                return
            display = self.display(path)
            try:
                text = decode(read_bytes(Path(path))).text
            except (ReadError, SourceError):
                self._index.remove_file(display)  # reported when the file itself is checked
                return
            self._index.replace_file(display, self._posts_of(display, text))

    def remove(self, path: str | os.PathLike[str]) -> None:
        """A file was deleted (or renamed away from `path`)."""
        with self._lock:
            self._content = None
            self.folders = FolderIndex()
            if self._index is not None:
                self._index.remove_file(self.display(path))

    def similar(self, path: str | os.PathLike[str], limit: int = 5) -> list[Neighbour]:
        """The posts nearest to the post at `path` and whether RP001/RP002 would report each."""
        display = self.display(path)
        text = decode(read_bytes(Path(path))).text
        with self._lock:
            index = self.index()
            saved = index.posts_of(display)
            index.replace_file(display, self._posts_of(display, text))
            try:
                return nearest(index, display, self.config, limit)
            finally:
                if saved:
                    index.replace_file(display, saved)
                else:
                    index.remove_file(display)
