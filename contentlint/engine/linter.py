"""The engine: which rules apply to a file, running them, and placing findings in the file.

Flow: paths -> Documents -> document rules -> corpus rules -> Findings -> Violations (line and
column computed here, once) -> suppressions -> sorted.
"""
from __future__ import annotations

import gc
import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Hashable, Iterable, Iterator, Mapping, Sequence

from contentlint.cache import run_snapshot
from contentlint.inputs.calendar_csv import CALENDAR_SUFFIXES, calendar_documents
from contentlint.config.load import Config, ConfigError, RuleSetting
from contentlint.text.document import Document, parse_document
from contentlint.inputs.corpus import CorpusFile
from contentlint.inputs.files import Defaults, FolderIndex, ReadError, display_path, expand, glob_content, matches_any, read_bytes
from contentlint.kinds.base import PREPARED, RuleContext
from contentlint.config.errors import OptionError
from contentlint.text.patterns import PatternError
from contentlint.text.patterns import PatternTimeout
from contentlint.engine.rule_packs import Catalogue, RuleError, load_catalogue
from contentlint.config.builtin import builtin_rules_dir
from contentlint.config.profiles import profiles_for
from contentlint.model.report import PostInfo, Report
from contentlint.cache.result_cache import FileResult, ResultCache, file_key, fingerprint
from contentlint.model.rulespec import RuleSpec
from contentlint.inputs.source import SourceError, decode
from contentlint.cache.stat_digests import StatDigests
from contentlint.engine.suppress import front_matter_disabled, regions
from contentlint.model.violation import FileError, Finding, Violation


class UsageError(Exception):
    """A mistake on the command line or in an API call (exit code 2)."""


@dataclass(frozen=True)
class RunOptions:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    channel: str | None = None
    audience: str | None = None
    use_cache: bool = True
    jobs: int = 1
    all_texts: bool = False   # every post's text in the report, not only those with findings (HTML)


@dataclass(frozen=True)
class ActiveRule:
    spec: RuleSpec
    severity: str
    check: Any


