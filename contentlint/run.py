"""A run: paths -> files -> cache -> engine -> report. Parallelism and every cache live here.

1. The paths are expanded into files (folders walked once, `inputs.walk`).
2. When no file the last run of the same command read has changed, that run's report
   (`cache.run_snapshot`).
3. Each file is read once; files whose bytes the result cache knows are not linted again; the
   others are linted, in worker processes when there are many, and come back with their corpus
   index entries.
4. The corpus rules run once over the index of config `content` plus the targets
   (`cache.indexing`), unless the same targets and corpus were checked before. A run of a few
   posts (a pre-commit hook) answers them from the corpus store instead (`cache.store_run`), and
   skips step 2, which would stat every post; a run that indexed every post writes the store.
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from contentlint._version import __version__
from contentlint.cache import run_snapshot
from contentlint.cache.code_digest import code_digest
from contentlint.cache.folder import CacheUnusable
from contentlint.cache.folder import prepare as prepare_cache
from contentlint.cache.result_cache import ResultCache, file_key, fingerprint
from contentlint.cache.stat_digests import StatDigests
from contentlint.config.model import Config
from contentlint.engine.engine import Engine, LintedFile, Selection
from contentlint.engine.rule_packs import pack_files
from contentlint.inputs.corpus import CorpusFile
from contentlint.inputs.read import ReadError, read_bytes
from contentlint.inputs.readers import STDIN_DISPLAY
from contentlint.inputs.source import SourceError, decode
from contentlint.inputs.walk import ContentScope, FolderIndex, display_path, expand
from contentlint.kinds.corpus import CorpusPost, IndexEntry
from contentlint.model.report import FileResult, Report
from contentlint.model.violation import SEVERITY_RANK, FileError, Violation
from contentlint.text.document import Document

if TYPE_CHECKING:  # numpy loads when a corpus is compared, not for a run answered from its report
    from contentlint.cache.corpus_store import CorpusStore

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RunOptions:
    """How a run goes: the rule selection and defaults (`Selection`) and how it may use the machine."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    channel: str | None = None
    audience: str | None = None
    use_cache: bool = True
    jobs: int = 1
    all_texts: bool = False  # every post's text in the report, not only those with findings (HTML)

    @property
    def selection(self) -> Selection:
        return Selection(self.select, self.ignore, self.channel, self.audience)


def run_fingerprint(engine: Engine, code: str) -> str:
    """Everything besides a post that shapes its findings; part of every cache key: contentlint's
    own files as installed (`code`, from `cache.code_digest`: kinds, built-in rules, word lists),
    the config and selection, and the files the config names (rule packs, banned hashtags)."""
    config = engine.config
    packs = [config.root / e for e in config.extends if e != "default"]
    files = [path for pack in packs if pack.is_dir() for path in pack_files(pack)]
    banned = config.hashtags.banned_file
    if banned:
        files.append(config.root / banned)
    selection = engine.selection
    return fingerprint(__version__, code, config, selection.select, selection.ignore, engine.defaults, files=files)


def fails(report: Report, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[v.severity] >= threshold for v in report.violations)


@contextmanager
def fewer_gc_passes() -> Iterator[None]:
    """A run allocates millions of short-lived objects (tokens, spans, matches) that die without
    reference cycles; at Python's default threshold (a pass every 700 allocations) the cyclic
    collector took 13% of a cold run's CPU. Passes are rarer for the run, then as before."""
    old = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*old)


def check_paths(
    engine: Engine,
    paths: Sequence[str],
    *,
    options: RunOptions,
    folders: FolderIndex,
    content_files: Callable[[], list[Path]],
    cwd: Path | None = None,
    progress: Progress | None = None,
    files: Sequence[Path] | None = None,
    path_errors: Sequence[tuple[str, str]] = (),
    scope: ContentScope | None = None,
) -> Report:
    """Check files and folders: document rules per file (cached, in parallel when many), then
    the corpus rules once over config `content` plus these files. When nothing they read has
    changed since the last run, that run's report. `files`: the files `paths` expand to, when
    the caller has expanded and chosen them already (the workspace, grouping files by config);
    `paths` then only names the run for the unchanged-run shortcut. `scope`: where config
    `content`'s posts are, for the corpus store (without it, no store is used or written)."""
    with fewer_gc_passes():
        run = _Run(engine, options, folders, content_files, cwd or Path.cwd(), progress, scope)
        return run.check(paths, None if files is None else (list(files), list(path_errors)))


