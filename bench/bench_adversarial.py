"""Adversarial posts just under the 1 MiB size limit: how long the slowest one takes to check.

    python bench/bench_adversarial.py [--bytes 1048000] [--runs 3] [--only NAME,NAME]

Each post is a run of what used to be quadratic (URL-like dotted runs, terminators, emoji,
unclosed Markdown, e-mail floods, ...) or a flood of findings, trimmed to just under the size
limit, with a brand config so every default rule runs. Each post is checked `--runs` times, each
time in a fresh process (`check_paths` on the file, no cache, one job: parse, every rule and the
corpus rules, no start-up); the table gives medians, the ratio to an ordinary English post of
the same size measured the same way, and the slowest post. Prints markdown.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

POSTS: dict[str, Callable[[int], str]] = {
    "ordinary English prose (baseline)": lambda n: (
        "Our gel pens dry in a second, so your notes stay clean. " * (n // 57)
    ),
    "ordinary Bengali prose": lambda n: "আমাদের জেল পেন এক সেকেন্ডে শুকিয়ে যায়। " * (n // 40),
    '"U.S." run': lambda n: "U.S." * (n // 4),
    '"a." run': lambda n: "a." * (n // 2),
    '"x. " sentences': lambda n: "x. " * (n // 3),
    '"!" at a line end': lambda n: "Hi" + "!" * n + "\nmore",
    "emoji run": lambda n: "😀" * (n // 4),
    "emoji and spaces": lambda n: "😀 " * (n // 5),
    "emoji before capitals": lambda n: "😀 A" * (n // 6),
    "e-mail flood": lambda n: " ".join(f"user{i}@example.com" for i in range(n // 20)),
    "a word then an @": lambda n: "x" * n + " @",
    "URL flood": lambda n: "a.com " * (n // 6),
    "https URL flood": lambda n: "see https://www.example.com/path?q=1 now " * (n // 41),
    "one long URL": lambda n: "https://example.com/" + "a" * n,
    '"-a." dotted chain': lambda n: "-a." * (n // 3),
    "long hashtag": lambda n: "#" + "ab" * (n // 2),
    "hashtag flood": lambda n: "#pens " * (n // 6),
    "mention flood": lambda n: "@user " * (n // 6),
    "unclosed links": lambda n: "[a](" * (n // 4),
    "unclosed images": lambda n: "![a](" * (n // 5),
    "unclosed comments": lambda n: "<!--" * (n // 4),
    "unclosed directives": lambda n: "<!-- contentlint-disable " * (n // 25),
    "backtick runs": lambda n: "".join("`" * k + "a" for k in range(1, 2000))[:n],
    "one-character lines": lambda n: "a\n" * (n // 2),
    "zero-width spaces (a finding each)": lambda n: "a\u200b" * (n // 2),
    "zero-width joiners": lambda n: "a\u200d" * (n // 2),
    "capitals": lambda n: "BUY NOW " * (n // 8),
}
CONFIG = "brand:\n  name: InkWell\n  terms:\n    prefer: {cheap: affordable}\n"

MEASURE = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from contentlint.run import RunOptions
from contentlint.workspace import Workspace
folder = Path({folder!r})
linter = Workspace(str(folder / ".contentlint.yaml"), options=RunOptions(use_cache=False, jobs=1))
linter.check_text("Warm up: https://x.com #tag 😀 আমাদের। [a](b) `c`")
started = time.perf_counter()
report = linter.check_paths([str(folder / "post.md")])
print(json.dumps([time.perf_counter() - started, len(report.violations), len(report.errors)]))
"""


def post_text(make: Callable[[int], str], size: int) -> str:
    body = make(size)
    head = "---\nchannel: x\n---\n"
    while len((head + body + "\n").encode("utf-8")) > size:
        body = body[: int(len(body) * 0.95)]
    return head + body + "\n"


def measure(folder: Path) -> tuple[float, int, int]:
    code = MEASURE.format(root=str(ROOT), folder=str(folder))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900, check=True)
    seconds, violations, errors = json.loads(done.stdout.strip().splitlines()[-1])
    return seconds, violations, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1_048_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    names = [n for n in POSTS if not args.only or any(part in n for part in args.only.split(","))]
    baseline_name = next(iter(POSTS))
    if baseline_name not in names:
        names.insert(0, baseline_name)
    rows: list[tuple[str, int, float, int, int]] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / ".contentlint.yaml").write_text(CONFIG, encoding="utf-8")
        for name in names:
            text = post_text(POSTS[name], args.bytes)
            (folder / "post.md").write_text(text, encoding="utf-8")
            runs = [measure(folder) for _ in range(args.runs)]
            median = statistics.median(seconds for seconds, _, _ in runs)
            rows.append((name, len(text.encode("utf-8")), median, runs[0][1], runs[0][2]))
            print(f"  {name}: {median:.2f}s", file=sys.stderr, flush=True)
    baseline = rows[0][2]
    print(f"Posts of up to {args.bytes:,} bytes, every default rule and a brand config; median of {args.runs} runs.\n")
    print("| post | bytes | median s | x ordinary prose | findings | errors |")
    print("|---|---|---|---|---|---|")
    for name, size, median, violations, errors in sorted(rows, key=lambda row: -row[2]):
        print(f"| {name} | {size:,} | {median:.2f} | {median / baseline:.1f} | {violations:,} | {errors} |")
    slowest = max(rows, key=lambda row: row[2])
    print(f"\nSlowest: {slowest[0]}, {slowest[2]:.2f} s (ordinary prose of the same size: {baseline:.2f} s).")


if __name__ == "__main__":
    main()
