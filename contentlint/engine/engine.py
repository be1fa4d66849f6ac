"""The engine: one config's rules, channel profiles and context, built once, linting parsed posts.

It reads no post and no cache: the run (run.py) or a workspace hands it text and a corpus index.
Flow for one file: text -> Documents (`inputs.readers`) -> document rules -> Findings ->
Violations (placed and suppressed in `placing`). Corpus rules run once over a `CorpusIndex`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from contentlint.config.errors import ConfigError, ConfigProblem
from contentlint.config.model import Config
from contentlint.config.profiles import profiles_for
from contentlint.config.wordlists import WordLists, read_banned_hashtags
from contentlint.engine.corpus_index import CorpusIndex, entry_of
from contentlint.engine.placing import place, suppress
from contentlint.engine.references import check_selection, reference_problems
from contentlint.engine.rule_packs import Catalogue, RuleError, load_catalogue
from contentlint.engine.rule_set import ActiveRule, RuleSets, UsageError
from contentlint.inputs.readers import TEXT_DISPLAY, holds_many, parse_post, read_posts
from contentlint.kinds.base import CorpusKind, RuleContext
from contentlint.kinds.corpus import CorpusPost, CorpusView, IndexEntry
from contentlint.model.defaults import Defaults
from contentlint.model.report import FileResult, PostInfo
from contentlint.model.violation import FileError, Violation
from contentlint.text.document import Document
from contentlint.text.patterns import PatternTimeout
from contentlint.text.sentences import PipelineError


@dataclass(frozen=True)
class Selection:
    """What the command line (or an API call) says beside the config: which rules, and the
    channel and audience of posts whose front matter names none."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    channel: str | None = None
    audience: str | None = None


@dataclass(frozen=True)
class LintedFile:
    """One file linted: its result, and the index entries of its posts (for the corpus rules)."""

    result: FileResult
    entries: tuple[IndexEntry, ...] = ()


