"""A content repo held warm: its configs (the nearest one of each post's folder), the engine built
from each (rules, channel profiles, word lists), the folder walk and content lists, and the corpus
index of every post.

The command line, the pre-commit hook, the Python API, the editor server and the web page all
check posts through a Workspace. A one-shot command builds one and throws it away; a long-lived
process keeps it and tells it what changed (`update`, `remove`, `reload_config`), so checking one
post costs one post, not one repo.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from contentlint.config.discovery import ConfigFinder
from contentlint.config.errors import ConfigError
from contentlint.config.load import load_config
from contentlint.config.model import Config
from contentlint.engine.corpus_index import LiveCorpus, entry_of
from contentlint.engine.counts import ChannelCount, channel_counts
from contentlint.engine.engine import Engine
from contentlint.engine.rule_set import UsageError
from contentlint.engine.similar import Neighbour, nearest
from contentlint.fix.fixing import fix_files, fixed_text
from contentlint.fix.suppressing import disable_line, disable_post
from contentlint.inputs.ignore import GitIgnores
from contentlint.inputs.read import STDIN, ReadError, read_bytes
from contentlint.inputs.readers import STDIN_DISPLAY, TEXT_DISPLAY, holds_many, read_posts
from contentlint.inputs.source import SourceError, checked_text, decode
from contentlint.inputs.walk import FolderIndex, display_path, expand_named
from contentlint.kinds.corpus import CorpusPost
from contentlint.model.report import FileResult, Report
from contentlint.model.violation import FileError, Fix, Violation
from contentlint.run import Progress, RunOptions, check_paths, with_errors
from contentlint.text.document import Document
from contentlint.workspace.plan import Plan, merge_reports, plan, skipped_note
from contentlint.workspace.unit import ConfigUnit

ConfigSource = Config | str | os.PathLike[str] | Mapping[str, Any] | None

WARM_UP_POST = (  # long enough for the reading grade, with a word syllabified by rule, a URL, emoji, Bengali
    "---\nchannel: x\n---\nNew pens are at https://example.com today, so say hi@example.com! 😀 #Pens\n\n"
    "Our zorblaxian nibs glide across the page and dry in a second. Students who write long exam answers "
    "told us their notes stayed clean all term. Teachers liked the refills, which last for months and "
    "cost less than a coffee. আমাদের নতুন কলম এসেছে। #কলম\n"
)


class NothingToCheck(UsageError):
    """The paths (or config `content`) matched no post: a gate that checked nothing must not pass."""


class Workspace:
    """One content repo: each post checked with the nearest config in its folder or above (or
    the one config given), each config loaded once. Not a singleton: build as many as you need.

    `config` and `engine` are the config of the root folder (or the one given): what a command
    without a post to ask about (`rules`, `explain`, the web page's channel list) uses."""

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
        forced = source is not None
        finder = ConfigFinder(Path(os.path.abspath(source)) if isinstance(source, (str, os.PathLike)) else None)
        ignores = GitIgnores()
        if isinstance(source, Config):
            config = source
        elif source is not None:
            config = load_config(source, cwd=self.root, strict=False)
        else:
            found = finder.for_folder(os.path.abspath(self.root))
            config = load_config(found, cwd=self.root, strict=False) if found else Config(root=self.root)
        unit = ConfigUnit(config, self.options, self.root, lambda: self.folders, ignores)
        self.folders = FolderIndex()
        self._finder = finder
        self._ignores = ignores
        self._forced = forced
        self._root_unit = unit
        self._units: dict[str | None, ConfigUnit] = {_key(config): unit}
        self.config: Config = config
        self.engine = unit.engine

    def reload_config(self) -> None:
        """Read the configs (and rule packs) again; on an error (ConfigError, UsageError) the old
        ones stay and it raises."""
        with self._lock:
            self._load()

    @property
    def config_display(self) -> str:
        """The root config's file as a report names it (relative to the root when inside)."""
        return self._root_unit.display_config

    def unit_for(self, path: str | os.PathLike[str]) -> ConfigUnit:
        """The config (and engine) of the file at `path`: the one given, else the nearest config
        in its folder or above. Raises ConfigError when that config is broken."""
        if self._forced or str(path) in (STDIN, STDIN_DISPLAY, TEXT_DISPLAY):
            return self._root_unit
        return self._unit_for_folder(os.path.dirname(os.path.abspath(path)))

    def _unit_for_folder(self, folder: str) -> ConfigUnit:
        if self._forced:
            return self._root_unit
        found = self._finder.for_folder(folder)
        key = str(found) if found is not None else None
        unit = self._units.get(key)
        if unit is None:
            config = load_config(found, cwd=self.root, strict=False) if found else Config(root=self.root)
            unit = ConfigUnit(config, self.options, self.root, lambda: self.folders, self._ignores)
            self._units[key] = unit
        return unit

    def config_for(self, path: str | os.PathLike[str]) -> Config:
        return self.unit_for(path).config

    def engine_for(self, path: str | os.PathLike[str]) -> Engine:
        return self.unit_for(path).engine

    # ------------------------------------------------------------ many files (CLI, hook, API)

    def content_files(self) -> list[Path]:
        """The posts of the root config's `content` (a run's default targets and its corpus)."""
        return self._root_unit.content_files()

    def covers(self, path: str | os.PathLike[str]) -> bool:
        """Whether a file is a post of its config: inside its `content` (any post file when the
        config names no content) and not excluded. What an editor or the web page may check or
        write."""
        try:
            return self.unit_for(path).covers(path)
        except ConfigError:
            return False

    def default_targets(self) -> list[str]:
        """What `contentlint check` checks without paths: config `content`, else the folder."""
        if self.config.content:
            return [str(path) for path in self.content_files()]
        return ["."]

    def check_paths(
        self, paths: Sequence[str], *, progress: Progress | None = None, force_exclude: bool = False
    ) -> Report:
        """Check files and folders, each post with its own config; one report. Raises
        NothingToCheck when the paths hold no post (unless every file named was skipped by
        `force_exclude`, as the pre-commit hook asks: then an empty report that says so)."""
        with self._lock:
            chosen = self._plan(paths, force_exclude)
        if not chosen.groups and not chosen.errors and not chosen.skipped:
            raise NothingToCheck(self._nothing_matched(paths))
        reports = [
            check_paths(
                unit.engine,
                paths,
                options=self.options,
                folders=self.folders,
                content_files=unit.content_files,
                cwd=self.root,
                progress=progress,
                files=files,
                scope=unit.scope(),
            )
            for unit, files in chosen.groups
        ]
        errors = [FileError(raw, message) for raw, message in chosen.errors]
        configs = [unit.display_config for unit, _ in chosen.groups]
        return merge_reports(reports, errors, skipped_note(chosen.skipped), configs)

    def _plan(self, paths: Sequence[str], force_exclude: bool) -> Plan:
        named: set[str] = set()
        files, path_errors = expand_named(paths, named, index=self.folders)
        return plan(files, named, path_errors, self._root_unit, self._unit_for_folder, self.display, force_exclude)

    def _nothing_matched(self, paths: Sequence[str]) -> str:
        if paths:
            return f"no posts matched: {' '.join(paths)}"
        where = self._root_unit.display_config
        return f"no posts matched config `content` ({', '.join(self.config.content)}) in {where}"

    def fix(
        self,
        report: Report,
        targets: Sequence[str],
        *,
        write: bool,
        progress: Progress | None = None,
        force_exclude: bool = False,
    ) -> tuple[Report, str, dict[str, int]]:
        """Fix what the report found (write with `write`): the report after fixing, checked
        again, the unified diff of every change, and how many fixes each file took."""
        by_unit: dict[int, tuple[ConfigUnit, list[str]]] = {}
        for post in report.posts:
            if post.path == STDIN_DISPLAY:
                continue
            unit = self.unit_for(self.root / post.path)
            by_unit.setdefault(id(unit), (unit, []))[1].append(post.path)
        diffs: list[str] = []
        errors: list[FileError] = []
        fixed: dict[str, int] = {}
        for unit, displays in by_unit.values():
            wanted = set(displays)
            part = Report(
                tuple(v for v in report.violations if v.path in wanted),
                (),
                len(displays),
                tuple(p for p in report.posts if p.path in wanted),
            )
            outcome = fix_files(unit.engine, part, write=write)
            diffs.append(outcome.diff)
            errors.extend(outcome.errors)
            fixed.update(outcome.fixed)
        if write and fixed:
            report = self.check_paths(targets, progress=progress, force_exclude=force_exclude)
        return with_errors(report, errors), "".join(diffs), fixed

    # ------------------------------------------------------------ baselines

    def apply_baselines(self, report: Report, forced: Path | None = None) -> Report:
        """The report without the findings a baseline accepts: `forced` (`--baseline`) for every
        post, else each config's own `baseline:` for its posts. Raises BaselineError."""
        from contentlint.baseline import apply, load

        if forced is not None:
            return apply(report, load(forced), self.root)
        if not any(unit.config.baseline for unit in self._units.values()):
            return report
        by_file: dict[str, tuple[Path, list[str]]] = {}
        for post in report.posts:
            try:
                config = self.unit_for(self.root / post.path).config if post.path != STDIN_DISPLAY else self.config
            except ConfigError:
                continue
            if config.baseline:
                file = config.root / config.baseline
                by_file.setdefault(str(file), (file, []))[1].append(post.path)
        for file, displays in by_file.values():
            report = apply(report, load(file), self.root, displays)
        return report

    def write_baseline(self, path: Path, report: Report) -> int:
        """Record the report's findings in a baseline file; returns how many entries it holds."""
        from contentlint.baseline import write

        return write(path, report, self.root)

    # ------------------------------------------------------------ one post (API, editor, web page)

    def _unit_of_text(self, path: str | os.PathLike[str]) -> ConfigUnit:
        """The unit for a post given as text at display `path` (relative to the root)."""
        if str(path) in (STDIN_DISPLAY, TEXT_DISPLAY):
            return self._root_unit
        return self.unit_for(path if os.path.isabs(path) else self.root / path)

    def check_text(self, text: str, path: str = TEXT_DISPLAY) -> list[Violation]:
        """One post given as text, compared with itself only (the API's `lint_text`)."""
        return self._unit_of_text(path).engine.lint_text(text, path)

    def counts(self, text: str, path: str = TEXT_DISPLAY, channels: Sequence[str] | None = None) -> list[ChannelCount]:
        """The post's length on its channels (or on `channels`), counted as each channel counts."""
        engine = self._unit_of_text(path).engine
        return channel_counts(engine.parse(path, text), engine.profiles, channels)

    def fix_text(self, text: str, path: str = TEXT_DISPLAY) -> tuple[str, int]:
        """Every safe fix applied to a post given as text (as `--fix` would write it), and how
        many were applied. Nothing is written."""
        engine = self._unit_of_text(path).engine
        violations, _ = engine.lint_document(engine.parse(path, text))
        return fixed_text(engine, path, text, violations)

    def suppression(self, text: str, path: str | os.PathLike[str], line: int, code: str, scope: str) -> Fix | None:
        """The edit that turns rule `code` off for `line` (scope "line": a disable-next-line
        comment) or for the whole post (scope "post": front matter `contentlint: {disable:}`),
        in the project's own syntax; None where none can be written (a front matter line, a
        plain-text post, a scheduler export)."""
        display = self.display(path)
        if holds_many(display):
            return None
        engine = self.unit_for(path).engine
        spec = engine.catalogue.find(code)
        name = spec.name if spec is not None else ""
        doc = engine.parse(display, text)
        return disable_line(doc, line, code, name) if scope == "line" else disable_post(doc, code, name)

    def display(self, path: str | os.PathLike[str]) -> str:
        return display_path(Path(path), self.root)

    def check(self, path: str | os.PathLike[str], text: str | None = None) -> FileResult:
        """One file of the repo, from disk or as unsaved `text`, against the warm corpus index
        of its config: the repetition rules compare it with every post of that config's
        `content` as it stands. Unsaved text is held to a file's limits (size, no NUL):
        SourceError as for a file."""
        display = self.display(path)
        text = decode(read_bytes(Path(path))).text if text is None else checked_text(text)
        with self._lock:
            unit = self.unit_for(path)
            engine = unit.engine
            linted = engine.lint_file(display, text)
            if not engine.corpus_rules([display]):
                return linted.result
            posts = self._posts_of(engine, display, text)
            index = unit.index()
            saved = index.posts_of(display)
            index.replace_file(display, posts)
            try:
                documents = {post.display: post.document for post in posts}

                def document_of(post: CorpusPost) -> Document | None:
                    return documents.get(post.display) or engine.parse(display, text)

                found, errors = engine.corpus_findings([display], index, document_of)
            finally:
                if saved:
                    index.replace_file(display, saved)
                else:
                    index.remove_file(display)
        result = linted.result
        violations = tuple(sorted(result.violations + tuple(found), key=Violation.sort_key))
        return FileResult(violations, result.errors + tuple(errors), result.post)

    @staticmethod
    def _posts_of(engine: Engine, display: str, text: str) -> list[CorpusPost]:
        posts = read_posts(display, text, engine.defaults_for(display), engine.config.csv)
        many = holds_many(display)
        return [CorpusPost.of(display, entry_of(doc), doc if many else None) for doc in posts.documents]

    # ------------------------------------------------------------ the corpus index

    def index(self) -> LiveCorpus:
        """Every post of the root config's `content`, built once through the caches, then kept
        up to date (each other config's index is built when one of its posts is first checked)."""
        with self._lock:
            return self._root_unit.index()

    def warm_up(self) -> None:
        """Build the corpus index now (through the caches), then check a sample post so the rules'
        lazily loaded tables (the URL grammar, word lists, the syllable fallback) are read before
        a long-lived process's first real check. A rule that fails on the sample raises here."""
        self.index()
        self.check_text(WARM_UP_POST)

    def _forget_files(self) -> None:
        self.folders = FolderIndex()
        for unit in self._units.values():
            unit.forget_files()

    def _indexed_unit(self, path: str | os.PathLike[str]) -> ConfigUnit | None:
        """A file changed on disk: the folder listings are stale, and the unit whose corpus index
        holds the file is returned (None when none is built, or its config is broken)."""
        self._forget_files()
        try:
            unit = self.unit_for(path)
        except ConfigError:
            return None
        return unit if unit.has_index else None

    def update(self, path: str | os.PathLike[str]) -> None:
        """A file was saved, created or renamed to `path`: its posts are indexed again."""
        with self._lock:
            unit = self._indexed_unit(path)
            if unit is None:
                return
            display = self.display(path)
            index = unit.index()
            try:
                text = decode(read_bytes(Path(path))).text
            except (ReadError, SourceError):
                index.remove_file(display)  # reported when the file itself is checked
                return
            index.replace_file(display, self._posts_of(unit.engine, display, text))

    def remove(self, path: str | os.PathLike[str]) -> None:
        """A file was deleted (or renamed away from `path`)."""
        with self._lock:
            unit = self._indexed_unit(path)
            if unit is not None:
                unit.index().remove_file(self.display(path))

    def similar(self, path: str | os.PathLike[str], limit: int = 5) -> list[Neighbour]:
        """The posts nearest to the post at `path` and whether RP001/RP002 would report each."""
        display = self.display(path)
        text = decode(read_bytes(Path(path))).text
        with self._lock:
            unit = self.unit_for(path)
            index = unit.index()
            saved = index.posts_of(display)
            index.replace_file(display, self._posts_of(unit.engine, display, text))
            try:
                return nearest(index, display, unit.config, datetime.now(timezone.utc), limit)
            finally:
                if saved:
                    index.replace_file(display, saved)
                else:
                    index.remove_file(display)


def _key(config: Config) -> str | None:
    return str(Path(os.path.abspath(config.path))) if config.path else None