class _Run:
    """The state of one `check_paths` call: its caches and what it has read."""

    def __init__(
        self,
        engine: Engine,
        options: RunOptions,
        folders: FolderIndex,
        content_files: Callable[[], list[Path]],
        cwd: Path,
        progress: Progress | None,
        scope: ContentScope | None = None,
    ) -> None:
        self.engine = engine
        self.scope = scope if engine.config.content else None
        self.store: CorpusStore | None = None  # the corpus store, when this run answers from it
        self.setup = ""
        self.started = time.time_ns()
        self.options = options
        self.folders = folders
        self.content_files = content_files
        self.cwd = cwd
        self.progress = progress
        self.cache_dir: Path | None = None
        self.notes: tuple[str, ...] = ()
        if options.use_cache:
            try:
                self.cache_dir = prepare_cache(engine.config.resolved_cache_dir())
            except CacheUnusable as exc:  # a broken cache never changes a finding: no cache, and say so
                self.notes = (f"{exc}; this run used no cache",)

    def check(self, paths: Sequence[str], expanded: tuple[list[Path], list[tuple[str, str]]] | None = None) -> Report:
        started = self.started = time.time_ns()
        files, path_errors = expanded if expanded is not None else expand(paths, index=self.folders)
        cache = ResultCache(self.cache_dir)
        code = code_digest(cache)
        fingerprint_ = run_fingerprint(self.engine, code)
        state = None
        if self.cache_dir is not None and self.scope is not None:
            from contentlint.cache.store_run import open_for, setup_of

            self.setup = setup_of(self.engine, code)
            if "-" not in map(str, files):
                self.store = open_for(self.cache_dir, self.setup, len(files))
        if self.cache_dir is not None and self.store is None:
            read = files + (self.content_files() if self.engine.config.content else [])
            # the day is part of it: an undated draft publishes on the day of the run (repetition)
            today = time.strftime("%Y-%m-%d", time.gmtime(started / 1e9))
            state = run_snapshot.run_state(f"{fingerprint_} {today}", self.cwd, list(paths), read, started)
            unchanged = run_snapshot.load(cache, state, self.cwd, self.options.all_texts) if state else None
            if unchanged is not None:
                cache.close()
                return unchanged
        # the corpus store's runs read no corpus post: the digests are for the runs that do
        use_digests = self.cache_dir is not None and self.store is None
        digests = StatDigests(cache, started, state.statuses if state else {}) if use_digests else None
        report = self._lint_files(files, path_errors, cache, fingerprint_, digests)
        if self.notes:
            report = replace(report, notes=self.notes)
        if digests is not None:
            digests.save()
        if state is not None:
            run_snapshot.store(cache, state, report)
        cache.close()
        return report

    def _lint_files(
        self,
        files: list[Path],
        path_errors: list[tuple[str, str]],
        cache: ResultCache,
        fingerprint_: str,
        digests: StatDigests | None,
    ) -> Report:
        errors = [FileError(raw, message) for raw, message in path_errors]
        results: dict[str, FileResult] = {}
        targets: list[CorpusFile] = []
        misses: list[tuple[str, bytes, str]] = []  # (display, bytes, cache key)
        readable: list[tuple[CorpusFile, str]] = []  # (file, cache key); texts are decoded where used
        config = self.engine.config
        for index, path in enumerate(files):
            display = STDIN_DISPLAY if str(path) == "-" else display_path(path, self.cwd)
            if self.progress:
                self.progress(index, len(files))
            try:
                data = read_bytes(path)
                decode(data)  # a file that does not decode is reported here
            except (ReadError, SourceError) as exc:
                errors.append(FileError(display, str(exc)))
                continue
            readable.append(
                (
                    CorpusFile(path, display, data, self.engine.defaults_for(display), config.csv),
                    file_key(fingerprint_, display, data),
                )
            )
        cache.prefetch([key for _, key in readable])
        keep_texts = self.options.all_texts
        for target, key in readable:
            targets.append(target)
            data = target.data or b""
            cached = cache.get(key, target.display, decode(data).text)
            if cached is not None:
                results[target.display] = cached if keep_texts else _without_text(cached)
            else:
                misses.append((target.display, data, key))
        by_display = {target.display: target for target in targets}
        prepared: dict[str, IndexEntry] = {}
        for display, linted in lint_many(self.engine, [(d, data) for d, data, _ in misses], self.options):
            results[display] = linted.result
            if linted.entries:  # only when a corpus rule runs, and so the index is built anyway
                from contentlint.cache.indexing import defaults_key

                prepared[defaults_key(by_display[display].digest, by_display[display].defaults)] = linted.entries[0]
        for display, _, key in misses:
            if not results[display].errors:  # a failed rule is retried next run, not remembered
                cache.put(key, results[display])
        del readable, misses
        violations = [v for result in results.values() for v in result.violations]
        errors.extend(e for result in results.values() for e in result.errors)
        if targets and self.engine.corpus_rules([t.display for t in targets]):
            found, corpus_errors = self._corpus(targets, cache, fingerprint_, digests, prepared)
            violations.extend(found)
            errors.extend(corpus_errors)
            for display in {v.path for v in found}:  # a corpus finding on a post that had none
                post = results[display].post
                if post is not None and not post.text:
                    with contextlib.suppress(SourceError):  # it was decoded once: it decodes again
                        text = decode(by_display[display].content or b"").text
                        results[display] = replace(results[display], post=replace(post, text=text))
        violations.sort(key=Violation.sort_key)
        posts = tuple(results[t.display].post for t in targets if results[t.display].post is not None)
        return Report(tuple(violations), tuple(errors), len(targets), posts)  # type: ignore[arg-type]

    def _corpus(
        self,
        targets: Sequence[CorpusFile],
        cache: ResultCache,
        fingerprint_: str,
        digests: StatDigests | None,
        prepared: dict[str, IndexEntry],
    ) -> tuple[list[Violation], list[FileError]]:
        if self.store is not None:
            answered = self._stored_corpus(targets, prepared)
            if answered is not None:
                return answered
        from contentlint.cache.indexing import build_index, load_corpus

        corpus = load_corpus(self.engine, targets, self.cwd, self.content_files, digests)
        state = fingerprint(
            fingerprint_, sorted(t.display for t in targets), sorted((c.display, c.digest) for c in corpus)
        )
        cached = cache.get("corpus:" + state, "<corpus>", "")
        if cached is not None:
            return list(cached.violations), list(cached.errors)
        index = build_index(corpus, self.cache_dir, prepared)
        by_display = {target.display: target for target in targets}

        def document_of(post: CorpusPost) -> Document | None:
            target = by_display.get(post.display)
            return target.document if target is not None else None

        found, errors = self.engine.corpus_findings([t.display for t in targets], index, document_of)
        cache.put("corpus:" + state, FileResult(tuple(found), tuple(errors), None))
        if self.scope is not None and self.cache_dir is not None:
            from contentlint.cache.store_run import write_from

            with contextlib.suppress(OSError):  # the store saves time; the next run builds the index as this one
                stat_of = digests.stat if digests is not None else os.stat
                content = {str(path) for path in self.content_files()}  # globbed already, absolute
                write_from(self.cache_dir, self.setup, index, corpus, self.scope, self.started, stat_of, content)
        return found, errors

    def _stored_corpus(
        self, targets: Sequence[CorpusFile], prepared: dict[str, IndexEntry]
    ) -> tuple[list[Violation], list[FileError]] | None:
        """The corpus rules for a few posts, from the corpus store; None when the store turned
        out damaged (it is removed, and the run reads every post instead)."""
        from contentlint.cache.store_run import stored_findings

        assert self.store is not None and self.scope is not None
        answered = stored_findings(self.store, self.engine, self.scope, self.cwd, self.started, targets, prepared)
        if answered is None:
            self.store = None
        return answered


