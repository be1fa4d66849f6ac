"""The checker a config is read with: a value is checked at its key path, and a mistake becomes a
ConfigError that names the file, the key and its line. Every mistake of a config is collected,
so a team sees them all at once, not one per run."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from contentlint.config.errors import ConfigError, ConfigProblem, did_you_mean
from contentlint.config.model import RuleSetting
from contentlint.text import yamlsafe
from contentlint.text.yamlsafe import KeyPath

RULE_VALUES = ("off", "on", "error", "warning", "suggestion")


class Checker:
    """Validates values at key paths. A bad value raises ConfigError with the key's line; a
    mapping of known keys catches it per key, records it in `problems` and goes on with the next
    key, so every mistake of a config is reported at once."""

    def __init__(self, display: str, positions: Mapping[KeyPath, yamlsafe.Position]) -> None:
        self.display = display
        self.positions = positions
        self.problems: list[ConfigProblem] = []

    def record(self, error: ConfigError) -> None:
        self.problems.extend(error.problems)

    def fail(self, path: KeyPath, message: str) -> ConfigError:
        key = ".".join(str(part) for part in path)
        return ConfigError(self.display, key, message, yamlsafe.line_of(self.positions, path))

    def line(self, path: KeyPath) -> int | None:
        return yamlsafe.line_of(self.positions, path)

    def mapping(
        self, value: Any, path: KeyPath, keys: Mapping[str, Callable[[Any, KeyPath], Any]] | None = None
    ) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a mapping (key: value), got {type_name(value)}")
        if keys is None:
            return value
        result = {}
        for key, item in value.items():
            if key not in keys:
                hint = did_you_mean(str(key), keys)
                self.record(self.fail(path + (key,), f"unknown key{hint}; expected one of: {', '.join(keys)}"))
                continue
            try:
                result[key] = keys[key](item, path + (key,))
            except ConfigError as exc:
                self.record(exc)
        return result

    def string(self, value: Any, path: KeyPath) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, f"expected text, got {type_name(value)}")
        return value

    def optional_string(self, value: Any, path: KeyPath) -> str | None:
        return None if value is None else self.string(value, path)

    def strings(self, value: Any, path: KeyPath) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list of text, got {type_name(value)}")
        return tuple(self.string(item, path + (index,)) for index, item in enumerate(value))

    def string_map(self, value: Any, path: KeyPath) -> dict[str, str]:
        mapping = self.mapping(value, path)
        return {str(key): self.string(item, path + (key,)) for key, item in mapping.items()}

    def number(self, value: Any, path: KeyPath, minimum: float = 0.0, maximum: float | None = None) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(path, f"expected a number, got {type_name(value)}")
        if value < minimum or (maximum is not None and value > maximum):
            bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
            raise self.fail(path, f"must be {bound}, got {value}")
        return float(value)

    def integer(self, value: Any, path: KeyPath, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, f"expected a whole number, got {type_name(value)}")
        if value < minimum:
            raise self.fail(path, f"must be at least {minimum}, got {value}")
        return value

    def boolean(self, value: Any, path: KeyPath) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, f"expected true or false, got {type_name(value)}")
        return value

    def choice(self, value: Any, path: KeyPath, choices: tuple[str, ...]) -> str:
        if value is False and "off" in choices:  # YAML 1.1 reads a bare `off` as false
            return "off"
        if value is True and "on" in choices:
            return "on"
        if not isinstance(value, str) or value.lower() not in choices:
            raise self.fail(path, f"expected one of {', '.join(choices)}, got {value!r}")
        return value.lower()

    def rule_setting(self, key: Any, value: Any, path: KeyPath) -> RuleSetting:
        line = self.line(path)
        if value is None or isinstance(value, (str, bool)):
            word = self.choice(value, path, RULE_VALUES)
            if word == "off":
                return RuleSetting(str(key), enabled=False, line=line)
            if word == "on":
                return RuleSetting(str(key), enabled=True, line=line)
            return RuleSetting(str(key), enabled=True, severity=word, line=line)
        if not isinstance(value, dict):
            raise self.fail(path, f"expected off, on, a severity or a mapping of options, got {type_name(value)}")
        options = dict(value)
        severity = options.pop("severity", None)
        if severity is not None:
            severity = self.choice(severity, path + ("severity",), ("error", "warning", "suggestion"))
        enabled = options.pop("enabled", True)
        if not isinstance(enabled, bool):
            raise self.fail(path + ("enabled",), "expected true or false")
        return RuleSetting(str(key), enabled=enabled, severity=severity, options=options, line=line)

    def rule_settings(self, value: Any, path: KeyPath) -> tuple[RuleSetting, ...]:
        settings = []
        for key, item in self.mapping(value, path).items():
            try:
                settings.append(self.rule_setting(key, item, path + (key,)))
            except ConfigError as exc:
                self.record(exc)
        return tuple(settings)

    def patterns(self, value: Any, path: KeyPath) -> tuple[str, ...]:
        """Gitignore-style path patterns (config/globs.py), each checked now."""
        from contentlint.config.globs import invalid_pattern

        patterns = self.strings(value, path)
        for index, pattern in enumerate(patterns):
            problem = invalid_pattern(pattern)
            if problem:
                raise self.fail(path + (index,), problem)
        return patterns


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )
