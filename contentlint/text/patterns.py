"""Regular expressions from rule packs are untrusted: compile them with a clear error and run
them with a time bound, so one pathological pattern cannot hang a CI gate."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

MATCH_TIMEOUT_SECONDS = 0.25
# After this many time-outs a pattern is not run again in this process: a pattern that backtracks
# on many posts would otherwise cost 0.25 s on each of 10,000 posts.
MAX_TIMEOUTS = 3


class PatternError(ValueError):
    """A regular expression that does not compile; the message quotes it and says why."""


class PatternTimeout(Exception):
    """A pattern ran past its time bound on one post (or already had, too often)."""


@dataclass(frozen=True)
class SafePattern:
    source: str
    compiled: regex.Pattern[str]
    timeouts: list[int] = field(default_factory=lambda: [0], compare=False, repr=False)  # mutable count

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        if self.timeouts[0] >= MAX_TIMEOUTS:
            raise PatternTimeout(
                f"pattern {self.source!r} is no longer run: it took longer than {MATCH_TIMEOUT_SECONDS}s on "
                f"{MAX_TIMEOUTS} posts; it probably backtracks catastrophically (nested repeats such as (a+)+)"
            )
        try:
            yield from self.compiled.finditer(text, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            self.timeouts[0] += 1
            raise PatternTimeout(
                f"pattern {self.source!r} took longer than {MATCH_TIMEOUT_SECONDS}s on one post and was stopped; "
                "it probably backtracks catastrophically (nested repeats such as (a+)+)"
            ) from None

    def search(self, text: str) -> regex.Match[str] | None:
        return next(iter(self.finditer(text)), None)


def compile_pattern(source: str, *, ignorecase: bool = True) -> SafePattern:
    flags = regex.V1 | (regex.IGNORECASE if ignorecase else 0)
    try:
        return SafePattern(source, regex.compile(source, flags))
    except regex.error as exc:
        raise PatternError(f"invalid regular expression {source!r}: {exc}") from None