class _SafeArgs(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(spec: RuleSpec, args: Mapping[str, Any]) -> str:
    if "message" in args:
        return str(args["message"])
    try:
        return spec.message.format_map(_SafeArgs(args))
    except (ValueError, IndexError, AttributeError):
        return spec.message


@dataclass
class Linter:
    """Built once per run from a config; lints texts and paths."""

    config: Config
    options: RunOptions = field(default_factory=RunOptions)

    def __post_init__(self) -> None:
        try:
            self.catalogue: Catalogue = load_catalogue(self.config.extends, self.config.root)
        except RuleError as exc:
            raise ConfigError(self.config.display_path, "extends", str(exc)) from None
        self.profiles = profiles_for(self.config)
        self.context = RuleContext(
            self.config, self.profiles,
            cache_dir=self.config.resolved_cache_dir() if self.options.use_cache else None,
        )
        self._content_files: list[Path] | None = None
        self._folders = FolderIndex()   # like the content list: walked once in a Linter's life
        self._rule_sets: dict[tuple[int, ...], tuple[ActiveRule, ...]] = {}
        self._checks: dict[tuple[str, str], Any] = {}
        self._validate_settings(self.config.rules)
        for override in self.config.overrides:
            self._validate_settings(override.rules)
        try:
            self.selected = self.catalogue.select(self.options.select) if self.options.select else None
            self.ignored = self.catalogue.select(self.options.ignore) if self.options.ignore else set()
        except RuleError as exc:
            raise UsageError(str(exc)) from None
        self.defaults = Defaults(
            channels=(self.options.channel.lower(),) if self.options.channel
            else ((self.config.default_channel,) if self.config.default_channel else ()),
            audiences=(self.options.audience.lower(),) if self.options.audience else (),
            lang=self.config.lang,
        )

    # ------------------------------------------------------------ rule sets

    def _validate_settings(self, settings: Sequence[RuleSetting]) -> None:
        for setting in settings:
            spec = self.catalogue.find(setting.key)
            if spec is None:
                raise ConfigError(self.config.display_path, f"rules.{setting.key}", "unknown rule code or name", setting.line)
            if setting.options:  # a severity alone needs no check built to be valid
                self._build_check(spec, {**spec.options, **setting.options}, setting)

    def _build_check(self, spec: RuleSpec, options: Mapping[str, Any], setting: RuleSetting | None = None) -> Any:
        from contentlint.kinds.catalog import KINDS  # here: a run answered from the cache imports no kind

        key = (spec.code, json.dumps(options, sort_keys=True, default=str))
        if key not in self._checks:
            try:
                self._checks[key] = KINDS[spec.kind].from_options(options)
            except (OptionError, PatternError) as exc:
                where = setting.line if setting else None
                raise ConfigError(self.config.display_path, f"rules.{setting.key if setting else spec.name}", str(exc), where) from None
        return self._checks[key]

    def rules_for(self, path: str) -> tuple[ActiveRule, ...]:
        """The active rules for a file: defaults, config, matching overrides, then --select/--ignore."""
        matched = tuple(i for i, o in enumerate(self.config.overrides) if matches_any(path, o.files))
        if matched not in self._rule_sets:
            settings = list(self.config.rules)
            for index in matched:
                settings.extend(self.config.overrides[index].rules)
            self._rule_sets[matched] = self._resolve(settings)
        return self._rule_sets[matched]

    def _resolve(self, settings: Sequence[RuleSetting]) -> tuple[ActiveRule, ...]:
        state = {spec.code: [spec.enabled, spec.severity, dict(spec.options)] for spec in self.catalogue.specs}
        for setting in settings:
            spec = self.catalogue.find(setting.key)
            if spec is None:
                continue
            entry = state[spec.code]
            if setting.enabled is not None:
                entry[0] = setting.enabled
            if setting.severity:
                entry[1] = setting.severity
            entry[2].update(setting.options)
        active = []
        for spec in self.catalogue.specs:
            enabled, severity, options = state[spec.code]
            if self.selected is not None:
                enabled = spec.code in self.selected
            if spec.code in self.ignored or not enabled:
                continue
            active.append(ActiveRule(spec, severity, self._build_check(spec, options)))
        return tuple(active)

    # ------------------------------------------------------------ linting

    def lint_document(self, doc: Document, rules: Sequence[ActiveRule] | None = None) -> tuple[list[Violation], list[FileError]]:
        rules = self.rules_for(doc.path) if rules is None else rules
        violations: list[Violation] = []
        errors: list[FileError] = []
        for rule in rules:
            if getattr(rule.check, "is_corpus", False):
                continue
            try:
                findings = list(rule.check.check(doc, self.context))
            except PatternTimeout as exc:
                errors.append(FileError(doc.path, f"rule {rule.spec.code} {rule.spec.name}: {exc}"))
                continue
            except Exception as exc:  # a rule bug must not hide the other rules' findings
                errors.append(FileError(doc.path, f"internal error in rule {rule.spec.code} {rule.spec.name}: {exc!r}"))
                continue
            violations.extend(self.place(doc, rule, finding) for finding in findings)
        return self.suppress(doc, violations), errors

    def place(self, doc: Document, rule: ActiveRule, finding: Finding) -> Violation:
        line, column = doc.line_col(finding.start)
        end_line, end_column = doc.line_col(max(finding.end, finding.start))
        return Violation(
            path=doc.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            code=rule.spec.code,
            name=rule.spec.name,
            severity=finding.severity or rule.severity,
            message=render_message(rule.spec, finding.args),
            fix=finding.fix if doc.origin is None else None,  # cell offsets: `--fix` must not rewrite a CSV
            related=finding.related,
        )

    def suppress(self, doc: Document, violations: list[Violation]) -> list[Violation]:
        if not violations:
            return violations
        disabled = front_matter_disabled(dict(doc.meta))
        suppressed = regions(doc.text, lambda offset: doc.line_col(offset)[0]) if "contentlint-" in doc.text else ()
        kept = []
        for violation in violations:
            if violation.code.lower() in disabled or violation.name in disabled:
                continue
            if any(region.covers(violation.line, violation.code, violation.name) for region in suppressed):
                continue
            kept.append(violation)
        return kept

    def lint_text(self, text: str, path: str = "<text>") -> list[Violation]:
        doc = parse_document(
            path,
            text,
            default_channels=self.defaults.channels,
            default_audiences=self.defaults.audiences,
            default_lang=self.defaults.lang,
            markdown=True if path == "<text>" else None,
        )
        violations, errors = self.lint_document(doc)
        own = CorpusFile(Path(path), path, text.encode("utf-8", "surrogatepass"), self.defaults)
        own.__dict__["document"] = doc
        corpus_violations, corpus_errors = self.run_corpus([own], [own])
        if errors or corpus_errors:
            raise UsageError("; ".join(e.message for e in errors + corpus_errors))
        return sorted(violations + corpus_violations, key=Violation.sort_key)

    def corpus_rules(self, displays: Sequence[str]) -> list[ActiveRule]:
        """Corpus rules active for at least one target (per-file settings apply to the findings)."""
        seen: dict[str, ActiveRule] = {}
        rule_sets = {id(rules): rules for rules in map(self.rules_for, displays)}  # few distinct sets, many files
        for rules in rule_sets.values():
            for rule in rules:
                if getattr(rule.check, "is_corpus", False):
                    seen.setdefault(rule.spec.code, rule)
        return list(seen.values())

    def run_corpus(self, targets: Sequence[CorpusFile], corpus: Sequence[CorpusFile]) -> tuple[list[Violation], list[FileError]]:
        violations: list[Violation] = []
        errors: list[FileError] = []
        by_display = {target.display: target for target in targets}
        for rule in self.corpus_rules(list(by_display)):
            try:
                results = list(rule.check.check_corpus(targets, corpus, self.context))
            except Exception as exc:  # a rule bug must not hide the document rules' findings
                errors.append(FileError(targets[0].display if targets else "<corpus>",
                                        f"internal error in rule {rule.spec.code} {rule.spec.name}: {exc!r}"))
                continue
            for where, finding in results:
                doc = where if isinstance(where, Document) else _target_document(by_display.get(where))
                if doc is None or doc.path not in by_display:
                    continue
                active = {r.spec.code: r for r in self.rules_for(doc.path)}.get(rule.spec.code)
                if active is not None:
                    violations.extend(self.suppress(doc, [self.place(doc, active, finding)]))
        return violations, errors

    def fingerprint(self) -> str:
        """Everything besides a post that shapes its findings; part of every cache key."""
        from contentlint._version import __version__

        packs = [builtin_rules_dir()] + [self.config.root / e for e in self.config.extends if e != "default"]
        pack_files = [p for pack in packs if pack.is_dir() for p in pack.rglob("*") if p.is_file()]
        banned = self.config.hashtags.banned_file
        if banned:
            pack_files.append(self.config.root / banned)
        return fingerprint(__version__, self.config, self.options.select, self.options.ignore, self.defaults,
                           files=pack_files)

    def lint_paths(self, paths: Sequence[str], *, cwd: Path | None = None, progress: Any = None) -> Report:
        """Check files and folders: document rules per file (cached, in parallel when many),
        then the corpus rules once over config `content` plus these files. When nothing they
        read has changed since the last run, that run's report (`run_snapshot`)."""
        with fewer_gc_passes():
            return self._lint_paths(paths, cwd=cwd, progress=progress)

    def _lint_paths(self, paths: Sequence[str], *, cwd: Path | None, progress: Any) -> Report:
        started = time.time_ns()
        cwd = cwd or Path.cwd()
        files, path_errors = expand(paths, index=self._folders)
        cache = ResultCache(self.config.resolved_cache_dir() if self.options.use_cache else None)
        run_fingerprint = self.fingerprint()
        state = None
        if self.options.use_cache:
            read = files + (self.content_files() if self.config.content else [])
            state = run_snapshot.run_state(run_fingerprint, cwd, list(paths), read, started)
            unchanged = run_snapshot.load(cache, state, cwd, self.options.all_texts) if state else None
            if unchanged is not None:
                cache.close()
                return unchanged
        digests = StatDigests(cache, started, state.statuses if state else {}) if self.options.use_cache else None
        report = self._lint_files(files, path_errors, cwd, cache, run_fingerprint, digests, progress)
        if digests is not None:
            digests.save()
        if state is not None:
            run_snapshot.store(cache, state, report)
        cache.close()
        return report

    def _lint_files(self, files: list[Path], path_errors: list[tuple[str, str]], cwd: Path, cache: ResultCache,
                    run_fingerprint: str, digests: StatDigests | None, progress: Any) -> Report:
        errors = [FileError(raw, message) for raw, message in path_errors]
        results: dict[str, FileResult] = {}
        targets: list[CorpusFile] = []
        misses: list[tuple[str, str, str]] = []   # (display, text, cache key)
        readable: list[tuple[CorpusFile, str, str]] = []   # (file, text, cache key)
        for index, path in enumerate(files):
            display = "<stdin>" if str(path) == "-" else display_path(path, cwd)
            if progress:
                progress(index, len(files))
            try:
                data = read_bytes(path)
                text = decode(data).text
            except (ReadError, SourceError) as exc:
                errors.append(FileError(display, str(exc)))
                continue
            readable.append((CorpusFile(path, display, data, self.defaults, self.config.csv), text,
                             file_key(run_fingerprint, display, data)))
        cache.prefetch([key for _, _, key in readable])
        for target, text, key in readable:
            display = target.display
            targets.append(target)
            cached = cache.get(key, display, text)
            if cached is not None:
                results[display] = cached
            else:
                misses.append((display, text, key))
        by_display = {target.display: target for target in targets}
        prepared: dict[Hashable, Any] = self.context.cache.setdefault(PREPARED, {})
        items = [(d, t, by_display[d].digest) for d, t, _ in misses]
        for display, result, entries in self._lint_texts(items):
            results[display] = result
            prepared.update(entries)
        for display, _, key in misses:
            if not results[display].errors:  # a failed rule is retried next run, not remembered
                cache.put(key, results[display])
        violations = [v for result in results.values() for v in result.violations]
        errors.extend(e for result in results.values() for e in result.errors)
        if targets and self.corpus_rules([t.display for t in targets]):
            found, corpus_errors = self._corpus_with_cache(targets, cwd, cache, run_fingerprint, digests)
            violations.extend(found)
            errors.extend(corpus_errors)
        violations.sort(key=Violation.sort_key)
        posts = tuple(results[t.display].post for t in targets if results[t.display].post is not None)
        return Report(tuple(violations), tuple(errors), len(targets), posts)

    def lint_one(self, display: str, text: str) -> FileResult:
        return self._lint_one(display, text, None)[0]

    def _lint_one(self, display: str, text: str, digest: str | None) -> tuple[FileResult, list[tuple[Hashable, Any]]]:
        """The result, and what the corpus rules will want from this post (given its digest).
        The parsed post itself is not kept: 100,000 of them do not fit a hook's memory."""
        if display.lower().endswith(CALENDAR_SUFFIXES):
            return self.lint_calendar(display, text), []
        doc = parse_document(display, text, default_channels=self.defaults.channels,
                             default_audiences=self.defaults.audiences, default_lang=self.defaults.lang,
                             markdown=True if display == "<stdin>" else None)
        found, rule_errors = self.lint_document(doc)
        post = PostInfo(doc.path, doc.channels, doc.audiences, doc.publish_at, doc.lang, doc.text)
        entries = self._prepare_corpus(doc, digest) if digest is not None else []
        return FileResult(tuple(found), tuple(rule_errors), post), entries

    def _prepare_corpus(self, doc: Document, digest: str) -> list[tuple[Hashable, Any]]:
        """Each active corpus rule's summary of a post it will compare (`prepare`), computed
        while the post is parsed anyway: the corpus rules then never parse it again, in this
        process or, with --jobs, in the parent. One call per kind: RP001 and RP002 share one."""
        entries: list[tuple[Hashable, Any]] = []
        seen: set[Any] = set()
        for rule in self.rules_for(doc.path):
            prepare = getattr(type(rule.check), "prepare", None) if getattr(rule.check, "is_corpus", False) else None
            if prepare is None or prepare in seen:
                continue
            seen.add(prepare)
            try:
                entries.append(rule.check.prepare(doc, digest, self.defaults))
            except Exception:  # noqa: BLE001 - the corpus rule computes it again and reports its error
                continue
        return entries

    def lint_calendar(self, display: str, text: str) -> FileResult:
        """A scheduler CSV: every row is a post; one PostInfo with the whole file for the reports."""
        docs, errors = calendar_documents(text, display, self.config.csv, self.defaults)
        violations: list[Violation] = []
        for doc in docs:
            found, rule_errors = self.lint_document(doc)
            violations.extend(found)
            errors.extend(rule_errors)
        channels = tuple(dict.fromkeys(c for doc in docs for c in doc.channels))
        audiences = tuple(dict.fromkeys(a for doc in docs for a in doc.audiences))
        post = PostInfo(display, channels, audiences, None, docs[0].lang if docs else "en", text)
        return FileResult(tuple(violations), tuple(errors), post)

    def _lint_texts(self, items: Sequence[tuple[str, str, str]]) -> Iterable[tuple[str, FileResult, list[tuple[Hashable, Any]]]]:
        """Lint many posts (display, text, digest); in worker processes when there are enough to
        pay for them. Each comes back with its corpus-rule entries (`_prepare_corpus`)."""
        jobs = min(self.options.jobs, os.cpu_count() or 1)
        if jobs <= 1 or len(items) < PARALLEL_MIN_FILES:
            return [(display, *self._lint_one(display, text, digest)) for display, text, digest in items]
        import multiprocessing as mp  # here, not at the top: a hook checking 3 posts never forks
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        if "fork" not in mp.get_all_start_methods():
            return [(display, *self._lint_one(display, text, digest)) for display, text, digest in items]
        chunks = [items[i:i + CHUNK_SIZE] for i in range(0, len(items), CHUNK_SIZE)]
        try:
            with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork"),
                                     initializer=_start_worker, initargs=(self.config, self.options)) as pool:
                return [row for chunk in pool.map(_lint_chunk, chunks) for row in chunk]
        except (BrokenProcessPool, OSError):
            return [(display, *self._lint_one(display, text, digest)) for display, text, digest in items]

    def _corpus_with_cache(self, targets: Sequence[CorpusFile], cwd: Path, cache: ResultCache,
                           run_fingerprint: str, digests: StatDigests | None) -> tuple[list[Violation], list[FileError]]:
        corpus = self.load_corpus(targets, cwd, digests)
        state = fingerprint(run_fingerprint, sorted(t.display for t in targets),
                            sorted((c.display, c.digest) for c in corpus))
        cached = cache.get("corpus:" + state, "<corpus>", "")
        if cached is not None:
            return list(cached.violations), list(cached.errors)
        found, errors = self.run_corpus(targets, corpus)
        cache.put("corpus:" + state, FileResult(tuple(found), tuple(errors), None))
        return found, errors

    def content_files(self) -> list[Path]:
        """The posts of config `content`, globbed once per run (the CLI's default targets and the
        corpus are the same list)."""
        if self._content_files is None:
            self._content_files = glob_content(self.config.content, self.config.root, self._folders)
        return self._content_files

    def load_corpus(self, targets: Sequence[CorpusFile], cwd: Path, digests: StatDigests | None = None) -> list[CorpusFile]:
        """Every post of config `content` plus the targets (targets win over their stored copies).
        A post whose stat matches `digests` is not read: its digest is all the corpus rules need
        unless their caches miss."""
        corpus = {target.display: target for target in targets}
        if digests is not None:  # read already: their digests spare the next run a read
            for target in targets:
                if target.display == "<stdin>":
                    continue
                try:
                    # the run's stat, taken before the read: a write in between changes the
                    # change time, so the next run's stat will not match this entry
                    path = os.path.abspath(target.path)
                    digests.record(path, digests.stat(path), target.digest)
                except OSError:
                    continue
        for path in self.content_files():
            display = display_path(path, cwd)
            if display in corpus:
                continue
            try:
                status = digests.stat(str(path)) if digests is not None else None
                known = digests.known(str(path), status) if digests is not None and status is not None else None
                if known is not None:
                    corpus[display] = CorpusFile(path, display, None, self.defaults, self.config.csv, known)
                    continue
                corpus[display] = CorpusFile(path, display, read_bytes(path), self.defaults, self.config.csv)
                if digests is not None and status is not None:
                    digests.record(str(path), status, corpus[display].digest)
            except (ReadError, OSError):
                continue  # reported when the file itself is checked; the corpus just skips it
        return list(corpus.values())


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


def _target_document(target: CorpusFile | None) -> Document | None:
    return target.document if target is not None else None


PARALLEL_MIN_FILES = 400   # below this, starting workers costs more than it saves
CHUNK_SIZE = 200
_WORKER: Linter | None = None  # one per worker process, built by its initializer (fork)


def _start_worker(config: Config, options: RunOptions) -> None:
    global _WORKER
    _WORKER = Linter(config, options)


def _lint_chunk(items: Sequence[tuple[str, str, str]]) -> list[tuple[str, FileResult, list[tuple[Hashable, Any]]]]:
    assert _WORKER is not None
    with fewer_gc_passes():
        return [(display, *_WORKER._lint_one(display, text, digest)) for display, text, digest in items]


def fails(report: Report, fail_on: str) -> bool:
    from contentlint.model.violation import SEVERITY_RANK

    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK[v.severity] >= threshold for v in report.violations)
