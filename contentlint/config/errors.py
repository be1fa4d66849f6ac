"""Errors of the config layer: a bad config file, and a bad rule option (named by no layer above)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ConfigProblem:
    """One mistake in a config: the file, the key (dotted), the message, and the line if known."""

    path: str
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class ConfigError(Exception):
    """A config problem; str() is `file:line: key: message`, one line per problem, so a user can
    jump to each. A config with several mistakes raises one ConfigError listing all of them, in
    file order; `path`, `key`, `message` and `line` are the first one's."""

    def __init__(self, path: str, key: str, message: str, line: int | None = None) -> None:
        self.problems: tuple[ConfigProblem, ...] = (ConfigProblem(path, key, message, line),)
        self.path, self.key, self.message, self.line = path, key, message, line
        super().__init__(str(self.problems[0]))

    @classmethod
    def of(cls, problems: Sequence[ConfigProblem]) -> ConfigError:
        """One error for many problems (at least one), sorted by file and line."""
        ordered = sorted(problems, key=lambda p: (p.path, p.line or 0))
        first = ordered[0]
        error = cls(first.path, first.key, first.message, first.line)
        error.problems = tuple(ordered)
        error.args = ("\n".join(str(problem) for problem in ordered),)
        return error


class OptionError(ValueError):
    """A rule option with the wrong name, type or value; the message names the option."""


def close_match(word: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The known name nearest to a mistyped one (`chanel` -> `channel`), if one is near enough."""
    names = {str(name).lower(): str(name) for name in known}
    close = difflib.get_close_matches(str(word).lower(), list(names), n=1, cutoff=cutoff)
    return names[close[0]] if close else None


def did_you_mean(word: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    """` (did you mean 'channel'?)` for a near miss of a known name, else ''."""
    match = close_match(word, known, cutoff)
    return f" (did you mean '{match}'?)" if match else ""
