"""Every rule is linear in the post's length on the runs that used to be quadratic.

Each case is checked through every default rule (with a brand config, so the brand rules run)
at two sizes, 20,000 and 80,000 characters, in the same test: four times the text must take
well under eight times as long (linear is about 4, quadratic about 16; 2 KB of "U.S." took
12-28 s before). The best of five tries, the sizes taken in turn, is compared, so load from
other work on the machine does not decide, and a round that still fails is measured again (up
to three). The test compares the code with itself on one machine and asserts no speed: absolute
times are in bench/bench_adversarial.py, not here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from contentlint.run import RunOptions
from contentlint.workspace import Workspace

SMALL = 20_000
RATIO = 8.0

CASES: dict[str, Callable[[int], str]] = {
    "U.S. run": lambda n: "U.S." * (n // 4),
    "a. run": lambda n: "a." * (n // 2),
    "x. x. x.": lambda n: "x. " * (n // 3),
    "! at a line end": lambda n: "Hi" + "!" * n + "\nmore",
    "dots": lambda n: "." * n,
    "emoji run": lambda n: "😀" * (n // 2),
    "emoji and spaces": lambda n: "😀 " * (n // 3),
    "zero-width joiners": lambda n: "a\u200d" * (n // 2),
    "e-mail flood": lambda n: " ".join(f"user{i}@example.com" for i in range(n // 20)),
    "word then an @": lambda n: "x" * n + " @",
    "long URL": lambda n: "https://example.com/" + "a" * n,
    "URL flood": lambda n: "a.com " * (n // 6),
    "long label before a dot": lambda n: "ক" * n + ".x",
    "dotted chain": lambda n: "-a." * (n // 3),
    "long hashtag": lambda n: "#" + "ab" * (n // 2),
    "unclosed links": lambda n: "[a](" * (n // 4),
    "unclosed images": lambda n: "![a](" * (n // 5),
    "brackets": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "backtick runs": lambda n: "".join("`" * k + "a" for k in range(1, 400))[:n],
    "unclosed comments": lambda n: "<!--" * (n // 4),
    "unclosed directives": lambda n: "<!-- contentlint-disable " * (n // 25),
    "many lines": lambda n: "a\n" * (n // 2),
    "Bengali prose": lambda n: "আমাদের কলম ভালো। " * (n // 17),
}


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    config = {"brand": {"name": "InkWell", "terms": {"prefer": {"cheap": "affordable"}}}}
    linter = Workspace(config, options=RunOptions())
    linter.check_text("Warm up: https://x.com #tag 😀 আমাদের। [a](b) `c`")
    return linter


def _best_times(linter: Workspace, small: str, large: str, tries: int = 5) -> tuple[float, float]:
    """The best time of each text, the two measured in turn, so a burst of load from other work
    on the machine slows both sizes alike instead of only the one it happened to fall on."""
    best = [float("inf"), float("inf")]
    for _ in range(tries):
        for which, text in enumerate((small, large)):
            started = time.perf_counter()
            linter.check_text(text)
            best[which] = min(best[which], time.perf_counter() - started)
    return best[0], best[1]


@pytest.mark.parametrize("name", list(CASES))
def test_four_times_the_text_takes_about_four_times_as_long(workspace: Workspace, name: str) -> None:
    small = "---\nchannel: x\n---\n" + CASES[name](SMALL) + "\n"
    large = "---\nchannel: x\n---\n" + CASES[name](4 * SMALL) + "\n"
    seen = []
    for _ in range(3):  # a quadratic path fails every round; a burst of load does not last three
        small_time, large_time = _best_times(workspace, small, large)
        ratio = large_time / max(small_time, 1e-3)
        if ratio < RATIO:
            return
        seen.append(f"{small_time:.3f}s -> {large_time:.3f}s (x{ratio:.1f})")
    raise AssertionError(f"{name}: {'; '.join(seen)}")