class Engine:
    """Built once per config (and per worker process); lints any number of posts."""

    def __init__(self, config: Config, selection: Selection = Selection(), base: Path | None = None) -> None:
        """`base`: the folder the display paths it is given are relative to (the current one by
        default); override globs match paths relative to the config's own folder."""
        self.config = config
        self.selection = selection
        self.base = os.path.abspath(base if base is not None else Path.cwd())
        self._root = os.path.abspath(config.root)
        problems: list[ConfigProblem] = list(config.problems)
        try:
            self.catalogue: Catalogue = load_catalogue(config.extends, config.root)
        except RuleError as exc:
            raise ConfigError.of([*problems, ConfigProblem(config.display_path, "extends", str(exc))]) from None
        try:
            self.profiles = profiles_for(config)
        except ConfigError as exc:
            problems.extend(exc.problems)
            self.profiles = profiles_for(replace(config, channels={}))
        banned_file = config.hashtags.banned_file
        self.context = RuleContext(
            config, self.profiles, banned_tags=read_banned_hashtags(banned_file, config.root) if banned_file else None
        )
        self.word_lists = WordLists()  # read when a rule that names one is built, each once
        self.rule_sets = RuleSets(config, self.catalogue, selection.select, selection.ignore, self.word_lists)
        problems.extend(self.rule_sets.problems)
        problems.extend(reference_problems(config, self.profiles))
        if problems:
            raise ConfigError.of(problems)
        check_selection(selection.channel, selection.audience, config, self.profiles)
        self.defaults = Defaults(
            channels=(selection.channel.lower(),)
            if selection.channel
            else ((config.default_channel,) if config.default_channel else ()),
            audiences=(selection.audience.lower(),) if selection.audience else (),
            lang=config.lang,
        )
        self._relative: dict[str, str | None] = {}
        self._defaults: dict[tuple[int, ...], Defaults] = {(): self.defaults}

    # ------------------------------------------------------------ paths

    def relative(self, display: str) -> str | None:
        """A display path relative to the config's folder ("posts/x/a.md"); None for text that
        is no file (standard input, an API call's text) or a file outside that folder."""
        found = self._relative.get(display, "")
        if found != "":
            return found
        relative: str | None = None
        if not display.startswith("<"):
            absolute = os.path.join(self.base, display)
            prefix = os.path.join(self._root, "")
            if absolute.startswith(prefix):
                relative = os.path.normpath(absolute[len(prefix) :]).replace(os.sep, "/")
        if len(self._relative) < 200_000:
            self._relative[display] = relative
        return relative

    def overrides_for(self, display: str) -> tuple[int, ...]:
        if not self.config.overrides:  # most configs: no path to work out for each of the corpus's posts
            return ()
        relative = self.relative(display)
        return self.rule_sets.overrides_for(relative) if relative is not None else ()

    def defaults_for(self, display: str) -> Defaults:
        """What a post at `display` gets when its front matter does not say: `--channel` and
        `--audience`, else the last matching override's `channel`/`audience`/`lang`, else the
        config's `default_channel` and `lang`."""
        matched = self.overrides_for(display)
        defaults = self._defaults.get(matched)
        if defaults is None:
            channel, audience, lang = self.config.default_channel, None, self.config.lang
            for index in matched:
                override = self.config.overrides[index]
                channel = override.channel or channel
                audience = override.audience or audience
                lang = override.lang or lang
            selection = self.selection
            defaults = self._defaults[matched] = Defaults(
                channels=(selection.channel.lower(),) if selection.channel else ((channel,) if channel else ()),
                audiences=(selection.audience.lower(),) if selection.audience else ((audience,) if audience else ()),
                lang=lang,
            )
        return defaults

    # ------------------------------------------------------------ rules

    def rules_for(self, path: str) -> tuple[ActiveRule, ...]:
        """The active rules of the file at display path `path`."""
        return self.rule_sets.for_path(self.relative(path) or "")

    def corpus_rules(self, displays: Sequence[str]) -> list[ActiveRule]:
        """Corpus rules active for at least one target (per-file settings apply to the findings)."""
        seen: dict[str, ActiveRule] = {}
        rule_sets = {id(rules): rules for rules in map(self.rules_for, displays)}  # few distinct sets, many files
        for rules in rule_sets.values():
            for rule in rules:
                if rule.is_corpus:
                    seen.setdefault(rule.spec.code, rule)
        return list(seen.values())

    def indexes(self, path: str) -> bool:
        """Whether a corpus rule runs on this file, so its posts are worth indexing while parsed."""
        return any(rule.is_corpus for rule in self.rules_for(path))

    # ------------------------------------------------------------ one file

    def parse(self, display: str, text: str) -> Document:
        return parse_post(display, text, self.defaults_for(display))

    def lint_document(
        self, doc: Document, rules: Sequence[ActiveRule] | None = None
    ) -> tuple[list[Violation], list[FileError]]:
        rules = self.rules_for(doc.path) if rules is None else rules
        violations: list[Violation] = []
        errors: list[FileError] = []
        for rule in rules:
            if rule.is_corpus:
                continue
            try:
                findings = list(rule.check.check(doc, self.context))
            except (PatternTimeout, PipelineError) as exc:  # said as it is, not as a bug
                errors.append(FileError(doc.path, f"rule {rule.spec.code} {rule.spec.name}: {exc}"))
                continue
            except Exception as exc:  # a rule bug must not hide the other rules' findings
                errors.append(FileError(doc.path, f"internal error in rule {rule.spec.code} {rule.spec.name}: {exc!r}"))
                continue
            violations.extend(place(doc, rule, finding) for finding in findings)
        return suppress(doc, violations), errors

    def lint_file(self, display: str, text: str, *, index: bool = False) -> LintedFile:
        """Lint a decoded file through its reader (a post file, or a scheduler export of many
        posts). With `index`, also the corpus index entries of a post file, made while it is
        parsed anyway so the corpus rules never parse it again. The parsed posts are not kept:
        100,000 of them do not fit a hook's memory."""
        posts = read_posts(display, text, self.defaults_for(display), self.config.csv)
        violations: list[Violation] = []
        errors = list(posts.errors)
        for doc in posts.documents:
            found, rule_errors = self.lint_document(doc)
            violations.extend(found)
            errors.extend(rule_errors)
        docs = posts.documents
        if holds_many(display) or not docs:  # one PostInfo with the whole file for the reports
            channels = tuple(dict.fromkeys(c for doc in docs for c in doc.channels))
            audiences = tuple(dict.fromkeys(a for doc in docs for a in doc.audiences))
            post = PostInfo(display, channels, audiences, None, docs[0].lang if docs else "en", text)
            return LintedFile(FileResult(tuple(violations), tuple(errors), post))
        doc = docs[0]
        post = PostInfo(doc.path, doc.channels, doc.audiences, doc.publish_at, doc.lang, doc.text)
        entries: tuple[IndexEntry, ...] = ()
        if index and self.indexes(display):
            try:
                entries = (entry_of(doc),)
            except Exception:
                entries = ()
        return LintedFile(FileResult(tuple(violations), tuple(errors), post), entries)

    # ------------------------------------------------------------ corpus rules

    def corpus_findings(
        self, targets: Sequence[str], index: CorpusView, document_of: Callable[[CorpusPost], Document | None]
    ) -> tuple[list[Violation], list[FileError]]:
        """Corpus rules over the index, findings kept for the posts of `targets` only.
        `document_of` gives a target post's parsed Document to place a finding in (parsed only
        for posts that have one)."""
        violations: list[Violation] = []
        errors: list[FileError] = []
        wanted = set(targets)
        for rule in self.corpus_rules(list(targets)):
            check = rule.check
            if not isinstance(check, CorpusKind):
                continue
            try:
                results = list(check.check_corpus(targets, index, self.context))
            except Exception as exc:  # a rule bug must not hide the document rules' findings
                errors.append(
                    FileError(
                        targets[0] if targets else "<corpus>",
                        f"internal error in rule {rule.spec.code} {rule.spec.name}: {exc!r}",
                    )
                )
                continue
            for post, finding in results:
                if post.display not in wanted:
                    continue
                doc = post.document if post.document is not None else document_of(post)
                if doc is None:
                    continue
                active = {r.spec.code: r for r in self.rules_for(doc.path)}.get(rule.spec.code)
                if active is not None:
                    violations.extend(suppress(doc, [place(doc, active, finding)]))
        return violations, errors

    # ------------------------------------------------------------ text alone

    def lint_text(self, text: str, path: str = TEXT_DISPLAY) -> list[Violation]:
        """One post given as text: document rules, and corpus rules against the post itself
        (one post sent to two channels). Rule failures are a UsageError."""
        doc = self.parse(path, text)
        violations, errors = self.lint_document(doc)
        if self.indexes(path):
            index = CorpusIndex([(path, (CorpusPost.of(path, entry_of(doc)),))])
            found, corpus_errors = self.corpus_findings([path], index, lambda post: doc)
            violations += found
            errors += corpus_errors
        if errors:
            raise UsageError("; ".join(e.message for e in errors))
        return sorted(violations, key=Violation.sort_key)
