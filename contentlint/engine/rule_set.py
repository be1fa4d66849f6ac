"""Which rules run on a file, with which severity and options: the built-in and team packs, the
config's `rules:`, the `overrides:` whose globs match the file, then `--select`/`--ignore`.

Checks are built once per distinct set of options (a kind instance is immutable), and a rule
set once per distinct combination of matching overrides: many files, few sets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from contentlint.config.errors import ConfigError, OptionError
from contentlint.config.model import Config, RuleSetting
from contentlint.config.wordlists import WordLists
from contentlint.engine.building import build_rule_kind
from contentlint.engine.rule_packs import Catalogue, RuleError
from contentlint.inputs.walk import matches_any
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


@dataclass
class _State:
    """A rule's resolved setting while the config and its overrides are applied in order."""

    enabled: bool
    severity: str
    options: dict[str, Any]


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
        self._validate(config.rules)
        for override in config.overrides:
            self._validate(override.rules)
        try:
            self.selected = catalogue.select(select) if select else None
            self.ignored = catalogue.select(ignore) if ignore else set()
        except RuleError as exc:
            raise UsageError(str(exc)) from None

    def _validate(self, settings: Sequence[RuleSetting]) -> None:
        for setting in settings:
            spec = self.catalogue.find(setting.key)
            if spec is None:
                raise ConfigError(
                    self.config.display_path, f"rules.{setting.key}", "unknown rule code or name", setting.line
                )
            if setting.options:  # a severity alone needs no check built to be valid
                self.build(spec, {**spec.options, **setting.options}, setting)

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

    def for_path(self, path: str) -> tuple[ActiveRule, ...]:
        """The active rules for a file: defaults, config, matching overrides, then --select/--ignore."""
        matched = tuple(i for i, o in enumerate(self.config.overrides) if matches_any(path, o.files))
        if matched not in self._sets:
            settings = list(self.config.rules)
            for index in matched:
                settings.extend(self.config.overrides[index].rules)
            self._sets[matched] = self._resolve(settings)
        return self._sets[matched]

    def _resolve(self, settings: Sequence[RuleSetting]) -> tuple[ActiveRule, ...]:
        state = {spec.code: _State(spec.enabled, spec.severity, dict(spec.options)) for spec in self.catalogue.specs}
        for setting in settings:
            spec = self.catalogue.find(setting.key)
            if spec is None:
                continue
            entry = state[spec.code]
            if setting.enabled is not None:
                entry.enabled = setting.enabled
            if setting.severity:
                entry.severity = setting.severity
            entry.options.update(setting.options)
        active = []
        for spec in self.catalogue.specs:
            found = state[spec.code]
            enabled, severity, options = found.enabled, found.severity, found.options
            if self.selected is not None:
                enabled = spec.code in self.selected
            if spec.code in self.ignored or not enabled:
                continue
            active.append(ActiveRule(spec, severity, self.build(spec, options)))
        return tuple(active)
