"""Regular expressions from rule packs are untrusted: compile them with a clear error and run
them with a time bound, so one pathological pattern cannot hang a CI gate."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

MATCH_TIMEOUT_SECONDS = 0.25
# After this many time-outs a pattern is not run again in this process: a pattern that backtracks
# on many posts would otherwise cost 0.25 s on each of 10,000 posts.
MAX_TIMEOUTS = 3
# And whatever it costs a post, a pattern gets this much matching time in all in one process: a
# pattern just under the bound on every post (0.2 s x 400 posts = 80 s) is stopped all the same.
# An ordinary pattern takes microseconds a post, so 100,000 posts stay far below it.
TOTAL_SECONDS = 10.0


class PatternError(ValueError):
    """A regular expression that does not compile; the message quotes it and says why."""


class PatternTimeout(Exception):
    """A pattern ran past its time bound on one post (or already had, too often)."""


@dataclass
class _Spent:
    timeouts: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class SafePattern:
    source: str
    compiled: regex.Pattern[str]
    spent: _Spent = field(default_factory=_Spent, compare=False, repr=False)  # mutable: this process's cost

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        spent = self.spent
        if spent.timeouts >= MAX_TIMEOUTS:
            raise PatternTimeout(
                f"pattern {self.source!r} is no longer run: it took longer than {MATCH_TIMEOUT_SECONDS}s on "
                f"{MAX_TIMEOUTS} posts; it probably backtracks catastrophically (nested repeats such as (a+)+)"
            )
        if spent.seconds >= TOTAL_SECONDS:
            raise PatternTimeout(
                f"pattern {self.source!r} is no longer run: it took {spent.seconds:.1f}s in all, over the "
                f"{TOTAL_SECONDS:.0f}s a pattern may take in one run; it probably backtracks (nested repeats "
                "such as (a+)+)"
            )
        timeout = min(MATCH_TIMEOUT_SECONDS, TOTAL_SECONDS - spent.seconds)
        matches = self.compiled.finditer(text, timeout=timeout)
        while True:
            started = time.perf_counter()
            try:
                match = next(matches)
            except StopIteration:
                spent.seconds += time.perf_counter() - started
                return
            except TimeoutError:
                spent.seconds += time.perf_counter() - started
                spent.timeouts += 1
                raise PatternTimeout(
                    f"pattern {self.source!r} took longer than {timeout:.2g}s on one post and was stopped; "
                    "it probably backtracks catastrophically (nested repeats such as (a+)+)"
                ) from None
            spent.seconds += time.perf_counter() - started
            yield match

    def search(self, text: str) -> regex.Match[str] | None:
        return next(iter(self.finditer(text)), None)


def compile_pattern(source: str, *, ignorecase: bool = True) -> SafePattern:
    flags = regex.V1 | (regex.IGNORECASE if ignorecase else 0)
    try:
        return SafePattern(source, regex.compile(source, flags))
    except regex.error as exc:
        raise PatternError(f"invalid regular expression {source!r}: {exc}") from None