# ---------------------------------------------------------------- parallel linting

PARALLEL_MIN_FILES = 400  # below this, starting workers costs more than it saves
CHUNK_SIZE = 200
_WORKER: Engine | None = None  # one per worker process, built by its initializer (fork)


def lint_many(engine: Engine, items: Sequence[tuple[str, bytes]], options: RunOptions) -> list[tuple[str, LintedFile]]:
    """Lint many files (display, bytes that decode), with their index entries; in worker
    processes when there are enough to pay for them. Each is decoded where it is linted, and
    comes back without its text unless it has findings or the report shows every post: at
    100,000 posts, the decoded texts held at once were a third of a cold run's memory."""
    keep_texts = options.all_texts
    jobs = min(options.jobs, os.cpu_count() or 1)
    if jobs <= 1 or len(items) < PARALLEL_MIN_FILES:
        return _lint_items(engine, items, keep_texts)
    import multiprocessing as mp  # here, not at the top: a hook checking 3 posts never forks
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if "fork" not in mp.get_all_start_methods():
        return _lint_items(engine, items, keep_texts)
    chunks = [(items[i : i + CHUNK_SIZE], keep_texts) for i in range(0, len(items), CHUNK_SIZE)]
    try:
        with ProcessPoolExecutor(
            jobs,
            mp_context=mp.get_context("fork"),
            initializer=_start_worker,
            initargs=(engine.config, engine.selection, Path(engine.base)),
        ) as pool:
            return [row for chunk in pool.map(_lint_chunk, chunks) for row in chunk]
    except (BrokenProcessPool, OSError):
        return _lint_items(engine, items, keep_texts)


def _lint_items(engine: Engine, items: Sequence[tuple[str, bytes]], keep_texts: bool) -> list[tuple[str, LintedFile]]:
    found = []
    for display, data in items:
        linted = engine.lint_file(display, decode(data).text, index=True)
        found.append((display, linted if keep_texts else replace(linted, result=_without_text(linted.result))))
    return found


def _start_worker(config: Config, selection: Selection, base: Path) -> None:
    global _WORKER
    _WORKER = Engine(config, selection, base)


def _lint_chunk(chunk: tuple[Sequence[tuple[str, bytes]], bool]) -> list[tuple[str, LintedFile]]:
    assert _WORKER is not None
    with fewer_gc_passes():
        return _lint_items(_WORKER, *chunk)


def _without_text(result: FileResult) -> FileResult:
    """A result whose post has no finding keeps its routing, not its text (at 100,000 posts the
    texts were a fifth of a cold run's peak memory); the text report shows only posts with findings."""
    if result.violations or result.post is None or not result.post.text:
        return result
    return replace(result, post=replace(result.post, text=""))


def with_errors(report: Report, errors: Sequence[FileError]) -> Report:
    """The report with more file errors (a fix that could not be written)."""
    return replace(report, errors=report.errors + tuple(errors)) if errors else report
