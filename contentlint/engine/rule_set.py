"""Which rules run on a file, with which severity and options: the built-in and team packs, the
config's `rules:`, the `overrides:` whose globs match the file, then `--select`/`--ignore`.

Checks are built once per distinct set of options (a kind instance is immutable), and a rule
set once per distinct combination of matching overrides: many files, few sets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from contentlint.config.errors import ConfigError, ConfigProblem, OptionError, did_you_mean
from contentlint.config.globs import PathPatterns
from contentlint.config.model import Config, RuleSetting
from contentlint.config.wordlists import WordLists
from contentlint.engine.building import build_rule_kind
from contentlint.engine.rule_packs import Catalogue, RuleError
from contentlint.kinds.base import Kind
from contentlint.model.rulespec import RuleSpec
from contentlint.text.patterns import PatternError


class UsageError(Exception):
    """A mistake on the command line or in an API call (exit code 2)."""


@dataclass(frozen=True)
class ActiveRule:
    spec: RuleSpec
    severity: str
    check: Kind

    @property
    def is_corpus(self) -> bool:
        return self.check.is_corpus


class RuleSets:
    """Resolves and builds the active rules of a config for any file path."""

    def __init__(
        self,
        config: Config,
        catalogue: Catalogue,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        lists: WordLists | None = None,
    ) -> None:
        self.config = config
        self.catalogue = catalogue
        self.lists = lists or WordLists()  # the engine's: each word list read once
        self._sets: dict[tuple[int, ...], tuple[ActiveRule, ...]] = {}
        self._checks: dict[tuple[str, str], Kind] = {}
        self._matchers = [PathPatterns(override.files, config.root) for override in config.overrides]
        self._matched: dict[str, tuple[int, ...]] = {}
        self.problems: list[ConfigProblem] = []
        self._validate(config.rules)
        for override in config.overrides:
            self._validate(override.rules)
        try:
            self.selected = catalogue.select(select) if select else None
            self.ignored = catalogue.select(ignore) if ignore else set()
        except RuleError as exc:
            raise UsageError(str(exc)) from None

    def _validate(self, settings: Sequence[RuleSetting]) -> None:
        """Every unknown rule and bad option is recorded in `problems` (the engine raises them
        with the config's other mistakes at once)."""
        names = [name for spec in self.catalogue.specs for name in (spec.code, spec.name)]
        for setting in settings:
            spec = self.catalogue.find(setting.key)
            if spec is None:
                hint = did_you_mean(setting.key, names)
                self.problems.append(
                    ConfigProblem(
                        self.config.display_path,
                        f"rules.{setting.key}",
                        f"unknown rule code or name{hint}",
                        setting.line,
                    )
                )
                continue
            if setting.options:  # a severity alone needs no check built to be valid
                try:
                    self.build(spec, {**spec.options, **setting.options}, setting)
                except ConfigError as exc:
                    self.problems.extend(exc.problems)

    def build(self, spec: RuleSpec, options: Mapping[str, Any], setting: RuleSetting | None = None) -> Kind:
        """The check for a rule with these options, built once (kinds are imported only now: a
        run answered from the cache imports none)."""
        key = (spec.code, json.dumps(options, sort_keys=True, default=str))
        if key not in self._checks:
            try:
                self._checks[key] = build_rule_kind(spec, options, self.lists)
            except (OptionError, PatternError) as exc:
                where = setting.line if setting else None
                raise ConfigError(
                    self.config.display_path, f"rules.{setting.key if setting else spec.name}", str(exc), where
                ) from None
        return self._checks[key]

    def overrides_for(self, relative: str) -> tuple[int, ...]:
        """The indexes of the overrides whose `files` match a path relative to the config's folder."""
        matched = self._matched.get(relative)
        if matched is None:
            matched = tuple(i for i, m in enumerate(self._matchers) if m.matches_relative(relative))
            if len(self._matched) < 100_000:
                self._matched[relative] = matched
        return matched

    def for_path(self, relative: str) -> tuple[ActiveRule, ...]:
        """The active rules for a file (its path relative to the config's folder): defaults,
        config, matching overrides, then --select/--ignore."""
        matched = self.overrides_for(relative)
        if matched not in self._sets:
            active = []
            for state in self.states(matched):
                if state.enabled:
                    active.append(ActiveRule(state.spec, state.severity, self.build(state.spec, state.options)))
            self._sets[matched] = tuple(active)
        return self._sets[matched]

    def states(self, matched: Sequence[int] = ()) -> list[RuleState]:
        """Every rule's state under the config and the overrides `matched` (indexes), with what
        set it last: what `contentlint rules` and `contentlint config` show."""
        settings: list[tuple[RuleSetting, int | None]] = [(s, None) for s in self.config.rules]
        for index in matched:
            settings.extend((s, index) for s in self.config.overrides[index].rules)
        state = {
            spec.code: RuleState(spec, spec.enabled, spec.severity, dict(spec.options), "default")
            for spec in self.catalogue.specs
        }
        for setting, override in settings:
            spec = self.catalogue.find(setting.key)
            if spec is None:
                continue
            old = state[spec.code]
            where = f"{self.config.display_path}:{setting.line}" if setting.line else self.config.display_path
            state[spec.code] = RuleState(
                spec,
                old.enabled if setting.enabled is None else setting.enabled,
                setting.severity or old.severity,
                {**old.options, **setting.options},
                where if override is None else f"{where} (overrides[{override}])",
            )
        result = []
        for spec in self.catalogue.specs:
            entry = state[spec.code]
            if self.selected is not None and (spec.code in self.selected) != entry.enabled:
                entry = replace(entry, enabled=spec.code in self.selected, source="--select")
            if spec.code in self.ignored and entry.enabled:
                entry = replace(entry, enabled=False, source="--ignore")
            result.append(entry)
        return result


@dataclass(frozen=True)
class RuleState:
    """One rule as a file gets it: on or off, its severity and options, and where that was set."""

    spec: RuleSpec
    enabled: bool
    severity: str
    options: dict[str, Any]
    source: str
