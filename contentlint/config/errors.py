"""Errors of the config layer: a bad config file, and a bad rule option (named by no layer above)."""

from __future__ import annotations


class ConfigError(Exception):
    """A config problem; str() is `file:line: key: message` so a user can jump to it."""

    def __init__(self, path: str, key: str, message: str, line: int | None = None) -> None:
        self.path, self.key, self.message, self.line = path, key, message, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")


class OptionError(ValueError):
    """A rule option with the wrong name, type or value; the message names the option."""
