"""Regular expressions from rule packs are untrusted: compile them with a clear error and run
them with a time bound, so one pathological pattern cannot hang a CI gate."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .kinds.base import OptionError

MATCH_TIMEOUT_SECONDS = 0.25


class PatternTimeout(Exception):
    """A pattern ran past its time bound on one post."""


@dataclass(frozen=True)
class SafePattern:
    source: str
    compiled: "regex.Pattern[str]"

    def finditer(self, text: str) -> Iterator["regex.Match[str]"]:
        try:
            yield from self.compiled.finditer(text, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            raise PatternTimeout(
                f"pattern {self.source!r} took longer than {MATCH_TIMEOUT_SECONDS}s on one post and was stopped; "
                "it probably backtracks catastrophically (nested repeats such as (a+)+)"
            ) from None

    def search(self, text: str) -> "regex.Match[str] | None":
        return next(iter(self.finditer(text)), None)


def compile_pattern(source: str, *, ignorecase: bool = True) -> SafePattern:
    flags = regex.V1 | (regex.IGNORECASE if ignorecase else 0)
    try:
        return SafePattern(source, regex.compile(source, flags))
    except regex.error as exc:
        raise OptionError(f"invalid regular expression {source!r}: {exc}") from None
